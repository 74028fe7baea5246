/* The ANSI profile calls: their strings converted to UTF-16 (the ANSI code page) around the W
 * calls, and the W results (strings or NUL-separated lists) converted back, character for character. */
#include "profile.h"

#define HEAP PEB_PROCESS_HEAP()

/* A heap UTF-16 copy of a string, or of a list ending with two NULs; NULL stays NULL. */
static WCHAR *ProfileWide(LPCSTR a, BOOL list, BOOL *ok)
{
    if (!a) return NULL;
    int n = 0;
    if (list) { while (a[n] || a[n + 1]) n++; n += 2; }
    else n = (int)strlen(a) + 1;
    int w = MultiByteToWideChar(CP_ACP, 0, a, n, NULL, 0);
    WCHAR *out = RtlAllocateHeap(HEAP, 0, (SIZE_T)w * sizeof(WCHAR));
    if (!out) { *ok = FALSE; SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    MultiByteToWideChar(CP_ACP, 0, a, n, out, w);
    return out;
}

#define FREE(p) RtlFreeHeap(HEAP, 0, (p))

/* W's answer (result characters and the NULs after them) into the caller's ANSI buffer. */
static DWORD ProfileNarrow(const WCHAR *w, DWORD result, LPSTR out, DWORD size)
{
    DWORD n = result + 1 + (result + 2 == size ? 1 : 0);
    if (n > size) n = size;
    if (n) WideCharToMultiByte(CP_ACP, 0, w, (int)n, out, (int)size, NULL, NULL);
    return result;
}

KBAPI DWORD WINAPI GetPrivateProfileStringA(LPCSTR lpAppName, LPCSTR lpKeyName, LPCSTR lpDefault,
                                            LPSTR lpReturnedString, DWORD nSize, LPCSTR lpFileName)
{
    BOOL ok = TRUE;
    if (!lpReturnedString || !nSize) return 0;
    WCHAR *app = ProfileWide(lpAppName, FALSE, &ok), *key = ProfileWide(lpKeyName, FALSE, &ok);
    WCHAR *def = ProfileWide(lpDefault, FALSE, &ok), *file = ProfileWide(lpFileName, FALSE, &ok);
    WCHAR *out = RtlAllocateHeap(HEAP, HEAP_ZERO_MEMORY, (SIZE_T)nSize * sizeof(WCHAR));
    DWORD result = 0;
    if (ok && out) {
        result = GetPrivateProfileStringW(app, key, def, out, nSize, file);
        DWORD error = GetLastError();
        ProfileNarrow(out, result, lpReturnedString, nSize);
        SetLastError(error);
    }
    FREE(app); FREE(key); FREE(def); FREE(file); FREE(out);
    return result;
}

KBAPI DWORD WINAPI GetPrivateProfileSectionA(LPCSTR lpAppName, LPSTR lpReturnedString, DWORD nSize, LPCSTR lpFileName)
{
    BOOL ok = TRUE;
    if (!lpAppName || !lpReturnedString || !nSize) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    WCHAR *app = ProfileWide(lpAppName, FALSE, &ok), *file = ProfileWide(lpFileName, FALSE, &ok);
    WCHAR *out = RtlAllocateHeap(HEAP, HEAP_ZERO_MEMORY, (SIZE_T)nSize * sizeof(WCHAR));
    DWORD result = 0;
    if (ok && out) {
        result = GetPrivateProfileSectionW(app, out, nSize, file);
        DWORD error = GetLastError();
        ProfileNarrow(out, result, lpReturnedString, nSize);
        SetLastError(error);
    }
    FREE(app); FREE(file); FREE(out);
    return result;
}

KBAPI DWORD WINAPI GetPrivateProfileSectionNamesA(LPSTR lpszReturnBuffer, DWORD nSize, LPCSTR lpFileName)
{
    return GetPrivateProfileStringA(NULL, NULL, NULL, lpszReturnBuffer, nSize, lpFileName);
}

KBAPI UINT WINAPI GetPrivateProfileIntA(LPCSTR lpAppName, LPCSTR lpKeyName, INT nDefault, LPCSTR lpFileName)
{
    BOOL ok = TRUE;
    WCHAR *app = ProfileWide(lpAppName, FALSE, &ok), *key = ProfileWide(lpKeyName, FALSE, &ok);
    WCHAR *file = ProfileWide(lpFileName, FALSE, &ok);
    UINT result = ok ? GetPrivateProfileIntW(app, key, nDefault, file) : (UINT)nDefault;
    FREE(app); FREE(key); FREE(file);
    return result;
}

KBAPI BOOL WINAPI GetPrivateProfileStructA(LPCSTR lpszSection, LPCSTR lpszKey, LPVOID lpStruct, UINT uSizeStruct,
                                           LPCSTR szFile)
{
    BOOL ok = TRUE;
    WCHAR *app = ProfileWide(lpszSection, FALSE, &ok), *key = ProfileWide(lpszKey, FALSE, &ok);
    WCHAR *file = ProfileWide(szFile, FALSE, &ok);
    BOOL result = ok && GetPrivateProfileStructW(app, key, lpStruct, uSizeStruct, file);
    FREE(app); FREE(key); FREE(file);
    return result;
}

KBAPI BOOL WINAPI WritePrivateProfileStringA(LPCSTR lpAppName, LPCSTR lpKeyName, LPCSTR lpString, LPCSTR lpFileName)
{
    BOOL ok = TRUE;
    WCHAR *app = ProfileWide(lpAppName, FALSE, &ok), *key = ProfileWide(lpKeyName, FALSE, &ok);
    WCHAR *str = ProfileWide(lpString, FALSE, &ok), *file = ProfileWide(lpFileName, FALSE, &ok);
    BOOL result = ok && WritePrivateProfileStringW(app, key, str, file);
    FREE(app); FREE(key); FREE(str); FREE(file);
    return result;
}

KBAPI BOOL WINAPI WritePrivateProfileSectionA(LPCSTR lpAppName, LPCSTR lpString, LPCSTR lpFileName)
{
    BOOL ok = TRUE;
    WCHAR *app = ProfileWide(lpAppName, FALSE, &ok), *str = ProfileWide(lpString, TRUE, &ok);
    WCHAR *file = ProfileWide(lpFileName, FALSE, &ok);
    BOOL result = ok && WritePrivateProfileSectionW(app, str, file);
    FREE(app); FREE(str); FREE(file);
    return result;
}

KBAPI BOOL WINAPI WritePrivateProfileStructA(LPCSTR lpszSection, LPCSTR lpszKey, LPVOID lpStruct, UINT uSizeStruct,
                                             LPCSTR szFile)
{
    BOOL ok = TRUE;
    WCHAR *app = ProfileWide(lpszSection, FALSE, &ok), *key = ProfileWide(lpszKey, FALSE, &ok);
    WCHAR *file = ProfileWide(szFile, FALSE, &ok);
    BOOL result = ok && WritePrivateProfileStructW(app, key, lpStruct, uSizeStruct, file);
    FREE(app); FREE(key); FREE(file);
    return result;
}

KBAPI DWORD WINAPI GetProfileStringA(LPCSTR lpAppName, LPCSTR lpKeyName, LPCSTR lpDefault, LPSTR lpReturnedString,
                                     DWORD nSize)
{
    return GetPrivateProfileStringA(lpAppName, lpKeyName, lpDefault, lpReturnedString, nSize, NULL);
}

KBAPI UINT WINAPI GetProfileIntA(LPCSTR lpAppName, LPCSTR lpKeyName, INT nDefault)
{
    return GetPrivateProfileIntA(lpAppName, lpKeyName, nDefault, NULL);
}

KBAPI DWORD WINAPI GetProfileSectionA(LPCSTR lpAppName, LPSTR lpReturnedString, DWORD nSize)
{
    return GetPrivateProfileSectionA(lpAppName, lpReturnedString, nSize, NULL);
}

KBAPI BOOL WINAPI WriteProfileStringA(LPCSTR lpAppName, LPCSTR lpKeyName, LPCSTR lpString)
{
    return WritePrivateProfileStringA(lpAppName, lpKeyName, lpString, NULL);
}

KBAPI BOOL WINAPI WriteProfileSectionA(LPCSTR lpAppName, LPCSTR lpString)
{
    return WritePrivateProfileSectionA(lpAppName, lpString, NULL);
}
