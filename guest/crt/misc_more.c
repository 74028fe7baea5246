/* Small entry points the runtime lacked: clearerr_s, msvcrt.dll's _strcmpi (its old name of
 * _stricmp), _get_environ/_get_wenviron, its _get_fmode/_set_fmode (the default mode of files
 * opened without _O_TEXT or _O_BINARY; the UCRT's are in ucrtbase/startup.c), _cabs
 * (a complex number's magnitude, as _hypot) and msvcrt.dll's wide console printf forms. */
#include "stdio.h"
#include "format.h"
#include "secure.h"

typedef crt_wchar W;
void clearerr(FILE *);
int _stricmp(const char *, const char *);
double _hypot(double, double);
extern int _fmode;

CRTEXP int clearerr_s(FILE *f)
{
    if (f == NULL)
        return crt_invalid(CRT_EINVAL);
    clearerr(f);
    return 0;
}

struct crt_complex { double x, y; };
CRTEXP double _cabs(struct crt_complex z) { return _hypot(z.x, z.y); }

#ifdef CRT_MSVCRT
int crt_format_string(void *buf, size_t cap, int wide, const void *fmt, const crt_fmtopts *opt, va_list ap,
                      size_t *stored);
int _cputws(const W *);
void *malloc(size_t);
void free(void *);
extern char **_environ;
extern W **_wenviron;
void crt_init_narrow_env(void);
void crt_init_wide_env(void);

CRTEXP int _strcmpi(const char *a, const char *b) { return _stricmp(a, b); }

CRTEXP int _get_fmode(int *mode)
{
    if (mode == NULL)
        return crt_invalid(CRT_EINVAL);
    *mode = _fmode;
    return 0;
}

CRTEXP int _set_fmode(int mode)
{
    int ok = mode == 0x4000 || mode == 0x8000;                           /* _O_TEXT, _O_BINARY */
    if (!ok)
        return crt_invalid(CRT_EINVAL);
    _fmode = mode;
    return 0;
}


CRTEXP int _get_environ(char ***out)
{
    if (out == NULL)
        return crt_invalid(CRT_EINVAL);
    crt_init_narrow_env();
    *out = _environ = crt_environ;
    return 0;
}

CRTEXP int _get_wenviron(W ***out)
{
    if (out == NULL)
        return crt_invalid(CRT_EINVAL);
    crt_init_wide_env();
    *out = _wenviron = crt_wenviron;
    return 0;
}

/* _vcwprintf: formatted, then written to the console as _cputws writes. */
CRTEXP int _vcwprintf(const W *fmt, va_list ap)
{
    if (fmt == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    crt_fmtopts opt;
    crt_fmtopts_default(&opt);
    va_list again;
    va_copy(again, ap);
    size_t stored;
    int len = crt_format_string(NULL, 0, 1, fmt, &opt, ap, &stored);
    W *buf = len >= 0 ? malloc(((size_t)len + 1) * sizeof(W)) : NULL;
    if (buf == NULL) {
        va_end(again);
        return -1;
    }
    crt_format_string(buf, (size_t)len + 1, 1, fmt, &opt, again, &stored);
    va_end(again);
    buf[len] = 0;
    int r = _cputws(buf) ? -1 : len;
    free(buf);
    return r;
}

CRTEXP int _vcwprintf_l(const W *fmt, void *l, va_list ap) { (void)l; return _vcwprintf(fmt, ap); }

CRTEXP int _cwprintf(const W *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = _vcwprintf(fmt, ap);
    va_end(ap);
    return r;
}
#endif
