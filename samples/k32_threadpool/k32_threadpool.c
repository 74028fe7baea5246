/* Family 3, the thread pool's work items: a work object submitted many times runs each time on a
 * pool worker (not the caller), WaitForThreadpoolWorkCallbacks waits for all of them or cancels
 * what has not started, TrySubmitThreadpoolCallback and QueueUserWorkItem, a private pool held to
 * one thread (its callbacks never overlap), the *WhenCallbackReturns actions, and
 * DisassociateCurrentThreadFromCallback. Exit code: failed checks. */
#include "../k32.h"

static volatile LONG count, concurrent, most, on_caller;
static DWORD caller;

static VOID CALLBACK Count(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work)
{
    (void)inst; (void)work;
    LONG now = InterlockedIncrement(&concurrent);
    LONG seen = most;
    while (now > seen && InterlockedCompareExchange(&most, now, seen) != seen) seen = most;
    if (GetCurrentThreadId() == caller) InterlockedIncrement(&on_caller);
    Sleep((DWORD)(ULONG_PTR)ctx);
    InterlockedIncrement(&count);
    InterlockedDecrement(&concurrent);
}

static HANDLE gate;

static VOID CALLBACK Blocked(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work)
{
    (void)inst; (void)ctx; (void)work;
    WaitForSingleObject(gate, INFINITE);
    InterlockedIncrement(&count);
}

static VOID CALLBACK Simple(PTP_CALLBACK_INSTANCE inst, PVOID ctx)
{
    InterlockedIncrement(&count);
    SetEventWhenCallbackReturns(inst, (HANDLE)ctx);
}

static DWORD WINAPI Legacy(LPVOID ctx)
{
    InterlockedIncrement(&count);
    SetEvent((HANDLE)ctx);
    return 0;
}

static CRITICAL_SECTION cs;
static HANDLE sem;

static VOID CALLBACK Actions(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work)
{
    (void)ctx; (void)work;
    EnterCriticalSection(&cs);
    LeaveCriticalSectionWhenCallbackReturns(inst, &cs);
    ReleaseSemaphoreWhenCallbackReturns(inst, sem, 2);
    Check(CallbackMayRunLong(inst), "CallbackMayRunLong: another worker can be had");
}

static volatile LONG after;

static VOID CALLBACK Detach(PTP_CALLBACK_INSTANCE inst, PVOID ctx, PTP_WORK work)
{
    (void)work;
    DisassociateCurrentThreadFromCallback(inst);
    WaitForSingleObject((HANDLE)ctx, INFINITE);
    after = 1;
}

void Entry(void)
{
    caller = GetCurrentThreadId();
    PTP_WORK work = CreateThreadpoolWork(Count, (PVOID)5, NULL);
    Check(work != NULL, "CreateThreadpoolWork");
    for (int i = 0; i < 20; i++) SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, FALSE);
    Check(count == 20, "20 submissions, 20 callbacks, all done when the wait returns");
    Check(on_caller == 0, "none on the submitting thread");
    Check(most > 1, "more than one at a time on the default pool");
    CloseThreadpoolWork(work);
    CheckError(CreateThreadpoolWork(NULL, NULL, NULL) == NULL, ERROR_INVALID_PARAMETER,
               "CreateThreadpoolWork(NULL) -> ERROR_INVALID_PARAMETER");

    /* A private pool of one thread: the callbacks run one after another. */
    PTP_POOL pool = CreateThreadpool(NULL);
    Check(pool != NULL && SetThreadpoolThreadMinimum(pool, 1), "CreateThreadpool, SetThreadpoolThreadMinimum(1)");
    SetThreadpoolThreadMaximum(pool, 1);
    TP_CALLBACK_ENVIRON env;
    InitializeThreadpoolEnvironment(&env);
    SetThreadpoolCallbackPool(&env, pool);
    count = 0; most = 0;
    work = CreateThreadpoolWork(Count, (PVOID)2, &env);
    for (int i = 0; i < 6; i++) SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, FALSE);
    Check(count == 6 && most == 1, "a pool of one thread: six callbacks, never two at once");
    CloseThreadpoolWork(work);

    /* Cancelling what has not started. */
    gate = CreateEventA(NULL, TRUE, FALSE, NULL);
    count = 0;
    work = CreateThreadpoolWork(Blocked, NULL, &env);
    for (int i = 0; i < 5; i++) SubmitThreadpoolWork(work);
    Sleep(20);                                   /* the one thread takes the first and blocks */
    SetEvent(gate);
    WaitForThreadpoolWorkCallbacks(work, TRUE);
    Check(count >= 1 && count < 5, "WaitForThreadpoolWorkCallbacks(cancel): the queued ones never run");
    LONG settled = count;
    Sleep(20);
    Check(count == settled, "and none runs later");
    CloseThreadpoolWork(work);

    /* TrySubmitThreadpoolCallback, SetEventWhenCallbackReturns, QueueUserWorkItem. */
    HANDLE done = CreateEventA(NULL, FALSE, FALSE, NULL);
    count = 0;
    Check(TrySubmitThreadpoolCallback(Simple, done, NULL) && WaitForSingleObject(done, 1000) == WAIT_OBJECT_0 && count == 1,
          "TrySubmitThreadpoolCallback: the event set when the callback returns");
    Check(QueueUserWorkItem(Legacy, done, WT_EXECUTEDEFAULT) && WaitForSingleObject(done, 1000) == WAIT_OBJECT_0 && count == 2,
          "QueueUserWorkItem");

    /* The instance's actions: the critical section left, the semaphore released by 2. */
    InitializeCriticalSection(&cs);
    sem = CreateSemaphoreA(NULL, 0, 10, NULL);
    work = CreateThreadpoolWork(Actions, NULL, NULL);
    SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, FALSE);
    Check(WaitForSingleObject(sem, 0) == WAIT_OBJECT_0 && WaitForSingleObject(sem, 0) == WAIT_OBJECT_0 &&
          WaitForSingleObject(sem, 0) == WAIT_TIMEOUT, "ReleaseSemaphoreWhenCallbackReturns(2)");
    Check(TryEnterCriticalSection(&cs), "LeaveCriticalSectionWhenCallbackReturns");
    LeaveCriticalSection(&cs);
    CloseThreadpoolWork(work);

    /* Disassociated: the wait returns while the callback still runs. */
    ResetEvent(gate);
    work = CreateThreadpoolWork(Detach, gate, NULL);
    SubmitThreadpoolWork(work);
    WaitForThreadpoolWorkCallbacks(work, FALSE);
    Check(after == 0, "DisassociateCurrentThreadFromCallback: the wait does not wait for the rest");
    SetEvent(gate);
    Sleep(20);
    Check(after == 1, "which then finishes");
    CloseThreadpoolWork(work);
    CloseThreadpool(pool);
    ExitProcess(failures);
}
