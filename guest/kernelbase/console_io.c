/* Family 2, the console: one console request (console_io.h) as an I/O control on the handle, or on a
 * connection to the console itself (\Device\ConDrv\Connect) for the requests no handle names. */
#include "console_io.h"

NTDLL NTSTATUS NTAPI NtDeviceIoControlFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, ULONG, PVOID, ULONG,
                                           PVOID, ULONG);
#define STATUS_INVALID_DEVICE_REQUEST_ ((NTSTATUS)0xC0000010)

BOOL BaseConsoleCall(HANDLE h, int request, const void *in, ULONG in_size, void *out, ULONG out_size, ULONG *returned)
{
    IO_STATUS_BLOCK iosb = {{0}, 0};
    NTSTATUS status = NtDeviceIoControlFile(h, NULL, NULL, NULL, &iosb, CONSOLE_IOCTL(request), (PVOID)in, in_size,
                                            out, out_size);
    if (returned) *returned = (ULONG)iosb.Information;
    if (status == STATUS_INVALID_DEVICE_REQUEST_ || status == STATUS_INVALID_HANDLE_) {
        SetLastError(ERROR_INVALID_HANDLE);     /* not a console: what Windows' console calls say */
        return FALSE;
    }
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

BOOL BaseConsoleConnect(int request, const void *in, ULONG in_size, void *out, ULONG out_size, ULONG *returned)
{
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES oa;
    IO_STATUS_BLOCK iosb = {{0}, 0};
    HANDLE h = NULL;
    RtlInitUnicodeString(&name, L"\\Device\\ConDrv\\Connect");
    memset(&oa, 0, sizeof(oa));
    oa.Length = sizeof(oa);
    oa.ObjectName = &name;
    oa.Attributes = OBJ_CASE_INSENSITIVE_;
    NTSTATUS status = NtCreateFile(&h, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, &oa, &iosb, NULL, 0,
                                   FILE_SHARE_READ | FILE_SHARE_WRITE, 1 /* FILE_OPEN */, FILE_SYNCHRONOUS_IO_NONALERT_, NULL, 0);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    BOOL ok = BaseConsoleCall(h, request, in, in_size, out, out_size, returned);
    DWORD error = GetLastError();
    NtClose(h);
    SetLastError(error);
    return ok;
}
