/* Reads, writes and the handle itself: ReadFile/WriteFile (synchronous, or overlapped with the
 * OVERLAPPED's event and offset), GetFileType from the device behind the handle, CloseHandle,
 * DuplicateHandle. */
#include "kernelbase.h"

#define FileFsDeviceInformation 4
#define FILE_DEVICE_CD_ROM 0x02
#define FILE_DEVICE_DISK 0x07
#define FILE_DEVICE_NAMED_PIPE 0x11
#define FILE_DEVICE_NETWORK_FILE_SYSTEM 0x14
#define FILE_DEVICE_VIRTUAL_DISK 0x24
#define FILE_DEVICE_DFS 0x06

ULONG BaseDeviceType(HANDLE h, NTSTATUS *status)
{
    IO_STATUS_BLOCK iosb;
    struct { ULONG DeviceType, Characteristics; } info = {0, 0};
    NTSTATUS s = NtQueryVolumeInformationFile(h, &iosb, &info, sizeof(info), FileFsDeviceInformation);
    if (status) *status = s;
    return NT_SUCCESS(s) ? info.DeviceType : 0;
}

KBAPI DWORD WINAPI GetFileType(HANDLE h)
{
    NTSTATUS status;
    ULONG device = BaseDeviceType(h, &status);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return FILE_TYPE_UNKNOWN;
    }
    SetLastError(NO_ERROR);
    switch (device) {
    case FILE_DEVICE_CD_ROM: case FILE_DEVICE_DISK: case FILE_DEVICE_VIRTUAL_DISK:
    case FILE_DEVICE_NETWORK_FILE_SYSTEM: case FILE_DEVICE_DFS:
        return FILE_TYPE_DISK;
    case FILE_DEVICE_NAMED_PIPE:
        return FILE_TYPE_PIPE;
    default:
        return FILE_TYPE_CHAR;
    }
}

static BOOL Finish(NTSTATUS status, HANDLE h, IO_STATUS_BLOCK *iosb, LPDWORD done)
{
    if (status == STATUS_PENDING_) {               /* a synchronous caller waits for it */
        NtWaitForSingleObject(h, FALSE, NULL);
        status = iosb->Status;
    }
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    if (done) *done = (DWORD)iosb->Information;
    return TRUE;
}

KBAPI BOOL WINAPI WriteFile(HANDLE h, LPCVOID buffer, DWORD length, LPDWORD written, LPOVERLAPPED ov)
{
    if (written) *written = 0;
    if (ov) {
        LARGE_INTEGER offset = {.LowPart = ov->Offset, .HighPart = (LONG)ov->OffsetHigh};
        ov->Internal = STATUS_PENDING_;
        NTSTATUS status = NtWriteFile(h, ov->hEvent, NULL, ov, (IO_STATUS_BLOCK *)&ov->Internal, buffer, length,
                                      &offset, NULL);
        if (status == STATUS_PENDING_ || !NT_SUCCESS(status))
            return BaseFail(status);            /* STATUS_PENDING gives ERROR_IO_PENDING */
        if (written) *written = (DWORD)ov->InternalHigh;
        return TRUE;
    }
    IO_STATUS_BLOCK iosb = {{0}, 0};
    return Finish(NtWriteFile(h, NULL, NULL, NULL, &iosb, buffer, length, NULL, NULL), h, &iosb, written);
}

#define STATUS_END_OF_FILE ((NTSTATUS)0xC0000011)
#define STATUS_PIPE_BROKEN ((NTSTATUS)0xC000014B)

KBAPI BOOL WINAPI ReadFile(HANDLE h, LPVOID buffer, DWORD length, LPDWORD read, LPOVERLAPPED ov)
{
    if (read) *read = 0;
    if (ov) {
        LARGE_INTEGER offset = {.LowPart = ov->Offset, .HighPart = (LONG)ov->OffsetHigh};
        ov->Internal = STATUS_PENDING_;
        NTSTATUS status = NtReadFile(h, ov->hEvent, NULL, ov, (IO_STATUS_BLOCK *)&ov->Internal, buffer, length,
                                     &offset, NULL);
        if (status == STATUS_PENDING_ || !NT_SUCCESS(status))
            return BaseFail(status);
        if (read) *read = (DWORD)ov->InternalHigh;
        return TRUE;
    }
    IO_STATUS_BLOCK iosb = {{0}, 0};
    NTSTATUS status = NtReadFile(h, NULL, NULL, NULL, &iosb, buffer, length, NULL, NULL);
    if (status == STATUS_END_OF_FILE)
        return TRUE;                            /* synchronous reads at the end succeed with 0 bytes */
    if (status == STATUS_PIPE_BROKEN) {
        SetLastError(ERROR_BROKEN_PIPE);
        return FALSE;
    }
    return Finish(status, h, &iosb, read);
}

KBAPI BOOL WINAPI GetOverlappedResult(HANDLE h, LPOVERLAPPED ov, LPDWORD done, BOOL wait)
{
    if ((NTSTATUS)ov->Internal == STATUS_PENDING_) {
        if (!wait) {
            SetLastError(ERROR_IO_INCOMPLETE);
            return FALSE;
        }
        NtWaitForSingleObject(ov->hEvent ? ov->hEvent : h, FALSE, NULL);
    }
    if (done) *done = (DWORD)ov->InternalHigh;
    if (!NT_SUCCESS((NTSTATUS)ov->Internal))
        return BaseFail((NTSTATUS)ov->Internal);
    return TRUE;
}

KBAPI BOOL WINAPI CloseHandle(HANDLE h)
{
    NTSTATUS status = NtClose(h);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI DuplicateHandle(HANDLE source_process, HANDLE source, HANDLE target_process, LPHANDLE target,
                                  DWORD access, BOOL inherit, DWORD options)
{
    NTSTATUS status = NtDuplicateObject(source_process, source, target_process, target, access,
                                        inherit ? OBJ_INHERIT : 0, options);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}
