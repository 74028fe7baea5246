/* Rust std's futex-style parking (Mutex, Condvar, Once, thread::park): WaitOnAddress,
 * WakeByAddressSingle and WakeByAddressAll imported from api-ms-win-core-synch-l1-2-0.dll at load
 * time, which the loader resolves through the API set to kernelbase. Exit code: failed checks. */
#include "../k32.h"

static volatile LONG state, parked, rounds;

/* A parking lot as Rust's futex Mutex uses it: 0 unlocked, 1 locked, 2 locked with waiters. */
static void Lock(void)
{
    LONG two = 2;
    if (InterlockedCompareExchange(&state, 1, 0) == 0)
        return;
    while (InterlockedExchange(&state, 2) != 0)
        WaitOnAddress(&state, &two, sizeof state, INFINITE);
}

static void Unlock(void)
{
    if (InterlockedExchange(&state, 0) == 2)
        WakeByAddressSingle((PVOID)&state);
}

static volatile LONG counter;
static DWORD WINAPI Worker(LPVOID p)
{
    (void)p;
    for (int i = 0; i < 200; i++) {
        Lock();
        LONG c = counter;
        if ((i & 7) == 0)
            SwitchToThread();
        counter = c + 1;
        Unlock();
    }
    return 0;
}

static volatile LONG generation;
static DWORD WINAPI Parker(LPVOID p)
{
    LONG seen = 0;
    (void)p;
    InterlockedIncrement(&parked);
    while (generation == seen)
        WaitOnAddress(&generation, &seen, sizeof generation, INFINITE);
    InterlockedIncrement(&rounds);
    return 0;
}

void Entry(void)
{
    HMODULE api = GetModuleHandleW(L"api-ms-win-core-synch-l1-2-0.dll");
    HMODULE kb = GetModuleHandleW(L"kernelbase.dll");
    Check(api != NULL && api == kb, "the API set name is kernelbase's module");

    HANDLE t[4];
    for (int i = 0; i < 4; i++)
        t[i] = CreateThread(NULL, 0, Worker, NULL, 0, NULL);
    Check(WaitForMultipleObjects(4, t, TRUE, 60000) == WAIT_OBJECT_0, "four threads contend for the lock");
    Check(counter == 800, "no increment is lost under the WaitOnAddress mutex");
    for (int i = 0; i < 4; i++)
        CloseHandle(t[i]);

    for (int i = 0; i < 3; i++)
        t[i] = CreateThread(NULL, 0, Parker, NULL, 0, NULL);
    while (parked < 3)
        Sleep(1);
    Sleep(10);
    InterlockedIncrement(&generation);
    WakeByAddressAll((PVOID)&generation);
    Check(WaitForMultipleObjects(3, t, TRUE, 60000) == WAIT_OBJECT_0 && rounds == 3,
          "WakeByAddressAll unparks every parked thread");
    for (int i = 0; i < 3; i++)
        CloseHandle(t[i]);

    LONG value = 5, other = 5;
    SetLastError(0);
    Check(!WaitOnAddress(&value, &other, sizeof value, 0) && GetLastError() == ERROR_TIMEOUT,
          "a zero timeout on an equal value -> FALSE, ERROR_TIMEOUT");
    ExitProcess(failures);
}
