/* The C runtime's console input over the console's input records (msvcrt's conio): typed keys
 * reach _kbhit and _getch (not stdin's buffer), _ungetch gives one back, a key written with a repeat
 * count comes that many times, key-ups and keys without a character are skipped, and _getwch reads
 * the wide character. Run on a terminal with "xy" + Enter typed; redirected, there is no console:
 * _kbhit is 0 and _getch EOF. Results are printed at the end. Exit code: failed checks. */
#include <conio.h>
#include <stdio.h>
#include <string.h>
#include <windows.h>

static char report[4096];
static int failures;

static void note(int ok, const char *what)
{
    strcat(report, ok ? "ok   " : "FAIL ");
    strcat(report, what);
    strcat(report, "\n");
    failures += !ok;
}

static void key(HANDLE in, WCHAR ch, WORD vk, WORD repeat)
{
    INPUT_RECORD r[2];
    DWORD done;
    memset(r, 0, sizeof(r));
    r[0].EventType = r[1].EventType = KEY_EVENT;
    r[0].Event.KeyEvent.bKeyDown = TRUE;
    r[0].Event.KeyEvent.wRepeatCount = r[1].Event.KeyEvent.wRepeatCount = repeat;
    r[0].Event.KeyEvent.wVirtualKeyCode = r[1].Event.KeyEvent.wVirtualKeyCode = vk;
    r[0].Event.KeyEvent.uChar.UnicodeChar = r[1].Event.KeyEvent.uChar.UnicodeChar = ch;
    WriteConsoleInputW(in, r, 2, &done);
}

int main(void)
{
    DWORD mode;
    HANDLE in = CreateFileA("CONIN$", GENERIC_READ | GENERIC_WRITE, 3, NULL, OPEN_EXISTING, 0, NULL);
    if (!GetConsoleMode(in, &mode)) {
        note(!_kbhit(), "no console: _kbhit() is 0");
        note(_getch() == EOF, "no console: _getch() is EOF");
        note(_ungetch('q') == 'q' && _kbhit() && _getch() == 'q', "_ungetch works without a console");
    } else {
        note(_kbhit() != 0, "typed keys: _kbhit() sees them");
        int a = _getch(), b = _getch(), enter = _getch();
        note(a == 'x' && b == 'y' && enter == '\r', "_getch: 'x', 'y', then Enter as '\\r'");
        note(!_kbhit(), "then nothing waits");
        note(_ungetch('z') == 'z' && _kbhit() && _getch() == 'z', "_ungetch gives one back");
        note(_ungetch('1') == '1' && _ungetch('2') == EOF, "a second _ungetch fails");
        _getch();
        key(in, 0, VK_SHIFT, 1);                /* a key without a character: skipped */
        key(in, 'k', 'K', 3);
        note(_kbhit() != 0, "a written key event: _kbhit()");
        int k1 = _getch(), k2 = _getch(), k3 = _getch();
        note(k1 == 'k' && k2 == 'k' && k3 == 'k' && !_kbhit(), "a repeat count of 3: three 'k's, Shift skipped");
        key(in, 0x00E9, 0, 1);
        note(_getwch() == 0x00E9, "_getwch: U+00E9");
    }
    fputs(report, stdout);
    return failures;
}
