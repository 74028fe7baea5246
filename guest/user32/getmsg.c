/* Retrieving messages: PeekMessage and GetMessage look at the calling thread's queue in Windows'
 * order (incoming sent messages are handled first, then the first posted message that passes the
 * window and range filters, then WM_QUIT once PostQuitMessage was called and no posted message
 * is left, then WM_TIMER of a due timer); GetMessage, WaitMessage and MsgWaitForMultipleObjects(Ex)
 * sleep on the queue's event with the next timer as the timeout. GetQueueStatus reports the QS_*
 * bits now pending (high word) and those new since the last look (low word). */
#include "user32.h"

static BOOL Pass(const MSG *m, HWND hwnd, UINT lo, UINT hi)
{
    if (hwnd == (HWND)-1) { if (m->hwnd != NULL) return FALSE; }
    else if (hwnd && m->hwnd != hwnd && !IsChild(hwnd, m->hwnd)) return FALSE;
    return (lo == 0 && hi == 0) || (m->message >= lo && m->message <= hi);
}

/* One look at the queue; TRUE with *out filled when a message passes. Does not wait. */
static BOOL Look(QUEUE *q, MSG *out, HWND hwnd, UINT lo, UINT hi, UINT flags)
{
    UINT types = flags >> 16;
    if (types == 0 || (types & QS_SENDMESSAGE))
        while (UserProcessSent(q)) ;
    BOOL remove = (flags & PM_REMOVE) != 0, found = FALSE;
    LOCK();
    q->Changed = 0;                             /* the thread has looked */
    if (types == 0 || (types & QS_POSTMESSAGE)) {
        for (QMSG **p = &q->Posted; *p; p = &(*p)->Next) {
            QMSG *m = *p;
            if (!Pass(&m->Msg, hwnd, lo, hi)) continue;
            *out = m->Msg;
            if (remove) { *p = m->Next; UserFree(m); }
            found = TRUE;
            break;
        }
        if (!found && q->Quit && q->Posted == NULL) {
            MSG quit = {NULL, WM_QUIT, (WPARAM)q->ExitCode, 0, GetTickCount()};
            GetCursorPos(&quit.pt);
            *out = quit;
            if (remove) q->Quit = FALSE;
            found = TRUE;
        }
    }
    if (!found && (types == 0 || (types & QS_TIMER))) {
        ULONGLONG now = GetTickCount64();
        TIMER *t = UserDueTimer(q, hwnd, lo, hi, now);
        if (t) {
            MSG tm = {t->Hwnd, WM_TIMER, t->Id, (LPARAM)t->Proc, (DWORD)now};
            GetCursorPos(&tm.pt);
            *out = tm;
            if (remove) t->Due = now + t->Elapse;
            found = TRUE;
        }
    }
    if (found) { q->Time = out->time; q->Point = out->pt; }
    UNLOCK();
    if (found) UserHookGetMessage(out, remove);
    return found;
}

static BOOL BadFilter(HWND hwnd)
{
    if (hwnd == NULL || hwnd == (HWND)-1) return FALSE;
    return UserWindowChecked(hwnd) == NULL;
}

static BOOL Peek(LPMSG m, HWND hwnd, UINT lo, UINT hi, UINT flags)
{
    if (m == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    if (BadFilter(hwnd)) return FALSE;
    return Look(UserQueue(), m, hwnd, lo, hi, flags);
}

__declspec(dllexport) BOOL WINAPI PeekMessageW(LPMSG m, HWND hwnd, UINT lo, UINT hi, UINT flags) { return Peek(m, hwnd, lo, hi, flags); }
__declspec(dllexport) BOOL WINAPI PeekMessageA(LPMSG m, HWND hwnd, UINT lo, UINT hi, UINT flags) { return Peek(m, hwnd, lo, hi, flags); }

/* Sleep until the queue's event or the next timer; the caller then looks again. */
static void Sleep1(QUEUE *q, DWORD limit)
{
    LOCK();
    DWORD timeout = UserNextTimer(q, GetTickCount64());
    if (!q->Sent && !q->Posted && !q->Quit && timeout) ResetEvent(q->Wake);
    UNLOCK();
    if (limit < timeout) timeout = limit;
    WaitForSingleObject(q->Wake, timeout);
}

static BOOL Get(LPMSG m, HWND hwnd, UINT lo, UINT hi)
{
    if (m == NULL) { SetLastError(ERROR_NOACCESS); return -1; }
    if (BadFilter(hwnd)) return -1;
    QUEUE *q = UserQueue();
    while (!Look(q, m, hwnd, lo, hi, PM_REMOVE))
        Sleep1(q, INFINITE);
    return m->message != WM_QUIT;
}

__declspec(dllexport) BOOL WINAPI GetMessageW(LPMSG m, HWND hwnd, UINT lo, UINT hi) { return Get(m, hwnd, lo, hi); }
__declspec(dllexport) BOOL WINAPI GetMessageA(LPMSG m, HWND hwnd, UINT lo, UINT hi) { return Get(m, hwnd, lo, hi); }

__declspec(dllexport) VOID WINAPI PostQuitMessage(int code)
{
    QUEUE *q = UserQueue();
    LOCK();
    q->Quit = TRUE;
    q->ExitCode = code;
    q->Changed |= QS_POSTMESSAGE;
    SetEvent(q->Wake);
    UNLOCK();
}

static DWORD Pending(QUEUE *q, DWORD mask, BOOL any)
{
    LOCK();
    DWORD bits = UserQueueBits(q);
    DWORD fresh = any ? bits : (q->Changed | (bits & QS_TIMER));
    UNLOCK();
    return fresh & mask;
}

__declspec(dllexport) BOOL WINAPI WaitMessage(void)
{
    QUEUE *q = UserQueue();
    for (;;) {
        while (UserProcessSent(q)) ;
        if (Pending(q, QS_ALLINPUT, FALSE)) return TRUE;
        Sleep1(q, INFINITE);
    }
}

__declspec(dllexport) DWORD WINAPI GetQueueStatus(UINT flags)
{
    if (flags & ~(QS_ALLINPUT | QS_ALLPOSTMESSAGE | QS_RAWINPUT | QS_TOUCH | QS_POINTER)) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    QUEUE *q = UserQueue();
    LOCK();
    DWORD now = UserQueueBits(q), fresh = q->Changed | (now & QS_TIMER);
    q->Changed = 0;
    UNLOCK();
    return MAKELONG(fresh & flags, now & flags);
}

__declspec(dllexport) BOOL WINAPI GetInputState(void) { return FALSE; }     /* no mouse or key input */

__declspec(dllexport) DWORD WINAPI MsgWaitForMultipleObjectsEx(DWORD count, const HANDLE *handles, DWORD timeout, DWORD mask, DWORD flags)
{
    if (count > MAXIMUM_WAIT_OBJECTS - 1 || (count && handles == NULL)
        || (flags & ~(MWMO_WAITALL | MWMO_ALERTABLE | MWMO_INPUTAVAILABLE))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    QUEUE *q = UserQueue();
    HANDLE all[MAXIMUM_WAIT_OBJECTS];
    for (DWORD i = 0; i < count; i++) all[i] = handles[i];
    all[count] = q->Wake;
    ULONGLONG deadline = timeout == INFINITE ? 0 : GetTickCount64() + timeout;
    for (;;) {
        /* Step 1: the objects (all of them with MWMO_WAITALL), then the queue. */
        if (count) {
            DWORD r = WaitForMultipleObjectsEx(count, all, (flags & MWMO_WAITALL) != 0, 0, FALSE);
            if (r < WAIT_OBJECT_0 + count || (r >= WAIT_ABANDONED_0 && r < WAIT_ABANDONED_0 + count)) return r;
            if (r == WAIT_FAILED) return r;
        }
        if (Pending(q, mask, (flags & MWMO_INPUTAVAILABLE) != 0)) return WAIT_OBJECT_0 + count;
        /* Step 2: sleep on the objects and the queue's event, or until the next timer. */
        LOCK();
        DWORD next = (mask & QS_TIMER) ? UserNextTimer(q, GetTickCount64()) : INFINITE;
        if (!q->Changed) ResetEvent(q->Wake);
        UNLOCK();
        DWORD left = INFINITE;
        if (timeout != INFINITE) {
            ULONGLONG now = GetTickCount64();
            if (now >= deadline) return WAIT_TIMEOUT;
            left = (DWORD)(deadline - now);
        }
        if (next < left) left = next;
        DWORD r = (flags & MWMO_WAITALL) && count
                ? WaitForSingleObjectEx(q->Wake, left, (flags & MWMO_ALERTABLE) != 0)
                : WaitForMultipleObjectsEx(count + 1, all, FALSE, left, (flags & MWMO_ALERTABLE) != 0);
        if (r == WAIT_IO_COMPLETION || r == WAIT_FAILED) return r;
        if (!((flags & MWMO_WAITALL) && count) && r != WAIT_TIMEOUT && r != WAIT_OBJECT_0 + count) return r;
        if (timeout == 0) return Pending(q, mask, (flags & MWMO_INPUTAVAILABLE) != 0) ? WAIT_OBJECT_0 + count : WAIT_TIMEOUT;
    }
}

__declspec(dllexport) DWORD WINAPI MsgWaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL waitAll, DWORD timeout, DWORD mask)
{
    return MsgWaitForMultipleObjectsEx(count, handles, timeout, mask, waitAll ? MWMO_WAITALL : 0);
}

__declspec(dllexport) LONG WINAPI GetMessageTime(void) { return (LONG)UserQueue()->Time; }
__declspec(dllexport) DWORD WINAPI GetMessagePos(void) { QUEUE *q = UserQueue(); return MAKELONG(q->Point.x, q->Point.y); }
__declspec(dllexport) LPARAM WINAPI GetMessageExtraInfo(void) { return 0; }
__declspec(dllexport) LPARAM WINAPI SetMessageExtraInfo(LPARAM v) { (void)v; return 0; }
/* A message sent from another thread is being handled: InSendMessage, and ReplyMessage's early answer. */
__declspec(dllexport) BOOL WINAPI InSendMessage(void) { return UserQueue()->Handling != NULL; }

__declspec(dllexport) DWORD WINAPI InSendMessageEx(LPVOID reserved)
{
    (void)reserved;
    QUEUE *q = UserQueue();
    if (q->Handling == NULL) return ISMEX_NOSEND;
    return ISMEX_SEND | (q->Replied ? ISMEX_REPLIED : 0);
}

__declspec(dllexport) BOOL WINAPI ReplyMessage(LRESULT r)
{
    QUEUE *q = UserQueue();
    if (q->Handling == NULL || q->Replied) return FALSE;
    q->Handling->Result = r;
    q->Replied = TRUE;
    SetEvent(q->Handling->Done);                /* the sender goes on; its record is not touched again */
    return TRUE;
}
