/* ReadFileEx/WriteFileEx: an asynchronous transfer at the OVERLAPPED's offset whose completion
 * routine runs as a user APC in the issuing thread's next alertable wait (SleepEx, WaitFor*Ex
 * with bAlertable): routine(error, bytes, overlapped), the error the Win32 form of the final
 * status (ERROR_HANDLE_EOF for a read at the end). The OVERLAPPED's Internal fields are the
 * status block; hEvent is the caller's to use. A request that fails at once queues nothing and
 * returns FALSE with the error. */
#include "kernelbase.h"

void NTAPI BaseIoCompletion(PVOID context, IO_STATUS_BLOCK *iosb, ULONG reserved)
{
    (void)reserved;
    LPOVERLAPPED_COMPLETION_ROUTINE routine = (LPOVERLAPPED_COMPLETION_ROUTINE)context;
    DWORD error = NT_SUCCESS(iosb->Status) ? NO_ERROR : RtlNtStatusToDosError(iosb->Status);
    routine(error, (DWORD)iosb->Information, (LPOVERLAPPED)iosb);
}

KBAPI BOOL WINAPI ReadFileEx(HANDLE h, LPVOID buffer, DWORD length, LPOVERLAPPED ov,
                             LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
    LARGE_INTEGER offset = {.LowPart = ov->Offset, .HighPart = (LONG)ov->OffsetHigh};
    ov->Internal = STATUS_PENDING_;
    NTSTATUS status = NtReadFile(h, NULL, (PVOID)BaseIoCompletion, (PVOID)routine, (IO_STATUS_BLOCK *)&ov->Internal,
                                 buffer, length, &offset, NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    SetLastError(NO_ERROR);
    return TRUE;
}

KBAPI BOOL WINAPI WriteFileEx(HANDLE h, LPCVOID buffer, DWORD length, LPOVERLAPPED ov,
                              LPOVERLAPPED_COMPLETION_ROUTINE routine)
{
    LARGE_INTEGER offset = {.LowPart = ov->Offset, .HighPart = (LONG)ov->OffsetHigh};
    ov->Internal = STATUS_PENDING_;
    NTSTATUS status = NtWriteFile(h, NULL, (PVOID)BaseIoCompletion, (PVOID)routine, (IO_STATUS_BLOCK *)&ov->Internal,
                                  buffer, length, &offset, NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    SetLastError(NO_ERROR);
    return TRUE;
}
