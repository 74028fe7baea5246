/* Family 2, the console's screen and input buffers. On a console (the host's terminal): the buffer's
 * size and window, the cursor and text attribute, cursor info, filling, writing and reading cells,
 * scrolling a rectangle, the title, and the input buffer (typed keys as key events, WriteConsoleInput,
 * peek, count, flush); then GenerateConsoleCtrlEvent's handlers. Redirected: every screen-buffer call
 * fails with ERROR_INVALID_HANDLE. Results are printed at the end, so the checks' own output does
 * not move the cursor under them. Exit code: failed checks. */
#include "../k32.h"

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

static void NoteError(int failed, const char *what)
{
    Note(failed && GetLastError() == ERROR_INVALID_HANDLE, what);
}

static volatile LONG handled;
static HANDLE handled_event;
static BOOL WINAPI First(DWORD type) { (void)type; InterlockedIncrement(&handled); return FALSE; }
static BOOL WINAPI Last(DWORD type) { handled = handled * 10 + (LONG)type + 5; SetEvent(handled_event); return TRUE; }

static void OnConsole(HANDLE out, HANDLE in)
{
    CONSOLE_SCREEN_BUFFER_INFO info;
    Note(GetConsoleScreenBufferInfo(out, &info) && info.dwSize.X == 120 && info.dwSize.Y == 9001 &&
         info.srWindow.Right == 119 && info.srWindow.Bottom - info.srWindow.Top == 29 && info.wAttributes == 7,
         "GetConsoleScreenBufferInfo: 120 x 9001, a 120 x 30 window, attribute 7");
    COORD at = {5, 3};
    Note(SetConsoleCursorPosition(out, at) && GetConsoleScreenBufferInfo(out, &info) &&
         info.dwCursorPosition.X == 5 && info.dwCursorPosition.Y == 3, "SetConsoleCursorPosition(5, 3)");
    COORD outside = {120, 0};
    SetLastError(0);
    Note(!SetConsoleCursorPosition(out, outside) && GetLastError() == ERROR_INVALID_PARAMETER,
         "SetConsoleCursorPosition outside the buffer -> ERROR_INVALID_PARAMETER");
    DWORD done = 0;
    Note(WriteConsoleA(out, "AB", 2, &done, NULL) && GetConsoleScreenBufferInfo(out, &info) && info.dwCursorPosition.X == 7,
         "written text moves the cursor");
    WCHAR cells[8] = {0};
    COORD here = {5, 3};
    Note(ReadConsoleOutputCharacterW(out, cells, 2, here, &done) && done == 2 && cells[0] == 'A' && cells[1] == 'B',
         "ReadConsoleOutputCharacterW reads what was written");
    Note(SetConsoleTextAttribute(out, FOREGROUND_RED | BACKGROUND_BLUE) && GetConsoleScreenBufferInfo(out, &info) &&
         info.wAttributes == (FOREGROUND_RED | BACKGROUND_BLUE), "SetConsoleTextAttribute");
    SetConsoleTextAttribute(out, 7);

    /* Fill across a row's end: 118..119 of row 10 and 0..2 of row 11. */
    COORD fill_at = {118, 10};
    Note(FillConsoleOutputCharacterW(out, L'#', 5, fill_at, &done) && done == 5, "FillConsoleOutputCharacterW: 5 cells");
    Note(FillConsoleOutputAttribute(out, 0x1E, 5, fill_at, &done) && done == 5, "FillConsoleOutputAttribute: 5 cells");
    COORD next_row = {0, 11};
    WORD attributes[4] = {0};
    Note(ReadConsoleOutputCharacterW(out, cells, 4, next_row, &done) && done == 4 && cells[2] == '#' && cells[3] == ' ',
         "the fill wraps onto the next row");
    Note(ReadConsoleOutputAttribute(out, attributes, 4, next_row, &done) && attributes[2] == 0x1E && attributes[3] == 7,
         "and so do its attributes");
    COORD last = {119, 9000};
    Note(FillConsoleOutputCharacterA(out, 'x', 10, last, &done) && done == 1, "a fill stops at the buffer's end");
    COORD text_at = {0, 20};
    WORD colours[3] = {1, 2, 4};
    Note(WriteConsoleOutputCharacterA(out, "xyz", 3, text_at, &done) && done == 3 &&
         WriteConsoleOutputAttribute(out, colours, 3, text_at, &done) && done == 3, "WriteConsoleOutputCharacterA and Attribute");
    char back[4] = {0};
    Note(ReadConsoleOutputCharacterA(out, back, 3, text_at, &done) && done == 3 && back[0] == 'x' && back[2] == 'z',
         "ReadConsoleOutputCharacterA");

    /* Scroll "xyz" (row 20) down two rows and right one; what it leaves is filled with '.'. */
    SMALL_RECT rect = {0, 20, 2, 20};
    COORD dest = {1, 22};
    CHAR_INFO fill;
    fill.Char.UnicodeChar = L'.';
    fill.Attributes = 7;
    Note(ScrollConsoleScreenBufferW(out, &rect, NULL, dest, &fill), "ScrollConsoleScreenBufferW");
    COORD moved = {1, 22}, left = {0, 20};
    Note(ReadConsoleOutputCharacterA(out, back, 3, moved, &done) && back[0] == 'x' && back[2] == 'z' &&
         ReadConsoleOutputAttribute(out, attributes, 3, moved, &done) && attributes[0] == 1 && attributes[2] == 4,
         "the rectangle moved with its attributes");
    Note(ReadConsoleOutputCharacterA(out, back, 3, left, &done) && back[0] == '.' && back[2] == '.',
         "and left the fill behind");

    CONSOLE_CURSOR_INFO cursor = {0, 0};
    Note(GetConsoleCursorInfo(out, &cursor) && cursor.dwSize == 25 && cursor.bVisible, "GetConsoleCursorInfo: 25, visible");
    CONSOLE_CURSOR_INFO hidden = {50, FALSE};
    Note(SetConsoleCursorInfo(out, &hidden) && GetConsoleCursorInfo(out, &cursor) && cursor.dwSize == 50 && !cursor.bVisible,
         "SetConsoleCursorInfo(50, hidden)");
    CONSOLE_CURSOR_INFO bad = {0, TRUE};
    SetLastError(0);
    Note(!SetConsoleCursorInfo(out, &bad) && GetLastError() == ERROR_INVALID_PARAMETER,
         "SetConsoleCursorInfo(size 0) -> ERROR_INVALID_PARAMETER");
    hidden.bVisible = TRUE;
    SetConsoleCursorInfo(out, &hidden);
    COORD largest = GetLargestConsoleWindowSize(out);
    Note(largest.X == 120 && largest.Y == 30, "GetLargestConsoleWindowSize");
    CONSOLE_SCREEN_BUFFER_INFOEX ex;
    ex.cbSize = sizeof(ex);
    Note(GetConsoleScreenBufferInfoEx(out, &ex) && ex.dwSize.Y == 9001 && ex.ColorTable[0] == 0x0C0C0C,
         "GetConsoleScreenBufferInfoEx with its colour table");

    char title[64] = {0};
    Note(SetConsoleTitleA("probe title") && GetConsoleTitleA(title, sizeof(title)) == 11 && title[0] == 'p' && title[10] == 'e',
         "SetConsoleTitleA / GetConsoleTitleA");
    WCHAR small[4];
    Note(GetConsoleTitleW(small, 4) == 3 && small[3] == 0 && small[2] == 'o', "GetConsoleTitleW truncates to the buffer");

    /* The input buffer: typed keys, then records of our own. */
    DWORD count = 0;
    INPUT_RECORD records[16];
    Note(GetNumberOfConsoleInputEvents(in, &count) && count == 6, "typed \"ab\" + Enter: six key events waiting");
    Note(PeekConsoleInputW(in, records, 16, &done) && done == 6 && records[0].EventType == KEY_EVENT &&
         records[0].Event.KeyEvent.bKeyDown && records[0].Event.KeyEvent.uChar.UnicodeChar == 'a' &&
         records[0].Event.KeyEvent.wVirtualKeyCode == 'A' && !records[1].Event.KeyEvent.bKeyDown,
         "PeekConsoleInputW: 'a' down, then up");
    Note(ReadConsoleInputW(in, records, 2, &done) && done == 2 && GetNumberOfConsoleInputEvents(in, &count) && count == 4,
         "ReadConsoleInputW takes two");
    Note(ReadConsoleInputA(in, records, 16, &done) && done == 4 && records[0].Event.KeyEvent.uChar.AsciiChar == 'b' &&
         records[2].Event.KeyEvent.wVirtualKeyCode == VK_RETURN && records[2].Event.KeyEvent.uChar.AsciiChar == '\r',
         "ReadConsoleInputA: 'b' and Enter");
    INPUT_RECORD mine[2];
    memset(mine, 0, sizeof(mine));
    mine[0].EventType = KEY_EVENT;
    mine[0].Event.KeyEvent.bKeyDown = TRUE;
    mine[0].Event.KeyEvent.wRepeatCount = 1;
    mine[0].Event.KeyEvent.uChar.UnicodeChar = 0x00E9;
    mine[1] = mine[0];
    mine[1].Event.KeyEvent.bKeyDown = FALSE;
    Note(WriteConsoleInputW(in, mine, 2, &done) && done == 2 && ReadConsoleInputW(in, records, 1, &done) && done == 1 &&
         records[0].Event.KeyEvent.uChar.UnicodeChar == 0x00E9, "WriteConsoleInputW then ReadConsoleInputW");
    Note(FlushConsoleInputBuffer(in) && GetNumberOfConsoleInputEvents(in, &count) && count == 0, "FlushConsoleInputBuffer");
    SetLastError(0);
    Note(!GetNumberOfConsoleInputEvents(out, &count) && GetLastError() == ERROR_INVALID_HANDLE,
         "GetNumberOfConsoleInputEvents(output handle) -> ERROR_INVALID_HANDLE");
}

void Entry(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE), in = GetStdHandle(STD_INPUT_HANDLE);
    DWORD mode;
    if (GetConsoleMode(out, &mode)) {
        OnConsole(out, in);
    } else {
        CONSOLE_SCREEN_BUFFER_INFO info;
        COORD at = {0, 0};
        DWORD done;
        CONSOLE_CURSOR_INFO cursor;
        WCHAR cells[2];
        NoteError(!GetConsoleScreenBufferInfo(out, &info), "GetConsoleScreenBufferInfo(redirected) -> ERROR_INVALID_HANDLE");
        NoteError(!SetConsoleCursorPosition(out, at), "SetConsoleCursorPosition(redirected) -> ERROR_INVALID_HANDLE");
        NoteError(!SetConsoleTextAttribute(out, 7), "SetConsoleTextAttribute(redirected) -> ERROR_INVALID_HANDLE");
        NoteError(!GetConsoleCursorInfo(out, &cursor), "GetConsoleCursorInfo(redirected) -> ERROR_INVALID_HANDLE");
        NoteError(!FillConsoleOutputCharacterW(out, L' ', 4, at, &done), "FillConsoleOutputCharacterW(redirected) -> ERROR_INVALID_HANDLE");
        NoteError(!WriteConsoleOutputCharacterW(out, L"a", 1, at, &done), "WriteConsoleOutputCharacterW(redirected) -> ERROR_INVALID_HANDLE");
        NoteError(!ReadConsoleOutputCharacterW(out, cells, 1, at, &done), "ReadConsoleOutputCharacterW(redirected) -> ERROR_INVALID_HANDLE");
        COORD largest = GetLargestConsoleWindowSize(out);
        NoteError(largest.X == 0 && largest.Y == 0, "GetLargestConsoleWindowSize(redirected) -> 0 x 0, ERROR_INVALID_HANDLE");
    }

    /* Control events: the handlers run last-registered first on a thread of their own. */
    handled_event = CreateEventA(NULL, TRUE, FALSE, NULL);
    SetConsoleCtrlHandler(Last, TRUE);
    SetConsoleCtrlHandler(First, TRUE);
    Note(GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, 0) && WaitForSingleObject(handled_event, 2000) == WAIT_OBJECT_0 &&
         handled == 16, "GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT): the later handler first, then the one returning TRUE");
    SetLastError(0);
    Note(!GenerateConsoleCtrlEvent(7, 0) && GetLastError() == ERROR_INVALID_PARAMETER,
         "GenerateConsoleCtrlEvent(7) -> ERROR_INVALID_PARAMETER");
    DWORD written;
    WriteFile(out, "\n", 1, &written, NULL);
    WriteFile(out, report, (DWORD)used, &written, NULL);
    ExitProcess(failures);
}
