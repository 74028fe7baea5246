"""kernel32's thread-pool timer, wait and I/O objects (samples/k32_tpobjects): relative, absolute
and zero due times, periodic timers stopped with a NULL due time, IsThreadpoolTimerSet and the *Ex
results, due order on a one-thread pool, waits that fire once per set (signalled or timed out),
re-set from their callback or cancelled, and I/O completions delivered with their OVERLAPPED, error
and byte count, on one and on four processors."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"the callback runs when due",
    b"with the timer and its context",
    b"a spent one-shot timer still counts as set",
    b"SetThreadpoolTimerEx on a spent timer -> FALSE",
    b"SetThreadpoolTimerEx(NULL) on a set timer -> TRUE",
    b"a periodic timer, stopped: no more callbacks",
    b"an absolute due time",
    b"a due time of zero fires at once",
    b"CloseThreadpoolTimer cancels a set timer",
    b"timers fire in due order",
    b"signalled: the callback with WAIT_OBJECT_0",
    b"once per SetThreadpoolWait",
    b"timed out: the callback with WAIT_TIMEOUT",
    b"a zero timeout on an unsignalled object: WAIT_TIMEOUT at once",
    b"SetThreadpoolWaitEx(NULL) on a pending wait -> TRUE",
    b"a cancelled wait does not fire",
    b"re-set in its callback: each release a callback",
    b"a write: one callback with its OVERLAPPED, NO_ERROR and 100 bytes",
    b"a read at offset 50: 50 bytes",
    b"CancelThreadpoolIo: nothing expected, no callback",
    b"CreateThreadpoolIo(INVALID_HANDLE_VALUE) -> ERROR_INVALID_HANDLE",
]


@pytest.fixture(scope="module", params=[1, 4], ids=["1cpu", "4cpus"])
def objects_run(request):
    return run_kernel("boot", "--cpus", str(request.param), sample_path("k32_tpobjects"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_tpobjects_checks(objects_run, line):
    assert b"ok   " + line in objects_run.stdout.splitlines(), objects_run.stdout.decode(errors="replace")


def test_tpobjects_sample_passes_everything(objects_run):
    assert not [ln for ln in objects_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert objects_run.returncode == 0
