/* Wide string functions, standard and Microsoft's (_wcsicmp, _wcsnicmp, _wcsdup, _wcslwr,
 * _wcsupr, the _s forms); case folding as towlower/towupper do it in the "C" locale. */
#include "crtwin.h"
#include "errno.h"

typedef crt_wchar W;
void *malloc(size_t);
unsigned short towlower(unsigned short);
unsigned short towupper(unsigned short);

CRTEXP size_t wcslen(const W *s) { const W *p = s; while (*p) p++; return (size_t)(p - s); }
CRTEXP size_t wcsnlen(const W *s, size_t max) { size_t n = 0; while (n < max && s[n]) n++; return n; }
CRTEXP W *wcscpy(W *d, const W *s) { W *r = d; while ((*d++ = *s++)) ; return r; }
CRTEXP W *wcsncpy(W *d, const W *s, size_t n)
{
    size_t i = 0;
    for (; i < n && s[i]; i++) d[i] = s[i];
    for (; i < n; i++) d[i] = 0;
    return d;
}
CRTEXP W *wcscat(W *d, const W *s) { wcscpy(d + wcslen(d), s); return d; }
CRTEXP W *wcsncat(W *d, const W *s, size_t n)
{
    W *p = d + wcslen(d);
    while (n-- && *s) *p++ = *s++;
    *p = 0;
    return d;
}
CRTEXP int wcscmp(const W *a, const W *b)
{
    while (*a && *a == *b) a++, b++;
    return *a < *b ? -1 : *a > *b;
}
CRTEXP int wcsncmp(const W *a, const W *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b) return *a < *b ? -1 : 1;
        if (!*a) break;
    }
    return 0;
}
CRTEXP int _wcsicmp(const W *a, const W *b)
{
    int x, y;
    do { x = towlower(*a++); y = towlower(*b++); } while (x && x == y);
    return x - y;
}
CRTEXP int _wcsnicmp(const W *a, const W *b, size_t n)
{
    int x = 0, y = 0;
    while (n--) {
        x = towlower(*a++);
        y = towlower(*b++);
        if (!x || x != y) break;
    }
    return x - y;
}
CRTEXP W *wcschr(const W *s, W c)
{
    for (;; s++) {
        if (*s == c) return (W *)s;
        if (!*s) return NULL;
    }
}
CRTEXP W *wcsrchr(const W *s, W c)
{
    const W *r = NULL;
    for (;; s++) {
        if (*s == c) r = s;
        if (!*s) return (W *)r;
    }
}
CRTEXP W *wcsstr(const W *h, const W *n)
{
    size_t ln = wcslen(n);
    if (!ln) return (W *)h;
    for (; *h; h++)
        if (*h == *n && !wcsncmp(h, n, ln)) return (W *)h;
    return NULL;
}
CRTEXP size_t wcsspn(const W *s, const W *set) { size_t n = 0; while (s[n] && wcschr(set, s[n])) n++; return n; }
CRTEXP size_t wcscspn(const W *s, const W *set) { size_t n = 0; while (s[n] && !wcschr(set, s[n])) n++; return n; }
CRTEXP W *wcspbrk(const W *s, const W *set) { s += wcscspn(s, set); return *s ? (W *)s : NULL; }
CRTEXP W *_wcsdup(const W *s)
{
    if (s == NULL) return NULL;
    size_t n = (wcslen(s) + 1) * sizeof(W);
    W *d = malloc(n);
    if (d) for (size_t i = 0; i < n / sizeof(W); i++) d[i] = s[i];
    return d;
}
CRTEXP W *_wcslwr(W *s) { for (W *p = s; *p; p++) *p = towlower(*p); return s; }
CRTEXP W *_wcsupr(W *s) { for (W *p = s; *p; p++) *p = towupper(*p); return s; }
CRTEXP W *_wcsrev(W *s)
{
    size_t n = wcslen(s);
    for (size_t i = 0; i < n / 2; i++) { W t = s[i]; s[i] = s[n - 1 - i]; s[n - 1 - i] = t; }
    return s;
}
CRTEXP W *wmemcpy(W *d, const W *s, size_t n) { for (size_t i = 0; i < n; i++) d[i] = s[i]; return d; }
CRTEXP W *wmemset(W *d, W c, size_t n) { for (size_t i = 0; i < n; i++) d[i] = c; return d; }

static W *tok(W *s, const W *delim, W **context)
{
    if (s == NULL) s = *context;
    if (s == NULL) return NULL;
    s += wcsspn(s, delim);
    if (!*s) { *context = s; return NULL; }
    W *end = s + wcscspn(s, delim);
    if (*end) *end++ = 0;
    *context = end;
    return s;
}
CRTEXP W *wcstok_s(W *s, const W *delim, W **context) { return tok(s, delim, context); }
#ifdef CRT_MSVCRT
CRTEXP W *wcstok(W *s, const W *delim) { return tok(s, delim, &crt_getptd()->wcstok_next); }
#else
CRTEXP W *wcstok(W *s, const W *delim, W **context)
{
    return tok(s, delim, context ? context : &crt_getptd()->wcstok_next);
}
CRTEXP W *_wcstok(W *s, const W *delim) { return tok(s, delim, &crt_getptd()->wcstok_next); }
#endif

CRTEXP int wcscpy_s(W *d, size_t size, const W *s)
{
    if (d == NULL || size == 0) return CRT_EINVAL;
    if (s == NULL) { d[0] = 0; return CRT_EINVAL; }
    size_t n = wcslen(s);
    if (n >= size) { d[0] = 0; return CRT_ERANGE; }
    wmemcpy(d, s, n + 1);
    return 0;
}
CRTEXP int wcscat_s(W *d, size_t size, const W *s)
{
    if (d == NULL || size == 0) return CRT_EINVAL;
    if (s == NULL) { d[0] = 0; return CRT_EINVAL; }
    size_t dl = wcsnlen(d, size);
    if (dl == size) { d[0] = 0; return CRT_EINVAL; }
    size_t n = wcslen(s);
    if (dl + n >= size) { d[0] = 0; return CRT_ERANGE; }
    wmemcpy(d + dl, s, n + 1);
    return 0;
}
