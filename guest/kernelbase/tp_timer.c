/* Family 3 (threads), the thread pool's timer and wait objects: CreateThreadpoolTimer /
 * SetThreadpoolTimer(Ex) / IsThreadpoolTimerSet / WaitForThreadpoolTimerCallbacks / CloseThreadpoolTimer
 * and CreateThreadpoolWait / SetThreadpoolWait(Ex) / WaitForThreadpoolWaitCallbacks / CloseThreadpoolWait.
 * Both are entries of the waiter thread (tp_waiter.c); a wait fires once per SetThreadpoolWait. */
#include "threadpool.h"

struct _TP_TIMER {
    struct _TP_WORK base;
    TP_WAITABLE w;
    PTP_TIMER_CALLBACK callback;
    LONGLONG period;                            /* 100 ns; 0 = one-shot */
    BOOL set;                                   /* a due time given (and not cleared), expired or not */
};

struct _TP_WAIT {
    struct _TP_WORK base;
    TP_WAITABLE w;
    PTP_WAIT_CALLBACK callback;
};

#define TIMER_OF(pw) ((struct _TP_TIMER *)((BYTE *)(pw) - offsetof(struct _TP_TIMER, w)))
#define WAIT_OF(pw) ((struct _TP_WAIT *)((BYTE *)(pw) - offsetof(struct _TP_WAIT, w)))

static void *Allocate(SIZE_T size)
{
    void *p = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, size);
    if (p == NULL) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return p;
}

/* Timers. */
static void TimerInvoke(struct _TP_CALLBACK_INSTANCE *inst, TP_ITEM *item)
{
    struct _TP_TIMER *timer = (struct _TP_TIMER *)item->work;
    timer->callback(inst, item->context, timer);
}

/* Due: queue the callback; a periodic timer's next due time is a period on, a one-shot is spent
 * (IsThreadpoolTimerSet still says set, as on Windows, until the timer is set to NULL). */
static TP_ITEM *TimerFire(TP_WAITABLE *w, BOOL timed_out)
{
    (void)timed_out;
    struct _TP_TIMER *timer = TIMER_OF(w);
    if (timer->period) w->due += timer->period;
    else TpDisarm(w);
    return TpItemFor(&timer->base, TimerInvoke);
}

static void TimerStop(struct _TP_WORK *work)
{
    SetThreadpoolTimer((PTP_TIMER)work, NULL, 0, 0);
}

KBAPI PTP_TIMER WINAPI CreateThreadpoolTimer(PTP_TIMER_CALLBACK callback, PVOID context, PTP_CALLBACK_ENVIRON env)
{
    if (callback == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    struct _TP_TIMER *timer = Allocate(sizeof(*timer));
    if (timer == NULL) return NULL;
    TpInitBase(&timer->base, TpPoolOf(env), context);
    timer->callback = callback;
    timer->w.fire = TimerFire;
    TpJoinGroup(&timer->base, env, TimerStop, (void (*)(struct _TP_WORK *))CloseThreadpoolTimer);
    return timer;
}

/* TRUE when the timer had an expiration pending (now replaced or cancelled). A NULL due time cancels it; the
 * window length only lets Windows batch expirations and is not needed on one virtual clock. */
KBAPI BOOL WINAPI SetThreadpoolTimerEx(PTP_TIMER timer, PFILETIME due, DWORD period, DWORD window)
{
    (void)window;
    TpWaiterLock();
    BOOL was = TpDisarm(&timer->w);
    timer->set = due != NULL;
    if (due) {
        timer->period = (LONGLONG)period * 10000;
        TpArm(&timer->w, NULL, TpDueFromFileTime(due));
    }
    TpWaiterUnlock();
    return was;
}

KBAPI VOID WINAPI SetThreadpoolTimer(PTP_TIMER timer, PFILETIME due, DWORD period, DWORD window)
{
    SetThreadpoolTimerEx(timer, due, period, window);
}

KBAPI BOOL WINAPI IsThreadpoolTimerSet(PTP_TIMER timer)
{
    TpWaiterLock();
    BOOL set = timer->set;
    TpWaiterUnlock();
    return set;
}

KBAPI VOID WINAPI WaitForThreadpoolTimerCallbacks(PTP_TIMER timer, BOOL cancel_pending)
{
    TpWaitForCallbacks(&timer->base, cancel_pending);
}

/* The timer is cancelled at once; the object goes when its last callback returns. */
KBAPI VOID WINAPI CloseThreadpoolTimer(PTP_TIMER timer)
{
    TpWaiterLock();
    TpDisarm(&timer->w);
    timer->set = FALSE;
    TpWaiterUnlock();
    TpClose(&timer->base);
}

/* Waits. */
static void WaitInvoke(struct _TP_CALLBACK_INSTANCE *inst, TP_ITEM *item)
{
    struct _TP_WAIT *wait = (struct _TP_WAIT *)item->work;
    wait->callback(inst, item->context, wait, (TP_WAIT_RESULT)item->arg[0]);
}

static TP_ITEM *WaitFire(TP_WAITABLE *w, BOOL timed_out)
{
    struct _TP_WAIT *wait = WAIT_OF(w);
    TpDisarm(w);
    TP_ITEM *item = TpItemFor(&wait->base, WaitInvoke);
    if (item) item->arg[0] = timed_out ? WAIT_TIMEOUT : WAIT_OBJECT_0;
    return item;
}

static void WaitStop(struct _TP_WORK *work)
{
    SetThreadpoolWait((PTP_WAIT)work, NULL, NULL);
}

KBAPI PTP_WAIT WINAPI CreateThreadpoolWait(PTP_WAIT_CALLBACK callback, PVOID context, PTP_CALLBACK_ENVIRON env)
{
    if (callback == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    struct _TP_WAIT *wait = Allocate(sizeof(*wait));
    if (wait == NULL) return NULL;
    TpInitBase(&wait->base, TpPoolOf(env), context);
    wait->callback = callback;
    wait->w.fire = WaitFire;
    TpJoinGroup(&wait->base, env, WaitStop, (void (*)(struct _TP_WORK *))CloseThreadpoolWait);
    return wait;
}

/* Wait once for the handle (NULL: stop waiting), until the timeout (NULL: none). TRUE when a wait
 * that was set is replaced or cancelled before it fired. */
KBAPI BOOL WINAPI SetThreadpoolWaitEx(PTP_WAIT wait, HANDLE h, PFILETIME timeout, PVOID reserved)
{
    (void)reserved;
    TpWaiterLock();
    BOOL was = TpDisarm(&wait->w);
    if (h) TpArm(&wait->w, h, timeout ? TpDueFromFileTime(timeout) : -1);
    TpWaiterUnlock();
    return was;
}

KBAPI VOID WINAPI SetThreadpoolWait(PTP_WAIT wait, HANDLE h, PFILETIME timeout)
{
    SetThreadpoolWaitEx(wait, h, timeout, NULL);
}

KBAPI VOID WINAPI WaitForThreadpoolWaitCallbacks(PTP_WAIT wait, BOOL cancel_pending)
{
    TpWaitForCallbacks(&wait->base, cancel_pending);
}

KBAPI VOID WINAPI CloseThreadpoolWait(PTP_WAIT wait)
{
    TpWaiterLock();
    TpDisarm(&wait->w);
    TpWaiterUnlock();
    TpClose(&wait->base);
}
