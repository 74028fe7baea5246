/* Path*A and Path*W: path_t.h for each character type, and the calls that ask the file system. */
#include "lw.h"

#define TCH char
#define TUCH unsigned char
#define FN(name) name##A
#include "path_t.h"
#undef TCH
#undef TUCH
#undef FN

#define TCH WCHAR
#define TUCH WCHAR
#define FN(name) name##W
#include "path_t.h"
#undef TCH
#undef TUCH
#undef FN

static DWORD Attributes(LPCWSTR path)
{
    UINT mode = SetErrorMode(SEM_FAILCRITICALERRORS);
    DWORD attributes = GetFileAttributesW(path);
    SetErrorMode(mode);
    return attributes;
}

static LPCWSTR Wide(LPCSTR s, WCHAR out[MAX_PATH])
{
    if (s == NULL) return NULL;
    if (!MultiByteToWideChar(CP_ACP, 0, s, -1, out, MAX_PATH)) out[0] = 0;
    return out;
}

SHLAPI BOOL WINAPI PathFileExistsW(LPCWSTR path)
{
    return path && Attributes(path) != INVALID_FILE_ATTRIBUTES;
}

SHLAPI BOOL WINAPI PathFileExistsA(LPCSTR path)
{
    WCHAR w[MAX_PATH];
    return path && PathFileExistsW(Wide(path, w));
}

/* PathIsDirectory: FILE_ATTRIBUTE_DIRECTORY (not TRUE) for a folder, 0 otherwise. */
SHLAPI BOOL WINAPI PathIsDirectoryW(LPCWSTR path)
{
    if (path == NULL) return FALSE;
    DWORD attributes = Attributes(path);
    return attributes == INVALID_FILE_ATTRIBUTES ? FALSE : (BOOL)(attributes & FILE_ATTRIBUTE_DIRECTORY);
}

SHLAPI BOOL WINAPI PathIsDirectoryA(LPCSTR path)
{
    WCHAR w[MAX_PATH];
    return path ? PathIsDirectoryW(Wide(path, w)) : FALSE;
}

SHLAPI BOOL WINAPI PathIsDirectoryEmptyW(LPCWSTR path)
{
    WCHAR mask[MAX_PATH + 2];
    WIN32_FIND_DATAW fd;
    if (path == NULL || lstrlenW(path) > MAX_PATH - 3) return FALSE;
    lstrcpyW(mask, path);
    PathAddBackslashW(mask);
    lstrcatW(mask, L"*");
    HANDLE find = FindFirstFileW(mask, &fd);
    if (find == INVALID_HANDLE_VALUE) return FALSE;
    BOOL empty = TRUE;
    do {
        if (lstrcmpW(fd.cFileName, L".") && lstrcmpW(fd.cFileName, L"..")) { empty = FALSE; break; }
    } while (FindNextFileW(find, &fd));
    FindClose(find);
    return empty;
}

SHLAPI BOOL WINAPI PathIsDirectoryEmptyA(LPCSTR path)
{
    WCHAR w[MAX_PATH];
    return path ? PathIsDirectoryEmptyW(Wide(path, w)) : FALSE;
}

SHLAPI BOOL WINAPI PathIsSystemFolderW(LPCWSTR path, DWORD attributes)
{
    if (path) attributes = Attributes(path);
    return attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY) &&
           (attributes & (FILE_ATTRIBUTE_SYSTEM | FILE_ATTRIBUTE_READONLY));
}

SHLAPI BOOL WINAPI PathIsSystemFolderA(LPCSTR path, DWORD attributes)
{
    WCHAR w[MAX_PATH];
    return PathIsSystemFolderW(path ? Wide(path, w) : NULL, attributes);
}

void UrlThreadDetach(void);

BOOL WINAPI ShlwapiDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reserved;
    if (reason == DLL_THREAD_DETACH || reason == DLL_PROCESS_DETACH) UrlThreadDetach();   /* url.c's buffers */
    return TRUE;
}
