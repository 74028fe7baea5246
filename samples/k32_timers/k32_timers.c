/* Family 6, waitable timers and APCs: synchronization and notification timers, relative and
 * absolute due times in virtual time, periods, CancelWaitableTimer, completion routines run in an
 * alertable wait of the setting thread (WAIT_IO_COMPLETION), named timers (OpenWaitableTimer,
 * ERROR_ALREADY_EXISTS), the high-resolution flag, QueueUserAPC, SetWaitableTimerEx, and the
 * documented errors. Exit code: failed checks. */
#include "../k32.h"

#ifndef CREATE_WAITABLE_TIMER_HIGH_RESOLUTION
#define CREATE_WAITABLE_TIMER_HIGH_RESOLUTION 0x00000002
#endif

static volatile LONG apc_calls;
static DWORD apc_low, apc_high;
static ULONG_PTR user_apc_data[4];
static volatile LONG user_apcs;

static void CALLBACK TimerRoutine(LPVOID arg, DWORD low, DWORD high)
{
    InterlockedIncrement(&apc_calls);
    *(volatile LONG *)arg += 1;
    apc_low = low;
    apc_high = high;
}

static void CALLBACK UserApc(ULONG_PTR data)
{
    user_apc_data[user_apcs++] = data;
}

/* ntdll's NtQueryTimer, found at run time (the sample links kernel32 only). */
typedef struct { LARGE_INTEGER RemainingTime; BOOLEAN TimerState; } TIMER_BASIC_INFORMATION_;
typedef LONG (WINAPI *NtQueryTimerFn)(HANDLE, int, PVOID, ULONG, PULONG);

static LARGE_INTEGER Relative(LONGLONG ms)
{
    LARGE_INTEGER due;
    due.QuadPart = -ms * 10000;
    return due;
}

static DWORD WINAPI Sleeper(LPVOID p)
{
    (void)p;
    return SleepEx(INFINITE, TRUE);             /* ends with WAIT_IO_COMPLETION once an APC runs */
}

void Entry(void)
{
    /* A synchronization timer: signalled once its due time passes, reset by the wait it satisfies. */
    HANDLE t = CreateWaitableTimerW(NULL, FALSE, NULL);
    Check(t != NULL, "CreateWaitableTimerW (synchronization)");
    Check(WaitForSingleObject(t, 0) == WAIT_TIMEOUT, "a new timer is not signalled");
    LARGE_INTEGER due = Relative(50);
    ULONGLONG before = GetTickCount64();
    Check(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer(-50 ms)");
    Check(WaitForSingleObject(t, 20) == WAIT_TIMEOUT, "not signalled after 20 ms");
    Check(WaitForSingleObject(t, INFINITE) == WAIT_OBJECT_0, "signalled at its due time");
    ULONGLONG waited = GetTickCount64() - before;
    Check(waited >= 46 && waited <= 70, "50 ms of virtual time passed");
    Check(WaitForSingleObject(t, 0) == WAIT_TIMEOUT, "the wait reset it (synchronization timer)");

    /* NtQueryTimer: the time left and the state. */
    NtQueryTimerFn query = (NtQueryTimerFn)(void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtQueryTimer");
    TIMER_BASIC_INFORMATION_ info;
    ULONG returned = 0;
    due = Relative(100);
    SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE);
    Sleep(40);
    LONG status = query(t, 0, &info, sizeof(info), &returned);
    Check(status == 0 && returned == sizeof(info) && !info.TimerState, "NtQueryTimer: set, not signalled");
    Check(info.RemainingTime.QuadPart > 0 && info.RemainingTime.QuadPart <= 65 * 10000,
          "about 60 ms remain of 100");
    Check(query(t, 0, &info, 8, &returned) == (LONG)0xC0000004, "a short buffer -> STATUS_INFO_LENGTH_MISMATCH");
    Check(query(t, 1, &info, sizeof(info), &returned) == (LONG)0xC0000003, "class 1 -> STATUS_INVALID_INFO_CLASS");
    CancelWaitableTimer(t);

    /* A period: it fires again and again, counted from the due time. */
    due = Relative(10);
    Check(SetWaitableTimer(t, &due, 20, NULL, NULL, FALSE), "SetWaitableTimer with a 20 ms period");
    int fired = 0;
    for (int i = 0; i < 3; i++)
        fired += WaitForSingleObject(t, 200) == WAIT_OBJECT_0;
    Check(fired == 3, "a periodic timer fires each period");
    Check(CancelWaitableTimer(t), "CancelWaitableTimer");
    Check(WaitForSingleObject(t, 60) == WAIT_TIMEOUT, "a cancelled timer does not fire");
    CloseHandle(t);

    /* A notification (manual-reset) timer stays signalled and releases every wait. */
    t = CreateWaitableTimerExW(NULL, NULL, CREATE_WAITABLE_TIMER_MANUAL_RESET, TIMER_ALL_ACCESS);
    Check(t != NULL, "CreateWaitableTimerExW(MANUAL_RESET)");
    due = Relative(5);
    SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE);
    Check(WaitForSingleObject(t, 100) == WAIT_OBJECT_0, "a notification timer fires");
    Check(WaitForSingleObject(t, 0) == WAIT_OBJECT_0, "and stays signalled");
    due = Relative(30);
    SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE);
    Check(WaitForSingleObject(t, 0) == WAIT_TIMEOUT, "setting it again resets it");
    /* An absolute due time: a system time 30 ms from now. */
    FILETIME now;
    GetSystemTimeAsFileTime(&now);
    due.LowPart = now.dwLowDateTime;
    due.HighPart = (LONG)now.dwHighDateTime;
    due.QuadPart += 30 * 10000;
    Check(SetWaitableTimer(t, &due, 0, NULL, NULL, FALSE), "SetWaitableTimer with an absolute time");
    Check(WaitForSingleObject(t, 10) == WAIT_TIMEOUT, "not yet 10 ms later");
    Check(WaitForSingleObject(t, 100) == WAIT_OBJECT_0, "signalled at that system time");
    CloseHandle(t);

    /* A completion routine: queued to this thread at expiry, run in its alertable wait. */
    t = CreateWaitableTimerA(NULL, FALSE, NULL);
    volatile LONG count = 0;
    due = Relative(10);
    Check(SetWaitableTimer(t, &due, 0, TimerRoutine, (LPVOID)&count, FALSE), "SetWaitableTimer with a routine");
    Check(WaitForSingleObject(t, 100) == WAIT_OBJECT_0, "the timer itself is signalled too");
    Check(apc_calls == 0, "the routine waits for an alertable wait");
    Check(SleepEx(0, TRUE) == WAIT_IO_COMPLETION, "SleepEx(0, TRUE) runs it: WAIT_IO_COMPLETION");
    Check(apc_calls == 1 && count == 1, "the routine ran once, with its argument");
    ULONGLONG stamp = ((ULONGLONG)apc_high << 32) | apc_low;
    GetSystemTimeAsFileTime(&now);
    ULONGLONG nowq = ((ULONGLONG)now.dwHighDateTime << 32) | now.dwLowDateTime;
    Check(stamp <= nowq && nowq - stamp < 100 * 10000ull, "its arguments are the expiry's FILETIME");
    Check(SleepEx(0, TRUE) == 0, "nothing more queued");
    due = Relative(20);
    SetWaitableTimer(t, &due, 0, TimerRoutine, (LPVOID)&count, FALSE);
    before = GetTickCount64();
    Check(SleepEx(1000, TRUE) == WAIT_IO_COMPLETION, "an alertable sleep ends when the routine runs");
    waited = GetTickCount64() - before;
    Check(count == 2 && waited >= 15 && waited < 100, "after 20 ms, not the whole second");
    due = Relative(10);
    SetWaitableTimer(t, &due, 10, TimerRoutine, (LPVOID)&count, FALSE);
    while (count < 5)
        SleepEx(INFINITE, TRUE);
    Check(count == 5, "a periodic routine runs each period");
    CancelWaitableTimer(t);
    CloseHandle(t);

    /* QueueUserAPC: first in, first out, all of them in one alertable wait. */
    QueueUserAPC(UserApc, GetCurrentThread(), 11);
    QueueUserAPC(UserApc, GetCurrentThread(), 22);
    QueueUserAPC(UserApc, GetCurrentThread(), 33);
    Check(WaitForSingleObjectEx(GetCurrentProcess(), 0, FALSE) == WAIT_TIMEOUT && user_apcs == 0,
          "a wait that is not alertable leaves them queued");
    Check(WaitForSingleObjectEx(GetCurrentProcess(), INFINITE, TRUE) == WAIT_IO_COMPLETION,
          "an alertable wait runs them: WAIT_IO_COMPLETION");
    Check(user_apcs == 3 && user_apc_data[0] == 11 && user_apc_data[1] == 22 && user_apc_data[2] == 33,
          "three APCs, in the order queued");
    HANDLE th = CreateThread(NULL, 0, Sleeper, NULL, 0, NULL);
    Sleep(20);
    Check(QueueUserAPC(UserApc, th, 44) != 0, "QueueUserAPC to a thread in an alertable sleep");
    DWORD code = 0;
    WaitForSingleObject(th, INFINITE);
    GetExitCodeThread(th, &code);
    Check(code == WAIT_IO_COMPLETION && user_apcs == 4 && user_apc_data[3] == 44, "it ran there and woke it");
    CheckError(QueueUserAPC(UserApc, th, 55) == 0, ERROR_GEN_FAILURE, "an ended thread -> ERROR_GEN_FAILURE");
    CloseHandle(th);

    /* Names: a second create opens the same timer; Open* finds it. */
    HANDLE a = CreateWaitableTimerW(NULL, TRUE, L"k32_timers_named");
    Check(a != NULL && GetLastError() == 0, "a named timer");
    HANDLE b = CreateWaitableTimerW(NULL, TRUE, L"k32_timers_named");
    Check(b != NULL && GetLastError() == ERROR_ALREADY_EXISTS, "the same name -> ERROR_ALREADY_EXISTS");
    HANDLE c = OpenWaitableTimerA(TIMER_ALL_ACCESS, FALSE, "k32_timers_named");
    Check(c != NULL, "OpenWaitableTimerA finds it");
    due = Relative(5);
    SetWaitableTimer(a, &due, 0, NULL, NULL, FALSE);
    Check(WaitForSingleObject(c, 100) == WAIT_OBJECT_0, "set through one handle, signalled through another");
    CloseHandle(a);
    CloseHandle(b);
    CloseHandle(c);
    CheckError(OpenWaitableTimerW(TIMER_ALL_ACCESS, FALSE, L"k32_timers_named") == NULL, ERROR_FILE_NOT_FOUND,
               "gone with its last handle -> ERROR_FILE_NOT_FOUND");
    CheckError(OpenWaitableTimerW(TIMER_ALL_ACCESS, FALSE, NULL) == NULL, ERROR_INVALID_PARAMETER,
               "OpenWaitableTimer without a name -> ERROR_INVALID_PARAMETER");

    /* The high-resolution flag, SetWaitableTimerEx, and the errors. */
    t = CreateWaitableTimerExW(NULL, NULL, CREATE_WAITABLE_TIMER_HIGH_RESOLUTION, TIMER_ALL_ACCESS);
    Check(t != NULL, "CreateWaitableTimerExW(HIGH_RESOLUTION)");
    due = Relative(2);
    Check(SetWaitableTimerEx(t, &due, 0, NULL, NULL, NULL, 0), "SetWaitableTimerEx");
    Check(WaitForSingleObject(t, 100) == WAIT_OBJECT_0, "a high-resolution timer fires");
    due = Relative(1000);
    SetLastError(0);
    Check(SetWaitableTimer(t, &due, 0, NULL, NULL, TRUE) && GetLastError() == ERROR_NOT_SUPPORTED,
          "fResume on a machine that cannot wake -> TRUE, ERROR_NOT_SUPPORTED");
    CheckError(!SetWaitableTimer(t, &due, -1, NULL, NULL, FALSE), ERROR_INVALID_PARAMETER,
               "a negative period -> ERROR_INVALID_PARAMETER");
    CloseHandle(t);
    CheckError(CreateWaitableTimerExW(NULL, NULL, 4, TIMER_ALL_ACCESS) == NULL, ERROR_INVALID_PARAMETER,
               "an unknown flag -> ERROR_INVALID_PARAMETER");
    CheckError(!CancelWaitableTimer(GetCurrentProcess()), ERROR_INVALID_HANDLE,
               "CancelWaitableTimer on a process -> ERROR_INVALID_HANDLE");
    HANDLE e = CreateEventW(NULL, FALSE, FALSE, NULL);
    CheckError(!SetWaitableTimer(e, &due, 0, NULL, NULL, FALSE), ERROR_INVALID_HANDLE,
               "SetWaitableTimer on an event -> ERROR_INVALID_HANDLE");
    CloseHandle(e);
    ExitProcess(failures);
}
