/* Family 7 (modules), the DLL search directories of LoadLibraryEx's LOAD_LIBRARY_SEARCH_* flags:
 * AddDllDirectory / RemoveDllDirectory (the user directories), SetDefaultDllDirectories (the flags a
 * LoadLibrary without search flags uses from then on), and BaseDllSearchPath, which turns the flags
 * into the folder list the loader searches, in the documented order: the DLL's own folder
 * (DLL_LOAD_DIR), the application's folder, the user directories, System32. */
#include "kernelbase.h"

#define SEARCH_FLAGS (LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_APPLICATION_DIR \
                      | LOAD_LIBRARY_SEARCH_USER_DIRS | LOAD_LIBRARY_SEARCH_SYSTEM32 \
                      | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS)
#define MAX_USER_DIRS 32

NTDLL void NTAPI RtlAcquireSRWLockExclusive(SRWLOCK *);
NTDLL void NTAPI RtlReleaseSRWLockExclusive(SRWLOCK *);
NTDLL void NTAPI RtlAcquireSRWLockShared(SRWLOCK *);
NTDLL void NTAPI RtlReleaseSRWLockShared(SRWLOCK *);

typedef struct { WCHAR path[MAX_PATH]; BOOL used; } USER_DIR;
static USER_DIR user_dirs[MAX_USER_DIRS];
static DWORD default_flags;             /* SetDefaultDllDirectories: 0 until it is called */
static SRWLOCK lock = SRWLOCK_INIT;

static BOOL IsAbsolute(LPCWSTR p)
{
    return (((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z') && p[1] == ':' && (p[2] == '\\' || p[2] == '/'))
           || (p[0] == '\\' && p[1] == '\\');
}

KBAPI DLL_DIRECTORY_COOKIE WINAPI AddDllDirectory(PCWSTR path)
{
    if (path == NULL || !IsAbsolute(path) || wcslen(path) >= MAX_PATH) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    DLL_DIRECTORY_COOKIE cookie = NULL;
    RtlAcquireSRWLockExclusive(&lock);
    for (int i = 0; i < MAX_USER_DIRS && cookie == NULL; i++) {
        if (!user_dirs[i].used) {
            memcpy(user_dirs[i].path, path, (wcslen(path) + 1) * 2);
            user_dirs[i].used = TRUE;
            cookie = &user_dirs[i];
        }
    }
    RtlReleaseSRWLockExclusive(&lock);
    if (cookie == NULL)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return cookie;
}

KBAPI BOOL WINAPI RemoveDllDirectory(DLL_DIRECTORY_COOKIE cookie)
{
    USER_DIR *d = cookie;
    BOOL ok = FALSE;
    RtlAcquireSRWLockExclusive(&lock);
    if (d >= user_dirs && d < user_dirs + MAX_USER_DIRS && d->used) {
        d->used = FALSE;
        ok = TRUE;
    }
    RtlReleaseSRWLockExclusive(&lock);
    if (!ok)
        SetLastError(ERROR_INVALID_PARAMETER);
    return ok;
}

KBAPI BOOL WINAPI SetDefaultDllDirectories(DWORD flags)
{
    /* Only search flags, and never DLL_LOAD_DIR alone (it needs a path to mean anything). */
    if (flags == 0 || (flags & ~SEARCH_FLAGS) || flags == LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    default_flags = flags;
    return TRUE;
}

static SIZE_T Append(WCHAR *out, SIZE_T n, SIZE_T size, const WCHAR *folder, SIZE_T len)
{
    if (len == 0 || n + len + 2 >= size)
        return n;
    if (n)
        out[n++] = ';';
    memcpy(out + n, folder, len * 2);
    n += len;
    out[n] = 0;
    return n;
}

static SIZE_T FolderLength(const WCHAR *path, SIZE_T len)
{
    while (len && path[len - 1] != '\\' && path[len - 1] != '/')
        len--;
    return len ? len - 1 : 0;           /* without the last separator */
}

/* The folders LoadLibraryExW(name, flags) searches, or FALSE when it uses the standard order (no
 * search flag given and no default set). ERROR_INVALID_PARAMETER for a combination Windows refuses. */
BOOL BaseDllSearchPath(LPCWSTR name, DWORD *flags, WCHAR *out, SIZE_T size, BOOL *invalid)
{
    *invalid = FALSE;
    DWORD f = *flags & SEARCH_FLAGS;
    if (f == 0 && !(*flags & LOAD_WITH_ALTERED_SEARCH_PATH))
        f = default_flags;
    if (f == 0)
        return FALSE;
    if ((*flags & LOAD_WITH_ALTERED_SEARCH_PATH) && (*flags & SEARCH_FLAGS)) {
        *invalid = TRUE;
        return FALSE;
    }
    if ((f & LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR) && !IsAbsolute(name)) {
        *invalid = TRUE;
        return FALSE;
    }
    if (f & LOAD_LIBRARY_SEARCH_DEFAULT_DIRS)
        f |= LOAD_LIBRARY_SEARCH_APPLICATION_DIR | LOAD_LIBRARY_SEARCH_USER_DIRS | LOAD_LIBRARY_SEARCH_SYSTEM32;
    SIZE_T n = 0;
    out[0] = 0;
    if (f & LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR)
        n = Append(out, n, size, name, FolderLength(name, wcslen(name)));
    if (f & LOAD_LIBRARY_SEARCH_APPLICATION_DIR) {
        UNICODE_STRING *image = &PP_FIELD(UNICODE_STRING, PP_IMAGE_PATH);
        n = Append(out, n, size, image->Buffer, FolderLength(image->Buffer, image->Length / 2));
    }
    if (f & LOAD_LIBRARY_SEARCH_USER_DIRS) {
        RtlAcquireSRWLockShared(&lock);
        for (int i = 0; i < MAX_USER_DIRS; i++)
            if (user_dirs[i].used)
                n = Append(out, n, size, user_dirs[i].path, wcslen(user_dirs[i].path));
        RtlReleaseSRWLockShared(&lock);
    }
    if (f & LOAD_LIBRARY_SEARCH_SYSTEM32) {
        WCHAR system[MAX_PATH];
        UINT len = GetSystemDirectoryW(system, MAX_PATH);
        n = Append(out, n, size, system, len);
    }
    *flags = f;
    return TRUE;
}
