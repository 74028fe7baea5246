"""Locked pages, flushed views, NUMA, power and CONTEXT records (samples/k32_sysinfo_more):
NtLockVirtualMemory's locked set bounded by the minimum working set (ERROR_WORKING_SET_QUOTA until
SetProcessWorkingSetSize raises it), NtFlushVirtualMemory writing a view back to its file, the
one-node NUMA answers, AC power with no battery, SetThreadExecutionState's previous states, and
InitializeContext's layout (CONTEXT, CONTEXT_EX, alignment: 1271 bytes) with no XSAVE area."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"of a reserved page -> ERROR_NOACCESS",
    b"again -> ERROR_NOT_LOCKED",
    b"1 MB past the minimum working set -> ERROR_WORKING_SET_QUOTA",
    b"after raising the minimum to 2 MB it locks",
    b"the file has the view's bytes",
    b"of the stack -> ERROR_INVALID_ADDRESS",
    b"node 0 holds every processor",
    b"processor 63 -> node 0xFF, ERROR_INVALID_PARAMETER",
    b"on AC power, no system battery",
    b"a one-off keeps the continuous state",
    b"GetSystemTimeAdjustment: 15.625 ms, no adjustment",
    b"IsProcessCritical: no",
    b"SetProcessShutdownParameters(0x3FF, NORETRY)",
    b"level 0x50 -> ERROR_INVALID_PARAMETER",
    b"InitializeContext: 16-aligned, ContextFlags set",
    b"CONTEXT_XSTATE -> ERROR_NOT_SUPPORTED",
    b"CopyContext",
    b"LocateXStateFeature(SSE): the XMM registers",
]


@pytest.fixture(scope="module")
def run():
    return run_kernel("boot", sample_path("k32_sysinfo_more"))


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_check_passes(run, line):
    assert b"ok   " + line in run.stdout.splitlines(), run.stdout.decode(errors="replace")


def test_printed_values(run):
    lines = run.stdout.splitlines()
    assert b"file: flushed!" in lines                   # the view's 9 bytes, NUL included, then the old dots
    assert b"context length 1271" in lines            # sizeof(CONTEXT) + sizeof(CONTEXT_EX) + 15
    assert lines[-1] == b"all passed" and run.returncode == 0
