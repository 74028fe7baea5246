/* Wide characters on streams in text mode: each is written as its "C" locale byte (none for
 * characters above 0xFF: WEOF and EILSEQ), and read back a byte at a time. */
#include "stdio.h"
#include "errno.h"

#define WEOF 0xFFFF

CRTEXP unsigned short fputwc(unsigned short c, FILE *f)
{
    if (c > 0xFF) {
        crt_errno = CRT_EILSEQ;
        return WEOF;
    }
    char ch = (char)c;
    crt_lock_stream(f);
    int r = crt_stream_write(f, &ch, 1);
    crt_stream_end_call(f);
    crt_unlock_stream(f);
    return r ? WEOF : c;
}

CRTEXP unsigned short putwc(unsigned short c, FILE *f) { return fputwc(c, f); }
CRTEXP unsigned short putwchar(unsigned short c) { return fputwc(c, &_iob[1]); }

CRTEXP int fputws(const crt_wchar *s, FILE *f)
{
    crt_lock_stream(f);
    int r = 0;
    for (; *s && !r; s++) {
        if (*s > 0xFF) {
            crt_errno = CRT_EILSEQ;
            r = -1;
            break;
        }
        char ch = (char)*s;
        r = crt_stream_write(f, &ch, 1);
    }
    crt_stream_end_call(f);
    crt_unlock_stream(f);
    return r ? -1 : 0;
}

CRTEXP int _putws(const crt_wchar *s)
{
    if (fputws(s, &_iob[1]))
        return -1;
    return fputwc('\n', &_iob[1]) == WEOF ? -1 : 0;
}

CRTEXP unsigned short fgetwc(FILE *f)
{
    crt_lock_stream(f);
    int c = crt_stream_getc(f);
    crt_unlock_stream(f);
    return c < 0 ? WEOF : (unsigned short)c;
}

CRTEXP unsigned short getwc(FILE *f) { return fgetwc(f); }

/* ungetwc: the stream reads a byte per character, so the byte goes back (WEOF for one above 0xFF). */
int ungetc(int c, FILE *f);
CRTEXP unsigned short ungetwc(unsigned short w, FILE *f)
{
    if (w == WEOF || w > 0xFF)
        return WEOF;
    return ungetc(w, f) == -1 ? WEOF : w;
}
CRTEXP unsigned short getwchar(void) { return fgetwc(&_iob[0]); }

CRTEXP crt_wchar *fgetws(crt_wchar *s, int n, FILE *f)
{
    if (s == NULL || n <= 0 || f == NULL) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    crt_lock_stream(f);
    int i = 0;
    while (i < n - 1) {
        int c = crt_stream_getc(f);
        if (c < 0) {
            if (i == 0) {
                crt_unlock_stream(f);
                return NULL;
            }
            break;
        }
        s[i++] = (crt_wchar)c;
        if (c == '\n')
            break;
    }
    s[i] = 0;
    crt_unlock_stream(f);
    return s;
}

CRTEXP void _lock_file(FILE *f) { crt_lock_stream(f); }
CRTEXP void _unlock_file(FILE *f) { crt_unlock_stream(f); }
