/* Family 2, the console's input buffer (kept by the console device, console_io.h): ReadConsoleInputA/W
 * (waits for an event), ReadConsoleInputExA/W, PeekConsoleInputA/W, GetNumberOfConsoleInputEvents, FlushConsoleInputBuffer and
 * WriteConsoleInputA/W. Keys typed on the host terminal arrive as key-down and key-up KEY_EVENTs. The
 * A forms carry the character in the console's input code page. */
#include "console_io.h"

#define MAX_RECORDS 64

static void ToAnsi(INPUT_RECORD *records, DWORD n)
{
    for (DWORD i = 0; i < n; i++)
        if (records[i].EventType == KEY_EVENT) {
            WCHAR wide = records[i].Event.KeyEvent.uChar.UnicodeChar;
            CHAR ansi = 0;
            if (wide) WideCharToMultiByte(GetConsoleCP(), 0, &wide, 1, &ansi, 1, NULL, NULL);
            records[i].Event.KeyEvent.uChar.UnicodeChar = 0;
            records[i].Event.KeyEvent.uChar.AsciiChar = ansi;
        }
}

static BOOL Take(HANDLE h, PINPUT_RECORD out, DWORD length, LPDWORD read, DWORD flags)
{
    DWORD request[2] = {flags, length > MAX_RECORDS ? MAX_RECORDS : length};
    ULONG got = 0;
    if (read) *read = 0;
    if (!BaseConsoleCall(h, CON_READ_INPUT, request, sizeof(request), out, request[1] * sizeof(INPUT_RECORD), &got))
        return FALSE;
    if (read) *read = got / sizeof(INPUT_RECORD);
    return TRUE;
}

KBAPI BOOL WINAPI ReadConsoleInputW(HANDLE h, PINPUT_RECORD out, DWORD length, LPDWORD read)
{
    return Take(h, out, length, read, 0);
}

KBAPI BOOL WINAPI PeekConsoleInputW(HANDLE h, PINPUT_RECORD out, DWORD length, LPDWORD read)
{
    return Take(h, out, length, read, CON_READ_PEEK);
}

KBAPI BOOL WINAPI ReadConsoleInputA(HANDLE h, PINPUT_RECORD out, DWORD length, LPDWORD read)
{
    DWORD n = 0;
    BOOL ok = Take(h, out, length, &n, 0);
    if (ok) ToAnsi(out, n);
    if (read) *read = n;
    return ok;
}

KBAPI BOOL WINAPI PeekConsoleInputA(HANDLE h, PINPUT_RECORD out, DWORD length, LPDWORD read)
{
    DWORD n = 0;
    BOOL ok = Take(h, out, length, &n, CON_READ_PEEK);
    if (ok) ToAnsi(out, n);
    if (read) *read = n;
    return ok;
}

/* ReadConsoleInputEx: CONSOLE_READ_NOWAIT returns at once, with no records if none wait;
 * CONSOLE_READ_NOREMOVE leaves them queued (a peek). */
KBAPI BOOL WINAPI ReadConsoleInputExW(HANDLE h, PINPUT_RECORD out, DWORD length, LPDWORD read, USHORT flags)
{
    if (flags & ~3u) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return Take(h, out, length, read, (flags & 1 ? CON_READ_PEEK : 0) | (flags & 2 ? CON_READ_NOWAIT : 0));
}

KBAPI BOOL WINAPI ReadConsoleInputExA(HANDLE h, PINPUT_RECORD out, DWORD length, LPDWORD read, USHORT flags)
{
    DWORD n = 0;
    BOOL ok = ReadConsoleInputExW(h, out, length, &n, flags);
    if (ok) ToAnsi(out, n);
    if (read) *read = n;
    return ok;
}

KBAPI BOOL WINAPI GetNumberOfConsoleInputEvents(HANDLE h, LPDWORD count)
{
    return BaseConsoleCall(h, CON_COUNT_INPUT, NULL, 0, count, sizeof(*count), NULL);
}

KBAPI BOOL WINAPI FlushConsoleInputBuffer(HANDLE h)
{
    return BaseConsoleCall(h, CON_FLUSH_INPUT, NULL, 0, NULL, 0, NULL);
}

KBAPI BOOL WINAPI WriteConsoleInputW(HANDLE h, const INPUT_RECORD *records, DWORD length, LPDWORD written)
{
    if (written) *written = 0;
    DWORD total = 0;
    while (total < length) {
        DWORD n = length - total > MAX_RECORDS ? MAX_RECORDS : length - total, done = 0;
        if (!BaseConsoleCall(h, CON_WRITE_INPUT, records + total, n * sizeof(INPUT_RECORD), &done, sizeof(done), NULL))
            return FALSE;
        total += done;
    }
    if (written) *written = total;
    return TRUE;
}

KBAPI BOOL WINAPI WriteConsoleInputA(HANDLE h, const INPUT_RECORD *records, DWORD length, LPDWORD written)
{
    INPUT_RECORD wide[MAX_RECORDS];
    DWORD total = 0;
    if (written) *written = 0;
    while (total < length) {
        DWORD n = length - total > MAX_RECORDS ? MAX_RECORDS : length - total, done = 0;
        memcpy(wide, records + total, n * sizeof(INPUT_RECORD));
        for (DWORD i = 0; i < n; i++)
            if (wide[i].EventType == KEY_EVENT) {
                CHAR ansi = wide[i].Event.KeyEvent.uChar.AsciiChar;
                WCHAR ch = 0;
                if (ansi) MultiByteToWideChar(GetConsoleCP(), 0, &ansi, 1, &ch, 1);
                wide[i].Event.KeyEvent.uChar.UnicodeChar = ch;
            }
        if (!WriteConsoleInputW(h, wide, n, &done)) return FALSE;
        total += done;
    }
    if (written) *written = total;
    return TRUE;
}
