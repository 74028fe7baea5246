"""The C runtime's console input (samples/k32_conio, msvcrt's conio over the console's input
records): on a terminal typed keys reach _kbhit/_getch, _ungetch gives one back, a written key's
repeat count repeats it, keys without a character are skipped, _getwch reads wide; redirected,
_kbhit is 0 and _getch EOF."""
import sys

import pytest
from conftest import run_kernel, sample_path
from console_pty import run_on_terminal

ON_TERMINAL = [
    b"typed keys: _kbhit() sees them",
    b"_getch: 'x', 'y', then Enter as '\\r'",
    b"then nothing waits",
    b"_ungetch gives one back",
    b"a second _ungetch fails",
    b"a written key event: _kbhit()",
    b"a repeat count of 3: three 'k's, Shift skipped",
    b"_getwch: U+00E9",
]


@pytest.fixture(scope="module")
def terminal_run():
    if sys.platform == "win32":
        pytest.skip("needs a POSIX pseudo-terminal")
    return run_on_terminal(sample_path("k32_conio"), typed=b"xy\r", timeout=300)


@pytest.mark.parametrize("line", ON_TERMINAL, ids=[line.decode() for line in ON_TERMINAL])
def test_conio_on_a_terminal(terminal_run, line):
    status, received = terminal_run
    assert b"ok   " + line + b"\r" in received, received.decode(errors="replace")


def test_conio_on_a_terminal_passes_everything(terminal_run):
    status, received = terminal_run
    assert b"FAIL " not in received and status == 0


def test_conio_without_a_console():
    result = run_kernel("boot", sample_path("k32_conio"), timeout=300)
    assert result.stdout.splitlines() == [b"ok   no console: _kbhit() is 0", b"ok   no console: _getch() is EOF",
                                          b"ok   _ungetch works without a console"]
    assert result.returncode == 0
