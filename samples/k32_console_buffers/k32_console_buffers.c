/* Family 2, screen buffers and cooked input on a console (the host's terminal): CHAR_INFO rectangles
 * (WriteConsoleOutputW/A clipped to the buffer, the region updated; ReadConsoleOutputW/A), the buffer's
 * size against its window, SetConsoleWindowInfo, SetConsoleScreenBufferInfoEx's colour table, the
 * current font, a second screen buffer and SetConsoleActiveScreenBuffer, the original title; then
 * ReadConsole over records queued by WriteConsoleInput: a line (with a Backspace) ends in CR LF and
 * joins the command history, raw mode returns the characters as they come, ReadConsoleInputEx with
 * CONSOLE_READ_NOWAIT returns at once. Redirected: the rectangle calls fail with ERROR_INVALID_HANDLE.
 * Results are printed at the end. Exit code: failed checks. */
#include "../k32.h"

BOOL WINAPI ReadConsoleInputExW(HANDLE, PINPUT_RECORD, DWORD, LPDWORD, USHORT);
BOOL WINAPI VerifyConsoleIoHandle(HANDLE);
#define CONSOLE_READ_NOWAIT 2

static char report[8192];
static int used;

static void Note(int ok, const char *what)
{
    const char *tag = ok ? "ok   " : "FAIL ";
    for (const char *p = tag; *p; p++) report[used++] = *p;
    for (const char *p = what; *p && used < (int)sizeof(report) - 2; p++) report[used++] = *p;
    report[used++] = '\n';
    failures += !ok;
}

static int Same(const WCHAR *a, const WCHAR *b, int n)
{
    for (int i = 0; i < n; i++) if (a[i] != b[i]) return 0;
    return 1;
}

static void Rectangles(HANDLE out)
{
    CHAR_INFO cells[6];
    for (int i = 0; i < 6; i++) { cells[i].Char.UnicodeChar = (WCHAR)('A' + i); cells[i].Attributes = (WORD)(0x10 + i); }
    /* A 3 x 2 array written at (117, 40): the buffer's right edge keeps two columns. */
    COORD size = {3, 2}, from = {0, 0};
    SMALL_RECT region = {117, 40, 119 + 1, 41};
    Note(WriteConsoleOutputW(out, cells, size, from, &region) && region.Left == 117 && region.Top == 40 &&
         region.Right == 119 && region.Bottom == 41, "WriteConsoleOutputW: clipped at the buffer's edge, region 117,40-119,41");
    CHAR_INFO back[6] = {{{0}, 0}};
    SMALL_RECT read_region = {117, 40, 119, 41};
    Note(ReadConsoleOutputW(out, back, size, from, &read_region) && back[0].Char.UnicodeChar == 'A' &&
         back[2].Char.UnicodeChar == 'C' && back[3].Char.UnicodeChar == 'D' && back[5].Attributes == 0x15,
         "ReadConsoleOutputW: the cells and attributes back");
    /* From (1, 0) of the array, the region is cut to what the array holds: two columns. */
    COORD from1 = {1, 0};
    SMALL_RECT region2 = {10, 2, 14, 2};
    Note(WriteConsoleOutputW(out, cells, size, from1, &region2) && region2.Right == 11, "WriteConsoleOutputW from (1, 0): two columns");
    WCHAR chars[2];
    COORD at = {10, 2};
    DWORD done;
    Note(ReadConsoleOutputCharacterW(out, chars, 2, at, &done) && chars[0] == 'B' && chars[1] == 'C', "and they are B and C");
    CHAR_INFO ansi[2];
    ansi[0].Char.AsciiChar = 'x'; ansi[0].Attributes = 7;
    ansi[1].Char.AsciiChar = 'y'; ansi[1].Attributes = 7;
    COORD one_row = {2, 1};
    SMALL_RECT region3 = {0, 43, 1, 43};
    CHAR_INFO ansi_back[2];
    Note(WriteConsoleOutputA(out, ansi, one_row, from, &region3) && ReadConsoleOutputA(out, ansi_back, one_row, from, &region3) &&
         ansi_back[0].Char.AsciiChar == 'x' && ansi_back[1].Char.AsciiChar == 'y', "WriteConsoleOutputA / ReadConsoleOutputA");
    SMALL_RECT outside = {200, 0, 210, 0};
    Note(WriteConsoleOutputW(out, cells, size, from, &outside) && outside.Right < outside.Left,
         "a rectangle outside the buffer: nothing written, an empty region");
}

static void Geometry(HANDLE out)
{
    COORD small = {80, 9001};
    SetLastError(0);
    Note(!SetConsoleScreenBufferSize(out, small) && GetLastError() == ERROR_INVALID_PARAMETER,
         "SetConsoleScreenBufferSize narrower than the window -> ERROR_INVALID_PARAMETER");
    SMALL_RECT shrink = {0, 0, -40, -10};
    CONSOLE_SCREEN_BUFFER_INFO info;
    Note(SetConsoleWindowInfo(out, FALSE, &shrink) && GetConsoleScreenBufferInfo(out, &info) &&
         info.srWindow.Right - info.srWindow.Left == 79 && info.srWindow.Bottom - info.srWindow.Top == 19,
         "SetConsoleWindowInfo(relative): an 80 x 20 window");
    SMALL_RECT wide = {0, 0, 130, 19};
    SetLastError(0);
    Note(!SetConsoleWindowInfo(out, TRUE, &wide) && GetLastError() == ERROR_INVALID_PARAMETER,
         "SetConsoleWindowInfo wider than the buffer -> ERROR_INVALID_PARAMETER");
    COORD narrow = {100, 500};
    Note(SetConsoleScreenBufferSize(out, narrow) && GetConsoleScreenBufferInfo(out, &info) && info.dwSize.X == 100 &&
         info.dwSize.Y == 500 && info.dwMaximumWindowSize.X == 100, "SetConsoleScreenBufferSize(100, 500)");
    COORD normal = {120, 9001};
    SMALL_RECT full = {0, 0, 119, 29};
    Note(SetConsoleScreenBufferSize(out, normal) && SetConsoleWindowInfo(out, TRUE, &full), "back to 120 x 9001, a 120 x 30 window");

    CONSOLE_SCREEN_BUFFER_INFOEX ex = {sizeof(ex)};
    GetConsoleScreenBufferInfoEx(out, &ex);
    ex.ColorTable[1] = 0x00FF0000;
    CONSOLE_SCREEN_BUFFER_INFOEX check = {sizeof(check)};
    Note(SetConsoleScreenBufferInfoEx(out, &ex) && GetConsoleScreenBufferInfoEx(out, &check) &&
         check.ColorTable[1] == 0x00FF0000 && check.dwSize.X == 120 && check.wPopupAttributes == 0xF5,
         "SetConsoleScreenBufferInfoEx: a colour of the table changed");

    CONSOLE_FONT_INFOEX font = {sizeof(font)};
    Note(GetCurrentConsoleFontEx(out, FALSE, &font) && font.dwFontSize.X == 8 && font.dwFontSize.Y == 16 &&
         Same(font.FaceName, L"Consolas", 9) && font.FontWeight == 400, "GetCurrentConsoleFontEx: Consolas 8 x 16");
    font.dwFontSize.Y = 20;
    font.dwFontSize.X = 10;
    CONSOLE_FONT_INFO current;
    Note(SetCurrentConsoleFontEx(out, FALSE, &font) && GetCurrentConsoleFont(out, FALSE, &current) &&
         current.nFont == 0 && current.dwFontSize.Y == 20 && GetConsoleFontSize(out, 0).X == 10,
         "SetCurrentConsoleFontEx: 10 x 20");
    SetLastError(0);
    COORD none = GetConsoleFontSize(out, 5);
    Note(none.X == 0 && none.Y == 0 && GetLastError() == ERROR_INVALID_PARAMETER, "GetConsoleFontSize(5) -> ERROR_INVALID_PARAMETER");
}

static void ScreenBuffers(HANDLE out)
{
    HANDLE second = CreateConsoleScreenBuffer(GENERIC_READ | GENERIC_WRITE, 0, NULL, CONSOLE_TEXTMODE_BUFFER, NULL);
    DWORD done;
    CONSOLE_SCREEN_BUFFER_INFO info;
    Note(second != INVALID_HANDLE_VALUE && WriteConsoleA(second, "second", 6, &done, NULL) &&
         GetConsoleScreenBufferInfo(second, &info) && info.dwCursorPosition.X == 6,
         "CreateConsoleScreenBuffer: a buffer of its own, its cursor moved");
    WCHAR chars[6];
    COORD at = {0, 0};
    Note(ReadConsoleOutputCharacterW(second, chars, 6, at, &done) && Same(chars, L"second", 6) &&
         ReadConsoleOutputCharacterW(out, chars, 1, at, &done) && chars[0] != 's', "the text is in it, not in the first");
    Note(SetConsoleActiveScreenBuffer(second) && SetConsoleActiveScreenBuffer(out), "SetConsoleActiveScreenBuffer there and back");
    SetLastError(0);
    Note(CreateConsoleScreenBuffer(GENERIC_WRITE, 0, NULL, 2, NULL) == INVALID_HANDLE_VALUE &&
         GetLastError() == ERROR_INVALID_PARAMETER, "CreateConsoleScreenBuffer(flags 2) -> ERROR_INVALID_PARAMETER");
    CloseHandle(second);
    WCHAR title[32];
    SetConsoleTitleW(L"changed");
    Note(GetConsoleOriginalTitleW(title, 32) == 6 && Same(title, L"ntmini", 7), "GetConsoleOriginalTitleW: the title it started with");
    Note(GetConsoleOriginalTitleW(title, 3) == 6 && Same(title, L"nt", 3) && GetConsoleOriginalTitleW(title, 0) == 0,
         "GetConsoleOriginalTitleW: cut to 3, still its length 6; a buffer of 0: 0");
}

static void Queue(HANDLE in, const WCHAR *text)
{
    INPUT_RECORD records[32];
    DWORD n = 0, done;
    for (; text[n]; n++) {
        records[n].EventType = KEY_EVENT;
        KEY_EVENT_RECORD *key = &records[n].Event.KeyEvent;
        key->bKeyDown = TRUE;
        key->wRepeatCount = 1;
        key->wVirtualKeyCode = text[n] == '\r' ? VK_RETURN : text[n] == '\b' ? VK_BACK : 0;
        key->wVirtualScanCode = 0;
        key->uChar.UnicodeChar = text[n];
        key->dwControlKeyState = 0;
    }
    WriteConsoleInputW(in, records, n, &done);
}

static void Input(HANDLE in)
{
    Note(VerifyConsoleIoHandle(in), "VerifyConsoleIoHandle(the console's input)");
    FlushConsoleInputBuffer(in);
    INPUT_RECORD record;
    DWORD n = 99;
    Note(ReadConsoleInputExW(in, &record, 1, &n, CONSOLE_READ_NOWAIT) && n == 0, "ReadConsoleInputExW(CONSOLE_READ_NOWAIT): none, at once");
    Queue(in, L"dir\r");
    Note(ReadConsoleInputExW(in, &record, 1, &n, 1 /* CONSOLE_READ_NOREMOVE */) && n == 1 &&
         record.Event.KeyEvent.uChar.UnicodeChar == 'd', "ReadConsoleInputExW(CONSOLE_READ_NOREMOVE): 'd' stays");
    WCHAR line[32];
    Note(ReadConsoleW(in, line, 32, &n, NULL) && n == 5 && Same(line, L"dir\r\n", 5), "ReadConsoleW, line input: \"dir\\r\\n\"");
    Queue(in, L"ab\bc\r");
    char bytes[32];
    Note(ReadConsoleA(in, bytes, 32, &n, NULL) && n == 4 && bytes[0] == 'a' && bytes[1] == 'c' && bytes[2] == '\r' &&
         bytes[3] == '\n', "ReadConsoleA: Backspace edits the line: \"ac\\r\\n\"");
    WCHAR history[32];
    DWORD got = GetConsoleCommandHistoryW(history, sizeof(history), L"k32_console_buffers.exe");
    Note(got == 14 && Same(history, L"dir\0ac\0", 7), "GetConsoleCommandHistoryW: \"dir\\0ac\\0\"");
    Queue(in, L"xyz\r");
    Note(ReadConsoleW(in, line, 2, &n, NULL) && n == 2 && line[0] == 'x' && ReadConsoleW(in, line, 32, &n, NULL) &&
         n == 3 && line[0] == 'z' && line[2] == '\n', "a short buffer: the rest of the line waits for the next read");
    DWORD mode;
    GetConsoleMode(in, &mode);
    Note(SetConsoleMode(in, mode & ~(ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT)) && GetConsoleMode(in, &n) &&
         n == (mode & ~(DWORD)(ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT)), "SetConsoleMode: line input off");
    Queue(in, L"qr");
    Note(ReadFile(in, bytes, 32, &n, NULL) && n == 2 && bytes[0] == 'q' && bytes[1] == 'r', "ReadFile, raw: \"qr\" as it comes");
    SetConsoleMode(in, mode);
    ExpungeConsoleCommandHistoryW(L"k32_console_buffers.exe");
    Note(GetConsoleCommandHistoryLengthW(L"k32_console_buffers.exe") == 0, "ExpungeConsoleCommandHistoryW");
}

void Entry(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE), in = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode;
    if (GetConsoleMode(out, &mode)) {
        Rectangles(out);
        Geometry(out);
        ScreenBuffers(out);
        Input(in);
    } else {
        CHAR_INFO cell[1];
        COORD size = {1, 1}, at = {0, 0};
        SMALL_RECT region = {0, 0, 0, 0};
        SetLastError(0);
        Note(!WriteConsoleOutputW(out, cell, size, at, &region) && GetLastError() == ERROR_INVALID_HANDLE,
             "WriteConsoleOutputW(redirected) -> ERROR_INVALID_HANDLE");
        SetLastError(0);
        Note(!SetConsoleScreenBufferSize(out, size) && GetLastError() == ERROR_INVALID_HANDLE,
             "SetConsoleScreenBufferSize(redirected) -> ERROR_INVALID_HANDLE");
        Note(!VerifyConsoleIoHandle(out), "VerifyConsoleIoHandle(redirected) is FALSE");
    }
    DWORD written;
    WriteFile(out, "\n", 1, &written, NULL);
    WriteFile(out, report, (DWORD)used, &written, NULL);
    ExitProcess((UINT)failures);
}
