/* Family 5 (virtual memory): VirtualAlloc(Ex), VirtualFree(Ex), VirtualProtect(Ex),
 * VirtualQuery(Ex) over the Nt*VirtualMemory services. */
#include "kernelbase.h"

#define MemoryBasicInformation 0

KBAPI LPVOID WINAPI VirtualAllocEx(HANDLE process, LPVOID address, SIZE_T size, DWORD type, DWORD protect)
{
    PVOID base = address;
    SIZE_T region = size;
    NTSTATUS status = NtAllocateVirtualMemory(process, &base, 0, &region, type, protect);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    return base;
}

KBAPI LPVOID WINAPI VirtualAlloc(LPVOID address, SIZE_T size, DWORD type, DWORD protect)
{
    return VirtualAllocEx(GetCurrentProcess(), address, size, type, protect);
}

KBAPI BOOL WINAPI VirtualFreeEx(HANDLE process, LPVOID address, SIZE_T size, DWORD type)
{
    if ((type & MEM_RELEASE) && size != 0) {    /* a release is always of the whole reservation */
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    PVOID base = address;
    SIZE_T region = size;
    NTSTATUS status = NtFreeVirtualMemory(process, &base, &region, type);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI VirtualFree(LPVOID address, SIZE_T size, DWORD type)
{
    return VirtualFreeEx(GetCurrentProcess(), address, size, type);
}

KBAPI BOOL WINAPI VirtualProtectEx(HANDLE process, LPVOID address, SIZE_T size, DWORD protect, PDWORD old)
{
    PVOID base = address;
    SIZE_T region = size;
    NTSTATUS status = NtProtectVirtualMemory(process, &base, &region, protect, old);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI VirtualProtect(LPVOID address, SIZE_T size, DWORD protect, PDWORD old)
{
    return VirtualProtectEx(GetCurrentProcess(), address, size, protect, old);
}

KBAPI SIZE_T WINAPI VirtualQueryEx(HANDLE process, LPCVOID address, PMEMORY_BASIC_INFORMATION info, SIZE_T length)
{
    SIZE_T returned = 0;
    NTSTATUS status = NtQueryVirtualMemory(process, (PVOID)address, MemoryBasicInformation, info, length, &returned);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return 0;
    }
    return returned;
}

KBAPI SIZE_T WINAPI VirtualQuery(LPCVOID address, PMEMORY_BASIC_INFORMATION info, SIZE_T length)
{
    return VirtualQueryEx(GetCurrentProcess(), address, info, length);
}
