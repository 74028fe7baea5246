/* The _s forms of integer to text (_itoa_s, _ltoa_s, _ultoa_s, _i64toa_s, _ui64toa_s and the wide
 * ones): the checks in the documented order (a buffer and a size, then room for a digit and the
 * sign, then the radix 2..36), EINVAL or ERANGE through the invalid-parameter step, the buffer
 * emptied on every error. As the plain forms, only radix 10 shows a sign. */
#include "secure.h"

static int to_text_s(unsigned long long v, int neg, void *buf, int wide, size_t size, int radix)
{
    if (buf == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    if (wide)
        *(crt_wchar *)buf = 0;
    else
        *(char *)buf = 0;
    if (size <= (size_t)(neg ? 2 : 1))
        return crt_invalid(CRT_ERANGE);
    if (radix < 2 || radix > 36)
        return crt_invalid(CRT_EINVAL);
    char tmp[72];
    size_t n = 0;
    if (neg)
        tmp[n++] = '-';
    size_t first = n;
    do {
        int d = (int)(v % (unsigned)radix);
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= (unsigned)radix;
    } while (v);
    if (n >= size)
        return crt_invalid(CRT_ERANGE);
    for (size_t i = first, j = n - 1; i < j; i++, j--) {     /* digits were made last first */
        char t = tmp[i];
        tmp[i] = tmp[j];
        tmp[j] = t;
    }
    for (size_t i = 0; i <= n; i++) {
        int c = i < n ? tmp[i] : 0;
        if (wide)
            ((crt_wchar *)buf)[i] = (crt_wchar)c;
        else
            ((char *)buf)[i] = (char)c;
    }
    return 0;
}

#define SIGNED_TOA_S(NAME, T, UT, CH, WIDE)                                         \
CRTEXP int NAME(T v, CH *buf, size_t size, int radix)                               \
{                                                                                   \
    int neg = radix == 10 && v < 0;                                                 \
    unsigned long long u = neg ? 0 - (unsigned long long)(long long)v : (UT)v;      \
    return to_text_s(u, neg, buf, WIDE, size, radix);                               \
}
#define UNSIGNED_TOA_S(NAME, T, CH, WIDE)                                           \
CRTEXP int NAME(T v, CH *buf, size_t size, int radix)                               \
{                                                                                   \
    return to_text_s(v, 0, buf, WIDE, size, radix);                                 \
}
SIGNED_TOA_S(_itoa_s, int, unsigned int, char, 0)
SIGNED_TOA_S(_ltoa_s, long, unsigned long, char, 0)
SIGNED_TOA_S(_i64toa_s, long long, unsigned long long, char, 0)
UNSIGNED_TOA_S(_ultoa_s, unsigned long, char, 0)
UNSIGNED_TOA_S(_ui64toa_s, unsigned long long, char, 0)
SIGNED_TOA_S(_itow_s, int, unsigned int, crt_wchar, 1)
SIGNED_TOA_S(_ltow_s, long, unsigned long, crt_wchar, 1)
SIGNED_TOA_S(_i64tow_s, long long, unsigned long long, crt_wchar, 1)
UNSIGNED_TOA_S(_ultow_s, unsigned long, crt_wchar, 1)
UNSIGNED_TOA_S(_ui64tow_s, unsigned long long, crt_wchar, 1)
