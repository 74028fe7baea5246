/* DefWindowProcA/W: the default answers. WM_NCCREATE and WM_SETTEXT store the window's text,
 * WM_GETTEXT / WM_GETTEXTLENGTH read it, WM_NCCALCSIZE gives the client area inside the frame,
 * WM_WINDOWPOSCHANGED sends WM_SIZE and WM_MOVE, WM_CLOSE (and SC_CLOSE) destroys the window,
 * WM_QUERYENDSESSION and WM_QUERYOPEN answer TRUE; everything else answers 0. Nothing is painted. */
#include "user32.h"

static void SetText(HWND hwnd, const void *text, BOOL unicode)
{
    WCHAR *copy = unicode ? UserDupW(text) : UserDupA(text);
    LOCK();
    WND *w = UserWindow(hwnd);
    WCHAR *old = NULL;
    if (w) { old = w->Text; w->Text = copy; copy = NULL; }
    UNLOCK();
    UserFree(old);
    UserFree(copy);
}

/* WM_GETTEXT: at most size-1 units and a NUL; the units copied. */
static LRESULT GetText(HWND hwnd, WPARAM size, void *buffer, BOOL unicode)
{
    if (buffer == NULL || size == 0) return 0;
    LOCK();
    WND *w = UserWindow(hwnd);
    WCHAR *text = UserDupW(w ? w->Text : NULL);
    UNLOCK();
    int n;
    if (unicode) {
        n = (int)wcslen(text);
        if ((WPARAM)n > size - 1) n = (int)size - 1;
        memcpy(buffer, text, n * sizeof(WCHAR));
        ((WCHAR *)buffer)[n] = 0;
    } else {
        n = WideCharToMultiByte(CP_ACP, 0, text, (int)wcslen(text), buffer, (int)size - 1, NULL, NULL);
        ((char *)buffer)[n] = 0;
    }
    UserFree(text);
    return n;
}

static LRESULT TextLength(HWND hwnd, BOOL unicode)
{
    LOCK();
    WND *w = UserWindow(hwnd);
    LRESULT n = 0;
    if (w) n = unicode ? (LRESULT)wcslen(w->Text) : WideCharToMultiByte(CP_ACP, 0, w->Text, (int)wcslen(w->Text), NULL, 0, NULL, NULL);
    UNLOCK();
    return n;
}

static LRESULT Default(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode)
{
    switch (msg) {
    case WM_NCCREATE: {
        CREATESTRUCTW *cs = (CREATESTRUCTW *)lp;
        if (cs && cs->lpszName) SetText(hwnd, cs->lpszName, unicode);
        return TRUE;
    }
    case WM_SETTEXT:
        SetText(hwnd, (const void *)lp, unicode);
        return TRUE;
    case WM_GETTEXT:
        return GetText(hwnd, wp, (void *)lp, unicode);
    case WM_GETTEXTLENGTH:
        return TextLength(hwnd, unicode);
    case WM_NCCALCSIZE:
        if (lp && !wp) {                        /* the window rectangle becomes the client's */
            RECT frame = {0, 0, 0, 0};
            LONG style = GetWindowLongW(hwnd, GWL_STYLE), ex = GetWindowLongW(hwnd, GWL_EXSTYLE);
            AdjustWindowRectEx(&frame, (DWORD)style, !(style & WS_CHILD) && GetMenu(hwnd) != NULL, (DWORD)ex);
            RECT *r = (RECT *)lp;
            r->left -= frame.left; r->top -= frame.top; r->right -= frame.right; r->bottom -= frame.bottom;
            if (r->right < r->left) r->right = r->left;
            if (r->bottom < r->top) r->bottom = r->top;
        }
        return 0;
    case WM_WINDOWPOSCHANGED: {
        const WINDOWPOS *p = (const WINDOWPOS *)lp;
        RECT c;
        if (p && !(p->flags & SWP_NOCLIENTSIZE) && GetClientRect(hwnd, &c))
            SendMessageW(hwnd, WM_SIZE, SIZE_RESTORED, MAKELPARAM(c.right, c.bottom));
        if (p && !(p->flags & SWP_NOCLIENTMOVE)) {
            POINT o = {0, 0};
            ClientToScreen(hwnd, &o);
            HWND parent = GetAncestor(hwnd, GA_PARENT);
            if (parent && parent != GetDesktopWindow()) ScreenToClient(parent, &o);
            SendMessageW(hwnd, WM_MOVE, 0, MAKELPARAM(o.x, o.y));
        }
        return 0;
    }
    case WM_CLOSE:
        DestroyWindow(hwnd);
        return 0;
    case WM_SYSCOMMAND:
        if ((wp & 0xFFF0) == SC_CLOSE) SendMessageW(hwnd, WM_CLOSE, 0, 0);
        return 0;
    case WM_QUERYENDSESSION: case WM_QUERYOPEN: case WM_NCACTIVATE:
        return TRUE;
    case WM_NOTIFYFORMAT:
        return unicode ? NFR_UNICODE : NFR_ANSI;
    default:
        return 0;
    }
}

__declspec(dllexport) LRESULT WINAPI DefWindowProcW(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp) { return Default(hwnd, msg, wp, lp, TRUE); }
__declspec(dllexport) LRESULT WINAPI DefWindowProcA(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp) { return Default(hwnd, msg, wp, lp, FALSE); }
