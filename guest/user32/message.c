/* Sending and posting: SendMessage (a window of the calling thread: a direct call of its
 * procedure between the WH_CALLWNDPROC hooks; of another thread of the process: queued there and
 * waited for), SendMessageTimeout, SendNotifyMessage, PostMessage, PostThreadMessage,
 * CallWindowProc, DispatchMessage (WM_TIMER with a TIMERPROC calls it) and TranslateMessage (a
 * key-down of a character key posts WM_CHAR, US layout). Strings of WM_SETTEXT, WM_GETTEXT,
 * WM_NCCREATE and WM_CREATE are converted between ANSI and UTF-16 when the procedure's set differs
 * from the caller's. Windows of other processes cannot be reached. */
#include "user32.h"

BOOL UserSendToThread(QUEUE *target, HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode, DWORD timeout, LRESULT *result);

static LRESULT Convert(WNDPROC proc, BOOL procUnicode, HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    switch (msg) {
    case WM_SETTEXT: {
        if (lp == 0) break;
        if (procUnicode) {                      /* an ANSI caller, a UTF-16 procedure */
            WCHAR *w = UserDupA((LPCSTR)lp);
            LRESULT r = proc(hwnd, msg, wp, (LPARAM)w);
            UserFree(w);
            return r;
        }
        int n = WideCharToMultiByte(CP_ACP, 0, (LPCWSTR)lp, -1, NULL, 0, NULL, NULL);
        char *a = UserAlloc((SIZE_T)n);
        WideCharToMultiByte(CP_ACP, 0, (LPCWSTR)lp, -1, a, n, NULL, NULL);
        LRESULT r = proc(hwnd, msg, wp, (LPARAM)a);
        UserFree(a);
        return r;
    }
    case WM_GETTEXT: {
        if (lp == 0 || wp == 0) break;
        SIZE_T units = wp * 2 + 1;
        void *tmp = UserAlloc(units * sizeof(WCHAR));
        LRESULT r = proc(hwnd, msg, units, (LPARAM)tmp);
        int n;
        if (procUnicode) {                      /* UTF-16 back to the ANSI caller's buffer, cut to it */
            char *a = UserAlloc(units * 2);
            n = WideCharToMultiByte(CP_ACP, 0, tmp, (int)r, a, (int)units * 2, NULL, NULL);
            if (n > (int)wp - 1) n = (int)wp - 1;
            memcpy((void *)lp, a, n);
            ((char *)lp)[n] = 0;
            UserFree(a);
        } else {
            WCHAR *w = UserAlloc(units * sizeof(WCHAR));
            n = MultiByteToWideChar(CP_ACP, 0, tmp, (int)r, w, (int)units);
            if (n > (int)wp - 1) n = (int)wp - 1;
            memcpy((void *)lp, w, n * sizeof(WCHAR));
            ((WCHAR *)lp)[n] = 0;
            UserFree(w);
        }
        UserFree(tmp);
        return n;
    }
    case WM_NCCREATE: case WM_CREATE: {
        CREATESTRUCTW cs = *(CREATESTRUCTW *)lp;
        void *name = NULL, *cls = NULL;
        if (procUnicode) {
            if (cs.lpszName) cs.lpszName = name = UserDupA((LPCSTR)cs.lpszName);
            if (!IS_INTRESOURCE(cs.lpszClass)) cs.lpszClass = cls = UserDupA((LPCSTR)cs.lpszClass);
        } else {
            char *a;
            if (cs.lpszName) {
                int n = WideCharToMultiByte(CP_ACP, 0, cs.lpszName, -1, NULL, 0, NULL, NULL);
                a = name = UserAlloc((SIZE_T)n);
                WideCharToMultiByte(CP_ACP, 0, cs.lpszName, -1, a, n, NULL, NULL);
                cs.lpszName = (LPCWSTR)a;
            }
            if (!IS_INTRESOURCE(cs.lpszClass)) {
                int n = WideCharToMultiByte(CP_ACP, 0, cs.lpszClass, -1, NULL, 0, NULL, NULL);
                a = cls = UserAlloc((SIZE_T)n);
                WideCharToMultiByte(CP_ACP, 0, cs.lpszClass, -1, a, n, NULL, NULL);
                cs.lpszClass = (LPCWSTR)a;
            }
        }
        LRESULT r = proc(hwnd, msg, wp, (LPARAM)&cs);
        UserFree(name);
        UserFree(cls);
        return r;
    }
    }
    return proc(hwnd, msg, wp, lp);
}

LRESULT UserCallProc(WNDPROC proc, BOOL procUnicode, HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode)
{
    if (proc == NULL) return 0;
    if (procUnicode == unicode) return proc(hwnd, msg, wp, lp);
    return Convert(proc, procUnicode, hwnd, msg, wp, lp);
}

/* A message to a window of this thread: the hooks and the procedure; of another: its queue. */
static BOOL Send(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode, DWORD timeout, LRESULT *result, BOOL other)
{
    *result = 0;
    LOCK();
    WND *w = UserWindow(hwnd);
    if (w == NULL) {
        UNLOCK();
        SetLastError(ERROR_INVALID_WINDOW_HANDLE);
        return FALSE;
    }
    if (w->ThreadId != GetCurrentThreadId()) {
        QUEUE *q = UserQueueOf(w->ThreadId);
        if (q == NULL) { UNLOCK(); SetLastError(ERROR_INVALID_WINDOW_HANDLE); return FALSE; }
        return UserSendToThread(q, hwnd, msg, wp, lp, unicode, timeout, result);   /* drops the lock */
    }
    WNDPROC proc = w->Proc;
    BOOL procUnicode = w->Unicode;
    UNLOCK();
    UserHookCallWndProc(hwnd, msg, wp, lp, FALSE, 0, other);
    *result = UserCallProc(proc, procUnicode, hwnd, msg, wp, lp, unicode);
    UserHookCallWndProc(hwnd, msg, wp, lp, TRUE, *result, other);
    return TRUE;
}

LRESULT UserSend(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode)
{
    LRESULT r;
    Send(hwnd, msg, wp, lp, unicode, INFINITE, &r, FALSE);
    return r;
}

LRESULT UserDeliverSent(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode)
{
    LRESULT r;
    Send(hwnd, msg, wp, lp, unicode, INFINITE, &r, TRUE);
    return r;
}

/* HWND_BROADCAST: every top-level window of the process (message-only ones aside). */
static void Broadcast(UINT msg, WPARAM wp, LPARAM lp, BOOL post, BOOL unicode)
{
    HWND list[256];
    int n = 0;
    LOCK();
    for (WND *w = UserWindows; w && n < 256; w = w->Next)
        if (w->Parent == NULL && !(w->Style & WS_CHILD)) list[n++] = w->Handle;
    UNLOCK();
    for (int i = 0; i < n; i++) {
        if (post) PostMessageW(list[i], msg, wp, lp);
        else UserSend(list[i], msg, wp, lp, unicode);
    }
}

__declspec(dllexport) LRESULT WINAPI SendMessageW(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (hwnd == HWND_BROADCAST) { Broadcast(msg, wp, lp, FALSE, TRUE); return 0; }
    return UserSend(hwnd, msg, wp, lp, TRUE);
}

__declspec(dllexport) LRESULT WINAPI SendMessageA(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (hwnd == HWND_BROADCAST) { Broadcast(msg, wp, lp, FALSE, FALSE); return 0; }
    return UserSend(hwnd, msg, wp, lp, FALSE);
}

static LRESULT SendTimeout(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, UINT flags, UINT timeout, PDWORD_PTR out, BOOL unicode)
{
    (void)flags;
    LRESULT r;
    if (hwnd == HWND_BROADCAST) { Broadcast(msg, wp, lp, FALSE, unicode); if (out) *out = 0; return TRUE; }
    if (!Send(hwnd, msg, wp, lp, unicode, timeout, &r, FALSE)) {
        if (GetLastError() != ERROR_INVALID_WINDOW_HANDLE) SetLastError(ERROR_TIMEOUT);
        return 0;
    }
    if (out) *out = (DWORD_PTR)r;
    return TRUE;
}

__declspec(dllexport) LRESULT WINAPI SendMessageTimeoutW(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, UINT flags, UINT timeout, PDWORD_PTR out)
{
    return SendTimeout(hwnd, msg, wp, lp, flags, timeout, out, TRUE);
}

__declspec(dllexport) LRESULT WINAPI SendMessageTimeoutA(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, UINT flags, UINT timeout, PDWORD_PTR out)
{
    return SendTimeout(hwnd, msg, wp, lp, flags, timeout, out, FALSE);
}

/* SendNotifyMessage: a direct call on this thread; queued without waiting for another thread
 * (as a posted message here, so it is handled in order with them). */
static BOOL Notify(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp, BOOL unicode)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return FALSE;
    if (w->ThreadId == GetCurrentThreadId()) { UserSend(hwnd, msg, wp, lp, unicode); return TRUE; }
    return PostMessageW(hwnd, msg, wp, lp);
}

__declspec(dllexport) BOOL WINAPI SendNotifyMessageW(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp) { return Notify(hwnd, msg, wp, lp, TRUE); }
__declspec(dllexport) BOOL WINAPI SendNotifyMessageA(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp) { return Notify(hwnd, msg, wp, lp, FALSE); }

/* Messages that carry pointers cannot be posted. */
static BOOL PointerMessage(UINT msg)
{
    return msg == WM_SETTEXT || msg == WM_GETTEXT || msg == WM_NCCREATE || msg == WM_CREATE || msg == WM_COPYDATA
        || msg == WM_GETMINMAXINFO || msg == WM_WINDOWPOSCHANGING || msg == WM_WINDOWPOSCHANGED || msg == WM_NCCALCSIZE
        || msg == WM_STYLECHANGING || msg == WM_STYLECHANGED;
}

__declspec(dllexport) BOOL WINAPI PostThreadMessageW(DWORD tid, UINT msg, WPARAM wp, LPARAM lp)
{
    if (PointerMessage(msg)) { SetLastError(ERROR_MESSAGE_SYNC_ONLY); return FALSE; }
    if (tid == GetCurrentThreadId()) UserQueue();
    LOCK();
    QUEUE *q = UserQueueOf(tid);
    if (q) UserPost(q, NULL, msg, wp, lp);
    UNLOCK();
    if (q == NULL) SetLastError(ERROR_INVALID_THREAD_ID);   /* no such thread, or one without a queue */
    return q != NULL;
}

__declspec(dllexport) BOOL WINAPI PostThreadMessageA(DWORD tid, UINT msg, WPARAM wp, LPARAM lp) { return PostThreadMessageW(tid, msg, wp, lp); }

__declspec(dllexport) BOOL WINAPI PostMessageW(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    if (hwnd == NULL) return PostThreadMessageW(GetCurrentThreadId(), msg, wp, lp);
    if (PointerMessage(msg)) { SetLastError(ERROR_MESSAGE_SYNC_ONLY); return FALSE; }
    if (hwnd == HWND_BROADCAST) { Broadcast(msg, wp, lp, TRUE, TRUE); return TRUE; }
    LOCK();
    WND *w = UserWindow(hwnd);
    QUEUE *q = w ? UserQueueOf(w->ThreadId) : NULL;
    if (q) UserPost(q, hwnd, msg, wp, lp);
    UNLOCK();
    if (q == NULL) SetLastError(ERROR_INVALID_WINDOW_HANDLE);
    return q != NULL;
}

__declspec(dllexport) BOOL WINAPI PostMessageA(HWND hwnd, UINT msg, WPARAM wp, LPARAM lp) { return PostMessageW(hwnd, msg, wp, lp); }

__declspec(dllexport) LRESULT WINAPI CallWindowProcW(WNDPROC proc, HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    return proc ? proc(hwnd, msg, wp, lp) : 0;
}

__declspec(dllexport) LRESULT WINAPI CallWindowProcA(WNDPROC proc, HWND hwnd, UINT msg, WPARAM wp, LPARAM lp)
{
    return proc ? proc(hwnd, msg, wp, lp) : 0;
}

static LRESULT Dispatch(const MSG *m, BOOL unicode)
{
    if (m == NULL) { SetLastError(ERROR_NOACCESS); return 0; }
    if ((m->message == WM_TIMER || m->message == WM_SYSTIMER) && m->lParam) {
        ((TIMERPROC)m->lParam)(m->hwnd, m->message, m->wParam, GetTickCount());
        return 0;
    }
    if (m->hwnd == NULL) return 0;              /* a thread message: no window to give it to */
    LOCK();
    WND *w = UserWindow(m->hwnd);
    WNDPROC proc = w ? w->Proc : NULL;
    BOOL procUnicode = w ? w->Unicode : FALSE;
    DWORD tid = w ? w->ThreadId : 0;
    UNLOCK();
    if (w == NULL) { SetLastError(ERROR_INVALID_WINDOW_HANDLE); return 0; }
    if (tid != GetCurrentThreadId()) { SetLastError(ERROR_MESSAGE_SYNC_ONLY); return 0; }
    return UserCallProc(proc, procUnicode, m->hwnd, m->message, m->wParam, m->lParam, unicode);
}

__declspec(dllexport) LRESULT WINAPI DispatchMessageW(const MSG *m) { return Dispatch(m, TRUE); }
__declspec(dllexport) LRESULT WINAPI DispatchMessageA(const MSG *m) { return Dispatch(m, FALSE); }

__declspec(dllexport) BOOL WINAPI TranslateMessage(const MSG *m)
{
    if (m == NULL) return FALSE;
    if (m->message != WM_KEYDOWN && m->message != WM_SYSKEYDOWN && m->message != WM_KEYUP && m->message != WM_SYSKEYUP)
        return FALSE;
    if (m->message == WM_KEYDOWN || m->message == WM_SYSKEYDOWN) {
        UINT c = MapVirtualKeyW((UINT)m->wParam, MAPVK_VK_TO_CHAR);
        BOOL shift = (GetKeyState(VK_SHIFT) & 0x8000) != 0;
        if (c >= 'A' && c <= 'Z' && !shift) c += 'a' - 'A';
        if (c) PostMessageW(m->hwnd, m->message == WM_KEYDOWN ? WM_CHAR : WM_SYSCHAR, c, m->lParam);
    }
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI IsDialogMessageW(HWND dialog, LPMSG m)
{
    if (dialog == NULL || m == NULL || !IsWindow(dialog) || (m->hwnd != dialog && !IsChild(dialog, m->hwnd)))
        return FALSE;
    TranslateMessage(m);
    DispatchMessageW(m);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI IsDialogMessageA(HWND dialog, LPMSG m) { return IsDialogMessageW(dialog, m); }
