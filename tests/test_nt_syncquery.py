"""NtQueryEvent, NtQuerySemaphore and NtQueryMutant (classes, exact lengths, access and type checks,
a mutant's recursion count, owner and abandonment), NtGetNextThread/NtGetNextProcess (a walk ends with
STATUS_NO_MORE_ENTRIES; Flags 1 walks backwards) and NtSuspendProcess/NtResumeProcess on a child,
from samples/nt_syncquery (its whole output is compared in test_samples)."""
from conftest import run_kernel, sample_path


def _lines():
    result = run_kernel("boot", sample_path("nt_syncquery"))
    assert result.returncode == 0
    return result.stdout.decode().splitlines()


def test_object_queries():
    out = _lines()
    assert "manual event: 0x00000000 type 0 state 1 (8 bytes)" in out       # NotificationEvent, signalled
    assert "class 1: 0xC0000003, length 12: 0xC0000004" in out               # INVALID_INFO_CLASS, LENGTH_MISMATCH
    assert "SYNCHRONIZE only: 0xC0000022" in out                              # no EVENT_QUERY_STATE
    assert "an event as a semaphore: 0xC0000024" in out                       # OBJECT_TYPE_MISMATCH
    counts = [ln.split()[-7] for ln in out if ln.startswith(("free ", "owned once", "owned twice"))]
    assert counts == ["1", "0", "-1"]
    assert any(ln.startswith("abandoned by its owner") and "count 1 owned 0 abandoned 1" in ln for ln in out)


def test_walks_and_process_suspension():
    out = _lines()
    assert "threads of this process: 3, this one among them 1, the end 0x8000001A" in out
    assert "backwards from the end: 0x00000000, the newest is the child 1" in out
    assert "suspend without PROCESS_SUSPEND_RESUME: 0xC0000022" in out
    assert "the suspended child ends within 500 ms: 0" in out
    assert "its thread's suspend count: 1" in out
    assert "after the resume it ends with 7" in out
    assert "suspend an ended process: 0xC000010A" in out                      # PROCESS_IS_TERMINATING
