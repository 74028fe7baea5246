/* The secure forms of the multibyte string copies, appends, case and fills: dest NULL or size 0
 * is EINVAL; a NULL source empties dest (EINVAL); a result that does not fit empties dest (ERANGE),
 * or with _TRUNCATE keeps what fits, whole characters only, and returns STRUNCATE. */
#include "mbcs.h"
#include "secure.h"

typedef unsigned char uc;
#define TRUNCATE ((size_t)-1)
size_t strlen(const char *);
size_t _mbsnbcnt(const uc *, size_t);
uc *_mbsupr(uc *), *_mbslwr(uc *), *_mbsset(uc *, unsigned), *_mbsnset(uc *, unsigned, size_t);
uc *_mbsnbset(uc *, unsigned, size_t);

/* The bytes of src that fit in room bytes, a character never cut. */
static size_t fit(const uc *src, size_t want, size_t room)
{
    size_t n = 0;
    while (n < want) {
        size_t len = crt_mblead(src[n]) && src[n + 1] && n + 1 < want ? 2 : 1;
        if (n + len > room)
            break;
        n += len;
    }
    return n;
}

/* Put `want` bytes of src at dest + at (the buffer of size bytes); trunc as _TRUNCATE asks. */
static int place(uc *dest, size_t size, size_t at, const uc *src, size_t want, int trunc)
{
    if (at + want < size) {
        for (size_t i = 0; i < want; i++)
            dest[at + i] = src[i];
        dest[at + want] = 0;
        return 0;
    }
    if (!trunc) {
        dest[0] = 0;
        return crt_invalid(CRT_ERANGE);
    }
    size_t n = fit(src, want, size - 1 - at);
    for (size_t i = 0; i < n; i++)
        dest[at + i] = src[i];
    dest[at + n] = 0;
    return CRT_STRUNCATE;
}

static int check(uc *dest, size_t size, const uc *src)
{
    if (dest == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    if (src == NULL) {
        dest[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    return 0;
}

/* dest's length, or size when it has no terminator within its size (EINVAL). */
static size_t dest_len(const uc *dest, size_t size)
{
    size_t n = 0;
    while (n < size && dest[n])
        n++;
    if (n > 0 && crt_mblead(dest[n - 1]) && n < size) {
        size_t i = 0;                                   /* a dangling lead byte is dropped */
        while (i < n - 1)
            i += crt_mblead(dest[i]) && dest[i + 1] ? 2 : 1;
        if (i == n - 1)
            n--;
    }
    return n;
}

CRTEXP int _mbscpy_s(uc *dest, size_t size, const uc *src)
{
    int e = check(dest, size, src);
    return e ? e : place(dest, size, 0, src, strlen((const char *)src), 0);
}

static int ncopy(uc *dest, size_t size, const uc *src, size_t count, int bytes)
{
    int e = check(dest, size, src);
    if (e)
        return e;
    size_t all = strlen((const char *)src);
    size_t want = count == TRUNCATE ? all : bytes ? (count < all ? fit(src, count, count) : all)
                : _mbsnbcnt(src, count);
    return place(dest, size, 0, src, want, count == TRUNCATE);
}

CRTEXP int _mbsncpy_s(uc *d, size_t size, const uc *s, size_t count) { return ncopy(d, size, s, count, 0); }
CRTEXP int _mbsnbcpy_s(uc *d, size_t size, const uc *s, size_t count) { return ncopy(d, size, s, count, 1); }

static int cat(uc *dest, size_t size, const uc *src, size_t count, int bytes)
{
    int e = check(dest, size, src);
    if (e)
        return e;
    size_t at = dest_len(dest, size);
    if (at == size) {
        dest[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    size_t all = strlen((const char *)src);
    size_t want = count == TRUNCATE ? all : bytes ? (count < all ? fit(src, count, count) : all)
                : _mbsnbcnt(src, count);
    return place(dest, size, at, src, want, count == TRUNCATE);
}

CRTEXP int _mbscat_s(uc *d, size_t size, const uc *s) { return cat(d, size, s, (size_t)-2, 1); }
CRTEXP int _mbsncat_s(uc *d, size_t size, const uc *s, size_t count) { return cat(d, size, s, count, 0); }
CRTEXP int _mbsnbcat_s(uc *d, size_t size, const uc *s, size_t count) { return cat(d, size, s, count, 1); }

/* The in-place forms: s must be terminated within its size. */
static int terminated(uc *s, size_t size)
{
    if (s == NULL)
        return crt_invalid(CRT_EINVAL);
    size_t n = 0;
    while (n < size && s[n])
        n++;
    if (n == size) {
        if (size)
            s[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    return 0;
}

CRTEXP int _mbsupr_s(uc *s, size_t size) { int e = terminated(s, size); if (!e) _mbsupr(s); return e; }
CRTEXP int _mbslwr_s(uc *s, size_t size) { int e = terminated(s, size); if (!e) _mbslwr(s); return e; }
CRTEXP int _mbsset_s(uc *s, size_t size, unsigned c) { int e = terminated(s, size); if (!e) _mbsset(s, c); return e; }
CRTEXP int _mbsnset_s(uc *s, size_t size, unsigned c, size_t n)
{
    int e = terminated(s, size);
    if (!e)
        _mbsnset(s, c, n);
    return e;
}
CRTEXP int _mbsnbset_s(uc *s, size_t size, unsigned c, size_t n)
{
    int e = terminated(s, size);
    if (!e)
        _mbsnbset(s, c, n);
    return e;
}
