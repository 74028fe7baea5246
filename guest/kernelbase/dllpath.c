/* Family 7, SetDllDirectoryW/A and GetDllDirectoryW/A: one folder the standard DLL search order
 * takes right after the application's folder, in place of the current directory (an empty string
 * only drops the current directory; NULL restores the standard order). BaseStandardDllPath gives
 * LoadLibraryEx that order as a folder list: the application's folder, the DLL directory,
 * System32, the Windows folder, the current directory when no DLL directory is set, PATH. */
#include "kernelbase.h"

NTDLL void NTAPI RtlAcquireSRWLockExclusive(SRWLOCK *);
NTDLL void NTAPI RtlReleaseSRWLockExclusive(SRWLOCK *);

static WCHAR dll_directory[MAX_PATH];
static BOOL dll_directory_set;                  /* SetDllDirectory with a string, even an empty one */
static SRWLOCK lock = SRWLOCK_INIT;

KBAPI BOOL WINAPI SetDllDirectoryW(LPCWSTR path)
{
    if (path != NULL && wcslen(path) >= MAX_PATH) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    RtlAcquireSRWLockExclusive(&lock);
    dll_directory_set = path != NULL;
    dll_directory[0] = 0;
    if (path)
        memcpy(dll_directory, path, (wcslen(path) + 1) * 2);
    RtlReleaseSRWLockExclusive(&lock);
    return TRUE;
}

KBAPI BOOL WINAPI SetDllDirectoryA(LPCSTR path)
{
    if (path == NULL)
        return SetDllDirectoryW(NULL);
    WCHAR w[MAX_PATH];
    if (!MultiByteToWideChar(CP_ACP, 0, path, -1, w, MAX_PATH)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return SetDllDirectoryW(w);
}

/* The length without the NUL when it fits, else the size needed with it. */
KBAPI DWORD WINAPI GetDllDirectoryW(DWORD size, LPWSTR out)
{
    RtlAcquireSRWLockExclusive(&lock);
    DWORD len = (DWORD)wcslen(dll_directory);
    if (len < size) {
        memcpy(out, dll_directory, (len + 1) * 2);
    } else {
        if (size) out[0] = 0;
        len++;
    }
    RtlReleaseSRWLockExclusive(&lock);
    return len;
}

KBAPI DWORD WINAPI GetDllDirectoryA(DWORD size, LPSTR out)
{
    WCHAR w[MAX_PATH];
    DWORD len = GetDllDirectoryW(MAX_PATH, w);
    int bytes = WideCharToMultiByte(CP_ACP, 0, w, (int)len + 1, NULL, 0, NULL, NULL);
    if ((DWORD)bytes > size) {
        if (size) out[0] = 0;
        return (DWORD)bytes;
    }
    WideCharToMultiByte(CP_ACP, 0, w, (int)len + 1, out, (int)size, NULL, NULL);
    return (DWORD)bytes - 1;
}

static SIZE_T Add(WCHAR *out, SIZE_T n, SIZE_T size, const WCHAR *folder, SIZE_T len)
{
    if (len == 0 || n + len + 2 >= size)
        return n;
    if (n) out[n++] = ';';
    memcpy(out + n, folder, len * 2);
    n += len;
    out[n] = 0;
    return n;
}

/* The standard order as a folder list in out[]; its length. */
SIZE_T BaseStandardDllPath(WCHAR *out, SIZE_T size)
{
    SIZE_T n = 0;
    out[0] = 0;
    UNICODE_STRING *image = &PP_FIELD(UNICODE_STRING, PP_IMAGE_PATH);
    SIZE_T len = image->Length / 2;
    while (len && image->Buffer[len - 1] != '\\') len--;
    n = Add(out, n, size, image->Buffer, len ? len - 1 : 0);
    RtlAcquireSRWLockExclusive(&lock);
    BOOL set = dll_directory_set;
    n = Add(out, n, size, dll_directory, wcslen(dll_directory));
    RtlReleaseSRWLockExclusive(&lock);
    WCHAR folder[MAX_PATH];
    n = Add(out, n, size, folder, GetSystemDirectoryW(folder, MAX_PATH));
    n = Add(out, n, size, folder, GetWindowsDirectoryW(folder, MAX_PATH));
    if (!set)
        n = Add(out, n, size, folder, GetCurrentDirectoryW(MAX_PATH, folder));
    WCHAR *env = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, 0x8000 * 2);
    if (env) {
        DWORD got = GetEnvironmentVariableW(L"PATH", env, 0x8000);
        if (got && got < 0x8000) n = Add(out, n, size, env, got);
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, env);
    }
    return n;
}

/* Whether SetDllDirectory changed the order (LoadLibraryEx then passes the list to the loader). */
BOOL BaseDllDirectorySet(void)
{
    return dll_directory_set;
}
