/* Family 6, threads and synchronisation: CreateThread (suspended too), exit codes, TLS and FLS
 * (callbacks at thread exit and at FlsFree), critical sections under contention and recursion,
 * SRW locks, condition variables, InitOnce, SLists, events, semaphores, waits with timeouts,
 * WaitOnAddress, priorities. Exit code: failed checks. */
#include "../k32.h"

static CRITICAL_SECTION lock;
static volatile LONG counter;
static DWORD tls;
static DWORD fls;
static volatile LONG fls_calls;
static PVOID fls_last;

static DWORD WINAPI ReturnParam(LPVOID p) { return (DWORD)(ULONG_PTR)p; }

static DWORD WINAPI Increment(LPVOID p)
{
    (void)p;
    for (int i = 0; i < 200; i++) {
        EnterCriticalSection(&lock);
        LONG v = counter;
        if (i % 16 == 0) SwitchToThread();      /* let another thread find the section taken */
        counter = v + 1;
        LeaveCriticalSection(&lock);
    }
    return 0;
}

static void WINAPI FlsCallback(PVOID value)
{
    InterlockedIncrement(&fls_calls);
    fls_last = value;
}

static DWORD WINAPI TlsUser(LPVOID p)
{
    int ok = TlsGetValue(tls) == NULL;          /* a new thread's slot starts NULL */
    TlsSetValue(tls, p);
    ok &= TlsGetValue(tls) == p;
    FlsSetValue(fls, (PVOID)0x1234);
    return ok;
}

static DWORD WINAPI TryFromOtherThread(LPVOID p)
{
    (void)p;
    return TryEnterCriticalSection(&lock);
}

static SRWLOCK srw = SRWLOCK_INIT;
static DWORD WINAPI TrySrw(LPVOID p)
{
    (void)p;
    DWORD r = TryAcquireSRWLockExclusive(&srw) ? 1 : 0;
    if (TryAcquireSRWLockShared(&srw)) { r |= 2; ReleaseSRWLockShared(&srw); }
    return r;
}

static CONDITION_VARIABLE cv = CONDITION_VARIABLE_INIT;
static CRITICAL_SECTION cv_lock;
static int queue[8], queued, consumed_sum;
static DWORD WINAPI Consumer(LPVOID p)
{
    (void)p;
    int taken = 0;
    EnterCriticalSection(&cv_lock);
    while (taken < 8) {
        while (queued == 0)
            SleepConditionVariableCS(&cv, &cv_lock, INFINITE);
        consumed_sum += queue[--queued];
        taken++;
    }
    LeaveCriticalSection(&cv_lock);
    return 0;
}

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static volatile LONG once_runs;
static BOOL CALLBACK OnceFn(PINIT_ONCE o, PVOID param, PVOID *ctx)
{
    (void)o; (void)param;
    InterlockedIncrement(&once_runs);
    SwitchToThread();
    *ctx = (PVOID)0x40;
    return TRUE;
}
static DWORD WINAPI OnceUser(LPVOID p)
{
    (void)p;
    PVOID ctx = NULL;
    return InitOnceExecuteOnce(&once, OnceFn, NULL, &ctx) && ctx == (PVOID)0x40;
}

static volatile LONG address_value;
static DWORD WINAPI Waker(LPVOID p)
{
    (void)p;
    Sleep(5);
    address_value = 1;
    WakeByAddressSingle((PVOID)&address_value);
    return 0;
}

typedef struct { SLIST_ENTRY entry; int value; } ITEM;

void Entry(void)
{
    DWORD tid = 0, code = 0;
    HANDLE t = CreateThread(NULL, 0, ReturnParam, (LPVOID)42, 0, &tid);
    Check(t != NULL && tid != 0 && tid != GetCurrentThreadId(), "CreateThread gives a handle and a new id");
    Check(GetThreadId(t) == tid, "GetThreadId agrees");
    Check(WaitForSingleObject(t, INFINITE) == WAIT_OBJECT_0, "a thread is signalled when it ends");
    Check(GetExitCodeThread(t, &code) && code == 42, "GetExitCodeThread gives its return value");
    CloseHandle(t);

    t = CreateThread(NULL, 0x10000, ReturnParam, (LPVOID)7, CREATE_SUSPENDED, NULL);
    Check(WaitForSingleObject(t, 10) == WAIT_TIMEOUT, "a suspended thread does not run");
    Check(GetExitCodeThread(t, &code) && code == STILL_ACTIVE, "its exit code is STILL_ACTIVE");
    Check(SuspendThread(t) == 1 && ResumeThread(t) == 2, "suspend counts");
    Check(ResumeThread(t) == 1, "ResumeThread gives the previous count");
    Check(WaitForSingleObject(t, INFINITE) == WAIT_OBJECT_0 && GetExitCodeThread(t, &code) && code == 7,
          "once resumed it runs to its end");
    CloseHandle(t);

    Check(GetThreadPriority(GetCurrentThread()) == THREAD_PRIORITY_NORMAL, "the priority starts NORMAL");
    Check(SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_ABOVE_NORMAL)
          && GetThreadPriority(GetCurrentThread()) == THREAD_PRIORITY_ABOVE_NORMAL, "SetThreadPriority(ABOVE_NORMAL)");
    Check(SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_TIME_CRITICAL)
          && GetThreadPriority(GetCurrentThread()) == THREAD_PRIORITY_TIME_CRITICAL, "TIME_CRITICAL saturates");
    SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_NORMAL);
    CheckError(!SetThreadPriority(GetCurrentThread(), 5), ERROR_INVALID_PARAMETER, "priority 5 -> ERROR_INVALID_PARAMETER");

    /* TLS and FLS */
    tls = TlsAlloc();
    fls = FlsAlloc(FlsCallback);
    Check(tls != TLS_OUT_OF_INDEXES && fls != FLS_OUT_OF_INDEXES && fls != 0, "TlsAlloc and FlsAlloc");
    TlsSetValue(tls, (LPVOID)1);
    SetLastError(99);
    Check(TlsGetValue(tls) == (LPVOID)1 && GetLastError() == 0, "TlsGetValue clears the last error");
    t = CreateThread(NULL, 0, TlsUser, (LPVOID)2, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    Check(GetExitCodeThread(t, &code) && code == 1, "another thread has its own TLS value");
    CloseHandle(t);
    Check(TlsGetValue(tls) == (LPVOID)1, "this thread's value is untouched");
    Check(fls_calls == 1 && fls_last == (PVOID)0x1234, "the FLS callback ran at the thread's exit");
    FlsSetValue(fls, (PVOID)0x5678);
    Check(FlsGetValue(fls) == (PVOID)0x5678, "FlsGetValue");
    Check(FlsFree(fls) && fls_calls == 2 && fls_last == (PVOID)0x5678, "FlsFree runs the callback for live values");
    CheckError(FlsGetValue(fls) == NULL, ERROR_INVALID_PARAMETER, "a freed FLS index -> ERROR_INVALID_PARAMETER");
    Check(TlsFree(tls), "TlsFree");
    DWORD again = TlsAlloc();
    Check(again == tls && TlsGetValue(again) == NULL, "a reused TLS index reads NULL");
    TlsFree(again);

    /* Critical sections */
    InitializeCriticalSectionAndSpinCount(&lock, 100);
    HANDLE workers[4];
    for (int i = 0; i < 4; i++)
        workers[i] = CreateThread(NULL, 0, Increment, NULL, 0, NULL);
    Check(WaitForMultipleObjects(4, workers, TRUE, INFINITE) < WAIT_OBJECT_0 + 4, "WaitForMultipleObjects(all)");
    Check(counter == 800, "four threads, 800 increments under a critical section");
    for (int i = 0; i < 4; i++) CloseHandle(workers[i]);
    EnterCriticalSection(&lock);
    EnterCriticalSection(&lock);
    Check(lock.RecursionCount == 2 && (DWORD)(ULONG_PTR)lock.OwningThread == GetCurrentThreadId(),
          "recursion is counted for the owner");
    t = CreateThread(NULL, 0, TryFromOtherThread, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    Check(GetExitCodeThread(t, &code) && code == FALSE, "TryEnterCriticalSection fails in another thread");
    CloseHandle(t);
    LeaveCriticalSection(&lock);
    LeaveCriticalSection(&lock);
    Check(TryEnterCriticalSection(&lock), "and succeeds once it is free");
    LeaveCriticalSection(&lock);
    DeleteCriticalSection(&lock);

    /* SRW locks */
    AcquireSRWLockShared(&srw);
    t = CreateThread(NULL, 0, TrySrw, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    Check(GetExitCodeThread(t, &code) && code == 2, "a shared SRW lock admits readers, not a writer");
    CloseHandle(t);
    ReleaseSRWLockShared(&srw);
    AcquireSRWLockExclusive(&srw);
    t = CreateThread(NULL, 0, TrySrw, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    Check(GetExitCodeThread(t, &code) && code == 0, "an exclusive one admits nobody");
    CloseHandle(t);
    ReleaseSRWLockExclusive(&srw);

    /* Condition variable: eight items handed to a consumer */
    InitializeCriticalSection(&cv_lock);
    t = CreateThread(NULL, 0, Consumer, NULL, 0, NULL);
    for (int i = 1; i <= 8; i++) {
        EnterCriticalSection(&cv_lock);
        queue[queued++] = i;
        LeaveCriticalSection(&cv_lock);
        WakeConditionVariable(&cv);
        if (i % 3 == 0) Sleep(1);
    }
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    Check(consumed_sum == 36, "a consumer sleeping on a condition variable gets every item");
    EnterCriticalSection(&cv_lock);
    SetLastError(0);
    CheckError(!SleepConditionVariableCS(&cv, &cv_lock, 20), ERROR_TIMEOUT, "SleepConditionVariableCS times out -> ERROR_TIMEOUT");
    LeaveCriticalSection(&cv_lock);

    /* InitOnce */
    HANDLE users[3];
    for (int i = 0; i < 3; i++) users[i] = CreateThread(NULL, 0, OnceUser, NULL, 0, NULL);
    WaitForMultipleObjects(3, users, TRUE, INFINITE);
    int all = 1;
    for (int i = 0; i < 3; i++) { all &= GetExitCodeThread(users[i], &code) && code == 1; CloseHandle(users[i]); }
    Check(all && once_runs == 1, "InitOnceExecuteOnce runs the function once for three threads");
    BOOL pending = TRUE;
    PVOID ctx = NULL;
    Check(InitOnceBeginInitialize(&once, INIT_ONCE_CHECK_ONLY, &pending, &ctx) && !pending && ctx == (PVOID)0x40,
          "InitOnceBeginInitialize(CHECK_ONLY) after it: done, with the context");

    /* SLists */
    SLIST_HEADER head;
    InitializeSListHead(&head);
    static ITEM items[3];
    for (int i = 0; i < 3; i++) { items[i].value = i; InterlockedPushEntrySList(&head, &items[i].entry); }
    Check(QueryDepthSList(&head) == 3, "three entries pushed");
    ITEM *top = (ITEM *)InterlockedPopEntrySList(&head);
    Check(top == &items[2] && QueryDepthSList(&head) == 2, "last in, first out");
    Check(InterlockedFlushSList(&head) == &items[1].entry && InterlockedPopEntrySList(&head) == NULL,
          "flush takes the rest");

    /* Events, semaphores and timeouts */
    HANDLE manual = CreateEventW(NULL, TRUE, FALSE, NULL), automatic = CreateEventW(NULL, FALSE, TRUE, NULL);
    Check(WaitForSingleObject(manual, 0) == WAIT_TIMEOUT, "an unset event times out");
    SetEvent(manual);
    Check(WaitForSingleObject(manual, 0) == WAIT_OBJECT_0 && WaitForSingleObject(manual, 0) == WAIT_OBJECT_0,
          "a manual-reset event stays set");
    Check(WaitForSingleObject(automatic, 0) == WAIT_OBJECT_0 && WaitForSingleObject(automatic, 0) == WAIT_TIMEOUT,
          "an auto-reset event lets one wait through");
    HANDLE pair[2] = {automatic, manual};
    Check(WaitForMultipleObjects(2, pair, FALSE, 0) == WAIT_OBJECT_0 + 1, "WaitForMultipleObjects(any) names the one set");
    ResetEvent(manual);
    DWORD before = GetTickCount();
    Check(WaitForMultipleObjects(2, pair, FALSE, 50) == WAIT_TIMEOUT && GetTickCount() - before >= 46,
          "a 50 ms timeout passes in virtual time");
    HANDLE sem = CreateSemaphoreA(NULL, 2, 5, NULL);
    LONG previous = 0;
    Check(WaitForSingleObject(sem, 0) == WAIT_OBJECT_0 && WaitForSingleObject(sem, 0) == WAIT_OBJECT_0
          && WaitForSingleObject(sem, 0) == WAIT_TIMEOUT, "a semaphore of 2 admits two");
    Check(ReleaseSemaphore(sem, 3, &previous) && previous == 0, "ReleaseSemaphore gives the previous count");
    CloseHandle(manual); CloseHandle(automatic); CloseHandle(sem);

    /* WaitOnAddress */
    LONG undesired = 0;
    t = CreateThread(NULL, 0, Waker, NULL, 0, NULL);
    while (address_value == 0)
        WaitOnAddress(&address_value, &undesired, sizeof(LONG), INFINITE);
    Check(address_value == 1, "WaitOnAddress returns once the value changes");
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    CheckError(!WaitOnAddress(&address_value, (PVOID)&address_value, sizeof(LONG), 10), ERROR_TIMEOUT,
               "WaitOnAddress times out -> ERROR_TIMEOUT");

    before = GetTickCount();
    Sleep(100);
    Check(GetTickCount() - before >= 93, "Sleep(100) lets 100 ms of virtual time pass");
    ExitProcess(failures);
}
