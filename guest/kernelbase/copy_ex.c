/* CopyFileExW/A: CopyFileW's copy (the data, then the last write time; the source's attributes
 * on the new file) with the progress routine and the cancel flag. The routine is called with
 * CALLBACK_STREAM_SWITCH before the first chunk of the data stream (stream 1), then with
 * CALLBACK_CHUNK_FINISHED after each chunk; it answers PROGRESS_CONTINUE, PROGRESS_QUIET (no more
 * calls), PROGRESS_STOP (the copy ends, the partial file stays) or PROGRESS_CANCEL (the partial
 * file is deleted); a stop, a cancel or *cancel set is ERROR_REQUEST_ABORTED.
 * COPY_FILE_FAIL_IF_EXISTS gives ERROR_FILE_EXISTS for an existing destination. */
#include "kernelbase.h"

#define CHUNK 0x10000

KBAPI BOOL WINAPI CopyFileExW(LPCWSTR from, LPCWSTR to, LPPROGRESS_ROUTINE progress, LPVOID data, LPBOOL cancel,
                              DWORD flags)
{
    HANDLE src = CreateFileW(from, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, FILE_FLAG_SEQUENTIAL_SCAN, NULL);
    if (src == INVALID_HANDLE_VALUE) return FALSE;
    BY_HANDLE_FILE_INFORMATION info;
    if (!GetFileInformationByHandle(src, &info)) { CloseHandle(src); return FALSE; }
    HANDLE dst = CreateFileW(to, GENERIC_WRITE, 0, NULL, (flags & COPY_FILE_FAIL_IF_EXISTS) ? CREATE_NEW : CREATE_ALWAYS,
                             info.dwFileAttributes & ~(DWORD)FILE_ATTRIBUTE_DIRECTORY, NULL);
    if (dst == INVALID_HANDLE_VALUE) { DWORD e = GetLastError(); CloseHandle(src); SetLastError(e); return FALSE; }
    LARGE_INTEGER total = {.LowPart = info.nFileSizeLow, .HighPart = (LONG)info.nFileSizeHigh};
    LARGE_INTEGER done = {.QuadPart = 0};
    BYTE *buffer = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, CHUNK);
    BOOL ok = buffer != NULL, keep_partial = FALSE;
    DWORD error = ok ? NO_ERROR : ERROR_NOT_ENOUGH_MEMORY, reason = CALLBACK_STREAM_SWITCH, got = 0, put;
    for (;;) {
        if (ok && cancel && *cancel) {
            ok = FALSE;
            error = ERROR_REQUEST_ABORTED;
        }
        if (ok && progress) {
            DWORD answer = progress(total, done, total, done, 1, reason, src, dst, data);
            reason = CALLBACK_CHUNK_FINISHED;
            if (answer == PROGRESS_QUIET)
                progress = NULL;
            else if (answer == PROGRESS_STOP || answer == PROGRESS_CANCEL) {
                ok = FALSE;
                keep_partial = answer == PROGRESS_STOP;
                error = ERROR_REQUEST_ABORTED;
            }
        }
        if (!ok)
            break;
        if (!ReadFile(src, buffer, CHUNK, &got, NULL)) { ok = FALSE; error = GetLastError(); break; }
        if (!got)
            break;
        if (!WriteFile(dst, buffer, got, &put, NULL) || put != got) { ok = FALSE; error = GetLastError(); break; }
        done.QuadPart += got;
    }
    if (ok && !SetFileTime(dst, NULL, NULL, &info.ftLastWriteTime)) { ok = FALSE; error = GetLastError(); }
    if (buffer) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, buffer);
    CloseHandle(src);
    CloseHandle(dst);
    if (!ok) {
        if (!keep_partial) DeleteFileW(to);
        SetLastError(error);
        return FALSE;
    }
    SetLastError(NO_ERROR);
    return TRUE;
}

KBAPI BOOL WINAPI CopyFileExA(LPCSTR from, LPCSTR to, LPPROGRESS_ROUTINE progress, LPVOID data, LPBOOL cancel,
                              DWORD flags)
{
    WCHAR *w1 = BaseWideName(from), *w2 = w1 ? BaseWideName(to) : NULL;
    BOOL ok = w2 ? CopyFileExW(w1, w2, progress, data, cancel, flags) : FALSE;
    DWORD e = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w1);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w2);
    SetLastError(e);
    return ok;
}
