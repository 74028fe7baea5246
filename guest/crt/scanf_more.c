/* msvcrt.dll's scanf forms the runtime lacked, over the engine (scan.c, scanf.c): the _l forms
 * (the locale argument unused: the "C" locale), the counted _snscanf/_snwscanf forms (at most n
 * characters of the string) and the wide and _s ones (%c %s %[ with a buffer size after each
 * pointer). A null string or format is EINVAL through the invalid-parameter step, EOF back. */
#include "stdio.h"
#include "secure.h"

#ifdef CRT_MSVCRT
typedef crt_wchar W;
typedef void *L;
int crt_scan_string(const void *s, size_t len, int wide, const void *fmt, int secure, va_list ap);
int crt_scan_stream(FILE *f, const void *fmt, int fmt_wide, int secure, va_list ap);

static int from_string(const void *s, size_t n, int wide, const void *fmt, int secure, va_list ap)
{
    if (s == NULL || fmt == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return CRT_EOF;
    }
    return crt_scan_string(s, n, wide, fmt, secure, ap);
}

static int from_stream(FILE *f, int wide, const void *fmt, int secure, va_list ap)
{
    if (f == NULL || fmt == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return CRT_EOF;
    }
    return crt_scan_stream(f, fmt, wide, secure, ap);
}

#define ALL ((size_t)-1)
#define VARIADIC(NAME, LAST, CALL, ...)                                                            \
CRTEXP int NAME(__VA_ARGS__, ...)                                                                  \
{                                                                                                  \
    va_list ap;                                                                                    \
    va_start(ap, LAST);                                                                            \
    int r = CALL;                                                                                  \
    va_end(ap);                                                                                    \
    return r;                                                                                      \
}

VARIADIC(_sscanf_l, l, from_string(s, ALL, 0, fmt, 0, ap), const char *s, const char *fmt, L l)
VARIADIC(_sscanf_s_l, l, from_string(s, ALL, 0, fmt, 1, ap), const char *s, const char *fmt, L l)
VARIADIC(_swscanf_l, l, from_string(s, ALL, 1, fmt, 0, ap), const W *s, const W *fmt, L l)
VARIADIC(_swscanf_s_l, l, from_string(s, ALL, 1, fmt, 1, ap), const W *s, const W *fmt, L l)
VARIADIC(_snscanf_l, l, from_string(s, n, 0, fmt, 0, ap), const char *s, size_t n, const char *fmt, L l)
VARIADIC(_snscanf_s, fmt, from_string(s, n, 0, fmt, 1, ap), const char *s, size_t n, const char *fmt)
VARIADIC(_snscanf_s_l, l, from_string(s, n, 0, fmt, 1, ap), const char *s, size_t n, const char *fmt, L l)
VARIADIC(_snwscanf, fmt, from_string(s, n, 1, fmt, 0, ap), const W *s, size_t n, const W *fmt)
VARIADIC(_snwscanf_l, l, from_string(s, n, 1, fmt, 0, ap), const W *s, size_t n, const W *fmt, L l)
VARIADIC(_snwscanf_s, fmt, from_string(s, n, 1, fmt, 1, ap), const W *s, size_t n, const W *fmt)
VARIADIC(_snwscanf_s_l, l, from_string(s, n, 1, fmt, 1, ap), const W *s, size_t n, const W *fmt, L l)
VARIADIC(_fscanf_l, l, from_stream(f, 0, fmt, 0, ap), FILE *f, const char *fmt, L l)
VARIADIC(_fscanf_s_l, l, from_stream(f, 0, fmt, 1, ap), FILE *f, const char *fmt, L l)
VARIADIC(_fwscanf_l, l, from_stream(f, 1, fmt, 0, ap), FILE *f, const W *fmt, L l)
VARIADIC(_fwscanf_s_l, l, from_stream(f, 1, fmt, 1, ap), FILE *f, const W *fmt, L l)
VARIADIC(fwscanf_s, fmt, from_stream(f, 1, fmt, 1, ap), FILE *f, const W *fmt)
VARIADIC(_scanf_l, l, from_stream(&_iob[0], 0, fmt, 0, ap), const char *fmt, L l)
VARIADIC(_scanf_s_l, l, from_stream(&_iob[0], 0, fmt, 1, ap), const char *fmt, L l)
VARIADIC(_wscanf_l, l, from_stream(&_iob[0], 1, fmt, 0, ap), const W *fmt, L l)
VARIADIC(_wscanf_s_l, l, from_stream(&_iob[0], 1, fmt, 1, ap), const W *fmt, L l)
VARIADIC(wscanf_s, fmt, from_stream(&_iob[0], 1, fmt, 1, ap), const W *fmt)
#endif
