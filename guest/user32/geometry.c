/* Window geometry on the stored rectangles (screen coordinates; the client area is what the
 * style's frame leaves, as AdjustWindowRectEx computes it): GetWindowRect, GetClientRect,
 * ClientToScreen, ScreenToClient, MapWindowPoints, MoveWindow and SetWindowPos (with
 * WM_WINDOWPOSCHANGING / WM_WINDOWPOSCHANGED, z-order and showing or hiding). */
#include "user32.h"

extern ULONG UserZTop;

__declspec(dllexport) BOOL WINAPI GetWindowRect(HWND hwnd, LPRECT r)
{
    if (r == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    if (hwnd == DESKTOP_HWND) { SetRect(r, 0, 0, GetSystemMetrics(SM_CXSCREEN), GetSystemMetrics(SM_CYSCREEN)); return TRUE; }
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return FALSE;
    *r = w->Rect;
    return TRUE;
}

/* The client area in screen coordinates. */
static BOOL ClientScreen(HWND hwnd, RECT *c)
{
    if (hwnd == DESKTOP_HWND) return GetWindowRect(hwnd, c);
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return FALSE;
    RECT frame = {0, 0, 0, 0};
    AdjustWindowRectEx(&frame, w->Style, !(w->Style & WS_CHILD) && w->Id != NULL, w->ExStyle);   /* with its menu bar */
    *c = w->Rect;
    c->left -= frame.left; c->top -= frame.top; c->right -= frame.right; c->bottom -= frame.bottom;
    if (c->right < c->left) c->right = c->left;
    if (c->bottom < c->top) c->bottom = c->top;
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI GetClientRect(HWND hwnd, LPRECT r)
{
    RECT c;
    if (r == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    if (!ClientScreen(hwnd, &c)) return FALSE;
    SetRect(r, 0, 0, c.right - c.left, c.bottom - c.top);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI ClientToScreen(HWND hwnd, LPPOINT p)
{
    RECT c;
    if (p == NULL || !ClientScreen(hwnd, &c)) return FALSE;
    p->x += c.left; p->y += c.top;
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI ScreenToClient(HWND hwnd, LPPOINT p)
{
    RECT c;
    if (p == NULL || !ClientScreen(hwnd, &c)) return FALSE;
    p->x -= c.left; p->y -= c.top;
    return TRUE;
}

__declspec(dllexport) int WINAPI MapWindowPoints(HWND from, HWND to, LPPOINT points, UINT count)
{
    RECT a = {0, 0, 0, 0}, b = {0, 0, 0, 0};
    if ((from && !ClientScreen(from, &a)) || (to && !ClientScreen(to, &b))) return 0;
    int dx = a.left - b.left, dy = a.top - b.top;
    for (UINT i = 0; i < count; i++) { points[i].x += dx; points[i].y += dy; }
    SetLastError(0);
    return MAKELONG((WORD)dx, (WORD)dy);
}

__declspec(dllexport) BOOL WINAPI SetWindowPos(HWND hwnd, HWND after, int x, int y, int cx, int cy, UINT flags)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return FALSE;
    /* Step 1: the new place, relative to the parent's client area for a child. */
    RECT parent = {0, 0, 0, 0};
    if ((w->Style & WS_CHILD) && w->Parent && w->Parent != HWND_MESSAGE) ClientScreen(w->Parent, &parent);
    WINDOWPOS pos = {hwnd, after, w->Rect.left - parent.left, w->Rect.top - parent.top,
                     w->Rect.right - w->Rect.left, w->Rect.bottom - w->Rect.top, flags};
    if (!(flags & SWP_NOMOVE)) { pos.x = x; pos.y = y; }
    if (!(flags & SWP_NOSIZE)) { pos.cx = cx < 0 ? 0 : cx; pos.cy = cy < 0 ? 0 : cy; }
    UserSend(hwnd, WM_WINDOWPOSCHANGING, 0, (LPARAM)&pos, w->Unicode);
    /* Step 2: apply it. */
    BOOL moved = FALSE, sized = FALSE;
    LOCK();
    RECT r = {parent.left + pos.x, parent.top + pos.y, parent.left + pos.x + pos.cx, parent.top + pos.y + pos.cy};
    moved = r.left != w->Rect.left || r.top != w->Rect.top;
    sized = r.right - r.left != w->Rect.right - w->Rect.left || r.bottom - r.top != w->Rect.bottom - w->Rect.top;
    int dx = r.left - w->Rect.left, dy = r.top - w->Rect.top;
    w->Rect = r;
    if (moved)                                  /* children move with it */
        for (WND *c = UserWindows; c; c = c->Next)
            if (IsChild(hwnd, c->Handle)) OffsetRect(&c->Rect, dx, dy);
    if (!(flags & SWP_NOZORDER)) {
        if (after == HWND_TOPMOST) w->ExStyle |= WS_EX_TOPMOST;
        if (after == HWND_NOTOPMOST) w->ExStyle &= ~WS_EX_TOPMOST;
        if (after == HWND_BOTTOM) w->Order = 0;
        else if (after == HWND_TOP || after == HWND_TOPMOST || after == HWND_NOTOPMOST) w->Order = ++UserZTop;
        else {
            WND *a = UserWindow(after);
            if (a && a != w) {                  /* just below `after` */
                ULONG at = a->Order;
                for (WND *o = UserWindows; o; o = o->Next) if (o->Order >= at) o->Order++;
                w->Order = at;
                UserZTop++;
            }
        }
    }
    UNLOCK();
    if (flags & SWP_SHOWWINDOW) ShowWindow(hwnd, SW_SHOWNA);
    if (flags & SWP_HIDEWINDOW) ShowWindow(hwnd, SW_HIDE);
    /* Step 3: tell the window. */
    pos.flags = flags | (moved ? 0 : SWP_NOCLIENTMOVE | SWP_NOMOVE) | (sized ? 0 : SWP_NOCLIENTSIZE | SWP_NOSIZE);
    UserSend(hwnd, WM_WINDOWPOSCHANGED, 0, (LPARAM)&pos, w->Unicode);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI MoveWindow(HWND hwnd, int x, int y, int cx, int cy, BOOL repaint)
{
    (void)repaint;
    return SetWindowPos(hwnd, NULL, x, y, cx, cy, SWP_NOZORDER | SWP_NOACTIVATE);
}

__declspec(dllexport) BOOL WINAPI BringWindowToTop(HWND hwnd) { return SetWindowPos(hwnd, HWND_TOP, 0, 0, 0, 0, SWP_NOMOVE | SWP_NOSIZE); }
