/* The process's table of registered names: RegisterWindowMessage, RegisterClipboardFormat and the
 * class atoms share it, as they share win32k's user atom table on Windows (one name, one value,
 * compared without case, from 0xC000 up). Per process here: another process may get another value
 * for the same name. */
#include "user32.h"

#define FIRST_ATOM 0xC000
#define MAX_NAMES 0x1000

static WCHAR *Names[MAX_NAMES];
static UINT Count;

UINT UserRegisterName(LPCWSTR name)
{
    UINT value = 0;
    LOCK();
    for (UINT i = 0; i < Count; i++)
        if (_wcsicmp(Names[i], name) == 0) { value = FIRST_ATOM + i; break; }
    if (!value && Count < MAX_NAMES) {
        Names[Count] = UserDupW(name);
        value = FIRST_ATOM + Count++;
    }
    UNLOCK();
    return value;
}

int UserNameOf(UINT atom, LPWSTR buffer, int size)
{
    int n = 0;
    LOCK();
    if (atom >= FIRST_ATOM && atom < FIRST_ATOM + Count && size > 0) {
        const WCHAR *s = Names[atom - FIRST_ATOM];
        n = (int)wcslen(s);
        if (n > size - 1) n = size - 1;
        memcpy(buffer, s, n * sizeof(WCHAR));
        buffer[n] = 0;
    }
    UNLOCK();
    return n;
}

/* A name argument: NULL or empty is ERROR_INVALID_PARAMETER. */
static UINT RegisterW(LPCWSTR name)
{
    if (name == NULL || name[0] == 0 || wcslen(name) > 255) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return UserRegisterName(name);
}

static UINT RegisterA(LPCSTR name)
{
    WCHAR w[256];
    if (name == NULL || name[0] == 0 || !MultiByteToWideChar(CP_ACP, 0, name, -1, w, 256)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return UserRegisterName(w);
}

__declspec(dllexport) UINT WINAPI RegisterWindowMessageW(LPCWSTR name) { return RegisterW(name); }
__declspec(dllexport) UINT WINAPI RegisterWindowMessageA(LPCSTR name) { return RegisterA(name); }
__declspec(dllexport) UINT WINAPI RegisterClipboardFormatW(LPCWSTR name) { return RegisterW(name); }
__declspec(dllexport) UINT WINAPI RegisterClipboardFormatA(LPCSTR name) { return RegisterA(name); }

__declspec(dllexport) int WINAPI GetClipboardFormatNameW(UINT format, LPWSTR buffer, int size)
{
    int n = buffer ? UserNameOf(format, buffer, size) : 0;
    if (n == 0) SetLastError(ERROR_INVALID_PARAMETER);   /* a predefined or unknown format has no name */
    return n;
}

__declspec(dllexport) int WINAPI GetClipboardFormatNameA(UINT format, LPSTR buffer, int size)
{
    WCHAR w[256];
    if (buffer == NULL || size <= 0 || !UserNameOf(format, w, 256)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    char a[512];
    int n = WideCharToMultiByte(CP_ACP, 0, w, -1, a, sizeof(a), NULL, NULL) - 1;
    if (n > size - 1) n = size - 1;
    memcpy(buffer, a, n);
    buffer[n] = 0;
    return n;
}
