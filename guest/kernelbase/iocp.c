/* Family 4 (files), I/O completion ports: CreateIoCompletionPort (a new port, and a file's
 * association with one through FileCompletionInformation), GetQueuedCompletionStatus(Ex) and
 * PostQueuedCompletionStatus over NtCreateIoCompletion, NtRemoveIoCompletion(Ex) and
 * NtSetIoCompletion. An OVERLAPPED_ENTRY is a FILE_IO_COMPLETION_INFORMATION, field for field. */
#include "kernelbase.h"

#define FileCompletionInformation 30
#define IO_COMPLETION_ALL_ACCESS_ 0x001F0003
#define STATUS_USER_APC_ ((NTSTATUS)0x000000C0)

NTDLL NTSTATUS NTAPI NtCreateIoCompletion(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG);
NTDLL NTSTATUS NTAPI NtSetIoCompletion(HANDLE, ULONG_PTR, ULONG_PTR, NTSTATUS, ULONG_PTR);
NTDLL NTSTATUS NTAPI NtRemoveIoCompletion(HANDLE, ULONG_PTR *, ULONG_PTR *, IO_STATUS_BLOCK *, LARGE_INTEGER *);
NTDLL NTSTATUS NTAPI NtRemoveIoCompletionEx(HANDLE, OVERLAPPED_ENTRY *, ULONG, ULONG *, LARGE_INTEGER *, BOOLEAN);

KBAPI HANDLE WINAPI CreateIoCompletionPort(HANDLE file, HANDLE existing, ULONG_PTR key, DWORD threads)
{
    HANDLE port = existing;
    NTSTATUS status;
    if (file == INVALID_HANDLE_VALUE && existing != NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (existing == NULL) {
        status = NtCreateIoCompletion(&port, IO_COMPLETION_ALL_ACCESS_, NULL, threads);
        if (!NT_SUCCESS(status)) {
            BaseSetLastNTError(status);
            return NULL;
        }
    }
    if (file != INVALID_HANDLE_VALUE) {
        struct { HANDLE port; ULONG_PTR key; } info = {port, key};
        IO_STATUS_BLOCK iosb;
        status = NtSetInformationFile(file, &iosb, &info, sizeof(info), FileCompletionInformation);
        if (!NT_SUCCESS(status)) {
            if (existing == NULL)
                NtClose(port);
            BaseSetLastNTError(status);
            return NULL;
        }
    }
    return port;
}

KBAPI BOOL WINAPI GetQueuedCompletionStatus(HANDLE port, LPDWORD bytes, PULONG_PTR key, LPOVERLAPPED *overlapped,
                                            DWORD ms)
{
    LARGE_INTEGER t;
    IO_STATUS_BLOCK iosb;
    ULONG_PTR context = 0;
    NTSTATUS status = NtRemoveIoCompletion(port, key, &context, &iosb, BaseFormatTimeOut(&t, ms));
    if (!NT_SUCCESS(status) || status == STATUS_TIMEOUT_) {
        *overlapped = NULL;
        if (status == STATUS_TIMEOUT_)
            SetLastError(WAIT_TIMEOUT);
        else
            BaseSetLastNTError(status);
        return FALSE;
    }
    *overlapped = (LPOVERLAPPED)context;
    *bytes = (DWORD)iosb.Information;
    if (!NT_SUCCESS(iosb.Status))
        return BaseFail(iosb.Status);   /* a packet of a transfer that failed */
    return TRUE;
}

KBAPI BOOL WINAPI GetQueuedCompletionStatusEx(HANDLE port, LPOVERLAPPED_ENTRY entries, ULONG count, PULONG removed,
                                              DWORD ms, BOOL alertable)
{
    LARGE_INTEGER t;
    NTSTATUS status = NtRemoveIoCompletionEx(port, entries, count, removed, BaseFormatTimeOut(&t, ms),
                                             (BOOLEAN)alertable);
    if (NT_SUCCESS(status) && status != STATUS_TIMEOUT_ && status != STATUS_USER_APC_)
        return TRUE;
    *removed = 0;
    if (status == STATUS_TIMEOUT_)
        SetLastError(WAIT_TIMEOUT);
    else if (status == STATUS_USER_APC_)
        SetLastError(WAIT_IO_COMPLETION);
    else
        BaseSetLastNTError(status);
    return FALSE;
}

KBAPI BOOL WINAPI PostQueuedCompletionStatus(HANDLE port, DWORD bytes, ULONG_PTR key, LPOVERLAPPED overlapped)
{
    NTSTATUS status = NtSetIoCompletion(port, key, (ULONG_PTR)overlapped, STATUS_SUCCESS, bytes);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

/* FileIoCompletionNotificationInformation: FILE_SKIP_COMPLETION_PORT_ON_SUCCESS (no packet for a
 * request that succeeds at once), FILE_SKIP_SET_EVENT_ON_HANDLE (the handle is not signalled). */
#define FileIoCompletionNotificationInformation 41

KBAPI BOOL WINAPI SetFileCompletionNotificationModes(HANDLE file, UCHAR flags)
{
    ULONG info = flags;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtSetInformationFile(file, &iosb, &info, sizeof(info), FileIoCompletionNotificationInformation);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return FALSE;
    }
    return TRUE;
}
