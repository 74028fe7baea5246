/* The *FromApp memory calls (api-ms-win-core-memory-l1-1-3, Windows 10): the Store-app forms of
 * VirtualAlloc, VirtualProtect, CreateFileMapping, OpenFileMapping and MapViewOfFile, with a
 * 64-bit size or offset in one argument. VirtualAllocFromApp and VirtualProtectFromApp keep the
 * documented rule that pages are never writable and executable at once (PAGE_EXECUTE_READWRITE,
 * PAGE_EXECUTE_WRITECOPY: ERROR_INVALID_PARAMETER); execute-only or execute-read is allowed, as
 * this process is not in an AppContainer and needs no codeGeneration capability. */
#include "kernelbase.h"

/* A protection that grants write and execute together. */
static BOOL WritableCode(ULONG protect)
{
    ULONG page = protect & 0xFF;
    return page == PAGE_EXECUTE_READWRITE || page == PAGE_EXECUTE_WRITECOPY;
}

KBAPI PVOID WINAPI VirtualAllocFromApp(PVOID address, SIZE_T size, ULONG type, ULONG protect)
{
    if (WritableCode(protect)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return VirtualAlloc(address, size, type, protect);
}

KBAPI BOOL WINAPI VirtualProtectFromApp(PVOID address, SIZE_T size, ULONG protect, PULONG old)
{
    if (WritableCode(protect)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return VirtualProtect(address, size, protect, (PDWORD)old);
}

KBAPI HANDLE WINAPI CreateFileMappingFromApp(HANDLE file, PSECURITY_ATTRIBUTES sa, ULONG protect, ULONG64 size,
                                             PCWSTR name)
{
    return CreateFileMappingW(file, sa, protect, (DWORD)(size >> 32), (DWORD)size, name);
}

KBAPI HANDLE WINAPI OpenFileMappingFromApp(ULONG access, BOOL inherit, PCWSTR name)
{
    return OpenFileMappingW(access, inherit, name);
}

KBAPI PVOID WINAPI MapViewOfFileFromApp(HANDLE mapping, ULONG access, ULONG64 offset, SIZE_T bytes)
{
    return MapViewOfFileEx(mapping, access, (DWORD)(offset >> 32), (DWORD)offset, bytes, NULL);
}
