"""Kernel and process structures read back from guest memory, at Windows 10 22H2's offsets,
against what the executive created."""
import struct

import pytest
from conftest import sample_path
from unicorn import UC_HOOK_CODE
from unicorn.x86_const import UC_X86_REG_CR3

from kernel.layouts import LAYOUTS
from kernel.ps.create import CreateRequest
from kernel.session import Session

STATUS_PENDING = 0x103


def boot(name, args=(), run=True):
    session = Session(256 << 20)
    process, thread = session.create_process(CreateRequest(sample_path(name), list(args)))
    if run:
        session.run(process, thread)
    return session.kernel, process, thread


def q(space, va):
    return struct.unpack("<Q", space.read(va, 8))[0]


def test_well_known_offsets_of_the_build():
    # A handful that every tool of this build relies on (dt nt!_EPROCESS and friends).
    expected = {
        ("EPROCESS", "UniqueProcessId"): 0x440, ("EPROCESS", "ActiveProcessLinks"): 0x448,
        ("EPROCESS", "Peb"): 0x550, ("EPROCESS", "ImageFileName"): 0x5A8, ("EPROCESS", "ExitStatus"): 0x7D4,
        ("KPROCESS", "DirectoryTableBase"): 0x28, ("KPROCESS", "BasePriority"): 0x280,
        ("KTHREAD", "Teb"): 0xF0, ("KTHREAD", "Priority"): 0xC3, ("KTHREAD", "State"): 0x184,
        ("KTHREAD", "Process"): 0x220, ("ETHREAD", "Cid"): 0x478, ("ETHREAD", "Win32StartAddress"): 0x4D0,
        ("PEB", "Ldr"): 0x18, ("PEB", "ProcessParameters"): 0x20, ("PEB", "NtGlobalFlag"): 0xBC,
        ("TEB", "ProcessEnvironmentBlock"): 0x60, ("TEB", "LastErrorValue"): 0x68,
        ("LDR_DATA_TABLE_ENTRY", "BaseDllName"): 0x58, ("KUSER_SHARED_DATA", "NtBuildNumber"): 0x260,
        ("KPCR", "Prcb"): 0x180, ("OBJECT_HEADER", "Body"): 0x30,
    }
    for (type_, field), offset in expected.items():
        assert LAYOUTS[type_].offset(field) == offset, (type_, field)
    sizes = {"EPROCESS": 0xA40, "KPROCESS": 0x438, "ETHREAD": 0x898, "KTHREAD": 0x430, "PEB": 0x7C8,
             "TEB": 0x1838, "LDR_DATA_TABLE_ENTRY": 0x120, "KUSER_SHARED_DATA": 0x720, "HANDLE_TABLE_ENTRY": 0x10}
    for type_, size in sizes.items():
        assert LAYOUTS[type_].size == size, type_


def test_every_member_lies_inside_its_structure():
    for name in LAYOUTS.names():
        layout = LAYOUTS[name]
        for f in layout.members:
            assert 0 <= f.offset and f.offset + f.size <= layout.size, (name, f.name)


def test_peb_teb_and_ids_as_created():
    kernel, process, thread = boot("hello_ntwrite", run=False)
    space = process.space
    peb = space.read(process.peb, LAYOUTS["PEB"].size)
    assert struct.unpack_from("<Q", peb, 0x10)[0] == process.image_base       # ImageBaseAddress
    assert struct.unpack_from("<I", peb, 0xB8)[0] == 1                        # NumberOfProcessors
    assert struct.unpack_from("<IIH", peb, 0x118) == (10, 0, 19045)           # OS version
    assert peb[2] == 0                                                        # BeingDebugged
    teb = space.read(thread.teb, 0x70)
    assert struct.unpack_from("<Q", teb, 0x30)[0] == thread.teb               # NtTib.Self
    assert struct.unpack_from("<QQ", teb, 0x40) == (process.pid, thread.tid)  # ClientId
    assert struct.unpack_from("<Q", teb, 0x60)[0] == process.peb
    base, limit = struct.unpack_from("<QQ", teb, 0x08)
    assert limit < base and thread.user_stack[2] == base
    system = kernel.system
    et = thread.address
    assert struct.unpack("<QQ", system.read(et + 0x478, 16)) == (process.pid, thread.tid)   # Cid
    assert q(system, et + 0xF0) == thread.teb                                              # Tcb.Teb
    assert q(system, et + 0x220) == process.address                                        # Tcb.Process
    start = process.image_base + process.image.entry_rva
    assert q(system, et + 0x450) == start and q(system, et + 0x4D0) == start
    assert q(system, et + 0x28) == thread.kernel_stack                                     # InitialStack
    ep = process.address
    assert q(system, ep + 0x440) == process.pid
    assert q(system, ep + 0x540) == 4                          # InheritedFromUniqueProcessId: System
    assert q(system, ep + 0x550) == process.peb
    assert q(system, ep + 0x520) == process.image_base        # SectionBaseAddress
    assert q(system, ep + 0x570) != 0                         # ObjectTable
    assert q(system, ep + 0x468) != 0                         # CreateTime
    assert struct.unpack("<I", system.read(ep + 0x7D4, 4))[0] == STATUS_PENDING
    assert system.read(ep + 0x5A8, 15).rstrip(b"\0") == b"hello_ntwrite."
    assert struct.unpack("<bb", system.read(ep + 0x280, 2)) == (8, 6)   # BasePriority, QuantumReset
    assert q(system, ep + 0x50 + 8) == 1                                 # Affinity.Bitmap[0]


def test_exit_status_replaces_pending():
    kernel, process, _ = boot("hello_ntwrite")
    assert struct.unpack("<I", kernel.system.read(process.address + 0x7D4, 4))[0] == 7


def test_active_process_links_ring_holds_system_and_the_process():
    kernel, process, _ = boot("return_code", run=False)
    system = kernel.system
    head = kernel.active_process_head
    link_off = LAYOUTS["EPROCESS"].offset("ActiveProcessLinks")
    seen, entry, prev = [], q(system, head), head
    while entry != head:
        assert q(system, entry + 8) == prev                   # Blink of each is the one before
        seen.append(entry - link_off)
        prev, entry = entry, q(system, entry)
        assert len(seen) < 100
    assert q(system, head + 8) == prev
    pids = [q(system, ep + 0x440) for ep in seen]
    assert pids[0] == 4 and process.pid in pids and process.address in seen
    names = [system.read(ep + 0x5A8, 15).rstrip(b"\0") for ep in seen]
    assert b"System" in names


def _walk(space, head, link_off):
    out, e = [], q(space, head)
    while e != head:
        out.append(e - link_off)
        e = q(space, e)
    return out


def _loader_lists(process):
    """PEB->Ldr's three lists, and each load-order entry's base, size and name."""
    space = process.space
    ldr = q(space, process.peb + 0x18)
    load = _walk(space, ldr + 0x10, 0x00)
    entries = []
    for entry in load:
        length, _, buffer = struct.unpack("<HHxxxxQ", space.read(entry + 0x58, 16))
        entries.append((q(space, entry + 0x30), struct.unpack("<I", space.read(entry + 0x40, 4))[0],
                        space.read(buffer, length).decode("utf-16-le")))
    init = _walk(space, ldr + 0x30, 0x20)
    return {"load": load, "memory": _walk(space, ldr + 0x20, 0x10), "init": init, "entries": entries,
            "init_bases": [q(space, e + 0x30) for e in init]}


def test_three_loader_lists_agree():
    """The guest loader's lists (read at the exit, before the address space goes) hold the images
    the executive mapped, in load order; the initialisation order holds the DLLs, each after the
    DLLs it imports (kernelbase before kernel32)."""
    kernel, process, _ = boot("peb_walk", run=False)
    seen = {}

    def at_exit(exited):
        if exited is process:
            seen.update(_loader_lists(exited))
    kernel.process_exit_hook = at_exit
    kernel.dispatcher.run()
    load, init, entries = seen["load"], seen["init"], seen["entries"]
    assert load == seen["memory"]
    dlls = [e for e, (base, _, _) in zip(load, entries, strict=True) if base != process.image_base]
    assert sorted(init) == sorted(dlls) and init[0] == dlls[0]          # ntdll first
    bases = seen["init_bases"]
    by_name = {m.name.lower(): m.base for m in process.modules}
    if "kernel32.dll" in by_name:
        assert bases.index(by_name["kernelbase.dll"]) < bases.index(by_name["kernel32.dll"])
    assert len(load) == len(process.modules)
    for (base, size, name), module in zip(entries, process.modules, strict=True):
        assert (base, size, name) == (module.base, module.size, module.name)


def test_directory_table_base_is_cr3_while_running():
    kernel, process, thread = boot("hello_ntwrite", run=False)
    seen = []

    def at_entry(uc, address, size, _):
        seen.append((uc.reg_read(UC_X86_REG_CR3), q(kernel.system, process.address + 0x28)))
    entry = process.image_base + process.image.entry_rva
    kernel.machine.uc.hook_add(UC_HOOK_CODE, at_entry, None, entry, entry)
    kernel.dispatcher.run()
    assert seen and seen[0][0] == seen[0][1] == process.space.cr3


def test_priority_change_shows_in_kthread_at_once():
    kernel, process, thread = boot("thread_priority")
    raw = kernel.system.read(thread.address, 0x300)
    assert struct.unpack_from("<b", raw, 0xC3)[0] == 12        # KTHREAD.Priority
    assert struct.unpack_from("<b", raw, 0x233)[0] == 10       # KTHREAD.BasePriority
    assert thread.priority == 12 and thread.base_priority == 10


def test_kuser_shared_data_version_and_clock():
    kernel, process, _ = boot("return_code", run=False)
    kuser = process.space.read(0x7FFE0000, 0x720)
    assert struct.unpack_from("<I", kuser, 0x260)[0] == 19045
    assert struct.unpack_from("<II", kuser, 0x26C) == (10, 0)
    assert struct.unpack_from("<I", kuser, 0x3C0)[0] == 1
    low, high = struct.unpack_from("<Ii", kuser, 0x14)
    assert ((high << 32) | low) == kernel.system_time() > 0


@pytest.mark.parametrize("field,expected", [("StandardOutput", 0x28), ("CommandLine", 0x70),
                                            ("Environment", 0x80), ("ImagePathName", 0x60)])
def test_process_parameters_offsets(field, expected):
    assert LAYOUTS["RTL_USER_PROCESS_PARAMETERS"].offset(field) == expected
