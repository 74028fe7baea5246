/* Family 5 (memory): locking pages in the working set (VirtualLock / VirtualUnlock over
 * NtLockVirtualMemory / NtUnlockVirtualMemory, MAP_PROCESS), writing a view's pages back to its
 * file (FlushViewOfFile: NtFlushVirtualMemory), unmapping with flags (UnmapViewOfFileEx) and the
 * large-page size of x64 (GetLargePageMinimum: 2 MB, what a PDE maps). */
#include "kernelbase.h"

#define MAP_PROCESS_ 1

NTDLL NTSTATUS NTAPI NtLockVirtualMemory(HANDLE, PVOID *, SIZE_T *, ULONG);
NTDLL NTSTATUS NTAPI NtUnlockVirtualMemory(HANDLE, PVOID *, SIZE_T *, ULONG);
NTDLL NTSTATUS NTAPI NtFlushVirtualMemory(HANDLE, PVOID *, SIZE_T *, IO_STATUS_BLOCK *);
NTDLL NTSTATUS NTAPI NtUnmapViewOfSectionEx(HANDLE, PVOID, ULONG);

KBAPI BOOL WINAPI VirtualLock(LPVOID address, SIZE_T size)
{
    NTSTATUS status = NtLockVirtualMemory(GetCurrentProcess(), &address, &size, MAP_PROCESS_);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI VirtualUnlock(LPVOID address, SIZE_T size)
{
    NTSTATUS status = NtUnlockVirtualMemory(GetCurrentProcess(), &address, &size, MAP_PROCESS_);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI FlushViewOfFile(LPCVOID address, SIZE_T size)
{
    PVOID base = (PVOID)address;
    IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtFlushVirtualMemory(GetCurrentProcess(), &base, &size, &iosb);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI UnmapViewOfFileEx(PVOID address, ULONG flags)
{
    if (flags & ~(MEM_UNMAP_WITH_TRANSIENT_BOOST | 0x2))                 /* MEM_PRESERVE_PLACEHOLDER */ {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    NTSTATUS status = NtUnmapViewOfSectionEx(GetCurrentProcess(), address, flags);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI SIZE_T WINAPI GetLargePageMinimum(void)
{
    return 0x200000;
}
