"""kernel32's thread-pool work items (samples/k32_threadpool): real worker threads, waits that
see every callback out or cancel the queued ones, a pool held to one thread, TrySubmitThreadpoolCallback,
QueueUserWorkItem, the *WhenCallbackReturns actions and DisassociateCurrentThreadFromCallback, on one
and on four processors."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"20 submissions, 20 callbacks, all done when the wait returns",
    b"none on the submitting thread",
    b"more than one at a time on the default pool",
    b"CreateThreadpoolWork(NULL) -> ERROR_INVALID_PARAMETER",
    b"a pool of one thread: six callbacks, never two at once",
    b"WaitForThreadpoolWorkCallbacks(cancel): the queued ones never run",
    b"TrySubmitThreadpoolCallback: the event set when the callback returns",
    b"QueueUserWorkItem",
    b"ReleaseSemaphoreWhenCallbackReturns(2)",
    b"LeaveCriticalSectionWhenCallbackReturns",
    b"DisassociateCurrentThreadFromCallback: the wait does not wait for the rest",
]


@pytest.fixture(scope="module", params=[1, 4], ids=["1cpu", "4cpus"])
def pool_run(request):
    return run_kernel("boot", "--cpus", str(request.param), sample_path("k32_threadpool"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_threadpool_checks(pool_run, line):
    assert b"ok   " + line in pool_run.stdout.splitlines(), pool_run.stdout.decode(errors="replace")


def test_threadpool_sample_passes_everything(pool_run):
    assert not [ln for ln in pool_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert pool_run.returncode == 0
