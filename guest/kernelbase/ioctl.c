/* DeviceIoControl: a control code of the file system's device type (FILE_DEVICE_FILE_SYSTEM, the
 * FSCTL_* codes such as FSCTL_GET_REPARSE_POINT or the pipe controls) goes to NtFsControlFile,
 * any other to NtDeviceIoControlFile. Synchronous calls wait for a pending request and give the
 * bytes returned; overlapped ones use the OVERLAPPED's event and status block and fail with
 * ERROR_IO_PENDING while the request runs. A failure that still returned data (a short buffer,
 * STATUS_BUFFER_OVERFLOW) reports its byte count as Windows does. */
#include "kernelbase.h"

#define FILE_DEVICE_FILE_SYSTEM_ 0x09
NTDLL NTSTATUS NTAPI NtFsControlFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, ULONG, PVOID, ULONG, PVOID,
                                     ULONG);
NTDLL NTSTATUS NTAPI NtDeviceIoControlFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, ULONG, PVOID, ULONG,
                                           PVOID, ULONG);

KBAPI BOOL WINAPI DeviceIoControl(HANDLE h, DWORD code, LPVOID in, DWORD in_size, LPVOID out, DWORD out_size,
                                  LPDWORD returned, LPOVERLAPPED ov)
{
    BOOL fs = (code >> 16) == FILE_DEVICE_FILE_SYSTEM_;
    if (ov) {
        ov->Internal = STATUS_PENDING_;
        IO_STATUS_BLOCK *iosb = (IO_STATUS_BLOCK *)&ov->Internal;
        NTSTATUS status = fs ? NtFsControlFile(h, ov->hEvent, NULL, ov, iosb, code, in, in_size, out, out_size)
                             : NtDeviceIoControlFile(h, ov->hEvent, NULL, ov, iosb, code, in, in_size, out, out_size);
        if (returned && status != STATUS_PENDING_)
            *returned = (DWORD)ov->InternalHigh;
        if (status == STATUS_PENDING_ || !NT_SUCCESS(status))
            return BaseFail(status);            /* STATUS_PENDING gives ERROR_IO_PENDING */
        return TRUE;
    }
    IO_STATUS_BLOCK iosb = {{0}, 0};
    NTSTATUS status = fs ? NtFsControlFile(h, NULL, NULL, NULL, &iosb, code, in, in_size, out, out_size)
                         : NtDeviceIoControlFile(h, NULL, NULL, NULL, &iosb, code, in, in_size, out, out_size);
    if (status == STATUS_PENDING_) {
        NtWaitForSingleObject(h, FALSE, NULL);
        status = iosb.Status;
    }
    if (returned)
        *returned = (DWORD)iosb.Information;
    if (!NT_SUCCESS(status) || status == (NTSTATUS)0x80000005)     /* STATUS_BUFFER_OVERFLOW: ERROR_MORE_DATA */
        return BaseFail(status);
    return TRUE;
}
