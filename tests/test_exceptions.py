"""Exception dispatch as a user sees it: the stderr line and exit code of unhandled exceptions,
the exception events in --events, --break exception with .exr/.cxr, and the stack's limits.
(The samples' stdout and exit codes are checked by test_samples.py through expected.json.)"""
import json
import os

import pytest
from conftest import CORPUS, ROOT, run_kernel, sample_path


def _stderr(result) -> str:
    return result.stderr.decode()


def test_unhandled_software_exception_ends_with_its_code():
    result = run_kernel("boot", sample_path("except_unhandled"))
    assert result.stdout == b"raising 0xE0000001\n"
    assert result.returncode == 0x01
    lines = _stderr(result).splitlines()
    assert any("unhandled exception" in ln and "(0xE0000001)" in ln and "in thread 8.12" in ln for ln in lines)
    assert "process exited with 0xE0000001" in _stderr(result)


def test_fast_fail_is_seen_by_no_handler():
    result = run_kernel("boot", sample_path("except_fastfail"))
    assert b"vectored handler" not in result.stdout
    assert "STATUS_STACK_BUFFER_OVERRUN (0xC0000409)" in _stderr(result)


def test_unhandled_stack_overflow():
    result = run_kernel("boot", sample_path("except_overflow"))
    assert result.returncode == 0xFD
    assert "STATUS_STACK_OVERFLOW (0xC00000FD)" in _stderr(result)


def test_exceptions_are_events_with_their_chance_and_how_they_ended(tmp_path):
    events = tmp_path / "events.jsonl"
    result = run_kernel("boot", "--events", str(events), sample_path("except_veh"))
    assert result.returncode == 0
    records = [json.loads(line) for line in events.read_text().splitlines()]
    raised = [r for r in records if r["kind"] == "exception"]
    handled = [r for r in records if r["kind"] == "exception-handled"]
    codes = [r["code"] for r in raised]
    assert codes[:4] == [0xC0000005] * 4 and 0x80000003 in codes and 0xC0000096 in codes
    assert all(r["chance"] == 1 for r in raised)
    assert raised[0]["params"] == [0, 0]
    # every one was continued by the vectored handler: resumed past the faulting instruction
    assert [r["code"] for r in handled] == codes
    assert all(h["resume"] != h["address"] for h in handled if h["code"] not in (0x80000001, 0x80000004))


def test_unhandled_exception_has_a_second_chance_event(tmp_path):
    events = tmp_path / "events.jsonl"
    run_kernel("boot", "--events", str(events), sample_path("kernel_touch"))
    raised = [json.loads(line) for line in events.read_text().splitlines() if '"exception"' in line]
    assert [(r["code"], r["chance"]) for r in raised] == [(0xC0000005, 1), (0xC0000005, 2)]
    assert raised[0]["params"] == [0, 0xFFFFF78000000000]


def test_break_exception_shows_record_and_context():
    result = run_kernel("boot", "--break", "exception", "-c", ".exr -1; .cxr", sample_path("kernel_touch"))
    out = result.stdout.decode()
    assert "Break at exception c0000005 (first chance)" in out
    assert "Break at exception c0000005 (second chance)" in out
    assert "   ExceptionCode: c0000005 (Access violation)" in out
    assert "NumberParameters: 2" in out
    assert "   Parameter[1]: fffff78000000000" in out
    assert "Attempt to read from address fffff78000000000" in out
    assert "rax=fffff78000000000" in out
    assert "cs=0033  ss=002b" in out


def test_exr_without_an_exception():
    result = run_kernel("boot", "--break", "entry", "-c", ".exr -1", sample_path("hello_ntwrite"))
    assert "no exception record to show" in result.stdout.decode()


def test_stack_overflow_keeps_inside_the_reservation():
    """The overflow is raised with one uncommitted page left at the bottom of the
    reservation; the memory below it (process parameters) is untouched."""
    result = run_kernel("boot", sample_path("except_stack"))
    out = result.stdout.decode()
    assert "filter: code 0xc00000fd" in out
    assert "last page state: 0x2000" in out            # MEM_RESERVE
    assert "process parameters intact" in out
    assert result.returncode == 0


def test_corkami_int3_pattern_with_our_sample():
    """corkami_exceptions.exe's pattern (int3 at the entry, handler in .pdata) in a sample
    that needs nothing but ntdll."""
    result = run_kernel("boot", sample_path("except_int3"))
    assert result.stdout == b" * the handler ran for the int3 at the entry point\n"
    assert result.returncode == 0


def _needs(*dlls):
    missing = [d for d in dlls if not os.path.exists(os.path.join(ROOT, "guest", "bin", d))]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} in guest/bin")


@pytest.mark.parametrize("name", ["corkami_exceptions.exe", "corkami_seh_change64.exe"])
def test_corkami_exception_directory_handlers(corpus, name):
    """int3 at the entry / a fault, caught by the handler .pdata names (patched at run time in
    seh_change64); the handlers print with msvcrt!printf."""
    _needs("msvcrt.dll", "kernel32.dll")
    case = corpus[name]
    result = run_kernel("boot", os.path.join(CORPUS, case["file"]), *case["args"])
    assert result.stdout == case["expect"]["stdout"].encode()
    assert result.returncode == case["expect"]["exit_code"]


def test_rp_missing_file_is_a_caught_cpp_exception(corpus):
    """rp++ throws an RpException from Program's constructor (its own static CRT's
    __CxxFrameHandler3, through RtlUnwindEx and STATUS_UNWIND_CONSOLIDATE) and main catches it."""
    _needs("kernel32.dll")
    with open(os.path.join(CORPUS, "MANIFEST.json")) as f:
        cases = json.load(f)["cases"]
    case = [c for c in cases
            if c["file"] == "rp-win-x64.exe" and c["args"][:1] == ["-f"]][0]
    result = run_kernel("boot", os.path.join(CORPUS, case["file"]), *case["args"])
    assert result.stdout == case["expect"]["stdout"].encode()
    assert result.returncode == case["expect"]["exit_code"]
