/* String to integer: strtol/strtoul/_strtoi64/_strtoui64/strtoll/strtoull/atoi ... and the wide
 * ones, with Windows' rules: leading blanks, a sign, base 0 finds 0x and 0, overflow clamps to
 * the type's limit with errno ERANGE, a minus sign negates an unsigned result, no digits gives
 * 0 with the end pointer at the start; and the other way, _itoa/_ui64toa and their wide forms. */
#include "crtbase.h"
#include "errno.h"

static int digit_value(unsigned c)
{
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'z') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z') return (int)(c - 'A' + 10);
    return 99;
}

static int blank(unsigned c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* The common parse: the magnitude (clamped), the sign and where it stopped. `limit` is the
 * largest magnitude for positive results, `neglimit` for negative ones. */
#define DEFINE_PARSE(NAME, T)                                                                   \
static unsigned long long NAME(const T *s, T **end, int base, unsigned long long limit,        \
                               unsigned long long neglimit, int is_signed)                     \
{                                                                                               \
    const T *p = s;                                                                             \
    if (end) *end = (T *)s;                                                                     \
    if (base != 0 && (base < 2 || base > 36)) { crt_errno = CRT_EINVAL; return 0; }             \
    while (blank(*p)) p++;                                                                      \
    int neg = 0;                                                                                \
    if (*p == '-') { neg = 1; p++; } else if (*p == '+') p++;                                   \
    if (base == 0) {                                                                            \
        if (*p == '0' && (p[1] == 'x' || p[1] == 'X') && digit_value(p[2]) < 16) base = 16;     \
        else if (*p == '0') base = 8;                                                           \
        else base = 10;                                                                         \
    }                                                                                           \
    if (base == 16 && *p == '0' && (p[1] == 'x' || p[1] == 'X') && digit_value(p[2]) < 16)      \
        p += 2;                                                                                 \
    unsigned long long v = 0;                                                                   \
    int any = 0, over = 0;                                                                      \
    unsigned long long max = neg && is_signed ? neglimit : limit;                               \
    for (;; p++) {                                                                              \
        int d = digit_value(*p);                                                                \
        if (d >= base) break;                                                                   \
        any = 1;                                                                                \
        if (v > (max - d) / base) over = 1;                                                     \
        else v = v * base + d;                                                                  \
    }                                                                                           \
    if (!any) return 0;                                                                         \
    if (end) *end = (T *)p;                                                                     \
    if (over) {                                                                                 \
        crt_errno = CRT_ERANGE;                                                                 \
        return is_signed ? (neg ? 0 - neglimit : limit) : limit;                                \
    }                                                                                           \
    return neg ? 0 - v : v;                                                                     \
}

DEFINE_PARSE(parse_a, char)
DEFINE_PARSE(parse_w, crt_wchar)

#define L32 0x7FFFFFFFull
#define L64 0x7FFFFFFFFFFFFFFFull

CRTEXP long strtol(const char *s, char **e, int b) { return (long)parse_a(s, e, b, L32, L32 + 1, 1); }
CRTEXP unsigned long strtoul(const char *s, char **e, int b) { return (unsigned long)parse_a(s, e, b, 0xFFFFFFFFull, 0, 0); }
CRTEXP long long _strtoi64(const char *s, char **e, int b) { return (long long)parse_a(s, e, b, L64, L64 + 1, 1); }
CRTEXP unsigned long long _strtoui64(const char *s, char **e, int b) { return parse_a(s, e, b, ~0ull, 0, 0); }
CRTEXP long long strtoll(const char *s, char **e, int b) { return _strtoi64(s, e, b); }
CRTEXP unsigned long long strtoull(const char *s, char **e, int b) { return _strtoui64(s, e, b); }
CRTEXP long long strtoimax(const char *s, char **e, int b) { return _strtoi64(s, e, b); }
CRTEXP unsigned long long strtoumax(const char *s, char **e, int b) { return _strtoui64(s, e, b); }
CRTEXP long wcstol(const crt_wchar *s, crt_wchar **e, int b) { return (long)parse_w(s, e, b, L32, L32 + 1, 1); }
CRTEXP unsigned long wcstoul(const crt_wchar *s, crt_wchar **e, int b) { return (unsigned long)parse_w(s, e, b, 0xFFFFFFFFull, 0, 0); }
CRTEXP long long _wcstoi64(const crt_wchar *s, crt_wchar **e, int b) { return (long long)parse_w(s, e, b, L64, L64 + 1, 1); }
CRTEXP unsigned long long _wcstoui64(const crt_wchar *s, crt_wchar **e, int b) { return parse_w(s, e, b, ~0ull, 0, 0); }
CRTEXP long long wcstoll(const crt_wchar *s, crt_wchar **e, int b) { return _wcstoi64(s, e, b); }
CRTEXP unsigned long long wcstoull(const crt_wchar *s, crt_wchar **e, int b) { return _wcstoui64(s, e, b); }

/* atoi and friends: strtol's parse, base 10; out of range they clamp as strtol does. */
CRTEXP int atoi(const char *s) { return (int)strtol(s, NULL, 10); }
CRTEXP long atol(const char *s) { return strtol(s, NULL, 10); }
CRTEXP long long _atoi64(const char *s) { return _strtoi64(s, NULL, 10); }
CRTEXP long long atoll(const char *s) { return _strtoi64(s, NULL, 10); }
CRTEXP int _wtoi(const crt_wchar *s) { return (int)wcstol(s, NULL, 10); }
CRTEXP long _wtol(const crt_wchar *s) { return wcstol(s, NULL, 10); }
CRTEXP long long _wtoi64(const crt_wchar *s) { return _wcstoi64(s, NULL, 10); }
CRTEXP long long _wtoll(const crt_wchar *s) { return _wcstoi64(s, NULL, 10); }

/* ---- integer to string ---- */

static void to_text(unsigned long long v, int neg, char *out, crt_wchar *wout, int radix)
{
    char tmp[72];
    int n = 0;
    do {
        int d = (int)(v % radix);
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= radix;
    } while (v);
    int i = 0;
    if (neg) {
        if (out) out[i] = '-';
        if (wout) wout[i] = '-';
        i++;
    }
    while (n) {
        char c = tmp[--n];
        if (out) out[i] = c;
        if (wout) wout[i] = c;
        i++;
    }
    if (out) out[i] = 0;
    if (wout) wout[i] = 0;
}

/* Only base 10 shows a sign; other bases print the two's complement of the type's width. */
#define SIGNED_TOA(NAME, T, UT, CH, W)                                              \
CRTEXP CH *NAME(T v, CH *buf, int radix)                                            \
{                                                                                   \
    int neg = radix == 10 && v < 0;                                                 \
    unsigned long long u = neg ? 0 - (unsigned long long)(long long)v : (UT)v;      \
    to_text(u, neg, W ? NULL : (char *)buf, W ? (crt_wchar *)buf : NULL, radix);    \
    return buf;                                                                     \
}
#define UNSIGNED_TOA(NAME, T, CH, W)                                                \
CRTEXP CH *NAME(T v, CH *buf, int radix)                                            \
{                                                                                   \
    to_text(v, 0, W ? NULL : (char *)buf, W ? (crt_wchar *)buf : NULL, radix);      \
    return buf;                                                                     \
}
SIGNED_TOA(_itoa, int, unsigned int, char, 0)
SIGNED_TOA(_ltoa, long, unsigned long, char, 0)
SIGNED_TOA(_i64toa, long long, unsigned long long, char, 0)
UNSIGNED_TOA(_ultoa, unsigned long, char, 0)
UNSIGNED_TOA(_ui64toa, unsigned long long, char, 0)
SIGNED_TOA(_itow, int, unsigned int, crt_wchar, 1)
SIGNED_TOA(_ltow, long, unsigned long, crt_wchar, 1)
SIGNED_TOA(_i64tow, long long, unsigned long long, crt_wchar, 1)
UNSIGNED_TOA(_ultow, unsigned long, crt_wchar, 1)
UNSIGNED_TOA(_ui64tow, unsigned long long, crt_wchar, 1)
