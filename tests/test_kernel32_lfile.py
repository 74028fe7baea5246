"""The legacy file calls (samples/k32_lfile): _lcreat/_lopen/_lread/_lwrite/_llseek/_lclose/_hwrite, OpenFile
with its OFSTRUCT, FindFirst/NextStreamW and FindFirst/NextFileNameW, the comm and tape calls on a file
(ERROR_INVALID_FUNCTION, the answer of a device without their I/O controls), SetFileShortName without
SeRestorePrivilege, the transacted calls without a transaction (ERROR_INVALID_HANDLE) and
CheckNameLegalDOS8Dot3's 8.3 rules."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"_lcreat and _lwrite: 11 bytes",
    b"_llseek and _lread",
    b"_hwrite of 0 bytes ends the file at the pointer",
    b"_lclose",
    b"_lclose again: HFILE_ERROR",
    b"_lopen OF_READ: reads 5, a write fails",
    b"_lopen of a missing file -> ERROR_FILE_NOT_FOUND",
    b"OpenFile OF_PARSE: the full name in the OFSTRUCT",
    b"OpenFile OF_EXIST: 1",
    b"OpenFile OF_READWRITE: a handle",
    b"OpenFile OF_DELETE deletes it",
    b"OF_EXIST of a missing file: HFILE_ERROR, nErrCode ERROR_FILE_NOT_FOUND",
    b"OpenFile OF_CREATE makes it",
    b"FindFirstStreamW: ::$DATA, 3 bytes",
    b"FindNextStreamW -> ERROR_HANDLE_EOF",
    b"FindClose closes it",
    b"a folder has no stream -> ERROR_HANDLE_EOF",
    b"FindFirstFileNameW into 4 -> ERROR_MORE_DATA, 20 needed (with the NUL)",
    b"FindFirstFileNameW: \\Temp\\k32_lfile.txt, without the drive",
    b"FindNextFileNameW -> ERROR_HANDLE_EOF",
    b"GetCommState on a file -> ERROR_INVALID_FUNCTION",
    b"SetCommState on a file -> ERROR_INVALID_FUNCTION",
    b"GetCommTimeouts -> ERROR_INVALID_FUNCTION",
    b"ClearCommError -> ERROR_INVALID_FUNCTION",
    b"GetCommModemStatus -> ERROR_INVALID_FUNCTION",
    b"EscapeCommFunction -> ERROR_INVALID_FUNCTION",
    b"GetCommState of a bad handle -> ERROR_INVALID_HANDLE",
    b"GetTapeStatus and PrepareTape on a file: ERROR_INVALID_FUNCTION",
    b"SetFileShortNameA -> ERROR_PRIVILEGE_NOT_HELD",
    b"CreateFileTransactedA with no transaction -> ERROR_INVALID_HANDLE",
    b"DeleteFileTransactedA -> ERROR_INVALID_HANDLE",
    b"CheckNameLegalDOS8Dot3A(readme.txt): legal, README.TXT",
    b'"a b.c": legal, with spaces',
    b"a 11-character base: not legal",
    b"a 4-character extension: not legal",
    b"a '+': not legal",
    b"no name -> ERROR_INVALID_PARAMETER",
]


@pytest.fixture(scope="module")
def lfile_run():
    return run_kernel("boot", sample_path("k32_lfile"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_checks(lfile_run, line):
    assert b"ok   " + line in lfile_run.stdout.splitlines(), lfile_run.stdout.decode(errors="replace")


def test_sample_passes_everything(lfile_run):
    assert not [ln for ln in lfile_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert lfile_run.returncode == 0
