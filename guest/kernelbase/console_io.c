/* Family 2, the console: one console request (console_io.h) as an I/O control on the handle. */
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
