"""The console surface beyond the screen basics: the console's processes, aliases, histories and
input exe name (samples/k32_console_session, the same redirected or on a terminal), and on a terminal
the CHAR_INFO rectangles, buffer size and window, colour table, font, a second screen buffer and
cooked reads over queued input records (samples/k32_console_buffers)."""
import json
import sys

import pytest
from conftest import SAMPLES, run_kernel, sample_path
from console_pty import run_on_terminal

SESSION = [
    b"GetConsoleProcessList: this process alone",
    b"a child on the console: GetConsoleProcessList is [child, parent]; freed and attached again",
    b"AllocConsole while attached -> ERROR_ACCESS_DENIED",
    b"AttachConsole while attached -> ERROR_ACCESS_DENIED",
    b"GetConsoleProcessList without a console -> ERROR_INVALID_HANDLE",
    b"FreeConsole without a console succeeds too",
    b"AttachConsole(no such process) -> ERROR_INVALID_PARAMETER",
    b"AllocConsole: on a console again",
    b"GetConsoleAliasW: found without case, 14 bytes with the terminator",
    b"GetConsoleAliasW(no such alias) -> ERROR_GEN_FAILURE",
    b'GetConsoleAliasesA: "ll=dir /w\\0cd..=cd ..\\0", 21 bytes',
    b'GetConsoleAliasExesW: "probe.exe\\0", 20 bytes',
    b"GetConsoleHistoryInfo: 50 commands, 4 buffers, no flags",
    b"GetConsoleInputExeNameW: the image's name",
    b"SetConsoleDisplayMode on x64 -> ERROR_CALL_NOT_IMPLEMENTED",
    b"GetNumberOfConsoleMouseButtons: 3",
]

BUFFERS = [
    b"WriteConsoleOutputW: clipped at the buffer's edge, region 117,40-119,41",
    b"ReadConsoleOutputW: the cells and attributes back",
    b"WriteConsoleOutputW from (1, 0): two columns",
    b"WriteConsoleOutputA / ReadConsoleOutputA",
    b"a rectangle outside the buffer: nothing written, an empty region",
    b"SetConsoleScreenBufferSize narrower than the window -> ERROR_INVALID_PARAMETER",
    b"SetConsoleWindowInfo(relative): an 80 x 20 window",
    b"SetConsoleWindowInfo wider than the buffer -> ERROR_INVALID_PARAMETER",
    b"SetConsoleScreenBufferSize(100, 500)",
    b"SetConsoleScreenBufferInfoEx: a colour of the table changed",
    b"GetCurrentConsoleFontEx: Consolas 8 x 16",
    b"SetCurrentConsoleFontEx: 10 x 20",
    b"GetConsoleFontSize(5) -> ERROR_INVALID_PARAMETER",
    b"CreateConsoleScreenBuffer: a buffer of its own, its cursor moved",
    b"the text is in it, not in the first",
    b"SetConsoleActiveScreenBuffer there and back",
    b"GetConsoleOriginalTitleW: the title it started with",
    b"GetConsoleOriginalTitleW: cut to 3, still its length 6; a buffer of 0: 0",
    b"ReadConsoleInputExW(CONSOLE_READ_NOWAIT): none, at once",
    b"ReadConsoleInputExW(CONSOLE_READ_NOREMOVE): 'd' stays",
    b'ReadConsoleW, line input: "dir\\r\\n"',
    b'ReadConsoleA: Backspace edits the line: "ac\\r\\n"',
    b'GetConsoleCommandHistoryW: "dir\\0ac\\0"',
    b"a short buffer: the rest of the line waits for the next read",
    b'ReadFile, raw: "qr" as it comes',
    b"ExpungeConsoleCommandHistoryW",
]

on_posix = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def test_session_redirected_exact_output():
    result = run_kernel("boot", sample_path("k32_console_session"), timeout=300)
    with open(f"{SAMPLES}/k32_console_session/expected.json") as f:
        expected = json.load(f)["stdout"].encode()
    assert result.stdout == expected and result.returncode == 0
    lines = result.stdout.splitlines()
    assert all(b"ok   " + line in lines for line in SESSION)


@on_posix
def test_session_on_a_terminal():
    status, received = run_on_terminal(sample_path("k32_console_session"), timeout=300)
    assert status == 0 and b"FAIL " not in received
    assert all(b"ok   " + line + b"\r\n" in received for line in SESSION), received.decode(errors="replace")


@pytest.fixture(scope="module")
def buffers_run():
    if sys.platform == "win32":
        pytest.skip("needs a POSIX pseudo-terminal")
    return run_on_terminal(sample_path("k32_console_buffers"), timeout=300)


@pytest.mark.parametrize("line", BUFFERS, ids=[line.decode() for line in BUFFERS])
def test_buffers_on_a_terminal(buffers_run, line):
    status, received = buffers_run
    assert b"ok   " + line + b"\r\n" in received, received.decode(errors="replace")


def test_buffers_on_a_terminal_passes_everything(buffers_run):
    status, received = buffers_run
    assert b"FAIL " not in received and status == 0


def test_buffers_reach_the_terminal(buffers_run):
    _, received = buffers_run
    assert b"\x1b[3;11H\x1b[0;34;44mB" in received       # WriteConsoleOutputW at (10, 2): B, attribute 0x11
    assert b"\x1b[2J" in received                         # SetConsoleActiveScreenBuffer redraws the window
    # the cooked reads' echo (the terminal's own onlcr makes the LF a CR LF)
    assert b"dir\r\r\n" in received and b"ab\b \bc\r\r\n" in received


def test_buffers_redirected_fail_with_invalid_handle():
    result = run_kernel("boot", sample_path("k32_console_buffers"), timeout=300)
    assert result.stdout.splitlines() == [b"", b"ok   WriteConsoleOutputW(redirected) -> ERROR_INVALID_HANDLE",
                                          b"ok   SetConsoleScreenBufferSize(redirected) -> ERROR_INVALID_HANDLE",
                                          b"ok   VerifyConsoleIoHandle(redirected) is FALSE"]
    assert result.returncode == 0


def test_pseudo_console_output_is_conpty_vt():
    """samples/k32_console_pseudo: the child's text reaches the output pipe after ConPTY's set-up
    (win32-input-mode and focus events at creation; on the first client: cursor hidden, screen
    cleared, attributes reset, home, the title, cursor shown), a bare LF as CR LF."""
    result = run_kernel("boot", sample_path("k32_console_pseudo"), timeout=300)
    lines = result.stdout.splitlines()
    assert lines[-1] == (b"output: \\e[?9001h\\e[?1004h\\e[?25l\\e[2J\\e[m\\e[H\\e]0;C:\\app\\k32_console_pseudo.exe\\a"
                         b"\\e[?25hhello\\r\\nworld\\r\\n")
    assert lines[:-1] == [b"ok   " + line for line in (
        b"CreatePseudoConsole(0 x 25) -> E_INVALIDARG", b"CreatePseudoConsole(NULL) -> E_INVALIDARG",
        b"CreatePseudoConsole(80 x 25)", b"UpdateProcThreadAttribute(PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE)",
        b"the child: a console of 80 x 25, alone on it", b"ResizePseudoConsole(100 x 30)",
        b"ResizePseudoConsole(100 x 0) -> E_INVALIDARG", b"the output pipe ends once the console is closed")]
    assert result.returncode == 0
