/* Family 2 (files), the calls around the ones file.c, path.c and file_io.c have: the ANSI forms of
 * the volume and path queries, GetCompressedFileSize (no compression: the file's size),
 * CreateDirectoryEx (the template's attributes), MoveFileWithProgress (one volume: always a
 * rename, so the progress routine is never called), ReOpenFile (an open relative to the handle
 * with an empty name) and GetOverlappedResultEx (a bounded, optionally alertable wait). */
#include "kernelbase.h"

#define STATUS_USER_APC_ ((NTSTATUS)0x000000C0)
#define STATUS_ALERTED_ ((NTSTATUS)0x00000101)

static void FreeWide(WCHAR *w)
{
    DWORD error = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    SetLastError(error);
}

/* An optional ANSI path as UTF-16 (NULL stays NULL); FALSE with the error set. */
static BOOL OptionalWide(LPCSTR a, WCHAR **w)
{
    *w = NULL;
    if (a == NULL) return TRUE;
    *w = BaseWideName(a);
    return *w != NULL;
}

/* A wide result of n characters into an ANSI buffer by the Win32 rules: the length written, or
 * the size needed (NUL included) when it does not fit. */
static DWORD AnsiAnswer(const WCHAR *s, DWORD n, LPSTR out, DWORD size)
{
    int bytes = WideCharToMultiByte(CP_ACP, 0, s, (int)n, NULL, 0, NULL, NULL);
    if (out == NULL || (DWORD)bytes + 1 > size) return (DWORD)bytes + 1;
    WideCharToMultiByte(CP_ACP, 0, s, (int)n, out, bytes, NULL, NULL);
    out[bytes] = 0;
    return (DWORD)bytes;
}

KBAPI BOOL WINAPI GetDiskFreeSpaceA(LPCSTR root, LPDWORD sectors_per_cluster, LPDWORD bytes_per_sector,
                                    LPDWORD free_clusters, LPDWORD total_clusters)
{
    WCHAR *w;
    if (!OptionalWide(root, &w)) return FALSE;
    BOOL ok = GetDiskFreeSpaceW(w, sectors_per_cluster, bytes_per_sector, free_clusters, total_clusters);
    if (w) FreeWide(w);
    return ok;
}

KBAPI BOOL WINAPI GetDiskFreeSpaceExA(LPCSTR dir, PULARGE_INTEGER avail, PULARGE_INTEGER total, PULARGE_INTEGER free)
{
    WCHAR *w;
    if (!OptionalWide(dir, &w)) return FALSE;
    BOOL ok = GetDiskFreeSpaceExW(w, avail, total, free);
    if (w) FreeWide(w);
    return ok;
}

KBAPI BOOL WINAPI GetVolumeInformationA(LPCSTR root, LPSTR label, DWORD label_size, LPDWORD serial,
                                        LPDWORD max_component, LPDWORD fs_flags, LPSTR fs_name, DWORD fs_name_size)
{
    WCHAR *w;
    if (!OptionalWide(root, &w)) return FALSE;
    WCHAR wlabel[MAX_PATH + 1], wfs[MAX_PATH + 1];
    BOOL ok = GetVolumeInformationW(w, wlabel, MAX_PATH + 1, serial, max_component, fs_flags, wfs, MAX_PATH + 1);
    if (w) FreeWide(w);
    if (!ok) return FALSE;
    /* Each name must fit with its NUL, as the wide form requires. */
    if ((label && label_size && AnsiAnswer(wlabel, (DWORD)wcslen(wlabel), label, label_size) >= label_size) ||
        (fs_name && fs_name_size && AnsiAnswer(wfs, (DWORD)wcslen(wfs), fs_name, fs_name_size) >= fs_name_size)) {
        SetLastError(ERROR_BAD_LENGTH);
        return FALSE;
    }
    return TRUE;
}

/* The long and short names (there are no 8.3 names: both are the name as it exists). */
static DWORD PathNameA(DWORD (WINAPI *wide)(LPCWSTR, LPWSTR, DWORD), LPCSTR path, LPSTR out, DWORD size)
{
    if (path == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    WCHAR *w = BaseWideName(path);
    if (w == NULL) return 0;
    WCHAR result[MAX_PATH * 2];
    DWORD n = wide(w, result, MAX_PATH * 2);
    FreeWide(w);
    if (n == 0 || n >= MAX_PATH * 2) return 0;
    return AnsiAnswer(result, n, out, size);
}

KBAPI DWORD WINAPI GetLongPathNameA(LPCSTR path, LPSTR out, DWORD size) { return PathNameA(GetLongPathNameW, path, out, size); }
KBAPI DWORD WINAPI GetShortPathNameA(LPCSTR path, LPSTR out, DWORD size) { return PathNameA(GetShortPathNameW, path, out, size); }

KBAPI DWORD WINAPI GetFinalPathNameByHandleA(HANDLE h, LPSTR out, DWORD size, DWORD flags)
{
    WCHAR result[MAX_PATH * 2];
    DWORD n = GetFinalPathNameByHandleW(h, result, MAX_PATH * 2, flags);
    if (n == 0 || n >= MAX_PATH * 2) return 0;
    return AnsiAnswer(result, n, out, size);
}

KBAPI DWORD WINAPI GetLogicalDriveStringsA(DWORD size, LPSTR out)
{
    WCHAR w[64];
    DWORD n = GetLogicalDriveStringsW(64, w);
    if (n == 0 || n > 63) return 0;
    if (size < n + 1) return n + 1;
    for (DWORD i = 0; i <= n; i++) out[i] = (char)w[i];    /* drive roots are ASCII */
    return n;
}

/* No file is compressed or sparse: the size on disk is the file's size. */
KBAPI DWORD WINAPI GetCompressedFileSizeW(LPCWSTR path, LPDWORD high)
{
    WIN32_FILE_ATTRIBUTE_DATA data;
    if (!GetFileAttributesExW(path, GetFileExInfoStandard, &data))
        return INVALID_FILE_SIZE;
    if (high) *high = data.nFileSizeHigh;
    SetLastError(NO_ERROR);                     /* INVALID_FILE_SIZE as a low part is then told apart */
    return data.nFileSizeLow;
}

KBAPI DWORD WINAPI GetCompressedFileSizeA(LPCSTR path, LPDWORD high)
{
    WCHAR *w = BaseWideName(path);
    if (w == NULL) return INVALID_FILE_SIZE;
    DWORD low = GetCompressedFileSizeW(w, high);
    FreeWide(w);
    return low;
}

/* CreateDirectoryEx: a new directory with the template directory's attributes. */
KBAPI BOOL WINAPI CreateDirectoryExW(LPCWSTR template_dir, LPCWSTR path, LPSECURITY_ATTRIBUTES sa)
{
    DWORD attributes = GetFileAttributesW(template_dir);
    if (attributes == INVALID_FILE_ATTRIBUTES)
        return FALSE;
    if (!(attributes & FILE_ATTRIBUTE_DIRECTORY)) {
        SetLastError(ERROR_DIRECTORY);
        return FALSE;
    }
    if (!CreateDirectoryW(path, sa))
        return FALSE;
    DWORD copied = attributes & (FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM |
                                 FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_NOT_CONTENT_INDEXED);
    if (copied)
        SetFileAttributesW(path, copied);
    return TRUE;
}

KBAPI BOOL WINAPI CreateDirectoryExA(LPCSTR template_dir, LPCSTR path, LPSECURITY_ATTRIBUTES sa)
{
    WCHAR *t = BaseWideName(template_dir);
    if (t == NULL) return FALSE;
    WCHAR *w = BaseWideName(path);
    if (w == NULL) { FreeWide(t); return FALSE; }
    BOOL ok = CreateDirectoryExW(t, w, sa);
    FreeWide(t);
    FreeWide(w);
    return ok;
}

/* Every path is on the one volume, so a move is a rename and no data is copied: the progress
 * routine, called only for the chunks of a copy, never runs. */
KBAPI BOOL WINAPI MoveFileWithProgressW(LPCWSTR from, LPCWSTR to, LPPROGRESS_ROUTINE progress, LPVOID data, DWORD flags)
{
    (void)progress;
    (void)data;
    return MoveFileExW(from, to, flags);
}

KBAPI BOOL WINAPI MoveFileWithProgressA(LPCSTR from, LPCSTR to, LPPROGRESS_ROUTINE progress, LPVOID data, DWORD flags)
{
    WCHAR *a = BaseWideName(from);
    if (a == NULL) return FALSE;
    WCHAR *b = NULL;
    if (to && (b = BaseWideName(to)) == NULL) { FreeWide(a); return FALSE; }
    BOOL ok = MoveFileWithProgressW(a, b, progress, data, flags);
    FreeWide(a);
    if (b) FreeWide(b);
    return ok;
}

/* ReOpenFile: the same file with other access, sharing and flags (no attributes, no
 * FILE_FLAG_DELETE_ON_CLOSE), opened relative to the handle with an empty name. */
KBAPI HANDLE WINAPI ReOpenFile(HANDLE original, DWORD access, DWORD share, DWORD flags)
{
    if (flags & (FILE_FLAG_DELETE_ON_CLOSE | 0x7FA7 /* FILE_ATTRIBUTE_VALID_FLAGS */)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    UNICODE_STRING empty = { 0, 0, NULL };
    OBJECT_ATTRIBUTES oa = { sizeof(oa), original, &empty, OBJ_CASE_INSENSITIVE_, NULL, NULL };
    ULONG options = FILE_NON_DIRECTORY_FILE_;
    if (!(flags & FILE_FLAG_OVERLAPPED)) options |= FILE_SYNCHRONOUS_IO_NONALERT_;
    if (flags & FILE_FLAG_WRITE_THROUGH) options |= FILE_WRITE_THROUGH_;
    if (flags & FILE_FLAG_NO_BUFFERING) options |= FILE_NO_INTERMEDIATE_BUFFERING_;
    if (flags & FILE_FLAG_RANDOM_ACCESS) options |= FILE_RANDOM_ACCESS_;
    if (flags & FILE_FLAG_SEQUENTIAL_SCAN) options |= FILE_SEQUENTIAL_ONLY_;
    if (flags & FILE_FLAG_BACKUP_SEMANTICS) options = (options & ~(ULONG)FILE_NON_DIRECTORY_FILE_) | FILE_OPEN_FOR_BACKUP_INTENT_;
    IO_STATUS_BLOCK iosb;
    HANDLE h = NULL;
    NTSTATUS status = NtCreateFile(&h, access | SYNCHRONIZE | FILE_READ_ATTRIBUTES, &oa, &iosb, NULL, 0, share,
                                   1 /* FILE_OPEN */, options, NULL, 0);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return INVALID_HANDLE_VALUE;
    }
    return h;
}

/* GetOverlappedResultEx: GetOverlappedResult with a bounded wait: 0 is a poll (ERROR_IO_INCOMPLETE),
 * a timeout is WAIT_TIMEOUT, an APC in an alertable wait WAIT_IO_COMPLETION. */
KBAPI BOOL WINAPI GetOverlappedResultEx(HANDLE h, LPOVERLAPPED ov, LPDWORD done, DWORD ms, BOOL alertable)
{
    if ((NTSTATUS)ov->Internal == STATUS_PENDING_) {
        if (ms == 0) {
            SetLastError(ERROR_IO_INCOMPLETE);
            return FALSE;
        }
        LARGE_INTEGER timeout;
        NTSTATUS status = NtWaitForSingleObject(ov->hEvent ? ov->hEvent : h, (BOOLEAN)(alertable != 0),
                                                BaseFormatTimeOut(&timeout, ms));
        if (status == STATUS_TIMEOUT_) {
            SetLastError(WAIT_TIMEOUT);
            return FALSE;
        }
        if (status == STATUS_USER_APC_ || status == STATUS_ALERTED_) {
            SetLastError(WAIT_IO_COMPLETION);
            return FALSE;
        }
        if (!NT_SUCCESS(status))
            return BaseFail(status);
    }
    if (done) *done = (DWORD)ov->InternalHigh;
    if (!NT_SUCCESS((NTSTATUS)ov->Internal))
        return BaseFail((NTSTATUS)ov->Internal);
    return TRUE;
}
