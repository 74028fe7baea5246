/* Family 2, a screen buffer's geometry and looks (kept by the console device, console_io.h):
 * CreateConsoleScreenBuffer, SetConsoleActiveScreenBuffer, SetConsoleScreenBufferSize (never smaller
 * than the window), SetConsoleWindowInfo, SetConsoleScreenBufferInfoEx, the current font
 * (GetCurrentConsoleFont(Ex), SetCurrentConsoleFontEx, GetConsoleFontSize, GetNumberOfConsoleFonts),
 * the display mode, the selection, the mouse's buttons, the history settings and the original title.
 * The host's terminal has no window to go full screen; 64-bit Windows' SetConsoleDisplayMode fails
 * in the client too (ERROR_CALL_NOT_IMPLEMENTED). */
#include "console_io.h"

KBAPI HANDLE WINAPI CreateConsoleScreenBuffer(DWORD access, DWORD share, const SECURITY_ATTRIBUTES *sa, DWORD flags,
                                              LPVOID data)
{
    (void)data;
    if (flags != CONSOLE_TEXTMODE_BUFFER) { SetLastError(ERROR_INVALID_PARAMETER); return INVALID_HANDLE_VALUE; }
    UNICODE_STRING name;
    OBJECT_ATTRIBUTES oa;
    IO_STATUS_BLOCK iosb = {{0}, 0};
    HANDLE h = NULL;
    RtlInitUnicodeString(&name, L"\\Device\\ConDrv\\ScreenBuffer");
    memset(&oa, 0, sizeof(oa));
    oa.Length = sizeof(oa);
    oa.ObjectName = &name;
    oa.Attributes = OBJ_CASE_INSENSITIVE_ | (sa && sa->bInheritHandle ? OBJ_INHERIT : 0);
    if (sa) oa.SecurityDescriptor = sa->lpSecurityDescriptor;
    NTSTATUS status = NtCreateFile(&h, access | SYNCHRONIZE, &oa, &iosb, NULL, 0, share, 1 /* FILE_OPEN */,
                                   FILE_SYNCHRONOUS_IO_NONALERT_, NULL, 0);
    if (!NT_SUCCESS(status)) { BaseFail(status); return INVALID_HANDLE_VALUE; }
    return h;
}

KBAPI BOOL WINAPI SetConsoleActiveScreenBuffer(HANDLE h)
{
    return BaseConsoleCall(h, CON_ACTIVATE, NULL, 0, NULL, 0, NULL);
}

KBAPI BOOL WINAPI SetConsoleScreenBufferSize(HANDLE h, COORD size)
{
    return BaseConsoleCall(h, CON_SET_SIZE, &size, sizeof(size), NULL, 0, NULL);
}

KBAPI BOOL WINAPI SetConsoleWindowInfo(HANDLE h, BOOL absolute, const SMALL_RECT *window)
{
    if (!window) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    struct { DWORD absolute; SMALL_RECT window; } request = {absolute != 0, *window};
    return BaseConsoleCall(h, CON_SET_WINDOW, &request, sizeof(request), NULL, 0, NULL);
}

KBAPI BOOL WINAPI SetConsoleScreenBufferInfoEx(HANDLE h, PCONSOLE_SCREEN_BUFFER_INFOEX in)
{
    if (!in || in->cbSize != sizeof(*in)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    CON_INFO_EX_REQUEST request = {in->dwSize.X, in->dwSize.Y, in->dwCursorPosition.X, in->dwCursorPosition.Y,
                                   in->wAttributes, in->srWindow, in->wPopupAttributes, {0}};
    memcpy(request.colors, in->ColorTable, sizeof(request.colors));
    return BaseConsoleCall(h, CON_SET_INFO_EX, &request, sizeof(request), NULL, 0, NULL);
}

static BOOL Font(HANDLE h, CON_FONT *font)
{
    return BaseConsoleCall(h, CON_GET_FONT, NULL, 0, font, sizeof(*font), NULL);
}

KBAPI BOOL WINAPI GetCurrentConsoleFont(HANDLE h, BOOL maximum, PCONSOLE_FONT_INFO out)
{
    (void)maximum;
    CON_FONT font;
    if (!Font(h, &font)) return FALSE;
    out->nFont = font.index;
    out->dwFontSize = font.size;
    return TRUE;
}

KBAPI BOOL WINAPI GetCurrentConsoleFontEx(HANDLE h, BOOL maximum, PCONSOLE_FONT_INFOEX out)
{
    (void)maximum;
    if (!out || out->cbSize != sizeof(*out)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    CON_FONT font;
    if (!Font(h, &font)) return FALSE;
    out->nFont = font.index;
    out->dwFontSize = font.size;
    out->FontFamily = (UINT)font.family;
    out->FontWeight = (UINT)font.weight;
    memcpy(out->FaceName, font.face, sizeof(out->FaceName));
    out->FaceName[LF_FACESIZE - 1] = 0;
    return TRUE;
}

KBAPI BOOL WINAPI SetCurrentConsoleFontEx(HANDLE h, BOOL maximum, PCONSOLE_FONT_INFOEX in)
{
    (void)maximum;
    if (!in || in->cbSize != sizeof(*in)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    CON_FONT font = {0, in->dwFontSize, (INT)in->FontFamily, (INT)in->FontWeight, {0}};
    memcpy(font.face, in->FaceName, sizeof(font.face));
    font.face[LF_FACESIZE - 1] = 0;
    return BaseConsoleCall(h, CON_SET_FONT, &font, sizeof(font), NULL, 0, NULL);
}

/* The console has one font, number 0: the current one. */
KBAPI COORD WINAPI GetConsoleFontSize(HANDLE h, DWORD index)
{
    COORD none = {0, 0};
    CON_FONT font;
    if (!Font(h, &font)) return none;
    if (index != font.index) { SetLastError(ERROR_INVALID_PARAMETER); return none; }
    return font.size;
}

KBAPI DWORD WINAPI GetNumberOfConsoleFonts(void)
{
    return 1;
}

KBAPI BOOL WINAPI GetConsoleDisplayMode(LPDWORD flags)
{
    if (!flags) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *flags = 0;                                 /* windowed: neither CONSOLE_FULLSCREEN nor its hardware mode */
    return TRUE;
}

KBAPI BOOL WINAPI SetConsoleDisplayMode(HANDLE h, DWORD flags, PCOORD size)
{
    (void)h; (void)flags; (void)size;
    SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
    return FALSE;
}

KBAPI BOOL WINAPI GetConsoleSelectionInfo(PCONSOLE_SELECTION_INFO out)
{
    if (!out) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    memset(out, 0, sizeof(*out));               /* CONSOLE_NO_SELECTION: nobody selects on the host's terminal */
    return TRUE;
}

KBAPI BOOL WINAPI GetNumberOfConsoleMouseButtons(LPDWORD buttons)
{
    if (!buttons) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *buttons = 3;                               /* the system's mouse, as GetSystemMetrics(SM_CMOUSEBUTTONS) */
    return TRUE;
}

static BOOL HistoryInfo(DWORD op, UINT *values, BOOL set)
{
    BYTE request[8 + 12];
    DWORD head[2] = {op, 0};
    memcpy(request, head, 8);
    if (set) memcpy(request + 8, values, 12);
    return BaseConsoleConnect(CON_ALIAS, request, set ? 20 : 8, set ? NULL : values, set ? 0 : 12, NULL);
}

KBAPI BOOL WINAPI GetConsoleHistoryInfo(PCONSOLE_HISTORY_INFO out)
{
    if (!out || out->cbSize != sizeof(*out)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return HistoryInfo(HISTORY_GET_INFO, &out->HistoryBufferSize, FALSE);
}

KBAPI BOOL WINAPI SetConsoleHistoryInfo(PCONSOLE_HISTORY_INFO in)
{
    if (!in || in->cbSize != sizeof(*in)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return HistoryInfo(HISTORY_SET_INFO, &in->HistoryBufferSize, TRUE);
}

/* The title the console started with, cut to the buffer; the return value is its whole length
 * (0 for a buffer of 0), as Windows 8.1 on returns it. */
static DWORD OriginalTitle(WCHAR *title, DWORD size)
{
    ULONG got = 0;
    DWORD original = 1;
    if (!BaseConsoleCall(GetStdHandle(STD_OUTPUT_HANDLE), CON_GET_TITLE, &original, sizeof(original), title,
                         size * 2, &got))
        return (DWORD)-1;
    return got / 2;
}

KBAPI DWORD WINAPI GetConsoleOriginalTitleW(LPWSTR out, DWORD size)
{
    WCHAR title[1024];
    if (size == 0) return 0;
    DWORD n = OriginalTitle(title, 1023);
    if (n == (DWORD)-1) return 0;
    DWORD copy = n < size - 1 ? n : size - 1;
    memcpy(out, title, copy * 2);
    out[copy] = 0;
    return n;
}

KBAPI DWORD WINAPI GetConsoleOriginalTitleA(LPSTR out, DWORD size)
{
    WCHAR title[1024];
    if (size == 0) return 0;
    DWORD n = OriginalTitle(title, 1023);
    if (n == (DWORD)-1) return 0;
    int bytes = WideCharToMultiByte(CP_ACP, 0, title, (int)n, out, (int)size - 1, NULL, NULL);
    out[bytes] = 0;
    return n;
}
