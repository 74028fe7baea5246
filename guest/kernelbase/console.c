/* Family 2, the console and the standard handles. A handle is a console when the device behind
 * it is FILE_DEVICE_CONSOLE (the host's terminal); on any other handle the console calls fail with
 * ERROR_INVALID_HANDLE as on Windows, and C runtimes fall back to WriteFile. The console keeps
 * its code pages and control handlers here (the modes, the screen and input buffers are the console
 * device's: console_screen.c, console_input.c); WriteConsoleW sends UTF-8 to the host terminal, and
 * ReadConsole takes characters from the input buffer, a line at a time with ENABLE_LINE_INPUT.
 * The host's signals do not reach the guest; GenerateConsoleCtrlEvent raises events (console_input.c). */
#include "console_io.h"

static UINT BaseConsoleCP = 437, BaseConsoleOutputCP = 437;          /* the en-US OEM code page */
static PHANDLER_ROUTINE BaseCtrlHandlers[64];
static DWORD BaseCtrlHandlerCount;
static BOOL BaseIgnoreCtrlC;

KBAPI HANDLE WINAPI GetStdHandle(DWORD which)
{
    switch (which) {
    case STD_INPUT_HANDLE: return PP_FIELD(HANDLE, PP_STDIN);
    case STD_OUTPUT_HANDLE: return PP_FIELD(HANDLE, PP_STDOUT);
    case STD_ERROR_HANDLE: return PP_FIELD(HANDLE, PP_STDERR);
    }
    SetLastError(ERROR_INVALID_HANDLE);
    return INVALID_HANDLE_VALUE;
}

KBAPI BOOL WINAPI SetStdHandle(DWORD which, HANDLE h)
{
    switch (which) {
    case STD_INPUT_HANDLE: PP_FIELD(HANDLE, PP_STDIN) = h; return TRUE;
    case STD_OUTPUT_HANDLE: PP_FIELD(HANDLE, PP_STDOUT) = h; return TRUE;
    case STD_ERROR_HANDLE: PP_FIELD(HANDLE, PP_STDERR) = h; return TRUE;
    }
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

/* SetStdHandle that also hands back the handle it replaced (previous may be NULL). */
KBAPI BOOL WINAPI SetStdHandleEx(DWORD which, HANDLE h, PHANDLE previous)
{
    HANDLE old = GetStdHandle(which);
    if (!SetStdHandle(which, h))
        return FALSE;
    if (previous)
        *previous = old;
    return TRUE;
}

/* TRUE for a console handle; otherwise ERROR_INVALID_HANDLE is set. */
static BOOL IsConsole(HANDLE h)
{
    if (BaseDeviceType(h, NULL) == FILE_DEVICE_CONSOLE_)
        return TRUE;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

static BOOL IsInput(HANDLE h)
{
    return h == PP_FIELD(HANDLE, PP_STDIN);
}

KBAPI BOOL WINAPI GetConsoleMode(HANDLE h, LPDWORD mode)
{
    if (!IsConsole(h))
        return FALSE;
    return BaseConsoleCall(h, CON_GET_MODE, NULL, 0, mode, sizeof(*mode), NULL);
}

KBAPI BOOL WINAPI SetConsoleMode(HANDLE h, DWORD mode)
{
    if (!IsConsole(h))
        return FALSE;
    if (mode & (IsInput(h) ? ~0x3FFu : ~0x1Fu)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return BaseConsoleCall(h, CON_SET_MODE, &mode, sizeof(mode), NULL, 0, NULL);
}

KBAPI UINT WINAPI GetConsoleCP(void) { return BaseConsoleCP; }
KBAPI UINT WINAPI GetConsoleOutputCP(void) { return BaseConsoleOutputCP; }

KBAPI BOOL WINAPI SetConsoleCP(UINT cp)
{
    if (!IsValidCodePage(cp)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    BaseConsoleCP = cp;
    return TRUE;
}

KBAPI BOOL WINAPI SetConsoleOutputCP(UINT cp)
{
    if (!IsValidCodePage(cp)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    BaseConsoleOutputCP = cp;
    return TRUE;
}

/* UTF-16 to the host terminal's UTF-8, in pieces. */
static BOOL WriteUtf8(HANDLE h, const WCHAR *text, DWORD count)
{
    char out[512];
    DWORD i = 0;
    while (i < count) {
        int n = 0;
        while (i < count && n < (int)sizeof(out) - 4) {
            int used = WideCharToMultiByte(CP_UTF8, 0, text + i, (i + 1 < count && IS_HIGH_SURROGATE(text[i])) ? 2 : 1,
                                           out + n, 4, NULL, NULL);
            i += (i + 1 < count && IS_HIGH_SURROGATE(text[i])) ? 2 : 1;
            n += used;
        }
        DWORD done;
        if (!WriteFile(h, out, (DWORD)n, &done, NULL))
            return FALSE;
    }
    return TRUE;
}

KBAPI BOOL WINAPI WriteConsoleW(HANDLE h, const VOID *buffer, DWORD count, LPDWORD written, LPVOID reserved)
{
    (void)reserved;
    if (written) *written = 0;
    if (!IsConsole(h) || !WriteUtf8(h, buffer, count))
        return FALSE;
    if (written) *written = count;
    return TRUE;
}

KBAPI BOOL WINAPI WriteConsoleA(HANDLE h, const VOID *buffer, DWORD count, LPDWORD written, LPVOID reserved)
{
    (void)reserved;
    if (written) *written = 0;
    if (!IsConsole(h))
        return FALSE;
    WCHAR wide[256];
    const char *p = buffer;
    DWORD left = count;
    while (left) {
        int chunk = left > 256 ? 256 : (int)left;
        int n = MultiByteToWideChar(BaseConsoleOutputCP, 0, p, chunk, wide, 256);
        if (!WriteUtf8(h, wide, (DWORD)n))
            return FALSE;
        p += chunk;
        left -= (DWORD)chunk;
    }
    if (written) *written = count;
    return TRUE;
}

/* Up to count characters from the input buffer (the request names the exe whose history a line joins). */
KBAPI BOOL WINAPI ReadConsoleW(HANDLE h, LPVOID buffer, DWORD count, LPDWORD read, LPVOID control)
{
    (void)control;
    if (read) *read = 0;
    if (!IsConsole(h))
        return FALSE;
    BYTE request[4 + 2 * (MAX_PATH + 1)];
    const WCHAR *exe = BaseConsoleInputExeName();
    DWORD want = count > 4096 ? 4096 : count, n = (DWORD)wcslen(exe);
    memcpy(request, &want, 4);
    memcpy(request + 4, exe, n * 2);
    ULONG got = 0;
    if (!BaseConsoleCall(h, CON_READ_TEXT, request, 4 + n * 2, buffer, want * 2, &got))
        return FALSE;
    if (read) *read = got / 2;
    return TRUE;
}

/* The same characters in the console's input code page. */
KBAPI BOOL WINAPI ReadConsoleA(HANDLE h, LPVOID buffer, DWORD count, LPDWORD read, LPVOID control)
{
    WCHAR wide[1024];
    DWORD got = 0;
    if (read) *read = 0;
    if (!ReadConsoleW(h, wide, count > 1024 ? 1024 : count, &got, control))
        return FALSE;
    int n = got ? WideCharToMultiByte(BaseConsoleCP, 0, wide, (int)got, buffer, (int)count, NULL, NULL) : 0;
    if (read) *read = (DWORD)n;
    return TRUE;
}

KBAPI BOOL WINAPI SetConsoleCtrlHandler(PHANDLER_ROUTINE handler, BOOL add)
{
    if (handler == NULL) {
        BaseIgnoreCtrlC = add;
        return TRUE;
    }
    if (add) {
        if (BaseCtrlHandlerCount == sizeof(BaseCtrlHandlers) / sizeof(BaseCtrlHandlers[0])) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return FALSE;
        }
        BaseCtrlHandlers[BaseCtrlHandlerCount++] = handler;
        return TRUE;
    }
    for (DWORD i = BaseCtrlHandlerCount; i-- > 0; ) {
        if (BaseCtrlHandlers[i] == handler) {
            for (DWORD j = i; j + 1 < BaseCtrlHandlerCount; j++)
                BaseCtrlHandlers[j] = BaseCtrlHandlers[j + 1];
            BaseCtrlHandlerCount--;
            return TRUE;
        }
    }
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

KBAPI HWND WINAPI GetConsoleWindow(void)
{
    return NULL;                                /* no window: the host's terminal is the console */
}

/* A control event's thread (Windows' CtrlRoutine): the handlers, last registered first, until one
 * returns TRUE; if none does, the default handler ends the process with STATUS_CONTROL_C_EXIT. A
 * Ctrl+C is dropped when SetConsoleCtrlHandler(NULL, TRUE) asked to ignore it. */
static DWORD WINAPI CtrlRoutine(LPVOID param)
{
    DWORD event = (DWORD)(ULONG_PTR)param;
    if (event == CTRL_C_EVENT && BaseIgnoreCtrlC)
        return 0;
    for (DWORD i = BaseCtrlHandlerCount; i-- > 0; )
        if (BaseCtrlHandlers[i](event))
            return 0;
    RtlExitUserProcess((NTSTATUS)0xC000013A);
}

/* Ctrl+C or Ctrl+Break for the processes of a group sharing the console. The console here has one
 * group the caller can name: its own (0, every process of the console, or its own process id). */
KBAPI BOOL WINAPI GenerateConsoleCtrlEvent(DWORD event, DWORD group)
{
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (group != 0 && group != GetCurrentProcessId())
        return TRUE;                            /* no process of that group shares this console */
    HANDLE t = CreateThread(NULL, 0, CtrlRoutine, (LPVOID)(ULONG_PTR)event, 0, NULL);
    if (!t) return FALSE;
    CloseHandle(t);
    return TRUE;
}
