/* Host-side harness for the pure parts of guest/crt (the printf engine, strtod ...): compiled
 * with the host compiler into a shared object per flavour and driven from pytest via ctypes. */
#include "format.h"
#include <string.h>
#include "strtod.h"

struct bufctx { char *buf; size_t size, used; };

static int buf_write(crt_out *o, const void *s, size_t n)
{
    struct bufctx *b = o->ctx;
    size_t elem = o->wide ? 2 : 1;
    for (size_t i = 0; i < n * elem; i++)
        if (b->used < b->size)
            b->buf[b->used++] = ((const char *)s)[i];
    return 0;
}

static int vtest(char *buf, int size, int wide, const void *fmt, ...)
{
    struct bufctx b = { buf, (size_t)size, 0 };
    crt_out o = { wide, buf_write, &b, 0 };
    crt_fmtopts opt;
    crt_fmtopts_default(&opt);
    va_list ap;
    va_start(ap, fmt);
    int r = crt_vformat(&o, fmt, wide, &opt, ap, NULL);
    va_end(ap);
    return r;
}

static int wrap_format(crt_out *o, const void *fmt, const crt_fmtopts *opt, ...)
{
    va_list ap;
    va_start(ap, opt);
    int r = crt_vformat(o, fmt, 1, opt, ap, NULL);
    va_end(ap);
    return r;
}

static int wrap_p(crt_out *o, const char *fmt, const crt_fmtopts *opt, int *invalid, ...)
{
    va_list ap;
    va_start(ap, invalid);
    int r = crt_vformat(o, fmt, 0, opt, ap, invalid);
    va_end(ap);
    return r;
}

/* One conversion with one argument of the given kind: 'i'/'c' int, 'l' 64-bit, 'd' a double
 * given by its bits, 's' a string, 'n' a null pointer. */
int host_format(char *buf, int size, const char *fmt, int kind, long long ival, const char *sval)
{
    union { long long i; double d; } u = { ival };
    switch (kind) {
    case 'i': case 'c': return vtest(buf, size, 0, fmt, (int)ival);
    case 'l': return vtest(buf, size, 0, fmt, ival);
    case 'd': return vtest(buf, size, 0, fmt, u.d);
    case 's': return vtest(buf, size, 0, fmt, sval);
    default: return vtest(buf, size, 0, fmt, (const char *)0);
    }
}

void host_set_two_digit_exponent(int on) { crt_two_digit_exponent = on; }

/* The positional engine (_printf_p) on a fixed argument list: an int, a string, a double, a
 * 64-bit integer and an int used as a width, numbered 1 to 5. */
int host_format_p(char *buf, int size, const char *fmt)
{
    struct bufctx b = { buf, (size_t)size, 0 };
    crt_out o = { 0, buf_write, &b, 0 };
    crt_fmtopts opt;
    crt_fmtopts_default(&opt);
    opt.positional = 1;
    int invalid = 0;
    int r = wrap_p(&o, fmt, &opt, &invalid, 42, "str", 2.5, 1234567890123ll, 8);
    if (r >= 0 && b.used < b.size)
        buf[b.used] = 0;
    return invalid ? -2 : r;
}

/* crt_strtod for the host: the double's bits, how many characters it took, the range flag. */
unsigned long long host_strtod(const char *s, int ucrt, int *consumed, int *range)
{
    char *end;
    union { double d; unsigned long long u; } v;
    v.d = crt_strtod(s, &end, range, ucrt);
    *consumed = (int)(end - s);
    return v.u;
}

/* crt_strtof for the host: the float's bits. */
unsigned host_strtof(const char *s, int ucrt, int *consumed, int *range)
{
    char *end;
    union { float f; unsigned u; } v;
    v.f = crt_strtof(s, &end, range, ucrt);
    *consumed = (int)(end - s);
    return v.u;
}

#include "scan.h"
struct strsrc { const char *s; int pos; };
static int s_get(crt_in *in) { struct strsrc *p = in->ctx; return p->s[p->pos] ? (unsigned char)p->s[p->pos++] : -1; }
static void s_unget(crt_in *in, int c) { (void)c; ((struct strsrc *)in->ctx)->pos--; }
static int vscan(const char *input, int secure, const char *fmt, ...)
{
    struct strsrc src = { input, 0 };
    crt_in in = { s_get, s_unget, &src, 0 };
    va_list ap;
    va_start(ap, fmt);
    int r = crt_vscan(&in, fmt, 0, secure, 1, ap);
    va_end(ap);
    return r;
}

/* sscanf with up to three pointer arguments (and a size after each for the secure form). */
int host_sscanf(const char *input, const char *fmt, int secure, void *a, void *b, void *c)
{
    if (secure)
        return vscan(input, 1, fmt, a, 64u, b, 64u, c, 64u);
    return vscan(input, 0, fmt, a, b, c);
}

/* sscanf_s of one buffer with the size given, then an int pointer (unused by a one-field format). */
int host_sscanf_sized(const char *input, const char *fmt, void *buf, unsigned size, void *i)
{
    return vscan(input, 1, fmt, buf, size, i);
}

#include "mathcore.h"
/* One mathcore function by name: the result's bits and the error code. */
unsigned long long host_math(const char *name, double x, double y, int *err)
{
    union { double d; unsigned long long u; } r;
    int quo;
    *err = 0;
#define F1(n) if (!strcmp(name, #n)) r.d = crt_m_##n(x, err); else
#define G1(n) if (!strcmp(name, #n)) r.d = crt_m_##n(x); else
#define F2(n) if (!strcmp(name, #n)) r.d = crt_m_##n(x, y, err); else
    F1(exp) F1(exp2) F1(expm1) F1(log) F1(log10) F1(log2) F1(log1p) F1(sin) F1(cos) F1(tan) F1(asin) F1(acos)
    F1(sinh) F1(cosh) F1(acosh) F1(atanh) G1(atan) G1(tanh) G1(asinh) G1(cbrt) F2(pow) F2(hypot) F2(fmod)
    if (!strcmp(name, "atan2")) r.d = crt_m_atan2(x, y);
    else if (!strcmp(name, "remainder")) r.d = crt_m_remainder(x, y, &quo, err);
    else r.u = 0x7FF4000000000000ull;
    return r.u;
}

#include "timeconv.h"
#include "timenames.h"
/* gmtime and strftime of a time in seconds: the formatted text, or -1. */
int host_strftime(long long t, const char *fmt, char *out, int max, const char *tzname, long bias, int isdst)
{
    crt_tm tm;
    if (crt_seconds_to_tm(t, &tm))
        return -1;
    tm.tm_isdst = isdst;
    int status;
    return (int)crt_strftime_status(out, (size_t)max, fmt, 0, &tm, &crt_lc_time_c, tzname, bias, &status);
}

long long host_mktime(int year, int mon, int mday, int hour, int min, int sec, int *wday, int *yday)
{
    crt_tm tm = { sec, min, hour, mday, mon, year - 1900, 0, 0, 0 };
    long long t = crt_tm_to_seconds(&tm);
    *wday = tm.tm_wday;
    *yday = tm.tm_yday;
    return t;
}

void host_asctime(long long t, char *out)
{
    crt_tm tm;
    crt_seconds_to_tm(t, &tm);
    crt_asctime(&tm, out);
}

/* A wide format with one string argument into a wide buffer; iso: %s takes narrow strings. */
int host_wformat(unsigned short *buf, int size, const unsigned short *fmt, const void *arg, int iso)
{
    struct bufctx b = { (char *)buf, (size_t)size * 2, 0 };
    crt_out o = { 1, buf_write, &b, 0 };
    crt_fmtopts opt;
    crt_fmtopts_default(&opt);
    opt.iso_wide = iso;
    int r = wrap_format(&o, fmt, &opt, arg);
    if (r >= 0 && r < size)
        buf[r] = 0;
    return r;
}

void _splitpath(const char *, char *, char *, char *, char *);
void _makepath(char *, const char *, const char *, const char *, const char *);
int *_errno(void) { static int e; return &e; }
void host_splitpath(const char *path, char *drive, char *dir, char *fname, char *ext) { _splitpath(path, drive, dir, fname, ext); }
void host_makepath(char *out, const char *d, const char *dir, const char *f, const char *e) { _makepath(out, d, dir, f, e); }
