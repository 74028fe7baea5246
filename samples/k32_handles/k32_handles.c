/* Families 4 and 6: handle flags (Get/SetHandleInformation, inheritable handles from
 * SECURITY_ATTRIBUTES and DuplicateHandle, a handle protected from close), SignalObjectAndWait
 * with each kind of object it can signal and its errors, GetProcessTimes/GetThreadTimes from
 * virtual time, and GlobalMemoryStatus(Ex) (family 5). Exit code: failed checks. */
#include "../k32.h"

static HANDLE go, done;
static DWORD WINAPI Partner(LPVOID p)
{
    (void)p;
    if (WaitForSingleObject(go, INFINITE) != WAIT_OBJECT_0) return 1;
    SetEvent(done);
    return 0;
}

static HANDLE mutex;
static DWORD WINAPI TakeMutex(LPVOID p)
{
    (void)p;
    DWORD r = WaitForSingleObject(mutex, 0);
    if (r == WAIT_OBJECT_0) ReleaseMutex(mutex);
    return r;
}

static volatile ULONG sink;
static DWORD WINAPI Spin(LPVOID p)
{
    for (ULONG i = 0; i < (ULONG)(ULONG_PTR)p; i++) sink += i;
    return 0;
}

static ULONGLONG U(FILETIME f) { return ((ULONGLONG)f.dwHighDateTime << 32) | f.dwLowDateTime; }

static void Flags(void)
{
    DWORD flags = 99;
    HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
    Check(GetHandleInformation(e, &flags) && flags == 0, "a new handle has no flags");
    Check(SetHandleInformation(e, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT) && GetHandleInformation(e, &flags)
          && flags == HANDLE_FLAG_INHERIT, "SetHandleInformation(HANDLE_FLAG_INHERIT)");
    Check(SetHandleInformation(e, HANDLE_FLAG_PROTECT_FROM_CLOSE, HANDLE_FLAG_PROTECT_FROM_CLOSE)
          && GetHandleInformation(e, &flags) && flags == (HANDLE_FLAG_INHERIT | HANDLE_FLAG_PROTECT_FROM_CLOSE),
          "the mask leaves the other flag alone");
    CheckError(!CloseHandle(e), ERROR_INVALID_HANDLE, "CloseHandle on a protected handle -> ERROR_INVALID_HANDLE");
    Check(SetEvent(e), "and the handle is still there");
    Check(SetHandleInformation(e, HANDLE_FLAG_PROTECT_FROM_CLOSE | HANDLE_FLAG_INHERIT, 0)
          && GetHandleInformation(e, &flags) && flags == 0 && CloseHandle(e), "flags cleared, then it closes");
    CheckError(!GetHandleInformation(e, &flags), ERROR_INVALID_HANDLE,
               "GetHandleInformation on a closed handle -> ERROR_INVALID_HANDLE");
    CheckError(!SetHandleInformation((HANDLE)0x1234, HANDLE_FLAG_INHERIT, 0), ERROR_INVALID_HANDLE,
               "SetHandleInformation on no handle -> ERROR_INVALID_HANDLE");
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, TRUE};
    HANDLE i = CreateEventW(&sa, TRUE, FALSE, NULL);
    Check(GetHandleInformation(i, &flags) && flags == HANDLE_FLAG_INHERIT, "bInheritHandle gives HANDLE_FLAG_INHERIT");
    HANDLE d1, d2;
    DuplicateHandle(GetCurrentProcess(), i, GetCurrentProcess(), &d1, 0, FALSE, DUPLICATE_SAME_ACCESS);
    DuplicateHandle(GetCurrentProcess(), i, GetCurrentProcess(), &d2, 0, TRUE, DUPLICATE_SAME_ACCESS);
    DWORD f1 = 9, f2 = 9;
    Check(GetHandleInformation(d1, &f1) && f1 == 0 && GetHandleInformation(d2, &f2) && f2 == HANDLE_FLAG_INHERIT,
          "DuplicateHandle's bInheritHandle decides the copy's flag");
    CloseHandle(i); CloseHandle(d1); CloseHandle(d2);
}

static void SignalAndWait(void)
{
    go = CreateEventW(NULL, FALSE, FALSE, NULL);
    done = CreateEventW(NULL, FALSE, FALSE, NULL);
    HANDLE t = CreateThread(NULL, 0, Partner, NULL, 0, NULL);
    Check(SignalObjectAndWait(go, done, INFINITE, FALSE) == WAIT_OBJECT_0, "signal an event, wait for the answer");
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);

    HANDLE never = CreateEventW(NULL, TRUE, FALSE, NULL);
    Check(SignalObjectAndWait(go, never, 10, FALSE) == WAIT_TIMEOUT && WaitForSingleObject(go, 0) == WAIT_OBJECT_0,
          "a timeout still leaves the object signalled");

    mutex = CreateMutexW(NULL, TRUE, NULL);
    HANDLE set = CreateEventW(NULL, TRUE, TRUE, NULL);
    Check(SignalObjectAndWait(mutex, set, INFINITE, FALSE) == WAIT_OBJECT_0, "signal a mutex: it is released");
    t = CreateThread(NULL, 0, TakeMutex, NULL, 0, NULL);
    DWORD code = 1;
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    Check(code == WAIT_OBJECT_0, "another thread then takes it");
    CloseHandle(t);
    Check(SignalObjectAndWait(mutex, set, INFINITE, FALSE) == WAIT_FAILED && GetLastError() == ERROR_NOT_OWNER,
          "a mutex the caller does not own -> ERROR_NOT_OWNER");

    HANDLE sem = CreateSemaphoreW(NULL, 0, 1, NULL);
    Check(SignalObjectAndWait(sem, sem, 0, FALSE) == WAIT_OBJECT_0, "a semaphore released by one, then taken");
    ReleaseSemaphore(sem, 1, NULL);
    Check(SignalObjectAndWait(sem, set, 0, FALSE) == WAIT_FAILED && GetLastError() == ERROR_TOO_MANY_POSTS,
          "a semaphore at its maximum -> ERROR_TOO_MANY_POSTS");
    Check(SignalObjectAndWait(GetCurrentThread(), set, 0, FALSE) == WAIT_FAILED
          && GetLastError() == ERROR_INVALID_HANDLE, "a thread cannot be signalled -> ERROR_INVALID_HANDLE");
    HANDLE weak = NULL;
    DuplicateHandle(GetCurrentProcess(), set, GetCurrentProcess(), &weak, SYNCHRONIZE, FALSE, 0);
    Check(SignalObjectAndWait(weak, set, 0, FALSE) == WAIT_FAILED && GetLastError() == ERROR_ACCESS_DENIED,
          "an event handle without EVENT_MODIFY_STATE -> ERROR_ACCESS_DENIED");
    CloseHandle(weak); CloseHandle(sem); CloseHandle(set); CloseHandle(mutex); CloseHandle(never);
    CloseHandle(go); CloseHandle(done);
}

static void Times(void)
{
    FILETIME c, e, k, u, now;
    GetSystemTimeAsFileTime(&now);
    Check(GetProcessTimes(GetCurrentProcess(), &c, &e, &k, &u) && U(c) != 0 && U(c) <= U(now) && U(e) == 0,
          "GetProcessTimes: created before now, not exited");
    HANDLE t = CreateThread(NULL, 0, Spin, (LPVOID)(ULONG_PTR)1000000, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    FILETIME tc, te, tk, tu;
    Check(GetThreadTimes(t, &tc, &te, &tk, &tu) && U(tc) >= U(c) && U(te) >= U(tc), "GetThreadTimes of an ended thread");
    Check(U(tu) > 0 && U(tu) % 156250 == 0, "its user time is whole clock ticks, more than none");
    Check(U(tk) == 0, "no kernel time: services take no virtual time");
    FILETIME c2, e2, k2, u2;
    GetProcessTimes(GetCurrentProcess(), &c2, &e2, &k2, &u2);
    Check(U(u2) >= U(tu) && U(c2) == U(c), "the process's user time holds the thread's");
    CloseHandle(t);
    FILETIME mc, me, mk, mu;
    Check(GetThreadTimes(GetCurrentThread(), &mc, &me, &mk, &mu) && U(me) == 0, "a running thread has no exit time");
    CheckError(!GetThreadTimes(GetCurrentProcess(), &mc, &me, &mk, &mu), ERROR_INVALID_HANDLE,
               "GetThreadTimes of a process handle -> ERROR_INVALID_HANDLE");
}

static void MemoryStatus(void)
{
    MEMORYSTATUSEX ms = {0};
    CheckError(!GlobalMemoryStatusEx(&ms), ERROR_INVALID_PARAMETER,
               "GlobalMemoryStatusEx without dwLength -> ERROR_INVALID_PARAMETER");
    ms.dwLength = sizeof(ms);
    Check(GlobalMemoryStatusEx(&ms) && ms.ullTotalPhys > 0 && ms.ullAvailPhys <= ms.ullTotalPhys
          && ms.dwMemoryLoad <= 100 && ms.ullAvailPageFile <= ms.ullTotalPageFile, "GlobalMemoryStatusEx");
    Check(ms.ullTotalVirtual == 0x7FFFFFFE0000ULL && ms.ullAvailVirtual < ms.ullTotalVirtual
          && ms.ullAvailVirtual > ms.ullTotalVirtual / 2, "the user address range, mostly free");
    SIZE_T size = 64 << 20;
    char *p = VirtualAlloc(NULL, size, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
    for (SIZE_T i = 0; p && i < (1 << 20); i += 0x1000) p[i] = 1;       /* 256 pages in use */
    MEMORYSTATUSEX after = {.dwLength = sizeof(after)};
    GlobalMemoryStatusEx(&after);
    Check(p && ms.ullAvailVirtual - after.ullAvailVirtual >= size, "a 64 MB allocation leaves that much less free");
    Check(ms.ullAvailPhys - after.ullAvailPhys >= (1 << 20), "touching 1 MB of it takes physical pages");
    VirtualFree(p, 0, MEM_RELEASE);
    MEMORYSTATUS old;
    GlobalMemoryStatus(&old);
    Check(old.dwLength == sizeof(old) && old.dwTotalPhys == ms.ullTotalPhys && old.dwTotalVirtual == ms.ullTotalVirtual,
          "GlobalMemoryStatus says the same");
}

void Entry(void)
{
    Flags();
    SignalAndWait();
    Times();
    MemoryStatus();
    ExitProcess(failures);
}
