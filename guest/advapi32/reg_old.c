/* The registry calls advapi32 keeps for itself (the Windows 3.1 forms, over the Ex forms that
 * live in kernelbase), and the ANSI-to-UTF-16 helper its other families use. */
#include "advapi32.h"

WCHAR *AdvAnsiToWide(const char *text)
{
    if (!text)
        return NULL;
    int n = MultiByteToWideChar(CP_ACP, 0, text, -1, NULL, 0);
    WCHAR *wide = AdvAlloc((SIZE_T)n * sizeof(WCHAR));
    if (wide)
        MultiByteToWideChar(CP_ACP, 0, text, -1, wide, n);
    return wide;
}

ADVAPI LSTATUS WINAPI RegOpenKeyW(HKEY key, LPCWSTR sub, PHKEY result)
{
    if (!sub || !*sub) {                /* documented: the key itself comes back */
        if (!result)
            return ERROR_INVALID_PARAMETER;
        *result = key;
        return ERROR_SUCCESS;
    }
    return RegOpenKeyExW(key, sub, 0, MAXIMUM_ALLOWED, result);
}

ADVAPI LSTATUS WINAPI RegOpenKeyA(HKEY key, LPCSTR sub, PHKEY result)
{
    if (!sub || !*sub) {
        if (!result)
            return ERROR_INVALID_PARAMETER;
        *result = key;
        return ERROR_SUCCESS;
    }
    return RegOpenKeyExA(key, sub, 0, MAXIMUM_ALLOWED, result);
}

ADVAPI LSTATUS WINAPI RegCreateKeyW(HKEY key, LPCWSTR sub, PHKEY result)
{
    return RegCreateKeyExW(key, sub, 0, NULL, 0, MAXIMUM_ALLOWED, NULL, result, NULL);
}

ADVAPI LSTATUS WINAPI RegCreateKeyA(HKEY key, LPCSTR sub, PHKEY result)
{
    return RegCreateKeyExA(key, sub, 0, NULL, 0, MAXIMUM_ALLOWED, NULL, result, NULL);
}

ADVAPI LSTATUS WINAPI RegDeleteKeyW(HKEY key, LPCWSTR sub) { return RegDeleteKeyExW(key, sub, 0, 0); }
ADVAPI LSTATUS WINAPI RegDeleteKeyA(HKEY key, LPCSTR sub) { return RegDeleteKeyExA(key, sub, 0, 0); }

ADVAPI LSTATUS WINAPI RegEnumKeyW(HKEY key, DWORD index, LPWSTR name, DWORD size)
{
    return RegEnumKeyExW(key, index, name, &size, NULL, NULL, NULL, NULL);
}

ADVAPI LSTATUS WINAPI RegEnumKeyA(HKEY key, DWORD index, LPSTR name, DWORD size)
{
    return RegEnumKeyExA(key, index, name, &size, NULL, NULL, NULL, NULL);
}
