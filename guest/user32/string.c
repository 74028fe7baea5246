/* LoadStringW/LoadStringA: a string of a module's string table. Strings live in RT_STRING blocks of
 * sixteen, block (id / 16) + 1, each string a count of UTF-16 units and the units. LoadStringW with
 * a buffer size of 0 stores a read-only pointer to the string in the buffer and returns its length;
 * otherwise the string is copied, cut to the buffer less one and NUL-terminated, and the units
 * copied are returned. A missing string returns 0 with FindResource's error. */
#define _USER32_
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

/* The string `id` of module: its units and length; FALSE when there is none. */
static BOOL Find(HINSTANCE module, UINT id, const WCHAR **text, int *length)
{
    HRSRC r = FindResourceW(module, MAKEINTRESOURCEW((id >> 4) + 1), (LPCWSTR)RT_STRING);
    const WCHAR *p = r ? LockResource(LoadResource(module, r)) : NULL;
    if (p == NULL)
        return FALSE;
    for (UINT i = 0; i < (id & 15); i++)
        p += 1 + *p;
    *length = *p;
    *text = p + 1;
    return TRUE;
}

__declspec(dllexport) int WINAPI LoadStringW(HINSTANCE module, UINT id, LPWSTR buffer, int size)
{
    const WCHAR *text;
    int length;
    if (buffer == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (!Find(module, id, &text, &length))
        return 0;
    if (size == 0) {
        *(const WCHAR **)buffer = text;
        return length;
    }
    int n = length < size - 1 ? length : size - 1;
    for (int i = 0; i < n; i++)
        buffer[i] = text[i];
    buffer[n] = 0;
    return n;
}

__declspec(dllexport) int WINAPI LoadStringA(HINSTANCE module, UINT id, LPSTR buffer, int size)
{
    const WCHAR *text;
    int length;
    if (buffer == NULL || size <= 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (!Find(module, id, &text, &length))
        return 0;
    char whole[4096];
    int n = length ? WideCharToMultiByte(CP_ACP, 0, text, length, whole, sizeof(whole), NULL, NULL) : 0;
    if (n > size - 1)
        n = size - 1;                           /* cut to the buffer */
    for (int i = 0; i < n; i++)
        buffer[i] = whole[i];
    buffer[n] = 0;
    return n;
}
