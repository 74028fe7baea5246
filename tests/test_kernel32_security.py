"""Object security (samples/k32_security): NtQuerySecurityObject / NtSetSecurityObject behind
GetKernelObjectSecurity, SetKernelObjectSecurity, GetFileSecurityW, GetSecurityInfo, SetSecurityInfo
and GetNamedSecurityInfoW: a new object's default descriptor from the token, the handle's
READ_CONTROL / WRITE_DAC, owners refused, and a file's DACL from the host file's writability."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"GetKernelObjectSecurity(no buffer) -> ERROR_INSUFFICIENT_BUFFER with the size",
    b"GetKernelObjectSecurity: a valid self-relative descriptor",
    b"owner: the token's user",
    b"group: the token's primary group",
    b"DACL: the default DACL, GENERIC_ALL mapped to EVENT_ALL_ACCESS",
    b"only the parts asked for",
    b"no READ_CONTROL -> ERROR_ACCESS_DENIED",
    b"no WRITE_DAC -> ERROR_ACCESS_DENIED",
    b"the new DACL reads back",
    b"SYSTEM as owner -> ERROR_INVALID_OWNER",
    b"GetSecurityInfo: pointers into one LocalAlloc block",
    b"GetSecurityInfo without ppSecurityDescriptor -> ERROR_INVALID_PARAMETER",
    b"SetSecurityInfo(NULL DACL): a NULL DACL reads back",
    b"GetFileSecurityW(missing) -> ERROR_FILE_NOT_FOUND",
]


@pytest.fixture(scope="module")
def security_run():
    return run_kernel("boot", sample_path("k32_security"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_security_checks(security_run, line):
    assert b"ok   " + line in security_run.stdout.splitlines(), security_run.stdout.decode(errors="replace")


def test_a_writable_file_gives_the_user_all_access(security_run):
    lines = security_run.stdout.splitlines()
    assert b"ok   GetFileSecurityW: the user may do anything with a writable file" in lines
    assert b"ok   GetNamedSecurityInfoW(file): its owner" in lines
    assert security_run.returncode == 0


def test_a_read_only_mount_gives_read_and_execute():
    result = run_kernel("boot", "--read-only", sample_path("k32_security"), timeout=300)
    lines = result.stdout.splitlines()
    assert b"ok   read-only: the user may read and execute the image, not write it" in lines
    assert not [ln for ln in lines if ln.startswith(b"FAIL ")] and result.returncode == 0
