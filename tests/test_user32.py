"""user32.dll (guest/user32): the exports a program that imports user32 incidentally expects, and
the behaviour of samples/u32_session, u32_windows and u32_queue on a desktop nobody is using:
output, documented error codes, MessageBox's stderr lines and answers, message order, and the
same bytes on every run."""

import pytest
from conftest import guest_exports, run_kernel, sample_expectation, sample_path

SAMPLES = ("u32_session", "u32_windows", "u32_queue")

# The calls the brief names, all of which must be real exports (a program importing one missing
# user32 function does not start at all).
REQUIRED = """
MessageBeep GetSystemMetrics GetSystemMetricsForDpi GetDpiForSystem SystemParametersInfoA SystemParametersInfoW
CharToOemA OemToCharA CharToOemBuffA OemToCharBuffA GetAsyncKeyState GetKeyState GetKeyboardState GetCursorPos
GetLastInputInfo GetKeyboardLayout MapVirtualKeyA MapVirtualKeyW VkKeyScanA VkKeyScanW FindWindowA FindWindowW
FindWindowExA FindWindowExW GetForegroundWindow SetWindowsHookExA SetWindowsHookExW UnhookWindowsHookEx CallNextHookEx
GetProcessWindowStation GetThreadDesktop GetUserObjectInformationA GetUserObjectInformationW
RegisterClassA RegisterClassW RegisterClassExA RegisterClassExW UnregisterClassA UnregisterClassW GetClassInfoA
GetClassInfoW GetClassInfoExA GetClassInfoExW CreateWindowExA CreateWindowExW DestroyWindow DefWindowProcA
DefWindowProcW GetWindowLongPtrA GetWindowLongPtrW SetWindowLongPtrA SetWindowLongPtrW GetWindowTextA GetWindowTextW
SetWindowTextA SetWindowTextW IsWindow IsWindowVisible ShowWindow GetParent GetWindowThreadProcessId EnumWindows
EnumThreadWindows EnumChildWindows GetDesktopWindow PostMessageA PostMessageW PostThreadMessageA PostThreadMessageW
SendMessageA SendMessageW GetMessageA GetMessageW PeekMessageA PeekMessageW TranslateMessage DispatchMessageA
DispatchMessageW PostQuitMessage MsgWaitForMultipleObjects MsgWaitForMultipleObjectsEx WaitMessage SetTimer KillTimer
GetQueueStatus RegisterWindowMessageA RegisterWindowMessageW OpenClipboard EmptyClipboard SetClipboardData
GetClipboardData CloseClipboard IsClipboardFormatAvailable CountClipboardFormats EnumClipboardFormats
SetProcessDPIAware SetProcessDpiAwarenessContext IsProcessDPIAware LoadIconA LoadIconW LoadCursorA LoadCursorW
LoadImageA LoadImageW ExitWindowsEx LockWorkStation wvsprintfA wvsprintfW MessageBoxA MessageBoxW
GetWindowRect GetClientRect MoveWindow SetWindowPos
""".split()


def _exports():
    return guest_exports("user32.dll")


def test_user32_exports_the_calls_programs_import_incidentally():
    exports = _exports()
    assert not [name for name in REQUIRED if name not in exports]
    assert len(exports) > 250


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_output_and_exit_code(name):
    expected = sample_expectation(name)
    result = run_kernel("boot", sample_path(name))
    assert result.stdout == expected["stdout"].encode()
    assert result.returncode == 0 == expected["exit_code"]
    lines = result.stdout.decode().splitlines()
    assert not [line for line in lines if line.startswith("FAIL")]
    assert lines[-1] == "all passed"


def test_session_message_boxes_are_stderr_lines_answered_by_the_default_button():
    result = run_kernel("boot", sample_path("u32_session"))
    assert result.stderr.decode().splitlines() == ["u32: one", "u32: two", "Error: three", "u32: four"]
    lines = result.stdout.decode().splitlines()
    for what in ("MB_YESNO|MB_DEFBUTTON2: IDNO", "MB_ABORTRETRYIGNORE|MB_DEFBUTTON3: IDIGNORE",
                 "an unknown type: ERROR_INVALID_MSGBOX_STYLE", "ExitWindowsEx: ERROR_PRIVILEGE_NOT_HELD",
                 "WinSta0 is visible (UOI_FLAGS WSF_VISIBLE)", "no foreground window"):
        assert "ok   " + what in lines
    assert "last input tick: 0" in lines


def test_window_creation_and_destruction_send_their_messages_in_order():
    lines = run_kernel("boot", sample_path("u32_windows")).stdout.decode().splitlines()
    traced = [line.split(": ", 1) for line in lines if ": " in line and not line.startswith(("ok", "FAIL"))]
    trace = {key: value.split() for key, value in traced}
    assert trace["create"] == ["getminmaxinfo", "nccreate", "nccalcsize", "create(param)", "size", "move"]
    assert trace["child"] == ["C.nccreate", "C.nccalcsize", "C.create", "C.size", "C.move", "P.parentnotify",
                              "C.showwindow"]
    # WM_DESTROY from the window down through its children, WM_NCDESTROY from the children up.
    assert trace["destroy"] == ["P.destroy", "C.destroy", "C.destroy", "C.ncdestroy", "C.ncdestroy", "P.ncdestroy"]


def test_timers_and_threads_are_deterministic():
    first = run_kernel("boot", sample_path("u32_queue"))
    second = run_kernel("boot", sample_path("u32_queue"))
    assert first.stdout == second.stdout
    assert "ok   five WM_TIMERs of the 100 ms timer, two calls of the 250 ms one" in first.stdout.decode().splitlines()
    assert "ok   SendMessage: handled on the worker's thread" in first.stdout.decode().splitlines()
