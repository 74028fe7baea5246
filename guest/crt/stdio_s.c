/* The stream forms the runtime lacked: gets_s/_getws_s and msvcrt.dll's gets/_getws (a line of
 * stdin without its newline; both runtimes export them), fread_s (fread into a sized buffer), freopen_s/_wfreopen_s and
 * _wfdopen. gets_s reads the whole line even when it does not fit, then empties the buffer and
 * reports ERANGE; a null buffer or a zero size is EINVAL; end of file before any character gives
 * NULL (and an empty buffer). Errors go through the invalid-parameter step. */
#include "stdio.h"
#include "secure.h"

typedef crt_wchar W;
size_t fread(void *, size_t, size_t, FILE *);
FILE *freopen(const char *, const char *, FILE *);
FILE *_wfreopen(const W *, const W *, FILE *);
FILE *_fdopen(int, const char *);
unsigned short fgetwc(FILE *);
int fgetc(FILE *);
int ungetc(int, FILE *);

/* One line of stdin into buf (size characters, 0: no limit): NULL at end of file before any
 * character; *overflow when the line did not fit. */
#define DEFINE_LINE(NAME, T, GET, END)                                                             \
static T *NAME(T *buf, size_t size, int *overflow)                                                 \
{                                                                                                  \
    FILE *in = &_iob[0];                                                                           \
    size_t n = 0;                                                                                  \
    int any = 0;                                                                                   \
    *overflow = 0;                                                                                 \
    crt_lock_stream(in);                                                                           \
    for (;;) {                                                                                     \
        int c = GET;                                                                               \
        if (c == END) {                                                                            \
            if (!any) {                                                                            \
                crt_unlock_stream(in);                                                             \
                if (size) buf[0] = 0;                                                              \
                return NULL;                                                                       \
            }                                                                                      \
            break;                                                                                 \
        }                                                                                          \
        any = 1;                                                                                   \
        if (c == '\n')                                                                             \
            break;                                                                                 \
        if (size && n + 1 >= size)                                                                 \
            *overflow = 1;                                                                         \
        else                                                                                       \
            buf[n++] = (T)c;                                                                       \
    }                                                                                              \
    crt_unlock_stream(in);                                                                         \
    buf[n] = 0;                                                                                    \
    return buf;                                                                                    \
}

DEFINE_LINE(line_a, char, crt_stream_getc(in), CRT_EOF)
DEFINE_LINE(line_w, W, (int)fgetwc(in), 0xFFFF)

CRTEXP char *gets_s(char *buf, size_t size)
{
    int overflow;
    if (buf == NULL || size == 0) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    char *r = line_a(buf, size, &overflow);
    if (overflow) {
        buf[0] = 0;
        crt_invalid_parameter(CRT_ERANGE);
        return NULL;
    }
    return r;
}

CRTEXP W *_getws_s(W *buf, size_t size)
{
    int overflow;
    if (buf == NULL || size == 0) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    W *r = line_w(buf, size, &overflow);
    if (overflow) {
        buf[0] = 0;
        crt_invalid_parameter(CRT_ERANGE);
        return NULL;
    }
    return r;
}

CRTEXP char *gets(char *buf)
{
    int overflow;
    return buf ? line_a(buf, 0, &overflow) : NULL;
}

CRTEXP W *_getws(W *buf)
{
    int overflow;
    return buf ? line_w(buf, 0, &overflow) : NULL;
}

/* fread_s: the whole elements that fit in size bytes; asking for more than fits, while the stream
 * has more, is ERANGE. */
CRTEXP size_t fread_s(void *buf, size_t size, size_t elem, size_t count, FILE *f)
{
    if (elem == 0 || count == 0)
        return 0;
    if (buf == NULL || f == NULL) {
        if (buf && size)
            for (size_t i = 0; i < size; i++) ((char *)buf)[i] = 0;
        crt_invalid_parameter(CRT_EINVAL);
        return 0;
    }
    size_t fit = size / elem;
    if (count <= fit)
        return fread(buf, elem, count, f);
    size_t got = fread(buf, elem, fit, f);
    if (got == fit) {
        int c = fgetc(f);                               /* is there more? */
        if (c != CRT_EOF) {
            ungetc(c, f);
            crt_invalid_parameter(CRT_ERANGE);
        }
    }
    return got;
}

CRTEXP int freopen_s(FILE **pf, const char *path, const char *mode, FILE *f)
{
    if (pf == NULL)
        return crt_invalid(CRT_EINVAL);
    *pf = freopen(path, mode, f);
    return *pf ? 0 : crt_errno;
}

CRTEXP int _wfreopen_s(FILE **pf, const W *path, const W *mode, FILE *f)
{
    if (pf == NULL)
        return crt_invalid(CRT_EINVAL);
    *pf = _wfreopen(path, mode, f);
    return *pf ? 0 : crt_errno;
}

/* _wfdopen: _fdopen with the mode in UTF-16 (all of its characters are ASCII). */
CRTEXP FILE *_wfdopen(int fd, const W *mode)
{
    char m[64];
    size_t i = 0;
    if (mode == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    for (; mode[i] && i < sizeof m - 1; i++) {
        if (mode[i] >= 0x80) {
            crt_invalid_parameter(CRT_EINVAL);
            return NULL;
        }
        m[i] = (char)mode[i];
    }
    m[i] = 0;
    return _fdopen(fd, m);
}
