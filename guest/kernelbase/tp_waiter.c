/* The thread pool's waiter threads (as Windows' pool has its timer and wait threads): each sleeps in
 * NtWaitForMultipleObjects on its wake event and up to 63 armed handles, with the nearest due time as
 * the timeout, and on waking turns what became due or signalled into callbacks for the pool (or runs
 * them itself, for WT_EXECUTEINTIMERTHREAD / WT_EXECUTEINWAITTHREAD). Due times fire in (due, arming
 * order), so callbacks are queued in an order fixed by virtual time alone. Timers are all on waiter 0. */
#include "threadpool.h"

#define MAX_WAITERS 16
#define WAITS_PER_WAITER (MAXIMUM_WAIT_OBJECTS - 1)
#define WaitAny_ 1
#define STATUS_ABANDONED_WAIT_0_ ((NTSTATUS)0x00000080)

typedef struct {
    HANDLE wake;                                /* auto-reset: the set of armed entries changed */
    BOOL started;
    LONG handles;                               /* armed entries with a handle */
} WAITER;

static SRWLOCK lock = SRWLOCK_INIT;
static TP_WAITABLE *entries;                    /* every armed entry, in arming order */
static ULONGLONG next_seq;
static WAITER waiters[MAX_WAITERS];

void TpWaiterLock(void) { RtlAcquireSRWLockExclusive(&lock); }
void TpWaiterUnlock(void) { RtlReleaseSRWLockExclusive(&lock); }

/* The pool's clock: the performance counter, which counts 100 ns units of virtual time. */
LONGLONG TpNow(void)
{
    LARGE_INTEGER c;
    NtQueryPerformanceCounter(&c, NULL);
    return c.QuadPart;
}

/* A FILETIME due time as the thread pool takes it: negative = relative 100 ns, zero = now,
 * positive = absolute system time (converted once, when set). */
LONGLONG TpDueFromFileTime(const FILETIME *due)
{
    LONGLONG v = (LONGLONG)(((ULONGLONG)due->dwHighDateTime << 32) | due->dwLowDateTime);
    LONGLONG now = TpNow();
    if (v < 0) return now - v;
    if (v == 0) return now;
    LARGE_INTEGER system;
    NtQuerySystemTime(&system);
    return v > system.QuadPart ? now + (v - system.QuadPart) : now;
}

/* An item for an object's callback, counted as queued (the object's pool lock is taken here). */
TP_ITEM *TpItemFor(struct _TP_WORK *work, void (*invoke)(struct _TP_CALLBACK_INSTANCE *, TP_ITEM *))
{
    TP_ITEM *item = TpNewItem();
    if (item == NULL) return NULL;
    item->work = work;
    item->invoke = invoke;
    item->context = work->context;
    RtlAcquireSRWLockExclusive(&work->pool->lock);
    work->queued++;
    RtlReleaseSRWLockExclusive(&work->pool->lock);
    return item;
}

static DWORD WINAPI WaiterThread(LPVOID param);

static void Unlink(TP_WAITABLE *w)
{
    for (TP_WAITABLE **link = &entries; *link; link = &(*link)->next)
        if (*link == w) { *link = w->next; return; }
}

BOOL TpDisarm(TP_WAITABLE *w)
{
    if (!w->armed) return FALSE;
    Unlink(w);
    w->armed = FALSE;
    if (w->object) waiters[w->waiter].handles--;
    NtSetEvent(waiters[w->waiter].wake, NULL);
    return TRUE;
}

/* Arm (or re-arm) an entry: a handle goes to the first waiter with room, a pure timer to waiter 0;
 * the waiter's thread is started the first time it is needed. */
BOOL TpArm(TP_WAITABLE *w, HANDLE object, LONGLONG due)
{
    TpDisarm(w);
    int n = 0;
    if (object)
        while (n < MAX_WAITERS && waiters[n].handles >= WAITS_PER_WAITER) n++;
    if (n == MAX_WAITERS) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    WAITER *waiter = &waiters[n];
    if (!waiter->started) {
        if (!waiter->wake && !NT_SUCCESS(NtCreateEvent(&waiter->wake, EVENT_ALL_ACCESS, NULL, 1, FALSE))) {
            waiter->wake = NULL;
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return FALSE;
        }
        HANDLE t = CreateThread(NULL, 0, WaiterThread, (LPVOID)(ULONG_PTR)n, 0, NULL);
        if (!t) return FALSE;
        CloseHandle(t);
        waiter->started = TRUE;
    }
    w->object = object;
    w->due = due;
    w->waiter = n;
    w->seq = ++next_seq;
    w->armed = TRUE;
    w->next = NULL;
    TP_WAITABLE **link = &entries;
    while (*link) link = &(*link)->next;
    *link = w;
    if (object) waiter->handles++;
    NtSetEvent(waiter->wake, NULL);
    return TRUE;
}

static BOOL IsEntry(TP_WAITABLE *w)
{
    for (TP_WAITABLE *e = entries; e; e = e->next)
        if (e == w) return TRUE;
    return FALSE;
}

/* Fire one entry (the lock held) and put what it gives on the inline or the pool list. */
static void Fire(TP_WAITABLE *w, BOOL timed_out, LONGLONG now, TP_ITEM **pooled, TP_ITEM **inlined)
{
    BOOL run_inline = w->run_inline;
    TP_ITEM *item = w->fire(w, timed_out);
    if (w->armed && w->due >= 0 && w->due <= now)
        w->due = now + 1;                       /* re-armed with no delay: its next turn is the next wake */
    if (item == NULL) return;
    TP_ITEM **list = run_inline ? inlined : pooled;
    while (*list) list = &(*list)->next;
    item->next = NULL;
    *list = item;
}

__attribute__((noreturn)) static DWORD WINAPI WaiterThread(LPVOID param)
{
    int me = (int)(ULONG_PTR)param;
    WAITER *waiter = &waiters[me];
    HANDLE handles[MAXIMUM_WAIT_OBJECTS];
    TP_WAITABLE *owners[MAXIMUM_WAIT_OBJECTS];
    for (;;) {
        /* Step 1: the handles and the nearest due time of this waiter's entries. */
        RtlAcquireSRWLockExclusive(&lock);
        ULONG count = 1;
        handles[0] = waiter->wake;
        LONGLONG nearest = -1;
        for (TP_WAITABLE *e = entries; e; e = e->next) {
            if (e->waiter != me) continue;
            if (e->object && count < MAXIMUM_WAIT_OBJECTS) { owners[count] = e; handles[count++] = e->object; }
            if (e->due >= 0 && (nearest < 0 || e->due < nearest)) nearest = e->due;
        }
        RtlReleaseSRWLockExclusive(&lock);

        /* Step 2: sleep until one is signalled, the nearest is due or the set changes. */
        LARGE_INTEGER timeout, *pt = NULL;
        if (nearest >= 0) {
            LONGLONG left = nearest - TpNow();
            timeout.QuadPart = left > 0 ? -left : 0;
            pt = &timeout;
        }
        NTSTATUS status = NtWaitForMultipleObjects(count, handles, WaitAny_, FALSE, pt);

        /* Step 3: what fired, in order: the signalled handle, then every due entry by (due, seq). */
        TP_ITEM *pooled = NULL, *inlined = NULL;
        RtlAcquireSRWLockExclusive(&lock);
        ULONG index = (ULONG)status;
        if (status >= STATUS_ABANDONED_WAIT_0_ && status < STATUS_ABANDONED_WAIT_0_ + MAXIMUM_WAIT_OBJECTS)
            index = (ULONG)(status - STATUS_ABANDONED_WAIT_0_);
        if (NT_SUCCESS(status) && index >= 1 && index < count) {
            TP_WAITABLE *e = owners[index];
            if (IsEntry(e) && e->armed && e->object == handles[index]) Fire(e, FALSE, TpNow(), &pooled, &inlined);
        } else if (!NT_SUCCESS(status)) {
            /* A handle went bad under an armed wait: that wait can never be satisfied; drop it. */
            for (ULONG i = 1; i < count; i++) {
                LARGE_INTEGER zero = {{0, 0}};
                if (IsEntry(owners[i]) && owners[i]->object == handles[i] &&
                    !NT_SUCCESS(NtWaitForSingleObject(handles[i], FALSE, &zero)))
                    TpDisarm(owners[i]);
            }
        }
        LONGLONG now = TpNow();
        for (;;) {
            TP_WAITABLE *first = NULL;
            for (TP_WAITABLE *e = entries; e; e = e->next)
                if (e->waiter == me && e->due >= 0 && e->due <= now &&
                    (!first || e->due < first->due || (e->due == first->due && e->seq < first->seq)))
                    first = e;
            if (!first) break;
            Fire(first, TRUE, now, &pooled, &inlined);
        }
        RtlReleaseSRWLockExclusive(&lock);

        /* Step 4: hand the callbacks out; the inline ones run here, one after the other. */
        while (pooled) {
            TP_ITEM *item = pooled;
            pooled = item->next;
            struct _TP_POOL *pool = item->work->pool;
            RtlAcquireSRWLockExclusive(&pool->lock);
            TpEnqueue(pool, item);
            RtlReleaseSRWLockExclusive(&pool->lock);
        }
        while (inlined) {
            TP_ITEM *item = inlined;
            inlined = item->next;
            struct _TP_POOL *pool = item->work->pool;
            RtlAcquireSRWLockExclusive(&pool->lock);
            item->work->queued--;
            item->work->running++;
            RtlReleaseSRWLockExclusive(&pool->lock);
            TpRunItem(pool, item);
        }
    }
}
