/* Multibyte strings in the multibyte code page, a lead byte and its trail one character:
 * lengths and counts, searches, comparisons (the _mbscoll forms compare as the _mbscmp ones, as
 * in the "C" locale), case, reversal, filling, copies and appends, _mbstok. A NULL string is an
 * invalid parameter (EINVAL; NULL, 0 or _NLSCMPERROR back). */
#include "mbcs.h"
#include "crtwin.h"
#include "secure.h"

typedef unsigned char uc;
size_t strlen(const char *);
char *_strdup(const char *);
unsigned _mbctolower(unsigned), _mbctoupper(unsigned);

/* The character at p and its length (a lead byte before the terminator is one byte). */
static unsigned next(const uc *p, int *len)
{
    if (crt_mblead(p[0]) && p[1]) {
        *len = 2;
        return (unsigned)p[0] << 8 | p[1];
    }
    *len = 1;
    return p[0];
}

static int bad(const void *a, const void *b)
{
    if (a && b)
        return 0;
    crt_invalid_parameter(CRT_EINVAL);
    return 1;
}

CRTEXP size_t _mbsnbcnt(const uc *s, size_t chars)
{
    if (bad(s, s))
        return 0;
    const uc *p = s;
    int len;
    for (; chars && *p; chars--) {
        next(p, &len);
        p += len;
    }
    return (size_t)(p - s);
}

CRTEXP size_t _mbsnccnt(const uc *s, size_t bytes)
{
    if (bad(s, s))
        return 0;
    size_t n = 0;
    int len;
    for (size_t i = 0; i < bytes && s[i]; n++) {
        next(s + i, &len);
        i += (size_t)len;
    }
    return n;
}

/* _mbslen: a lead byte before the terminator is no character (Windows counts 0 for "\x81"). */
CRTEXP size_t _mbslen(const uc *s)
{
    if (bad(s, s))
        return 0;
    size_t n = 0, i = 0;
    int len;
    while (s[i]) {
        next(s + i, &len);
        if (len == 1 && crt_mblead(s[i]))
            break;
        i += (size_t)len;
        n++;
    }
    return n;
}
CRTEXP size_t _mbsnlen(const uc *s, size_t max) { return _mbsnccnt(s, max); }

CRTEXP uc *_mbschr(const uc *s, unsigned c)
{
    if (bad(s, s))
        return NULL;
    int len;
    for (;; s += len) {
        unsigned ch = next(s, &len);
        if (ch == c)
            return (uc *)s;
        if (!*s)
            return NULL;
    }
}

CRTEXP uc *_mbsrchr(const uc *s, unsigned c)
{
    if (bad(s, s))
        return NULL;
    const uc *found = NULL;
    int len;
    for (;; s += len) {
        if (next(s, &len) == c)
            found = s;
        if (!*s)
            return (uc *)found;
    }
}

CRTEXP uc *_mbsstr(const uc *s, const uc *sub)
{
    if (bad(s, sub))
        return NULL;
    size_t n = strlen((const char *)sub);
    int len;
    for (;; s += len) {
        size_t i = 0;
        while (i < n && s[i] == sub[i])
            i++;
        if (i == n)
            return (uc *)s;
        if (!*s)
            return NULL;
        next(s, &len);
    }
}

/* Compare up to `limit` characters (bytes when `bytes`), folded to lower case when `fold`. */
static int compare(const uc *a, const uc *b, size_t limit, int bytes, int fold)
{
    if (bad(a, b))
        return CRT_NLSCMPERROR;
    int la, lb;
    while (limit) {
        unsigned ca = next(a, &la), cb = next(b, &lb);
        if (bytes && limit < (size_t)(la > lb ? la : lb)) {   /* a character cut at the limit */
            ca = a[0];
            cb = b[0];
            la = lb = 1;
        }
        if (fold) {
            ca = _mbctolower(ca);
            cb = _mbctolower(cb);
        }
        if (ca != cb)
            return ca < cb ? -1 : 1;
        if (!ca)
            return 0;
        a += la;
        b += lb;
        limit -= bytes ? (size_t)la : 1;
    }
    return 0;
}

CRTEXP int _mbscmp(const uc *a, const uc *b) { return compare(a, b, (size_t)-1, 0, 0); }
CRTEXP int _mbsicmp(const uc *a, const uc *b) { return compare(a, b, (size_t)-1, 0, 1); }
CRTEXP int _mbsncmp(const uc *a, const uc *b, size_t n) { return compare(a, b, n, 0, 0); }
CRTEXP int _mbsnicmp(const uc *a, const uc *b, size_t n) { return compare(a, b, n, 0, 1); }
CRTEXP int _mbsnbcmp(const uc *a, const uc *b, size_t n) { return compare(a, b, n, 1, 0); }
CRTEXP int _mbsnbicmp(const uc *a, const uc *b, size_t n) { return compare(a, b, n, 1, 1); }
CRTEXP int _mbscoll(const uc *a, const uc *b) { return _mbscmp(a, b); }
CRTEXP int _mbsicoll(const uc *a, const uc *b) { return _mbsicmp(a, b); }
CRTEXP int _mbsncoll(const uc *a, const uc *b, size_t n) { return _mbsncmp(a, b, n); }
CRTEXP int _mbsnicoll(const uc *a, const uc *b, size_t n) { return _mbsnicmp(a, b, n); }
CRTEXP int _mbsnbcoll(const uc *a, const uc *b, size_t n) { return _mbsnbcmp(a, b, n); }
CRTEXP int _mbsnbicoll(const uc *a, const uc *b, size_t n) { return _mbsnbicmp(a, b, n); }

/* The first character of s that is (in_set) or is not in set, or the terminator. */
static const uc *scan(const uc *s, const uc *set, int in_set)
{
    int len, l2;
    for (; *s; s += len) {
        unsigned c = next(s, &len);
        int found = 0;
        for (const uc *q = set; *q && !found; q += l2)
            found = next(q, &l2) == c;
        if (found == in_set)
            break;
    }
    return s;
}

CRTEXP size_t _mbsspn(const uc *s, const uc *set) { return bad(s, set) ? 0 : (size_t)(scan(s, set, 0) - s); }
CRTEXP size_t _mbscspn(const uc *s, const uc *set) { return bad(s, set) ? 0 : (size_t)(scan(s, set, 1) - s); }

CRTEXP uc *_mbspbrk(const uc *s, const uc *set)
{
    if (bad(s, set))
        return NULL;
    const uc *p = scan(s, set, 1);
    return *p ? (uc *)p : NULL;
}

CRTEXP uc *_mbsspnp(const uc *s, const uc *set)
{
    if (bad(s, set))
        return NULL;
    const uc *p = scan(s, set, 0);
    return *p ? (uc *)p : NULL;
}

/* Store character c at p (its one or two bytes). */
static int put(uc *p, unsigned c)
{
    if (c > 0xFF) {
        p[0] = (uc)(c >> 8);
        p[1] = (uc)c;
        return 2;
    }
    p[0] = (uc)c;
    return 1;
}

static uc *recase(uc *s, int upper)
{
    if (bad(s, s))
        return NULL;
    int len;
    for (uc *p = s; *p; p += len) {
        unsigned c = next(p, &len);
        unsigned m = upper ? _mbctoupper(c) : _mbctolower(c);
        if ((m > 0xFF) == (len == 2))
            put(p, m);
    }
    return s;
}

CRTEXP uc *_mbsupr(uc *s) { return recase(s, 1); }
CRTEXP uc *_mbslwr(uc *s) { return recase(s, 0); }

CRTEXP uc *_mbsrev(uc *s)
{
    if (bad(s, s))
        return NULL;
    size_t n = strlen((char *)s);
    for (size_t i = 0, j = n ? n - 1 : 0; i < j; i++, j--) {     /* bytes first ... */
        uc t = s[i];
        s[i] = s[j];
        s[j] = t;
    }
    for (size_t i = 0; i + 1 < n; i++)                           /* ... then each pair back */
        if (crt_mblead(s[i + 1]) && crt_mbtrail(s[i])) {
            uc t = s[i];
            s[i] = s[i + 1];
            s[i + 1] = t;
            i++;
        }
    return s;
}

/* Fill s with c: at most `limit` characters (bytes when `bytes`); a double-byte c that does not fit
 * leaves a blank in its last byte. */
static uc *fill(uc *s, unsigned c, size_t limit, int bytes)
{
    if (bad(s, s))
        return NULL;
    int width = c > 0xFF ? 2 : 1, len;
    uc *p = s;
    while (limit && *p) {
        next(p, &len);
        if (width == 2 && (!p[1] || (bytes && limit < 2))) {
            *p = ' ';
            break;
        }
        if (width == 1 && len == 2)
            p[1] = ' ';
        p += put(p, c);
        limit -= bytes ? (size_t)width : 1;
        if (width == 2 && len == 1 && *p == 0)
            break;
    }
    return s;
}

CRTEXP uc *_mbsset(uc *s, unsigned c) { return fill(s, c, (size_t)-1, 0); }
CRTEXP uc *_mbsnset(uc *s, unsigned c, size_t n) { return fill(s, c, n, 0); }
CRTEXP uc *_mbsnbset(uc *s, unsigned c, size_t n) { return fill(s, c, n, 1); }

CRTEXP uc *_mbsdup(const uc *s) { return bad(s, s) ? NULL : (uc *)_strdup((const char *)s); }

#ifdef CRT_MSVCRT
CRTEXP uc *_mbscpy(uc *d, const uc *s)
{
    uc *r = d;
    while ((*d++ = *s++))
        ;
    return r;
}

CRTEXP uc *_mbscat(uc *d, const uc *s)
{
    _mbscpy(d + strlen((char *)d), s);
    return d;
}
#endif

/* The bytes of s's first `limit` characters (bytes when `bytes`, never half a character). */
static size_t span(const uc *s, size_t limit, int bytes)
{
    size_t i = 0;
    int len;
    while (limit && s[i]) {
        next(s + i, &len);
        if ((bytes && (size_t)len > limit) || (len == 1 && crt_mblead(s[i])))
            break;                              /* a cut character, or a lead byte before the NUL */
        i += (size_t)len;
        limit -= bytes ? (size_t)len : 1;
    }
    return i;
}

/* d's length, a lead byte left dangling at its end dropped. */
static size_t cut_end(const uc *d)
{
    size_t n = 0;
    int len;
    while (d[n]) {
        next(d + n, &len);
        if (len == 1 && crt_mblead(d[n]))
            break;
        n += (size_t)len;
    }
    return n;
}

CRTEXP uc *_mbsncpy(uc *d, const uc *s, size_t n)
{
    if (bad(d, s))
        return NULL;
    size_t k = span(s, n, 0), chars = _mbsnccnt(s, k);
    for (size_t i = 0; i < k; i++)
        d[i] = s[i];
    for (size_t i = chars; i < n; i++)          /* short: NULs up to n */
        d[k++] = 0;
    return d;
}

CRTEXP uc *_mbsnbcpy(uc *d, const uc *s, size_t n)
{
    if (bad(d, s))
        return NULL;
    size_t k = span(s, n, 1);
    for (size_t i = 0; i < k; i++)
        d[i] = s[i];
    for (; k < n; k++)
        d[k] = 0;
    return d;
}

static uc *append(uc *d, const uc *s, size_t n, int bytes)
{
    if (bad(d, s))
        return NULL;
    size_t at = cut_end(d), k = span(s, n, bytes);
    for (size_t i = 0; i < k; i++)
        d[at + i] = s[i];
    d[at + k] = 0;
    return d;
}

CRTEXP uc *_mbsncat(uc *d, const uc *s, size_t n) { return append(d, s, n, 0); }
CRTEXP uc *_mbsnbcat(uc *d, const uc *s, size_t n) { return append(d, s, n, 1); }

/* _mbstok_s: the next token of s (or of *context's place) between characters of delim. */
CRTEXP uc *_mbstok_s(uc *s, const uc *delim, uc **context)
{
    if (delim == NULL || context == NULL || (s == NULL && *context == NULL)) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    uc *p = s ? s : *context;
    p += scan(p, delim, 0) - p;
    if (!*p) {
        *context = p;
        return NULL;
    }
    uc *end = p + (scan(p, delim, 1) - p);
    if (*end) {
        int len;
        next(end, &len);
        for (int i = 0; i < len; i++)
            end[i] = 0;
        end += len;
    }
    *context = end;
    return p;
}

CRTEXP uc *_mbstok(uc *s, const uc *delim)
{
    crt_ptd *ptd = crt_getptd();
    if (s == NULL && ptd->mbstok_next == NULL)
        return NULL;
    return _mbstok_s(s, delim, &ptd->mbstok_next);
}
