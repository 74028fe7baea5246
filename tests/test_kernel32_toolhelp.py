"""Toolhelp snapshots (issue 13, family 7) and OutputDebugString (family 10): the documented error
codes of samples/k32_toolhelp and samples/k32_debugprint asserted by name, the executive's
SystemProcessInformation list read back as bytes, and the debug-print events in --events, the
trace and the debugger."""
import json
import struct

import pytest
from conftest import run_kernel, sample_path

TOOLHELP_ERRORS = [
    b"Process32First with a short dwSize -> ERROR_BAD_LENGTH",
    b"the walk ends with ERROR_NO_MORE_FILES",
    b"no threads in a process snapshot -> ERROR_NO_MORE_FILES",
    b"Thread32First with a short dwSize -> ERROR_BAD_LENGTH",
    b"Module32Next ends with ERROR_NO_MORE_FILES",
    b"SNAPMODULE of a process that does not exist -> ERROR_INVALID_PARAMETER",
]


@pytest.fixture(scope="module")
def toolhelp_run():
    return run_kernel("boot", "--cpus", "2", sample_path("k32_toolhelp"))


@pytest.mark.parametrize("line", TOOLHELP_ERRORS, ids=[line.decode() for line in TOOLHELP_ERRORS])
def test_toolhelp_error_codes(toolhelp_run, line):
    assert b"ok   " + line in toolhelp_run.stdout.splitlines(), toolhelp_run.stdout.decode(errors="replace")


def test_toolhelp_sample_passes_everything(toolhelp_run):
    assert b"FAIL" not in toolhelp_run.stdout and toolhelp_run.returncode == 0


def test_system_process_information_layout():
    """The list as NtQuerySystemInformation packs it: Idle (no name), System, then each process
    with its live threads and its image name after them, NextEntryOffset 0 on the last."""
    from kernel.ex.sysproc import PROCESS_SIZE, THREAD_SIZE, system_process_information

    class View:
        def __init__(self, **fields):
            self.__dict__.update(fields)

    class Thread:
        def __init__(self, tid):
            self.tid, self.state, self.priority, self.base_priority = tid, 5, 9, 8
            tcb = View(KernelTime=0, UserTime=2, WaitTime=0, ContextSwitches=3, WaitReason=6)
            self.ethread = View(Tcb=tcb, CreateTime=View(QuadPart=7), Win32StartAddress=0x1400)

    class Process:
        def __init__(self, pid, name, threads, path=""):
            self.pid, self.image_path, self.name, self.threads = pid, path, name, threads
            self.exited, self.handles, self.space, self.base_priority = False, [1, 2], object(), 8
            pcb = View(UserTime=0, KernelTime=0)
            self.eprocess = View(Pcb=pcb, CreateTime=View(QuadPart=1), InheritedFromUniqueProcessId=4,
                                 PeakVirtualSize=0, VirtualSize=0)

    idle = Process(0, "Idle", [Thread(0)])
    kernel = View(idle_process=idle, processes=[Process(4, "System", []),
                                                Process(8, "app.exe", [Thread(12), Thread(16)], "C:\\app\\app.exe")])
    data = system_process_information(kernel, 0x10000)
    offsets, at = [], 0
    while True:
        offsets.append(at)
        nxt = struct.unpack_from("<I", data, at)[0]
        if not nxt:
            break
        at += nxt
    assert len(offsets) == 3
    last = offsets[2]
    assert struct.unpack_from("<I", data, last + 4)[0] == 2                       # NumberOfThreads
    assert struct.unpack_from("<Q", data, last + 0x50)[0] == 8                    # UniqueProcessId
    length, _, buffer = struct.unpack_from("<HH4xQ", data, last + 0x38)
    name_at = buffer - 0x10000
    assert name_at == last + PROCESS_SIZE + 2 * THREAD_SIZE
    assert data[name_at:name_at + length].decode("utf-16-le") == "app.exe"
    assert struct.unpack_from("<Q", data, last + PROCESS_SIZE + THREAD_SIZE + 0x30)[0] == 16    # ClientId.UniqueThread
    assert struct.unpack_from("<HH4xQ", data, 0x38) == (0, 0, 0)                  # Idle: no name


DEBUGPRINT_LINES = [
    b"A: DBG_PRINTEXCEPTION_C, length 6 with the NUL, the string",
    b"W: DBG_PRINTEXCEPTION_WIDE_C first",
    b"then the A fallback",
    b"a handler that continues the wide form: no fallback",
    b"the last error is kept",
]


@pytest.fixture(scope="module")
def debugprint_run(tmp_path_factory):
    events = tmp_path_factory.mktemp("events") / "events.jsonl"
    result = run_kernel("boot", "--events", str(events), sample_path("k32_debugprint"))
    return result, [json.loads(line) for line in events.read_text().splitlines()]


@pytest.mark.parametrize("line", DEBUGPRINT_LINES, ids=[line.decode() for line in DEBUGPRINT_LINES])
def test_output_debug_string_exceptions(debugprint_run, line):
    result, _ = debugprint_run
    assert b"ok   " + line in result.stdout.splitlines(), result.stdout.decode(errors="replace")


def test_output_debug_string_events(debugprint_run):
    """One debug-print event per call (the W form's ANSI fallback when nothing took the wide one)."""
    result, events = debugprint_run
    assert result.returncode == 0
    texts = [e["text"] for e in events if e["kind"] == "debug-print"]
    assert texts == ["before any handler\n", "hello", "wide text", "after the handler\n", ""]
    codes = [e["code"] for e in events if e["kind"] == "exception"]
    assert codes[:4] == [0x40010006, 0x40010006, 0x4001000A, 0x40010006]


def test_output_debug_string_in_trace_and_debugger(tmp_path):
    out = tmp_path / "trace.txt"
    run_kernel("trace", "--syscalls", "-o", str(out), sample_path("k32_debugprint"), timeout=300)
    assert '+++ debug-print pid=8 tid=12 text="before any handler\\n" +++' in out.read_text()
    result = run_kernel("boot", "--break", "exit", "-c", "r rip", sample_path("k32_debugprint"))
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "before any handler" and "hello" in lines and "wide text" in lines
