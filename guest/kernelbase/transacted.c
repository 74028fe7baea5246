/* The transacted file calls (Kernel Transaction Manager, deprecated since Windows 8): this machine
 * has no KTM and no transaction objects, so no handle a caller passes is a transaction; each call
 * fails as Windows does for a handle that is not one: ERROR_INVALID_HANDLE. CheckNameLegalDOS8Dot3
 * (a real check) and SetFileShortName (SeRestorePrivilege, which a standard user lacks) live here too. */
#include "kernelbase.h"

static BOOL NoTransaction(void) { SetLastError(ERROR_INVALID_HANDLE); return FALSE; }
#define NO_TRANSACTION_HANDLE() (SetLastError(ERROR_INVALID_HANDLE), INVALID_HANDLE_VALUE)

KBAPI HANDLE WINAPI CreateFileTransactedW(LPCWSTR a, DWORD b, DWORD c, LPSECURITY_ATTRIBUTES d, DWORD e, DWORD f,
                                          HANDLE g, HANDLE t, PUSHORT v, PVOID x)
{ (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)g; (void)t; (void)v; (void)x; return NO_TRANSACTION_HANDLE(); }
KBAPI HANDLE WINAPI CreateFileTransactedA(LPCSTR a, DWORD b, DWORD c, LPSECURITY_ATTRIBUTES d, DWORD e, DWORD f,
                                          HANDLE g, HANDLE t, PUSHORT v, PVOID x)
{ (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)g; (void)t; (void)v; (void)x; return NO_TRANSACTION_HANDLE(); }
KBAPI HANDLE WINAPI FindFirstFileTransactedW(LPCWSTR a, FINDEX_INFO_LEVELS b, LPVOID c, FINDEX_SEARCH_OPS d, LPVOID e,
                                             DWORD f, HANDLE t)
{ (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)t; return NO_TRANSACTION_HANDLE(); }
KBAPI HANDLE WINAPI FindFirstFileTransactedA(LPCSTR a, FINDEX_INFO_LEVELS b, LPVOID c, FINDEX_SEARCH_OPS d, LPVOID e,
                                             DWORD f, HANDLE t)
{ (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)t; return NO_TRANSACTION_HANDLE(); }
KBAPI BOOL WINAPI CreateDirectoryTransactedW(LPCWSTR a, LPCWSTR b, LPSECURITY_ATTRIBUTES c, HANDLE t)
{ (void)a; (void)b; (void)c; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI CreateDirectoryTransactedA(LPCSTR a, LPCSTR b, LPSECURITY_ATTRIBUTES c, HANDLE t)
{ (void)a; (void)b; (void)c; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI RemoveDirectoryTransactedW(LPCWSTR a, HANDLE t) { (void)a; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI RemoveDirectoryTransactedA(LPCSTR a, HANDLE t) { (void)a; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI DeleteFileTransactedW(LPCWSTR a, HANDLE t) { (void)a; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI DeleteFileTransactedA(LPCSTR a, HANDLE t) { (void)a; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI GetFileAttributesTransactedW(LPCWSTR a, GET_FILEEX_INFO_LEVELS b, LPVOID c, HANDLE t)
{ (void)a; (void)b; (void)c; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI GetFileAttributesTransactedA(LPCSTR a, GET_FILEEX_INFO_LEVELS b, LPVOID c, HANDLE t)
{ (void)a; (void)b; (void)c; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI SetFileAttributesTransactedW(LPCWSTR a, DWORD b, HANDLE t) { (void)a; (void)b; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI SetFileAttributesTransactedA(LPCSTR a, DWORD b, HANDLE t) { (void)a; (void)b; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI MoveFileTransactedW(LPCWSTR a, LPCWSTR b, LPPROGRESS_ROUTINE c, LPVOID d, DWORD e, HANDLE t)
{ (void)a; (void)b; (void)c; (void)d; (void)e; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI MoveFileTransactedA(LPCSTR a, LPCSTR b, LPPROGRESS_ROUTINE c, LPVOID d, DWORD e, HANDLE t)
{ (void)a; (void)b; (void)c; (void)d; (void)e; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI CopyFileTransactedW(LPCWSTR a, LPCWSTR b, LPPROGRESS_ROUTINE c, LPVOID d, LPBOOL e, DWORD f, HANDLE t)
{ (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI CopyFileTransactedA(LPCSTR a, LPCSTR b, LPPROGRESS_ROUTINE c, LPVOID d, LPBOOL e, DWORD f, HANDLE t)
{ (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI CreateHardLinkTransactedW(LPCWSTR a, LPCWSTR b, LPSECURITY_ATTRIBUTES c, HANDLE t)
{ (void)a; (void)b; (void)c; (void)t; return NoTransaction(); }
KBAPI BOOL WINAPI CreateHardLinkTransactedA(LPCSTR a, LPCSTR b, LPSECURITY_ATTRIBUTES c, HANDLE t)
{ (void)a; (void)b; (void)c; (void)t; return NoTransaction(); }
KBAPI DWORD WINAPI GetFullPathNameTransactedW(LPCWSTR a, DWORD b, LPWSTR c, LPWSTR *d, HANDLE t)
{ (void)a; (void)b; (void)c; (void)d; (void)t; NoTransaction(); return 0; }
KBAPI DWORD WINAPI GetFullPathNameTransactedA(LPCSTR a, DWORD b, LPSTR c, LPSTR *d, HANDLE t)
{ (void)a; (void)b; (void)c; (void)d; (void)t; NoTransaction(); return 0; }
KBAPI DWORD WINAPI GetCompressedFileSizeTransactedW(LPCWSTR a, LPDWORD b, HANDLE t)
{ (void)a; (void)b; (void)t; NoTransaction(); return INVALID_FILE_SIZE; }
KBAPI DWORD WINAPI GetCompressedFileSizeTransactedA(LPCSTR a, LPDWORD b, HANDLE t)
{ (void)a; (void)b; (void)t; NoTransaction(); return INVALID_FILE_SIZE; }

/* An 8.3 name: 1-8 characters, then optionally a dot and 1-3; none of the characters FAT forbids;
 * *pbNameContainsSpaces tells about spaces (legal, but a program may want to know). */
static BOOL Legal83(const WCHAR *name, BOOL *spaces)
{
    int base = 0, ext = -1;
    *spaces = FALSE;
    if (!name[0] || (name[0] == '.' && (!name[1] || (name[1] == '.' && !name[2])))) return name[0] == '.';
    for (const WCHAR *c = name; *c; c++) {
        if (*c == '.') {
            if (ext >= 0 || base == 0) return FALSE;
            ext = 0;
            continue;
        }
        if (*c < 0x20 || *c > 0x7E || (wcschr(L"\"*+,/:;<=>?[\\]|", *c) != NULL)) return FALSE;
        if (*c == ' ') *spaces = TRUE;
        if (ext >= 0) { if (++ext > 3) return FALSE; }
        else if (++base > 8) return FALSE;
    }
    return base > 0 && ext != 0;
}

KBAPI BOOL WINAPI CheckNameLegalDOS8Dot3W(LPCWSTR lpName, LPSTR lpOemName, DWORD OemNameSize,
                                          PBOOL pbNameContainsSpaces, PBOOL pbNameLegal)
{
    if (!lpName || !pbNameLegal || (lpOemName && !OemNameSize)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    BOOL spaces;
    *pbNameLegal = Legal83(lpName, &spaces);
    if (pbNameContainsSpaces) *pbNameContainsSpaces = spaces;
    if (lpOemName) {
        int n = WideCharToMultiByte(CP_OEMCP, 0, lpName, -1, lpOemName, (int)OemNameSize, NULL, NULL);
        if (!n) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
        for (int i = 0; i < n - 1; i++)          /* the OEM form in upper case */
            if (lpOemName[i] >= 'a' && lpOemName[i] <= 'z') lpOemName[i] -= 32;
    }
    return TRUE;
}

KBAPI BOOL WINAPI CheckNameLegalDOS8Dot3A(LPCSTR lpName, LPSTR lpOemName, DWORD OemNameSize,
                                          PBOOL pbNameContainsSpaces, PBOOL pbNameLegal)
{
    if (!lpName) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    WCHAR *w = BaseWideName(lpName);
    if (!w) return FALSE;
    BOOL ok = CheckNameLegalDOS8Dot3W(w, lpOemName, OemNameSize, pbNameContainsSpaces, pbNameLegal);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    return ok;
}

/* Setting a short name takes SeRestorePrivilege, which the process token does not hold. */
KBAPI BOOL WINAPI SetFileShortNameW(HANDLE hFile, LPCWSTR lpShortName)
{
    BY_HANDLE_FILE_INFORMATION info;
    if (!lpShortName) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!GetFileInformationByHandle(hFile, &info)) return FALSE;
    SetLastError(ERROR_PRIVILEGE_NOT_HELD);
    return FALSE;
}

KBAPI BOOL WINAPI SetFileShortNameA(HANDLE hFile, LPCSTR lpShortName)
{
    if (!lpShortName) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return SetFileShortNameW(hFile, L"");
}
