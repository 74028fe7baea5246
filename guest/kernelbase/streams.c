/* A file's streams and names: FindFirstStreamW (a file has its one unnamed data stream, ::$DATA,
 * as the volume keeps no alternate streams; a folder has none: ERROR_HANDLE_EOF) and
 * FindFirstFileNameW (the file's own name on its volume, without the drive; the links a host file
 * may have elsewhere are not listed). The Next calls then end with ERROR_HANDLE_EOF. */
#include "kernelbase.h"

HANDLE BaseFindExhaustedHandle(void);           /* find.c */
BOOL BaseFindIsHandle(HANDLE h);

KBAPI HANDLE WINAPI FindFirstStreamW(LPCWSTR lpFileName, STREAM_INFO_LEVELS InfoLevel, LPVOID lpFindStreamData,
                                     DWORD dwFlags)
{
    WIN32_FILE_ATTRIBUTE_DATA info;
    WIN32_FIND_STREAM_DATA *data = lpFindStreamData;
    if (InfoLevel != FindStreamInfoStandard || dwFlags || !data) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    if (!GetFileAttributesExW(lpFileName, GetFileExInfoStandard, &info)) return INVALID_HANDLE_VALUE;
    if (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) {
        SetLastError(ERROR_HANDLE_EOF);
        return INVALID_HANDLE_VALUE;
    }
    data->StreamSize.LowPart = info.nFileSizeLow;
    data->StreamSize.HighPart = (LONG)info.nFileSizeHigh;
    lstrcpyW(data->cStreamName, L"::$DATA");
    return BaseFindExhaustedHandle();
}

KBAPI BOOL WINAPI FindNextStreamW(HANDLE hFindStream, LPVOID lpFindStreamData)
{
    (void)lpFindStreamData;
    SetLastError(BaseFindIsHandle(hFindStream) ? ERROR_HANDLE_EOF : ERROR_INVALID_HANDLE);
    return FALSE;
}

KBAPI HANDLE WINAPI FindFirstFileNameW(LPCWSTR lpFileName, DWORD dwFlags, LPDWORD StringLength, PWSTR LinkName)
{
    WCHAR full[MAX_PATH * 2];
    if (dwFlags || !StringLength) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    if (GetFileAttributesW(lpFileName) == INVALID_FILE_ATTRIBUTES) return INVALID_HANDLE_VALUE;
    DWORD n = GetFullPathNameW(lpFileName, MAX_PATH * 2, full, NULL);
    if (!n || n >= MAX_PATH * 2) { SetLastError(ERROR_FILENAME_EXCED_RANGE); return INVALID_HANDLE_VALUE; }
    const WCHAR *name = full[1] == ':' ? full + 2 : full;      /* the name on the volume: no drive */
    DWORD length = (DWORD)lstrlenW(name) + 1;
    if (!LinkName || *StringLength < length) {
        *StringLength = length;
        SetLastError(ERROR_MORE_DATA);
        return INVALID_HANDLE_VALUE;
    }
    memcpy(LinkName, name, length * sizeof(WCHAR));
    *StringLength = length;
    return BaseFindExhaustedHandle();
}

KBAPI BOOL WINAPI FindNextFileNameW(HANDLE hFindStream, LPDWORD StringLength, PWSTR LinkName)
{
    (void)StringLength; (void)LinkName;
    SetLastError(BaseFindIsHandle(hFindStream) ? ERROR_HANDLE_EOF : ERROR_INVALID_HANDLE);
    return FALSE;
}
