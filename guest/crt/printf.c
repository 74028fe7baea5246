/* The printf family over the engine (format.c): to a stream, to a buffer with each flavour's
 * truncation rules (_snprintf: no terminator and -1 when it does not fit; C99 snprintf: the
 * full length and always a terminator), counting only (_scprintf), narrow and wide. */
#include "stdio.h"
#include "format.h"
#include "errno.h"

/* ---- destinations ---- */

static int stream_write(crt_out *o, const void *s, size_t n)
{
    return crt_stream_write(o->ctx, s, n);
}

typedef struct {
    void *buf;          /* char or wchar_t */
    size_t cap;         /* elements that may be stored; (size_t)-1 for unbounded sprintf */
    size_t used;
} strdest;

static int string_write(crt_out *o, const void *s, size_t n)
{
    strdest *d = o->ctx;
    size_t k = d->cap - d->used < n ? d->cap - d->used : n;
    if (d->buf && k) {
        if (o->wide)
            for (size_t i = 0; i < k; i++)
                ((crt_wchar *)d->buf)[d->used + i] = ((const crt_wchar *)s)[i];
        else
            for (size_t i = 0; i < k; i++)
                ((char *)d->buf)[d->used + i] = ((const char *)s)[i];
    }
    d->used += k;
    return 0;
}

int crt_format_stream(FILE *f, const void *fmt, int fmt_wide, const crt_fmtopts *opt, va_list ap)
{
    if (f == NULL || fmt == NULL) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    crt_out o = { 0, stream_write, f, 0 };
    crt_lock_stream(f);
    int r = crt_vformat(&o, fmt, fmt_wide, opt, ap, NULL);
    crt_stream_end_call(f);
    crt_unlock_stream(f);
    return r;
}

/* Format into buf[0..cap); returns the full length the output needed (or -1) and the number
 * of elements stored in *stored. */
int crt_format_string(void *buf, size_t cap, int wide, const void *fmt, const crt_fmtopts *opt, va_list ap,
                      size_t *stored)
{
    strdest d = { buf, cap, 0 };
    crt_out o = { wide, string_write, &d, 0 };
    int r = crt_vformat(&o, fmt, wide, opt, ap, NULL);
    *stored = d.used;
    return r;
}

static void terminate_at(void *buf, int wide, size_t i)
{
    if (wide)
        ((crt_wchar *)buf)[i] = 0;
    else
        ((char *)buf)[i] = 0;
}

/* _vsnprintf: len < count: terminated, len; len == count: no terminator, len; otherwise count
 * elements without a terminator and -1. */
int crt_legacy_snprintf(void *buf, size_t count, int wide, const void *fmt, const crt_fmtopts *opt, va_list ap)
{
    size_t stored;
    int len = crt_format_string(buf, count, wide, fmt, opt, ap, &stored);
    if (len < 0)
        return -1;
    if ((size_t)len < count)
        terminate_at(buf, wide, len);
    return (size_t)len <= count ? len : -1;
}

/* C99 vsnprintf: the full length, the output cut to count-1 elements and terminated. */
int crt_c99_snprintf(void *buf, size_t count, int wide, const void *fmt, const crt_fmtopts *opt, va_list ap)
{
    size_t stored;
    int len = crt_format_string(buf, count ? count - 1 : 0, wide, fmt, opt, ap, &stored);
    if (count)
        terminate_at(buf, wide, stored);
    return len;
}

#ifdef CRT_MSVCRT
/* ---- msvcrt.dll's entry points ---- */

#define OPTS crt_fmtopts opt; crt_fmtopts_default(&opt)

CRTEXP int vfprintf(FILE *f, const char *fmt, va_list ap) { OPTS; return crt_format_stream(f, fmt, 0, &opt, ap); }
CRTEXP int vprintf(const char *fmt, va_list ap) { return vfprintf(&_iob[1], fmt, ap); }
CRTEXP int vfwprintf(FILE *f, const crt_wchar *fmt, va_list ap) { OPTS; return crt_format_stream(f, fmt, 1, &opt, ap); }
CRTEXP int vwprintf(const crt_wchar *fmt, va_list ap) { return vfwprintf(&_iob[1], fmt, ap); }

CRTEXP int fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

CRTEXP int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfprintf(&_iob[1], fmt, ap);
    va_end(ap);
    return r;
}

CRTEXP int fwprintf(FILE *f, const crt_wchar *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfwprintf(f, fmt, ap);
    va_end(ap);
    return r;
}

CRTEXP int wprintf(const crt_wchar *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vfwprintf(&_iob[1], fmt, ap);
    va_end(ap);
    return r;
}

CRTEXP int vsprintf(char *buf, const char *fmt, va_list ap)
{
    OPTS;
    return crt_legacy_snprintf(buf, (size_t)-1 >> 1, 0, fmt, &opt, ap);
}

CRTEXP int sprintf(char *buf, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vsprintf(buf, fmt, ap);
    va_end(ap);
    return r;
}

CRTEXP int _vsnprintf(char *buf, size_t count, const char *fmt, va_list ap)
{
    OPTS;
    return crt_legacy_snprintf(buf, count, 0, fmt, &opt, ap);
}

CRTEXP int _snprintf(char *buf, size_t count, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vsnprintf(buf, count, fmt, ap);
    va_end(ap);
    return r;
}

/* msvcrt.dll's own vsnprintf export behaves as _vsnprintf does. */
CRTEXP int vsnprintf(char *buf, size_t count, const char *fmt, va_list ap)
{
    return _vsnprintf(buf, count, fmt, ap);
}

CRTEXP int _vscprintf(const char *fmt, va_list ap)
{
    OPTS;
    size_t stored;
    return crt_format_string(NULL, 0, 0, fmt, &opt, ap, &stored);
}

CRTEXP int _scprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vscprintf(fmt, ap);
    va_end(ap);
    return r;
}

#ifdef CRT_MSVCRT
/* msvcrt.dll's positional forms: arguments by number (%2$s %1$d), all or none. */
#define POPTS OPTS; opt.positional = 1
CRTEXP int _vfprintf_p(FILE *f, const char *fmt, va_list ap) { POPTS; return crt_format_stream(f, fmt, 0, &opt, ap); }
CRTEXP int _vprintf_p(const char *fmt, va_list ap) { return _vfprintf_p(&_iob[1], fmt, ap); }

CRTEXP int _fprintf_p(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vfprintf_p(f, fmt, ap);
    va_end(ap);
    return r;
}

CRTEXP int _printf_p(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vfprintf_p(&_iob[1], fmt, ap);
    va_end(ap);
    return r;
}

/* _sprintf_p: the result with its terminator must fit, else an empty buffer and -1 (ERANGE). */
CRTEXP int _vsprintf_p(char *buf, size_t count, const char *fmt, va_list ap)
{
    POPTS;
    if (buf == NULL || count == 0 || fmt == NULL) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    size_t stored;
    int len = crt_format_string(buf, count, 0, fmt, &opt, ap, &stored);
    if (len < 0 || (size_t)len >= count) {
        buf[0] = 0;
        crt_errno = len < 0 ? CRT_EINVAL : CRT_ERANGE;
        return -1;
    }
    buf[len] = 0;
    return len;
}

CRTEXP int _sprintf_p(char *buf, size_t count, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vsprintf_p(buf, count, fmt, ap);
    va_end(ap);
    return r;
}

CRTEXP int _vscprintf_p(const char *fmt, va_list ap)
{
    POPTS;
    size_t stored;
    return crt_format_string(NULL, 0, 0, fmt, &opt, ap, &stored);
}

CRTEXP int _scprintf_p(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vscprintf_p(fmt, ap);
    va_end(ap);
    return r;
}
#endif

CRTEXP int _vsnwprintf(crt_wchar *buf, size_t count, const crt_wchar *fmt, va_list ap)
{
    OPTS;
    return crt_legacy_snprintf(buf, count, 1, fmt, &opt, ap);
}

CRTEXP int _snwprintf(crt_wchar *buf, size_t count, const crt_wchar *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vsnwprintf(buf, count, fmt, ap);
    va_end(ap);
    return r;
}

/* msvcrt.dll's swprintf and vswprintf are the old ones without a count. */
CRTEXP int vswprintf(crt_wchar *buf, const crt_wchar *fmt, va_list ap)
{
    OPTS;
    return crt_legacy_snprintf(buf, (size_t)-1 >> 2, 1, fmt, &opt, ap);
}

CRTEXP int swprintf(crt_wchar *buf, const crt_wchar *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vswprintf(buf, fmt, ap);
    va_end(ap);
    return r;
}

CRTEXP int _vscwprintf(const crt_wchar *fmt, va_list ap)
{
    OPTS;
    size_t stored;
    return crt_format_string(NULL, 0, 1, fmt, &opt, ap, &stored);
}

CRTEXP int _scwprintf(const crt_wchar *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vscwprintf(fmt, ap);
    va_end(ap);
    return r;
}

/* _set_output_format(_TWO_DIGIT_EXPONENT = 1): returns the previous setting. */
CRTEXP unsigned int _set_output_format(unsigned int format)
{
    unsigned int old = crt_two_digit_exponent ? 1 : 0;
    crt_two_digit_exponent = (format & 1) != 0;
    return old;
}

CRTEXP unsigned int _get_output_format(void)
{
    return crt_two_digit_exponent ? 1 : 0;
}
#endif
