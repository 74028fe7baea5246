/* Family 2, the process and its console: AllocConsole, AttachConsole, FreeConsole and
 * GetConsoleProcessList (the console keeps which processes are attached, console_session.py), the
 * input exe name whose command history cooked reads add to (Get/SetConsoleInputExeNameA/W, per
 * process as in Windows' kernelbase) and VerifyConsoleIoHandle. There is one console, the host's
 * terminal, so AllocConsole's "new" console is that terminal again. */
#include "console_io.h"

static WCHAR InputExeName[MAX_PATH + 1];

const WCHAR *BaseConsoleInputExeName(void)
{
    if (!InputExeName[0]) {                     /* the default: the image's file name */
        const UNICODE_STRING *image = (const UNICODE_STRING *)(PEB_PROCESS_PARAMETERS() + PP_IMAGE_PATH);
        SIZE_T n = image->Length / 2, start = n;
        while (start > 0 && image->Buffer[start - 1] != '\\' && image->Buffer[start - 1] != '/') start--;
        SIZE_T copy = n - start < MAX_PATH ? n - start : MAX_PATH;
        memcpy(InputExeName, image->Buffer + start, copy * 2);
        InputExeName[copy] = 0;
    }
    return InputExeName;
}

/* A standard handle the new console replaces: none, or one on a console (a redirected one stays). */
static void SetConsoleStdHandles(void)
{
    static const DWORD which[3] = {STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE};
    for (int i = 0; i < 3; i++) {
        HANDLE old = GetStdHandle(which[i]);
        if (old && old != INVALID_HANDLE_VALUE && BaseDeviceType(old, NULL) != FILE_DEVICE_CONSOLE_)
            continue;
        HANDLE h = CreateFileW(i == 0 ? L"CONIN$" : L"CONOUT$", GENERIC_READ | GENERIC_WRITE,
                               FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
        if (h != INVALID_HANDLE_VALUE) SetStdHandle(which[i], h);
    }
}

KBAPI BOOL WINAPI AllocConsole(void)
{
    if (!BaseConsoleConnect(CON_ALLOC, NULL, 0, NULL, 0, NULL))
        return FALSE;                           /* already on one: ERROR_ACCESS_DENIED */
    SetConsoleStdHandles();
    return TRUE;
}

KBAPI BOOL WINAPI AttachConsole(DWORD pid)
{
    if (!BaseConsoleConnect(CON_ATTACH, &pid, sizeof(pid), NULL, 0, NULL))
        return FALSE;           /* ERROR_ACCESS_DENIED, ERROR_INVALID_HANDLE (no console), ERROR_INVALID_PARAMETER */
    SetConsoleStdHandles();
    return TRUE;
}

KBAPI BOOL WINAPI FreeConsole(void)
{
    return BaseConsoleConnect(CON_FREE, NULL, 0, NULL, 0, NULL);
}

KBAPI DWORD WINAPI GetConsoleProcessList(LPDWORD list, DWORD count)
{
    if (!list || count == 0) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    DWORD reply[1 + 256];
    ULONG got = 0;
    if (!BaseConsoleConnect(CON_PROCESS_LIST, NULL, 0, reply, sizeof(reply), &got))
        return 0;
    DWORD total = reply[0];
    if (total <= count)                         /* too small a buffer: the count needed, nothing stored */
        memcpy(list, reply + 1, total * sizeof(DWORD));
    return total;
}

KBAPI BOOL WINAPI SetConsoleInputExeNameW(LPCWSTR name)
{
    SIZE_T n = name ? wcslen(name) : 0;
    if (n == 0 || n > MAX_PATH) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    memcpy(InputExeName, name, (n + 1) * 2);
    return TRUE;
}

KBAPI BOOL WINAPI SetConsoleInputExeNameA(LPCSTR name)
{
    WCHAR wide[MAX_PATH + 1];
    if (!name || !MultiByteToWideChar(CP_ACP, 0, name, -1, wide, MAX_PATH + 1)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return SetConsoleInputExeNameW(wide);
}

/* The name and its terminator must fit: otherwise ERROR_BUFFER_OVERFLOW. */
KBAPI DWORD WINAPI GetConsoleInputExeNameW(DWORD size, LPWSTR out)
{
    const WCHAR *name = BaseConsoleInputExeName();
    SIZE_T n = wcslen(name);
    if (size <= n) { SetLastError(ERROR_BUFFER_OVERFLOW); return FALSE; }
    memcpy(out, name, (n + 1) * 2);
    return TRUE;
}

KBAPI DWORD WINAPI GetConsoleInputExeNameA(DWORD size, LPSTR out)
{
    const WCHAR *name = BaseConsoleInputExeName();
    int n = WideCharToMultiByte(CP_ACP, 0, name, -1, NULL, 0, NULL, NULL);
    if ((int)size < n) { SetLastError(ERROR_BUFFER_OVERFLOW); return FALSE; }
    WideCharToMultiByte(CP_ACP, 0, name, -1, out, (int)size, NULL, NULL);
    return TRUE;
}

KBAPI BOOL WINAPI VerifyConsoleIoHandle(HANDLE h)
{
    return h && h != INVALID_HANDLE_VALUE && BaseDeviceType(h, NULL) == FILE_DEVICE_CONSOLE_;
}
