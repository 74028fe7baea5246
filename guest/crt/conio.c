/* Console I/O (conio.h): _getch/_getche/_ungetch/_kbhit read the console's input (CONIN$), not
 * stdin, so redirecting stdin does not change what they see: _getch takes the next key press from
 * the console's input records (ReadConsoleInputA; key-ups and keys without a character are
 * skipped, a repeat count gives the key that many times), _kbhit peeks at them. _putch/_cputs write
 * the console's output (CONOUT$). Without a console input (CONIN$ is no console: no console, or
 * here a host stdin that is a pipe or file) _getch returns EOF and _kbhit 0, as the runtimes do
 * when the console handle cannot be had. */
#include "conio_rec.h"
#include "files/files.h"
#include "errno.h"

WINBASEAPI BOOL WINAPI ReadConsoleInputA(HANDLE, INPUT_RECORD *, DWORD, DWORD *);
WINBASEAPI BOOL WINAPI PeekConsoleInputA(HANDLE, INPUT_RECORD *, DWORD, DWORD *);
WINBASEAPI BOOL WINAPI WriteConsoleA(HANDLE, const void *, DWORD, DWORD *, void *);
#define INVALID ((HANDLE)(intptr_t)-1)

static HANDLE conin, conout;
static int ungot = -1;
static int repeat_char = -1, repeats;           /* the rest of a key event's repeat count */

/* The console's handles, opened once (INVALID when there is no console behind them). */
static HANDLE console(HANDLE *h, const WCHAR *name)
{
    if (*h == NULL) {
        HANDLE c = CreateFileW(name, 0xC0000000, 3, NULL, 3, 0, NULL);     /* read/write, share both */
        DWORD mode;
        if (c != INVALID && !GetConsoleMode(c, &mode)) {
            CloseHandle(c);
            c = INVALID;
        }
        *h = c;
    }
    return *h;
}

static const WCHAR conin_name[] = { 'C', 'O', 'N', 'I', 'N', '$', 0 };
static const WCHAR conout_name[] = { 'C', 'O', 'N', 'O', 'U', 'T', '$', 0 };

CRTEXP int _getch(void)
{
    crt_lock_global();
    int c = ungot;
    if (c >= 0) {
        ungot = -1;
        crt_unlock_global();
        return c;
    }
    if (repeats > 0) {
        repeats--;
        c = repeat_char;
        crt_unlock_global();
        return c;
    }
    HANDLE h = console(&conin, conin_name);
    crt_unlock_global();
    if (h == INVALID)
        return -1;
    for (;;) {                                  /* the next key press that gives a character */
        INPUT_RECORD record;
        DWORD got = 0;
        if (!ReadConsoleInputA(h, &record, 1, &got) || got == 0)
            return -1;
        KEY_EVENT_RECORD *key = &record.Event.KeyEvent;
        if (record.EventType != KEY_EVENT || !key->bKeyDown || key->uChar.AsciiChar == 0)
            continue;
        c = (unsigned char)key->uChar.AsciiChar;
        if (key->wRepeatCount > 1) {
            crt_lock_global();
            repeat_char = c;
            repeats = key->wRepeatCount - 1;
            crt_unlock_global();
        }
        return c;
    }
}

CRTEXP int _putch(int c)
{
    HANDLE h = console(&conout, conout_name);
    unsigned char ch = (unsigned char)c;
    DWORD done;
    if (h == INVALID || !WriteConsoleA(h, &ch, 1, &done, NULL))
        return -1;
    return ch;
}

/* A character given back by _ungetch comes back without a second echo (it had its echo when read). */
CRTEXP int _getche(void)
{
    crt_lock_global();
    int c = ungot;
    ungot = -1;
    crt_unlock_global();
    if (c >= 0)
        return c;
    c = _getch();
    if (c >= 0)
        _putch(c);
    return c;
}

/* One character goes back for the next _getch; a second one before it is read fails. */
CRTEXP int _ungetch(int c)
{
    crt_lock_global();
    if (c == -1 || ungot >= 0) {
        crt_unlock_global();
        return -1;
    }
    ungot = c & 0xFF;
    crt_unlock_global();
    return ungot;
}

/* Whether a key waits: one given back by _ungetch or repeating, or a key press with a character
 * among the console's input records (peeked at, not taken). */
CRTEXP int _kbhit(void)
{
    crt_lock_global();
    int r = ungot >= 0 || repeats > 0;
    HANDLE h = r ? INVALID : console(&conin, conin_name);
    crt_unlock_global();
    if (h == INVALID)
        return r;
    INPUT_RECORD records[32];
    DWORD got = 0;
    if (!PeekConsoleInputA(h, records, 32, &got))
        return 0;
    for (DWORD i = 0; i < got; i++)
        if (records[i].EventType == KEY_EVENT && records[i].Event.KeyEvent.bKeyDown &&
            records[i].Event.KeyEvent.uChar.AsciiChar != 0)
            return 1;
    return 0;
}

CRTEXP int _cputs(const char *s)
{
    HANDLE h = console(&conout, conout_name);
    DWORD n = 0, done;
    if (s == NULL) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    while (s[n])
        n++;
    return h != INVALID && WriteConsoleA(h, s, n, &done, NULL) ? 0 : -1;
}
