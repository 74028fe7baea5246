/* Console I/O (conio.h): _getch/_getche/_ungetch/_kbhit read the console's input (CONIN$), not
 * stdin, so redirecting stdin does not change what they see; _putch/_cputs write the console's
 * output (CONOUT$). Without a console input (CONIN$ is no console: no console, or here a host
 * stdin that is a pipe or file) _getch returns EOF and _kbhit 0, as the runtimes do when the
 * console handle cannot be had. */
#include "crtwin.h"
#include "files/files.h"
#include "errno.h"

WINBASEAPI BOOL WINAPI GetConsoleMode(HANDLE, DWORD *);
WINBASEAPI BOOL WINAPI SetConsoleMode(HANDLE, DWORD);
WINBASEAPI BOOL WINAPI ReadConsoleA(HANDLE, void *, DWORD, DWORD *, void *);
WINBASEAPI BOOL WINAPI WriteConsoleA(HANDLE, const void *, DWORD, DWORD *, void *);
#define INVALID ((HANDLE)(intptr_t)-1)

static HANDLE conin, conout;
static int ungot = -1;

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
    HANDLE h = console(&conin, conin_name);
    crt_unlock_global();
    if (h == INVALID)
        return -1;
    DWORD mode, got = 0;
    unsigned char ch;
    GetConsoleMode(h, &mode);
    SetConsoleMode(h, 0);                       /* a key at a time, no echo, no line editing */
    BOOL ok = ReadConsoleA(h, &ch, 1, &got, NULL);
    SetConsoleMode(h, mode);
    return ok && got == 1 ? ch : -1;
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

CRTEXP int _getche(void)
{
    int c = _getch();
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

/* Whether a key waits: one given back by _ungetch. (The console here has no key-event queue
 * to peek at, only the host's line input, so a key typed but not yet read is not seen.) */
CRTEXP int _kbhit(void)
{
    crt_lock_global();
    int r = ungot >= 0;
    crt_unlock_global();
    return r;
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
