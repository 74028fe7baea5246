"""The console's formatted output (guest/crt/conio_fmt.c): _cprintf's _l/_s/_p forms and the wide
ones in msvcrt.dll, __conio_common_vc(w)printf{,_s,_p} in the UCRT. They write to CONOUT$, so the
samples crt_conio_fmt and ucrt_conio_fmt run here with a pseudo-terminal as the host's console
(with stdout a pipe there is no console and they write nothing, as their expected.json says)."""
import os
import pty
import subprocess
import sys

import pytest
from conftest import ROOT, guest_exports, sample_path

LINES = [
    "cprintf 42 abc  3.14|", "= 23", "cprintf_s ff Z", "= 16", "cprintf_p seven 7", "= 19",
    "cwprintf -5 wide", "= 18", "cwprintf_s 00012", "= 18", "cwprintf_p 2 1", "= 16",
    None, None, "cprintf_s_l -9", "= 16", "cprintf_p_l x", "= 15", "cwprintf_l 3", "= 14",
]
EXPONENT = {"crt_conio_fmt": ["cprintf_l 1.235e+003", "= 22"],      # msvcrt: ties away, 3 digits
            "ucrt_conio_fmt": ["cprintf_l 1.234e+03", "= 21"]}      # UCRT: ties to even, 2 digits


def on_console(name):
    master, slave = pty.openpty()
    p = subprocess.Popen([sys.executable, "-m", "kernel", "boot", sample_path(name)], cwd=ROOT,
                         stdin=slave, stdout=slave, stderr=subprocess.PIPE)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert p.wait(timeout=120) == 0
    return out.replace(b"\r\r\n", b"\r\n").decode()      # the host terminal's own CR before LF


@pytest.mark.parametrize("name", ["crt_conio_fmt", "ucrt_conio_fmt"])
def test_console_output(name):
    want = list(LINES)
    want[12:14] = EXPONENT[name]
    if name == "ucrt_conio_fmt":                           # %n refused by the _s form
        want += ["[invalid parameter]", "cprintf_s %n = -1 errno 22 n 0"]
    assert on_console(name) == "".join(line + "\r\n" for line in want)


@pytest.mark.parametrize("dll,names", [
    ("msvcrt.dll", "_cprintf_l _cprintf_s _cprintf_s_l _cprintf_p _cprintf_p_l _cwprintf_l _cwprintf_s "
                   "_cwprintf_s_l _cwprintf_p _cwprintf_p_l _vcprintf_s _vcprintf_s_l _vcprintf_p _vcprintf_p_l "
                   "_vcwprintf_s _vcwprintf_s_l _vcwprintf_p _vcwprintf_p_l"),
    ("ucrtbase.dll", "__conio_common_vcprintf __conio_common_vcprintf_s __conio_common_vcprintf_p "
                     "__conio_common_vcwprintf __conio_common_vcwprintf_s __conio_common_vcwprintf_p"),
])
def test_exports(dll, names):
    have = guest_exports(dll)
    assert not [n for n in names.split() if n not in have]
