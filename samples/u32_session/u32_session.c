/* user32 on a desktop nobody is using: the window station and desktop, the screen's metrics and
 * DPI, no input, the US keyboard layout, CharToOem/OemToChar, MessageBox's default buttons and
 * the session calls (MessageBeep, ExitWindowsEx, LoadIcon/LoadCursor/LoadImage). */
#include "../k32.h"

static int Same(const WCHAR *a, const WCHAR *b) { while (*a && *a == *b) { a++; b++; } return *a == *b; }
static int SameA(const char *a, const char *b) { while (*a && *a == *b) { a++; b++; } return *a == *b; }

void Entry(void)
{
    /* The window station and desktop, as the CRTs ask before showing a message box. */
    HWINSTA ws = GetProcessWindowStation();
    USEROBJECTFLAGS flags = {0};
    DWORD needed = 0;
    Check(ws != NULL && GetUserObjectInformationW(ws, UOI_FLAGS, &flags, sizeof(flags), &needed)
          && (flags.dwFlags & WSF_VISIBLE) && needed == sizeof(flags), "WinSta0 is visible (UOI_FLAGS WSF_VISIBLE)");
    WCHAR name[32];
    Check(GetUserObjectInformationW(ws, UOI_NAME, name, sizeof(name), &needed) && Same(name, L"WinSta0") && needed == 16,
          "UOI_NAME of the window station: WinSta0");
    CheckError(!GetUserObjectInformationW(ws, UOI_NAME, name, 4, &needed), ERROR_INSUFFICIENT_BUFFER,
               "UOI_NAME short: ERROR_INSUFFICIENT_BUFFER");
    Check(needed == 16, "and the size needed");
    HDESK desk = GetThreadDesktop(GetCurrentThreadId());
    char nameA[32];
    Check(GetUserObjectInformationA(desk, UOI_NAME, nameA, sizeof(nameA), &needed) && SameA(nameA, "Default"),
          "the thread's desktop: Default");
    CheckError(!GetUserObjectInformationW((HANDLE)GetStdHandle(STD_OUTPUT_HANDLE), UOI_NAME, name, sizeof(name), &needed),
               ERROR_INVALID_HANDLE, "another handle: ERROR_INVALID_HANDLE");
    HDESK input = OpenInputDesktop(0, FALSE, DESKTOP_READOBJECTS);
    Check(input != NULL && GetUserObjectInformationW(input, UOI_NAME, name, sizeof(name), &needed) && Same(name, L"Default")
          && CloseDesktop(input), "OpenInputDesktop: Default, and CloseDesktop");

    /* The screen. */
    Check(GetSystemMetrics(SM_CXSCREEN) == 1024 && GetSystemMetrics(SM_CYSCREEN) == 768, "the screen is 1024x768");
    Check(GetSystemMetrics(SM_CMONITORS) == 1 && GetSystemMetrics(SM_REMOTESESSION) == 0, "one monitor, not remote");
    Check(GetSystemMetrics(12345) == 0, "an unknown metric: 0");
    Check(GetDpiForSystem() == 96, "96 DPI");
    Check(GetSystemMetricsForDpi(SM_CXVSCROLL, 192) == 2 * GetSystemMetrics(SM_CXVSCROLL)
          && GetSystemMetricsForDpi(SM_CXSCREEN, 192) == 1024, "GetSystemMetricsForDpi scales sizes, not the screen");
    RECT work;
    Check(SystemParametersInfoW(SPI_GETWORKAREA, 0, &work, 0) && work.left == 0 && work.top == 0 && work.right == 1024
          && work.bottom == 728, "SPI_GETWORKAREA: 1024x728 above the task bar");
    NONCLIENTMETRICSW ncm = {sizeof(ncm)};
    Check(SystemParametersInfoW(SPI_GETNONCLIENTMETRICS, sizeof(ncm), &ncm, 0) && Same(ncm.lfMessageFont.lfFaceName, L"Segoe UI"),
          "SPI_GETNONCLIENTMETRICS: Segoe UI");
    CheckError(!SystemParametersInfoW(0xFFFF, 0, &work, 0), ERROR_INVALID_SPI_VALUE, "an unknown action: ERROR_INVALID_SPI_VALUE");
    Check(!IsProcessDPIAware(), "the process starts DPI-unaware");
    Check(SetProcessDpiAwarenessContext(DPI_AWARENESS_CONTEXT_PER_MONITOR_AWARE_V2) && IsProcessDPIAware(),
          "SetProcessDpiAwarenessContext: per-monitor v2");
    CheckError(!SetProcessDpiAwarenessContext(DPI_AWARENESS_CONTEXT_SYSTEM_AWARE), ERROR_ACCESS_DENIED,
               "a second time: ERROR_ACCESS_DENIED");
    Check(SetProcessDPIAware(), "SetProcessDPIAware: TRUE");

    HMONITOR mon = MonitorFromPoint((POINT){5000, 5000}, MONITOR_DEFAULTTOPRIMARY);
    MONITORINFOEXW mi = {{sizeof(mi)}};
    Check(mon != NULL && GetMonitorInfoW(mon, (LPMONITORINFO)&mi) && mi.rcMonitor.right == 1024 && mi.rcWork.bottom == 728
          && (mi.dwFlags & MONITORINFOF_PRIMARY) && Same(mi.szDevice, L"\\\\.\\DISPLAY1"), "GetMonitorInfo: the primary monitor");
    Check(MonitorFromPoint((POINT){5000, 5000}, MONITOR_DEFAULTTONULL) == NULL, "off the screen with MONITOR_DEFAULTTONULL: none");
    DEVMODEW dm = {0};
    dm.dmSize = sizeof(dm);
    Check(EnumDisplaySettingsW(NULL, ENUM_CURRENT_SETTINGS, &dm) && dm.dmPelsWidth == 1024 && dm.dmBitsPerPel == 32,
          "EnumDisplaySettings: 1024x768x32");
    Check(GetSysColor(COLOR_WINDOW) == 0xFFFFFF && GetSysColor(COLOR_BTNFACE) == 0xF0F0F0, "GetSysColor: Windows 10's scheme");

    /* No input. */
    BYTE keys[256];
    int down = 0;
    Check(GetKeyboardState(keys), "GetKeyboardState");
    for (int i = 0; i < 256; i++) down += keys[i] != 0;
    Check(down == 0 && GetAsyncKeyState(VK_SHIFT) == 0 && GetKeyState(VK_CAPITAL) == 0, "no key down, none toggled");
    POINT p;
    Check(GetCursorPos(&p) && p.x == 512 && p.y == 384, "the cursor rests at the centre");
    LASTINPUTINFO lii = {sizeof(lii)};
    Check(GetLastInputInfo(&lii) && lii.dwTime <= GetTickCount(), "GetLastInputInfo: no input since boot");
    Print("last input tick: "); PrintNum(lii.dwTime, 0); Print("\n");
    lii.cbSize = 0;
    CheckError(!GetLastInputInfo(&lii), ERROR_INVALID_PARAMETER, "a wrong cbSize: ERROR_INVALID_PARAMETER");
    Check(GetForegroundWindow() == NULL, "no foreground window");
    Check(RegisterHotKey(NULL, 1, MOD_CONTROL | MOD_ALT, 'K'), "RegisterHotKey");
    CheckError(!RegisterHotKey(NULL, 2, MOD_CONTROL | MOD_ALT, 'K'), ERROR_HOTKEY_ALREADY_REGISTERED,
               "the same keys again: ERROR_HOTKEY_ALREADY_REGISTERED");
    Check(UnregisterHotKey(NULL, 1), "UnregisterHotKey");
    CheckError(!UnregisterHotKey(NULL, 1), ERROR_HOTKEY_NOT_REGISTERED, "again: ERROR_HOTKEY_NOT_REGISTERED");

    /* The US keyboard layout. */
    Check(GetKeyboardLayout(0) == (HKL)(ULONG_PTR)0x04090409, "GetKeyboardLayout: 0x04090409");
    char klid[KL_NAMELENGTH];
    Check(GetKeyboardLayoutNameA(klid) && SameA(klid, "00000409"), "layout name 00000409");
    Check(MapVirtualKeyW('A', MAPVK_VK_TO_VSC) == 0x1E && MapVirtualKeyW(VK_RETURN, MAPVK_VK_TO_VSC) == 0x1C
          && MapVirtualKeyW(VK_SHIFT, MAPVK_VK_TO_VSC) == 0x2A, "virtual key to scan code");
    Check(MapVirtualKeyW(0x10, MAPVK_VSC_TO_VK) == 'Q' && MapVirtualKeyW(0x36, MAPVK_VSC_TO_VK) == VK_SHIFT
          && MapVirtualKeyW(0x36, MAPVK_VSC_TO_VK_EX) == VK_RSHIFT, "scan code to virtual key");
    Check(MapVirtualKeyW(VK_HOME, MAPVK_VK_TO_VSC_EX) == 0xE047 && MapVirtualKeyW(VK_RCONTROL, MAPVK_VK_TO_VSC_EX) == 0xE01D,
          "extended keys carry E0");
    Check(MapVirtualKeyW('A', MAPVK_VK_TO_CHAR) == 'A' && MapVirtualKeyW(VK_OEM_1, MAPVK_VK_TO_CHAR) == ';',
          "virtual key to character");
    Check(VkKeyScanA('a') == 'A' && VkKeyScanA('A') == 0x141 && VkKeyScanA('!') == 0x131 && VkKeyScanA('?') == 0x1BF
          && VkKeyScanW(0x20AC) == -1, "VkKeyScan: keys and shift states");

    BYTE ks[256] = {0};
    WCHAR out[4];
    Check(ToUnicode('A', 0x1E, ks, out, 4, 0) == 1 && out[0] == 'a', "ToUnicode: 'a' with no modifier");
    ks[VK_SHIFT] = 0x80;
    Check(ToUnicode('1', 0x02, ks, out, 4, 0) == 1 && out[0] == '!', "with Shift: '!'");
    ks[VK_SHIFT] = 0; ks[VK_CONTROL] = 0x80;
    Check(ToUnicode('C', 0x2E, ks, out, 4, 0) == 1 && out[0] == 3, "with Ctrl: 0x03");
    char keyName[32];
    Check(GetKeyNameTextA(0x1C << 16, keyName, 32) == 5 && SameA(keyName, "Enter")
          && GetKeyNameTextA((0x48 << 16) | (1 << 24), keyName, 32) == 2 && SameA(keyName, "Up")
          && GetKeyNameTextA(0x1E << 16, keyName, 32) == 1 && SameA(keyName, "A"), "GetKeyNameText: Enter, Up, A");

    /* CharToOem and back: 1252 <-> 437. */
    char oem[8], ansi[8];
    Check(CharToOemA("\xe9t\xe9", oem) && SameA(oem, "\x82t\x82"), "CharToOemA: e-acute 0xE9 -> 0x82");
    Check(OemToCharA("\x82\x9c", ansi) && SameA(ansi, "\xe9\xa3"), "OemToCharA: 0x82 0x9C -> e-acute, pound");
    char buf[3] = {'\xe4', 'x', '\xfc'};
    Check(CharToOemBuffA(buf, buf, 3) && buf[0] == '\x84' && buf[1] == 'x' && buf[2] == '\x81', "CharToOemBuffA in place");

    /* MessageBox answers as the default button would. */
    Check(MessageBoxA(NULL, "one", "u32", MB_OK) == IDOK, "MB_OK: IDOK");
    Check(MessageBoxA(NULL, "two", "u32", MB_YESNO | MB_DEFBUTTON2) == IDNO, "MB_YESNO|MB_DEFBUTTON2: IDNO");
    Check(MessageBoxW(NULL, L"three", NULL, MB_ABORTRETRYIGNORE | MB_DEFBUTTON3) == IDIGNORE, "MB_ABORTRETRYIGNORE|MB_DEFBUTTON3: IDIGNORE");
    Check(MessageBoxA(NULL, "four", "u32", MB_RETRYCANCEL | MB_DEFBUTTON3) == IDRETRY, "a default beyond the buttons: the first");
    CheckError(!MessageBoxA(NULL, "five", "u32", 0xF), ERROR_INVALID_MSGBOX_STYLE, "an unknown type: ERROR_INVALID_MSGBOX_STYLE");

    /* The session calls. */
    Check(MessageBeep(MB_ICONASTERISK), "MessageBeep");
    CheckError(!ExitWindowsEx(EWX_LOGOFF, 0), ERROR_PRIVILEGE_NOT_HELD, "ExitWindowsEx: ERROR_PRIVILEGE_NOT_HELD");
    HICON icon = LoadIconW(NULL, (LPCWSTR)IDI_APPLICATION);
    Check(icon != NULL && icon == LoadIconA(NULL, (LPCSTR)IDI_APPLICATION), "LoadIcon(IDI_APPLICATION): one shared handle");
    Check(LoadCursorW(NULL, (LPCWSTR)IDC_ARROW) != NULL && LoadCursorW(NULL, (LPCWSTR)IDC_ARROW) != icon, "LoadCursor(IDC_ARROW)");
    CheckError(LoadImageW(GetModuleHandleW(NULL), L"NOSUCH", IMAGE_ICON, 0, 0, 0) == NULL, ERROR_RESOURCE_DATA_NOT_FOUND,
               "LoadImage from an image without resources: ERROR_RESOURCE_DATA_NOT_FOUND");
    CheckError(LoadImageW(NULL, L"C:\\no\\such.ico", IMAGE_ICON, 0, 0, LR_LOADFROMFILE) == NULL, ERROR_PATH_NOT_FOUND,
               "LoadImage of a missing file: ERROR_PATH_NOT_FOUND");
    Print(failures ? "FAILED\n" : "all passed\n");
    ExitProcess(failures);
}
