"""What the machine really is: CPL 3 for user code, per-process PML4s sharing the kernel
half, kernel pages supervisor-only, the stages in order."""
import struct

import pytest
from conftest import sample_path
from unicorn import UC_HOOK_CODE
from unicorn.x86_const import UC_X86_REG_CS, UC_X86_REG_EFLAGS, UC_X86_REG_R11, UC_X86_REG_RCX, UC_X86_REG_SS

from kernel.ex.sysnums import SERVICE_NUMBERS
from kernel.hal import cpustate as cs
from kernel.hal.machine import SYSCALL_FMASK
from kernel.hal.native_lib import native_library
from kernel.mm.pte import US, P
from kernel.ps.create import CreateRequest
from kernel.session import Session

STAGES = ["0", "1", "2", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5", "6", "7"]


def boot(name, session=None):
    session = session or Session(128 << 20)
    process, thread = session.create_process(CreateRequest(sample_path(name)))
    return session, process, thread


def test_user_code_runs_at_cpl3_and_kernel_stubs_at_cpl0():
    session, process, thread = boot("hello_ntwrite")
    kernel = session.kernel
    seen = {}
    ctx = kernel.machine.uc.context_save()
    view = cs.blob_view(ctx)

    def at(label):
        def hook(uc, address, size, _):
            uc.context_update(ctx)
            seen.setdefault(label, (cs.cpl(view), struct.unpack_from("<Q", view, cs.OFF_CR3)[0]))
        return hook

    entry = process.image_base + process.image.entry_rva
    kernel.machine.uc.hook_add(UC_HOOK_CODE, at("entry"), None, entry, entry)
    gate = kernel.image.exports["KiSystemServiceGate"]
    kernel.machine.uc.hook_add(UC_HOOK_CODE, at("KiSystemServiceGate"), None, gate, gate)
    kernel.output_sink = lambda fd, data: None
    cr3 = process.space.cr3
    session.run(process, thread)
    assert seen["entry"] == (3, cr3)
    assert seen["KiSystemServiceGate"][0] == 0
    # KPROCESS.DirectoryTableBase is the CR3 the process ran with.
    assert process.eprocess.Pcb.DirectoryTableBase == seen["entry"][1]


def test_two_processes_share_the_kernel_half_and_differ_in_the_user_half():
    session, first, _ = boot("return_code")
    _, second, _ = boot("return_code", session)
    phys = session.kernel.phys
    a = [phys.read_q(first.space.cr3 + 8 * i) for i in range(512)]
    b = [phys.read_q(second.space.cr3 + 8 * i) for i in range(512)]
    assert first.space.cr3 != second.space.cr3
    assert a[256:] == b[256:] and any(e & P for e in a[256:])
    user_a = [e for e in a[:256] if e & P]
    user_b = [e for e in b[:256] if e & P]
    assert user_a and user_b and set(user_a).isdisjoint(user_b)


def test_kernel_pages_are_supervisor_and_user_pages_user():
    session, process, _ = boot("return_code")
    tables = process.space.tables
    kernel_pte = tables.get(session.kernel.image.exports["KiSystemCall64"])
    assert kernel_pte & P and not kernel_pte & US
    user_pte = tables.get(process.image_base)
    assert user_pte & P and user_pte & US
    # KUSER_SHARED_DATA: one frame, read-only for user mode at 0x7FFE0000.
    kuser = tables.get(0x7FFE0000)
    assert kuser & US and not kuser & 2
    assert tables.translate(0x7FFE0000) == session.kernel.system.kuser_pa
    assert tables.translate(0xFFFFF78000000000) is None          # not from user mode
    assert tables.translate(0xFFFFF78000000000, user=False) == session.kernel.system.kuser_pa


def test_every_stage_is_reported_in_order():
    session = Session(128 << 20)
    order = []
    session.kernel.events.subscribe(lambda e: order.append(e.fields["stage"]), ("stage",))
    _, process, thread = boot("return_code", session)
    session.run(process, thread)
    assert ["0"] + order == STAGES
    assert process.exit_status == 42


def test_hundred_faults_behave_like_the_first():
    """Unicorn escalates a second fault to #DF unless the fault state is reset every time."""
    session = Session(128 << 20)
    kernel = session.kernel
    kernel.fault_sink = lambda line: None
    kernel.output_sink = lambda fd, data: None
    statuses = []
    for _ in range(100):
        process, thread = session.create_process(CreateRequest(sample_path("kernel_touch")))
        session.run(process, thread)
        statuses.append(process.exit_status)
    assert statuses == [0xC0000005] * 100


def test_yield_switches_to_a_ready_thread_and_reports_when_none_is():
    """NtYieldExecution: STATUS_SUCCESS after another ready thread ran, else STATUS_NO_YIELD_PERFORMED."""
    session = Session(128 << 20)
    lines = []
    session.kernel.output_sink = lambda fd, data: lines.extend(data.decode().splitlines())
    first, thread = session.create_process(CreateRequest(sample_path("yield")))
    second, _ = session.create_process(CreateRequest(sample_path("yield")))
    session.run(first, thread)
    a, b = first.pid, second.pid
    assert a != b
    assert lines == [
        f"before, pid {a:#x}",          # A yields to B
        f"before, pid {b:#x}",          # B yields back to A
        "yield 1 status 0x0",           # A: another thread ran
        "yield 1 status 0x0",           # B
        "yield 2 status 0x0",           # A (B was still ready)
        f"after, pid {a:#x}",           # A ends
        "yield 2 status 0x0",           # B: A ran in between
        f"after, pid {b:#x}",
    ]
    assert first.exit_status == 0 and second.exit_status == 0


@pytest.mark.parametrize("pure_python", [False, True])
def test_syscall_enters_lstar_at_cpl0_as_the_processor_does(monkeypatch, pure_python):
    """SYSCALL (syscall.c, or Machine._syscall without the helper): RCX is the return address,
    R11 the caller's RFLAGS, RFLAGS masked by FMASK, CPL 0 with the STAR kernel CS/SS."""
    if pure_python:
        monkeypatch.setenv("NTMINI_PURE_PYTHON", "1")
    session, process, thread = boot("hello_ntwrite")
    kernel = session.kernel
    assert (kernel.machine._native_syscall is None) == (pure_python or native_library() is None)
    seen = []
    ctx = kernel.machine.uc.context_save()
    view = cs.blob_view(ctx)

    def before(uc, address, size, _):
        if not seen and address < 0x800000000000 and process.space.read(address, 2) == b"\x0f\x05":
            uc.context_update(ctx)
            seen.append({"rip": address, "rflags": uc.reg_read(UC_X86_REG_EFLAGS)})

    def entry(uc, address, size, _):
        if len(seen) == 1:
            uc.context_update(ctx)
            seen.append({"cpl": cs.cpl(view), "rcx": uc.reg_read(UC_X86_REG_RCX), "r11": uc.reg_read(UC_X86_REG_R11),
                         "rflags": uc.reg_read(UC_X86_REG_EFLAGS), "cs": uc.reg_read(UC_X86_REG_CS),
                         "ss": uc.reg_read(UC_X86_REG_SS)})

    kernel.machine.uc.hook_add(UC_HOOK_CODE, before)
    lstar = kernel.image.exports["KiSystemCall64"]
    kernel.machine.uc.hook_add(UC_HOOK_CODE, entry, None, lstar, lstar)
    kernel.output_sink = lambda fd, data: None
    session.run(process, thread)
    user, kernel_entry = seen
    assert kernel_entry["cpl"] == 0 and kernel_entry["cs"] == 0x10 and kernel_entry["ss"] == 0x18
    assert kernel_entry["rcx"] == user["rip"] + 2
    assert kernel_entry["r11"] == user["rflags"]
    assert kernel_entry["rflags"] & SYSCALL_FMASK == 0


def test_an_executive_error_in_a_gate_stops_the_cpu_and_surfaces():
    """A Python exception inside a service (a bug in the executive) ends the run with that
    exception, through the native thread run as through Unicorn's own wrapper."""
    session, process, thread = boot("hello_ntwrite")
    kernel = session.kernel

    def broken(kernel, thread, *args):
        raise RuntimeError("service bug")

    number = SERVICE_NUMBERS["NtWriteFile"]
    name, _, argc = kernel.service_table[number]
    kernel.service_table[number] = (name, broken, argc)
    with pytest.raises(RuntimeError, match="service bug"):
        session.run(process, thread)
    assert kernel.syscall_count >= 1
