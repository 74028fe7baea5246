/* Family 2, the console's screen buffer (kept by the console device, console_io.h):
 * GetConsoleScreenBufferInfo(Ex), SetConsoleTextAttribute, SetConsoleCursorPosition,
 * Get/SetConsoleCursorInfo, FillConsoleOutputCharacterA/W and Attribute, WriteConsoleOutputCharacterA/W
 * and Attribute, ReadConsoleOutputCharacterA/W and Attribute, ScrollConsoleScreenBufferA/W,
 * GetLargestConsoleWindowSize and Get/SetConsoleTitleA/W. Off a console they fail with ERROR_INVALID_HANDLE. */
#include "console_io.h"

static BOOL Info(HANDLE h, CON_INFO *info)
{
    return BaseConsoleCall(h, CON_GET_INFO, NULL, 0, info, sizeof(*info), NULL);
}

KBAPI BOOL WINAPI GetConsoleScreenBufferInfo(HANDLE h, PCONSOLE_SCREEN_BUFFER_INFO out)
{
    CON_INFO info;
    if (!Info(h, &info)) return FALSE;
    out->dwSize = info.size;
    out->dwCursorPosition = info.cursor;
    out->wAttributes = info.attribute;
    out->srWindow = info.window;
    out->dwMaximumWindowSize = info.maximum;
    return TRUE;
}

KBAPI BOOL WINAPI GetConsoleScreenBufferInfoEx(HANDLE h, PCONSOLE_SCREEN_BUFFER_INFOEX out)
{
    if (out->cbSize != sizeof(*out)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    CON_INFO info;
    if (!Info(h, &info)) return FALSE;
    out->dwSize = info.size;
    out->dwCursorPosition = info.cursor;
    out->wAttributes = info.attribute;
    out->srWindow = info.window;
    out->dwMaximumWindowSize = info.maximum;
    out->wPopupAttributes = info.popup_attribute;
    out->bFullscreenSupported = FALSE;
    memcpy(out->ColorTable, info.colors, sizeof(out->ColorTable));
    return TRUE;
}

KBAPI BOOL WINAPI SetConsoleTextAttribute(HANDLE h, WORD attribute)
{
    return BaseConsoleCall(h, CON_SET_ATTRIBUTE, &attribute, sizeof(attribute), NULL, 0, NULL);
}

KBAPI BOOL WINAPI SetConsoleCursorPosition(HANDLE h, COORD at)
{
    return BaseConsoleCall(h, CON_SET_CURSOR, &at, sizeof(at), NULL, 0, NULL);
}

KBAPI BOOL WINAPI GetConsoleCursorInfo(HANDLE h, PCONSOLE_CURSOR_INFO out)
{
    CON_INFO info;
    if (!Info(h, &info)) return FALSE;
    out->dwSize = info.cursor_size;
    out->bVisible = info.cursor_visible;
    return TRUE;
}

KBAPI BOOL WINAPI SetConsoleCursorInfo(HANDLE h, const CONSOLE_CURSOR_INFO *in)
{
    DWORD request[2] = {in->dwSize, (DWORD)(in->bVisible != 0)};
    return BaseConsoleCall(h, CON_SET_CURSOR_INFO, request, sizeof(request), NULL, 0, NULL);
}

KBAPI COORD WINAPI GetLargestConsoleWindowSize(HANDLE h)
{
    CON_INFO info;
    COORD none = {0, 0}, host = {120, 30};      /* the host's terminal: no larger window fits */
    return Info(h, &info) ? host : none;
}

/* Fill and write cells: the count done comes back even when the buffer's end cuts it short. */
static BOOL Fill(HANDLE h, DWORD kind, WORD value, DWORD length, COORD at, LPDWORD done)
{
    CON_FILL_REQUEST request = {kind, value, length, at};
    DWORD n = 0;
    BOOL ok = BaseConsoleCall(h, CON_FILL, &request, sizeof(request), &n, sizeof(n), NULL);
    if (done) *done = ok ? n : 0;
    return ok;
}

KBAPI BOOL WINAPI FillConsoleOutputCharacterW(HANDLE h, WCHAR ch, DWORD length, COORD at, LPDWORD done)
{
    return Fill(h, CON_KIND_CHARACTER, ch, length, at, done);
}

KBAPI BOOL WINAPI FillConsoleOutputCharacterA(HANDLE h, CHAR ch, DWORD length, COORD at, LPDWORD done)
{
    WCHAR wide = 0;
    MultiByteToWideChar(GetConsoleOutputCP(), 0, &ch, 1, &wide, 1);
    return Fill(h, CON_KIND_CHARACTER, wide, length, at, done);
}

KBAPI BOOL WINAPI FillConsoleOutputAttribute(HANDLE h, WORD attribute, DWORD length, COORD at, LPDWORD done)
{
    return Fill(h, CON_KIND_ATTRIBUTE, attribute, length, at, done);
}

/* The cell after n more from at, in a buffer of this width. */
static COORD Advance(HANDLE h, COORD at, DWORD n)
{
    CON_INFO info;
    DWORD width = Info(h, &info) ? (DWORD)info.size.X : 120;
    DWORD cell = (DWORD)at.Y * width + (DWORD)at.X + n;
    COORD next = {(SHORT)(cell % width), (SHORT)(cell / width)};
    return next;
}

static BOOL WriteCells(HANDLE h, DWORD kind, const WORD *values, DWORD length, COORD at, LPDWORD done)
{
    BYTE buffer[8 + 2 * 512];
    DWORD total = 0;
    BOOL ok = TRUE;
    do {                                        /* in pieces of 512 cells */
        DWORD n = length - total > 512 ? 512 : length - total;
        memcpy(buffer, &kind, 4);
        memcpy(buffer + 4, &at, 4);
        memcpy(buffer + 8, values + total, n * 2);
        DWORD wrote = 0;
        ok = BaseConsoleCall(h, CON_WRITE_CELLS, buffer, 8 + n * 2, &wrote, sizeof(wrote), NULL);
        if (!ok) break;
        total += wrote;
        if (wrote < n) break;                   /* the buffer's end */
        at = Advance(h, at, wrote);
    } while (total < length);
    if (done) *done = total;
    return ok;
}

KBAPI BOOL WINAPI WriteConsoleOutputCharacterW(HANDLE h, LPCWSTR text, DWORD length, COORD at, LPDWORD done)
{
    return WriteCells(h, CON_KIND_CHARACTER, (const WORD *)text, length, at, done);
}

KBAPI BOOL WINAPI WriteConsoleOutputCharacterA(HANDLE h, LPCSTR text, DWORD length, COORD at, LPDWORD done)
{
    WCHAR wide[512];
    DWORD total = 0;
    while (total < length || length == 0) {
        int n = length - total > 512 ? 512 : (int)(length - total);
        int w = MultiByteToWideChar(GetConsoleOutputCP(), 0, text + total, n, wide, 512);
        DWORD wrote = 0;
        if (!WriteCells(h, CON_KIND_CHARACTER, (WORD *)wide, (DWORD)w, at, &wrote)) {
            if (done) *done = total;
            return FALSE;
        }
        total += wrote;
        if ((int)wrote < w || length == 0) break;
        at = Advance(h, at, wrote);
    }
    if (done) *done = total;
    return TRUE;
}

KBAPI BOOL WINAPI WriteConsoleOutputAttribute(HANDLE h, const WORD *attributes, DWORD length, COORD at, LPDWORD done)
{
    return WriteCells(h, CON_KIND_ATTRIBUTE, attributes, length, at, done);
}

static BOOL ReadCells(HANDLE h, DWORD kind, WORD *out, DWORD length, COORD at, LPDWORD done)
{
    CON_READ_REQUEST request = {kind, at, length};
    ULONG got = 0;
    BOOL ok = BaseConsoleCall(h, CON_READ_CELLS, &request, sizeof(request), out, length * 2, &got);
    if (done) *done = ok ? got / 2 : 0;
    return ok;
}

KBAPI BOOL WINAPI ReadConsoleOutputCharacterW(HANDLE h, LPWSTR out, DWORD length, COORD at, LPDWORD done)
{
    return ReadCells(h, CON_KIND_CHARACTER, (WORD *)out, length, at, done);
}

KBAPI BOOL WINAPI ReadConsoleOutputAttribute(HANDLE h, LPWORD out, DWORD length, COORD at, LPDWORD done)
{
    return ReadCells(h, CON_KIND_ATTRIBUTE, out, length, at, done);
}

KBAPI BOOL WINAPI ReadConsoleOutputCharacterA(HANDLE h, LPSTR out, DWORD length, COORD at, LPDWORD done)
{
    WCHAR wide[512];
    DWORD n = length > 512 ? 512 : length, got = 0;
    if (!ReadCells(h, CON_KIND_CHARACTER, (WORD *)wide, n, at, &got)) return FALSE;
    int bytes = WideCharToMultiByte(GetConsoleOutputCP(), 0, wide, (int)got, out, (int)length, NULL, NULL);
    if (done) *done = (DWORD)bytes;
    return TRUE;
}

KBAPI BOOL WINAPI ScrollConsoleScreenBufferW(HANDLE h, const SMALL_RECT *scroll, const SMALL_RECT *clip, COORD dest,
                                             const CHAR_INFO *fill)
{
    CON_SCROLL_REQUEST request = {*scroll, clip != NULL, {0, 0, 0, 0}, dest, fill->Char.UnicodeChar, fill->Attributes};
    if (clip) request.clip = *clip;
    return BaseConsoleCall(h, CON_SCROLL, &request, sizeof(request), NULL, 0, NULL);
}

KBAPI BOOL WINAPI ScrollConsoleScreenBufferA(HANDLE h, const SMALL_RECT *scroll, const SMALL_RECT *clip, COORD dest,
                                             const CHAR_INFO *fill)
{
    CHAR_INFO wide = *fill;
    WCHAR ch = 0;
    MultiByteToWideChar(GetConsoleOutputCP(), 0, &fill->Char.AsciiChar, 1, &ch, 1);
    wide.Char.UnicodeChar = ch;
    return ScrollConsoleScreenBufferW(h, scroll, clip, dest, &wide);
}

/* The title belongs to the console; any of its handles reaches it (the output handle is asked). */
KBAPI DWORD WINAPI GetConsoleTitleW(LPWSTR out, DWORD size)
{
    WCHAR title[1024];
    ULONG got = 0;
    if (!BaseConsoleCall(GetStdHandle(STD_OUTPUT_HANDLE), CON_GET_TITLE, NULL, 0, title, sizeof(title) - 2, &got))
        return 0;
    DWORD n = got / 2;
    if (size == 0) return n;
    DWORD copy = n < size - 1 ? n : size - 1;
    memcpy(out, title, copy * 2);
    out[copy] = 0;
    return copy;
}

KBAPI DWORD WINAPI GetConsoleTitleA(LPSTR out, DWORD size)
{
    WCHAR title[1024];
    DWORD n = GetConsoleTitleW(title, 1024);
    if (n == 0 && GetLastError() == ERROR_INVALID_HANDLE) return 0;
    int bytes = WideCharToMultiByte(CP_ACP, 0, title, (int)n, out, size ? (int)size - 1 : 0, NULL, NULL);
    if (size) out[bytes] = 0;
    return (DWORD)bytes;
}

KBAPI BOOL WINAPI SetConsoleTitleW(LPCWSTR title)
{
    return BaseConsoleCall(GetStdHandle(STD_OUTPUT_HANDLE), CON_SET_TITLE, title, (ULONG)wcslen(title) * 2, NULL, 0, NULL);
}

KBAPI BOOL WINAPI SetConsoleTitleA(LPCSTR title)
{
    WCHAR wide[1024];
    int n = MultiByteToWideChar(CP_ACP, 0, title, -1, wide, 1024);
    if (n == 0) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return SetConsoleTitleW(wide);
}
