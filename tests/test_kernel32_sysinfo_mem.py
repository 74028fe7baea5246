"""A process's memory, I/O, session and WOW64 figures (samples/k32_sysinfo_mem): ProcessVmCounters
from the page tables (64 KB committed and touched is 64 KB more working set and private usage),
the working set page by page, the mapped file's NT path, the I/O counters of NtReadFile and
NtWriteFile, ProcessQuotaLimits' working-set bounds, SystemModuleInformation's ntoskrnl.exe, the
session, the product, and a native process's WOW64 answers."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"working set grew by 64 KB",
    b"private usage grew by 64 KB",
    b"freed: back to where it was, the peak remembers",
    b"QueryWorkingSet, 8 bytes -> ERROR_BAD_LENGTH",
    b"the image's header page: shared, read-only",
    b"this stack page: private, read-write",
    b"the stack page: valid, PAGE_READWRITE, private",
    b"a reserved page: not valid",
    b"of the stack -> ERROR_UNEXP_NET_ERR (STATUS_INVALID_ADDRESS)",
    b"of a pagefile-backed view -> ERROR_FILE_INVALID",
    b"2 writes, 12 bytes",
    b"1 read, 12 bytes",
    b"default bounds 204800..1413120",
    b"read back, with the flags",
    b"minimum above maximum -> ERROR_INVALID_PARAMETER",
    b"EnumDeviceDrivers: one",
    b"GetDeviceDriverFileNameW: \\SystemRoot\\system32\\ntoskrnl.exe",
    b"ProcessIdToSessionId: session 1",
    b"WTSGetActiveConsoleSessionId: 1",
    b"GetProductInfo: PRODUCT_PROFESSIONAL",
    b"QueryThreadCycleTime",
    b"IsWow64Process2: native AMD64",
    b"Wow64DisableWow64FsRedirection -> ERROR_INVALID_FUNCTION",
]


@pytest.fixture(scope="module")
def run():
    return run_kernel("boot", sample_path("k32_sysinfo_mem"))


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_check_passes(run, line):
    assert b"ok   " + line in run.stdout.splitlines(), run.stdout.decode(errors="replace")


def test_names_and_exit(run):
    lines = run.stdout.splitlines()
    assert b"mapped: \\Device\\HarddiskVolume1\\app\\k32_sysinfo_mem.exe" in lines
    assert b"ntoskrnl.exe" in lines
    assert b"C:\\Windows\\SysWOW64" in lines
    assert b"FAIL" not in run.stdout
    assert lines[-1] == b"all passed" and run.returncode == 0
