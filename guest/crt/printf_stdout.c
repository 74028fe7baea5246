/* msvcrt.dll's stdout printf forms with a locale or positional arguments: _printf_l, _printf_p_l,
 * _printf_s_l, _wprintf_l, _wprintf_p, _wprintf_p_l, _wprintf_s_l and their va_list twins, each
 * the matching stream form (printf_more.c) on stdout (the locale argument unused: the "C"
 * locale's decimal point). The UCRT has none of these: its headers format inline. */
#include "stdio.h"

#ifdef CRT_MSVCRT
typedef crt_wchar W;
typedef void *L;
int _vfprintf_l(FILE *, const char *, L, va_list);
int _vfprintf_p_l(FILE *, const char *, L, va_list);
int _vfprintf_s_l(FILE *, const char *, L, va_list);
int _vfwprintf_l(FILE *, const W *, L, va_list);
int _vfwprintf_p(FILE *, const W *, va_list);
int _vfwprintf_p_l(FILE *, const W *, L, va_list);
int _vfwprintf_s_l(FILE *, const W *, L, va_list);

CRTEXP int _vprintf_l(const char *fmt, L l, va_list ap) { return _vfprintf_l(&_iob[1], fmt, l, ap); }
CRTEXP int _vprintf_p_l(const char *fmt, L l, va_list ap) { return _vfprintf_p_l(&_iob[1], fmt, l, ap); }
CRTEXP int _vprintf_s_l(const char *fmt, L l, va_list ap) { return _vfprintf_s_l(&_iob[1], fmt, l, ap); }
CRTEXP int _vwprintf_l(const W *fmt, L l, va_list ap) { return _vfwprintf_l(&_iob[1], fmt, l, ap); }
CRTEXP int _vwprintf_p(const W *fmt, va_list ap) { return _vfwprintf_p(&_iob[1], fmt, ap); }
CRTEXP int _vwprintf_p_l(const W *fmt, L l, va_list ap) { return _vfwprintf_p_l(&_iob[1], fmt, l, ap); }
CRTEXP int _vwprintf_s_l(const W *fmt, L l, va_list ap) { return _vfwprintf_s_l(&_iob[1], fmt, l, ap); }

#define VARIADIC(NAME, CALL, LAST, ...)                                                            \
CRTEXP int NAME(__VA_ARGS__, ...)                                                                  \
{                                                                                                  \
    va_list ap;                                                                                    \
    va_start(ap, LAST);                                                                            \
    int r = CALL;                                                                                  \
    va_end(ap);                                                                                    \
    return r;                                                                                      \
}
VARIADIC(_printf_l, _vprintf_l(fmt, l, ap), l, const char *fmt, L l)
VARIADIC(_printf_p_l, _vprintf_p_l(fmt, l, ap), l, const char *fmt, L l)
VARIADIC(_printf_s_l, _vprintf_s_l(fmt, l, ap), l, const char *fmt, L l)
VARIADIC(_wprintf_l, _vwprintf_l(fmt, l, ap), l, const W *fmt, L l)
VARIADIC(_wprintf_p, _vwprintf_p(fmt, ap), fmt, const W *fmt)
VARIADIC(_wprintf_p_l, _vwprintf_p_l(fmt, l, ap), l, const W *fmt, L l)
VARIADIC(_wprintf_s_l, _vwprintf_s_l(fmt, l, ap), l, const W *fmt, L l)
#endif
