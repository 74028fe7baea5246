/* Memory and narrow string functions, the standard ones and Microsoft's (_stricmp, _strnicmp,
 * _strdup, _strlwr, _strupr, _strrev, _strset, _memicmp, strnlen ...), for the "C" locale. */
#include "crtbase.h"
#include "errno.h"

void *malloc(size_t);

CRTEXP void *memcpy(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    while (n >= 8) {
        uint64_t v;
        __builtin_memcpy(&v, sp, 8);
        __builtin_memcpy(dp, &v, 8);
        dp += 8;
        sp += 8;
        n -= 8;
    }
    while (n--)
        *dp++ = *sp++;
    return d;
}

CRTEXP void *memmove(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    if (dp == sp || n == 0)
        return d;
    if (dp < sp || dp >= sp + n) {
        while (n--)
            *dp++ = *sp++;
    } else {
        dp += n;
        sp += n;
        while (n--)
            *--dp = *--sp;
    }
    return d;
}

CRTEXP void *memset(void *d, int c, size_t n)
{
    unsigned char *dp = d;
    while (n--)
        *dp++ = (unsigned char)c;
    return d;
}

CRTEXP int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}

CRTEXP void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    for (; n; n--, p++)
        if (*p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

CRTEXP size_t strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

CRTEXP size_t strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

CRTEXP char *strcpy(char *d, const char *s)
{
    char *r = d;
    while ((*d++ = *s++))
        ;
    return r;
}

CRTEXP char *strncpy(char *d, const char *s, size_t n)
{
    size_t i = 0;
    for (; i < n && s[i]; i++)
        d[i] = s[i];
    for (; i < n; i++)
        d[i] = 0;
    return d;
}

CRTEXP char *strcat(char *d, const char *s)
{
    strcpy(d + strlen(d), s);
    return d;
}

CRTEXP char *strncat(char *d, const char *s, size_t n)
{
    char *p = d + strlen(d);
    while (n-- && *s)
        *p++ = *s++;
    *p = 0;
    return d;
}

CRTEXP int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    int d = (unsigned char)*a - (unsigned char)*b;
    return d < 0 ? -1 : d > 0;
}

CRTEXP int strncmp(const char *a, const char *b, size_t n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b)
            return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        if (!*a)
            break;
    }
    return 0;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int upper(int c)
{
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

CRTEXP int _stricmp(const char *a, const char *b)
{
    int x, y;
    do {
        x = lower((unsigned char)*a++);
        y = lower((unsigned char)*b++);
    } while (x && x == y);
    return x - y;
}

CRTEXP int _strnicmp(const char *a, const char *b, size_t n)
{
    int x = 0, y = 0;
    while (n--) {
        x = lower((unsigned char)*a++);
        y = lower((unsigned char)*b++);
        if (!x || x != y)
            break;
    }
    return x - y;
}

CRTEXP int _memicmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++) {
        int d = lower(*x) - lower(*y);
        if (d)
            return d;
    }
    return 0;
}

CRTEXP char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

CRTEXP char *strrchr(const char *s, int c)
{
    const char *r = NULL;
    for (;; s++) {
        if (*s == (char)c)
            r = s;
        if (!*s)
            return (char *)r;
    }
}

CRTEXP char *strstr(const char *h, const char *n)
{
    size_t ln = strlen(n);
    if (!ln)
        return (char *)h;
    for (; *h; h++)
        if (*h == *n && !strncmp(h, n, ln))
            return (char *)h;
    return NULL;
}

CRTEXP size_t strspn(const char *s, const char *set)
{
    size_t n = 0;
    while (s[n] && strchr(set, s[n]))
        n++;
    return n;
}

CRTEXP size_t strcspn(const char *s, const char *set)
{
    size_t n = 0;
    while (s[n] && !strchr(set, s[n]))
        n++;
    return n;
}

CRTEXP char *strpbrk(const char *s, const char *set)
{
    s += strcspn(s, set);
    return *s ? (char *)s : NULL;
}

CRTEXP char *_strdup(const char *s)
{
    if (s == NULL)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

CRTEXP char *_strlwr(char *s)
{
    for (char *p = s; *p; p++)
        *p = (char)lower((unsigned char)*p);
    return s;
}

CRTEXP char *_strupr(char *s)
{
    for (char *p = s; *p; p++)
        *p = (char)upper((unsigned char)*p);
    return s;
}

CRTEXP char *_strrev(char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n / 2; i++) {
        char t = s[i];
        s[i] = s[n - 1 - i];
        s[n - 1 - i] = t;
    }
    return s;
}

CRTEXP char *_strset(char *s, int c)
{
    for (char *p = s; *p; p++)
        *p = (char)c;
    return s;
}

CRTEXP char *_strnset(char *s, int c, size_t n)
{
    for (char *p = s; *p && n; p++, n--)
        *p = (char)c;
    return s;
}

CRTEXP size_t strxfrm(char *d, const char *s, size_t n)
{
    size_t len = strlen(s);
    if (len < n)
        strcpy(d, s);
    return len;
}

/* strtok keeps its place per thread (the runtime's per-thread data). */
#include "crtwin.h"
CRTEXP char *strtok_s(char *s, const char *delim, char **context)
{
    if (s == NULL)
        s = *context;
    if (s == NULL)
        return NULL;
    s += strspn(s, delim);
    if (!*s) {
        *context = s;
        return NULL;
    }
    char *end = s + strcspn(s, delim);
    if (*end)
        *end++ = 0;
    *context = end;
    return s;
}

CRTEXP char *strtok(char *s, const char *delim)
{
    return strtok_s(s, delim, &crt_getptd()->strtok_next);
}

/* ---- the _s forms: EINVAL on null arguments, ERANGE (and an empty result) when it does not fit ---- */

CRTEXP int strcpy_s(char *d, size_t size, const char *s)
{
    if (d == NULL || size == 0)
        return CRT_EINVAL;
    if (s == NULL) {
        d[0] = 0;
        return CRT_EINVAL;
    }
    size_t n = strlen(s);
    if (n >= size) {
        d[0] = 0;
        return CRT_ERANGE;
    }
    memcpy(d, s, n + 1);
    return 0;
}

CRTEXP int strcat_s(char *d, size_t size, const char *s)
{
    if (d == NULL || size == 0)
        return CRT_EINVAL;
    if (s == NULL) {
        d[0] = 0;
        return CRT_EINVAL;
    }
    size_t dl = strnlen(d, size);
    if (dl == size) {
        d[0] = 0;
        return CRT_EINVAL;
    }
    size_t n = strlen(s);
    if (dl + n >= size) {
        d[0] = 0;
        return CRT_ERANGE;
    }
    memcpy(d + dl, s, n + 1);
    return 0;
}

CRTEXP int strncpy_s(char *d, size_t size, const char *s, size_t count)
{
    if (d == NULL || size == 0)
        return CRT_EINVAL;
    if (s == NULL) {
        d[0] = 0;
        return count ? CRT_EINVAL : 0;
    }
    size_t n = strnlen(s, count);
    if (count == (size_t)-1 && n >= size) {      /* _TRUNCATE */
        memcpy(d, s, size - 1);
        d[size - 1] = 0;
        return CRT_STRUNCATE;
    }
    if (n >= size) {
        d[0] = 0;
        return CRT_ERANGE;
    }
    memcpy(d, s, n);
    d[n] = 0;
    return 0;
}

CRTEXP int memcpy_s(void *d, size_t size, const void *s, size_t n)
{
    if (n == 0)
        return 0;
    if (d == NULL)
        return CRT_EINVAL;
    if (s == NULL || size < n) {
        memset(d, 0, size);
        return s == NULL ? CRT_EINVAL : CRT_ERANGE;
    }
    memcpy(d, s, n);
    return 0;
}

CRTEXP int memmove_s(void *d, size_t size, const void *s, size_t n)
{
    if (n == 0)
        return 0;
    if (d == NULL || s == NULL)
        return CRT_EINVAL;
    if (size < n)
        return CRT_ERANGE;
    memmove(d, s, n);
    return 0;
}
