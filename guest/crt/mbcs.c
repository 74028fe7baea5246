/* Multibyte and wide characters in the "C" locale, where a byte is the character of the same
 * value: mbtowc/wctomb/mbstowcs/wcstombs/btowc/wctob, the restartable mbrtowc/wcrtomb/mbrlen,
 * and _mbstrlen. A wide character above 0xFF has no "C" form: EILSEQ. */
#include "crtbase.h"
#include "errno.h"

CRTEXP int mblen(const char *s, size_t n)
{
    if (s == NULL) return 0;
    if (n == 0) return -1;
    return *s ? 1 : 0;
}

CRTEXP int mbtowc(crt_wchar *w, const char *s, size_t n)
{
    if (s == NULL) return 0;
    if (n == 0) return -1;
    if (w) *w = (unsigned char)*s;
    return *s ? 1 : 0;
}

CRTEXP int wctomb(char *s, crt_wchar w)
{
    if (s == NULL) return 0;
    if (w > 0xFF) {
        crt_errno = CRT_EILSEQ;
        return -1;
    }
    *s = (char)w;
    return 1;
}

CRTEXP size_t mbstowcs(crt_wchar *w, const char *s, size_t n)
{
    size_t i = 0;
    if (w == NULL) {
        while (s[i]) i++;
        return i;
    }
    for (; i < n; i++) {
        w[i] = (unsigned char)s[i];
        if (!s[i]) return i;
    }
    return i;
}

CRTEXP size_t wcstombs(char *s, const crt_wchar *w, size_t n)
{
    size_t i = 0;
    for (; s == NULL || i < n; i++) {
        if (w[i] > 0xFF) {
            crt_errno = CRT_EILSEQ;
            return (size_t)-1;
        }
        if (s) s[i] = (char)w[i];
        if (!w[i]) return i;
    }
    return i;
}

CRTEXP unsigned short btowc(int c) { return c == -1 ? 0xFFFF : (unsigned short)(unsigned char)c; }
CRTEXP int wctob(unsigned short w) { return w > 0xFF ? -1 : (int)w; }
CRTEXP int mbsinit(const void *state) { return state == NULL || *(const int *)state == 0; }

CRTEXP size_t mbrtowc(crt_wchar *w, const char *s, size_t n, void *state)
{
    (void)state;
    if (s == NULL) return 0;
    if (n == 0) return (size_t)-2;
    if (w) *w = (unsigned char)*s;
    return *s ? 1 : 0;
}

CRTEXP size_t mbrlen(const char *s, size_t n, void *state)
{
    return mbrtowc(NULL, s, n, state);
}

CRTEXP size_t wcrtomb(char *s, crt_wchar w, void *state)
{
    (void)state;
    if (s == NULL) return 1;
    if (w > 0xFF) {
        crt_errno = CRT_EILSEQ;
        return (size_t)-1;
    }
    *s = (char)w;
    return 1;
}

/* mbsrtowcs: the "C" locale's bytes to wide characters; *src ends past the terminator (NULL)
 * or at the first character not converted for lack of room. */
CRTEXP size_t mbsrtowcs(crt_wchar *w, const char **src, size_t n, void *state)
{
    (void)state;
    const char *s = *src;
    size_t i = 0;
    for (; w == NULL || i < n; i++) {
        if (w)
            w[i] = (unsigned char)s[i];
        if (!s[i]) {
            if (w)
                *src = NULL;
            return i;
        }
    }
    *src = s + i;
    return i;
}

/* wcrtomb_s: wcrtomb into a sized buffer, the byte count through *ret. */
CRTEXP int wcrtomb_s(size_t *ret, char *s, size_t size, crt_wchar w, void *state)
{
    char tmp[1];
    if (s && size == 0) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    size_t n = wcrtomb(s ? tmp : NULL, w, state);
    if (ret)
        *ret = n;
    if (n == (size_t)-1)
        return CRT_EILSEQ;
    if (s)
        s[0] = tmp[0];
    return 0;
}

CRTEXP size_t _mbstrlen(const char *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return n;
}
