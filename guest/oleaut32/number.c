/* Numbers and their text: the parser behind VarR8FromStr/VarI4FromStr (en-US: '.' decimal point,
 * ',' digit grouping), the %.15G-like writer behind VarBstrFromR8/R4 (no trailing zeros, "E+20"
 * and "E-05" exponents), and rounding half to even, as the Var* conversions to integers do. */
#include "oleaut.h"

/* 10^n for 0 <= n <= 22, exact in a double. */
static double Pow10(int n)
{
    double p = 1.0;
    while (n-- > 0)
        p *= 10.0;
    return p;
}

static int Blank(WCHAR c) { return c == L' ' || c == L'\t' || c == L'\n' || c == L'\r'; }

HRESULT OapParseNumber(const OLECHAR *s, double *out)
{
    if (s == NULL)
        return DISP_E_TYPEMISMATCH;
    while (Blank(*s))
        s++;
    int negative = 0;
    if (*s == L'-' || *s == L'+')
        negative = *s++ == L'-';
    /* Step 1: the digits as an integer and a power of ten. */
    ULONGLONG mantissa = 0;
    int scale = 0, digits = 0, seen_point = 0;
    for (;; s++) {
        if (*s >= L'0' && *s <= L'9') {
            if (mantissa < 100000000000000000ULL)
                mantissa = mantissa * 10 + (ULONGLONG)(*s - L'0'), scale -= seen_point;
            else
                scale += !seen_point;                   /* digits beyond 18 only scale */
            digits++;
        } else if (*s == L',' && !seen_point && digits) {
            continue;
        } else if (*s == L'.' && !seen_point) {
            seen_point = 1;
        } else {
            break;
        }
    }
    if (digits == 0)
        return DISP_E_TYPEMISMATCH;
    /* Step 2: the exponent. */
    if (*s == L'e' || *s == L'E' || *s == L'd' || *s == L'D') {
        const OLECHAR *e = s + 1;
        int eneg = 0, ev = 0, edigits = 0;
        if (*e == L'-' || *e == L'+')
            eneg = *e++ == L'-';
        while (*e >= L'0' && *e <= L'9') {
            if (ev < 10000)
                ev = ev * 10 + (*e - L'0');
            e++, edigits++;
        }
        if (edigits == 0)
            return DISP_E_TYPEMISMATCH;
        scale += eneg ? -ev : ev;
        s = e;
    }
    while (Blank(*s))
        s++;
    if (*s)
        return DISP_E_TYPEMISMATCH;
    /* Step 3: the value: the mantissa scaled by exact powers of ten (10^22 at most a step). */
    double v = (double)mantissa;
    while (scale != 0 && v != 0) {
        int step = scale > 22 ? 22 : scale < -22 ? -22 : scale;
        v = step > 0 ? v * Pow10(step) : v / Pow10(-step);
        scale -= step;
        if (v > 1.7976931348623157e308)
            return DISP_E_OVERFLOW;
    }
    *out = negative ? -v : v;
    return S_OK;
}

static WCHAR *PutUnsigned(WCHAR *at, ULONGLONG v, int min_digits)
{
    WCHAR buf[24];
    int n = 0;
    do {
        buf[n++] = (WCHAR)(L'0' + v % 10);
        v /= 10;
    } while (v || n < min_digits);
    while (n)
        *at++ = buf[--n];
    return at;
}

void OapFormatDouble(double value, int digits, WCHAR *out)
{
    WCHAR *at = out;
    if (value != value) {                               /* NaN: no VARIANT carries one normally */
        lstrcpyW(out, L"NaN");
        return;
    }
    if (value < 0) {
        *at++ = L'-';
        value = -value;
    }
    if (value == 0) {
        *at++ = L'0';
        *at = 0;
        return;
    }
    /* Step 1: digits significant digits as an integer m and the decimal exponent e. */
    int e = 0;
    double probe = value;
    while (probe >= 1e22) { probe /= 1e22; e += 22; }
    while (probe < 1e-22) { probe *= 1e22; e -= 22; }
    while (probe >= 10.0) { probe /= 10.0; e++; }
    while (probe < 1.0) { probe *= 10.0; e--; }
    ULONGLONG limit = 1;
    for (int i = 1; i < digits; i++)
        limit *= 10;
    double scaled = value;
    for (int shift = digits - 1 - e; shift != 0;) {
        int step = shift > 22 ? 22 : shift < -22 ? -22 : shift;
        scaled = step > 0 ? scaled * Pow10(step) : scaled / Pow10(-step);
        shift -= step;
    }
    ULONGLONG m = (ULONGLONG)(scaled + 0.5);
    if (m < limit) {                                    /* the exponent guess was one too high */
        m = (ULONGLONG)(scaled * 10.0 + 0.5);
        e--;
    }
    if (m >= limit * 10) {                              /* rounding carried into a new digit */
        m /= 10;
        e++;
    }
    /* Step 2: the digits without trailing zeros. */
    WCHAR d[24];
    int nd = 0;
    for (ULONGLONG t = m; nd < digits; t /= 10)
        d[digits - 1 - nd++] = (WCHAR)(L'0' + t % 10);
    while (nd > 1 && d[nd - 1] == L'0')
        nd--;
    if (e < -4 || e >= digits) {
        /* E notation: d.ddddE+xx */
        *at++ = d[0];
        if (nd > 1) {
            *at++ = L'.';
            for (int i = 1; i < nd; i++)
                *at++ = d[i];
        }
        *at++ = L'E';
        *at++ = e < 0 ? L'-' : L'+';
        at = PutUnsigned(at, (ULONGLONG)(e < 0 ? -e : e), 2);
    } else if (e < 0) {
        *at++ = L'0';
        *at++ = L'.';
        for (int i = -1; i > e; i--)
            *at++ = L'0';
        for (int i = 0; i < nd; i++)
            *at++ = d[i];
    } else {
        for (int i = 0; i <= e; i++)
            *at++ = i < nd ? d[i] : L'0';
        if (nd > e + 1) {
            *at++ = L'.';
            for (int i = e + 1; i < nd; i++)
                *at++ = d[i];
        }
    }
    *at = 0;
}

HRESULT OapRoundToInt(double v, double lo, double hi, LONGLONG *out)
{
    double whole = (double)(LONGLONG)v;                 /* toward zero */
    double frac = v - whole;
    if (frac > 0.5 || (frac == 0.5 && ((LONGLONG)whole & 1)))
        whole += 1;
    else if (frac < -0.5 || (frac == -0.5 && ((LONGLONG)whole & 1)))
        whole -= 1;
    if (!(whole >= lo && whole <= hi))
        return DISP_E_OVERFLOW;
    *out = (LONGLONG)whole;
    return S_OK;
}
