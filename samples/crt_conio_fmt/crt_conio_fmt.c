/* The console's formatted output (_cprintf and its _l/_s/_p forms, the wide ones): each writes to
 * CONOUT$ and returns the characters written; the _p forms take arguments by number; the _s forms
 * refuse %n through the invalid-parameter handler (-1, EINVAL). */
#include <conio.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>

#ifdef _UCRT
/* the UCRT's headers have no inline _s forms of these: call the entry point they would call */
static int cprintf_s(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int r = __conio_common_vcprintf_s(0, f, NULL, ap);
    va_end(ap);
    return r;
}
static int cwprintf_s(const wchar_t *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int r = __conio_common_vcwprintf_s(0, f, NULL, ap);
    va_end(ap);
    return r;
}
#define _cprintf_s cprintf_s
#define _cwprintf_s cwprintf_s
#define _cprintf_s_l(f, l, ...) cprintf_s(f, __VA_ARGS__)
#endif

static void handler(const wchar_t *e, const wchar_t *f, const wchar_t *fn, unsigned l, uintptr_t r)
{
    (void)e; (void)f; (void)fn; (void)l; (void)r;
    _cputs("[invalid parameter]\r\n");
}

int main(void)
{
    int r;
#ifdef _UCRT
    _set_invalid_parameter_handler(handler);
#else
    (void)handler;
#endif
    r = _cprintf("cprintf %d %s %5.2f|\r\n", 42, "abc", 3.14159); _cprintf("= %d\r\n", r);
    r = _cprintf_s("cprintf_s %x %c\r\n", 255, 'Z'); _cprintf("= %d\r\n", r);
    r = _cprintf_p("cprintf_p %2$s %1$d\r\n", 7, "seven"); _cprintf("= %d\r\n", r);
    r = _cwprintf(L"cwprintf %d %ls\r\n", -5, L"wide"); _cprintf("= %d\r\n", r);
    r = _cwprintf_s(L"cwprintf_s %05d\r\n", 12); _cprintf("= %d\r\n", r);
    r = _cwprintf_p(L"cwprintf_p %2$d %1$d\r\n", 1, 2); _cprintf("= %d\r\n", r);
    _locale_t c = _create_locale(LC_ALL, "C");
    r = _cprintf_l("cprintf_l %.3e\r\n", c, 1234.5); _cprintf("= %d\r\n", r);
    r = _cprintf_s_l("cprintf_s_l %i\r\n", c, -9); _cprintf("= %d\r\n", r);
    r = _cprintf_p_l("cprintf_p_l %1$s\r\n", c, "x"); _cprintf("= %d\r\n", r);
    r = _cwprintf_l(L"cwprintf_l %u\r\n", c, 3u); _cprintf("= %d\r\n", r);
    _free_locale(c);
#ifdef _UCRT
    int n = 0;
    errno = 0;
    r = _cprintf_s("%n", &n);
    _cprintf("cprintf_s %%n = %d errno %d n %d\r\n", r, errno, n);
#endif
    return 0;
}
