/* Timers on virtual time: SetTimer/KillTimer keep a timer on the queue of the window's thread (or
 * of the caller for a thread timer, hwnd NULL); when one is due and nothing else is waiting, the
 * queue yields one WM_TIMER for it (several missed periods make one message), and removing that
 * message schedules the next period from then. GetTickCount64 is the clock, so the same run gives
 * the same messages at the same ticks. */
#include "user32.h"

static UINT_PTR NextThreadTimer = 1;

TIMER *UserDueTimer(QUEUE *q, HWND hwnd, UINT lo, UINT hi, ULONGLONG now)
{
    if ((lo || hi) && (WM_TIMER < lo || WM_TIMER > hi)) return NULL;
    TIMER *best = NULL;
    for (TIMER *t = q->Timers; t; t = t->Next) {
        if (t->Due > now) continue;
        if (hwnd == (HWND)-1 ? t->Hwnd != NULL : hwnd && t->Hwnd != hwnd) continue;
        if (best == NULL || t->Due < best->Due) best = t;
    }
    return best;
}

DWORD UserNextTimer(QUEUE *q, ULONGLONG now)
{
    ULONGLONG best = INFINITE;
    for (TIMER *t = q->Timers; t; t = t->Next) {
        ULONGLONG left = t->Due > now ? t->Due - now : 0;
        if (left < best) best = left;
    }
    return (DWORD)best;
}

__declspec(dllexport) UINT_PTR WINAPI SetTimer(HWND hwnd, UINT_PTR id, UINT elapse, TIMERPROC proc)
{
    DWORD tid = GetCurrentThreadId();
    if (hwnd) {
        WND *w = UserWindowChecked(hwnd);
        if (w == NULL) return 0;
        tid = w->ThreadId;
    }
    if (elapse < USER_TIMER_MINIMUM) elapse = USER_TIMER_MINIMUM;
    if (elapse > USER_TIMER_MAXIMUM) elapse = USER_TIMER_MAXIMUM;
    if (tid == GetCurrentThreadId()) UserQueue();
    LOCK();
    QUEUE *q = UserQueueOf(tid);
    if (q == NULL) { UNLOCK(); SetLastError(ERROR_INVALID_WINDOW_HANDLE); return 0; }
    TIMER *t = NULL;
    for (TIMER *x = q->Timers; x; x = x->Next)  /* the same (hwnd, id) is replaced */
        if (x->Hwnd == hwnd && x->Id == id && (hwnd || id)) { t = x; break; }
    if (t == NULL) {
        t = UserAlloc(sizeof(*t));
        t->Hwnd = hwnd;
        if (hwnd == NULL) {                     /* a thread timer gets an identifier of its own */
            BOOL used;
            do {
                id = NextThreadTimer++;
                used = FALSE;
                for (TIMER *x = q->Timers; x; x = x->Next) used |= x->Hwnd == NULL && x->Id == id;
            } while (used || id == 0);
        }
        t->Id = id;
        t->Next = q->Timers;
        q->Timers = t;
    }
    t->Elapse = elapse;
    t->Proc = proc;
    t->Due = GetTickCount64() + elapse;
    SetEvent(q->Wake);                          /* a waiting thread recomputes its timeout */
    UNLOCK();
    return hwnd ? (id ? id : 1) : t->Id;
}

__declspec(dllexport) BOOL WINAPI KillTimer(HWND hwnd, UINT_PTR id)
{
    DWORD tid = GetCurrentThreadId();
    if (hwnd) {
        WND *w = UserWindowChecked(hwnd);
        if (w == NULL) return FALSE;
        tid = w->ThreadId;
    }
    LOCK();
    QUEUE *q = UserQueueOf(tid);
    for (TIMER **p = q ? &q->Timers : NULL; p && *p; p = &(*p)->Next) {
        TIMER *t = *p;
        if (t->Hwnd == hwnd && t->Id == id) {
            *p = t->Next;
            UNLOCK();
            UserFree(t);
            return TRUE;
        }
    }
    UNLOCK();
    SetLastError(ERROR_INVALID_PARAMETER);      /* no such timer */
    return FALSE;
}

__declspec(dllexport) UINT_PTR WINAPI SetCoalescableTimer(HWND hwnd, UINT_PTR id, UINT elapse, TIMERPROC proc, ULONG delay)
{
    (void)delay;                                /* timers here are never coalesced */
    return SetTimer(hwnd, id, elapse, proc);
}
