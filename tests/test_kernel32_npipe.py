"""kernel32's named-pipe operations (samples/k32_npipe): ConnectNamedPipe, WaitNamedPipe,
PeekNamedPipe, GetNamedPipeInfo, Get/SetNamedPipeHandleState, TransactNamedPipe, CallNamedPipe and
DisconnectNamedPipe, their documented errors asserted by name, and the executive's disconnected
client end (STATUS_PIPE_DISCONNECTED)."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"ConnectNamedPipe(overlapped) -> ERROR_IO_PENDING",
    b"the listen completes when the client comes",
    b"ConnectNamedPipe again -> ERROR_PIPE_CONNECTED",
    b"WaitNamedPipe(20 ms) with the only instance taken -> ERROR_SEM_TIMEOUT",
    b"WaitNamedPipe of no pipe -> ERROR_FILE_NOT_FOUND",
    b"WaitNamedPipe of a file name -> ERROR_BAD_PATHNAME",
    b"GetNamedPipeInfo: the server end of a message pipe, its sizes",
    b"a collection count on a local pipe -> ERROR_INVALID_PARAMETER",
    b"PeekNamedPipe: 3 of the 5 bytes",
    b"and the read still gets them",
    b"TransactNamedPipe in byte read mode -> ERROR_BAD_PIPE",
    b"SetNamedPipeHandleState(PIPE_READMODE_MESSAGE)",
    b"TransactNamedPipe: the request out, the reply back",
    b"TransactNamedPipe with a reply still unread -> ERROR_PIPE_BUSY",
    b"the instance is free again",
    b"a second client is served",
    b"CallNamedPipe while the instance is taken -> ERROR_SEM_TIMEOUT",
    b"the disconnected client's read -> ERROR_PIPE_NOT_CONNECTED",
    b"CallNamedPipe of a pipe that is gone -> ERROR_FILE_NOT_FOUND",
    b"then the 4 bytes written, nothing left of a message in a byte pipe",
    b"the writer gone and nothing left -> ERROR_BROKEN_PIPE",
]


@pytest.fixture(scope="module")
def npipe_run():
    return run_kernel("boot", sample_path("k32_npipe"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_npipe_checks(npipe_run, line):
    assert b"ok   " + line in npipe_run.stdout.splitlines(), npipe_run.stdout.decode(errors="replace")


def test_npipe_sample_passes_everything(npipe_run):
    assert not [ln for ln in npipe_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert npipe_run.returncode == 0
