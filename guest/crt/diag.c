/* Diagnostics: perror/_wperror ("prefix: message\n" on descriptor 2, unbuffered, as the runtime
 * writes them), _strerror (the message of errno with a caller's prefix and a newline),
 * _wcserror/_wcserror_s/__wcserror/__wcserror_s, _assert/_wassert (a console program's
 * "Assertion failed: ..." line on stderr, then abort), _set_error_mode. */
#include "crtwin.h"
#include "errno.h"

int _write(int fd, const void *buf, unsigned n);
char *strerror(int e);
int strerror_s(char *buf, size_t size, int e);
size_t strlen(const char *);
size_t wcslen(const crt_wchar *);
__attribute__((noreturn)) void abort(void);
int crt_fputs_stderr(const char *s);

static void write_stderr(const char *s)
{
    _write(2, s, (unsigned)strlen(s));
}

CRTEXP void perror(const char *prefix)
{
    char m[128];
    strerror_s(m, sizeof m, crt_errno);
    if (prefix && *prefix) {
        write_stderr(prefix);
        write_stderr(": ");
    }
    write_stderr(m);
    write_stderr("\n");
}

/* A wide string in the ANSI code page, cut to cap bytes. */
static void narrow(const crt_wchar *w, char *out, int cap)
{
    int n = WideCharToMultiByte(0, 0, w, -1, out, cap, NULL, NULL);
    out[n > 0 ? n - 1 : 0] = 0;
    if (n == 0) out[cap - 1] = 0;
}

CRTEXP void _wperror(const crt_wchar *prefix)
{
    char p[512];
    if (prefix && *prefix) {
        narrow(prefix, p, sizeof p);
        perror(p);
    } else {
        perror(NULL);
    }
}

/* _strerror: "prefix: message\n", or the message and "\n" without a prefix (at most 94 bytes of
 * prefix are kept, as the runtime's buffer allows). */
CRTEXP char *_strerror(const char *prefix)
{
    char *buf = crt_getptd()->strerror_buf;
    size_t i = 0;
    if (prefix && *prefix) {
        for (; prefix[i] && i < 94; i++) buf[i] = prefix[i];
        buf[i++] = ':';
        buf[i++] = ' ';
    }
    char m[96];
    strerror_s(m, sizeof m, crt_errno);
    for (size_t j = 0; m[j] && i < 94; j++) buf[i++] = m[j];
    buf[i++] = '\n';
    buf[i] = 0;
    return buf;
}

static crt_wchar wide_message[96];

CRTEXP int _wcserror_s(crt_wchar *buf, size_t size, int e)
{
    char m[96];
    if (buf == NULL || size == 0) { crt_errno = CRT_EINVAL; return CRT_EINVAL; }
    strerror_s(m, sizeof m, e);
    size_t i = 0;
    for (; m[i] && i < size - 1; i++) buf[i] = (unsigned char)m[i];
    buf[i] = 0;
    return 0;
}

CRTEXP crt_wchar *_wcserror(int e)
{
    _wcserror_s(wide_message, 96, e);
    return wide_message;
}

/* __wcserror: "prefix: message\n" in UTF-16, as _strerror. */
CRTEXP int __wcserror_s(crt_wchar *buf, size_t size, const crt_wchar *prefix)
{
    char m[96];
    if (buf == NULL || size == 0) { crt_errno = CRT_EINVAL; return CRT_EINVAL; }
    strerror_s(m, sizeof m, crt_errno);
    size_t i = 0;
    if (prefix && *prefix) {
        for (; *prefix && i + 1 < size; prefix++) buf[i++] = *prefix;
        if (i + 2 < size) { buf[i++] = ':'; buf[i++] = ' '; }
    }
    for (size_t j = 0; m[j] && i + 1 < size; j++) buf[i++] = (unsigned char)m[j];
    if (i + 1 < size) buf[i++] = '\n';
    buf[i] = 0;
    return 0;
}

CRTEXP crt_wchar *__wcserror(const crt_wchar *prefix)
{
    static crt_wchar buf[256];
    __wcserror_s(buf, 256, prefix);
    return buf;
}

static int error_mode;                  /* _OUT_TO_DEFAULT: a console program writes to stderr */

CRTEXP int _set_error_mode(int mode)
{
    if (mode == 3) return error_mode;   /* _REPORT_ERRMODE */
    if (mode < 0 || mode > 2) { crt_errno = CRT_EINVAL; return -1; }
    int old = error_mode;
    error_mode = mode;
    return old;
}

/* The number as decimal text. */
static void utoa10(unsigned v, char *out)
{
    char tmp[12];
    int i = 0;
    do { tmp[i++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (i) *out++ = tmp[--i];
    *out = 0;
}

static __attribute__((noreturn)) void assert_failed(const char *expr, const char *file, unsigned line)
{
    char num[12];
    utoa10(line, num);
    crt_fputs_stderr("Assertion failed: ");
    crt_fputs_stderr(expr);
    crt_fputs_stderr(", file ");
    crt_fputs_stderr(file);
    crt_fputs_stderr(", line ");
    crt_fputs_stderr(num);
    crt_fputs_stderr("\n");
    abort();
}

CRTEXP __attribute__((noreturn)) void _assert(const char *expr, const char *file, unsigned line)
{
    assert_failed(expr ? expr : "", file ? file : "", line);
}

CRTEXP __attribute__((noreturn)) void _wassert(const crt_wchar *expr, const crt_wchar *file, unsigned line)
{
    char e[512], f[520];
    narrow(expr ? expr : (const crt_wchar *)L"", e, sizeof e);
    narrow(file ? file : (const crt_wchar *)L"", f, sizeof f);
    assert_failed(e, f, line);
}
