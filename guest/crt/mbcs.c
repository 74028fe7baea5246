/* Multibyte and wide characters in LC_CTYPE's code page: in the "C" locale a byte is the character
 * of the same value (a wide character above 0xFF has no form: EILSEQ); with a code page from
 * setlocale, kernel32 converts (MultiByteToWideChar with MB_ERR_INVALID_CHARS, and a character
 * WideCharToMultiByte can only give as the default character is EILSEQ); UTF-8 (UCRT) takes one to
 * four bytes a character, and a character outside the BMP is a surrogate pair where a string is
 * converted. mbtowc/wctomb/mbstowcs/wcstombs/btowc/wctob, the restartable mbrtowc/wcrtomb/mbrlen/
 * mbsrtowcs (a sequence cut at the end of the input is reported as incomplete, not kept in the
 * state), and _mbstrlen. */
#include "crtwin.h"
#include "errno.h"
#include "locstate.h"

size_t mbsrtowcs(crt_wchar *, const char **, size_t, void *);

#define MB_ERR_INVALID_CHARS 8
WINBASEAPI BOOL WINAPI IsDBCSLeadByteEx(unsigned, unsigned char);

/* The sequence at s (at most n bytes): its length (0 for the terminator), -1 invalid, -2 cut
 * short; its character(s) in w[0] (and w[1] for a pair), their count in *count. */
static int decode(crt_wchar *w, int *count, const char *s, size_t n)
{
    unsigned cp = crt_locale.codepage;
    unsigned char b = (unsigned char)*s;
    *count = 1;
    if (n == 0)
        return -2;
    if (cp == 0 || b == 0) {
        w[0] = b;
        return b ? 1 : 0;
    }
    int len = 1;
    if (cp != 65001 && IsDBCSLeadByteEx(cp, b)) {  /* a double-byte code page's lead byte */
        if (n < 2)
            return -2;
        if (s[1] == 0)
            return -1;
        len = 2;
    }
    if (cp == 65001) {
        len = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (!len)
            return -1;
        for (int i = 1; i < len; i++) {
            if ((size_t)i >= n)
                return -2;
            if (((unsigned char)s[i] & 0xC0) != 0x80)
                return -1;
        }
    }
    int got = MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, s, len, w, 2);
    if (got <= 0)
        return -1;
    *count = got;
    return len;
}

/* The character w (with w2, the low half of a pair, or 0) in LC_CTYPE's code page: its bytes'
 * count, or -1. */
static int encode(char *s, crt_wchar w, crt_wchar w2)
{
    unsigned cp = crt_locale.codepage;
    if (cp == 0) {
        if (w > 0xFF)
            return -1;
        s[0] = (char)w;
        return 1;
    }
    crt_wchar pair[2] = { w, w2 };
    int units = w2 ? 2 : 1;
    if (cp == 65001) {
        if ((w >= 0xD800 && w <= 0xDFFF && !w2) || (w2 && (w < 0xD800 || w > 0xDBFF || w2 < 0xDC00 || w2 > 0xDFFF)))
            return -1;                  /* a lone surrogate has no UTF-8 form */
        int got = WideCharToMultiByte(cp, 0, pair, units, s, 4, NULL, NULL);
        return got > 0 ? got : -1;
    }
    BOOL lost = 0;
    int got = WideCharToMultiByte(cp, 0, pair, units, s, 4, NULL, &lost);
    return got > 0 && !lost ? got : -1;
}

static int eilseq(void)
{
    crt_errno = CRT_EILSEQ;
    return -1;
}

CRTEXP int mblen(const char *s, size_t n)
{
    if (s == NULL) return 0;
    crt_wchar w[2];
    int count, r = decode(w, &count, s, n);
    return r < 0 ? -1 : r;
}

CRTEXP int mbtowc(crt_wchar *w, const char *s, size_t n)
{
    if (s == NULL) return 0;
    crt_wchar tmp[2];
    int count, r = decode(tmp, &count, s, n);
    if (r < 0 || count != 1)
        return eilseq();
    if (w) *w = tmp[0];
    return r;
}

CRTEXP int wctomb(char *s, crt_wchar w)
{
    if (s == NULL) return 0;
    char tmp[4];
    int r = encode(tmp, w, 0);
    if (r < 0)
        return eilseq();
    for (int i = 0; i < r; i++) s[i] = tmp[i];
    return r;
}

/* mbstowcs: mbsrtowcs from the start of s, without the state. */
CRTEXP size_t mbstowcs(crt_wchar *w, const char *s, size_t n)
{
    return mbsrtowcs(w, &s, n, NULL);
}

CRTEXP size_t wcstombs(char *s, const crt_wchar *w, size_t n)
{
    size_t out = 0;
    for (size_t i = 0;; i++) {
        if (w[i] == 0) {
            if (s && out < n) s[out] = 0;
            return out;
        }
        crt_wchar low = 0;
        if (crt_locale.codepage == 65001 && w[i] >= 0xD800 && w[i] <= 0xDBFF && w[i + 1] >= 0xDC00 && w[i + 1] <= 0xDFFF)
            low = w[i + 1];
        char tmp[4];
        int r = encode(tmp, w[i], low);
        if (r < 0) {
            eilseq();
            return (size_t)-1;
        }
        if (s && out + (size_t)r > n)
            return out;
        for (int k = 0; k < r; k++, out++)
            if (s) s[out] = tmp[k];
        if (low) i++;
    }
}

CRTEXP unsigned short btowc(int c)
{
    if (c == -1) return 0xFFFF;
    char b = (char)c;
    crt_wchar w[2];
    int count, r = decode(w, &count, &b, 1);
    return r < 0 || count != 1 ? 0xFFFF : w[0];
}

CRTEXP int wctob(unsigned short w)
{
    char tmp[4];
    return encode(tmp, w, 0) == 1 ? (unsigned char)tmp[0] : -1;
}

CRTEXP int mbsinit(const void *state) { return state == NULL || *(const int *)state == 0; }

CRTEXP size_t mbrtowc(crt_wchar *w, const char *s, size_t n, void *state)
{
    (void)state;
    if (s == NULL) return 0;
    crt_wchar tmp[2];
    int count, r = decode(tmp, &count, s, n);
    if (r == -2)
        return (size_t)-2;
    if (r < 0 || count != 1) {
        eilseq();
        return (size_t)-1;
    }
    if (w) *w = tmp[0];
    return (size_t)r;
}

CRTEXP size_t mbrlen(const char *s, size_t n, void *state)
{
    return mbrtowc(NULL, s, n, state);
}

CRTEXP size_t wcrtomb(char *s, crt_wchar w, void *state)
{
    (void)state;
    if (s == NULL) return 1;
    char tmp[4];
    int r = encode(tmp, w, 0);
    if (r < 0) {
        eilseq();
        return (size_t)-1;
    }
    for (int i = 0; i < r; i++) s[i] = tmp[i];
    return (size_t)r;
}

/* mbsrtowcs: LC_CTYPE's multibyte text to wide characters; *src ends past the terminator (NULL)
 * or at the first character not converted for lack of room. */
CRTEXP size_t mbsrtowcs(crt_wchar *w, const char **src, size_t n, void *state)
{
    (void)state;
    const char *s = *src;
    size_t out = 0;
    for (;;) {
        crt_wchar tmp[2];
        int count, r = decode(tmp, &count, s, 4);
        if (r < 0) {
            eilseq();
            return (size_t)-1;
        }
        if (r == 0) {
            if (w) {
                if (out < n) w[out] = 0;
                *src = NULL;
            }
            return out;
        }
        if (w && out + (size_t)count > n) {
            *src = s;
            return out;
        }
        for (int i = 0; i < count; i++, out++)
            if (w) w[out] = tmp[i];
        s += r;
    }
}

/* wcrtomb_s: wcrtomb into a sized buffer, the byte count through *ret. */
CRTEXP int wcrtomb_s(size_t *ret, char *s, size_t size, crt_wchar w, void *state)
{
    char tmp[4];
    if (s && size == 0) {
        crt_errno = CRT_EINVAL;
        return CRT_EINVAL;
    }
    size_t n = wcrtomb(s ? tmp : NULL, w, state);
    if (ret)
        *ret = n;
    if (n == (size_t)-1)
        return CRT_EILSEQ;
    if (s) {
        if (n > size) {
            crt_errno = CRT_ERANGE;
            return CRT_ERANGE;
        }
        for (size_t i = 0; i < n; i++) s[i] = tmp[i];
    }
    return 0;
}

/* _mbstrlen: the characters of a multibyte string in LC_CTYPE's code page (-1 if invalid). */
CRTEXP size_t _mbstrlen(const char *s)
{
    size_t n = 0;
    for (;;) {
        crt_wchar w[2];
        int count, r = decode(w, &count, s, 4);
        if (r < 0) {
            eilseq();
            return (size_t)-1;
        }
        if (r == 0)
            return n;
        n++;
        s += r;
    }
}
