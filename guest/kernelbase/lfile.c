/* The Windows 3.x file calls kept for old programs: _lopen, _lcreat, _lread/_hread, _lwrite/_hwrite
 * (0 bytes end the file where the pointer is), _llseek, _lclose over CreateFile and friends, and
 * OpenFile with its OFSTRUCT (OF_PARSE, OF_EXIST, OF_DELETE, OF_CREATE, OF_REOPEN; a bare name is
 * searched for as SearchPath does). HFILE_ERROR (-1) on failure, with the last error set. */
#include "kernelbase.h"

/* OF_* access and sharing as CreateFile's. */
static DWORD LAccess(UINT style)
{
    switch (style & 3) {
    case OF_WRITE: return GENERIC_WRITE;
    case OF_READWRITE: return GENERIC_READ | GENERIC_WRITE;
    default: return GENERIC_READ;
    }
}

static DWORD LShare(UINT style)
{
    switch (style & 0x70) {
    case OF_SHARE_EXCLUSIVE: return 0;
    case OF_SHARE_DENY_WRITE: return FILE_SHARE_READ;
    case OF_SHARE_DENY_READ: return FILE_SHARE_WRITE;
    default: return FILE_SHARE_READ | FILE_SHARE_WRITE;     /* OF_SHARE_COMPAT, OF_SHARE_DENY_NONE */
    }
}

KBAPI HFILE WINAPI _lopen(LPCSTR lpPathName, int iReadWrite)
{
    HANDLE h = CreateFileA(lpPathName, LAccess(iReadWrite), LShare(iReadWrite), NULL, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    return h == INVALID_HANDLE_VALUE ? HFILE_ERROR : (HFILE)(ULONG_PTR)h;
}

KBAPI HFILE WINAPI _lcreat(LPCSTR lpPathName, int iAttribute)
{
    DWORD attributes = iAttribute & (FILE_ATTRIBUTE_READONLY | FILE_ATTRIBUTE_HIDDEN | FILE_ATTRIBUTE_SYSTEM);
    HANDLE h = CreateFileA(lpPathName, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           CREATE_ALWAYS, attributes ? attributes : FILE_ATTRIBUTE_NORMAL, NULL);
    return h == INVALID_HANDLE_VALUE ? HFILE_ERROR : (HFILE)(ULONG_PTR)h;
}

static HANDLE LHandle(HFILE hFile) { return (HANDLE)(LONG_PTR)hFile; }

KBAPI long WINAPI _hread(HFILE hFile, LPVOID lpBuffer, long lBytes)
{
    DWORD done;
    return ReadFile(LHandle(hFile), lpBuffer, (DWORD)lBytes, &done, NULL) ? (long)done : HFILE_ERROR;
}

KBAPI UINT WINAPI _lread(HFILE hFile, LPVOID lpBuffer, UINT uBytes)
{
    return (UINT)_hread(hFile, lpBuffer, (long)uBytes);
}

KBAPI long WINAPI _hwrite(HFILE hFile, LPCCH lpBuffer, long lBytes)
{
    DWORD done;
    if (!lBytes)                                /* no bytes: the file ends at the pointer */
        return SetEndOfFile(LHandle(hFile)) ? 0 : HFILE_ERROR;
    return WriteFile(LHandle(hFile), lpBuffer, (DWORD)lBytes, &done, NULL) ? (long)done : HFILE_ERROR;
}

KBAPI UINT WINAPI _lwrite(HFILE hFile, LPCCH lpBuffer, UINT uBytes)
{
    return (UINT)_hwrite(hFile, lpBuffer, (long)uBytes);
}

KBAPI LONG WINAPI _llseek(HFILE hFile, LONG lOffset, int iOrigin)
{
    DWORD at = SetFilePointer(LHandle(hFile), lOffset, NULL, (DWORD)iOrigin);
    return at == INVALID_SET_FILE_POINTER && GetLastError() != NO_ERROR ? HFILE_ERROR : (LONG)at;
}

KBAPI HFILE WINAPI _lclose(HFILE hFile)
{
    return CloseHandle(LHandle(hFile)) ? 0 : HFILE_ERROR;
}

static HFILE OpenFail(LPOFSTRUCT of)
{
    of->nErrCode = (WORD)GetLastError();
    return HFILE_ERROR;
}

KBAPI HFILE WINAPI OpenFile(LPCSTR lpFileName, LPOFSTRUCT lpReOpenBuff, UINT uStyle)
{
    char path[OFS_MAXPATHNAME];
    if (!lpReOpenBuff) { SetLastError(ERROR_INVALID_PARAMETER); return HFILE_ERROR; }
    lpReOpenBuff->cBytes = sizeof(OFSTRUCT);
    lpReOpenBuff->fFixedDisk = 1;                /* the one volume is a fixed disk */
    lpReOpenBuff->nErrCode = 0;
    LPCSTR name = uStyle & OF_REOPEN ? lpReOpenBuff->szPathName : lpFileName;
    if (!name) { SetLastError(ERROR_INVALID_PARAMETER); return OpenFail(lpReOpenBuff); }
    /* Step 1: the full name; an existing file is searched for as SearchPath does */
    DWORD n = 0;
    if (!(uStyle & (OF_CREATE | OF_PARSE)))
        n = SearchPathA(NULL, name, NULL, OFS_MAXPATHNAME, path, NULL);
    if (!n) {
        if (!(uStyle & (OF_CREATE | OF_PARSE)) && GetLastError() != ERROR_FILENAME_EXCED_RANGE)
            return OpenFail(lpReOpenBuff);
        n = GetFullPathNameA(name, OFS_MAXPATHNAME, path, NULL);
        if (!n || n >= OFS_MAXPATHNAME) {
            if (n) SetLastError(ERROR_FILENAME_EXCED_RANGE);
            return OpenFail(lpReOpenBuff);
        }
    }
    lstrcpynA(lpReOpenBuff->szPathName, path, OFS_MAXPATHNAME);
    if (uStyle & OF_PARSE) return 0;
    /* Step 2: what the style asks */
    if (uStyle & OF_DELETE)
        return DeleteFileA(path) ? 1 : OpenFail(lpReOpenBuff);
    HANDLE h = CreateFileA(path, LAccess(uStyle), LShare(uStyle), NULL, uStyle & OF_CREATE ? CREATE_ALWAYS : OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, NULL);
    if (h == INVALID_HANDLE_VALUE) return OpenFail(lpReOpenBuff);
    if (uStyle & OF_EXIST) {                    /* opened to see it is there, and closed */
        CloseHandle(h);
        return 1;
    }
    return (HFILE)(ULONG_PTR)h;
}
