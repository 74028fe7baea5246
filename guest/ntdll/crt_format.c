/* The printf family ntdll exports (programs built without a C runtime, and system code, import
 * them from here): sprintf/vsprintf, _snprintf/_vsnprintf (no terminator when the output fills
 * the buffer exactly, -1 when it does not fit), their _s forms, the wide ones (swprintf in its
 * old count-less form, _snwprintf, _vsnwprintf ...) and _vscprintf/_vscwprintf. The engine is
 * the C runtime's own (guest/crt/format.c, fltcvt.c), compiled here in msvcrt.dll's flavour. */
#define CRT_MSVCRT 1
#include "../crt/format.c"
#include "../crt/fltcvt.c"

typedef struct { void *buf; size_t cap, used; } nt_dest;

static int nt_write(crt_out *o, const void *s, size_t n)
{
    nt_dest *d = o->ctx;
    size_t k = d->cap - d->used < n ? d->cap - d->used : n;
    if (d->buf)
        for (size_t i = 0; i < k; i++) {
            if (o->wide) ((crt_wchar *)d->buf)[d->used + i] = ((const crt_wchar *)s)[i];
            else ((char *)d->buf)[d->used + i] = ((const char *)s)[i];
        }
    d->used += k;
    return 0;
}

/* The full length formatted; *stored the elements that fit in cap. */
static int nt_format(void *buf, size_t cap, int wide, const void *fmt, va_list ap, size_t *stored)
{
    crt_fmtopts opt;
    crt_fmtopts_default(&opt);
    nt_dest d = { buf, cap, 0 };
    crt_out o = { wide, nt_write, &d, 0 };
    int r = crt_vformat(&o, fmt, wide, &opt, ap, NULL);
    *stored = d.used;
    return r;
}

static void nt_terminate(void *buf, int wide, size_t i)
{
    if (wide) ((crt_wchar *)buf)[i] = 0;
    else ((char *)buf)[i] = 0;
}

/* _vsnprintf's rules: fits with room: terminated, its length; fills exactly: unterminated, its
 * length; too long: count elements, unterminated, -1. */
static int nt_legacy(void *buf, size_t count, int wide, const void *fmt, va_list ap)
{
    size_t stored;
    int len = nt_format(buf, count, wide, fmt, ap, &stored);
    if (len < 0) return -1;
    if ((size_t)len < count) nt_terminate(buf, wide, (size_t)len);
    return (size_t)len <= count ? len : -1;
}

/* The _s forms: always terminated. With count _TRUNCATE ((size_t)-1) or below size, what fits in
 * min(count, size - 1) is kept and -1 returned when the output was cut; with count at or above
 * size, output that does not fit empties the buffer and returns -1. */
static int nt_secure(void *buf, size_t size, size_t count, int wide, const void *fmt, va_list ap)
{
    if (buf == NULL || size == 0 || fmt == NULL) return -1;
    int truncating = count == (size_t)-1 || count < size;
    size_t limit = count < size ? count : size - 1;
    size_t stored;
    int len = nt_format(buf, limit, wide, fmt, ap, &stored);
    if (len >= 0 && (size_t)len <= limit) {
        nt_terminate(buf, wide, (size_t)len);
        return len;
    }
    nt_terminate(buf, wide, truncating ? stored : 0);
    return -1;
}

#define NTEXP __declspec(dllexport)
#define VA_FORWARD(call) { va_list ap; va_start(ap, fmt); int r_ = call; va_end(ap); return r_; }

NTEXP int _vsnprintf(char *buf, size_t count, const char *fmt, va_list ap) { return nt_legacy(buf, count, 0, fmt, ap); }
NTEXP int _snprintf(char *buf, size_t count, const char *fmt, ...) VA_FORWARD(_vsnprintf(buf, count, fmt, ap))
NTEXP int vsprintf(char *buf, const char *fmt, va_list ap) { return nt_legacy(buf, (size_t)-1 >> 1, 0, fmt, ap); }
NTEXP int sprintf(char *buf, const char *fmt, ...) VA_FORWARD(vsprintf(buf, fmt, ap))
NTEXP int _vsnwprintf(crt_wchar *buf, size_t count, const crt_wchar *fmt, va_list ap) { return nt_legacy(buf, count, 1, fmt, ap); }
NTEXP int _snwprintf(crt_wchar *buf, size_t count, const crt_wchar *fmt, ...) VA_FORWARD(_vsnwprintf(buf, count, fmt, ap))
NTEXP int _vswprintf(crt_wchar *buf, const crt_wchar *fmt, va_list ap) { return nt_legacy(buf, (size_t)-1 >> 2, 1, fmt, ap); }
NTEXP int _swprintf(crt_wchar *buf, const crt_wchar *fmt, ...) VA_FORWARD(_vswprintf(buf, fmt, ap))
NTEXP int swprintf(crt_wchar *buf, const crt_wchar *fmt, ...) VA_FORWARD(_vswprintf(buf, fmt, ap))
NTEXP int vsprintf_s(char *buf, size_t size, const char *fmt, va_list ap) { return nt_secure(buf, size, size, 0, fmt, ap); }
NTEXP int sprintf_s(char *buf, size_t size, const char *fmt, ...) VA_FORWARD(vsprintf_s(buf, size, fmt, ap))
NTEXP int _vsnprintf_s(char *buf, size_t size, size_t count, const char *fmt, va_list ap) { return nt_secure(buf, size, count, 0, fmt, ap); }
NTEXP int _snprintf_s(char *buf, size_t size, size_t count, const char *fmt, ...) VA_FORWARD(_vsnprintf_s(buf, size, count, fmt, ap))
NTEXP int vswprintf_s(crt_wchar *buf, size_t size, const crt_wchar *fmt, va_list ap) { return nt_secure(buf, size, size, 1, fmt, ap); }
NTEXP int swprintf_s(crt_wchar *buf, size_t size, const crt_wchar *fmt, ...) VA_FORWARD(vswprintf_s(buf, size, fmt, ap))
NTEXP int _vsnwprintf_s(crt_wchar *buf, size_t size, size_t count, const crt_wchar *fmt, va_list ap) { return nt_secure(buf, size, count, 1, fmt, ap); }
NTEXP int _snwprintf_s(crt_wchar *buf, size_t size, size_t count, const crt_wchar *fmt, ...) VA_FORWARD(_vsnwprintf_s(buf, size, count, fmt, ap))

NTEXP int _vscprintf(const char *fmt, va_list ap)
{
    size_t stored;
    return fmt ? nt_format(NULL, 0, 0, fmt, ap, &stored) : -1;
}

NTEXP int _vscwprintf(const crt_wchar *fmt, va_list ap)
{
    size_t stored;
    return fmt ? nt_format(NULL, 0, 1, fmt, ap, &stored) : -1;
}
