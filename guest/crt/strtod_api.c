/* strtod, strtof, atof, wcstod, _wtof over crt_strtod and crt_strtof: the UCRT also reads inf, nan and hexadecimal
 * floating point, msvcrt.dll only decimal; out of range sets errno to ERANGE. */
#include "crtbase.h"
#include "strtod.h"
#include "errno.h"

#ifdef CRT_UCRT
#define UCRT_SYNTAX 1
#else
#define UCRT_SYNTAX 0
#endif

CRTEXP double strtod(const char *s, char **end)
{
    int range;
    double d = crt_strtod(s, end, &range, UCRT_SYNTAX);
    if (range)
        crt_errno = CRT_ERANGE;
    return d;
}

/* strtof rounds the text once, directly to float (not through double); C99, the UCRT's. */
CRTEXP float strtof(const char *s, char **end)
{
    int range;
    float f = crt_strtof(s, end, &range, UCRT_SYNTAX);
    if (range)
        crt_errno = CRT_ERANGE;
    return f;
}

CRTEXP double atof(const char *s)
{
    return strtod(s, NULL);
}

/* The wide forms read the same syntax, which is all ASCII: a copy up to the first other character. */
CRTEXP double wcstod(const crt_wchar *s, crt_wchar **end)
{
    char buf[1100];
    size_t n = 0;
    while (n < sizeof buf - 1 && s[n] && s[n] < 0x80) {
        buf[n] = (char)s[n];
        n++;
    }
    buf[n] = 0;
    char *e;
    double d = strtod(buf, &e);
    if (end)
        *end = (crt_wchar *)s + (e - buf);
    return d;
}

CRTEXP double _wtof(const crt_wchar *s)
{
    return wcstod(s, NULL);
}

CRTEXP float wcstof(const crt_wchar *s, crt_wchar **end)
{
    char buf[1100];
    size_t n = 0;
    while (n < sizeof buf - 1 && s[n] && s[n] < 0x80) {
        buf[n] = (char)s[n];
        n++;
    }
    buf[n] = 0;
    char *e;
    float f = strtof(buf, &e);
    if (end)
        *end = (crt_wchar *)s + (e - buf);
    return f;
}

/* long double is double on x64 Windows. */
CRTEXP double strtold(const char *s, char **end) { return strtod(s, end); }
CRTEXP double wcstold(const crt_wchar *s, crt_wchar **end) { return wcstod(s, end); }
