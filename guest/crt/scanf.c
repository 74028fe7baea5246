/* The scanf family over the engine (scan.c): from a string (sscanf, swscanf) or a stream
 * (scanf, fscanf ...), with the _s forms; the UCRT's __stdio_common_v*scanf entry points. */
#include "stdio.h"
#include "scan.h"

#ifdef CRT_UCRT
#define UCRT 1
#else
#define UCRT 0
#endif

typedef struct { const void *s; size_t pos, len; int wide; } strsrc;

static int str_get(crt_in *in)
{
    strsrc *src = in->ctx;
    if (src->pos >= src->len)
        return -1;
    unsigned c = src->wide ? ((const crt_wchar *)src->s)[src->pos] : ((const unsigned char *)src->s)[src->pos];
    if (c == 0) {
        src->len = src->pos;
        return -1;
    }
    src->pos++;
    return (int)c;
}

static void str_unget(crt_in *in, int c)
{
    (void)c;
    ((strsrc *)in->ctx)->pos--;
}

static int stream_get(crt_in *in)
{
    return crt_stream_getc(in->ctx);
}

int ungetc(int c, FILE *f);
static void stream_unget(crt_in *in, int c)
{
    FILE *f = in->ctx;
    if (f->_ptr > f->_base && f->_ptr[-1] == (char)c && !(f->_flag & CRT_IOEOF)) {
        f->_ptr--;
        f->_cnt++;
    } else
        ungetc(c, f);
}

int crt_scan_string(const void *s, size_t len, int wide, const void *fmt, int secure, va_list ap)
{
    if (s == NULL || fmt == NULL)
        return -1;
    strsrc src = { s, 0, len, wide };
    crt_in in = { str_get, str_unget, &src, 0 };
    return crt_vscan(&in, fmt, wide, secure, UCRT, ap);
}

int crt_scan_stream(FILE *f, const void *fmt, int fmt_wide, int secure, va_list ap)
{
    if (f == NULL || fmt == NULL)
        return -1;
    crt_in in = { stream_get, stream_unget, f, 0 };
    crt_lock_stream(f);
    int r = crt_vscan(&in, fmt, fmt_wide, secure, UCRT, ap);
    crt_unlock_stream(f);
    return r;
}

#ifdef CRT_MSVCRT
#define VARIADIC(NAME, CALL, ...)                       \
CRTEXP int NAME(__VA_ARGS__, ...)                       \
{                                                       \
    va_list ap;                                         \
    va_start(ap, fmt);                                  \
    int r = CALL;                                       \
    va_end(ap);                                         \
    return r;                                           \
}
VARIADIC(sscanf, crt_scan_string(s, (size_t)-1, 0, fmt, 0, ap), const char *s, const char *fmt)
VARIADIC(sscanf_s, crt_scan_string(s, (size_t)-1, 0, fmt, 1, ap), const char *s, const char *fmt)
VARIADIC(swscanf, crt_scan_string(s, (size_t)-1, 1, fmt, 0, ap), const crt_wchar *s, const crt_wchar *fmt)
VARIADIC(swscanf_s, crt_scan_string(s, (size_t)-1, 1, fmt, 1, ap), const crt_wchar *s, const crt_wchar *fmt)
VARIADIC(_snscanf, crt_scan_string(s, n, 0, fmt, 0, ap), const char *s, size_t n, const char *fmt)
VARIADIC(fscanf, crt_scan_stream(f, fmt, 0, 0, ap), FILE *f, const char *fmt)
VARIADIC(fscanf_s, crt_scan_stream(f, fmt, 0, 1, ap), FILE *f, const char *fmt)
VARIADIC(fwscanf, crt_scan_stream(f, fmt, 1, 0, ap), FILE *f, const crt_wchar *fmt)
VARIADIC(scanf, crt_scan_stream(&_iob[0], fmt, 0, 0, ap), const char *fmt)
VARIADIC(scanf_s, crt_scan_stream(&_iob[0], fmt, 0, 1, ap), const char *fmt)
VARIADIC(wscanf, crt_scan_stream(&_iob[0], fmt, 1, 0, ap), const crt_wchar *fmt)
CRTEXP int vsscanf(const char *s, const char *fmt, va_list ap) { return crt_scan_string(s, (size_t)-1, 0, fmt, 0, ap); }
CRTEXP int vfscanf(FILE *f, const char *fmt, va_list ap) { return crt_scan_stream(f, fmt, 0, 0, ap); }
CRTEXP int vscanf(const char *fmt, va_list ap) { return crt_scan_stream(&_iob[0], fmt, 0, 0, ap); }
#else
/* _CRT_INTERNAL_SCANF_SECURECRT is bit 0 of the options. */
CRTEXP int __stdio_common_vsscanf(unsigned long long options, const char *s, size_t len, const char *fmt,
                                  void *locale, va_list ap)
{
    (void)locale;
    return crt_scan_string(s, len, 0, fmt, (int)(options & 1), ap);
}

CRTEXP int __stdio_common_vswscanf(unsigned long long options, const crt_wchar *s, size_t len, const crt_wchar *fmt,
                                   void *locale, va_list ap)
{
    (void)locale;
    return crt_scan_string(s, len, 1, fmt, (int)(options & 1), ap);
}

CRTEXP int __stdio_common_vfscanf(unsigned long long options, FILE *f, const char *fmt, void *locale, va_list ap)
{
    (void)locale;
    return crt_scan_stream(f, fmt, 0, (int)(options & 1), ap);
}

CRTEXP int __stdio_common_vfwscanf(unsigned long long options, FILE *f, const crt_wchar *fmt, void *locale,
                                   va_list ap)
{
    (void)locale;
    return crt_scan_stream(f, fmt, 1, (int)(options & 1), ap);
}
#endif
