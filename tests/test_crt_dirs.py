"""The C runtimes' folder and diagnostic functions beyond stdout (samples crt_dirs over msvcrt.dll,
ucrt_dirs over the UCRT): perror's line on stderr, and a failed assert() in each flavour."""
import pytest
from conftest import run_kernel, sample_path


@pytest.mark.parametrize("name", ["crt_dirs", "ucrt_dirs"])
def test_perror_writes_prefix_and_message_on_stderr(name):
    result = run_kernel("boot", sample_path(name))
    assert result.returncode == 0, result.stdout.decode()
    assert result.stderr == b"perror: File exists\r\n"          # descriptor 2 is in text mode
    assert b"ok   _findfirst(*): two files, a folder, . and ..\r\n" in result.stdout


def test_msvcrt_assert_prints_and_aborts_with_3():
    result = run_kernel("boot", sample_path("crt_dirs"), "assert")
    assert result.returncode == 3
    assert result.stderr.startswith(b"Assertion failed: argc == 5, file cases.h, line ")
    assert b"This application has requested the Runtime to terminate it in an unusual way." in result.stderr


def test_ucrt_assert_prints_and_fails_fast():
    result = run_kernel("boot", sample_path("ucrt_dirs"), "assert")
    assert result.returncode == 0xC0000409 & 0xFF
    assert result.stderr.startswith(b"Assertion failed: argc == 5, file ./../crt_dirs/cases.h, line ")
    assert b"0xC0000409 (STATUS_STACK_BUFFER_OVERRUN)" in result.stderr
