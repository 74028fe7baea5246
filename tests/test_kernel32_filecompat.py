"""kernel32's file calls around the common ones (samples/k32_filecompat): the ANSI volume and path
queries, GetCompressedFileSize, CreateDirectoryEx, MoveFileWithProgress, ReOpenFile, and
SetFileCompletionNotificationModes with GetOverlappedResultEx over an overlapped named pipe."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"GetDiskFreeSpaceExA(NULL): the current drive, the same size",
    b"GetDiskFreeSpaceA(Q:\\) -> ERROR_PATH_NOT_FOUND",
    b"a file-system name buffer too small -> ERROR_BAD_LENGTH",
    b"GetLogicalDriveStringsA: C:\\ and the double NUL",
    b"GetShortPathNameA with a small buffer: the size needed",
    b"GetFinalPathNameByHandleA: \\\\?\\ and the path",
    b"of a missing file -> INVALID_FILE_SIZE, ERROR_FILE_NOT_FOUND",
    b"it reads the file from the start",
    b"and cannot write -> ERROR_ACCESS_DENIED",
    b"with the template's hidden attribute",
    b"a file as the template -> ERROR_DIRECTORY",
    b"MoveFileWithProgressA renames",
    b"and its packet is queued",
    b"no packet for it -> WAIT_TIMEOUT",
    b"and the handle was not signalled",
    b"the pending read's packet arrives when data comes",
    b"GetOverlappedResultEx(0): ERROR_IO_INCOMPLETE",
    b"GetOverlappedResultEx(30 ms) -> WAIT_TIMEOUT",
    b"then it returns the bytes",
    b"an unknown mode -> ERROR_INVALID_PARAMETER",
]


@pytest.fixture(scope="module")
def filecompat_run():
    return run_kernel("boot", sample_path("k32_filecompat"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_filecompat_checks(filecompat_run, line):
    assert b"ok   " + line in filecompat_run.stdout.splitlines(), filecompat_run.stdout.decode(errors="replace")


def test_filecompat_sample_passes_everything(filecompat_run):
    assert not [ln for ln in filecompat_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert filecompat_run.returncode == 0

