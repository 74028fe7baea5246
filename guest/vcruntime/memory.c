/* The memory and string intrinsics vcruntime140 exports (memcpy, memmove, memset, memcmp, memchr,
 * strchr, strrchr, strstr and the wide three). */
#include "vcruntime.h"

VCRTEXP void *memmove(void *d, const void *s, size_t n)
{
    unsigned char *dp = d;
    const unsigned char *sp = s;
    if (dp == sp || n == 0)
        return d;
    if (dp < sp || dp >= sp + n) {
        while (n >= 8) {
            unsigned long long v;
            __builtin_memcpy(&v, sp, 8);
            __builtin_memcpy(dp, &v, 8);
            dp += 8;
            sp += 8;
            n -= 8;
        }
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

/* memcpy is memmove in vcruntime: overlapping copies come out right. */
VCRTEXP void *memcpy(void *d, const void *s, size_t n)
{
    return memmove(d, s, n);
}

VCRTEXP void *memset(void *d, int c, size_t n)
{
    unsigned char *dp = d;
    unsigned long long v = 0x0101010101010101ull * (unsigned char)c;
    while (n >= 8) {
        __builtin_memcpy(dp, &v, 8);
        dp += 8;
        n -= 8;
    }
    while (n--)
        *dp++ = (unsigned char)c;
    return d;
}

VCRTEXP int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x < *y ? -1 : 1;
    return 0;
}

VCRTEXP void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    for (; n; n--, p++)
        if (*p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

VCRTEXP char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (!*s)
            return NULL;
    }
}

VCRTEXP char *strrchr(const char *s, int c)
{
    const char *r = NULL;
    for (;; s++) {
        if (*s == (char)c)
            r = s;
        if (!*s)
            return (char *)r;
    }
}

VCRTEXP char *strstr(const char *h, const char *n)
{
    if (!*n)
        return (char *)h;
    for (; *h; h++) {
        size_t i = 0;
        while (n[i] && h[i] == n[i])
            i++;
        if (!n[i])
            return (char *)h;
    }
    return NULL;
}

typedef unsigned short wchar;

VCRTEXP wchar *wcschr(const wchar *s, wchar c)
{
    for (;; s++) {
        if (*s == c)
            return (wchar *)s;
        if (!*s)
            return NULL;
    }
}

VCRTEXP wchar *wcsrchr(const wchar *s, wchar c)
{
    const wchar *r = NULL;
    for (;; s++) {
        if (*s == c)
            r = s;
        if (!*s)
            return (wchar *)r;
    }
}

VCRTEXP wchar *wcsstr(const wchar *h, const wchar *n)
{
    if (!*n)
        return (wchar *)h;
    for (; *h; h++) {
        size_t i = 0;
        while (n[i] && h[i] == n[i])
            i++;
        if (!n[i])
            return (wchar *)h;
    }
    return NULL;
}
