"""Time zone rules (samples/k32_sysinfo_tz): the registry's Time Zones key read by
GetTimeZoneInformationForYear (Pacific time's rules for 2024 and, from Dynamic DST, for 2006),
UTC <-> local conversions on both sides of each 2024 transition, the Ex forms following the
year's rules, a southern-hemisphere zone, and SetSystemTime/SetLocalTime refused for want of
SeSystemtimePrivilege (NtSetSystemTime)."""
import pytest
from conftest import run_kernel, sample_path

LINES = [
    b"bias 480, daylight from March's 2nd Sunday to November's 1st",
    b"2006: April's 1st Sunday to October's last",
    b"an unknown zone -> ERROR_FILE_NOT_FOUND",
    b"March 10 09:59 UTC: 01:59 PST",
    b"March 10 10:00 UTC: 03:00 PDT",
    b"November 3 08:59 UTC: 01:59 PDT",
    b"November 3 09:00 UTC: 01:00 PST",
    b"05:00 PDT: noon UTC",
    b"Ex, 2006-03-20 noon UTC: 04:00 PST",
    b"southern January: UTC+11",
    b"southern July: UTC+10",
    b"SetSystemTime -> ERROR_PRIVILEGE_NOT_HELD",
    b"SetLocalTime -> ERROR_PRIVILEGE_NOT_HELD",
]


@pytest.fixture(scope="module")
def run():
    return run_kernel("boot", sample_path("k32_sysinfo_tz"))


@pytest.mark.parametrize("line", LINES, ids=[line.decode() for line in LINES])
def test_check_passes(run, line):
    assert b"ok   " + line in run.stdout.splitlines(), run.stdout.decode(errors="replace")


def test_printed_times(run):
    lines = run.stdout.splitlines()
    assert b"July local: 2024-7-1 5:00 dow 1" in lines
    assert b"Christmas UTC: 2024-12-25 2:30 dow 3" in lines
    assert lines[-1] == b"all passed" and run.returncode == 0


def test_set_system_time_is_the_privilege_check():
    result = run_kernel("boot", "--syscalls", sample_path("k32_sysinfo_tz"))
    assert b"NtSetSystemTime(" in result.stderr + result.stdout
    assert b"STATUS_PRIVILEGE_NOT_HELD" in result.stderr + result.stdout
