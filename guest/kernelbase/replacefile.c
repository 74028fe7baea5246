/* Family 4, ReplaceFileW/A: the replacement file takes the replaced file's name, attributes and
 * creation time; the replaced file goes, or becomes the backup. The documented failures: either
 * file missing -> ERROR_FILE_NOT_FOUND; the replaced file cannot be deleted or renamed (held open
 * without delete sharing, read-only) -> ERROR_UNABLE_TO_REMOVE_REPLACED, both names unchanged; the
 * replacement cannot take the name -> ERROR_UNABLE_TO_MOVE_REPLACEMENT (the backup, if any, is
 * renamed back) or, without a backup to restore, ERROR_UNABLE_TO_MOVE_REPLACEMENT_2. */
#include "kernelbase.h"

#define REPLACE_FLAGS (REPLACEFILE_WRITE_THROUGH | REPLACEFILE_IGNORE_MERGE_ERRORS | REPLACEFILE_IGNORE_ACL_ERRORS)

KBAPI BOOL WINAPI ReplaceFileW(LPCWSTR replaced, LPCWSTR replacement, LPCWSTR backup, DWORD flags, LPVOID exclude,
                               LPVOID reserved)
{
    if (replaced == NULL || replacement == NULL || (flags & ~(DWORD)REPLACE_FLAGS) || exclude || reserved) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    /* Step 1: both files, and what of the replaced one carries over. */
    DWORD attributes = GetFileAttributesW(replaced);
    if (attributes == INVALID_FILE_ATTRIBUTES)
        return FALSE;                                   /* GetFileAttributes' error: not found ... */
    if (GetFileAttributesW(replacement) == INVALID_FILE_ATTRIBUTES)
        return FALSE;
    if (attributes & FILE_ATTRIBUTE_READONLY) {
        SetLastError(ERROR_UNABLE_TO_REMOVE_REPLACED);
        return FALSE;
    }
    HANDLE old = CreateFileW(replaced, GENERIC_READ | DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                             NULL, OPEN_EXISTING, 0, NULL);
    if (old == INVALID_HANDLE_VALUE) {
        SetLastError(GetLastError() == ERROR_SHARING_VIOLATION || GetLastError() == ERROR_ACCESS_DENIED
                     ? ERROR_UNABLE_TO_REMOVE_REPLACED : GetLastError());
        return FALSE;
    }
    FILETIME created;
    BOOL have_time = GetFileTime(old, &created, NULL, NULL);
    CloseHandle(old);
    HANDLE repl = CreateFileW(replacement, GENERIC_READ | GENERIC_WRITE | DELETE, FILE_SHARE_READ | FILE_SHARE_DELETE,
                              NULL, OPEN_EXISTING, 0, NULL);
    if (repl == INVALID_HANDLE_VALUE)
        return FALSE;                                   /* e.g. ERROR_SHARING_VIOLATION */
    if (have_time)
        SetFileTime(repl, &created, NULL, NULL);
    if (flags & REPLACEFILE_WRITE_THROUGH)
        FlushFileBuffers(repl);
    CloseHandle(repl);
    SetFileAttributesW(replacement, attributes & ~(DWORD)FILE_ATTRIBUTE_READONLY);

    /* Step 2: the replaced file out of the way, as the backup or deleted. */
    BOOL moved = backup ? MoveFileExW(replaced, backup, MOVEFILE_REPLACE_EXISTING) : DeleteFileW(replaced);
    if (!moved) {
        SetLastError(ERROR_UNABLE_TO_REMOVE_REPLACED);
        return FALSE;
    }
    /* Step 3: the replacement under the replaced name. */
    if (!MoveFileExW(replacement, replaced, 0)) {
        if (backup && MoveFileExW(backup, replaced, 0)) {
            SetLastError(ERROR_UNABLE_TO_MOVE_REPLACEMENT);
            return FALSE;
        }
        SetLastError(ERROR_UNABLE_TO_MOVE_REPLACEMENT_2);
        return FALSE;
    }
    return TRUE;
}

KBAPI BOOL WINAPI ReplaceFileA(LPCSTR replaced, LPCSTR replacement, LPCSTR backup, DWORD flags, LPVOID exclude,
                               LPVOID reserved)
{
    if (replaced == NULL || replacement == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    WCHAR *a = BaseWideName(replaced), *b = BaseWideName(replacement), *c = backup ? BaseWideName(backup) : NULL;
    BOOL ok = a && b && (backup == NULL || c) && ReplaceFileW(a, b, c, flags, exclude, reserved);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, a);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, b);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, c);
    return ok;
}
