/* Family 6, sleeping without polling: SRW locks (exclusive and shared, under contention),
 * condition variables (a producer and consumers, a timed sleep) and WaitOnAddress, all over the
 * global keyed event, and the keyed event services themselves (a named one, a rendezvous in both
 * orders, timeouts, an odd key, a handle without wake access); and the process heap's lock
 * (threads allocating at once, HeapLock holding others off, a HEAP_NO_SERIALIZE heap). Exit
 * code: failed checks. */
#include "../k32.h"

typedef struct { USHORT Length, MaximumLength; PWSTR Buffer; } USTR;
typedef struct { ULONG Length; HANDLE RootDirectory; USTR *ObjectName; ULONG Attributes; PVOID Sd, Qos; } OA;
__declspec(dllimport) LONG NTAPI NtCreateKeyedEvent(HANDLE *, ACCESS_MASK, OA *, ULONG);
__declspec(dllimport) LONG NTAPI NtOpenKeyedEvent(HANDLE *, ACCESS_MASK, OA *);
__declspec(dllimport) LONG NTAPI NtWaitForKeyedEvent(HANDLE, PVOID, BOOLEAN, LARGE_INTEGER *);
__declspec(dllimport) LONG NTAPI NtReleaseKeyedEvent(HANDLE, PVOID, BOOLEAN, LARGE_INTEGER *);
#define KEYEDEVENT_WAIT 1
#define KEYEDEVENT_WAKE 2

static SRWLOCK lock = SRWLOCK_INIT;
static volatile LONG counter, readers, max_readers;

static DWORD WINAPI Writer(LPVOID p)
{
    (void)p;
    for (int i = 0; i < 300; i++) {
        AcquireSRWLockExclusive(&lock);
        LONG v = counter;
        if (i % 8 == 0) SwitchToThread();       /* hold it while others come */
        counter = v + 1;
        ReleaseSRWLockExclusive(&lock);
    }
    return 0;
}

static HANDLE never;                    /* an event nobody sets: timed waits on it let time pass */
static DWORD WINAPI Reader(LPVOID p)
{
    (void)p;
    for (int i = 0; i < 50; i++) {
        AcquireSRWLockShared(&lock);
        LONG n = InterlockedIncrement(&readers);
        LONG m;
        while ((m = max_readers) < n && InterlockedCompareExchange(&max_readers, n, m) != m) {}
        for (int tries = 0; i == 0 && readers < 2 && tries < 50; tries++)
            WaitForSingleObject(never, 1);      /* the first time, wait a while for company */
        SwitchToThread();
        InterlockedDecrement(&readers);
        ReleaseSRWLockShared(&lock);
    }
    return 0;
}

static CONDITION_VARIABLE ready = CONDITION_VARIABLE_INIT;
static int queue[16], head, tail_, produced_done;
static LONG consumed_sum, consumed_count;

static DWORD WINAPI Consumer(LPVOID p)
{
    (void)p;
    for (;;) {
        AcquireSRWLockExclusive(&lock);
        while (head == tail_ && !produced_done)
            SleepConditionVariableSRW(&ready, &lock, INFINITE, 0);
        if (head == tail_ && produced_done) {
            ReleaseSRWLockExclusive(&lock);
            return 0;
        }
        int v = queue[head++ % 16];
        WakeAllConditionVariable(&ready);       /* the producer may wait for room */
        ReleaseSRWLockExclusive(&lock);
        InterlockedExchangeAdd(&consumed_sum, v);
        InterlockedIncrement(&consumed_count);
    }
}

static volatile LONG flag;
static DWORD WINAPI FlagWaiter(LPVOID p)
{
    (void)p;
    LONG zero = 0;
    while (flag == 0)
        WaitOnAddress(&flag, &zero, sizeof(flag), INFINITE);
    return (DWORD)flag;
}

static HANDLE named;
static volatile LONG rendezvous;
static DWORD WINAPI KeyedPartner(LPVOID p)
{
    LONG st = (ULONG_PTR)p ? NtReleaseKeyedEvent(named, (PVOID)0x100, FALSE, NULL)
                            : NtWaitForKeyedEvent(named, (PVOID)0x100, FALSE, NULL);
    InterlockedIncrement(&rendezvous);
    return (DWORD)st;
}

static void Locks(void)
{
    HANDLE t[6];
    for (int i = 0; i < 4; i++) t[i] = CreateThread(NULL, 0, Writer, NULL, 0, NULL);
    WaitForMultipleObjects(4, t, TRUE, INFINITE);
    Check(counter == 1200, "four writers under an exclusive SRW lock lose no increment");
    for (int i = 0; i < 4; i++) CloseHandle(t[i]);
    never = CreateEventW(NULL, TRUE, FALSE, NULL);
    for (int i = 0; i < 3; i++) t[i] = CreateThread(NULL, 0, Reader, NULL, 0, NULL);
    t[3] = CreateThread(NULL, 0, Writer, NULL, 0, NULL);
    WaitForMultipleObjects(4, t, TRUE, INFINITE);
    Check(max_readers >= 2 && counter == 1500, "shared owners hold it together, a writer still gets in");
    for (int i = 0; i < 4; i++) CloseHandle(t[i]);
}

static void Conditions(void)
{
    HANDLE c[3];
    for (int i = 0; i < 3; i++) c[i] = CreateThread(NULL, 0, Consumer, NULL, 0, NULL);
    int sum = 0;
    for (int v = 1; v <= 200; v++) {
        AcquireSRWLockExclusive(&lock);
        while (tail_ - head == 16)
            SleepConditionVariableSRW(&ready, &lock, INFINITE, 0);
        queue[tail_++ % 16] = v;
        sum += v;
        WakeConditionVariable(&ready);
        ReleaseSRWLockExclusive(&lock);
    }
    AcquireSRWLockExclusive(&lock);
    produced_done = 1;
    WakeAllConditionVariable(&ready);
    ReleaseSRWLockExclusive(&lock);
    WaitForMultipleObjects(3, c, TRUE, INFINITE);
    Check(consumed_count == 200 && consumed_sum == sum, "a producer and three consumers over a condition variable");
    for (int i = 0; i < 3; i++) CloseHandle(c[i]);
    AcquireSRWLockExclusive(&lock);
    DWORD before = GetTickCount();
    BOOL woke = SleepConditionVariableSRW(&ready, &lock, 50, 0);
    DWORD error = GetLastError(), slept = GetTickCount() - before;
    ReleaseSRWLockExclusive(&lock);
    Check(!woke && error == ERROR_TIMEOUT && slept >= 45, "a timed sleep with no wake -> ERROR_TIMEOUT after its time");
    WakeConditionVariable(&ready);              /* no sleeper: nothing to release, no wait */
    Check(1, "a wake with no sleeper returns at once");
}

static void Addresses(void)
{
    HANDLE t = CreateThread(NULL, 0, FlagWaiter, NULL, 0, NULL);
    Sleep(10);
    flag = 5;
    WakeByAddressSingle((PVOID)&flag);
    DWORD code = 0;
    Check(WaitForSingleObject(t, 1000) == WAIT_OBJECT_0 && GetExitCodeThread(t, &code) && code == 5,
          "WaitOnAddress sleeps until WakeByAddressSingle");
    CloseHandle(t);
    LONG five = 5;
    CheckError(!WaitOnAddress(&flag, &five, sizeof(flag), 20), ERROR_TIMEOUT, "WaitOnAddress times out -> ERROR_TIMEOUT");
    LONG six = 6;
    Check(WaitOnAddress(&flag, &six, sizeof(flag), INFINITE), "a value that already differs returns at once");
    CheckError(!WaitOnAddress(&flag, &five, 3, 0), ERROR_INVALID_PARAMETER, "a size of 3 -> ERROR_INVALID_PARAMETER");
}

static void Keyed(void)
{
    USTR name = {0, 0, NULL};
    static WCHAR text[] = L"\\BaseNamedObjects\\k32-keyed";
    name.Buffer = text;
    name.Length = sizeof(text) - 2;
    name.MaximumLength = sizeof(text);
    OA oa = {sizeof(oa), NULL, &name, 0, NULL, NULL};
    LONG st = NtCreateKeyedEvent(&named, KEYEDEVENT_WAIT | KEYEDEVENT_WAKE, &oa, 0);
    HANDLE waiter_only = NULL;
    LONG st2 = NtOpenKeyedEvent(&waiter_only, KEYEDEVENT_WAIT, &oa);
    Check(st == 0 && st2 == 0, "NtCreateKeyedEvent with a name, NtOpenKeyedEvent");
    LARGE_INTEGER soon = {.QuadPart = -10000 * 5};
    Check(NtWaitForKeyedEvent(named, (PVOID)0x100, FALSE, &soon) == 0x102, "a wait with no releaser times out");
    Check(NtReleaseKeyedEvent(named, (PVOID)0x100, FALSE, &soon) == 0x102, "a release with no waiter times out");
    Check(NtWaitForKeyedEvent(named, (PVOID)0x101, FALSE, &soon) == (LONG)0xC00000EF,
          "an odd key -> STATUS_INVALID_PARAMETER_1");
    Check(NtReleaseKeyedEvent(waiter_only, (PVOID)0x100, FALSE, &soon) == (LONG)0xC0000022,
          "a release through a handle without KEYEDEVENT_WAKE -> STATUS_ACCESS_DENIED");
    HANDLE t = CreateThread(NULL, 0, KeyedPartner, (LPVOID)0, 0, NULL);
    Sleep(10);
    Check(rendezvous == 0, "the waiter sleeps until a releaser comes");
    st = NtReleaseKeyedEvent(named, (PVOID)0x100, FALSE, NULL);
    WaitForSingleObject(t, INFINITE);
    DWORD code = 1;
    GetExitCodeThread(t, &code);
    Check(st == 0 && code == 0 && rendezvous == 1, "the releaser wakes it, both succeed");
    CloseHandle(t);
    t = CreateThread(NULL, 0, KeyedPartner, (LPVOID)1, 0, NULL);
    Sleep(10);
    Check(rendezvous == 1, "a releaser sleeps until a waiter comes");
    st = NtWaitForKeyedEvent(named, (PVOID)0x100, FALSE, NULL);
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    Check(st == 0 && code == 0 && rendezvous == 2, "the waiter takes the release, both succeed");
    CloseHandle(t);
    CloseHandle(named);
    CloseHandle(waiter_only);
}

static volatile LONG heap_errors, locked_out, allocated_while_locked;
static DWORD WINAPI HeapUser(LPVOID p)
{
    HANDLE heap = GetProcessHeap();
    ULONG seed = (ULONG)(ULONG_PTR)p;
    unsigned char *blocks[8] = {0}, fill[8] = {0};
    for (int i = 0; i < 400; i++) {
        int k = i % 8;
        if (blocks[k]) {
            SIZE_T n = HeapSize(heap, 0, blocks[k]);
            for (SIZE_T j = 0; j < n; j++)
                if (blocks[k][j] != fill[k]) { InterlockedIncrement(&heap_errors); break; }
            HeapFree(heap, 0, blocks[k]);
        }
        seed = seed * 1103515245 + 12345;
        SIZE_T size = 16 + (seed >> 16) % 700;
        blocks[k] = HeapAlloc(heap, 0, size);
        if (!blocks[k]) { InterlockedIncrement(&heap_errors); continue; }
        fill[k] = (unsigned char)(seed >> 8);
        for (SIZE_T j = 0; j < size; j++) blocks[k][j] = fill[k];
        if (i % 16 == 0) SwitchToThread();
    }
    for (int k = 0; k < 8; k++) HeapFree(heap, 0, blocks[k]);
    return 0;
}

static DWORD WINAPI AllocateOnce(LPVOID p)
{
    (void)p;
    void *x = HeapAlloc(GetProcessHeap(), 0, 64);
    allocated_while_locked = !locked_out;
    HeapFree(GetProcessHeap(), 0, x);
    return 0;
}

static void Heaps(void)
{
    HANDLE t[4];
    for (int i = 0; i < 4; i++) t[i] = CreateThread(NULL, 0, HeapUser, (LPVOID)(ULONG_PTR)(i * 77 + 1), 0, NULL);
    WaitForMultipleObjects(4, t, TRUE, INFINITE);
    Check(heap_errors == 0, "four threads allocating and freeing on the process heap at once");
    for (int i = 0; i < 4; i++) CloseHandle(t[i]);
    Check(HeapLock(GetProcessHeap()), "HeapLock");
    HANDLE a = CreateThread(NULL, 0, AllocateOnce, NULL, 0, NULL);
    WaitForSingleObject(never, 20);
    locked_out = 1;                             /* set while the lock is still held */
    Check(HeapUnlock(GetProcessHeap()), "HeapUnlock");
    WaitForSingleObject(a, INFINITE);
    CloseHandle(a);
    Check(!allocated_while_locked, "another thread's HeapAlloc waits for HeapUnlock");
    HANDLE own = HeapCreate(HEAP_NO_SERIALIZE, 0, 0);
    void *x = own ? HeapAlloc(own, 0, 100) : NULL;
    Check(x && HeapFree(own, 0, x) && HeapLock(own) && HeapUnlock(own) && HeapDestroy(own),
          "a HEAP_NO_SERIALIZE heap works without its lock");
}

void Entry(void)
{
    Locks();
    Conditions();
    Addresses();
    Keyed();
    Heaps();
    ExitProcess(failures);
}
