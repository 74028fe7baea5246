/* Family 4 (file mappings) over sections: CreateFileMappingA/W (page-file or file backed, SEC_*
 * attributes, a name in the session's BaseNamedObjects: named.c), MapViewOfFile(Ex),
 * UnmapViewOfFile; OpenFileMapping is in named.c. */
#include "kernelbase.h"
#include "named.h"

#define STATUS_OBJECT_NAME_EXISTS_ ((NTSTATUS)0x40000000)
#define ViewShare 1

KBAPI HANDLE WINAPI CreateFileMappingW(HANDLE file, LPSECURITY_ATTRIBUTES sa, DWORD protect, DWORD high, DWORD low,
                                       LPCWSTR name)
{
    ULONG attributes = protect & 0xFFF00000;
    ULONG page = protect & 0x000FFFFF;
    if (attributes == 0) attributes = SEC_COMMIT;
    ACCESS_MASK access = STANDARD_RIGHTS_REQUIRED | SECTION_QUERY | SECTION_MAP_READ;
    if (page == PAGE_READWRITE || page == PAGE_EXECUTE_READWRITE) access |= SECTION_MAP_WRITE;
    if (page & (PAGE_EXECUTE_READ | PAGE_EXECUTE_READWRITE | PAGE_EXECUTE_WRITECOPY)) access |= SECTION_MAP_EXECUTE;
    LARGE_INTEGER size = {.LowPart = low, .HighPart = (LONG)high};
    if (file == INVALID_HANDLE_VALUE) {
        file = NULL;                            /* backed by the page file: a size is needed */
        if (size.QuadPart == 0) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    }
    BASE_NAMED n;
    OBJECT_ATTRIBUTES *oa = BaseFormatObjectAttributes(&n, sa, name, OBJ_OPENIF);
    if (!oa)
        return NULL;
    HANDLE h = NULL;
    NTSTATUS status = NtCreateSection(&h, access, oa, size.QuadPart ? &size : NULL, page, attributes, file);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    SetLastError(status == STATUS_OBJECT_NAME_EXISTS_ ? ERROR_ALREADY_EXISTS : NO_ERROR);
    return h;
}

KBAPI HANDLE WINAPI CreateFileMappingA(HANDLE file, LPSECURITY_ATTRIBUTES sa, DWORD protect, DWORD high, DWORD low,
                                       LPCSTR name)
{
    WCHAR buffer[MAX_PATH + 1];
    if (name && !MultiByteToWideChar(CP_ACP, 0, name, -1, buffer, MAX_PATH + 1)) {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return NULL;
    }
    return CreateFileMappingW(file, sa, protect, high, low, name ? buffer : NULL);
}

KBAPI LPVOID WINAPI MapViewOfFileEx(HANDLE mapping, DWORD access, DWORD high, DWORD low, SIZE_T bytes, LPVOID base)
{
    ULONG protect;
    BOOL exec = (access & FILE_MAP_EXECUTE) != 0;
    if (access & FILE_MAP_COPY) protect = exec ? PAGE_EXECUTE_WRITECOPY : PAGE_WRITECOPY;
    else if (access & FILE_MAP_WRITE) protect = exec ? PAGE_EXECUTE_READWRITE : PAGE_READWRITE;
    else if (access & FILE_MAP_READ) protect = exec ? PAGE_EXECUTE_READ : PAGE_READONLY;
    else { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    LARGE_INTEGER offset = {.LowPart = low, .HighPart = (LONG)high};
    SIZE_T view = bytes;
    PVOID address = base;
    NTSTATUS status = NtMapViewOfSection(mapping, GetCurrentProcess(), &address, 0, 0, &offset, &view, ViewShare, 0,
                                         protect);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    return address;
}

KBAPI LPVOID WINAPI MapViewOfFile(HANDLE mapping, DWORD access, DWORD high, DWORD low, SIZE_T bytes)
{
    return MapViewOfFileEx(mapping, access, high, low, bytes, NULL);
}

KBAPI BOOL WINAPI UnmapViewOfFile(LPCVOID address)
{
    NTSTATUS status = NtUnmapViewOfSection(GetCurrentProcess(), (PVOID)address);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}
