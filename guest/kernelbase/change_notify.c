/* Change notifications on folders over NtNotifyChangeDirectoryFile(Ex): FindFirstChangeNotification
 * (the folder's handle, signalled when a change its filter selects happens; FindNext asks again,
 * FindClose closes it) and ReadDirectoryChangesW/ExW (the FILE_NOTIFY_INFORMATION records, waited
 * for, or overlapped with an event, a completion port or a completion routine). */
#include "kernelbase.h"

NTDLL NTSTATUS NTAPI NtNotifyChangeDirectoryFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, PVOID, ULONG, ULONG,
                                                 BOOLEAN);
NTDLL NTSTATUS NTAPI NtNotifyChangeDirectoryFileEx(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, PVOID, ULONG, ULONG,
                                                   BOOLEAN, ULONG);
#define FILE_NOTIFY_VALID_MASK_ 0xFFF
#define ReadDirectoryNotifyInformation_ 1        /* READ_DIRECTORY_NOTIFY_INFORMATION_CLASS */

/* FindFirst/FindNext's requests: their records are not wanted, only the signal of the handle. */
static IO_STATUS_BLOCK BaseNotifyIosb;

KBAPI HANDLE WINAPI FindFirstChangeNotificationW(LPCWSTR lpPathName, BOOL bWatchSubtree, DWORD dwNotifyFilter)
{
    UNICODE_STRING nt;
    OBJECT_ATTRIBUTES oa;
    IO_STATUS_BLOCK iosb;
    HANDLE h;
    if (!BaseOpenPath(lpPathName, &nt, &oa)) return INVALID_HANDLE_VALUE;
    NTSTATUS status = NtOpenFile(&h, FILE_LIST_DIRECTORY | SYNCHRONIZE, &oa, &iosb,
                                 FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, FILE_DIRECTORY_FILE_);
    RtlFreeUnicodeString(&nt);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return INVALID_HANDLE_VALUE;
    }
    status = NtNotifyChangeDirectoryFile(h, NULL, NULL, NULL, &BaseNotifyIosb, NULL, 0, dwNotifyFilter,
                                         (BOOLEAN)(bWatchSubtree != FALSE));
    if (!NT_SUCCESS(status)) {
        NtClose(h);
        BaseSetLastNTError(status);
        return INVALID_HANDLE_VALUE;
    }
    return h;
}

KBAPI HANDLE WINAPI FindFirstChangeNotificationA(LPCSTR lpPathName, BOOL bWatchSubtree, DWORD dwNotifyFilter)
{
    WCHAR *w = BaseWideName(lpPathName);
    if (!w) return INVALID_HANDLE_VALUE;
    HANDLE h = FindFirstChangeNotificationW(w, bWatchSubtree, dwNotifyFilter);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    return h;
}

/* The next request, with the filter and subtree flag of the first (the kernel keeps them). */
KBAPI BOOL WINAPI FindNextChangeNotification(HANDLE hChangeHandle)
{
    NTSTATUS status = NtNotifyChangeDirectoryFile(hChangeHandle, NULL, NULL, NULL, &BaseNotifyIosb, NULL, 0,
                                                  FILE_NOTIFY_VALID_MASK_, FALSE);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI FindCloseChangeNotification(HANDLE hChangeHandle)
{
    NTSTATUS status = NtClose(hChangeHandle);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI ReadDirectoryChangesExW(HANDLE hDirectory, LPVOID lpBuffer, DWORD nBufferLength, BOOL bWatchSubtree,
                                          DWORD dwNotifyFilter, LPDWORD lpBytesReturned, LPOVERLAPPED lpOverlapped,
                                          LPOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine,
                                          DWORD ReadDirectoryNotifyInformationClass)
{
    IO_STATUS_BLOCK iosb, *io = &iosb;
    HANDLE event = NULL;
    PVOID apc = NULL, context = NULL;
    if (lpOverlapped) {
        /* overlapped: the OVERLAPPED is the status block; its event, or the routine as an APC,
         * or (neither) the port's packet carries the OVERLAPPED */
        io = (IO_STATUS_BLOCK *)&lpOverlapped->Internal;
        io->Status = STATUS_PENDING_;
        if (lpCompletionRoutine) {
            apc = (PVOID)BaseIoCompletion;
            context = (PVOID)lpCompletionRoutine;
        } else {
            event = lpOverlapped->hEvent;
            context = lpOverlapped;
        }
    }
    NTSTATUS status = NtNotifyChangeDirectoryFileEx(hDirectory, event, apc, context, io, lpBuffer, nBufferLength,
                                                    dwNotifyFilter, (BOOLEAN)(bWatchSubtree != FALSE),
                                                    ReadDirectoryNotifyInformationClass);
    if (lpOverlapped)
        return NT_SUCCESS(status) ? TRUE : BaseFail(status);
    if (status == STATUS_PENDING_) {            /* an asynchronous handle without an OVERLAPPED */
        NtWaitForSingleObject(hDirectory, FALSE, NULL);
        status = iosb.Status;
    }
    if (!NT_SUCCESS(status)) return BaseFail(status);
    /* STATUS_NOTIFY_ENUM_DIR: more changes than the buffer held, TRUE and no bytes */
    if (lpBytesReturned) *lpBytesReturned = (DWORD)iosb.Information;
    return TRUE;
}

KBAPI BOOL WINAPI ReadDirectoryChangesW(HANDLE hDirectory, LPVOID lpBuffer, DWORD nBufferLength, BOOL bWatchSubtree,
                                        DWORD dwNotifyFilter, LPDWORD lpBytesReturned, LPOVERLAPPED lpOverlapped,
                                        LPOVERLAPPED_COMPLETION_ROUTINE lpCompletionRoutine)
{
    return ReadDirectoryChangesExW(hDirectory, lpBuffer, nBufferLength, bWatchSubtree, dwNotifyFilter, lpBytesReturned,
                                   lpOverlapped, lpCompletionRoutine, ReadDirectoryNotifyInformation_);
}
