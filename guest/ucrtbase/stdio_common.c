/* The UCRT's printf entry points: the headers' inline printf, sprintf, snprintf ... all call
 * __stdio_common_v*printf with option bits (legacy vsprintf termination, C99 snprintf, legacy
 * wide specifiers, three-digit exponents), and find stdin/stdout/stderr with __acrt_iob_func. */
#ifdef CRT_UCRT
#include "stdio.h"
#include "format.h"
#include "errno.h"

#define OPT_LEGACY_NULL_TERMINATION (1ull << 0)
#define OPT_STANDARD_SNPRINTF (1ull << 1)
#define OPT_LEGACY_WIDE_SPECIFIERS (1ull << 2)
#define OPT_LEGACY_THREE_DIGIT_EXPONENTS (1ull << 4)
#define POSITIONAL (1ull << 63)             /* ours, not an option bit: the _p entry points */

int crt_format_stream(FILE *f, const void *fmt, int fmt_wide, const crt_fmtopts *opt, va_list ap);
int crt_format_string(void *buf, size_t cap, int wide, const void *fmt, const crt_fmtopts *opt, va_list ap,
                      size_t *stored);
void crt_invalid_parameter(int err);

CRTEXP FILE *__acrt_iob_func(unsigned index)
{
    return &_iob[index];
}

static void options(crt_fmtopts *opt, unsigned long long bits, int wide)
{
    crt_fmtopts_default(opt);
    if (bits & OPT_LEGACY_THREE_DIGIT_EXPONENTS)
        opt->exp_digits = 3;
    opt->iso_wide = wide && !(bits & OPT_LEGACY_WIDE_SPECIFIERS);
    opt->positional = (bits & POSITIONAL) != 0;
}

static int to_stream(unsigned long long bits, FILE *f, const void *fmt, int wide, va_list ap)
{
    if (f == NULL || fmt == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    crt_fmtopts opt;
    options(&opt, bits, wide);
    int r = crt_format_stream(f, fmt, wide, &opt, ap);
    if (r < 0 && (f->_flag & CRT_IOERR) == 0)
        crt_invalid_parameter(CRT_EINVAL);      /* a refused conversion (%n, an unknown one) */
    return r;
}

CRTEXP int __stdio_common_vfprintf(unsigned long long bits, FILE *f, const char *fmt, void *locale, va_list ap)
{
    (void)locale;
    return to_stream(bits, f, fmt, 0, ap);
}

CRTEXP int __stdio_common_vfwprintf(unsigned long long bits, FILE *f, const crt_wchar *fmt, void *locale, va_list ap)
{
    (void)locale;
    return to_stream(bits, f, fmt, 1, ap);
}

CRTEXP int __stdio_common_vfprintf_s(unsigned long long bits, FILE *f, const char *fmt, void *locale, va_list ap)
{
    (void)locale;
    return to_stream(bits, f, fmt, 0, ap);
}

CRTEXP int __stdio_common_vfwprintf_s(unsigned long long bits, FILE *f, const crt_wchar *fmt, void *locale,
                                      va_list ap)
{
    (void)locale;
    return to_stream(bits, f, fmt, 1, ap);
}

static void terminate_at(void *buf, int wide, size_t i)
{
    if (wide)
        ((crt_wchar *)buf)[i] = 0;
    else
        ((char *)buf)[i] = 0;
}

/* sprintf/_snprintf/snprintf/_vscprintf: C99 rules with OPT_STANDARD_SNPRINTF (the full length,
 * cut and terminated); otherwise the legacy ones: a fitting result is terminated, one of exactly
 * `count` elements is left unterminated under OPT_LEGACY_NULL_TERMINATION, anything longer
 * returns -1. A null buffer with count 0 asks for the length. */
static int to_string(unsigned long long bits, void *buf, size_t count, const void *fmt, int wide, va_list ap)
{
    if (fmt == NULL || (buf == NULL && count != 0)) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    crt_fmtopts opt;
    options(&opt, bits, wide);
    size_t stored;
    int standard = (bits & OPT_STANDARD_SNPRINTF) != 0;
    int len = crt_format_string(buf, standard && count ? count - 1 : count, wide, fmt, &opt, ap, &stored);
    if (len < 0) {
        if (count)
            terminate_at(buf, wide, 0);
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    if (buf == NULL)
        return len;
    if (standard) {
        terminate_at(buf, wide, stored);
        return len;
    }
    if ((size_t)len < count) {
        terminate_at(buf, wide, len);
        return len;
    }
    if ((size_t)len == count && (bits & OPT_LEGACY_NULL_TERMINATION))
        return len;
    if (!(bits & OPT_LEGACY_NULL_TERMINATION))
        terminate_at(buf, wide, count - 1);
    return -1;
}

CRTEXP int __stdio_common_vsprintf(unsigned long long bits, char *buf, size_t count, const char *fmt, void *locale,
                                   va_list ap)
{
    (void)locale;
    return to_string(bits, buf, count, fmt, 0, ap);
}

CRTEXP int __stdio_common_vswprintf(unsigned long long bits, crt_wchar *buf, size_t count, const crt_wchar *fmt,
                                    void *locale, va_list ap)
{
    (void)locale;
    return to_string(bits, buf, count, fmt, 1, ap);
}

/* The _s forms: the result must fit with its terminator, else the buffer is emptied and the
 * invalid-parameter handler runs (ERANGE). */
static int to_string_s(unsigned long long bits, void *buf, size_t count, const void *fmt, int wide, va_list ap)
{
    if (fmt == NULL || buf == NULL || count == 0) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    crt_fmtopts opt;
    options(&opt, bits, wide);
    size_t stored;
    int len = crt_format_string(buf, count, wide, fmt, &opt, ap, &stored);
    if (len < 0 || (size_t)len >= count) {
        terminate_at(buf, wide, 0);
        crt_invalid_parameter(len < 0 ? CRT_EINVAL : CRT_ERANGE);
        return -1;
    }
    terminate_at(buf, wide, len);
    return len;
}

CRTEXP int __stdio_common_vsprintf_s(unsigned long long bits, char *buf, size_t count, const char *fmt,
                                     void *locale, va_list ap)
{
    (void)locale;
    return to_string_s(bits, buf, count, fmt, 0, ap);
}

CRTEXP int __stdio_common_vswprintf_s(unsigned long long bits, crt_wchar *buf, size_t count, const crt_wchar *fmt,
                                      void *locale, va_list ap)
{
    (void)locale;
    return to_string_s(bits, buf, count, fmt, 1, ap);
}

/* The positional forms (_printf_p, _sprintf_p ... inline in the headers): arguments by number,
 * %1$d; a string result follows the _s rules. */
CRTEXP int __stdio_common_vfprintf_p(unsigned long long bits, FILE *f, const char *fmt, void *locale, va_list ap)
{
    (void)locale;
    return to_stream(bits | POSITIONAL, f, fmt, 0, ap);
}

CRTEXP int __stdio_common_vfwprintf_p(unsigned long long bits, FILE *f, const crt_wchar *fmt, void *locale, va_list ap)
{
    (void)locale;
    return to_stream(bits | POSITIONAL, f, fmt, 1, ap);
}

CRTEXP int __stdio_common_vsprintf_p(unsigned long long bits, char *buf, size_t count, const char *fmt,
                                     void *locale, va_list ap)
{
    (void)locale;
    if (buf == NULL && count == 0 && fmt) {     /* _scprintf_p: the length */
        crt_fmtopts opt;
        options(&opt, bits | POSITIONAL, 0);
        size_t stored;
        return crt_format_string(NULL, 0, 0, fmt, &opt, ap, &stored);
    }
    return to_string_s(bits | POSITIONAL, buf, count, fmt, 0, ap);
}

CRTEXP int __stdio_common_vswprintf_p(unsigned long long bits, crt_wchar *buf, size_t count, const crt_wchar *fmt,
                                      void *locale, va_list ap)
{
    (void)locale;
    if (buf == NULL && count == 0 && fmt) {
        crt_fmtopts opt;
        options(&opt, bits | POSITIONAL, 1);
        size_t stored;
        return crt_format_string(NULL, 0, 1, fmt, &opt, ap, &stored);
    }
    return to_string_s(bits | POSITIONAL, buf, count, fmt, 1, ap);
}

/* _vsnprintf_s: at most max_count elements (_TRUNCATE: as many as fit, then -1). */
static int to_string_ns(unsigned long long bits, void *buf, size_t count, size_t max_count, const void *fmt,
                        int wide, va_list ap)
{
    if (fmt == NULL || buf == NULL || count == 0) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    crt_fmtopts opt;
    options(&opt, bits, wide);
    size_t cap = max_count == (size_t)-1 || max_count >= count ? count - 1 : max_count;
    size_t stored;
    int len = crt_format_string(buf, cap, wide, fmt, &opt, ap, &stored);
    if (len < 0) {
        terminate_at(buf, wide, 0);
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    if ((size_t)len <= cap) {
        terminate_at(buf, wide, len);
        return len;
    }
    if (max_count == (size_t)-1 || max_count < count) {
        terminate_at(buf, wide, stored);
        if (max_count == (size_t)-1)
            crt_errno = CRT_STRUNCATE;
        return -1;
    }
    terminate_at(buf, wide, 0);
    crt_invalid_parameter(CRT_ERANGE);
    return -1;
}

CRTEXP int __stdio_common_vsnprintf_s(unsigned long long bits, char *buf, size_t count, size_t max_count,
                                      const char *fmt, void *locale, va_list ap)
{
    (void)locale;
    return to_string_ns(bits, buf, count, max_count, fmt, 0, ap);
}

CRTEXP int __stdio_common_vsnwprintf_s(unsigned long long bits, crt_wchar *buf, size_t count, size_t max_count,
                                       const crt_wchar *fmt, void *locale, va_list ap)
{
    (void)locale;
    return to_string_ns(bits, buf, count, max_count, fmt, 1, ap);
}
#endif

#ifdef CRT_UCRT
/* %n is refused unless the program enabled it; returns the previous setting. */
CRTEXP int _set_printf_count_output(int enable)
{
    int old = crt_printf_count_output;
    crt_printf_count_output = enable != 0;
    return old;
}

CRTEXP int _get_printf_count_output(void)
{
    return crt_printf_count_output;
}
#endif
