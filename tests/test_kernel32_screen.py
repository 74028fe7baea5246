"""The console's screen and input buffers (samples/k32_screen): on a terminal, the buffer, cursor,
attributes, cells, scrolling, cursor info, title and input records behave as Windows' console does
and are also shown on the terminal as VT sequences; redirected, every screen-buffer call fails with
ERROR_INVALID_HANDLE. GenerateConsoleCtrlEvent runs the handlers in order either way."""
import sys

import pytest
from conftest import run_kernel, sample_path
from console_pty import run_on_terminal

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

ON_TERMINAL = [
    b"GetConsoleScreenBufferInfo: 120 x 9001, a 120 x 30 window, attribute 7",
    b"SetConsoleCursorPosition(5, 3)",
    b"SetConsoleCursorPosition outside the buffer -> ERROR_INVALID_PARAMETER",
    b"written text moves the cursor",
    b"ReadConsoleOutputCharacterW reads what was written",
    b"the fill wraps onto the next row",
    b"and so do its attributes",
    b"a fill stops at the buffer's end",
    b"the rectangle moved with its attributes",
    b"and left the fill behind",
    b"SetConsoleCursorInfo(50, hidden)",
    b"SetConsoleCursorInfo(size 0) -> ERROR_INVALID_PARAMETER",
    b"GetConsoleScreenBufferInfoEx with its colour table",
    b"SetConsoleTitleA / GetConsoleTitleA",
    b"GetConsoleTitleW truncates to the buffer",
    b'typed "ab" + Enter: six key events waiting',
    b"PeekConsoleInputW: 'a' down, then up",
    b"ReadConsoleInputA: 'b' and Enter",
    b"WriteConsoleInputW then ReadConsoleInputW",
    b"FlushConsoleInputBuffer",
    b"GetNumberOfConsoleInputEvents(output handle) -> ERROR_INVALID_HANDLE",
    b"GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT): the later handler first, then the one returning TRUE",
]


@pytest.fixture(scope="module")
def terminal_run():
    return run_on_terminal(sample_path("k32_screen"), typed=b"ab\r", timeout=300)


@pytest.mark.parametrize("line", ON_TERMINAL, ids=[line.decode() for line in ON_TERMINAL])
def test_screen_on_a_terminal(terminal_run, line):
    status, received = terminal_run
    assert b"ok   " + line + b"\r\n" in received, received.decode(errors="replace")


def test_screen_on_a_terminal_passes_everything(terminal_run):
    status, received = terminal_run
    assert b"FAIL " not in received and status == 0


def test_changes_reach_the_terminal_as_vt_sequences(terminal_run):
    _, received = terminal_run
    assert b"\x1b[4;6HAB" in received                   # SetConsoleCursorPosition(5, 3), then the text
    assert b"\x1b[0;31;44m" in received                  # FOREGROUND_RED | BACKGROUND_BLUE
    assert b"\x1b[23;2H\x1b[0;34;40mx" in received       # the scrolled cell, blue on black, at row 22 col 1
    assert b"\x1b]0;probe title\x07" in received         # the title
    assert b"\x1b[?25l" in received and b"\x1b[?25h" in received


def test_screen_redirected_fails_with_invalid_handle():
    result = run_kernel("boot", sample_path("k32_screen"), timeout=300)
    lines = result.stdout.splitlines()
    assert b"ok   GetConsoleScreenBufferInfo(redirected) -> ERROR_INVALID_HANDLE" in lines
    assert b"ok   FillConsoleOutputCharacterW(redirected) -> ERROR_INVALID_HANDLE" in lines
    assert not [ln for ln in lines if ln.startswith(b"FAIL ")] and result.returncode == 0
