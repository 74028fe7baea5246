/* user32's windows within one process: classes, CreateWindowEx's messages in order, window
 * longs and text, message-only windows, FindWindow/EnumWindows/EnumChildWindows, DestroyWindow's
 * order (WM_DESTROY top-down, WM_NCDESTROY bottom-up), geometry and the clipboard. */
#include "../k32.h"

static char trace[512];
static int traceLen;

static void Note(const char *s)
{
    while (*s && traceLen < 500) trace[traceLen++] = *s++;
    trace[traceLen++] = ' ';
    trace[traceLen] = 0;
}

static HWND parentHwnd;

static LRESULT CALLBACK Proc(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    const char *who = parentHwnd == (HWND)-2 ? "" : hwnd == parentHwnd ? "P." : "C.";
    char line[32];
    const char *name = NULL;
    switch (msg) {
    case WM_GETMINMAXINFO: name = "getminmaxinfo"; break;
    case WM_NCCREATE: name = "nccreate"; break;
    case WM_NCCALCSIZE: name = "nccalcsize"; break;
    case WM_CREATE: {
        CREATESTRUCTA *cs = (CREATESTRUCTA *)lp;
        name = cs->lpCreateParams == (LPVOID)0x1234 ? "create(param)" : "create";
        break;
    }
    case WM_SIZE: name = "size"; break;
    case WM_MOVE: name = "move"; break;
    case WM_SHOWWINDOW: name = "showwindow"; break;
    case WM_PARENTNOTIFY: name = "parentnotify"; break;
    case WM_DESTROY: name = "destroy"; break;
    case WM_NCDESTROY: name = "ncdestroy"; break;
    case WM_USER + 1: return wp + lp;
    }
    if (name) {
        int i = 0;
        for (const char *s = who; *s; s++) line[i++] = *s;
        for (const char *s = name; *s; s++) line[i++] = *s;
        line[i] = 0;
        Note(line);
    }
    return DefWindowProcA(hwnd, msg, wp, lp);
}

static int SameA(const char *a, const char *b) { while (*a && *a == *b) { a++; b++; } return *a == *b; }

static int enumCount;
static BOOL CALLBACK Count(HWND hwnd, LPARAM lp) { (void)hwnd; enumCount++; return enumCount < (int)lp; }

void Entry(void)
{
    HINSTANCE self = GetModuleHandleW(NULL);
    WNDCLASSEXA wc = {sizeof(wc), 0, Proc, 0, 16, self};
    wc.lpszClassName = "U32Test";
    ATOM atom = RegisterClassExA(&wc);
    Check(atom >= 0xC000, "RegisterClassExA: an atom from 0xC000");
    CheckError(!RegisterClassExA(&wc), ERROR_CLASS_ALREADY_EXISTS, "again: ERROR_CLASS_ALREADY_EXISTS");
    WNDCLASSA info;
    Check(GetClassInfoA(self, "u32test", &info) == atom && info.lpfnWndProc == Proc && info.cbWndExtra == 16,
          "GetClassInfoA, without case");
    CheckError(!GetClassInfoA(self, "NoSuchClass", &info), ERROR_CLASS_DOES_NOT_EXIST, "a missing class: ERROR_CLASS_DOES_NOT_EXIST");
    Check(GetClassInfoA(NULL, "Static", &info), "the system class Static");
    CheckError(!CreateWindowExA(0, "NoSuchClass", "x", 0, 0, 0, 1, 1, NULL, NULL, self, NULL), ERROR_CANNOT_FIND_WND_CLASS,
               "CreateWindowEx of a missing class: ERROR_CANNOT_FIND_WND_CLASS");
    CheckError(!CreateWindowExA(0, "U32Test", "x", WS_CHILD, 0, 0, 1, 1, NULL, NULL, self, NULL), ERROR_TLW_WITH_WSCHILD,
               "WS_CHILD without a parent: ERROR_TLW_WITH_WSCHILD");

    /* Creation: its messages in order. */
    parentHwnd = (HWND)-2;
    traceLen = 0;
    HWND parent = CreateWindowExA(0, "U32Test", "Parent Title", WS_OVERLAPPEDWINDOW, 10, 20, 300, 200, NULL, NULL, self, (LPVOID)0x1234);
    parentHwnd = parent;
    Print("create: "); Print(trace); Print("\n");
    Check(parent != NULL && IsWindow(parent) && !IsWindowVisible(parent), "a top-level window, not visible");
    traceLen = 0;
    HWND child = CreateWindowExA(0, "U32Test", "kid", WS_CHILD | WS_VISIBLE, 5, 6, 50, 40, parent, (HMENU)7, self, NULL);
    Print("child: "); Print(trace); Print("\n");
    Check(GetParent(child) == parent && IsChild(parent, child) && GetWindowLongPtrA(child, GWLP_ID) == 7, "the child's parent and id");
    Check(!IsWindowVisible(child), "a visible child of a hidden parent is not visible");
    traceLen = 0;
    Check(!ShowWindow(parent, SW_SHOW) && IsWindowVisible(parent) && IsWindowVisible(child), "ShowWindow: now both are");
    Print("show: "); Print(trace); Print("\n");

    /* Longs and text. */
    SetLastError(0);
    Check(SetWindowLongPtrA(parent, GWLP_USERDATA, 0x55) == 0 && GetWindowLongPtrA(parent, GWLP_USERDATA) == 0x55,
          "GWLP_USERDATA");
    Check(SetWindowLongPtrA(parent, 8, 0x77) == 0 && GetWindowLongPtrA(parent, 8) == 0x77, "the extra bytes");
    CheckError(!GetWindowLongPtrA(parent, 12), ERROR_INVALID_INDEX, "beyond them: ERROR_INVALID_INDEX");
    Check(GetWindowLongPtrA(parent, GWLP_WNDPROC) == (LONG_PTR)Proc && !IsWindowUnicode(parent), "GWLP_WNDPROC, an ANSI window");
    char text[64];
    Check(GetWindowTextA(parent, text, sizeof(text)) == 12 && SameA(text, "Parent Title"), "the title from WM_NCCREATE");
    Check(SetWindowTextA(parent, "Renamed") && GetWindowTextLengthA(parent) == 7, "SetWindowText");
    WCHAR wtext[16];
    Check(GetWindowTextW(parent, wtext, 4) == 3 && wtext[0] == 'R' && wtext[3] == 0, "GetWindowTextW cut to the buffer");
    Check(SendMessageA(parent, WM_USER + 1, 40, 2) == 42, "SendMessage: a direct call");
    DWORD pid;
    Check(GetWindowThreadProcessId(parent, &pid) == GetCurrentThreadId() && pid == GetCurrentProcessId(), "GetWindowThreadProcessId");
    char cls[32];
    Check(GetClassNameA(child, cls, sizeof(cls)) == 7 && SameA(cls, "U32Test"), "GetClassName");

    Check(SetPropA(parent, "Tag", (HANDLE)0x99) && GetPropW(parent, L"tag") == (HANDLE)0x99, "SetProp/GetProp, without case");
    Check(RemovePropA(parent, "TAG") == (HANDLE)0x99 && GetPropA(parent, "Tag") == NULL, "RemoveProp");
    Check(SetFocus(child) == NULL && GetFocus() == child, "SetFocus to the child");

    Check(GetDlgItem(parent, 7) == child && GetDlgCtrlID(child) == 7, "GetDlgItem and GetDlgCtrlID");
    BOOL ok = FALSE;
    Check(SetDlgItemInt(parent, 7, (UINT)-42, TRUE) && (int)GetDlgItemInt(parent, 7, &ok, TRUE) == -42 && ok, "Set/GetDlgItemInt");
    CheckError(!GetDlgItem(parent, 99), ERROR_CONTROL_ID_NOT_FOUND, "a missing item: ERROR_CONTROL_ID_NOT_FOUND");
    SetWindowTextA(child, "kid");
    HMENU bar = CreateMenu(), popup = CreatePopupMenu();
    Check(AppendMenuA(popup, MF_STRING, 100, "&Open") && AppendMenuA(popup, MF_SEPARATOR, 0, NULL)
          && AppendMenuA(bar, MF_POPUP, (UINT_PTR)popup, "&File") && SetMenu(parent, bar) && GetMenu(parent) == bar,
          "menus: a bar with a popup, SetMenu");
    char item[16];
    Check(GetMenuItemCount(popup) == 2 && GetMenuItemID(popup, 0) == 100 && GetSubMenu(bar, 0) == popup
          && GetMenuStringA(popup, 100, item, sizeof(item), MF_BYCOMMAND) == 5 && SameA(item, "&Open"), "the menu items");
    Check(CheckMenuItem(popup, 100, MF_CHECKED) == MF_UNCHECKED && (GetMenuState(popup, 100, MF_BYCOMMAND) & MF_CHECKED),
          "CheckMenuItem");
    Check(!TrackPopupMenu(popup, TPM_RETURNCMD, 0, 0, 0, parent, NULL), "TrackPopupMenu: dismissed, nobody chooses");

    /* Geometry. */
    RECT r;
    Check(GetWindowRect(parent, &r) && r.left == 10 && r.top == 20 && r.right == 310 && r.bottom == 220, "GetWindowRect");
    Check(GetClientRect(parent, &r) && r.right == 300 - 16 && r.bottom == 200 - 39 - 20, "GetClientRect: the frame and menu bar taken off");
    RECT adj = {0, 0, 100, 100};
    Check(AdjustWindowRect(&adj, WS_OVERLAPPEDWINDOW, FALSE) && adj.left == -8 && adj.top == -31 && adj.right == 108 && adj.bottom == 108,
          "AdjustWindowRect of WS_OVERLAPPEDWINDOW");
    Check(MoveWindow(parent, 100, 100, 400, 300, FALSE) && GetWindowRect(child, &r) && r.left == 100 + 8 + 5 && r.top == 100 + 31 + 20 + 6,
          "MoveWindow: the child moves along");

    /* Message-only windows, FindWindow and enumeration. */
    HWND msgOnly = CreateWindowExA(0, "U32Test", "hidden", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, self, NULL);
    Check(msgOnly != NULL && GetParent(msgOnly) == NULL, "a message-only window");
    Check(FindWindowA("U32Test", "renamed") == parent, "FindWindow by class and title, without case");
    Check(FindWindowA(NULL, "hidden") == NULL, "FindWindow does not see message-only windows");
    Check(FindWindowExA(HWND_MESSAGE, NULL, "U32Test", NULL) == msgOnly, "FindWindowEx(HWND_MESSAGE) does");
    Check(FindWindowExA(parent, NULL, NULL, "kid") == child, "FindWindowEx among children");
    Check(FindWindowA((LPCSTR)(ULONG_PTR)atom, NULL) == parent, "FindWindow by atom");
    HWND second = CreateWindowExA(0, "U32Test", "second", WS_POPUP, 0, 0, 10, 10, NULL, NULL, self, NULL);
    enumCount = 0;
    EnumWindows(Count, 100);
    Check(enumCount == 2, "EnumWindows: the two top-level windows");
    Check(GetTopWindow(NULL) == second && GetWindow(second, GW_HWNDNEXT) == parent, "z-order: the newest on top");
    enumCount = 0;
    Check(EnumThreadWindows(GetCurrentThreadId(), Count, 1) && enumCount == 1, "EnumThreadWindows stops when told");
    HWND grandchild = CreateWindowExA(WS_EX_NOPARENTNOTIFY, "U32Test", "gc", WS_CHILD, 0, 0, 5, 5, child, NULL, self, NULL);
    enumCount = 0;
    EnumChildWindows(parent, Count, 100);
    Check(enumCount == 2, "EnumChildWindows: child and grandchild");
    Check(GetAncestor(grandchild, GA_ROOT) == parent && GetAncestor(parent, GA_PARENT) == GetDesktopWindow(), "GetAncestor");

    Check(SetMenu(parent, NULL) && DestroyMenu(bar) && !IsMenu(popup), "DestroyMenu takes its popups");

    /* Destruction order. */
    parentHwnd = parent;
    traceLen = 0;
    Check(DestroyWindow(parent), "DestroyWindow");
    Print("destroy: "); Print(trace); Print("\n");
    Check(!IsWindow(parent) && !IsWindow(child) && !IsWindow(grandchild), "the window and its children are gone");
    CheckError(!DestroyWindow(parent), ERROR_INVALID_WINDOW_HANDLE, "again: ERROR_INVALID_WINDOW_HANDLE");
    CheckError(!UnregisterClassA("U32Test", self), ERROR_CLASS_HAS_WINDOWS, "UnregisterClass while windows live: ERROR_CLASS_HAS_WINDOWS");
    DestroyWindow(second);
    DestroyWindow(msgOnly);
    Check(UnregisterClassA("U32Test", self), "then UnregisterClass");
    CheckError(!UnregisterClassA("U32Test", self), ERROR_CLASS_DOES_NOT_EXIST, "again: ERROR_CLASS_DOES_NOT_EXIST");

    /* The clipboard. */
    CheckError(!EmptyClipboard(), ERROR_CLIPBOARD_NOT_OPEN, "EmptyClipboard unopened: ERROR_CLIPBOARD_NOT_OPEN");
    Check(OpenClipboard(NULL) && EmptyClipboard(), "OpenClipboard, EmptyClipboard");
    HGLOBAL g = GlobalAlloc(GMEM_MOVEABLE, 8 * sizeof(WCHAR));
    WCHAR *p = GlobalLock(g);
    p[0] = 'h'; p[1] = 0xE9; p[2] = 0;
    GlobalUnlock(g);
    Check(SetClipboardData(CF_UNICODETEXT, g) == g && CloseClipboard(), "SetClipboardData(CF_UNICODETEXT), CloseClipboard");
    Check(IsClipboardFormatAvailable(CF_TEXT) && IsClipboardFormatAvailable(CF_OEMTEXT) && CountClipboardFormats() == 4,
          "CF_TEXT, CF_OEMTEXT and CF_LOCALE synthesized");
    Check(OpenClipboard(NULL), "OpenClipboard");
    UINT order[5] = {0}, f = 0;
    for (int i = 0; i < 5 && (f = EnumClipboardFormats(f)) != 0; i++) order[i] = f;
    Check(order[0] == CF_UNICODETEXT && order[1] == CF_LOCALE && order[2] == CF_TEXT && order[3] == CF_OEMTEXT && order[4] == 0,
          "EnumClipboardFormats: the given one, then CF_LOCALE, CF_TEXT, CF_OEMTEXT");
    const char *a = GlobalLock(GetClipboardData(CF_TEXT)), *o = GlobalLock(GetClipboardData(CF_OEMTEXT));
    Check(a && o && SameA(a, "h\xe9") && SameA(o, "h\x82"), "the text in 1252 and 437");
    Check(CloseClipboard(), "CloseClipboard");
    CheckError(!GetClipboardData(CF_TEXT), ERROR_CLIPBOARD_NOT_OPEN, "GetClipboardData closed: ERROR_CLIPBOARD_NOT_OPEN");
    Check(RegisterClipboardFormatA("U32 Format") == RegisterWindowMessageA("u32 format"),
          "RegisterClipboardFormat and RegisterWindowMessage share names");
    Print(failures ? "FAILED\n" : "all passed\n");
    ExitProcess(failures);
}
