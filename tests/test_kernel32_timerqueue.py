"""kernel32's legacy thread pool (samples/k32_timerqueue): timer queues whose timers fire in due
order (equal due times in creation order), periodic timers until deleted, ChangeTimerQueueTimer,
the delete contract (NULL / INVALID_HANDLE_VALUE / an event, ERROR_IO_PENDING while a callback runs),
DeleteTimerQueueEx, and registered waits (signalled, timed out, WT_EXECUTEONLYONCE, UnregisterWait
inside the callback), on one and on four processors."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"one-shot timers fire in due order (10, 20, 30 ms)",
    b"TimerOrWaitFired is TRUE for a timer",
    b"but the timer does not fire again",
    b"equal due times fire in creation order",
    b"WT_EXECUTEINTIMERTHREAD: both on the timer thread",
    b"no callback after the delete returned",
    b"ChangeTimerQueueTimer: a 100 s timer moved to 5 ms",
    b"DeleteTimerQueueTimer(NULL) with nothing running succeeds",
    b"DeleteTimerQueueTimer(NULL) while its callback runs -> ERROR_IO_PENDING",
    b"DeleteTimerQueueTimer(event) while its callback runs -> ERROR_IO_PENDING",
    b"the event is not set while the callback runs",
    b"and is set once it returns",
    b"DeleteTimerQueueTimer(event) of an idle timer: TRUE, the event set",
    b"its pending timer never fired",
    b"DeleteTimerQueueEx(default queue) -> ERROR_INVALID_HANDLE",
    b"without WT_EXECUTEONLYONCE it waits again: two signals, two callbacks",
    b"no callback after unregistering",
    b"timed out: TimerOrWaitFired TRUE",
    b"WT_EXECUTEONLYONCE: nothing more",
    b"UnregisterWait inside its callback -> ERROR_IO_PENDING",
    b"UnregisterWait(NULL) -> ERROR_INVALID_HANDLE",
]


@pytest.fixture(scope="module", params=[1, 4], ids=["1cpu", "4cpus"])
def queue_run(request):
    return run_kernel("boot", "--cpus", str(request.param), sample_path("k32_timerqueue"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_timerqueue_checks(queue_run, line):
    assert b"ok   " + line in queue_run.stdout.splitlines(), queue_run.stdout.decode(errors="replace")


def test_timerqueue_sample_passes_everything(queue_run):
    assert not [ln for ln in queue_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert queue_run.returncode == 0


def test_timerqueue_runs_the_same_twice():
    first = run_kernel("boot", sample_path("k32_timerqueue"), timeout=300)
    second = run_kernel("boot", sample_path("k32_timerqueue"), timeout=300)
    assert first.stdout == second.stdout and first.returncode == second.returncode == 0
