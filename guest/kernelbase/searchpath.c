/* Family 4, SearchPathW/A in the documented order: with no path given, the application's folder,
 * System32, the 16-bit system folder, the Windows folder, the current directory, then PATH (safe
 * process search mode, Windows' default); with a path, its folders in turn. An absolute name or one
 * starting with .\ or ..\ is looked up as it is. The extension is added only when the file's name
 * has none. The answer is the full path (its length, or the size needed with the NUL when the
 * buffer is short) and where its file name starts; ERROR_FILE_NOT_FOUND when it is nowhere. */
#include "kernelbase.h"

static BOOL Exists(LPCWSTR path)
{
    return GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES;
}

/* The answer for a found file: its full path in out (as GetFullPathName gives it). */
static DWORD Answer(LPCWSTR found, DWORD size, LPWSTR out, LPWSTR *file_part)
{
    WCHAR full[MAX_PATH * 2];
    LPWSTR part = NULL;
    DWORD len = GetFullPathNameW(found, MAX_PATH * 2, full, &part);
    if (len == 0 || len >= MAX_PATH * 2)
        return 0;
    if (len >= size)
        return len + 1;
    memcpy(out, full, (len + 1) * 2);
    if (file_part)
        *file_part = part ? out + (part - full) : NULL;
    return len;
}

static SIZE_T Join(WCHAR *out, const WCHAR *folder, SIZE_T flen, LPCWSTR file, LPCWSTR ext)
{
    SIZE_T n = 0;
    if (flen + wcslen(file) + (ext ? wcslen(ext) : 0) + 2 >= MAX_PATH * 2)
        return 0;
    memcpy(out, folder, flen * 2);
    n = flen;
    if (n && out[n - 1] != '\\' && out[n - 1] != '/') out[n++] = '\\';
    for (LPCWSTR p = file; *p; p++) out[n++] = *p;
    if (ext) for (LPCWSTR p = ext; *p; p++) out[n++] = *p;
    out[n] = 0;
    return n;
}

KBAPI DWORD WINAPI SearchPathW(LPCWSTR path, LPCWSTR file, LPCWSTR ext, DWORD size, LPWSTR out, LPWSTR *file_part)
{
    if (file == NULL || file[0] == 0 || (size && out == NULL)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    /* The extension rule: only for a file name without one. */
    LPCWSTR name = file;
    for (LPCWSTR p = file; *p; p++)
        if (*p == '\\' || *p == '/') name = p + 1;
    BOOL has_ext = FALSE;
    for (LPCWSTR p = name; *p; p++)
        if (*p == '.') has_ext = TRUE;
    if (has_ext || (ext && ext[0] == 0)) ext = NULL;
    WCHAR candidate[MAX_PATH * 2];

    /* An absolute name, or one relative to the current directory by .\ or ..\: as it is. */
    BOOL absolute = (file[0] && file[1] == ':') || file[0] == '\\' || file[0] == '/';
    BOOL dotted = file[0] == '.' && (file[1] == '\\' || file[1] == '/' || (file[1] == '.' && (file[2] == '\\' || file[2] == '/')));
    if (absolute || dotted) {
        if (Join(candidate, L"", 0, file, ext) && Exists(candidate))
            return Answer(candidate, size, out, file_part);
        SetLastError(ERROR_FILE_NOT_FOUND);
        return 0;
    }

    /* The folders to try. */
    WCHAR *list = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, 0x9000 * 2);
    if (list == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
    SIZE_T n = 0;
    if (path) {
        SIZE_T len = wcslen(path);
        if (len >= 0x9000) len = 0x9000 - 1;
        memcpy(list, path, len * 2);
        n = len;
    } else {
        UNICODE_STRING *image = &PP_FIELD(UNICODE_STRING, PP_IMAGE_PATH);
        SIZE_T len = image->Length / 2;
        while (len && image->Buffer[len - 1] != '\\') len--;
        memcpy(list, image->Buffer, len * 2);
        n = len;
        list[n++] = ';';
        n += GetSystemDirectoryW(list + n, MAX_PATH);
        list[n++] = ';';
        n += GetWindowsDirectoryW(list + n, MAX_PATH);
        memcpy(list + n, L"\\System;", 8 * 2);
        n += 8;
        n += GetWindowsDirectoryW(list + n, MAX_PATH);
        list[n++] = ';';
        n += GetCurrentDirectoryW(MAX_PATH, list + n);
        list[n++] = ';';
        DWORD got = GetEnvironmentVariableW(L"PATH", list + n, (DWORD)(0x9000 - n - 1));
        if (got < 0x9000 - n - 1) n += got;
    }
    list[n] = 0;
    DWORD result = 0;
    BOOL found = FALSE;
    for (WCHAR *p = list; *p && !found; ) {
        WCHAR *end = p;
        while (*end && *end != ';') end++;
        if (end > p && Join(candidate, p, (SIZE_T)(end - p), file, ext) && Exists(candidate)) {
            found = TRUE;
            result = Answer(candidate, size, out, file_part);
        }
        p = *end ? end + 1 : end;
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, list);
    if (!found)
        SetLastError(ERROR_FILE_NOT_FOUND);
    return result;
}

KBAPI DWORD WINAPI SearchPathA(LPCSTR path, LPCSTR file, LPCSTR ext, DWORD size, LPSTR out, LPSTR *file_part)
{
    if (file == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    WCHAR *wpath = path ? BaseWideName(path) : NULL, *wfile = BaseWideName(file), *wext = ext ? BaseWideName(ext) : NULL;
    WCHAR found[MAX_PATH * 2];
    LPWSTR part = NULL;
    DWORD r = 0;
    if ((path == NULL || wpath) && wfile && (ext == NULL || wext))
        r = SearchPathW(wpath, wfile, wext, MAX_PATH * 2, found, &part);
    if (r && r < MAX_PATH * 2) {
        int bytes = WideCharToMultiByte(CP_ACP, 0, found, -1, NULL, 0, NULL, NULL);
        if ((DWORD)bytes > size) {
            r = (DWORD)bytes;
        } else {
            WideCharToMultiByte(CP_ACP, 0, found, -1, out, (int)size, NULL, NULL);
            r = (DWORD)bytes - 1;
            if (file_part)
                *file_part = part ? out + WideCharToMultiByte(CP_ACP, 0, found, (int)(part - found), NULL, 0, NULL, NULL)
                                  : NULL;
        }
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wpath);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wfile);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wext);
    return r;
}
