/* The C string and memory routines ntdll exports (and the compiler may call). */
#include "ntdll.h"

NTSYSAPI void *memcpy(void *dst, const void *src, SIZE_T n)
{
    UCHAR *d = dst;
    const UCHAR *s = src;
    while (n--) *d++ = *s++;
    return dst;
}

NTSYSAPI void *memmove(void *dst, const void *src, SIZE_T n)
{
    UCHAR *d = dst;
    const UCHAR *s = src;
    if (d < s) { while (n--) *d++ = *s++; }
    else { d += n; s += n; while (n--) *--d = *--s; }
    return dst;
}

NTSYSAPI void *memset(void *dst, int c, SIZE_T n)
{
    UCHAR *d = dst;
    while (n--) *d++ = (UCHAR)c;
    return dst;
}

NTSYSAPI int memcmp(const void *a, const void *b, SIZE_T n)
{
    const UCHAR *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y) return *x - *y;
    return 0;
}

NTSYSAPI SIZE_T strlen(const char *s)
{
    const char *p = s;
    while (*p) p++;
    return (SIZE_T)(p - s);
}

NTSYSAPI SIZE_T wcslen(const WCHAR *s)
{
    const WCHAR *p = s;
    while (*p) p++;
    return (SIZE_T)(p - s);
}
