"""--real-time (issue 13, family 8): the guest's clock starts at the host's current UTC time instead
of the documented 2024-01-01, and without the option two runs read the same start date."""
import datetime
import re

from conftest import run_kernel, sample_path


def _system_time(*options) -> datetime.datetime:
    result = run_kernel("boot", *options, sample_path("k32_sysinfo"))
    match = re.search(rb"system time: (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)", result.stdout)
    assert match, result.stdout
    return datetime.datetime(*map(int, match.groups()), tzinfo=datetime.UTC)


def test_default_clock_starts_at_the_documented_date():
    assert _system_time() == datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


def test_real_time_starts_at_the_host_clock():
    before = datetime.datetime.now(datetime.UTC).replace(second=0, microsecond=0)
    shown = _system_time("--real-time")
    after = datetime.datetime.now(datetime.UTC)
    assert before <= shown <= after


def test_host_boot_time_is_a_filetime_of_now():
    import time

    from kernel.ke.boot import FILETIME_UNIX_EPOCH, host_boot_time
    now = host_boot_time()
    assert abs((now - FILETIME_UNIX_EPOCH) / 10_000_000 - time.time()) < 5
