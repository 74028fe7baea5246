/* msvcrt.dll's printf forms the runtime lacked, over the engine (format.c, printf.c): the _l forms
 * (the locale argument unused: the "C" locale's decimal point), the _p forms (positional
 * arguments), the _s forms (%n refused and a null format, through the invalid-parameter step;
 * sprintf_s's result must fit with its terminator, else an empty buffer, ERANGE and -1;
 * _snprintf_s keeps count characters at most, with _TRUNCATE what fits, and returns -1 when it
 * cut), the _c forms (as _snprintf: no terminator when the result fills the buffer, -1 when it
 * does not fit), msvcrt's count-less _swprintf/_vswprintf and the console _cprintf/_vcprintf. */
#include "stdio.h"
#include "format.h"
#include "secure.h"

#ifdef CRT_MSVCRT
typedef crt_wchar W;
int crt_format_stream(FILE *f, const void *fmt, int fmt_wide, const crt_fmtopts *opt, va_list ap);
int crt_format_string(void *buf, size_t cap, int wide, const void *fmt, const crt_fmtopts *opt, va_list ap,
                      size_t *stored);
int crt_legacy_snprintf(void *buf, size_t count, int wide, const void *fmt, const crt_fmtopts *opt, va_list ap);
int ferror(FILE *);
int _cputs(const char *);
void *malloc(size_t);
void free(void *);

#define TRUNCATE_ ((size_t)-1)
enum { PLAIN = 0, POSITIONAL = 1, SECURE = 2 };

static void options(crt_fmtopts *opt, int how)
{
    crt_fmtopts_default(opt);
    opt->positional = (how & POSITIONAL) != 0;
    if (how & SECURE)
        opt->allow_n = 0;
}

static void terminate_at(void *buf, int wide, size_t i)
{
    if (wide)
        ((W *)buf)[i] = 0;
    else
        ((char *)buf)[i] = 0;
}

static int to_stream(FILE *f, const void *fmt, int wide, int how, va_list ap)
{
    if ((how & SECURE) && (f == NULL || fmt == NULL)) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    crt_fmtopts opt;
    options(&opt, how);
    int r = crt_format_stream(f, fmt, wide, &opt, ap);
    if (r < 0 && (how & SECURE) && f && !ferror(f))
        crt_invalid_parameter(CRT_EINVAL);     /* a refused conversion, not an output error */
    return r;
}

/* sprintf_s and the _p forms with a size: all of it with the terminator, or nothing. */
static int to_string_fit(void *buf, size_t size, int wide, const void *fmt, int how, va_list ap)
{
    if (buf == NULL || size == 0 || fmt == NULL) {
        if (buf && size)
            terminate_at(buf, wide, 0);
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    crt_fmtopts opt;
    options(&opt, how);
    size_t stored;
    int len = crt_format_string(buf, size, wide, fmt, &opt, ap, &stored);
    if (len < 0 || (size_t)len >= size) {
        terminate_at(buf, wide, 0);
        crt_invalid_parameter(len < 0 ? CRT_EINVAL : CRT_ERANGE);
        return -1;
    }
    terminate_at(buf, wide, (size_t)len);
    return len;
}

/* _snprintf_s: at most count elements (with _TRUNCATE or a count under size: cut, terminated,
 * -1); with a count of size or more the whole result must fit. */
static int to_string_n_s(void *buf, size_t size, size_t count, int wide, const void *fmt, va_list ap)
{
    if (count == 0 && buf == NULL && size == 0)
        return 0;
    if (buf == NULL || size == 0 || fmt == NULL) {
        if (buf && size)
            terminate_at(buf, wide, 0);
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    crt_fmtopts opt;
    options(&opt, SECURE);
    if (count != TRUNCATE_ && count >= size)
        return to_string_fit(buf, size, wide, fmt, SECURE, ap);
    size_t limit = count == TRUNCATE_ ? size - 1 : count, stored;
    int len = crt_format_string(buf, limit, wide, fmt, &opt, ap, &stored);
    if (len < 0) {
        terminate_at(buf, wide, 0);
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    terminate_at(buf, wide, stored);
    return (size_t)len > limit ? -1 : len;
}

static int count_only(const void *fmt, int wide, int how, va_list ap)
{
    if (fmt == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    crt_fmtopts opt;
    options(&opt, how);
    size_t stored;
    return crt_format_string(NULL, 0, wide, fmt, &opt, ap, &stored);
}

/* The count-less forms: as much as the format gives, terminated. */
static int unbounded(void *buf, int wide, const void *fmt, int how, va_list ap)
{
    if (buf == NULL || fmt == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    crt_fmtopts opt;
    options(&opt, how);
    size_t stored;
    int len = crt_format_string(buf, (size_t)-1 / 4, wide, fmt, &opt, ap, &stored);
    if (len >= 0)
        terminate_at(buf, wide, (size_t)len);
    return len;
}

static int legacy(void *buf, size_t count, int wide, const void *fmt, va_list ap)
{
    crt_fmtopts opt;
    options(&opt, PLAIN);
    return crt_legacy_snprintf(buf, count, wide, fmt, &opt, ap);
}

/* ---- the va_list forms ---- */

typedef void *L;    /* _locale_t, unused */
CRTEXP int _vfprintf_l(FILE *f, const char *fmt, L l, va_list ap) { (void)l; return to_stream(f, fmt, 0, PLAIN, ap); }
CRTEXP int _vfprintf_p_l(FILE *f, const char *fmt, L l, va_list ap) { (void)l; return to_stream(f, fmt, 0, POSITIONAL, ap); }
CRTEXP int _vfprintf_s_l(FILE *f, const char *fmt, L l, va_list ap) { (void)l; return to_stream(f, fmt, 0, SECURE, ap); }
CRTEXP int vfprintf_s(FILE *f, const char *fmt, va_list ap) { return to_stream(f, fmt, 0, SECURE, ap); }
CRTEXP int vprintf_s(const char *fmt, va_list ap) { return to_stream(&_iob[1], fmt, 0, SECURE, ap); }
CRTEXP int _vfwprintf_l(FILE *f, const W *fmt, L l, va_list ap) { (void)l; return to_stream(f, fmt, 1, PLAIN, ap); }
CRTEXP int _vfwprintf_p(FILE *f, const W *fmt, va_list ap) { return to_stream(f, fmt, 1, POSITIONAL, ap); }
CRTEXP int _vfwprintf_p_l(FILE *f, const W *fmt, L l, va_list ap) { (void)l; return to_stream(f, fmt, 1, POSITIONAL, ap); }
CRTEXP int _vfwprintf_s_l(FILE *f, const W *fmt, L l, va_list ap) { (void)l; return to_stream(f, fmt, 1, SECURE, ap); }
CRTEXP int vfwprintf_s(FILE *f, const W *fmt, va_list ap) { return to_stream(f, fmt, 1, SECURE, ap); }
CRTEXP int vwprintf_s(const W *fmt, va_list ap) { return to_stream(&_iob[1], fmt, 1, SECURE, ap); }

CRTEXP int vsprintf_s(char *b, size_t n, const char *fmt, va_list ap) { return to_string_fit(b, n, 0, fmt, SECURE, ap); }
CRTEXP int _vsprintf_s_l(char *b, size_t n, const char *fmt, L l, va_list ap) { (void)l; return to_string_fit(b, n, 0, fmt, SECURE, ap); }
CRTEXP int _vsprintf_p_l(char *b, size_t n, const char *fmt, L l, va_list ap) { (void)l; return to_string_fit(b, n, 0, fmt, POSITIONAL, ap); }
CRTEXP int vswprintf_s(W *b, size_t n, const W *fmt, va_list ap) { return to_string_fit(b, n, 1, fmt, SECURE, ap); }
CRTEXP int _vswprintf_s_l(W *b, size_t n, const W *fmt, L l, va_list ap) { (void)l; return to_string_fit(b, n, 1, fmt, SECURE, ap); }
CRTEXP int _vswprintf_p_l(W *b, size_t n, const W *fmt, L l, va_list ap) { (void)l; return to_string_fit(b, n, 1, fmt, POSITIONAL, ap); }
CRTEXP int _vsnprintf_s(char *b, size_t n, size_t c, const char *fmt, va_list ap) { return to_string_n_s(b, n, c, 0, fmt, ap); }
CRTEXP int _vsnprintf_s_l(char *b, size_t n, size_t c, const char *fmt, L l, va_list ap) { (void)l; return to_string_n_s(b, n, c, 0, fmt, ap); }
CRTEXP int _vsnwprintf_s(W *b, size_t n, size_t c, const W *fmt, va_list ap) { return to_string_n_s(b, n, c, 1, fmt, ap); }
CRTEXP int _vsnwprintf_s_l(W *b, size_t n, size_t c, const W *fmt, L l, va_list ap) { (void)l; return to_string_n_s(b, n, c, 1, fmt, ap); }
CRTEXP int _vsnprintf_l(char *b, size_t c, const char *fmt, L l, va_list ap) { (void)l; return legacy(b, c, 0, fmt, ap); }
CRTEXP int _vsnprintf_c(char *b, size_t c, const char *fmt, va_list ap) { return legacy(b, c, 0, fmt, ap); }
CRTEXP int _vsnprintf_c_l(char *b, size_t c, const char *fmt, L l, va_list ap) { (void)l; return legacy(b, c, 0, fmt, ap); }
CRTEXP int _vsnwprintf_l(W *b, size_t c, const W *fmt, L l, va_list ap) { (void)l; return legacy(b, c, 1, fmt, ap); }
CRTEXP int _vswprintf_c(W *b, size_t c, const W *fmt, va_list ap) { return legacy(b, c, 1, fmt, ap); }
CRTEXP int _vswprintf_c_l(W *b, size_t c, const W *fmt, L l, va_list ap) { (void)l; return legacy(b, c, 1, fmt, ap); }
CRTEXP int _vsprintf_l(char *b, const char *fmt, L l, va_list ap) { (void)l; return unbounded(b, 0, fmt, PLAIN, ap); }
CRTEXP int _vswprintf(W *b, const W *fmt, va_list ap) { return unbounded(b, 1, fmt, PLAIN, ap); }
CRTEXP int _vswprintf_l(W *b, const W *fmt, L l, va_list ap) { (void)l; return unbounded(b, 1, fmt, PLAIN, ap); }
CRTEXP int _vscprintf_l(const char *fmt, L l, va_list ap) { (void)l; return count_only(fmt, 0, PLAIN, ap); }
CRTEXP int _vscprintf_p_l(const char *fmt, L l, va_list ap) { (void)l; return count_only(fmt, 0, POSITIONAL, ap); }
CRTEXP int _vscwprintf_l(const W *fmt, L l, va_list ap) { (void)l; return count_only(fmt, 1, PLAIN, ap); }
CRTEXP int _vscwprintf_p_l(const W *fmt, L l, va_list ap) { (void)l; return count_only(fmt, 1, POSITIONAL, ap); }

/* _vcprintf: formatted, then written to the console as _cputs writes. */
CRTEXP int _vcprintf(const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int len = count_only(fmt, 0, PLAIN, ap);
    char *buf = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (buf == NULL) {
        va_end(again);
        return -1;
    }
    crt_fmtopts opt;
    options(&opt, PLAIN);
    size_t stored;
    crt_format_string(buf, (size_t)len + 1, 0, fmt, &opt, again, &stored);
    va_end(again);
    buf[len] = 0;
    int r = _cputs(buf) ? -1 : len;
    free(buf);
    return r;
}

CRTEXP int _vcprintf_l(const char *fmt, L l, va_list ap) { (void)l; return _vcprintf(fmt, ap); }

/* ---- the variadic forms ---- */

#define VARIADIC(NAME, RET_CALL, ...)                                                              \
CRTEXP int NAME(__VA_ARGS__, ...)                                                                  \
{                                                                                                  \
    va_list ap;                                                                                    \
    va_start(ap, LAST_);                                                                           \
    int r = RET_CALL;                                                                              \
    va_end(ap);                                                                                    \
    return r;                                                                                      \
}

#define LAST_ fmt
VARIADIC(fprintf_s, vfprintf_s(f, fmt, ap), FILE *f, const char *fmt)
VARIADIC(printf_s, vprintf_s(fmt, ap), const char *fmt)
VARIADIC(fwprintf_s, vfwprintf_s(f, fmt, ap), FILE *f, const W *fmt)
VARIADIC(wprintf_s, vwprintf_s(fmt, ap), const W *fmt)
VARIADIC(_fwprintf_p, _vfwprintf_p(f, fmt, ap), FILE *f, const W *fmt)
VARIADIC(sprintf_s, vsprintf_s(b, n, fmt, ap), char *b, size_t n, const char *fmt)
VARIADIC(swprintf_s, vswprintf_s(b, n, fmt, ap), W *b, size_t n, const W *fmt)
VARIADIC(_snprintf_s, _vsnprintf_s(b, n, c, fmt, ap), char *b, size_t n, size_t c, const char *fmt)
VARIADIC(_snwprintf_s, _vsnwprintf_s(b, n, c, fmt, ap), W *b, size_t n, size_t c, const W *fmt)
VARIADIC(_snprintf_c, _vsnprintf_c(b, c, fmt, ap), char *b, size_t c, const char *fmt)
VARIADIC(_swprintf_c, _vswprintf_c(b, c, fmt, ap), W *b, size_t c, const W *fmt)
VARIADIC(_swprintf, _vswprintf(b, fmt, ap), W *b, const W *fmt)
VARIADIC(_cprintf, _vcprintf(fmt, ap), const char *fmt)
#undef LAST_
#define LAST_ l
VARIADIC(_fprintf_l, _vfprintf_l(f, fmt, l, ap), FILE *f, const char *fmt, L l)
VARIADIC(_fprintf_p_l, _vfprintf_p_l(f, fmt, l, ap), FILE *f, const char *fmt, L l)
VARIADIC(_fprintf_s_l, _vfprintf_s_l(f, fmt, l, ap), FILE *f, const char *fmt, L l)
VARIADIC(_fwprintf_l, _vfwprintf_l(f, fmt, l, ap), FILE *f, const W *fmt, L l)
VARIADIC(_fwprintf_p_l, _vfwprintf_p_l(f, fmt, l, ap), FILE *f, const W *fmt, L l)
VARIADIC(_fwprintf_s_l, _vfwprintf_s_l(f, fmt, l, ap), FILE *f, const W *fmt, L l)
VARIADIC(_sprintf_l, _vsprintf_l(b, fmt, l, ap), char *b, const char *fmt, L l)
VARIADIC(_sprintf_p_l, _vsprintf_p_l(b, n, fmt, l, ap), char *b, size_t n, const char *fmt, L l)
VARIADIC(_sprintf_s_l, _vsprintf_s_l(b, n, fmt, l, ap), char *b, size_t n, const char *fmt, L l)
VARIADIC(_swprintf_p_l, _vswprintf_p_l(b, n, fmt, l, ap), W *b, size_t n, const W *fmt, L l)
VARIADIC(_swprintf_s_l, _vswprintf_s_l(b, n, fmt, l, ap), W *b, size_t n, const W *fmt, L l)
VARIADIC(_swprintf_c_l, _vswprintf_c_l(b, c, fmt, l, ap), W *b, size_t c, const W *fmt, L l)
VARIADIC(_snprintf_l, _vsnprintf_l(b, c, fmt, l, ap), char *b, size_t c, const char *fmt, L l)
VARIADIC(_snprintf_c_l, _vsnprintf_c_l(b, c, fmt, l, ap), char *b, size_t c, const char *fmt, L l)
VARIADIC(_snprintf_s_l, _vsnprintf_s_l(b, n, c, fmt, l, ap), char *b, size_t n, size_t c, const char *fmt, L l)
VARIADIC(_snwprintf_l, _vsnwprintf_l(b, c, fmt, l, ap), W *b, size_t c, const W *fmt, L l)
VARIADIC(_snwprintf_s_l, _vsnwprintf_s_l(b, n, c, fmt, l, ap), W *b, size_t n, size_t c, const W *fmt, L l)
VARIADIC(_scprintf_l, _vscprintf_l(fmt, l, ap), const char *fmt, L l)
VARIADIC(_scprintf_p_l, _vscprintf_p_l(fmt, l, ap), const char *fmt, L l)
VARIADIC(_scwprintf_l, _vscwprintf_l(fmt, l, ap), const W *fmt, L l)
VARIADIC(_scwprintf_p_l, _vscwprintf_p_l(fmt, l, ap), const W *fmt, L l)
#undef LAST_
#endif
