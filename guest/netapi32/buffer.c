/* The NetApiBuffer allocator (results the caller frees with NetApiBufferFree) and the packing of
 * a result into one block, measured first, then filled. The DLL's entry point. */
#include "netapi.h"

NETAPI_EXPORT NET_API_STATUS WINAPI NetApiBufferAllocate(DWORD size, LPVOID *buffer)
{
    if (buffer == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size ? size : 1);
    return *buffer ? NERR_Success : ERROR_NOT_ENOUGH_MEMORY;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetApiBufferFree(LPVOID buffer)
{
    if (buffer)
        HeapFree(GetProcessHeap(), 0, buffer);
    return NERR_Success;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetApiBufferReallocate(LPVOID old, DWORD size, LPVOID *buffer)
{
    if (buffer == NULL)
        return ERROR_INVALID_PARAMETER;
    if (old == NULL)
        return NetApiBufferAllocate(size, buffer);
    if (size == 0) {
        NetApiBufferFree(old);
        *buffer = NULL;
        return NERR_Success;
    }
    void *p = HeapReAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, old, size);
    if (p == NULL)
        return ERROR_NOT_ENOUGH_MEMORY;
    *buffer = p;
    return NERR_Success;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetApiBufferSize(LPVOID buffer, LPDWORD size)
{
    if (buffer == NULL || size == NULL)
        return ERROR_INVALID_PARAMETER;
    SIZE_T n = HeapSize(GetProcessHeap(), 0, buffer);
    if (n == (SIZE_T)-1)
        return ERROR_INVALID_PARAMETER;
    *size = (DWORD)n;
    return NERR_Success;
}

BOOL NetpIsLocalServer(LPCWSTR server)
{
    WCHAR name[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD size = MAX_COMPUTERNAME_LENGTH + 1;
    if (server == NULL || server[0] == 0)
        return TRUE;
    if (server[0] == L'\\' && server[1] == L'\\')
        server += 2;
    return GetComputerNameW(name, &size) && lstrcmpiW(server, name) == 0;
}

void NetpBegin(NETP_BUFFER *b, BYTE *base, DWORD fixed, DWORD size)
{
    b->Base = base;
    b->Fixed = fixed;
    b->Used = fixed;
    b->Size = size;
    b->Measure = base == NULL;
}

static void *Take(NETP_BUFFER *b, DWORD size, DWORD align)
{
    DWORD at = (b->Used + align - 1) & ~(align - 1);
    b->Used = at + size;
    return b->Measure ? NULL : b->Base + at;
}

LPWSTR NetpString(NETP_BUFFER *b, LPCWSTR text)
{
    if (text == NULL)
        return NULL;
    DWORD n = (DWORD)(lstrlenW(text) + 1) * sizeof(WCHAR);
    LPWSTR p = Take(b, n, sizeof(WCHAR));
    if (p)
        memcpy(p, text, n);
    return p;
}

PSID NetpSid(NETP_BUFFER *b, LPCWSTR sid_text)
{
    PSID sid = NULL;
    if (!ConvertStringSidToSidW(sid_text, &sid))
        return NULL;
    DWORD n = GetLengthSid(sid);
    PSID p = Take(b, n, 4);
    if (p)
        CopySid(n, p, sid);
    LocalFree(sid);
    return p;
}

BOOL WINAPI NetapiDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
