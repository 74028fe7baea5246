/* Folders and file operations: SHCreateDirectory(Ex) (every missing folder of a path) and
 * SHFileOperation (FO_COPY, FO_MOVE, FO_DELETE, FO_RENAME over double-NUL lists, wildcards in the
 * last component of a source, folders recursively). Nothing here shows a dialog: this machine has
 * no desktop to show one on, so a question Windows would ask is answered as FOF_NOCONFIRMATION
 * answers it, and errors come back as Windows 10's return codes (Win32 error codes). */
#include "shell32.h"

DWORD ShCreatePath(LPCWSTR path)
{
    WCHAR buf[MAX_PATH];
    int n = lstrlenW(path);
    if (n >= MAX_PATH) return ERROR_FILENAME_EXCED_RANGE;
    lstrcpyW(buf, path);
    while (n > 3 && buf[n - 1] == '\\') buf[--n] = 0;
    DWORD attributes = GetFileAttributesW(buf);
    if (attributes != INVALID_FILE_ATTRIBUTES)
        return attributes & FILE_ATTRIBUTE_DIRECTORY ? ERROR_ALREADY_EXISTS : ERROR_FILE_EXISTS;
    /* Step 1: each parent, from the root down; step 2: the folder itself. */
    for (int i = 3; i < n; i++) {
        if (buf[i] != '\\') continue;
        buf[i] = 0;
        if (GetFileAttributesW(buf) == INVALID_FILE_ATTRIBUTES && !CreateDirectoryW(buf, NULL)) {
            DWORD error = GetLastError();
            if (error != ERROR_ALREADY_EXISTS) return error;
        }
        buf[i] = '\\';
    }
    return CreateDirectoryW(buf, NULL) ? ERROR_SUCCESS : GetLastError();
}

static BOOL IsAbsolute(LPCWSTR p)
{
    return p && ((p[0] && p[1] == ':' && p[2] == '\\') || (p[0] == '\\' && p[1] == '\\'));
}

SHAPI int WINAPI SHCreateDirectoryExW(HWND owner, LPCWSTR path, const SECURITY_ATTRIBUTES *sa)
{
    (void)owner; (void)sa;
    if (path == NULL || !IsAbsolute(path)) {
        SetLastError(ERROR_BAD_PATHNAME);
        return ERROR_BAD_PATHNAME;
    }
    DWORD error = ShCreatePath(path);
    SetLastError(error);
    return (int)error;
}

SHAPI int WINAPI SHCreateDirectoryExA(HWND owner, LPCSTR path, const SECURITY_ATTRIBUTES *sa)
{
    WCHAR wide[MAX_PATH];
    return SHCreateDirectoryExW(owner, path ? ToWide(path, wide, MAX_PATH) : NULL, sa);
}

SHAPI int WINAPI SHCreateDirectory(HWND owner, PCWSTR path) { return SHCreateDirectoryExW(owner, path, NULL); }

LPWSTR ShMultiToWide(LPCSTR list)
{
    if (list == NULL) return NULL;
    SIZE_T n = 0;
    while (list[n] || list[n + 1]) n++;
    n += 2;
    LPWSTR out = ShAlloc(n * sizeof(WCHAR));
    if (out && !MultiByteToWideChar(CP_ACP, 0, list, (int)n, out, (int)n)) out[0] = out[1] = 0;
    return out;
}

/* A path's last component starts after its last backslash. */
static WCHAR *LastPart(WCHAR *path)
{
    WCHAR *last = path;
    for (WCHAR *p = path; *p; p++) if (*p == '\\' || *p == '/' || *p == ':') last = p + 1;
    return last;
}

static BOOL Join(WCHAR out[MAX_PATH], LPCWSTR dir, LPCWSTR name)
{
    int n = lstrlenW(dir);
    if (n + 1 + lstrlenW(name) >= MAX_PATH) return FALSE;
    lstrcpyW(out, dir);
    if (n && out[n - 1] != '\\') out[n++] = '\\';
    lstrcpyW(out + n, name);
    return TRUE;
}

static DWORD DeleteTree(LPCWSTR path)
{
    DWORD attributes = GetFileAttributesW(path);
    if (attributes == INVALID_FILE_ATTRIBUTES) return GetLastError();
    if (!(attributes & FILE_ATTRIBUTE_DIRECTORY)) {
        if (attributes & FILE_ATTRIBUTE_READONLY) SetFileAttributesW(path, attributes & ~FILE_ATTRIBUTE_READONLY);
        return DeleteFileW(path) ? 0 : GetLastError();
    }
    WCHAR mask[MAX_PATH], child[MAX_PATH];
    WIN32_FIND_DATAW fd;
    if (!Join(mask, path, L"*")) return ERROR_FILENAME_EXCED_RANGE;
    HANDLE find = FindFirstFileW(mask, &fd);
    if (find != INVALID_HANDLE_VALUE) {
        do {
            if (!lstrcmpW(fd.cFileName, L".") || !lstrcmpW(fd.cFileName, L"..")) continue;
            DWORD error = Join(child, path, fd.cFileName) ? DeleteTree(child) : ERROR_FILENAME_EXCED_RANGE;
            if (error) { FindClose(find); return error; }
        } while (FindNextFileW(find, &fd));
        FindClose(find);
    }
    return RemoveDirectoryW(path) ? 0 : GetLastError();
}

static DWORD CopyTree(LPCWSTR from, LPCWSTR to, BOOL overwrite)
{
    DWORD attributes = GetFileAttributesW(from);
    if (attributes == INVALID_FILE_ATTRIBUTES) return GetLastError();
    if (!(attributes & FILE_ATTRIBUTE_DIRECTORY))
        return CopyFileW(from, to, !overwrite) ? 0 : GetLastError();
    if (!CreateDirectoryW(to, NULL) && GetLastError() != ERROR_ALREADY_EXISTS) return GetLastError();
    WCHAR mask[MAX_PATH], a[MAX_PATH], b[MAX_PATH];
    WIN32_FIND_DATAW fd;
    if (!Join(mask, from, L"*")) return ERROR_FILENAME_EXCED_RANGE;
    HANDLE find = FindFirstFileW(mask, &fd);
    if (find == INVALID_HANDLE_VALUE) return 0;
    DWORD error = 0;
    do {
        if (!lstrcmpW(fd.cFileName, L".") || !lstrcmpW(fd.cFileName, L"..")) continue;
        if (!Join(a, from, fd.cFileName) || !Join(b, to, fd.cFileName)) error = ERROR_FILENAME_EXCED_RANGE;
        else error = CopyTree(a, b, overwrite);
    } while (!error && FindNextFileW(find, &fd));
    FindClose(find);
    return error;
}

static BOOL HasWildcard(LPCWSTR s)
{
    for (; *s; s++) if (*s == '*' || *s == '?') return TRUE;
    return FALSE;
}

/* One source (already free of wildcards) to its destination path. */
static DWORD OneOperation(UINT func, LPCWSTR from, LPCWSTR to, FILEOP_FLAGS flags)
{
    switch (func) {
    case FO_DELETE:
        return DeleteTree(from);
    case FO_COPY:
        return CopyTree(from, to, TRUE);
    case FO_MOVE:
    case FO_RENAME:
        if (func == FO_MOVE && GetFileAttributesW(to) != INVALID_FILE_ATTRIBUTES &&
            !(GetFileAttributesW(to) & FILE_ATTRIBUTE_DIRECTORY))
            DeleteFileW(to);               /* moving over a file replaces it */
        if (MoveFileExW(from, to, MOVEFILE_COPY_ALLOWED)) return 0;
        if (func == FO_MOVE && GetLastError() == ERROR_NOT_SAME_DEVICE) {
            DWORD error = CopyTree(from, to, TRUE);
            return error ? error : DeleteTree(from);
        }
        return GetLastError();
    }
    (void)flags;
    return ERROR_INVALID_PARAMETER;
}

/* The destination for one source: into a folder, or the given name itself. */
static BOOL Target(WCHAR out[MAX_PATH], LPCWSTR from, LPCWSTR to, BOOL into)
{
    if (!into) {
        if (lstrlenW(to) >= MAX_PATH) return FALSE;
        lstrcpyW(out, to);
        return TRUE;
    }
    WCHAR copy[MAX_PATH];
    lstrcpynW(copy, from, MAX_PATH);
    return Join(out, to, LastPart(copy));
}

static int Count(LPCWSTR list)
{
    int n = 0;
    for (; list && *list; list += lstrlenW(list) + 1) n++;
    return n;
}

SHAPI int WINAPI SHFileOperationW(LPSHFILEOPSTRUCTW op)
{
    if (op == NULL) return ERROR_INVALID_PARAMETER;
    op->fAnyOperationsAborted = FALSE;
    op->hNameMappings = NULL;
    UINT func = op->wFunc;
    if (func < FO_MOVE || func > FO_RENAME) return ERROR_INVALID_PARAMETER;
    if (op->pFrom == NULL || op->pFrom[0] == 0) return ERROR_INVALID_PARAMETER;      /* no source */
    LPCWSTR dests = func == FO_DELETE ? NULL : op->pTo;
    if (func != FO_DELETE && (dests == NULL || dests[0] == 0)) return ERROR_INVALID_PARAMETER;
    if (func == FO_RENAME && Count(op->pFrom) != 1) return ERROR_GEN_FAILURE;
    BOOL multi = (op->fFlags & FOF_MULTIDESTFILES) && Count(dests) > 1;
    int sources = Count(op->pFrom);
    /* Step 1: where the sources go: into an existing folder, or a new one for several of them. */
    BOOL into = FALSE;
    if (dests && !multi && func != FO_RENAME) {
        DWORD attributes = GetFileAttributesW(dests);
        if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY)) into = TRUE;
        else if (sources > 1 || HasWildcard(op->pFrom)) {
            DWORD error = ShCreatePath(dests);
            if (error && error != ERROR_ALREADY_EXISTS) return (int)error;
            into = TRUE;
        }
    }
    /* Step 2: each source, its wildcards expanded in its own folder. */
    LPCWSTR dest = dests;
    for (LPCWSTR from = op->pFrom; *from; from += lstrlenW(from) + 1) {
        WCHAR full[MAX_PATH], target[MAX_PATH], item[MAX_PATH];
        DWORD n = GetFullPathNameW(from, MAX_PATH, full, NULL);
        if (n == 0 || n >= MAX_PATH) return ERROR_INVALID_NAME;
        if (!HasWildcard(full)) {
            if (GetFileAttributesW(full) == INVALID_FILE_ATTRIBUTES) return ERROR_FILE_NOT_FOUND;
            if (dest && !Target(target, full, dest, into)) return ERROR_FILENAME_EXCED_RANGE;
            if (func == FO_RENAME && GetFileAttributesW(target) != INVALID_FILE_ATTRIBUTES &&
                lstrcmpiW(target, full))
                return ERROR_ALREADY_EXISTS;
            DWORD error = OneOperation(func, full, dest ? target : NULL, op->fFlags);
            if (error) return (int)error;
        } else {
            WIN32_FIND_DATAW fd;
            HANDLE find = FindFirstFileW(full, &fd);
            if (find == INVALID_HANDLE_VALUE) continue;         /* a mask that matches nothing */
            *LastPart(full) = 0;
            DWORD error = 0;
            do {
                if (!lstrcmpW(fd.cFileName, L".") || !lstrcmpW(fd.cFileName, L"..")) continue;
                if ((op->fFlags & FOF_FILESONLY) && (fd.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)) continue;
                if (!Join(item, full, fd.cFileName) || (dest && !Target(target, item, dest, TRUE)))
                    error = ERROR_FILENAME_EXCED_RANGE;
                else
                    error = OneOperation(func, item, dest ? target : NULL, op->fFlags);
            } while (!error && FindNextFileW(find, &fd));
            FindClose(find);
            if (error) return (int)error;
        }
        if (multi) {
            dest += lstrlenW(dest) + 1;
            if (*dest == 0) break;
        }
    }
    return 0;
}

SHAPI int WINAPI SHFileOperationA(LPSHFILEOPSTRUCTA op)
{
    if (op == NULL) return ERROR_INVALID_PARAMETER;
    SHFILEOPSTRUCTW w = {op->hwnd, op->wFunc, NULL, NULL, op->fFlags, FALSE, NULL, NULL};
    w.pFrom = ShMultiToWide(op->pFrom);
    w.pTo = ShMultiToWide(op->pTo);
    int result = SHFileOperationW(&w);
    op->fAnyOperationsAborted = w.fAnyOperationsAborted;
    op->hNameMappings = NULL;
    ShFree((void *)w.pFrom);
    ShFree((void *)w.pTo);
    return result;
}

SHAPI void WINAPI SHFreeNameMappings(HANDLE mappings) { (void)mappings; }

/* SHPathPrepareForWrite: the folder a write will go to exists (or, with SHPPFW_DIRCREATE, is
 * made); asking first (SHPPFW_ASKDIRCREATE) would need a dialog nobody can answer here. */
SHAPI HRESULT WINAPI SHPathPrepareForWriteW(HWND hwnd, IUnknown *modeless, LPCWSTR path, DWORD flags)
{
    WCHAR dir[MAX_PATH];
    (void)hwnd; (void)modeless;
    if (path == NULL || lstrlenW(path) >= MAX_PATH) return E_INVALIDARG;
    lstrcpyW(dir, path);
    if (flags & SHPPFW_IGNOREFILENAME) *LastPart(dir) = 0;
    int n = lstrlenW(dir);
    while (n > 3 && dir[n - 1] == '\\') dir[--n] = 0;
    DWORD attributes = GetFileAttributesW(dir);
    if (attributes != INVALID_FILE_ATTRIBUTES)
        return attributes & FILE_ATTRIBUTE_DIRECTORY ? S_OK : HRESULT_FROM_WIN32(ERROR_DIRECTORY);
    if (flags & SHPPFW_ASKDIRCREATE) return HRESULT_FROM_WIN32(ERROR_CANCELLED);
    if (!(flags & SHPPFW_DIRCREATE)) return HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND);
    DWORD error = ShCreatePath(dir);
    return error && error != ERROR_ALREADY_EXISTS ? HRESULT_FROM_WIN32(error) : S_OK;
}

SHAPI HRESULT WINAPI SHPathPrepareForWriteA(HWND hwnd, IUnknown *modeless, LPCSTR path, DWORD flags)
{
    WCHAR wide[MAX_PATH];
    return SHPathPrepareForWriteW(hwnd, modeless, path ? ToWide(path, wide, MAX_PATH) : NULL, flags);
}

/* PathYetAnotherMakeUniqueName: dir\name if nothing has that name, else "stem (2).ext",
 * "stem (3).ext" ... as Windows 10 numbers copies. */
SHAPI BOOL WINAPI PathYetAnotherMakeUniqueName(PWSTR out, PCWSTR dir, PCWSTR shortName, PCWSTR longName)
{
    WCHAR name[MAX_PATH], stem[MAX_PATH], candidate[MAX_PATH];
    PCWSTR spec = longName ? longName : shortName;
    if (out == NULL) return FALSE;
    out[0] = 0;
    if (dir == NULL || spec == NULL || lstrlenW(spec) >= MAX_PATH) return FALSE;
    lstrcpyW(name, spec);
    if (!Join(candidate, dir, name)) return FALSE;
    if (GetFileAttributesW(candidate) == INVALID_FILE_ATTRIBUTES) { lstrcpyW(out, candidate); return TRUE; }
    WCHAR *dot = NULL;
    for (WCHAR *p = name; *p; p++) if (*p == '.') dot = p;
    PCWSTR ext = dot ? spec + (dot - name) : NULL;          /* ".ext" of the name given */
    lstrcpyW(stem, name);
    if (dot) stem[dot - name] = 0;
    for (int i = 2; i < 1000; i++) {
        WCHAR number[16], *q = number + 15;
        *q = 0;
        for (int v = i; v; v /= 10) *--q = (WCHAR)('0' + v % 10);
        if (lstrlenW(stem) + lstrlenW(q) + 4 + (ext ? lstrlenW(ext) : 0) >= MAX_PATH) return FALSE;
        lstrcpyW(name, stem);
        lstrcatW(name, L" (");
        lstrcatW(name, q);
        lstrcatW(name, L")");
        if (ext) lstrcatW(name, ext);
        if (!Join(candidate, dir, name)) return FALSE;
        if (GetFileAttributesW(candidate) == INVALID_FILE_ATTRIBUTES) { lstrcpyW(out, candidate); return TRUE; }
    }
    return FALSE;
}
