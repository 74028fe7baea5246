"""The debugger views: each command's output on a sample, dt over every layout type, and the
break points (create, entry, exit, address, instruction count) with scripts and the prompt."""
import re
import subprocess
import sys

import pytest
from conftest import ROOT, run_kernel, sample_path

from kernel.debug.dt import cmd_dt
from kernel.debug.target import Target
from kernel.layouts import LAYOUTS
from kernel.ps.create import CreateRequest
from kernel.session import Session


def debug(sample, when, commands, *extra):
    result = run_kernel("boot", "--break", when, "-c", commands, *extra, sample_path(sample))
    assert b"Traceback" not in result.stderr, result.stderr
    return result.stdout.decode(), result


@pytest.fixture(scope="module")
def at_exit():
    out, result = debug("peb_walk", "exit", "!process 0 0; !process 8 7; !thread; !peb; !teb; lm; !vad; "
                        "!pte 140001000; db 140000000 L10; dq @$peb L4; u ntdll!RtlUserThreadStart L3; "
                        "dt _EPROCESS @$proc UniqueProcessId ImageFileName Pcb.BasePriority")
    assert result.returncode == 0
    return out


def test_process_list_shows_system_and_the_process(at_exit):
    assert "**** NT ACTIVE PROCESS DUMP ****" in at_exit
    assert re.search(r"Cid: 0004 .*\n.*\n    Image: System", at_exit)
    assert re.search(r"Cid: 0008    Peb: 7ffffffdf000  ParentCid: 0004", at_exit)
    assert "Image: peb_walk.exe" in at_exit


def test_process_with_threads(at_exit):
    assert "BasePriority                      8" in at_exit
    assert "QuantumReset                      6" in at_exit
    assert re.search(r"        THREAD ffffe[0-9a-f]{11}  Cid 0008\.000c  Teb: 00007ffffffdd000", at_exit)


def test_thread(at_exit):
    assert re.search(r"^THREAD ffffe[0-9a-f]{11}  Cid 0008\.000c", at_exit, re.M)
    assert "Priority 8  BasePriority 8" in at_exit
    assert "Win32 Start Address peb_walk+0x" in at_exit


def test_peb(at_exit):
    assert "PEB at 00007ffffffdf000" in at_exit
    assert "ImageBaseAddress:         0000000140000000" in at_exit
    assert "Ldr.Initialized:          Yes" in at_exit
    assert re.search(r"\s+140000000 00000000\s+C:\\app\\peb_walk.exe", at_exit)
    assert re.search(r"\s+7ffc00000000 00000000\s+C:\\Windows\\System32\\ntdll.dll", at_exit)
    assert "CommandLine:  'C:\\app\\peb_walk.exe'" in at_exit
    assert re.search(r"ProcessHeap:       0000[0-9a-f]{12}", at_exit)
    assert "ProcessHeap:       0000000000000000" not in at_exit
    assert "        SystemRoot=C:\\Windows" in at_exit


def test_teb(at_exit):
    assert "TEB at 00007ffffffdd000" in at_exit
    assert "Self:                 00007ffffffdd000" in at_exit
    assert "ClientId:             0000000000000008 . 000000000000000c" in at_exit
    assert "PEB Address:          00007ffffffdf000" in at_exit


def test_lm(at_exit):
    assert re.search(r"00000001`40000000 00000001`4000[0-9a-f]{4}   peb_walk", at_exit)
    assert re.search(r"00007ffc`00000000 00007ffc`000[0-9a-f]{5}   ntdll ", at_exit)
    assert "fffff800`00000000" in at_exit


def test_vad(at_exit):
    assert re.search(r"140000 +140\w+ +\d+ Mapped  Exe EXECUTE_WRITECOPY\s+C:\\app\\peb_walk.exe", at_exit)
    assert re.search(r"7ffffffdf +7ffffffdf +1 Private +READWRITE +PEB", at_exit)
    assert re.search(r"Total VADs: \d+", at_exit)


def test_pte_walk(at_exit):
    assert "VA 0000000140001000" in at_exit
    assert re.search(r"PXE at [0-9A-F]{16}    PPE at [0-9A-F]{16}    PDE at [0-9A-F]{16}    PTE at", at_exit)
    # code: user, read-only, executable, valid
    assert re.search(r"pfn [0-9a-f]+ +-+A?-*UREV\s*$", at_exit, re.M)


def test_memory_dumps_and_disassembly(at_exit):
    assert "00000001`40000000  4d 5a 90 00 03 00 00 00-04 00 00 00 ff ff 00 00  MZ.............." in at_exit
    assert re.search(r"00007fff`fffdf010  00000001`40000000 [0-9a-f]{8}`[0-9a-f]{8}", at_exit)
    assert "ntdll!RtlUserThreadStart:" in at_exit
    assert re.search(r"00007ffc`[0-9a-f]{8} [0-9a-f]+ +\w+", at_exit)


def test_dt_fields_offsets_values(at_exit):
    assert "   +0x440 UniqueProcessId  : 0x00000000`00000008 Void" in at_exit
    assert '   +0x5a8 ImageFileName    : [15] "peb_walk.exe"' in at_exit
    assert "      +0x280 BasePriority     : 0n8 ''" in at_exit


def test_dt_lists_and_recursion():
    out, _ = debug("peb_walk", "entry", "dt -r1 _PEB @$peb Ldr ImageBaseAddress; "
                   "dt -l InLoadOrderLinks _LDR_DATA_TABLE_ENTRY poi; dt _LIST_ENTRY")
    assert "   +0x010 ImageBaseAddress : 0x00000001`40000000 Void" in out
    assert "   +0x018 Ldr              : 0x00007ffc`" in out    # ntdll's PebLdr, built by its loader
    assert "Couldn't resolve" in out                      # poi is not an address: one line, go on
    assert "nt!_LIST_ENTRY" in out and "   +0x000 Flink            : Ptr64 _LIST_ENTRY" in out


def test_dt_walks_a_list_and_expands_nested():
    kernel, process = _session_at_creation()
    lines = []

    def at_exit(exited):            # PEB->Ldr is the guest loader's: read it once the process ran
        target = Target(kernel, exited, exited.threads[0])
        first = target.q(target.q(exited.peb + 0x18) + 0x10)
        cmd_dt(target, ["-l", "InLoadOrderLinks", "_LDR_DATA_TABLE_ENTRY", hex(first), "BaseDllName"], lines.append)
    kernel.process_exit_hook = at_exit
    kernel.dispatcher.run()
    target = Target(kernel, process, process.threads[0])
    text = "\n".join(lines)
    assert 'BaseDllName      : _UNICODE_STRING "peb_walk.exe"' in text
    assert 'BaseDllName      : _UNICODE_STRING "ntdll.dll"' in text
    lines.clear()
    cmd_dt(target, ["-r1", "_KTHREAD", hex(process.threads[0].address), "Affinity"], lines.append)
    assert "   +0x240 Affinity         : _GROUP_AFFINITY" in lines
    assert "      +0x000 Mask             : 0x1" in lines


def _session_at_creation():
    session = Session(128 << 20)
    process, _ = session.create_process(CreateRequest(sample_path("peb_walk")))
    return session.kernel, process


def test_dt_works_for_every_layout_type():
    kernel, process = _session_at_creation()
    target = Target(kernel, process, process.threads[0])
    for name in LAYOUTS.names():
        layout = LAYOUTS[name]
        lines = []
        cmd_dt(target, [name], lines.append)
        assert len(lines) == 1 + len(layout.members), name
        buffer = kernel.system.allocate_pool(max(layout.size, 16), 16)
        lines = []
        cmd_dt(target, [name, hex(buffer)], lines.append)
        assert len(lines) == len(layout.members), name
        for line, member in zip(lines, layout.members, strict=True):
            assert line.startswith(f"   +{member.offset:#05x} {member.name}"), (name, line)


def test_break_after_creation_and_at_an_address():
    out, _ = debug("hello_ntwrite", "create", "r")
    assert out.startswith("Break after process creation: process 8 (hello_ntwrite.), thread c, "
                          "rip 00007ffc`")
    assert "ntdll!LdrInitializeThunk" in out.splitlines()[0]
    out, _ = debug("hello_ntwrite", "ntdll!RtlUserThreadStart", "r")
    first = out.splitlines()[0]
    assert first.startswith("Break at 00007ffc`") and first.endswith("ntdll!RtlUserThreadStart")
    assert out.count("Hello from ring 3") == 1


def test_break_at_an_instruction_count():
    out, result = debug("return_code", "icount:5", "r")
    first = out.splitlines()[0]
    assert first.startswith("Break at instruction 5: process 8") and "nt!" in first   # still in ring 0
    assert result.returncode == 42


def test_interactive_prompt_go_and_quit():
    cmd = [sys.executable, "-m", "kernel", "boot", "--debug", sample_path("hello_ntwrite")]
    go = subprocess.run(cmd, cwd=ROOT, input=b"help lm\n!teb\ng\n", capture_output=True, timeout=60)
    out = go.stdout.decode()
    assert "kd> " in out and "TEB at 00007ffffffdd000" in out and "loaded modules" in out
    assert go.returncode == 7 and "Hello from ring 3" in out
    quit_ = subprocess.run(cmd, cwd=ROOT, input=b"q\n", capture_output=True, timeout=60)
    assert b"Hello from ring 3" not in quit_.stdout
    assert quit_.returncode == 0x04 and b"0x40010004" in quit_.stderr


def test_bad_commands_and_options():
    out, result = debug("hello_ntwrite", "exit", "dt _NOPE; !thread 999; db")
    assert "Symbol _NOPE not found." in out
    assert "Thread 999 not found" in out and "Usage: d" in out
    assert result.returncode == 7
    # an unknown command in -c is refused before the run, on stderr
    bad = run_kernel("boot", "--break", "exit", "-c", "lm; frobnicate", sample_path("hello_ntwrite"))
    assert bad.returncode == 64 and bad.stderr.count(b"\n") == 1 and b"'frobnicate'" in bad.stderr
    assert bad.stdout == b""
    bad = run_kernel("boot", "-c", "lm", sample_path("hello_ntwrite"))
    assert bad.returncode == 64 and bad.stderr.count(b"\n") == 1
    bad = run_kernel("boot", "--break", "nosuch!thing", sample_path("hello_ntwrite"))
    assert bad.returncode == 64 and b"Couldn't resolve" in bad.stderr and b"Traceback" not in bad.stderr
    helped = run_kernel("debug-help")
    assert helped.returncode == 0 and b"!process 0 0" in helped.stdout


def test_a_structure_at_an_unmapped_address_is_a_memory_access_error():
    """!teb and dt at an address nothing maps: one line each, and the session goes on."""
    out, result = debug("return_code", "exit", "!teb dead0000; dt _KTHREAD dead0000 State; !peb")
    assert result.returncode == 42
    assert "Memory access error at 00000000`dead0000" in out
    assert "Memory access error at 00000000`dead0184" in out
    assert "ImageBaseAddress" in out
