"""Change notifications through kernel32 (samples/k32_notify): FindFirst/Next/CloseChangeNotification,
ReadDirectoryChangesW waiting, overlapped with an event, a completion routine or a completion port, a
buffer too small, CancelIo, and CancelSynchronousIo (NtCancelSynchronousIoFile) ending another thread's
waiting ReadDirectoryChangesW and pipe ReadFile with ERROR_OPERATION_ABORTED."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"FindFirstChangeNotificationW: a handle, not signalled yet",
    b"a file created: signalled",
    b"FindNextChangeNotification: waiting again",
    b"the file deleted: signalled",
    b"FindCloseChangeNotification",
    b"no filter -> ERROR_INVALID_PARAMETER",
    b"a missing folder -> ERROR_FILE_NOT_FOUND",
    b"a file -> ERROR_DIRECTORY",
    b"ReadDirectoryChangesW waits: one record, ADDED a.txt, 22 bytes",
    b"a change that does not fit in 8 bytes: TRUE and 0 bytes",
    b"changes before a handle's first request are not seen",
    b"the next one completes it",
    b"overlapped: TRUE, pending, the event not set",
    b"a rename: the event set, OLD_NAME a.txt and NEW_NAME b.txt, 46 bytes",
    b"with a completion routine: TRUE",
    b"the routine runs at the next alertable wait: REMOVED b.txt, 22 bytes",
    b"CancelIo: the request ends with ERROR_OPERATION_ABORTED",
    b"associated with a completion port: TRUE",
    b"the port's packet: key 7, the OVERLAPPED, ADDED c.txt",
    b"CancelSynchronousIo of a thread in no I/O -> ERROR_NOT_FOUND",
    b"CancelSynchronousIo of a thread waiting for changes: TRUE",
    b"its ReadDirectoryChangesW fails with ERROR_OPERATION_ABORTED",
    b"CancelSynchronousIo of a thread reading an empty pipe: TRUE",
    b"its ReadFile fails with ERROR_OPERATION_ABORTED",
    b"again, after it ended -> ERROR_NOT_FOUND",
]


@pytest.fixture(scope="module")
def notify_run():
    return run_kernel("boot", sample_path("k32_notify"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_checks(notify_run, line):
    assert b"ok   " + line in notify_run.stdout.splitlines(), notify_run.stdout.decode(errors="replace")


def test_sample_passes_everything(notify_run):
    assert not [ln for ln in notify_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert notify_run.returncode == 0
