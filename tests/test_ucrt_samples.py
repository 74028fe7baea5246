"""Samples built by zig against the UCRT (ucrtbase.dll through the api-ms-win-crt sets): the C++
one's endings through std::terminate (libc++abi's message on stderr, then the UCRT's abort:
a fast fail, 0xC0000409, no handler sees), argv as the UCRT splits it, and the C library's
results checked against values computed here."""
from conftest import run_kernel, sample_path


def test_cxx_uncaught_exception_and_noexcept_end_in_terminate():
    for mode, what in [("uncaught", "std::runtime_error: nobody catches this"),
                       ("noexcept", "std::logic_error: out of noexcept")]:
        result = run_kernel("boot", sample_path("ucrt_cxx"), mode)
        assert result.stdout == f"throwing out of {'main' if mode == 'uncaught' else 'noexcept'}\r\n".encode()
        lines = result.stderr.decode().splitlines()
        assert lines[0] == f"libc++abi: terminating due to uncaught exception of type {what}"
        assert "0xC0000409 (STATUS_STACK_BUFFER_OVERRUN)" in lines[-1]
        assert result.returncode == 0x09
