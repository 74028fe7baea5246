"""kernel32's legacy calls and process counters (samples/k32_legacy): MulDiv, the undecorated lstr*
names, IsBad*Ptr, FlushInstructionCache after rewritten code, NeedCurrentDirectoryForExePath,
GetSystemTimes, GetProcessHandleCount, GetProcessVersion, the thread priority boost, the stack limits,
the processor topology of a two-processor boot, RaiseFailFastException's exit code and FatalAppExit's
hard-error line."""
import pefile
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"MulDiv rounds half away from zero",
    b"MulDiv: -1 for a zero divisor or an overflow",
    b"lstrcpyn keeps n-1 characters",
    b"a range running into reserved memory is bad",
    b"a guard page is bad",
    b"and stays a guard page",
    b"one running off the page is bad, unless max stops first",
    b"rewritten, flushed and run again",
    b"FlushInstructionCache of a bad handle -> ERROR_INVALID_HANDLE",
    b"with NoDefaultCurrentDirectoryInExePath set: FALSE, unless the name has a backslash",
    b"one more with an event open, back after CloseHandle",
    b"GetProcessVersion of no process -> ERROR_INVALID_PARAMETER",
    b"SetProcessPriorityBoost reaches the process's threads",
    b"GetCurrentThreadStackLimits: the whole reservation, this frame inside it",
    b"two cores, one package, one NUMA node",
    b"the same cores and caches, one group of two",
    b"GetCurrentProcessorNumberEx: on processor 1 now",
    b"GetProcessGroupAffinity with no room -> ERROR_INSUFFICIENT_BUFFER, count 1",
    b"RaiseFailFastException: the exit code is the record's, no filter ran",
    b"without a record: STATUS_FAIL_FAST_EXCEPTION",
    b"FatalAppExitA: the process ends",
]


@pytest.fixture(scope="module")
def legacy_run():
    return run_kernel("boot", "--cpus", "2", sample_path("k32_legacy"), timeout=300)


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_legacy_checks(legacy_run, line):
    assert b"ok   " + line in legacy_run.stdout.splitlines(), legacy_run.stdout.decode(errors="replace")


def test_legacy_sample_passes_everything(legacy_run):
    assert not [ln for ln in legacy_run.stdout.splitlines() if ln.startswith(b"FAIL ")]
    assert legacy_run.returncode == 0


def test_fail_fast_runs_no_filter(legacy_run):
    assert b"the filter ran" not in legacy_run.stdout
    assert b"RaiseFailFastException returned" not in legacy_run.stdout
    assert b"FatalAppExitA returned" not in legacy_run.stdout


def test_fatal_app_exit_message_on_stderr(legacy_run):
    line = b"k32_legacy.exe - Fatal Application Exit: the application cannot go on"
    assert line + b" [0x40000015 (STATUS_FATAL_APP_EXIT)]" in legacy_run.stderr


def test_process_version_is_the_subsystem_version(legacy_run):
    pe = pefile.PE(sample_path("k32_legacy"), fast_load=True)
    opt = pe.OPTIONAL_HEADER
    version = opt.MajorSubsystemVersion << 16 | opt.MinorSubsystemVersion
    assert f"     process version {version:#x}".encode() in legacy_run.stdout.splitlines()
