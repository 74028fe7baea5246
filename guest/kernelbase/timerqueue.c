/* Family 3 (threads), the legacy thread-pool API: timer queues (CreateTimerQueue, CreateTimerQueueTimer,
 * ChangeTimerQueueTimer, DeleteTimerQueueTimer, DeleteTimerQueue(Ex), the older SetTimerQueueTimer and
 * CancelTimerQueueTimer) and registered waits (RegisterWaitForSingleObject(Ex), UnregisterWait(Ex)).
 * Each timer or wait is a waiter-thread entry whose callback goes to the default pool, or runs on the
 * waiter with WT_EXECUTEINTIMERTHREAD / WT_EXECUTEINWAITTHREAD. A delete's completion argument:
 * NULL = return at once (ERROR_IO_PENDING while callbacks are outstanding), INVALID_HANDLE_VALUE =
 * wait for them, an event = set when they are over (also ERROR_IO_PENDING if that is later).
 * DeleteTimerQueueEx succeeds in every case, as it does since Vista. */
#include "threadpool.h"

typedef struct _LEGACY {
    struct _TP_WORK base;
    TP_WAITABLE w;
    WAITORTIMERCALLBACK callback;
    ULONG flags;
    LONGLONG period;                            /* timer: 100 ns, 0 = one-shot; wait: the timeout, -1 none */
    struct _TIMER_QUEUE *queue;                 /* a timer's queue; NULL for a registered wait */
    struct _LEGACY *next_in_queue;
} LEGACY;

typedef struct _TIMER_QUEUE {
    LEGACY *timers;                             /* not yet deleted (the waiter's lock) */
    LONG alive;                                 /* not yet freed (the default pool's lock) */
    BOOL deleted;
    HANDLE event;                               /* DeleteTimerQueueEx's completion */
} TIMER_QUEUE;

static TIMER_QUEUE default_queue;

/* A deleted queue goes with its last timer (the default pool's lock held). */
static void QueueReleaseIfDone(TIMER_QUEUE *q)
{
    if (!q->deleted || q->alive) return;
    if (q->event && q->event != INVALID_HANDLE_VALUE) SetEvent(q->event);
    TpFree(q);
}

static void LegacyDestroy(struct _TP_WORK *work)
{
    TIMER_QUEUE *q = ((LEGACY *)work)->queue;
    TpFree(work);
    if (q) { q->alive--; QueueReleaseIfDone(q); }
}

#define LEGACY_OF(pw) ((LEGACY *)((BYTE *)(pw) - offsetof(LEGACY, w)))

static void LegacyInvoke(struct _TP_CALLBACK_INSTANCE *inst, TP_ITEM *item)
{
    (void)inst;
    LEGACY *l = (LEGACY *)item->work;
    l->callback(item->context, (BOOLEAN)item->arg[0]);
}

/* A timer: TimerOrWaitFired is TRUE; periodic ones move a period on, one-shots are spent. */
static TP_ITEM *TimerFire(TP_WAITABLE *w, BOOL timed_out)
{
    (void)timed_out;
    LEGACY *l = LEGACY_OF(w);
    if (l->period) w->due += l->period;
    else TpDisarm(w);
    TP_ITEM *item = TpItemFor(&l->base, LegacyInvoke);
    if (item) item->arg[0] = TRUE;
    return item;
}

/* A registered wait: TRUE on the timeout, FALSE when signalled; re-armed unless WT_EXECUTEONLYONCE. */
static TP_ITEM *WaitFire(TP_WAITABLE *w, BOOL timed_out)
{
    LEGACY *l = LEGACY_OF(w);
    if (l->flags & WT_EXECUTEONLYONCE) TpDisarm(w);
    else w->due = l->period >= 0 ? TpNow() + l->period : -1;
    TP_ITEM *item = TpItemFor(&l->base, LegacyInvoke);
    if (item) item->arg[0] = (ULONG_PTR)timed_out;
    return item;
}

static LEGACY *NewLegacy(WAITORTIMERCALLBACK callback, PVOID context, ULONG flags)
{
    LEGACY *l = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*l));
    if (l == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    TpInitBase(&l->base, &TpDefaultPool, context);
    l->base.destroy = LegacyDestroy;
    l->callback = callback;
    l->flags = flags;
    l->w.run_inline = (flags & (WT_EXECUTEINTIMERTHREAD | WT_EXECUTEINWAITTHREAD)) != 0;
    return l;
}

/* Stop an entry and close it with the caller's completion choice; the DeleteTimerQueueTimer /
 * UnregisterWaitEx contract for the result. */
static BOOL Retire(LEGACY *l, HANDLE completion)
{
    TpWaiterLock();
    TpDisarm(&l->w);
    TpWaiterUnlock();
    struct _TP_POOL *pool = l->base.pool;
    RtlAcquireSRWLockExclusive(&pool->lock);
    BOOL outstanding = l->base.queued || l->base.running;
    if (completion == INVALID_HANDLE_VALUE) {
        while (l->base.queued || l->base.running)
            RtlSleepConditionVariableSRW(&pool->finished, &pool->lock, NULL, 0);
        outstanding = FALSE;
    }
    l->base.done_event = completion;
    l->base.closed = TRUE;
    TpReleaseIfDone(&l->base);
    RtlReleaseSRWLockExclusive(&pool->lock);
    if (outstanding) { SetLastError(ERROR_IO_PENDING); return FALSE; }
    return TRUE;
}

/* Timer queues. */
KBAPI HANDLE WINAPI CreateTimerQueue(void)
{
    TIMER_QUEUE *q = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*q));
    if (q == NULL) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return q;
}

static TIMER_QUEUE *QueueOf(HANDLE h) { return h ? (TIMER_QUEUE *)h : &default_queue; }

KBAPI BOOL WINAPI CreateTimerQueueTimer(PHANDLE timer, HANDLE queue, WAITORTIMERCALLBACK callback, PVOID parameter,
                                        DWORD due, DWORD period, ULONG flags)
{
    if (timer == NULL || callback == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    TIMER_QUEUE *q = QueueOf(queue);
    if (q->deleted) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    LEGACY *l = NewLegacy(callback, parameter, flags);
    if (l == NULL) return FALSE;
    l->period = (flags & WT_EXECUTEONLYONCE) ? 0 : (LONGLONG)period * 10000;
    l->queue = q;
    l->w.fire = TimerFire;
    TpWaiterLock();
    BOOL ok = TpArm(&l->w, NULL, TpNow() + (LONGLONG)due * 10000);
    if (ok) { l->next_in_queue = q->timers; q->timers = l; }
    TpWaiterUnlock();
    if (!ok) { TpFree(l); return FALSE; }
    RtlAcquireSRWLockExclusive(&TpDefaultPool.lock);
    q->alive++;
    RtlReleaseSRWLockExclusive(&TpDefaultPool.lock);
    *timer = l;
    return TRUE;
}

/* A new due time and period; a one-shot timer that has already expired is left as it is. */
KBAPI BOOL WINAPI ChangeTimerQueueTimer(HANDLE queue, HANDLE timer, ULONG due, ULONG period)
{
    (void)queue;
    if (timer == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    LEGACY *l = timer;
    TpWaiterLock();
    BOOL ok = TRUE;
    if (l->w.armed || l->period) {
        l->period = (l->flags & WT_EXECUTEONLYONCE) ? 0 : (LONGLONG)period * 10000;
        ok = TpArm(&l->w, NULL, TpNow() + (LONGLONG)due * 10000);
    }
    TpWaiterUnlock();
    return ok;
}

static void Unqueue(LEGACY *l)
{
    TpWaiterLock();
    for (LEGACY **link = &l->queue->timers; *link; link = &(*link)->next_in_queue)
        if (*link == l) { *link = l->next_in_queue; break; }
    TpWaiterUnlock();
}

KBAPI BOOL WINAPI DeleteTimerQueueTimer(HANDLE queue, HANDLE timer, HANDLE completion)
{
    (void)queue;
    if (timer == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    LEGACY *l = timer;
    Unqueue(l);
    return Retire(l, completion);
}

/* Every timer of the queue is deleted with the same completion choice; the queue itself goes (and
 * an event completion is set) when the last of them does. The default queue cannot be deleted. */
KBAPI BOOL WINAPI DeleteTimerQueueEx(HANDLE queue, HANDLE completion)
{
    if (queue == NULL) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    TIMER_QUEUE *q = queue;
    HANDLE each = completion == INVALID_HANDLE_VALUE ? INVALID_HANDLE_VALUE : NULL;
    TpWaiterLock();
    LEGACY *list = q->timers;
    q->timers = NULL;
    TpWaiterUnlock();
    RtlAcquireSRWLockExclusive(&TpDefaultPool.lock);
    q->deleted = TRUE;
    q->event = completion;
    RtlReleaseSRWLockExclusive(&TpDefaultPool.lock);
    DWORD error = GetLastError();
    while (list) {
        LEGACY *l = list;
        list = l->next_in_queue;
        Retire(l, each);                        /* outstanding callbacks finish on their own */
    }
    SetLastError(error);
    RtlAcquireSRWLockExclusive(&TpDefaultPool.lock);
    QueueReleaseIfDone(q);
    RtlReleaseSRWLockExclusive(&TpDefaultPool.lock);
    return TRUE;                                /* as since Vista: even with callbacks outstanding */
}

KBAPI BOOL WINAPI DeleteTimerQueue(HANDLE queue)
{
    return DeleteTimerQueueEx(queue, NULL);
}

/* The Windows 2000 forms. */
KBAPI HANDLE WINAPI SetTimerQueueTimer(HANDLE queue, WAITORTIMERCALLBACK callback, PVOID parameter, DWORD due,
                                       DWORD period, BOOL prefer_io)
{
    HANDLE timer = NULL;
    return CreateTimerQueueTimer(&timer, queue, callback, parameter, due, period,
                                 prefer_io ? WT_EXECUTEINIOTHREAD : WT_EXECUTEDEFAULT) ? timer : NULL;
}

KBAPI BOOL WINAPI CancelTimerQueueTimer(HANDLE queue, HANDLE timer)
{
    return DeleteTimerQueueTimer(queue, timer, NULL);
}

/* Registered waits. */
KBAPI BOOL WINAPI RegisterWaitForSingleObject(PHANDLE result, HANDLE object, WAITORTIMERCALLBACK callback,
                                              PVOID context, ULONG ms, ULONG flags)
{
    if (result == NULL || callback == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (object == NULL || object == INVALID_HANDLE_VALUE) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    LEGACY *l = NewLegacy(callback, context, flags);
    if (l == NULL) return FALSE;
    l->period = ms == INFINITE ? -1 : (LONGLONG)ms * 10000;
    l->w.fire = WaitFire;
    TpWaiterLock();
    BOOL ok = TpArm(&l->w, object, l->period >= 0 ? TpNow() + l->period : -1);
    TpWaiterUnlock();
    if (!ok) { TpFree(l); return FALSE; }
    *result = l;
    return TRUE;
}

/* The Windows 2000 form: the wait handle is the result. */
KBAPI HANDLE WINAPI RegisterWaitForSingleObjectEx(HANDLE object, WAITORTIMERCALLBACK callback, PVOID context,
                                                  ULONG ms, ULONG flags)
{
    HANDLE wait = NULL;
    return RegisterWaitForSingleObject(&wait, object, callback, context, ms, flags) ? wait : NULL;
}

KBAPI BOOL WINAPI UnregisterWaitEx(HANDLE wait, HANDLE completion)
{
    if (wait == NULL) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
    return Retire(wait, completion);
}

KBAPI BOOL WINAPI UnregisterWait(HANDLE wait)
{
    return UnregisterWaitEx(wait, NULL);
}
