"""Handle flags, SignalObjectAndWait and process/thread times (issue 13, families 4 and 6): the
documented error codes of samples/k32_handles, each asserted by name, and the times it reads
checked against the executive's own view of the same threads."""
import pytest
from conftest import run_kernel, sample_path

ERROR_LINES = [
    b"CloseHandle on a protected handle -> ERROR_INVALID_HANDLE",
    b"GetHandleInformation on a closed handle -> ERROR_INVALID_HANDLE",
    b"SetHandleInformation on no handle -> ERROR_INVALID_HANDLE",
    b"a mutex the caller does not own -> ERROR_NOT_OWNER",
    b"a semaphore at its maximum -> ERROR_TOO_MANY_POSTS",
    b"a thread cannot be signalled -> ERROR_INVALID_HANDLE",
    b"an event handle without EVENT_MODIFY_STATE -> ERROR_ACCESS_DENIED",
    b"GetThreadTimes of a process handle -> ERROR_INVALID_HANDLE",
    b"GlobalMemoryStatusEx without dwLength -> ERROR_INVALID_PARAMETER",
]


@pytest.fixture(scope="module")
def handles_run():
    return run_kernel("boot", sample_path("k32_handles"))


@pytest.mark.parametrize("line", ERROR_LINES, ids=[line.decode() for line in ERROR_LINES])
def test_handle_and_wait_error_codes(handles_run, line):
    assert b"ok   " + line in handles_run.stdout.splitlines(), handles_run.stdout.decode(errors="replace")


def test_handles_sample_passes_everything(handles_run):
    assert b"FAIL" not in handles_run.stdout
    assert handles_run.returncode == 0


def test_user_time_is_the_ticks_charged_while_a_thread_ran():
    """KeUpdateRunTime: each clock tick that comes while a thread runs adds one to its
    KTHREAD.UserTime and to its process's KPROCESS.UserTime (a process sums its threads)."""
    from kernel.ke.kthread import OFF_PROCESS_USER_TIME, OFF_USER_TIME, KThread

    class Process:
        _dh_pa = 0x100
        job = None                      # in no job: no limits to check

    class Thread(KThread):
        pass

    mem = bytearray(0x4000)
    process = Process()
    threads = []
    for pa in (0x1000, 0x2000):
        t = Thread()
        t._mem, t._pa, t.process = mem, pa, process
        threads.append(t)
    threads[0].charge_ticks(2)
    threads[1].charge_ticks(1)
    threads[0].charge_ticks(1)

    def ulong(at):
        return int.from_bytes(mem[at:at + 4], "little")
    assert ulong(0x1000 + OFF_USER_TIME) == 3
    assert ulong(0x2000 + OFF_USER_TIME) == 1
    assert ulong(0x100 + OFF_PROCESS_USER_TIME) == 4
