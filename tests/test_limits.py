"""Limits: each ends the run (status 124, one line, the limit named in the report) or fails the
guest's request with STATUS_QUOTA_EXCEEDED / STATUS_COMMITMENT_LIMIT, whatever the guest does."""
import json

import pytest
from conftest import run_kernel, sample_path

from kernel import errors, limits
from kernel.ps.create import CreateRequest
from kernel.session import Session
from kernel.status import STATUS_QUOTA_EXCEEDED, NtStatusError

LIMITS = sample_path("limits")


def boot(tmp_path, *options, args=()):
    report = tmp_path / "report.json"
    result = run_kernel("boot", "--report", str(report), *options, LIMITS, *args)
    return result, json.loads(report.read_text())


@pytest.mark.parametrize("option,value,mode,name", [
    ("--max-instructions", "5000000", "1", "max-instructions"),
    ("--timeout", "0.5", "1", "timeout"),
    ("--max-output", "1000", "2", "max-output"),
])
def test_an_ending_limit_ends_the_run_with_one_line_and_its_name(tmp_path, option, value, mode, name):
    result, report = boot(tmp_path, option, value, args=(mode,))
    assert result.returncode == errors.EXIT_LIMIT
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("limit: ") and option in lines[0], lines
    assert report["end"] == "limit" and report["limit"] == name and report["limits_hit"] == [name]
    assert report["exit_status_name"] == "STATUS_PENDING"      # the process was still running
    if name == "max-output":
        assert len(result.stdout) == 1000 and report["output_bytes"] == 1000
    if name == "max-instructions":
        assert 5_000_000 <= report["instructions"] < 5_000_100


def test_the_instruction_limit_is_virtual_time_and_deterministic(tmp_path):
    runs = [boot(tmp_path, "--max-instructions", "3000000", "--cpus", "2", args=("1",))[1] for _ in range(2)]
    assert runs[0] == runs[1]


def test_the_default_instruction_limit_is_documented_and_finite():
    assert limits.DEFAULT_MAX_INSTRUCTIONS == 10_000_000_000
    result = run_kernel("boot", "--help")
    assert b"10,000,000,000" in result.stdout


def test_commit_beyond_memory_gets_the_commitment_limit(tmp_path):
    result, report = boot(tmp_path, "--memory", "64", args=("3", "1024"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"commit status 0xc000012d\nsmall commit status 0x0\n"
    result, _ = boot(tmp_path, "--memory", "64", args=("3", "16"))
    assert result.stdout == b"commit status 0x0\nsmall commit status 0x0\n"


def test_the_handle_quota_fails_the_request_and_the_run_goes_on(tmp_path):
    result, report = boot(tmp_path, "--max-handles", "300", args=("4",))
    assert result.returncode == 0
    # 3 console handles and the event are held before the first duplicate
    assert result.stdout == b"duplicates 296\nstatus 0xc0000044\n"
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and "--max-handles is 300" in lines[0] and "STATUS_QUOTA_EXCEEDED" in lines[0]
    assert report["end"] == "exit" and report["limits_hit"] == ["max-handles"]


def test_the_thread_limit_fails_thread_creation(tmp_path):
    result, report = boot(tmp_path, "--max-threads", "20", args=("5",))
    assert result.returncode == 0
    assert result.stdout == b"threads 19\nstatus 0xc0000044\n"
    assert report["limits_hit"] == ["max-threads"]


def test_the_process_limit_fails_process_creation():
    session = Session(128 << 20)
    session.kernel.output_sink = lambda fd, data: None
    guard = limits.LimitGuard(session.kernel, limits.Limits(max_processes=1))
    session.create_process(CreateRequest(LIMITS, []))
    with pytest.raises(NtStatusError) as e:
        session.create_process(CreateRequest(LIMITS, []))
    assert e.value.status == STATUS_QUOTA_EXCEEDED and guard.hit == ["max-processes"]


@pytest.mark.parametrize("option,value", [("--max-instructions", "lots"), ("--timeout", "-1"),
                                          ("--max-output", "-5"), ("--max-handles", "0"), ("--timeout", "nan")])
def test_bad_limit_values_name_the_option_and_the_value(option, value):
    result = run_kernel("boot", option, value, LIMITS)
    assert result.returncode == errors.EXIT_USAGE
    text = result.stderr.decode()
    assert text.count("\n") == 1 and option in text and value in text, text
