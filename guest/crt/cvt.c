/* _ecvt/_fcvt/_gcvt and their secure forms: a double's decimal digits from fltcvt.c, rounded as
 * each runtime's printf rounds (msvcrt.dll: 17 significant digits then half up; the UCRT: the exact
 * value, half to even). _ecvt keeps ndigits significant digits, _fcvt ndigits after the point,
 * both padded with zeros, the point's place in *decpt and the sign in *sign; _gcvt writes the
 * value as %g would, with the point always kept ("100."). */
#include "fltcvt.h"
#include "secure.h"

#define CVTBUFSIZE 349
static char cvtbuf[CVTBUFSIZE + 1];

#ifdef CRT_MSVCRT
static const int mode = CRT_ROUND_AWAY, expdigits = 3;
#else
static const int mode = CRT_ROUND_EVEN, expdigits = 2;
#endif

static uint64_t bits(double x) { union { double d; uint64_t u; } v = { x }; return v.u; }

/* The digits into out (room for size bytes with the terminator); -1 if they do not fit. */
static int cvt(double x, int nd, int fixed, char *out, size_t size, int *decpt, int *sign)
{
    uint64_t u = bits(x);
    char d[CRT_DIGITS_MAX + 2];
    int n, dp;
    *sign = (int)(u >> 63);
    if (((u >> 52) & 0x7FF) == 0x7FF) {             /* msvcrt.dll's digit strings of the specials */
        uint64_t mant = u & 0xFFFFFFFFFFFFFull;
        const char *s = mant == 0 ? "1#INF" : !(mant & (1ull << 51)) ? "1#SNAN"
                      : (*sign && mant == (1ull << 51)) ? "1#IND" : "1#QNAN";
        for (n = 0; s[n]; n++)
            d[n] = s[n];
        dp = 1;
    } else if ((u << 1) == 0) {
        n = 0;                                      /* zero: only the padding */
        dp = fixed ? 0 : 1;
    } else {
        n = crt_exact_digits(x, d, &dp);
#ifdef CRT_MSVCRT
        n = crt_round_digits(d, n, &dp, 17, mode);
#endif
        int keep = fixed ? dp + nd : nd, dp0 = dp;
        n = keep < 0 ? 0 : crt_round_digits(d, n, &dp, keep, mode);
        if (n == 0 && fixed)        /* rounded away: no digits, *decpt the value's own (Windows) */
            dp = dp0;
    }
    int total = fixed ? dp + nd : nd;
    if (total < n)
        total = n;
    if (total < 0)
        total = 0;
    if ((size_t)total + 1 > size)
        return -1;
    for (int i = 0; i < total; i++)
        out[i] = i < n ? d[i] : '0';
    out[total] = 0;
    *decpt = dp;
    return 0;
}

CRTEXP char *_ecvt(double x, int nd, int *decpt, int *sign)
{
    if (decpt == NULL || sign == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    cvt(x, nd < 0 ? 0 : nd > CVTBUFSIZE ? CVTBUFSIZE : nd, 0, cvtbuf, sizeof cvtbuf, decpt, sign);
    return cvtbuf;
}

CRTEXP char *_fcvt(double x, int nd, int *decpt, int *sign)
{
    if (decpt == NULL || sign == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    if (cvt(x, nd < 0 ? 0 : nd, 1, cvtbuf, sizeof cvtbuf, decpt, sign))
        cvt(x, 0, 0, cvtbuf, sizeof cvtbuf, decpt, sign);
    return cvtbuf;
}

static int cvt_s(char *buf, size_t size, double x, int nd, int fixed, int *decpt, int *sign)
{
    if (buf == NULL || size == 0 || decpt == NULL || sign == NULL) {
        if (buf && size)
            buf[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    if (!fixed && (size_t)(nd < 0 ? 0 : nd) >= size) {
        buf[0] = 0;
        return crt_invalid(CRT_ERANGE);
    }
    if (cvt(x, nd < 0 ? 0 : nd, fixed, buf, size, decpt, sign)) {
        buf[0] = 0;
        return crt_invalid(CRT_ERANGE);
    }
    return 0;
}

CRTEXP int _ecvt_s(char *buf, size_t size, double x, int nd, int *decpt, int *sign)
{
    return cvt_s(buf, size, x, nd, 0, decpt, sign);
}

CRTEXP int _fcvt_s(char *buf, size_t size, double x, int nd, int *decpt, int *sign)
{
    return cvt_s(buf, size, x, nd, 1, decpt, sign);
}

/* %g's choice of form with `digits` significant digits, the point always written. */
static int gcvt(double x, int digits, char *buf, size_t size)
{
    char d[CVTBUFSIZE + 1];
    int dp, sign;
    if (digits < 1)
        digits = 1;
    if (digits > CVTBUFSIZE - 1)
        digits = CVTBUFSIZE - 1;
    cvt(x, digits, 0, d, sizeof d, &dp, &sign);
    int n = (int)__builtin_strlen(d);
    while (n > 1 && d[n - 1] == '0')
        n--;
    int iszero = (bits(x) << 1) == 0 || d[0] == '#';
    char out[CVTBUFSIZE + 16];
    int k = 0;
    if (sign)
        out[k++] = '-';
    int x10 = iszero ? 0 : dp - 1;
    if (d[1] == '#' || iszero) {                    /* specials and zero: "1.#INF", "0." */
        out[k++] = iszero && d[1] != '#' ? '0' : d[0];
        out[k++] = '.';
        for (int i = 1; i < n && d[1] == '#'; i++)
            out[k++] = d[i];
    } else if (x10 < -4 || x10 >= digits) {
        out[k++] = d[0];
        out[k++] = '.';
        for (int i = 1; i < n; i++)
            out[k++] = d[i];
        out[k++] = 'e';
        out[k++] = x10 < 0 ? '-' : '+';
        int e = x10 < 0 ? -x10 : x10, w = e >= 100 ? 3 : expdigits;
        for (int p = w - 1, v = e; p >= 0; p--, v /= 10)
            out[k + p] = (char)('0' + v % 10);
        k += w;
    } else if (dp <= 0) {
        out[k++] = '0';
        out[k++] = '.';
        for (int i = 0; i < -dp; i++)
            out[k++] = '0';
        for (int i = 0; i < n; i++)
            out[k++] = d[i];
    } else {
        for (int i = 0; i < dp; i++)
            out[k++] = i < n ? d[i] : '0';
        out[k++] = '.';
        for (int i = dp; i < n; i++)
            out[k++] = d[i];
    }
    if ((size_t)k + 1 > size)
        return -1;
    for (int i = 0; i < k; i++)
        buf[i] = out[i];
    buf[k] = 0;
    return 0;
}

CRTEXP char *_gcvt(double x, int digits, char *buf)
{
    if (buf == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    gcvt(x, digits, buf, (size_t)-1);
    return buf;
}

CRTEXP int _gcvt_s(char *buf, size_t size, double x, int digits)
{
    if (buf == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    if ((size_t)(digits < 0 ? 0 : digits) >= size || gcvt(x, digits, buf, size)) {
        buf[0] = 0;
        return crt_invalid(CRT_ERANGE);
    }
    return 0;
}
