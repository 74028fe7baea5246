/* Family 3 (threads), the thread pool's work items: pools (the process's default one and those of
 * CreateThreadpool) whose worker threads are real threads made on demand, up to the pool's maximum,
 * each taking callbacks from the pool's queue under an SRW lock and a condition variable, and
 * leaving after 10 s idle above the minimum. CreateThreadpoolWork / SubmitThreadpoolWork /
 * WaitForThreadpoolWorkCallbacks (optionally cancelling what has not started) / CloseThreadpoolWork
 * (freed when its last callback returns), TrySubmitThreadpoolCallback, QueueUserWorkItem; the
 * callback instance's *WhenCallbackReturns actions, CallbackMayRunLong and
 * DisassociateCurrentThreadFromCallback. */
#include "kernelbase.h"

NTDLL void NTAPI RtlAcquireSRWLockExclusive(SRWLOCK *);
NTDLL void NTAPI RtlReleaseSRWLockExclusive(SRWLOCK *);
NTDLL void NTAPI RtlWakeConditionVariable(CONDITION_VARIABLE *);
NTDLL void NTAPI RtlWakeAllConditionVariable(CONDITION_VARIABLE *);

#define IDLE_TIMEOUT_MS 10000
#define DEFAULT_MAXIMUM 512

typedef struct _TP_ITEM {
    struct _TP_ITEM *next;
    struct _TP_WORK *work;                      /* a work object's callback, or */
    PTP_SIMPLE_CALLBACK simple;                 /* TrySubmitThreadpoolCallback's, or */
    LPTHREAD_START_ROUTINE routine;             /* QueueUserWorkItem's */
    PVOID context;
} TP_ITEM;

struct _TP_POOL {
    SRWLOCK lock;
    CONDITION_VARIABLE ready;                   /* an item queued (workers wait on it) */
    CONDITION_VARIABLE finished;                /* a callback returned (waiters for work objects) */
    TP_ITEM *head, *tail;
    DWORD workers, idle, minimum, maximum;
    BOOL closing;
};

struct _TP_WORK {
    struct _TP_POOL *pool;
    PTP_WORK_CALLBACK callback;
    PVOID context;
    LONG queued, running;
    BOOL closed;
};

/* What a callback's instance asks to be done when it returns. */
struct _TP_CALLBACK_INSTANCE {
    struct _TP_WORK *work;                      /* still counted as running until disassociated */
    HANDLE event, semaphore, mutex;
    LONG semaphore_count;
    PCRITICAL_SECTION section;
    HMODULE library;
    BOOL may_run_long;
};

static struct _TP_POOL default_pool = { SRWLOCK_INIT, CONDITION_VARIABLE_INIT, CONDITION_VARIABLE_INIT, NULL, NULL,
                                        0, 0, 0, DEFAULT_MAXIMUM, FALSE };

static struct _TP_POOL *PoolOf(PTP_CALLBACK_ENVIRON env)
{
    return env && env->Pool ? env->Pool : &default_pool;
}

static void Free(void *p) { RtlFreeHeap(PEB_PROCESS_HEAP(), 0, p); }

/* A work object's callback is over for its waiters: count it, free a closed object with nothing left. */
static void WorkDone(struct _TP_POOL *pool, struct _TP_WORK *work)
{
    work->running--;
    RtlWakeAllConditionVariable(&pool->finished);
    if (work->closed && work->queued == 0 && work->running == 0)
        Free(work);
}

static void RunInstanceActions(struct _TP_CALLBACK_INSTANCE *inst)
{
    if (inst->section) RtlLeaveCriticalSection(inst->section);
    if (inst->mutex) ReleaseMutex(inst->mutex);
    if (inst->semaphore) ReleaseSemaphore(inst->semaphore, inst->semaphore_count, NULL);
    if (inst->event) SetEvent(inst->event);
    if (inst->library) FreeLibrary(inst->library);
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
        struct _TP_WORK *work = item->work;
        if (work) { work->queued--; work->running++; }
        RtlReleaseSRWLockExclusive(&pool->lock);

        struct _TP_CALLBACK_INSTANCE inst;
        memset(&inst, 0, sizeof(inst));
        inst.work = work;
        if (work) work->callback(&inst, work->context, work);
        else if (item->simple) item->simple(&inst, item->context);
        else item->routine(item->context);
        RunInstanceActions(&inst);
        Free(item);

        RtlAcquireSRWLockExclusive(&pool->lock);
        if (inst.work) WorkDone(pool, inst.work);
    }
leave:
    pool->workers--;
    RtlWakeAllConditionVariable(&pool->finished);
    RtlReleaseSRWLockExclusive(&pool->lock);
    return 0;
}

/* Queue an item (the lock held): wake an idle worker, or start one if none is idle and the
 * maximum allows. FALSE when no thread could be had at all. */
static BOOL Enqueue(struct _TP_POOL *pool, TP_ITEM *item)
{
    item->next = NULL;
    if (pool->tail) pool->tail->next = item; else pool->head = item;
    pool->tail = item;
    if (pool->idle > 0) {
        RtlWakeConditionVariable(&pool->ready);
        return TRUE;
    }
    if (pool->workers < pool->maximum) {
        HANDLE t = CreateThread(NULL, 0, Worker, pool, 0, NULL);
        if (t) {
            pool->workers++;
            CloseHandle(t);
            return TRUE;
        }
    }
    return pool->workers > 0;                   /* a busy worker will get to it */
}

static TP_ITEM *NewItem(void)
{
    TP_ITEM *item = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(*item));
    if (item == NULL) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return item;
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
        HANDLE t = CreateThread(NULL, 0, Worker, pool, 0, NULL);
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
    work->pool = PoolOf(env);
    work->callback = callback;
    work->context = context;
    return work;
}

KBAPI VOID WINAPI SubmitThreadpoolWork(PTP_WORK work)
{
    TP_ITEM *item = NewItem();
    if (item == NULL) return;
    item->work = work;
    struct _TP_POOL *pool = work->pool;
    RtlAcquireSRWLockExclusive(&pool->lock);
    work->queued++;
    Enqueue(pool, item);
    RtlReleaseSRWLockExclusive(&pool->lock);
}

KBAPI VOID WINAPI WaitForThreadpoolWorkCallbacks(PTP_WORK work, BOOL cancel_pending)
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
    while (work->queued > 0 || work->running > 0)
        RtlSleepConditionVariableSRW(&pool->finished, &pool->lock, NULL, 0);
    RtlReleaseSRWLockExclusive(&pool->lock);
}

KBAPI VOID WINAPI CloseThreadpoolWork(PTP_WORK work)
{
    struct _TP_POOL *pool = work->pool;
    RtlAcquireSRWLockExclusive(&pool->lock);
    work->closed = TRUE;
    BOOL idle = work->queued == 0 && work->running == 0;
    RtlReleaseSRWLockExclusive(&pool->lock);
    if (idle) Free(work);
}

KBAPI BOOL WINAPI TrySubmitThreadpoolCallback(PTP_SIMPLE_CALLBACK callback, PVOID context, PTP_CALLBACK_ENVIRON env)
{
    TP_ITEM *item = NewItem();
    if (item == NULL) return FALSE;
    item->simple = callback;
    item->context = context;
    struct _TP_POOL *pool = PoolOf(env);
    RtlAcquireSRWLockExclusive(&pool->lock);
    BOOL ok = Enqueue(pool, item);
    RtlReleaseSRWLockExclusive(&pool->lock);
    if (!ok) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return ok;
}

/* QueueUserWorkItem: the default pool (the WT_EXECUTE* flags choose among Windows' old pool's
 * thread kinds; every callback here runs on a pool worker). */
KBAPI BOOL WINAPI QueueUserWorkItem(LPTHREAD_START_ROUTINE routine, PVOID context, ULONG flags)
{
    (void)flags;
    TP_ITEM *item = NewItem();
    if (item == NULL) return FALSE;
    item->routine = routine;
    item->context = context;
    RtlAcquireSRWLockExclusive(&default_pool.lock);
    BOOL ok = Enqueue(&default_pool, item);
    RtlReleaseSRWLockExclusive(&default_pool.lock);
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
    struct _TP_POOL *pool = inst->work ? inst->work->pool : &default_pool;
    inst->may_run_long = TRUE;
    RtlAcquireSRWLockExclusive(&pool->lock);
    BOOL ok = pool->idle > 0;
    if (!ok && pool->workers < pool->maximum) {
        HANDLE t = CreateThread(NULL, 0, Worker, pool, 0, NULL);
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
    RtlAcquireSRWLockExclusive(&work->pool->lock);
    WorkDone(work->pool, work);
    RtlReleaseSRWLockExclusive(&work->pool->lock);
}
