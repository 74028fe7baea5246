/* Family 4 (files), cancelling I/O: CancelIo (this thread's requests on the handle) and CancelIoEx
 * (any thread's, or the one an OVERLAPPED names) over NtCancelIoFile and NtCancelIoFileEx.
 * CancelIoEx with nothing to cancel fails with ERROR_NOT_FOUND. CancelSynchronousIo ends the
 * synchronous request another thread waits in (NtCancelSynchronousIoFile), ERROR_NOT_FOUND if none. */
#include "kernelbase.h"

NTDLL NTSTATUS NTAPI NtCancelIoFile(HANDLE, IO_STATUS_BLOCK *);
NTDLL NTSTATUS NTAPI NtCancelIoFileEx(HANDLE, IO_STATUS_BLOCK *, IO_STATUS_BLOCK *);
NTDLL NTSTATUS NTAPI NtCancelSynchronousIoFile(HANDLE, IO_STATUS_BLOCK *, IO_STATUS_BLOCK *);

KBAPI BOOL WINAPI CancelIo(HANDLE h)
{
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtCancelIoFile(h, &iosb);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI CancelIoEx(HANDLE h, LPOVERLAPPED overlapped)
{
    IO_STATUS_BLOCK iosb;
    /* An OVERLAPPED begins with the request's IO_STATUS_BLOCK (Internal, InternalHigh). */
    NTSTATUS status = NtCancelIoFileEx(h, (IO_STATUS_BLOCK *)overlapped, &iosb);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI CancelSynchronousIo(HANDLE hThread)
{
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtCancelSynchronousIoFile(hThread, NULL, &iosb);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}
