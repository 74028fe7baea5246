/* The console I/O forms conio.c lacks: the wide ones (_getwch, _getwche, _putwch, _ungetwch,
 * _cputws), the line readers _cgets/_cgets_s and _cgetws/_cgetws_s (a line of the console's
 * input as typed, with its echo and editing, without its CR LF), and the _nolock forms (the
 * locked ones: the lock is recursive). As conio.c: the console's own handles (CONIN$, CONOUT$),
 * WEOF or NULL when there is no console; _getwch takes key presses from the input records. */
#include "conio_rec.h"
#include "files/files.h"
#include "secure.h"

typedef crt_wchar W;
WINBASEAPI BOOL WINAPI ReadConsoleA(HANDLE, void *, DWORD, DWORD *, void *);
WINBASEAPI BOOL WINAPI ReadConsoleW(HANDLE, void *, DWORD, DWORD *, void *);
WINBASEAPI BOOL WINAPI ReadConsoleInputW(HANDLE, INPUT_RECORD *, DWORD, DWORD *);
WINBASEAPI BOOL WINAPI WriteConsoleW(HANDLE, const void *, DWORD, DWORD *, void *);
int _getch(void);
int _getche(void);
int _putch(int);
int _ungetch(int);
#define INVALID ((HANDLE)(intptr_t)-1)
#define WEOF_ 0xFFFF

static HANDLE conin, conout;
static int wide_ungot = -1;
static const WCHAR conin_name[] = { 'C', 'O', 'N', 'I', 'N', '$', 0 };
static const WCHAR conout_name[] = { 'C', 'O', 'N', 'O', 'U', 'T', '$', 0 };

static HANDLE console(HANDLE *h, const WCHAR *name)
{
    crt_lock_global();
    if (*h == NULL) {
        HANDLE c = CreateFileW(name, 0xC0000000, 3, NULL, 3, 0, NULL);     /* read/write, share both */
        DWORD mode;
        if (c != INVALID && !GetConsoleMode(c, &mode)) {
            CloseHandle(c);
            c = INVALID;
        }
        *h = c;
    }
    crt_unlock_global();
    return *h;
}

CRTEXP unsigned short _getwch(void)
{
    crt_lock_global();
    int c = wide_ungot;
    wide_ungot = -1;
    crt_unlock_global();
    if (c >= 0)
        return (unsigned short)c;
    HANDLE h = console(&conin, conin_name);
    if (h == INVALID)
        return WEOF_;
    for (;;) {                                  /* the next key press that gives a character */
        INPUT_RECORD record;
        DWORD got = 0;
        if (!ReadConsoleInputW(h, &record, 1, &got) || got == 0)
            return WEOF_;
        if (record.EventType == KEY_EVENT && record.Event.KeyEvent.bKeyDown && record.Event.KeyEvent.uChar.UnicodeChar)
            return record.Event.KeyEvent.uChar.UnicodeChar;
    }
}

CRTEXP unsigned short _putwch(W c)
{
    HANDLE h = console(&conout, conout_name);
    DWORD done;
    return h != INVALID && WriteConsoleW(h, &c, 1, &done, NULL) ? c : WEOF_;
}

/* As _getche: a character given back by _ungetwch is not echoed again. */
CRTEXP unsigned short _getwche(void)
{
    crt_lock_global();
    int back = wide_ungot;
    wide_ungot = -1;
    crt_unlock_global();
    if (back >= 0)
        return (unsigned short)back;
    unsigned short c = _getwch();
    if (c != WEOF_)
        _putwch(c);
    return c;
}

/* One character goes back for the next _getwch; WEOF, or a second one, fails. */
CRTEXP unsigned short _ungetwch(unsigned short c)
{
    crt_lock_global();
    if (c == WEOF_ || wide_ungot >= 0) {
        crt_unlock_global();
        return WEOF_;
    }
    wide_ungot = c;
    crt_unlock_global();
    return c;
}

CRTEXP int _cputws(const W *s)
{
    if (s == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    HANDLE h = console(&conout, conout_name);
    DWORD n = 0, done;
    while (s[n])
        n++;
    return h != INVALID && WriteConsoleW(h, s, n, &done, NULL) ? 0 : -1;
}

/* A line of console input into buf (cap elements, terminator included): its length, or -1
 * without a console. The line's CR LF is not kept; what did not fit is left unread. */
static long read_line(void *buf, size_t cap, int wide)
{
    HANDLE h = console(&conin, conin_name);
    if (h == INVALID)
        return -1;
    DWORD mode;
    GetConsoleMode(h, &mode);
    SetConsoleMode(h, 7);                       /* processed, line input, echo */
    size_t n = 0;
    for (;;) {
        W wc = 0;
        char c = 0;
        DWORD got = 0;
        BOOL ok = wide ? ReadConsoleW(h, &wc, 1, &got, NULL) : ReadConsoleA(h, &c, 1, &got, NULL);
        if (!ok || got == 0)
            break;
        int ch = wide ? wc : (unsigned char)c;
        if (ch == '\r')
            continue;
        if (ch == '\n')
            break;
        if (n + 1 < cap) {
            if (wide)
                ((W *)buf)[n] = (W)ch;
            else
                ((char *)buf)[n] = (char)ch;
            n++;
        }
    }
    SetConsoleMode(h, mode);
    if (wide)
        ((W *)buf)[n] = 0;
    else
        ((char *)buf)[n] = 0;
    return (long)n;
}

CRTEXP int _cgets_s(char *buf, size_t size, size_t *read)
{
    if (buf == NULL || size == 0 || read == NULL)
        return crt_invalid(CRT_EINVAL);
    buf[0] = 0;
    long n = read_line(buf, size, 0);
    *read = n < 0 ? 0 : (size_t)n;
    return n < 0 ? CRT_EBADF : 0;
}

CRTEXP int _cgetws_s(W *buf, size_t size, size_t *read)
{
    if (buf == NULL || size == 0 || read == NULL)
        return crt_invalid(CRT_EINVAL);
    buf[0] = 0;
    long n = read_line(buf, size, 1);
    *read = n < 0 ? 0 : (size_t)n;
    return n < 0 ? CRT_EBADF : 0;
}

/* _cgets: buf[0] the most characters to read, buf[1] back the count, the text from buf + 2. */
CRTEXP char *_cgets(char *buf)
{
    if (buf == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    long n = read_line(buf + 2, (unsigned char)buf[0] + 1, 0);
    if (n < 0)
        return NULL;
    buf[1] = (char)n;
    return buf + 2;
}

CRTEXP W *_cgetws(W *buf)
{
    if (buf == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    long n = read_line(buf + 2, (size_t)buf[0] + 1, 1);
    if (n < 0)
        return NULL;
    buf[1] = (W)n;
    return buf + 2;
}

#ifdef CRT_UCRT
CRTEXP int _getch_nolock(void) { return _getch(); }
CRTEXP int _getche_nolock(void) { return _getche(); }
CRTEXP int _putch_nolock(int c) { return _putch(c); }
CRTEXP int _ungetch_nolock(int c) { return _ungetch(c); }
CRTEXP unsigned short _getwch_nolock(void) { return _getwch(); }
CRTEXP unsigned short _getwche_nolock(void) { return _getwche(); }
CRTEXP unsigned short _putwch_nolock(W c) { return _putwch(c); }
CRTEXP unsigned short _ungetwch_nolock(unsigned short c) { return _ungetwch(c); }
#endif
