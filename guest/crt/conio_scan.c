/* Console scanf: _cscanf/_cwscanf and their _l/_s forms (msvcrt.dll), __conio_common_vcscanf and
 * __conio_common_vcwscanf (the UCRT; bit 0 of the options is _CRT_INTERNAL_SCANF_SECURECRT). The
 * scanf engine (scan.c) reads the console's input through _getche/_getwche, so each character read
 * is echoed, and the one that ends the input goes back with _ungetch/_ungetwch for the next read. */
#include "stdio.h"
#include "scan.h"
#include "secure.h"

#ifdef CRT_UCRT
#define UCRT 1
#else
#define UCRT 0
#endif

typedef crt_wchar W;
int _getche(void);
int _ungetch(int);
unsigned short _getwche(void);
unsigned short _ungetwch(unsigned short);

static int narrow_get(crt_in *in)
{
    (void)in;
    return _getche();                           /* EOF (-1) without a console */
}

static void narrow_unget(crt_in *in, int c)
{
    (void)in;
    _ungetch(c);
}

static int wide_get(crt_in *in)
{
    (void)in;
    unsigned short c = _getwche();
    return c == 0xFFFF ? -1 : c;
}

static void wide_unget(crt_in *in, int c)
{
    (void)in;
    _ungetwch((unsigned short)c);
}

static int console_scan(const void *fmt, int wide, int secure, va_list ap)
{
    if (fmt == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return CRT_EOF;
    }
    crt_in in = { wide ? wide_get : narrow_get, wide ? wide_unget : narrow_unget, NULL, 0 };
    crt_lock_global();                          /* one scan's characters together (recursive) */
    int r = crt_vscan(&in, fmt, wide, secure, UCRT, ap);
    crt_unlock_global();
    return r;
}

#ifdef CRT_MSVCRT
typedef void *L;
#define VARIADIC(NAME, T, LAST, WIDE, SECURE, ...)                                                 \
CRTEXP int NAME(const T *fmt, ##__VA_ARGS__, ...)                                                  \
{                                                                                                  \
    va_list ap;                                                                                    \
    va_start(ap, LAST);                                                                            \
    int r = console_scan(fmt, WIDE, SECURE, ap);                                                   \
    va_end(ap);                                                                                    \
    return r;                                                                                      \
}
VARIADIC(_cscanf, char, fmt, 0, 0)
VARIADIC(_cscanf_s, char, fmt, 0, 1)
VARIADIC(_cwscanf, W, fmt, 1, 0)
VARIADIC(_cwscanf_s, W, fmt, 1, 1)
VARIADIC(_cscanf_l, char, l, 0, 0, L l)
VARIADIC(_cscanf_s_l, char, l, 0, 1, L l)
VARIADIC(_cwscanf_l, W, l, 1, 0, L l)
VARIADIC(_cwscanf_s_l, W, l, 1, 1, L l)
#else
CRTEXP int __conio_common_vcscanf(unsigned long long options, const char *fmt, void *locale, va_list ap)
{
    (void)locale;
    return console_scan(fmt, 0, (int)(options & 1), ap);
}

CRTEXP int __conio_common_vcwscanf(unsigned long long options, const W *fmt, void *locale, va_list ap)
{
    (void)locale;
    return console_scan(fmt, 1, (int)(options & 1), ap);
}
#endif
