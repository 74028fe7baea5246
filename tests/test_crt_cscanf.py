"""Console scanf (guest/crt/conio_scan.c): msvcrt's _cscanf/_cwscanf with their _l/_s forms and
the UCRT's __conio_common_vc(w)scanf read the console's input through _getche/_getwche. The samples
crt_cscanf and ucrt_cscanf write key events into their own console input, so on a terminal each
character read is echoed once (a character given back is not echoed again when re-read) and the
one ending the input is left for the next _getch; without a console the scan is EOF."""
import pytest
from conftest import guest_exports, run_kernel, sample_path
from console_pty import run_on_terminal

ECHO = b"42 abc\r  -17,0x1F\rhello xab7\rff 9\rwide\r12abc 5\rx"
REPORT = [
    "cscanf 2: 42 [abc], then 13", "cscanf_l 2: -17 31, then 13", "cscanf_s 2: [hello] x",
    "cscanf_s_l 2: [ab] 7, then 13", "cwscanf 2: 255 9, then 13", "cwscanf_s 1: [wide], then 13",
    "cwscanf_l 2: 12 a", "cwscanf_s_l 2: [bc] 5, then 13", "cscanf no match 0, then x",
]


@pytest.mark.parametrize("name", ["crt_cscanf", "ucrt_cscanf"])
def test_console_scanf_on_a_terminal(name):
    status, received = run_on_terminal(sample_path(name), timeout=300)
    assert status == 0
    # the report's LF becomes CR LF twice over (the CRT's text mode, then the terminal's own CR)
    assert received == ECHO + b"".join(line.encode() + b"\r\r\n" for line in REPORT)


@pytest.mark.parametrize("name", ["crt_cscanf", "ucrt_cscanf"])
def test_console_scanf_without_a_console(name):
    result = run_kernel("boot", sample_path(name), timeout=300)
    assert result.stdout == b"no console: -1\r\n" and result.returncode == 0


@pytest.mark.parametrize("dll,names", [
    ("msvcrt.dll", "_cscanf _cscanf_l _cscanf_s _cscanf_s_l _cwscanf _cwscanf_l _cwscanf_s _cwscanf_s_l"),
    ("ucrtbase.dll", "__conio_common_vcscanf __conio_common_vcwscanf"),
])
def test_exports(dll, names):
    have = guest_exports(dll)
    assert not [n for n in names.split() if n not in have]
