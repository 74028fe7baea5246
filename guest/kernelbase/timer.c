/* Family 6 (synchronisation), waitable timers: CreateWaitableTimer(Ex)A/W, OpenWaitableTimerA/W,
 * SetWaitableTimer(Ex), CancelWaitableTimer over the executive's timer objects (NtCreateTimer ...).
 * A name lives in the session's BaseNamedObjects as every named object's (named.c; ERROR_ALREADY_EXISTS
 * when it was there);
 * a completion routine is the timer's APC, run by the setting thread in an alertable wait. */
#include "kernelbase.h"
#include "named.h"

#define NotificationTimer 0
#define SynchronizationTimer 1
#define TimerSetCoalescableTimer 0
#define STATUS_OBJECT_NAME_EXISTS_ ((NTSTATUS)0x40000000)
#define STATUS_TIMER_RESUME_IGNORED_ ((NTSTATUS)0x40000025)
#ifndef CREATE_WAITABLE_TIMER_HIGH_RESOLUTION
#define CREATE_WAITABLE_TIMER_HIGH_RESOLUTION 0x00000002
#endif

typedef VOID (NTAPI *PTIMER_APC_ROUTINE_)(PVOID, ULONG, LONG);
typedef struct {
    LARGE_INTEGER DueTime; PTIMER_APC_ROUTINE_ TimerApcRoutine; PVOID TimerContext;
    PVOID WakeContext; ULONG Period; ULONG TolerableDelay; BOOLEAN *PreviousState;
} TIMER_SET_COALESCABLE_TIMER_INFO_;

NTDLL NTSTATUS NTAPI NtCreateTimer(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG);
NTDLL NTSTATUS NTAPI NtOpenTimer(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTDLL NTSTATUS NTAPI NtSetTimer(HANDLE, LARGE_INTEGER *, PTIMER_APC_ROUTINE_, PVOID, BOOLEAN, LONG, BOOLEAN *);
NTDLL NTSTATUS NTAPI NtSetTimerEx(HANDLE, ULONG, PVOID, ULONG);
NTDLL NTSTATUS NTAPI NtCancelTimer(HANDLE, BOOLEAN *);

KBAPI HANDLE WINAPI CreateWaitableTimerExW(LPSECURITY_ATTRIBUTES sa, LPCWSTR name, DWORD flags, DWORD access)
{
    BASE_NAMED n;
    HANDLE h = NULL;
    if (flags & ~(CREATE_WAITABLE_TIMER_MANUAL_RESET | CREATE_WAITABLE_TIMER_HIGH_RESOLUTION)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    OBJECT_ATTRIBUTES *oa = BaseFormatObjectAttributes(&n, sa, name, OBJ_OPENIF);
    if (!oa)
        return NULL;
    /* A high-resolution timer expires at its due time as any other here: the virtual clock has one
     * resolution for all of them. */
    NTSTATUS status = NtCreateTimer(&h, access, oa, (flags & CREATE_WAITABLE_TIMER_MANUAL_RESET)
                                    ? NotificationTimer : SynchronizationTimer);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    SetLastError(status == STATUS_OBJECT_NAME_EXISTS_ ? ERROR_ALREADY_EXISTS : NO_ERROR);
    return h;
}

KBAPI HANDLE WINAPI CreateWaitableTimerW(LPSECURITY_ATTRIBUTES sa, BOOL manual, LPCWSTR name)
{
    return CreateWaitableTimerExW(sa, name, manual ? CREATE_WAITABLE_TIMER_MANUAL_RESET : 0, TIMER_ALL_ACCESS);
}

KBAPI HANDLE WINAPI CreateWaitableTimerExA(LPSECURITY_ATTRIBUTES sa, LPCSTR name, DWORD flags, DWORD access)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    return BaseWideObjectName(name, buffer, &wide) ? CreateWaitableTimerExW(sa, wide, flags, access) : NULL;
}

KBAPI HANDLE WINAPI CreateWaitableTimerA(LPSECURITY_ATTRIBUTES sa, BOOL manual, LPCSTR name)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    return BaseWideObjectName(name, buffer, &wide) ? CreateWaitableTimerW(sa, manual, wide) : NULL;
}

KBAPI HANDLE WINAPI OpenWaitableTimerW(DWORD access, BOOL inherit, LPCWSTR name)
{
    return BaseOpenNamedObject(NtOpenTimer, access, inherit, name);
}

KBAPI HANDLE WINAPI OpenWaitableTimerA(DWORD access, BOOL inherit, LPCSTR name)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    return BaseWideObjectName(name, buffer, &wide) ? BaseOpenNamedObject(NtOpenTimer, access, inherit, wide) : NULL;
}

/* SetWaitableTimer's result: TRUE for any success, with ERROR_NOT_SUPPORTED when the machine
 * cannot resume from suspend for it (the timer is set all the same). */
static BOOL TimerSet(NTSTATUS status)
{
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    SetLastError(status == STATUS_TIMER_RESUME_IGNORED_ ? ERROR_NOT_SUPPORTED : NO_ERROR);
    return TRUE;
}

KBAPI BOOL WINAPI SetWaitableTimer(HANDLE h, const LARGE_INTEGER *due, LONG period, PTIMERAPCROUTINE routine,
                                   LPVOID argument, BOOL resume)
{
    LARGE_INTEGER copy = *due;
    return TimerSet(NtSetTimer(h, &copy, (PTIMER_APC_ROUTINE_)routine, argument, (BOOLEAN)resume, period, NULL));
}

KBAPI BOOL WINAPI SetWaitableTimerEx(HANDLE h, const LARGE_INTEGER *due, LONG period, PTIMERAPCROUTINE routine,
                                     LPVOID argument, PREASON_CONTEXT wake_context, ULONG tolerable_delay)
{
    TIMER_SET_COALESCABLE_TIMER_INFO_ info = {*due, (PTIMER_APC_ROUTINE_)routine, argument, wake_context,
                                              (ULONG)period, tolerable_delay, NULL};
    return TimerSet(NtSetTimerEx(h, TimerSetCoalescableTimer, &info, sizeof(info)));
}

KBAPI BOOL WINAPI CancelWaitableTimer(HANDLE h)
{
    NTSTATUS status = NtCancelTimer(h, NULL);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}
