/* Families 4 and 6 (handles and waits): GetHandleInformation/SetHandleInformation over
 * NtQueryObject/NtSetInformationObject(ObjectHandleFlagInformation) (HANDLE_FLAG_INHERIT,
 * HANDLE_FLAG_PROTECT_FROM_CLOSE: CloseHandle then fails with ERROR_INVALID_HANDLE, there being no
 * debugger to raise to), SignalObjectAndWait over NtSignalAndWaitForSingleObject, and
 * GetProcessTimes/GetThreadTimes over the ProcessTimes/ThreadTimes information classes. */
#include "kernelbase.h"

#define ObjectHandleFlagInformation 4
#define ProcessTimes 4
#define ThreadTimes 1
#define STATUS_ALERTED_ ((NTSTATUS)0x00000101)

typedef struct { BOOLEAN Inherit, ProtectFromClose; } OBJECT_HANDLE_FLAG_INFORMATION;
typedef struct { LARGE_INTEGER CreateTime, ExitTime, KernelTime, UserTime; } KERNEL_USER_TIMES;

NTDLL NTSTATUS NTAPI NtQueryObject(HANDLE, ULONG, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtSetInformationObject(HANDLE, ULONG, PVOID, ULONG);
NTDLL NTSTATUS NTAPI NtSignalAndWaitForSingleObject(HANDLE, HANDLE, BOOLEAN, LARGE_INTEGER *);

KBAPI BOOL WINAPI GetHandleInformation(HANDLE h, LPDWORD flags)
{
    OBJECT_HANDLE_FLAG_INFORMATION info;
    NTSTATUS status = NtQueryObject(h, ObjectHandleFlagInformation, &info, sizeof(info), NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    *flags = (info.Inherit ? HANDLE_FLAG_INHERIT : 0) | (info.ProtectFromClose ? HANDLE_FLAG_PROTECT_FROM_CLOSE : 0);
    return TRUE;
}

KBAPI BOOL WINAPI SetHandleInformation(HANDLE h, DWORD mask, DWORD flags)
{
    OBJECT_HANDLE_FLAG_INFORMATION info;
    NTSTATUS status = NtQueryObject(h, ObjectHandleFlagInformation, &info, sizeof(info), NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    if (mask & HANDLE_FLAG_INHERIT)
        info.Inherit = (flags & HANDLE_FLAG_INHERIT) != 0;
    if (mask & HANDLE_FLAG_PROTECT_FROM_CLOSE)
        info.ProtectFromClose = (flags & HANDLE_FLAG_PROTECT_FROM_CLOSE) != 0;
    status = NtSetInformationObject(h, ObjectHandleFlagInformation, &info, sizeof(info));
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI DWORD WINAPI SignalObjectAndWait(HANDLE signal, HANDLE wait, DWORD ms, BOOL alertable)
{
    LARGE_INTEGER t;
    NTSTATUS status;
    do {
        status = NtSignalAndWaitForSingleObject(signal, wait, (BOOLEAN)alertable, BaseFormatTimeOut(&t, ms));
    } while (alertable && status == STATUS_ALERTED_);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return WAIT_FAILED;
    }
    return (DWORD)status;
}

static void Ft(LARGE_INTEGER t, LPFILETIME out)
{
    out->dwLowDateTime = t.LowPart;
    out->dwHighDateTime = (DWORD)t.HighPart;
}

static BOOL Times(NTSTATUS status, const KERNEL_USER_TIMES *k, LPFILETIME creation, LPFILETIME exit_time,
                  LPFILETIME kernel, LPFILETIME user)
{
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    Ft(k->CreateTime, creation);
    Ft(k->ExitTime, exit_time);
    Ft(k->KernelTime, kernel);
    Ft(k->UserTime, user);
    return TRUE;
}

KBAPI BOOL WINAPI GetProcessTimes(HANDLE process, LPFILETIME creation, LPFILETIME exit_time, LPFILETIME kernel,
                                  LPFILETIME user)
{
    KERNEL_USER_TIMES k;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessTimes, &k, sizeof(k), NULL);
    return Times(status, &k, creation, exit_time, kernel, user);
}

KBAPI BOOL WINAPI GetThreadTimes(HANDLE thread, LPFILETIME creation, LPFILETIME exit_time, LPFILETIME kernel,
                                 LPFILETIME user)
{
    KERNEL_USER_TIMES k;
    NTSTATUS status = NtQueryInformationThread(thread, ThreadTimes, &k, sizeof(k), NULL);
    return Times(status, &k, creation, exit_time, kernel, user);
}
