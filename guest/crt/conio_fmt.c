/* The console's formatted output beyond _cprintf/_cwprintf: their _l, _s and _p forms (msvcrt.dll)
 * and the UCRT's __conio_common_vcprintf{,_s,_p} / __conio_common_vcwprintf{,_s,_p}, which its
 * headers' inline _cprintf family calls. The text is formatted whole, then written as _cputs and
 * _cputws write it (CONOUT$); the _s forms refuse %n and a NULL format as invalid parameters. */
#include "crtbase.h"
#include "format.h"
#include "errno.h"

typedef crt_wchar W;
typedef void *L;
void *malloc(size_t), *realloc(void *, size_t);
void free(void *);
int _cputs(const char *s), _cputws(const W *s);
void crt_invalid_parameter(int err);

#define PLAIN 0
#define SECURE 1
#define POSITIONAL 2

struct grow { char *buf; size_t len, cap; };

/* The destination: a heap buffer that grows as the formatter writes. */
static int grow_write(crt_out *o, const void *s, size_t n)
{
    struct grow *g = o->ctx;
    size_t bytes = n * (o->wide ? 2 : 1);
    if (g->len + bytes + 2 > g->cap) {
        size_t cap = (g->len + bytes + 2) * 2;
        char *nb = realloc(g->buf, cap);
        if (nb == NULL) return -1;
        g->buf = nb; g->cap = cap;
    }
    __builtin_memcpy(g->buf + g->len, s, bytes);
    g->len += bytes;
    return 0;
}

/* Format, then write to the console; the count of characters written or -1. */
static int console_format(const void *fmt, int wide, int kind, int exp3, va_list ap)
{
    if (fmt == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    crt_fmtopts opt;
    crt_fmtopts_default(&opt);
    if (exp3) opt.exp_digits = 3;
    if (kind == SECURE) opt.allow_n = 0;
    opt.positional = kind == POSITIONAL;
    struct grow g = { NULL, 0, 0 };
    crt_out o = { wide, grow_write, &g, 0 };
    int invalid = 0, n = crt_vformat(&o, fmt, wide, &opt, ap, &invalid);
    if (n < 0 || grow_write(&o, "\0\0", 1)) {
        free(g.buf);
        if (invalid) crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    int r = (wide ? _cputws((const W *)g.buf) : _cputs(g.buf)) ? -1 : n;
    free(g.buf);
    return r;
}

#ifdef CRT_UCRT
#define OPT_LEGACY_THREE_DIGIT_EXPONENTS (1ull << 4)
#define EXP3(bits) (((bits) & OPT_LEGACY_THREE_DIGIT_EXPONENTS) != 0)
typedef unsigned long long U;
CRTEXP int __conio_common_vcprintf(U o, const char *f, L l, va_list ap) { (void)l; return console_format(f, 0, PLAIN, EXP3(o), ap); }
CRTEXP int __conio_common_vcprintf_s(U o, const char *f, L l, va_list ap) { (void)l; return console_format(f, 0, SECURE, EXP3(o), ap); }
CRTEXP int __conio_common_vcprintf_p(U o, const char *f, L l, va_list ap) { (void)l; return console_format(f, 0, POSITIONAL, EXP3(o), ap); }
CRTEXP int __conio_common_vcwprintf(U o, const W *f, L l, va_list ap) { (void)l; return console_format(f, 1, PLAIN, EXP3(o), ap); }
CRTEXP int __conio_common_vcwprintf_s(U o, const W *f, L l, va_list ap) { (void)l; return console_format(f, 1, SECURE, EXP3(o), ap); }
CRTEXP int __conio_common_vcwprintf_p(U o, const W *f, L l, va_list ap) { (void)l; return console_format(f, 1, POSITIONAL, EXP3(o), ap); }
#else
/* msvcrt.dll: the v forms, the locale forms (the C locale's formatting), and their variadic forms */
CRTEXP int _vcprintf_s(const char *f, va_list ap) { return console_format(f, 0, SECURE, 0, ap); }
CRTEXP int _vcprintf_s_l(const char *f, L l, va_list ap) { (void)l; return console_format(f, 0, SECURE, 0, ap); }
CRTEXP int _vcprintf_p(const char *f, va_list ap) { return console_format(f, 0, POSITIONAL, 0, ap); }
CRTEXP int _vcprintf_p_l(const char *f, L l, va_list ap) { (void)l; return console_format(f, 0, POSITIONAL, 0, ap); }
CRTEXP int _vcwprintf_s(const W *f, va_list ap) { return console_format(f, 1, SECURE, 0, ap); }
CRTEXP int _vcwprintf_s_l(const W *f, L l, va_list ap) { (void)l; return console_format(f, 1, SECURE, 0, ap); }
CRTEXP int _vcwprintf_p(const W *f, va_list ap) { return console_format(f, 1, POSITIONAL, 0, ap); }
CRTEXP int _vcwprintf_p_l(const W *f, L l, va_list ap) { (void)l; return console_format(f, 1, POSITIONAL, 0, ap); }

#define VARIADIC(NAME, KIND, WIDE, T, ...)                                                         \
CRTEXP int NAME(const T *fmt, __VA_ARGS__ ...)                                                     \
{                                                                                                  \
    va_list ap;                                                                                    \
    va_start(ap, LAST_);                                                                           \
    int r = console_format(fmt, WIDE, KIND, 0, ap);                                                \
    va_end(ap);                                                                                    \
    return r;                                                                                      \
}
#define LAST_ fmt
VARIADIC(_cprintf_s, SECURE, 0, char)
VARIADIC(_cprintf_p, POSITIONAL, 0, char)
VARIADIC(_cwprintf_s, SECURE, 1, W)
VARIADIC(_cwprintf_p, POSITIONAL, 1, W)
#undef LAST_
#define LAST_ l
VARIADIC(_cprintf_l, PLAIN, 0, char, L l,)
VARIADIC(_cprintf_s_l, SECURE, 0, char, L l,)
VARIADIC(_cprintf_p_l, POSITIONAL, 0, char, L l,)
VARIADIC(_cwprintf_l, PLAIN, 1, W, L l,)
VARIADIC(_cwprintf_s_l, SECURE, 1, W, L l,)
VARIADIC(_cwprintf_p_l, POSITIONAL, 1, W, L l,)
#undef LAST_
#endif
