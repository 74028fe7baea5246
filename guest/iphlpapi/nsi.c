/* Reading the endpoint tables from \Device\Nsi: open it, ask with IOCTL_NSI_GETALLPARAM, grow the
 * reply buffer while the kernel says it overflows. */
#include "nsi.h"

typedef LONG NTSTATUS;
typedef struct { USHORT Length, MaximumLength; PWSTR Buffer; } NSI_UNICODE_STRING;
typedef struct {
    ULONG Length; HANDLE RootDirectory; NSI_UNICODE_STRING *ObjectName; ULONG Attributes;
    PVOID SecurityDescriptor, SecurityQualityOfService;
} NSI_OBJECT_ATTRIBUTES;
typedef struct { union { NTSTATUS Status; PVOID Pointer; }; ULONG_PTR Information; } NSI_IO_STATUS_BLOCK;

__declspec(dllimport) NTSTATUS NTAPI NtCreateFile(HANDLE *, ACCESS_MASK, NSI_OBJECT_ATTRIBUTES *, NSI_IO_STATUS_BLOCK *,
                                                  LARGE_INTEGER *, ULONG, ULONG, ULONG, ULONG, PVOID, ULONG);
__declspec(dllimport) NTSTATUS NTAPI NtDeviceIoControlFile(HANDLE, HANDLE, PVOID, PVOID, NSI_IO_STATUS_BLOCK *, ULONG,
                                                           PVOID, ULONG, PVOID, ULONG);
__declspec(dllimport) NTSTATUS NTAPI NtClose(HANDLE);
__declspec(dllimport) ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);

#define NSI_STATUS_BUFFER_OVERFLOW ((NTSTATUS)0x80000005)
#define NSI_FILE_OPEN 1
#define NSI_FILE_SYNCHRONOUS_IO_NONALERT 0x20

static HANDLE OpenNsi(DWORD *error)
{
    WCHAR name[] = L"\\Device\\Nsi";
    NSI_UNICODE_STRING u = {sizeof(name) - sizeof(WCHAR), sizeof(name), name};
    NSI_OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, &u, 0x40 /* OBJ_CASE_INSENSITIVE */, NULL, NULL};
    NSI_IO_STATUS_BLOCK iosb;
    HANDLE h = NULL;
    NTSTATUS status = NtCreateFile(&h, SYNCHRONIZE | FILE_READ_DATA, &oa, &iosb, NULL, 0, FILE_SHARE_READ | FILE_SHARE_WRITE,
                                   NSI_FILE_OPEN, NSI_FILE_SYNCHRONOUS_IO_NONALERT, NULL, 0);
    if (status < 0) {
        *error = RtlNtStatusToDosError(status);
        return NULL;
    }
    return h;
}

DWORD IphlpQueryEndpoints(ULONG protocol, ULONG family, NSI_ENDPOINT_ROW **rows, ULONG *count)
{
    DWORD error = NO_ERROR;
    HANDLE nsi = OpenNsi(&error);
    if (nsi == NULL)
        return error;
    NSI_ENDPOINT_REQUEST request = {protocol, family};
    ULONG capacity = 16;
    *rows = NULL;
    *count = 0;
    for (;;) {
        ULONG size = 8 + capacity * sizeof(NSI_ENDPOINT_ROW);
        BYTE *reply = HeapAlloc(GetProcessHeap(), 0, size);
        if (reply == NULL) {
            error = ERROR_NOT_ENOUGH_MEMORY;
            break;
        }
        NSI_IO_STATUS_BLOCK iosb;
        NTSTATUS status = NtDeviceIoControlFile(nsi, NULL, NULL, NULL, &iosb, IOCTL_NSI_GETALLPARAM, &request,
                                                sizeof(request), reply, size);
        ULONG n = *(ULONG *)reply;
        if (status == NSI_STATUS_BUFFER_OVERFLOW) {
            HeapFree(GetProcessHeap(), 0, reply);
            capacity = n + 16;                          /* the table may grow before we ask again */
            continue;
        }
        if (status < 0) {
            HeapFree(GetProcessHeap(), 0, reply);
            error = RtlNtStatusToDosError(status);
            break;
        }
        memmove(reply, reply + 8, n * sizeof(NSI_ENDPOINT_ROW));
        *rows = (NSI_ENDPOINT_ROW *)reply;
        *count = n;
        break;
    }
    NtClose(nsi);
    return error;
}

DWORD IphlpQueryCounters(ULONG protocol, ULONG family, ULONG *counters, ULONG count)
{
    DWORD error = NO_ERROR;
    HANDLE nsi = OpenNsi(&error);
    if (nsi == NULL)
        return error;
    NSI_ENDPOINT_REQUEST request = {protocol, family};
    NSI_IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtDeviceIoControlFile(nsi, NULL, NULL, NULL, &iosb, IOCTL_NSI_GETPARAM, &request, sizeof(request),
                                            counters, count * sizeof(ULONG));
    NtClose(nsi);
    return status < 0 ? RtlNtStatusToDosError(status) : NO_ERROR;
}
