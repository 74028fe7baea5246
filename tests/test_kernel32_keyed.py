"""Keyed events and what sleeps on them (issue 13, family 6): SRW locks, condition variables and
WaitOnAddress block in NtWaitForKeyedEvent instead of polling, and the process heap has a lock.
samples/k32_keyed's documented error codes are asserted by name, and its system calls show that
no thread polls: the only NtDelayExecution calls are the program's own three Sleep(10)."""
import pytest
from conftest import run_kernel, sample_path

ERROR_LINES = [
    b"a timed sleep with no wake -> ERROR_TIMEOUT after its time",
    b"WaitOnAddress times out -> ERROR_TIMEOUT",
    b"a size of 3 -> ERROR_INVALID_PARAMETER",
    b"a wait with no releaser times out",
    b"a release with no waiter times out",
    b"an odd key -> STATUS_INVALID_PARAMETER_1",
    b"a release through a handle without KEYEDEVENT_WAKE -> STATUS_ACCESS_DENIED",
    b"another thread's HeapAlloc waits for HeapUnlock",
    b"four threads allocating and freeing on the process heap at once",
]


@pytest.fixture(scope="module")
def keyed_run():
    return run_kernel("boot", sample_path("k32_keyed"))


@pytest.mark.parametrize("line", ERROR_LINES, ids=[line.decode() for line in ERROR_LINES])
def test_keyed_event_error_codes(keyed_run, line):
    assert b"ok   " + line in keyed_run.stdout.splitlines(), keyed_run.stdout.decode(errors="replace")


def test_keyed_sample_passes_everything(keyed_run):
    assert b"FAIL" not in keyed_run.stdout
    assert keyed_run.returncode == 0


def test_contended_locks_sleep_in_keyed_event_waits_not_in_delays(tmp_path):
    out = tmp_path / "calls.txt"
    result = run_kernel("trace", "--syscalls", "-o", str(out), sample_path("k32_keyed"), timeout=600)
    assert result.returncode == 0
    calls = out.read_text().splitlines()

    def count(name):
        return sum(1 for line in calls if f" {name}(" in line)
    assert count("NtDelayExecution") == 3                   # Sleep(10) three times, nothing else
    assert count("NtWaitForKeyedEvent") > 50 and count("NtReleaseKeyedEvent") > 50
