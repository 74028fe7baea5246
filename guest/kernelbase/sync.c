/* Family 6 (synchronisation): events, mutexes and semaphores (a name goes to the executive in
 * the session's BaseNamedObjects, named.c; ERROR_ALREADY_EXISTS when it was there), the waits,
 * InitOnce and condition-variable sleeps (WaitOnAddress is in waitaddr.c). */
#include "kernelbase.h"
#include "named.h"

#define NotificationEvent 0
#define SynchronizationEvent 1
#define STATUS_OBJECT_NAME_EXISTS ((NTSTATUS)0x40000000)
#define STATUS_ABANDONED_WAIT_0_ ((NTSTATUS)0x00000080)
#define STATUS_ALERTED_ ((NTSTATUS)0x00000101)

/* CreateX's epilogue: the last error is ERROR_ALREADY_EXISTS or 0 on success. */
static HANDLE Created(NTSTATUS status, HANDLE *out)
{
    HANDLE h = *out;
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    SetLastError(status == STATUS_OBJECT_NAME_EXISTS ? ERROR_ALREADY_EXISTS : NO_ERROR);
    return h;
}

#define CREATE_PROLOGUE() \
    BASE_NAMED n; HANDLE h = NULL; \
    OBJECT_ATTRIBUTES *oa = BaseFormatObjectAttributes(&n, sa, name, OBJ_OPENIF); \
    if (!oa) return NULL;

/* CreateXEx's flags: anything beyond the documented ones is ERROR_INVALID_PARAMETER. */
#define CHECK_FLAGS(flags, valid) \
    if ((flags) & ~(DWORD)(valid)) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }

KBAPI HANDLE WINAPI CreateEventExW(LPSECURITY_ATTRIBUTES sa, LPCWSTR name, DWORD flags, DWORD access)
{
    CHECK_FLAGS(flags, CREATE_EVENT_MANUAL_RESET | CREATE_EVENT_INITIAL_SET);
    CREATE_PROLOGUE();
    return Created(NtCreateEvent(&h, access, oa, (flags & CREATE_EVENT_MANUAL_RESET) ? NotificationEvent
                                 : SynchronizationEvent, (flags & CREATE_EVENT_INITIAL_SET) != 0), &h);
}

KBAPI HANDLE WINAPI CreateEventW(LPSECURITY_ATTRIBUTES sa, BOOL manual, BOOL initial, LPCWSTR name)
{
    return CreateEventExW(sa, name, (manual ? CREATE_EVENT_MANUAL_RESET : 0) | (initial ? CREATE_EVENT_INITIAL_SET : 0),
                          EVENT_ALL_ACCESS);
}

KBAPI HANDLE WINAPI CreateEventA(LPSECURITY_ATTRIBUTES sa, BOOL manual, BOOL initial, LPCSTR name)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    return BaseWideObjectName(name, buffer, &wide) ? CreateEventW(sa, manual, initial, wide) : NULL;
}

KBAPI HANDLE WINAPI CreateEventExA(LPSECURITY_ATTRIBUTES sa, LPCSTR name, DWORD flags, DWORD access)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    return BaseWideObjectName(name, buffer, &wide) ? CreateEventExW(sa, wide, flags, access) : NULL;
}

KBAPI BOOL WINAPI SetEvent(HANDLE h)
{
    NTSTATUS status = NtSetEvent(h, NULL);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI ResetEvent(HANDLE h)
{
    NTSTATUS status = NtResetEvent(h, NULL);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI PulseEvent(HANDLE h)
{
    NTSTATUS status = NtPulseEvent(h, NULL);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI HANDLE WINAPI CreateMutexExW(LPSECURITY_ATTRIBUTES sa, LPCWSTR name, DWORD flags, DWORD access)
{
    CHECK_FLAGS(flags, CREATE_MUTEX_INITIAL_OWNER);
    CREATE_PROLOGUE();
    return Created(NtCreateMutant(&h, access, oa, (flags & CREATE_MUTEX_INITIAL_OWNER) != 0), &h);
}

KBAPI HANDLE WINAPI CreateMutexW(LPSECURITY_ATTRIBUTES sa, BOOL owner, LPCWSTR name)
{
    return CreateMutexExW(sa, name, owner ? CREATE_MUTEX_INITIAL_OWNER : 0, MUTEX_ALL_ACCESS);
}

KBAPI HANDLE WINAPI CreateMutexA(LPSECURITY_ATTRIBUTES sa, BOOL owner, LPCSTR name)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    return BaseWideObjectName(name, buffer, &wide) ? CreateMutexW(sa, owner, wide) : NULL;
}

KBAPI BOOL WINAPI ReleaseMutex(HANDLE h)
{
    NTSTATUS status = NtReleaseMutant(h, NULL);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI HANDLE WINAPI CreateSemaphoreExW(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG maximum, LPCWSTR name,
                                       DWORD flags, DWORD access)
{
    CHECK_FLAGS(flags, 0);
    CREATE_PROLOGUE();
    return Created(NtCreateSemaphore(&h, access, oa, initial, maximum), &h);
}

KBAPI HANDLE WINAPI CreateSemaphoreW(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG maximum, LPCWSTR name)
{
    return CreateSemaphoreExW(sa, initial, maximum, name, 0, SEMAPHORE_ALL_ACCESS);
}

KBAPI HANDLE WINAPI CreateSemaphoreA(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG maximum, LPCSTR name)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    return BaseWideObjectName(name, buffer, &wide) ? CreateSemaphoreW(sa, initial, maximum, wide) : NULL;
}

KBAPI BOOL WINAPI ReleaseSemaphore(HANDLE h, LONG count, LPLONG previous)
{
    NTSTATUS status = NtReleaseSemaphore(h, count, previous);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

/* An NT wait's status as a Win32 wait result. */
static DWORD WaitResult(NTSTATUS status)
{
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return WAIT_FAILED;
    }
    return (DWORD)status;                       /* WAIT_OBJECT_0+n, WAIT_ABANDONED+n, WAIT_TIMEOUT, WAIT_IO_COMPLETION */
}

KBAPI DWORD WINAPI WaitForSingleObjectEx(HANDLE h, DWORD ms, BOOL alertable)
{
    LARGE_INTEGER t;
    NTSTATUS status;
    do {
        status = NtWaitForSingleObject(h, (BOOLEAN)alertable, BaseFormatTimeOut(&t, ms));
    } while (alertable && status == STATUS_ALERTED_);
    return WaitResult(status);
}

KBAPI DWORD WINAPI WaitForSingleObject(HANDLE h, DWORD ms)
{
    return WaitForSingleObjectEx(h, ms, FALSE);
}

KBAPI DWORD WINAPI WaitForMultipleObjectsEx(DWORD count, const HANDLE *handles, BOOL all, DWORD ms, BOOL alertable)
{
    if (count == 0 || count > MAXIMUM_WAIT_OBJECTS) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    HANDLE copy[MAXIMUM_WAIT_OBJECTS];
    memcpy(copy, handles, count * sizeof(HANDLE));
    LARGE_INTEGER t;
    NTSTATUS status;
    do {
        status = NtWaitForMultipleObjects(count, copy, all ? 0 /* WaitAll */ : 1 /* WaitAny */, (BOOLEAN)alertable,
                                          BaseFormatTimeOut(&t, ms));
    } while (alertable && status == STATUS_ALERTED_);
    return WaitResult(status);
}

KBAPI DWORD WINAPI WaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL all, DWORD ms)
{
    return WaitForMultipleObjectsEx(count, handles, all, ms, FALSE);
}

/* One-time initialisation over ntdll's RtlRunOnce*. */
KBAPI BOOL WINAPI InitOnceExecuteOnce(PINIT_ONCE once, PINIT_ONCE_FN fn, PVOID param, LPVOID *context)
{
    NTSTATUS status = RtlRunOnceExecuteOnce(once, fn, param, context);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI InitOnceBeginInitialize(LPINIT_ONCE once, DWORD flags, PBOOL pending, LPVOID *context)
{
    NTSTATUS status = RtlRunOnceBeginInitialize(once, flags, context);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    *pending = status == STATUS_PENDING_;
    return TRUE;
}

KBAPI BOOL WINAPI InitOnceComplete(LPINIT_ONCE once, DWORD flags, LPVOID context)
{
    NTSTATUS status = RtlRunOnceComplete(once, flags, context);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI SleepConditionVariableCS(PCONDITION_VARIABLE cv, PCRITICAL_SECTION cs, DWORD ms)
{
    LARGE_INTEGER t;
    NTSTATUS status = RtlSleepConditionVariableCS(cv, cs, BaseFormatTimeOut(&t, ms));
    if (status == STATUS_TIMEOUT_) {
        SetLastError(ERROR_TIMEOUT);
        return FALSE;
    }
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI SleepConditionVariableSRW(PCONDITION_VARIABLE cv, PSRWLOCK lock, DWORD ms, ULONG flags)
{
    LARGE_INTEGER t;
    NTSTATUS status = RtlSleepConditionVariableSRW(cv, lock, BaseFormatTimeOut(&t, ms), flags);
    if (status == STATUS_TIMEOUT_) {
        SetLastError(ERROR_TIMEOUT);
        return FALSE;
    }
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI InitializeCriticalSectionAndSpinCount(LPCRITICAL_SECTION cs, DWORD spin)
{
    RtlInitializeCriticalSectionEx(cs, spin, 0);
    return TRUE;
}

KBAPI BOOL WINAPI InitializeCriticalSectionEx(LPCRITICAL_SECTION cs, DWORD spin, DWORD flags)
{
    if (flags & ~0xFF000000u) {                 /* only the RTL_CRITICAL_SECTION_FLAG_* bits */
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    RtlInitializeCriticalSectionEx(cs, spin, flags);
    return TRUE;
}


KBAPI HANDLE WINAPI CreateMutexExA(LPSECURITY_ATTRIBUTES sa, LPCSTR name, DWORD flags, DWORD access)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    return BaseWideObjectName(name, buffer, &wide) ? CreateMutexExW(sa, wide, flags, access) : NULL;
}

KBAPI HANDLE WINAPI CreateSemaphoreExA(LPSECURITY_ATTRIBUTES sa, LONG initial, LONG maximum, LPCSTR name,
                                       DWORD flags, DWORD access)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    return BaseWideObjectName(name, buffer, &wide) ? CreateSemaphoreExW(sa, initial, maximum, wide, flags, access)
                                                   : NULL;
}
