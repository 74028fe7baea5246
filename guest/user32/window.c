/* Windows, per process: CreateWindowEx A/W (WM_GETMINMAXINFO, WM_NCCREATE, WM_NCCALCSIZE,
 * WM_CREATE with the CREATESTRUCT, WM_SIZE, WM_MOVE; HWND_MESSAGE parents make message-only
 * windows), DestroyWindow (owned windows first, then WM_DESTROY from the window down through its
 * children and WM_NCDESTROY from the children up), the handle table, and the state calls
 * (IsWindow, visibility, enabling, parents and owners). A window belongs to the thread that
 * created it; other processes' windows are not seen. */
#include "user32.h"

WND *UserWindows;
static ULONG Serial;
ULONG UserZTop;                                 /* the highest z-order key given */

WND *UserWindow(HWND hwnd)
{
    if (hwnd == NULL) return NULL;
    for (WND *w = UserWindows; w; w = w->Next)
        if (w->Handle == hwnd) return w;
    return NULL;
}

WND *UserWindowChecked(HWND hwnd)
{
    LOCK();
    WND *w = UserWindow(hwnd);
    UNLOCK();
    if (w == NULL) SetLastError(ERROR_INVALID_WINDOW_HANDLE);
    return w;
}

/* The non-client frame of a style, as AdjustWindowRectEx adds it. */
static void Frame(DWORD style, DWORD ex, BOOL menu, RECT *r)
{
    int b = 0;
    if (style & WS_THICKFRAME) b = GetSystemMetrics(SM_CXFRAME) + GetSystemMetrics(SM_CXPADDEDBORDER);
    else if ((style & WS_DLGFRAME) || (ex & WS_EX_DLGMODALFRAME)) b = GetSystemMetrics(SM_CXDLGFRAME);
    else if (style & WS_BORDER) b = 1;
    if (ex & WS_EX_CLIENTEDGE) b += 2;
    r->left -= b; r->right += b; r->top -= b; r->bottom += b;
    if ((style & WS_CAPTION) == WS_CAPTION) r->top -= GetSystemMetrics(SM_CYCAPTION);
    if (menu) r->top -= GetSystemMetrics(SM_CYMENU);
}

__declspec(dllexport) BOOL WINAPI AdjustWindowRectEx(LPRECT r, DWORD style, BOOL menu, DWORD ex)
{
    if (r == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    Frame(style, ex, menu, r);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI AdjustWindowRect(LPRECT r, DWORD style, BOOL menu) { return AdjustWindowRectEx(r, style, menu, 0); }
__declspec(dllexport) BOOL WINAPI AdjustWindowRectExForDpi(LPRECT r, DWORD style, BOOL menu, DWORD ex, UINT dpi)
{
    (void)dpi;
    return AdjustWindowRectEx(r, style, menu, ex);
}

static void Free(WND *w)
{
    LOCK();
    for (WND **p = &UserWindows; *p; p = &(*p)->Next)
        if (*p == w) { *p = w->Next; break; }
    w->Class->Windows--;
    UNLOCK();
    UserFree(w->Text);
    UserFree(w->Extra);
    UserFree(w);
}

void UserForgetWindow(HWND hwnd);               /* queue.c and timer.c: its messages and timers */

static HWND Create(DWORD ex, LPCWSTR className, LPCWSTR name, DWORD style, int x, int y, int cx, int cy,
                   HWND parent, HMENU menu, HINSTANCE instance, LPVOID param, BOOL unicode, LPCVOID nameA, LPCVOID classA)
{
    /* Step 1: the class and the parent or owner. */
    LOCK();
    CLS *cls = className ? UserFindClass(className, instance ? instance : GetModuleHandleW(NULL)) : NULL;
    WND *owner = NULL, *parentWnd = NULL;
    BOOL messageOnly = parent == HWND_MESSAGE || parent == MESSAGE_HWND;
    if (parent && !messageOnly && parent != DESKTOP_HWND) {
        parentWnd = UserWindow(parent);
        if (parentWnd == NULL) {
            UNLOCK();
            SetLastError(ERROR_INVALID_WINDOW_HANDLE);
            return NULL;
        }
    }
    UNLOCK();
    if (cls == NULL) {
        SetLastError(ERROR_CANNOT_FIND_WND_CLASS);
        return NULL;
    }
    if ((style & WS_CHILD) && parent == NULL) {
        SetLastError(ERROR_TLW_WITH_WSCHILD);
        return NULL;
    }
    if (!(style & WS_CHILD) && parentWnd) {     /* a top-level window's "parent" is its owner */
        owner = parentWnd;
        while (owner->Style & WS_CHILD) owner = UserWindow(owner->Parent);
        parentWnd = NULL;
    }

    /* Step 2: the window's record and its place (default position and size of overlapped windows). */
    if (!(style & WS_CHILD)) {
        if (x == CW_USEDEFAULT) { x = 26; y = 26; }
        if (cx == CW_USEDEFAULT) { cx = 768; cy = 546; }
        if (!(style & WS_POPUP)) style |= WS_CLIPSIBLINGS;
        if (!(style & (WS_POPUP | WS_CHILD))) style |= WS_CAPTION;      /* WS_OVERLAPPED has a caption */
    } else {
        if (x == CW_USEDEFAULT) x = y = 0;
        if (cx == CW_USEDEFAULT) cx = cy = 0;
    }
    WND *w = UserAlloc(sizeof(*w));
    w->Extra = UserAlloc((SIZE_T)cls->Info.cbWndExtra);
    w->Class = cls;
    w->Proc = cls->Info.lpfnWndProc;
    w->Unicode = cls->Unicode;
    w->Style = style & ~WS_VISIBLE;
    w->ExStyle = ex;
    w->ThreadId = GetCurrentThreadId();
    w->Parent = messageOnly ? HWND_MESSAGE : parentWnd ? parentWnd->Handle : NULL;
    w->Owner = owner ? owner->Handle : NULL;
    w->Instance = instance;
    w->Id = menu;                               /* a child's id, a top-level window's menu */
    w->Text = UserDupW(NULL);
    POINT origin = {0, 0};
    if (parentWnd) ClientToScreen(parentWnd->Handle, &origin);   /* a child is placed in its parent's client area */
    SetRect(&w->Rect, origin.x + x, origin.y + y, origin.x + x + cx, origin.y + y + cy);
    UserQueue();                                /* the creating thread gets its queue */
    LOCK();
    w->Handle = (HWND)(ULONG_PTR)(0x20000 + ++Serial * 0x10 + 4);
    w->Order = ++UserZTop;                  /* on top of its siblings */
    w->Next = UserWindows;
    UserWindows = w;
    cls->Windows++;
    UNLOCK();
    HWND hwnd = w->Handle;

    /* Step 3: the creation messages. */
    CREATESTRUCTW cs = {param, instance, menu, parent, cy, cx, y, x, (LONG)style, name, className, ex};
    if (!unicode) { cs.lpszName = nameA; cs.lpszClass = classA; }
    if (!(style & WS_CHILD)) {
        MINMAXINFO mm = {{0, 0}, {GetSystemMetrics(SM_CXMAXIMIZED), GetSystemMetrics(SM_CYMAXIMIZED)}, {-8, -8},
                         {GetSystemMetrics(SM_CXMINTRACK), GetSystemMetrics(SM_CYMINTRACK)},
                         {GetSystemMetrics(SM_CXMAXTRACK), GetSystemMetrics(SM_CYMAXTRACK)}};
        UserSend(hwnd, WM_GETMINMAXINFO, 0, (LPARAM)&mm, unicode);
    }
    if (!UserSend(hwnd, WM_NCCREATE, 0, (LPARAM)&cs, unicode)) {
        DestroyWindow(hwnd);
        return NULL;
    }
    RECT client = w->Rect;
    UserSend(hwnd, WM_NCCALCSIZE, FALSE, (LPARAM)&client, unicode);
    if (UserSend(hwnd, WM_CREATE, 0, (LPARAM)&cs, unicode) == -1) {
        DestroyWindow(hwnd);
        return NULL;
    }
    if (!IsWindow(hwnd)) return NULL;           /* destroyed during creation */
    RECT c;
    GetClientRect(hwnd, &c);
    UserSend(hwnd, WM_SIZE, SIZE_RESTORED, MAKELPARAM(c.right, c.bottom), unicode);
    UserSend(hwnd, WM_MOVE, 0, MAKELPARAM(x, y), unicode);
    if ((style & WS_CHILD) && !(ex & WS_EX_NOPARENTNOTIFY) && parentWnd)
        UserSend(parentWnd->Handle, WM_PARENTNOTIFY, MAKEWPARAM(WM_CREATE, LOWORD(menu)), (LPARAM)hwnd, unicode);
    if (style & WS_VISIBLE) ShowWindow(hwnd, SW_SHOW);
    return hwnd;
}

__declspec(dllexport) HWND WINAPI CreateWindowExW(DWORD ex, LPCWSTR className, LPCWSTR name, DWORD style, int x, int y,
                                                 int cx, int cy, HWND parent, HMENU menu, HINSTANCE instance, LPVOID param)
{
    return Create(ex, className, name, style, x, y, cx, cy, parent, menu, instance, param, TRUE, NULL, NULL);
}

__declspec(dllexport) HWND WINAPI CreateWindowExA(DWORD ex, LPCSTR className, LPCSTR name, DWORD style, int x, int y,
                                                 int cx, int cy, HWND parent, HMENU menu, HINSTANCE instance, LPVOID param)
{
    WCHAR cw[256], nw[1024];
    LPCWSTR c = (LPCWSTR)className, n = NULL;
    if (className && !IS_INTRESOURCE(className)) {
        if (!MultiByteToWideChar(CP_ACP, 0, className, -1, cw, 256)) cw[0] = 0;
        c = cw;
    }
    if (name) {
        if (!MultiByteToWideChar(CP_ACP, 0, name, -1, nw, 1024)) nw[1023] = 0;
        n = nw;
    }
    return Create(ex, c, n, style, x, y, cx, cy, parent, menu, instance, param, FALSE, name, className);
}

/* Step: DestroyWindow's two passes over the window and its children. */
static void SendDestroy(HWND hwnd)
{
    LOCK();
    WND *w = UserWindow(hwnd);
    if (w) { w->Destroying = TRUE; w->Style &= ~WS_VISIBLE; }
    UNLOCK();
    if (w == NULL) return;
    UserSend(hwnd, WM_DESTROY, 0, 0, w->Unicode);
    for (;;) {                                  /* then each child, top-down */
        HWND child = NULL;
        LOCK();
        for (WND *c = UserWindows; c; c = c->Next)
            if (c->Parent == hwnd && !c->Destroying) { child = c->Handle; break; }
        UNLOCK();
        if (child == NULL) break;
        SendDestroy(child);
    }
}

static void SendNcDestroy(HWND hwnd)
{
    for (;;) {                                  /* children first */
        HWND child = NULL;
        LOCK();
        for (WND *c = UserWindows; c; c = c->Next)
            if (c->Parent == hwnd) { child = c->Handle; break; }
        UNLOCK();
        if (child == NULL) break;
        SendNcDestroy(child);
    }
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return;
    UserSend(hwnd, WM_NCDESTROY, 0, 0, w->Unicode);
    UserForgetWindow(hwnd);
    Free(w);
}

__declspec(dllexport) BOOL WINAPI DestroyWindow(HWND hwnd)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return FALSE;
    if (w->ThreadId != GetCurrentThreadId()) {
        SetLastError(ERROR_ACCESS_DENIED);      /* only the window's own thread may destroy it */
        return FALSE;
    }
    if (w->Destroying) return TRUE;
    for (;;) {                                  /* owned windows go first */
        HWND owned = NULL;
        LOCK();
        for (WND *o = UserWindows; o; o = o->Next)
            if (o->Owner == hwnd && !o->Destroying) { owned = o->Handle; break; }
        UNLOCK();
        if (owned == NULL) break;
        if (!DestroyWindow(owned)) break;
    }
    if ((w->Style & WS_CHILD) && !(w->ExStyle & WS_EX_NOPARENTNOTIFY) && w->Parent && w->Parent != HWND_MESSAGE)
        UserSend(w->Parent, WM_PARENTNOTIFY, MAKEWPARAM(WM_DESTROY, LOWORD(w->Id)), (LPARAM)hwnd, w->Unicode);
    SendDestroy(hwnd);
    SendNcDestroy(hwnd);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI IsWindow(HWND hwnd)
{
    if (hwnd == DESKTOP_HWND) return TRUE;
    LOCK();
    BOOL live = UserWindow(hwnd) != NULL;
    UNLOCK();
    return live;
}

__declspec(dllexport) BOOL WINAPI IsWindowUnicode(HWND hwnd)
{
    WND *w = UserWindowChecked(hwnd);
    return w ? w->Unicode : FALSE;
}

static DWORD StyleOf(HWND hwnd)
{
    LOCK();
    WND *w = UserWindow(hwnd);
    DWORD s = w ? w->Style : 0;
    UNLOCK();
    return s;
}

__declspec(dllexport) BOOL WINAPI IsWindowVisible(HWND hwnd)
{
    if (hwnd == DESKTOP_HWND) return TRUE;
    LOCK();
    BOOL visible = FALSE;
    for (WND *w = UserWindow(hwnd); w; w = UserWindow(w->Parent)) {
        visible = (w->Style & WS_VISIBLE) != 0;
        if (!visible || !(w->Style & WS_CHILD)) break;
    }
    UNLOCK();
    return visible;
}

__declspec(dllexport) BOOL WINAPI IsWindowEnabled(HWND hwnd) { return IsWindow(hwnd) && !(StyleOf(hwnd) & WS_DISABLED); }
__declspec(dllexport) BOOL WINAPI IsIconic(HWND hwnd) { return (StyleOf(hwnd) & WS_MINIMIZE) != 0; }
__declspec(dllexport) BOOL WINAPI IsZoomed(HWND hwnd) { return (StyleOf(hwnd) & WS_MAXIMIZE) != 0; }

__declspec(dllexport) BOOL WINAPI EnableWindow(HWND hwnd, BOOL enable)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return FALSE;
    BOOL wasDisabled = (w->Style & WS_DISABLED) != 0;
    if (enable == wasDisabled) {
        LOCK();
        if (enable) w->Style &= ~WS_DISABLED; else w->Style |= WS_DISABLED;
        UNLOCK();
        UserSend(hwnd, WM_ENABLE, enable, 0, w->Unicode);
    }
    return wasDisabled;
}

__declspec(dllexport) BOOL WINAPI ShowWindow(HWND hwnd, int cmd)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return FALSE;
    BOOL was = (w->Style & WS_VISIBLE) != 0, show = cmd != SW_HIDE;
    LOCK();
    w->Style &= ~(WS_MINIMIZE | WS_MAXIMIZE);
    if (cmd == SW_MINIMIZE || cmd == SW_SHOWMINIMIZED || cmd == SW_SHOWMINNOACTIVE || cmd == SW_FORCEMINIMIZE) w->Style |= WS_MINIMIZE;
    if (cmd == SW_MAXIMIZE) w->Style |= WS_MAXIMIZE;
    UNLOCK();
    if (was != show) {
        UserSend(hwnd, WM_SHOWWINDOW, show, 0, w->Unicode);
        LOCK();
        if (show) w->Style |= WS_VISIBLE; else w->Style &= ~WS_VISIBLE;
        UNLOCK();
    }
    return was;
}

__declspec(dllexport) BOOL WINAPI ShowWindowAsync(HWND hwnd, int cmd) { return ShowWindow(hwnd, cmd); }
__declspec(dllexport) BOOL WINAPI UpdateWindow(HWND hwnd) { return UserWindowChecked(hwnd) != NULL; }

__declspec(dllexport) HWND WINAPI GetDesktopWindow(void) { return DESKTOP_HWND; }

__declspec(dllexport) HWND WINAPI GetParent(HWND hwnd)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return NULL;
    if (w->Style & WS_CHILD) return w->Parent;
    if (w->Style & WS_POPUP) return w->Owner;
    return NULL;
}

__declspec(dllexport) HWND WINAPI GetAncestor(HWND hwnd, UINT flags)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return NULL;
    LOCK();
    HWND answer = hwnd;
    if (flags == GA_PARENT) {
        answer = w->Parent == HWND_MESSAGE ? MESSAGE_HWND : w->Parent ? w->Parent : DESKTOP_HWND;
    } else if (flags == GA_ROOT || flags == GA_ROOTOWNER) {
        while ((w->Style & WS_CHILD) && UserWindow(w->Parent)) w = UserWindow(w->Parent);
        if (flags == GA_ROOTOWNER)
            while (UserWindow(w->Owner)) w = UserWindow(w->Owner);
        answer = w->Handle;
    } else {
        answer = NULL;
    }
    UNLOCK();
    return answer;
}

__declspec(dllexport) BOOL WINAPI IsChild(HWND parent, HWND hwnd)
{
    LOCK();
    BOOL child = FALSE;
    for (WND *w = UserWindow(hwnd); w && (w->Style & WS_CHILD); w = UserWindow(w->Parent))
        if (w->Parent == parent) { child = TRUE; break; }
    UNLOCK();
    return child;
}

__declspec(dllexport) DWORD WINAPI GetWindowThreadProcessId(HWND hwnd, LPDWORD pid)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return 0;
    if (pid) *pid = GetCurrentProcessId();
    return w->ThreadId;
}

/* Get/SetWindowLongPtr: a field of the window, or (index >= 0) of its extra bytes. */
static LONG_PTR Field(HWND hwnd, int index, BOOL set, LONG_PTR value, int width, BOOL unicode)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return 0;
    LONG_PTR old = 0;
    BOOL ok = TRUE;
    if (set && index == GWL_STYLE) {            /* the window is told before and after */
        STYLESTRUCT ss = {w->Style, (DWORD)value};
        UserSend(hwnd, WM_STYLECHANGING, GWL_STYLE, (LPARAM)&ss, w->Unicode);
        value = (LONG_PTR)ss.styleNew;
    }
    LOCK();
    if (index >= 0) {
        if (index + width > w->Class->Info.cbWndExtra) ok = FALSE;
        else {
            memcpy(&old, w->Extra + index, width);
            if (set) memcpy(w->Extra + index, &value, width);
        }
    } else switch (index) {
    case GWLP_WNDPROC:
        old = (LONG_PTR)w->Proc;
        if (set) { w->Proc = (WNDPROC)value; w->Unicode = unicode; }
        break;
    case GWLP_HINSTANCE: old = (LONG_PTR)w->Instance; if (set) w->Instance = (HINSTANCE)value; break;
    case GWLP_HWNDPARENT:
        old = (LONG_PTR)((w->Style & WS_CHILD) ? w->Parent : w->Owner);
        if (set && !(w->Style & WS_CHILD)) w->Owner = (HWND)value;
        break;
    case GWLP_ID: old = (LONG_PTR)w->Id; if (set) w->Id = (HMENU)value; break;
    case GWLP_USERDATA: old = w->UserData; if (set) w->UserData = value; break;
    case GWL_STYLE: old = w->Style; if (set) w->Style = (DWORD)value; break;
    case GWL_EXSTYLE: old = w->ExStyle; if (set) w->ExStyle = (DWORD)value; break;
    default: ok = FALSE;
    }
    UNLOCK();
    if (!ok) { SetLastError(ERROR_INVALID_INDEX); return 0; }
    if (set && index == GWL_STYLE) {
        STYLESTRUCT ss = {(DWORD)old, (DWORD)value};
        UserSend(hwnd, WM_STYLECHANGED, GWL_STYLE, (LPARAM)&ss, w->Unicode);
    }
    return width == 4 && index >= 0 ? (LONG_PTR)(LONG)old : old;
}

__declspec(dllexport) LONG_PTR WINAPI GetWindowLongPtrW(HWND h, int i) { return Field(h, i, FALSE, 0, 8, TRUE); }
__declspec(dllexport) LONG_PTR WINAPI GetWindowLongPtrA(HWND h, int i) { return Field(h, i, FALSE, 0, 8, FALSE); }
__declspec(dllexport) LONG_PTR WINAPI SetWindowLongPtrW(HWND h, int i, LONG_PTR v) { return Field(h, i, TRUE, v, 8, TRUE); }
__declspec(dllexport) LONG_PTR WINAPI SetWindowLongPtrA(HWND h, int i, LONG_PTR v) { return Field(h, i, TRUE, v, 8, FALSE); }
__declspec(dllexport) LONG WINAPI GetWindowLongW(HWND h, int i) { return (LONG)Field(h, i, FALSE, 0, 4, TRUE); }
__declspec(dllexport) LONG WINAPI GetWindowLongA(HWND h, int i) { return (LONG)Field(h, i, FALSE, 0, 4, FALSE); }
__declspec(dllexport) LONG WINAPI SetWindowLongW(HWND h, int i, LONG v) { return (LONG)Field(h, i, TRUE, v, 4, TRUE); }
__declspec(dllexport) LONG WINAPI SetWindowLongA(HWND h, int i, LONG v) { return (LONG)Field(h, i, TRUE, v, 4, FALSE); }
__declspec(dllexport) WORD WINAPI GetWindowWord(HWND h, int i) { return (WORD)Field(h, i, FALSE, 0, 2, TRUE); }
