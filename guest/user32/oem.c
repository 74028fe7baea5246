/* CharToOem / OemToChar and their Buff forms: the ANSI code page (1252) to the OEM one (437) and
 * back through UTF-16, with kernelbase's tables. A character the other code page lacks becomes
 * '?' (Windows uses best-fit mappings there, e.g. 1252's A-grave to 437's 'A'; kernelbase has
 * none). The W forms take UTF-16 source. In place (source == destination) works. */
#include "user32.h"

static BOOL Convert(UINT from, UINT to, LPCSTR src, LPSTR dst, DWORD n)
{
    for (DWORD i = 0; i < n; i++) {
        WCHAR w = 0;
        char c = src[i];
        MultiByteToWideChar(from, 0, &c, 1, &w, 1);
        char out = '?';
        WideCharToMultiByte(to, 0, &w, 1, &out, 1, NULL, NULL);
        dst[i] = out;
    }
    return TRUE;
}

static BOOL Check(const void *src, const void *dst)
{
    if (src == NULL || dst == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI CharToOemBuffA(LPCSTR src, LPSTR dst, DWORD n) { return Check(src, dst) && Convert(CP_ACP, CP_OEMCP, src, dst, n); }
__declspec(dllexport) BOOL WINAPI OemToCharBuffA(LPCSTR src, LPSTR dst, DWORD n) { return Check(src, dst) && Convert(CP_OEMCP, CP_ACP, src, dst, n); }
__declspec(dllexport) BOOL WINAPI CharToOemA(LPCSTR src, LPSTR dst) { return Check(src, dst) && Convert(CP_ACP, CP_OEMCP, src, dst, (DWORD)strlen(src) + 1); }
__declspec(dllexport) BOOL WINAPI OemToCharA(LPCSTR src, LPSTR dst) { return Check(src, dst) && Convert(CP_OEMCP, CP_ACP, src, dst, (DWORD)strlen(src) + 1); }

__declspec(dllexport) BOOL WINAPI CharToOemBuffW(LPCWSTR src, LPSTR dst, DWORD n)
{
    if (!Check(src, dst)) return FALSE;
    for (DWORD i = 0; i < n; i++) {
        char out = '?';
        WideCharToMultiByte(CP_OEMCP, 0, &src[i], 1, &out, 1, NULL, NULL);
        dst[i] = out;
    }
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI CharToOemW(LPCWSTR src, LPSTR dst) { return Check(src, dst) && CharToOemBuffW(src, dst, (DWORD)wcslen(src) + 1); }

__declspec(dllexport) BOOL WINAPI OemToCharBuffW(LPCSTR src, LPWSTR dst, DWORD n)
{
    if (!Check(src, dst)) return FALSE;
    if (n) MultiByteToWideChar(CP_OEMCP, 0, src, (int)n, dst, (int)n);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI OemToCharW(LPCSTR src, LPWSTR dst) { return Check(src, dst) && OemToCharBuffW(src, dst, (DWORD)strlen(src) + 1); }
