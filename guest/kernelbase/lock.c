/* Byte-range locks: LockFile/UnlockFile and LockFileEx/UnlockFileEx over NtLockFile and
 * NtUnlockFile. LockFile fails at once on a conflict and locks exclusively; LockFileEx takes
 * LOCKFILE_FAIL_IMMEDIATELY and LOCKFILE_EXCLUSIVE_LOCK (shared otherwise) and the OVERLAPPED's
 * offset and event: on a synchronous handle a waiting request is waited for, on an asynchronous
 * one it gives ERROR_IO_PENDING and completes through the OVERLAPPED. A conflict is
 * ERROR_LOCK_VIOLATION, unlocking a range not locked ERROR_NOT_LOCKED, a non-zero reserved
 * argument ERROR_INVALID_PARAMETER. */
#include "kernelbase.h"

NTDLL NTSTATUS NTAPI NtLockFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, LARGE_INTEGER *, LARGE_INTEGER *,
                                ULONG, BOOLEAN, BOOLEAN);
NTDLL NTSTATUS NTAPI NtUnlockFile(HANDLE, IO_STATUS_BLOCK *, LARGE_INTEGER *, LARGE_INTEGER *, ULONG);

static NTSTATUS Lock(HANDLE h, HANDLE event, PVOID context, IO_STATUS_BLOCK *iosb, ULONG64 at, ULONG64 n,
                     BOOLEAN fail_now, BOOLEAN exclusive)
{
    LARGE_INTEGER offset = {.QuadPart = (LONGLONG)at}, length = {.QuadPart = (LONGLONG)n};
    /* A synchronous handle's request waits in the executive and returns its final status. */
    return NtLockFile(h, event, NULL, context, iosb, &offset, &length, 0, fail_now, exclusive);
}

KBAPI BOOL WINAPI LockFile(HANDLE h, DWORD offset_low, DWORD offset_high, DWORD length_low, DWORD length_high)
{
    IO_STATUS_BLOCK iosb = {{0}, 0};
    NTSTATUS status = Lock(h, NULL, NULL, &iosb, ((ULONG64)offset_high << 32) | offset_low,
                           ((ULONG64)length_high << 32) | length_low, TRUE, TRUE);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI LockFileEx(HANDLE h, DWORD flags, DWORD reserved, DWORD length_low, DWORD length_high,
                             LPOVERLAPPED ov)
{
    if (reserved || !ov) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    ov->Internal = STATUS_PENDING_;
    NTSTATUS status = Lock(h, ov->hEvent, ov, (IO_STATUS_BLOCK *)&ov->Internal,
                           ((ULONG64)ov->OffsetHigh << 32) | ov->Offset, ((ULONG64)length_high << 32) | length_low,
                           (flags & LOCKFILE_FAIL_IMMEDIATELY) != 0, (flags & LOCKFILE_EXCLUSIVE_LOCK) != 0);
    if (status == STATUS_PENDING_ || !NT_SUCCESS(status))
        return BaseFail(status);                /* STATUS_PENDING gives ERROR_IO_PENDING */
    return TRUE;
}

KBAPI BOOL WINAPI UnlockFile(HANDLE h, DWORD offset_low, DWORD offset_high, DWORD length_low, DWORD length_high)
{
    IO_STATUS_BLOCK iosb;
    LARGE_INTEGER offset = {.QuadPart = (LONGLONG)(((ULONG64)offset_high << 32) | offset_low)};
    LARGE_INTEGER length = {.QuadPart = (LONGLONG)(((ULONG64)length_high << 32) | length_low)};
    NTSTATUS status = NtUnlockFile(h, &iosb, &offset, &length, 0);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI UnlockFileEx(HANDLE h, DWORD reserved, DWORD length_low, DWORD length_high, LPOVERLAPPED ov)
{
    if (reserved || !ov) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return UnlockFile(h, ov->Offset, ov->OffsetHigh, length_low, length_high);
}
