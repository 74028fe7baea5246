/* Family 3 (threads), the thread pool's work items: pools (the process's default one and those of
 * CreateThreadpool) whose worker threads are real threads made on demand, up to the pool's maximum,
 * each taking callbacks from the pool's queue under an SRW lock and a condition variable, and
 * leaving after 10 s idle above the minimum. CreateThreadpoolWork / SubmitThreadpoolWork /
 * WaitForThreadpoolWorkCallbacks (optionally cancelling what has not started) / CloseThreadpoolWork
 * (freed when its last callback returns), TrySubmitThreadpoolCallback, QueueUserWorkItem; the
 * callback instance's *WhenCallbackReturns actions, CallbackMayRunLong and
 * DisassociateCurrentThreadFromCallback. */
#include "threadpool.h"

#define IDLE_TIMEOUT_MS 10000
#define DEFAULT_MAXIMUM 512

struct _TP_POOL TpDefaultPool = { SRWLOCK_INIT, CONDITION_VARIABLE_INIT, CONDITION_VARIABLE_INIT, NULL, NULL,
                                        0, 0, 0, DEFAULT_MAXIMUM, FALSE };

struct _TP_POOL *TpPoolOf(PTP_CALLBACK_ENVIRON env)
{
    return env && env->Pool ? env->Pool : &TpDefaultPool;
}

void TpFree(void *p) { RtlFreeHeap(PEB_PROCESS_HEAP(), 0, p); }
#define Free TpFree

/* A work object's callback is over for its waiters: count it, free a closed object with nothing left. */
void TpWorkDone(struct _TP_POOL *pool, struct _TP_WORK *work)
{
    work->running--;
    RtlWakeAllConditionVariable(&pool->finished);
    TpReleaseIfDone(work);
}

/* A closed object with nothing queued, running or pending goes (the lock held): its completion
 * event is set, then its own destructor or the heap frees it. */
void TpReleaseIfDone(struct _TP_WORK *work)
{
    if (!work->closed || work->queued || work->running || work->pending)
        return;
    if (work->done_event && work->done_event != INVALID_HANDLE_VALUE)
        SetEvent(work->done_event);
    if (work->destroy) work->destroy(work); else Free(work);
}

static void RunInstanceActions(struct _TP_CALLBACK_INSTANCE *inst)
{
    if (inst->section) RtlLeaveCriticalSection(inst->section);
    if (inst->mutex) ReleaseMutex(inst->mutex);
    if (inst->semaphore) ReleaseSemaphore(inst->semaphore, inst->semaphore_count, NULL);
    if (inst->event) SetEvent(inst->event);
    if (inst->library) FreeLibrary(inst->library);
}

/* Run one item's callback (counted as running by the caller), the instance's actions after it,
 * then count it done. Called without the pool's lock. */
void TpRunItem(struct _TP_POOL *pool, TP_ITEM *item)
{
    struct _TP_WORK *work = item->work;
    struct _TP_CALLBACK_INSTANCE inst;
    memset(&inst, 0, sizeof(inst));
    inst.work = work;
    if (item->invoke) item->invoke(&inst, item);
    else if (work) work->callback(&inst, work->context, work);
    else if (item->simple) item->simple(&inst, item->context);
    else item->routine(item->context);
    RunInstanceActions(&inst);
    Free(item);
    RtlAcquireSRWLockExclusive(&pool->lock);
    if (inst.work) TpWorkDone(pool, inst.work);
    RtlReleaseSRWLockExclusive(&pool->lock);
}

static DWORD WINAPI Worker(LPVOID param);

/* A new worker thread with the pool's stack reservation (the lock held). */
static HANDLE StartWorker(struct _TP_POOL *pool)
{
    SIZE_T reserve = pool->stack.StackReserve;
    return CreateThread(NULL, reserve, Worker, pool, reserve ? STACK_SIZE_PARAM_IS_A_RESERVATION : 0, NULL);
}

static DWORD WINAPI Worker(LPVOID param)
{
    struct _TP_POOL *pool = param;
    RtlAcquireSRWLockExclusive(&pool->lock);
    for (;;) {
        while (pool->head == NULL) {
            if (pool->closing) goto leave;
            pool->idle++;
            LARGE_INTEGER t;
            NTSTATUS s = RtlSleepConditionVariableSRW(&pool->ready, &pool->lock, BaseFormatTimeOut(&t, IDLE_TIMEOUT_MS), 0);
            pool->idle--;
            if (s == STATUS_TIMEOUT_ && pool->head == NULL && pool->workers > pool->minimum)
                goto leave;
        }
        TP_ITEM *item = pool->head;
        pool->head = item->next;
        if (pool->head == NULL) pool->tail = NULL;
        if (item->work) { item->work->queued--; item->work->running++; }
        RtlReleaseSRWLockExclusive(&pool->lock);
        TpRunItem(pool, item);
        RtlAcquireSRWLockExclusive(&pool->lock);
    }
leave:
    pool->workers--;
    RtlWakeAllConditionVariable(&pool->finished);
    RtlReleaseSRWLockExclusive(&pool->lock);
    return 0;
}

/* Queue an item (the lock held): wake an idle worker, or start one if none is idle and the
 * maximum allows. FALSE when no thread could be had at all. */
BOOL TpEnqueue(struct _TP_POOL *pool, TP_ITEM *item)
{
    item->next = NULL;
    if (pool->tail) pool->tail->next = item; else pool->head = item;
    pool->tail = item;
    if (pool->idle > 0) {
        RtlWakeConditionVariable(&pool->ready);
        return TRUE;
    }
    if (pool->workers < pool->maximum) {
        HANDLE t = StartWorker(pool);
        if (t) {
            pool->workers++;
            CloseHandle(t);
            return TRUE;
        }
    }
    return pool->workers > 0;                   /* a busy worker will get to it */
}

TP_ITEM *TpNewItem(void)
{
    TP_ITEM *item = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*item));
    if (item == NULL) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return item;
}

void TpInitBase(struct _TP_WORK *work, struct _TP_POOL *pool, PVOID context)
{
    memset(work, 0, sizeof(*work));
    work->pool = pool;
    work->context = context;
}

/* Pools. */
KBAPI PTP_POOL WINAPI CreateThreadpool(PVOID reserved)
{
    (void)reserved;
    struct _TP_POOL *pool = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*pool));
    if (pool == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    pool->maximum = DEFAULT_MAXIMUM;
    return pool;
}

KBAPI BOOL WINAPI SetThreadpoolThreadMinimum(PTP_POOL pool, DWORD minimum)
{
    RtlAcquireSRWLockExclusive(&pool->lock);
    pool->minimum = minimum;
    if (pool->maximum < minimum) pool->maximum = minimum;
    BOOL ok = TRUE;
    while (pool->workers < minimum) {           /* the minimum is kept ready */
        HANDLE t = StartWorker(pool);
        if (!t) { ok = FALSE; break; }
        pool->workers++;
        CloseHandle(t);
    }
    RtlReleaseSRWLockExclusive(&pool->lock);
    return ok;
}

KBAPI VOID WINAPI SetThreadpoolThreadMaximum(PTP_POOL pool, DWORD maximum)
{
    RtlAcquireSRWLockExclusive(&pool->lock);
    pool->maximum = maximum ? maximum : 1;
    if (pool->minimum > pool->maximum) pool->minimum = pool->maximum;
    RtlReleaseSRWLockExclusive(&pool->lock);
}

/* The pool goes once its workers have run what is queued and left. */
KBAPI VOID WINAPI CloseThreadpool(PTP_POOL pool)
{
    RtlAcquireSRWLockExclusive(&pool->lock);
    pool->closing = TRUE;
    pool->minimum = 0;
    RtlWakeAllConditionVariable(&pool->ready);
    while (pool->workers > 0 || pool->head != NULL)
        RtlSleepConditionVariableSRW(&pool->finished, &pool->lock, NULL, 0);
    RtlReleaseSRWLockExclusive(&pool->lock);
    Free(pool);
}

/* Work objects. */
KBAPI PTP_WORK WINAPI CreateThreadpoolWork(PTP_WORK_CALLBACK callback, PVOID context, PTP_CALLBACK_ENVIRON env)
{
    if (callback == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    struct _TP_WORK *work = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*work));
    if (work == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    TpInitBase(work, TpPoolOf(env), context);
    work->callback = callback;
    TpJoinGroup(work, env, NULL, (void (*)(struct _TP_WORK *))CloseThreadpoolWork);
    return work;
}

KBAPI VOID WINAPI SubmitThreadpoolWork(PTP_WORK work)
{
    TP_ITEM *item = TpNewItem();
    if (item == NULL) return;
    item->work = work;
    struct _TP_POOL *pool = work->pool;
    RtlAcquireSRWLockExclusive(&pool->lock);
    work->queued++;
    TpEnqueue(pool, item);
    RtlReleaseSRWLockExclusive(&pool->lock);
}

/* Wait until an object's callbacks are over (and its pending I/O, for an I/O object), first taking
 * out of the queue those that have not started when cancel is set. */
void TpWaitForCallbacks(struct _TP_WORK *work, BOOL cancel_pending)
{
    struct _TP_POOL *pool = work->pool;
    RtlAcquireSRWLockExclusive(&pool->lock);
    if (cancel_pending) {                       /* take out what has not started */
        TP_ITEM **link = &pool->head, *last = NULL;
        while (*link) {
            TP_ITEM *item = *link;
            if (item->work == work) {
                *link = item->next;
                work->queued--;
                Free(item);
            } else {
                last = item;
                link = &item->next;
            }
        }
        pool->tail = last;
    }
    while (work->queued > 0 || work->running > 0 || work->pending > 0)
        RtlSleepConditionVariableSRW(&pool->finished, &pool->lock, NULL, 0);
    RtlReleaseSRWLockExclusive(&pool->lock);
}

KBAPI VOID WINAPI WaitForThreadpoolWorkCallbacks(PTP_WORK work, BOOL cancel_pending)
{
    TpWaitForCallbacks(work, cancel_pending);
}

/* Mark an object closed; it goes now if nothing of it is outstanding, else when the last callback returns. */
void TpClose(struct _TP_WORK *work)
{
    struct _TP_POOL *pool = work->pool;         /* work may be freed under the lock */
    TpLeaveGroup(work);
    RtlAcquireSRWLockExclusive(&pool->lock);
    work->closed = TRUE;
    TpReleaseIfDone(work);
    RtlReleaseSRWLockExclusive(&pool->lock);
}

KBAPI VOID WINAPI CloseThreadpoolWork(PTP_WORK work)
{
    TpClose(work);
}

KBAPI BOOL WINAPI TrySubmitThreadpoolCallback(PTP_SIMPLE_CALLBACK callback, PVOID context, PTP_CALLBACK_ENVIRON env)
{
    TP_ITEM *item = TpNewItem();
    if (item == NULL) return FALSE;
    item->simple = callback;
    item->context = context;
    struct _TP_POOL *pool = TpPoolOf(env);
    RtlAcquireSRWLockExclusive(&pool->lock);
    BOOL ok = TpEnqueue(pool, item);
    RtlReleaseSRWLockExclusive(&pool->lock);
    if (!ok) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return ok;
}

/* QueueUserWorkItem: the default pool (the WT_EXECUTE* flags choose among Windows' old pool's
 * thread kinds; every callback here runs on a pool worker). */
KBAPI BOOL WINAPI QueueUserWorkItem(LPTHREAD_START_ROUTINE routine, PVOID context, ULONG flags)
{
    (void)flags;
    TP_ITEM *item = TpNewItem();
    if (item == NULL) return FALSE;
    item->routine = routine;
    item->context = context;
    RtlAcquireSRWLockExclusive(&TpDefaultPool.lock);
    BOOL ok = TpEnqueue(&TpDefaultPool, item);
    RtlReleaseSRWLockExclusive(&TpDefaultPool.lock);
    if (!ok) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return ok;
}

/* The callback instance. */
KBAPI VOID WINAPI SetEventWhenCallbackReturns(PTP_CALLBACK_INSTANCE inst, HANDLE event) { inst->event = event; }
KBAPI VOID WINAPI ReleaseSemaphoreWhenCallbackReturns(PTP_CALLBACK_INSTANCE inst, HANDLE sem, DWORD count)
{
    inst->semaphore = sem;
    inst->semaphore_count = (LONG)count;
}
KBAPI VOID WINAPI ReleaseMutexWhenCallbackReturns(PTP_CALLBACK_INSTANCE inst, HANDLE mutex) { inst->mutex = mutex; }
KBAPI VOID WINAPI LeaveCriticalSectionWhenCallbackReturns(PTP_CALLBACK_INSTANCE inst, PCRITICAL_SECTION cs)
{
    inst->section = cs;
}
KBAPI VOID WINAPI FreeLibraryWhenCallbackReturns(PTP_CALLBACK_INSTANCE inst, HMODULE module) { inst->library = module; }

/* A long callback: the pool starts another worker if the queue would otherwise wait. TRUE when
 * one is idle or could be started. */
KBAPI BOOL WINAPI CallbackMayRunLong(PTP_CALLBACK_INSTANCE inst)
{
    struct _TP_POOL *pool = inst->work ? inst->work->pool : &TpDefaultPool;
    inst->may_run_long = TRUE;
    RtlAcquireSRWLockExclusive(&pool->lock);
    BOOL ok = pool->idle > 0;
    if (!ok && pool->workers < pool->maximum) {
        HANDLE t = StartWorker(pool);
        if (t) { pool->workers++; CloseHandle(t); ok = TRUE; }
    }
    RtlReleaseSRWLockExclusive(&pool->lock);
    return ok;
}

/* The rest of the callback no longer counts for WaitForThreadpoolWorkCallbacks. */
KBAPI VOID WINAPI DisassociateCurrentThreadFromCallback(PTP_CALLBACK_INSTANCE inst)
{
    struct _TP_WORK *work = inst->work;
    if (work == NULL) return;
    inst->work = NULL;
    struct _TP_POOL *pool = work->pool;         /* a closed work goes in TpWorkDone */
    RtlAcquireSRWLockExclusive(&pool->lock);
    TpWorkDone(pool, work);
    RtlReleaseSRWLockExclusive(&pool->lock);
}
