/* The sized and restartable forms of the multibyte and wide string conversions over mbcs.c:
 * mbstowcs_s, wcstombs_s, wctomb_s, mbsrtowcs_s, wcsrtombs, wcsrtombs_s and the _l forms. The
 * documented rules: a null destination with a nonzero size (or a destination with size 0) is
 * EINVAL; with no destination the size the result needs (terminator included) is returned; count
 * limits the characters (bytes for the wide-to-multibyte ones) except when sizing, _TRUNCATE
 * keeps what fits and
 * returns STRUNCATE; a result that does not fit empties the destination, ERANGE; an unconvertible
 * character empties it, EILSEQ. *ret is the count written, terminator included. */
#include "secure.h"

typedef crt_wchar W;
#define TRUNCATE_ ((size_t)-1)
size_t mbstowcs(W *, const char *, size_t);
size_t wcstombs(char *, const W *, size_t);
size_t mbsrtowcs(W *, const char **, size_t, void *);
int wctomb(char *, W);

/* The common steps once the source's converted length is known: how much to convert (*limit),
 * or an error code, with the destination emptied on errors. */
static int plan(void *d, int wide, size_t size, size_t total, size_t count, size_t *limit, int *truncated)
{
    *truncated = 0;
    size_t n = total < count || d == NULL ? total : count;     /* sizing ignores count */
    if (d && n >= size) {
        if (count != TRUNCATE_) {
            if (wide)
                *(W *)d = 0;
            else
                *(char *)d = 0;
            return crt_invalid(CRT_ERANGE);
        }
        n = size - 1;
        *truncated = 1;
    }
    *limit = n;
    return 0;
}

static int check_args(const void *d, size_t size, const void *src, void *empty, int wide)
{
    if ((d == NULL) != (size == 0))
        return crt_invalid(CRT_EINVAL);
    if (src == NULL) {
        if (empty) {
            if (wide)
                *(W *)empty = 0;
            else
                *(char *)empty = 0;
        }
        return crt_invalid(CRT_EINVAL);
    }
    return 0;
}

CRTEXP int mbstowcs_s(size_t *ret, W *d, size_t size, const char *s, size_t count)
{
    if (ret)
        *ret = 0;
    int err = check_args(d, size, s, d, 1);
    if (err)
        return err;
    size_t total = mbstowcs(NULL, s, 0);
    if (total == (size_t)-1) {
        if (d)
            d[0] = 0;
        return CRT_EILSEQ;
    }
    size_t limit;
    int truncated;
    if ((err = plan(d, 1, size, total, count, &limit, &truncated)))
        return err;
    size_t got = limit;
    if (d) {
        got = mbstowcs(d, s, limit);
        d[got] = 0;
    }
    if (ret)
        *ret = got + 1;
    return truncated ? CRT_STRUNCATE : 0;
}

CRTEXP int wcstombs_s(size_t *ret, char *d, size_t size, const W *s, size_t count)
{
    if (ret)
        *ret = 0;
    int err = check_args(d, size, s, d, 0);
    if (err)
        return err;
    size_t total = wcstombs(NULL, s, 0);
    if (total == (size_t)-1) {
        if (d)
            d[0] = 0;
        return CRT_EILSEQ;
    }
    size_t limit;
    int truncated;
    if ((err = plan(d, 0, size, total, count, &limit, &truncated)))
        return err;
    size_t got = limit;
    if (d) {
        got = wcstombs(d, s, limit);
        d[got] = 0;
    }
    if (ret)
        *ret = got + 1;
    return truncated ? CRT_STRUNCATE : 0;
}

CRTEXP size_t _wcstombs_l(char *d, const W *s, size_t n, void *loc) { (void)loc; return wcstombs(d, s, n); }

CRTEXP int _wcstombs_s_l(size_t *ret, char *d, size_t size, const W *s, size_t count, void *loc)
{
    (void)loc;
    return wcstombs_s(ret, d, size, s, count);
}

/* wctomb_s: the character's bytes (none for a null destination: no shift states) and their count. */
CRTEXP int wctomb_s(int *ret, char *d, size_t size, W w)
{
    if (d == NULL && size) {
        if (ret)
            *ret = -1;
        return crt_invalid(CRT_EINVAL);
    }
    if (d == NULL) {
        if (ret)
            *ret = 0;
        return 0;
    }
    char tmp[8];
    int n = wctomb(tmp, w);
    if (n < 0) {
        if (ret)
            *ret = -1;
        return CRT_EILSEQ;
    }
    if ((size_t)n > size) {
        if (ret)
            *ret = -1;
        return crt_invalid(CRT_ERANGE);
    }
    for (int i = 0; i < n; i++)
        d[i] = tmp[i];
    if (ret)
        *ret = n;
    return 0;
}

CRTEXP int _wctomb_s_l(int *ret, char *d, size_t size, W w, void *loc) { (void)loc; return wctomb_s(ret, d, size, w); }

/* mbsrtowcs_s: mbstowcs_s from *src, which moves past what was converted (NULL once the
 * terminator is). */
CRTEXP int mbsrtowcs_s(size_t *ret, W *d, size_t size, const char **src, size_t count, void *state)
{
    if (ret)
        *ret = 0;
    if (src == NULL)
        return crt_invalid(CRT_EINVAL);
    int err = check_args(d, size, *src, d, 1);
    if (err)
        return err;
    const char *probe = *src;
    size_t total = mbsrtowcs(NULL, &probe, 0, state);
    if (total == (size_t)-1) {
        if (d)
            d[0] = 0;
        return CRT_EILSEQ;
    }
    size_t limit;
    int truncated;
    if ((err = plan(d, 1, size, total, count, &limit, &truncated)))
        return err;
    size_t got = limit;
    if (d) {
        got = mbsrtowcs(d, src, limit, state);
        if (got == total)
            *src = NULL;
        d[got] = 0;
    }
    if (ret)
        *ret = got + 1;
    return truncated ? CRT_STRUNCATE : 0;
}

/* wcsrtombs: wcstombs from *src, one character (a surrogate pair in UTF-8) at a time, so that
 * *src can stop at the first character that does not fit (NULL past the terminator). */
CRTEXP size_t wcsrtombs(char *d, const W **src, size_t n, void *state)
{
    (void)state;
    const W *s = *src;
    size_t out = 0;
    for (;;) {
        W one[3] = { s[0], 0, 0 };
        size_t units = 1;
        if (s[0] >= 0xD800 && s[0] <= 0xDBFF && s[1] >= 0xDC00 && s[1] <= 0xDFFF)
            one[1] = s[1], units = 2;
        char tmp[8];
        size_t r = s[0] ? wcstombs(tmp, one, sizeof tmp) : 0;
        if (r == (size_t)-1)
            return (size_t)-1;
        if (s[0] == 0) {
            if (d) {
                if (out < n)
                    d[out] = 0;
                *src = NULL;
            }
            return out;
        }
        if (d && out + r > n) {
            *src = s;
            return out;
        }
        for (size_t i = 0; i < r; i++, out++)
            if (d)
                d[out] = tmp[i];
        s += units;
    }
}

CRTEXP int wcsrtombs_s(size_t *ret, char *d, size_t size, const W **src, size_t count, void *state)
{
    if (ret)
        *ret = 0;
    if (src == NULL)
        return crt_invalid(CRT_EINVAL);
    int err = check_args(d, size, *src, d, 0);
    if (err)
        return err;
    const W *probe = *src;
    size_t total = wcsrtombs(NULL, &probe, 0, state);
    if (total == (size_t)-1) {
        if (d)
            d[0] = 0;
        return CRT_EILSEQ;
    }
    size_t limit;
    int truncated;
    if ((err = plan(d, 0, size, total, count, &limit, &truncated)))
        return err;
    size_t got = limit;
    if (d) {
        got = wcsrtombs(d, src, limit, state);
        if (got == total)
            *src = NULL;
        d[got] = 0;
    }
    if (ret)
        *ret = got + 1;
    return truncated ? CRT_STRUNCATE : 0;
}
