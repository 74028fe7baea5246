/* The math exports: mathcore.c's functions with errno (EDOM for domain errors, ERANGE for poles,
 * overflow and underflow to zero) and the program's _matherr hook (__setusermatherr), the exact
 * ones done on the bits (sqrt, floor, ceil, trunc, round, modf, frexp, ldexp, copysign, nextafter
 * ...), Microsoft's _finite/_isnan/_fpclass/_chgsign, and the float forms. */
#include "crtbase.h"
#include "mathcore.h"
#include "errno.h"

typedef int (*matherr_fn)(void *);
extern matherr_fn crt_user_matherr;

struct crt_exception { int type; const char *name; double arg1, arg2, retval; };

static uint64_t bits(double x) { union { double d; uint64_t u; } v = { x }; return v.u; }
static double from(uint64_t u) { union { uint64_t u; double d; } v = { u }; return v.d; }
static int isnan_(double x) { return (bits(x) & 0x7FFFFFFFFFFFFFFFull) > 0x7FF0000000000000ull; }

/* mathcore computes in x87 extended precision: Windows x64 starts threads with the x87 precision
 * control at 53 bits (0x27F), so each computation sets 64-bit precision, round to nearest and
 * every exception masked (0x37F), and gives the caller's control word back afterwards. */
static unsigned short fpu_extended(void)
{
    unsigned short saved, ext = 0x37F;
    __asm__ volatile ("fnstcw %0" : "=m"(saved));
    __asm__ volatile ("fldcw %0" : : "m"(ext));
    return saved;
}

static void fpu_restore(unsigned short cw)
{
    __asm__ volatile ("fldcw %0" : : "m"(cw));
}

#define EXT(expr) ({ unsigned short cw_ = fpu_extended(); __typeof__(expr) v_ = (expr); fpu_restore(cw_); v_; })

/* A failed computation: the program's _matherr may supply the result; otherwise errno. */
static double report(int err, const char *name, double a, double b, double r)
{
    if (!err)
        return r;
    if (crt_user_matherr) {
        struct crt_exception e = { err, name, a, b, r };
        if (crt_user_matherr(&e))
            return e.retval;
    }
    crt_errno = err == CRT_M_DOMAIN ? CRT_EDOM : CRT_ERANGE;
    return r;
}

#define WRAP1(NAME) CRTEXP double NAME(double x) { int e = 0; double r = EXT(crt_m_##NAME(x, &e)); \
                                                    return report(e, #NAME, x, 0, r); }
#define WRAP2(NAME) CRTEXP double NAME(double x, double y) { int e = 0; double r = EXT(crt_m_##NAME(x, y, &e)); \
                                                              return report(e, #NAME, x, y, r); }
WRAP1(exp) WRAP1(exp2) WRAP1(expm1) WRAP1(log) WRAP1(log10) WRAP1(log2) WRAP1(log1p)
WRAP1(sin) WRAP1(cos) WRAP1(tan) WRAP1(asin) WRAP1(acos) WRAP1(sinh) WRAP1(cosh) WRAP1(acosh) WRAP1(atanh)
WRAP2(pow) WRAP2(fmod) WRAP2(hypot)
CRTEXP double atan(double x) { return EXT(crt_m_atan(x)); }
CRTEXP double atan2(double y, double x) { return EXT(crt_m_atan2(y, x)); }
CRTEXP double tanh(double x) { return EXT(crt_m_tanh(x)); }
CRTEXP double asinh(double x) { return EXT(crt_m_asinh(x)); }
CRTEXP double cbrt(double x) { return EXT(crt_m_cbrt(x)); }
CRTEXP double _hypot(double x, double y) { return hypot(x, y); }
CRTEXP double remainder(double x, double y)
{
    int e = 0;
    double r = EXT(crt_m_remainder(x, y, NULL, &e));
    return report(e, "remainder", x, y, r);
}
CRTEXP double remquo(double x, double y, int *quo)
{
    int e = 0;
    double r = EXT(crt_m_remainder(x, y, quo, &e));
    return report(e, "remquo", x, y, r);
}

CRTEXP double sqrt(double x)
{
    if (x < 0)
        return report(CRT_M_DOMAIN, "sqrt", x, 0, crt_m_indefinite());
    __asm__ ("sqrtsd %1, %0" : "=x"(x) : "x"(x));
    return x;
}

CRTEXP double fabs(double x) { return from(bits(x) & 0x7FFFFFFFFFFFFFFFull); }
CRTEXP double copysign(double x, double y) { return from((bits(x) & 0x7FFFFFFFFFFFFFFFull) | (bits(y) & (1ull << 63))); }
CRTEXP double _copysign(double x, double y) { return copysign(x, y); }
CRTEXP double _chgsign(double x) { return from(bits(x) ^ (1ull << 63)); }

/* Rounding to an integer value on the bits: mode 0 toward zero, 1 down, 2 up, 3 half away, 4 half even. */
static double round_bits(double x, int mode)
{
    uint64_t b = bits(x);
    int e = (int)((b >> 52) & 0x7FF) - 1023;
    if (e >= 52)
        return x;                               /* already an integer, or inf/nan */
    int neg = (int)(b >> 63);
    if (e < 0) {
        double ax = fabs(x);
        int one = mode == 1 ? neg && ax != 0 : mode == 2 ? !neg && ax != 0 : mode == 3 ? ax >= 0.5
                : mode == 4 ? ax > 0.5 : 0;
        return from(((uint64_t)neg << 63) | (one ? 0x3FF0000000000000ull : 0));
    }
    uint64_t frac = (1ull << (52 - e)) - 1;
    if ((b & frac) == 0)
        return x;
    uint64_t half = 1ull << (51 - e);
    uint64_t rest = b & frac;
    uint64_t t = b & ~frac;
    int up;
    switch (mode) {
    case 1: up = neg; break;
    case 2: up = !neg; break;
    case 3: up = rest >= half; break;
    case 4: up = rest > half || (rest == half && ((t >> (52 - e)) & 1)); break;
    default: up = 0;
    }
    if (up)
        t += 1ull << (52 - e);                  /* carries into the exponent correctly */
    return from(t);
}

CRTEXP double trunc(double x) { return round_bits(x, 0); }
CRTEXP double floor(double x) { return round_bits(x, 1); }
CRTEXP double ceil(double x) { return round_bits(x, 2); }
CRTEXP double round(double x) { return round_bits(x, 3); }
CRTEXP double rint(double x) { return round_bits(x, 4); }
CRTEXP double nearbyint(double x) { return round_bits(x, 4); }
CRTEXP long lround(double x) { return (long)round_bits(x, 3); }
CRTEXP long long llround(double x) { return (long long)round_bits(x, 3); }
CRTEXP long lrint(double x) { return (long)round_bits(x, 4); }
CRTEXP long long llrint(double x) { return (long long)round_bits(x, 4); }

CRTEXP double modf(double x, double *ip)
{
    double t = trunc(x);
    *ip = t;
    if (isnan_(x))
        return x;
    if ((bits(x) & 0x7FFFFFFFFFFFFFFFull) == 0x7FF0000000000000ull)
        return copysign(0.0, x);
    return copysign(x - t, x);
}

CRTEXP double frexp(double x, int *e)
{
    uint64_t b = bits(x);
    int be = (int)((b >> 52) & 0x7FF);
    *e = 0;
    if (x == 0 || be == 0x7FF)
        return x;
    if (be == 0) {                              /* subnormal: normalise first */
        x *= 0x1p64;
        b = bits(x);
        be = (int)((b >> 52) & 0x7FF) - 64;
    }
    *e = be - 1022;
    return from((b & ~(0x7FFull << 52)) | (1022ull << 52));
}

CRTEXP double ldexp(double x, int n)
{
    if (x == 0 || isnan_(x) || (bits(x) & 0x7FFFFFFFFFFFFFFFull) == 0x7FF0000000000000ull)
        return x;
    if (n > 2200) n = 2200;
    if (n < -2200) n = -2200;
    /* one rounding: scale in long double, whose range holds every step, then narrow */
    unsigned short cw = fpu_extended();
    long double v = x;
    while (n > 0) { int k = n > 1000 ? 1000 : n; v *= (long double)from((uint64_t)(1023 + k) << 52); n -= k; }
    while (n < 0) { int k = n < -1000 ? 1000 : -n; v /= (long double)from((uint64_t)(1023 + k) << 52); n += k; }
    double r = (double)v;
    fpu_restore(cw);
    if ((bits(r) & 0x7FFFFFFFFFFFFFFFull) == 0x7FF0000000000000ull || r == 0)
        crt_errno = CRT_ERANGE;
    return r;
}

CRTEXP double scalbn(double x, int n) { return ldexp(x, n); }
CRTEXP double scalbln(double x, long n) { return ldexp(x, (int)n); }
CRTEXP double _scalb(double x, long n) { return ldexp(x, (int)n); }

CRTEXP double logb(double x)
{
    if (x == 0) return report(CRT_M_SING, "logb", x, 0, from(0xFFF0000000000000ull));
    if (isnan_(x)) return x;
    if ((bits(x) & 0x7FFFFFFFFFFFFFFFull) == 0x7FF0000000000000ull) return fabs(x);
    int e;
    frexp(x, &e);
    return e - 1;
}
CRTEXP double _logb(double x) { return logb(x); }

CRTEXP int ilogb(double x)
{
    if (x == 0) return -2147483647 - 1;
    if (isnan_(x)) return -2147483647 - 1;
    if ((bits(x) & 0x7FFFFFFFFFFFFFFFull) == 0x7FF0000000000000ull) return 2147483647;
    int e;
    frexp(x, &e);
    return e - 1;
}

CRTEXP double nextafter(double x, double y)
{
    if (isnan_(x) || isnan_(y)) return x + y;
    if (x == y) return y;
    if (x == 0) return from((bits(y) & (1ull << 63)) | 1);
    uint64_t b = bits(x);
    if ((x < y) == (x > 0)) b++;
    else b--;
    double r = from(b);
    if ((bits(r) & 0x7FFFFFFFFFFFFFFFull) == 0x7FF0000000000000ull || (bits(r) & 0x7FF0000000000000ull) == 0)
        crt_errno = CRT_ERANGE;
    return r;
}
CRTEXP double _nextafter(double x, double y) { return nextafter(x, y); }

CRTEXP double fmax(double x, double y) { return isnan_(x) ? y : isnan_(y) ? x : x > y ? x : y; }
CRTEXP double fmin(double x, double y) { return isnan_(x) ? y : isnan_(y) ? x : x < y ? x : y; }
CRTEXP double fdim(double x, double y) { return isnan_(x) || isnan_(y) ? x + y : x > y ? x - y : 0.0; }

CRTEXP int _finite(double x) { return (bits(x) & 0x7FF0000000000000ull) != 0x7FF0000000000000ull; }
CRTEXP int _isnan(double x) { return isnan_(x); }

/* _fpclass: _FPCLASS_SNAN 1, QNAN 2, NINF 4, NN 8, ND 0x10, NZ 0x20, PZ 0x40, PD 0x80, PN 0x100, PINF 0x200 */
CRTEXP int _fpclass(double x)
{
    uint64_t b = bits(x);
    int neg = (int)(b >> 63), e = (int)((b >> 52) & 0x7FF);
    uint64_t m = b & 0xFFFFFFFFFFFFFull;
    if (e == 0x7FF)
        return m == 0 ? (neg ? 4 : 0x200) : (m >> 51) ? 2 : 1;
    if (e == 0)
        return m == 0 ? (neg ? 0x20 : 0x40) : (neg ? 0x10 : 0x80);
    return neg ? 8 : 0x100;
}

/* fpclassify for the UCRT's headers: FP_NAN 2, FP_INFINITE 1, FP_ZERO 0, FP_SUBNORMAL -2, FP_NORMAL -1 */
CRTEXP short _dclass(double x)
{
    uint64_t b = bits(x);
    int e = (int)((b >> 52) & 0x7FF);
    uint64_t m = b & 0xFFFFFFFFFFFFFull;
    if (e == 0x7FF) return m ? 2 : 1;
    if (e == 0) return m ? -2 : 0;
    return -1;
}
CRTEXP int _dsign(double x) { return (bits(x) >> 63) ? 0x8000 : 0; }

/* ---- float forms: the double computation rounded once more ---- */

#define FLOAT1(NAME) CRTEXP float NAME##f(float x) { return (float)NAME((double)x); }
#define FLOAT2(NAME) CRTEXP float NAME##f(float x, float y) { return (float)NAME((double)x, (double)y); }
FLOAT1(exp) FLOAT1(exp2) FLOAT1(expm1) FLOAT1(log) FLOAT1(log10) FLOAT1(log2) FLOAT1(log1p)
FLOAT1(sin) FLOAT1(cos) FLOAT1(tan) FLOAT1(asin) FLOAT1(acos) FLOAT1(atan) FLOAT1(sinh) FLOAT1(cosh)
FLOAT1(tanh) FLOAT1(asinh) FLOAT1(acosh) FLOAT1(atanh) FLOAT1(cbrt) FLOAT1(sqrt) FLOAT1(floor) FLOAT1(ceil)
FLOAT1(trunc) FLOAT1(round) FLOAT1(rint) FLOAT1(fabs)
FLOAT2(pow) FLOAT2(atan2) FLOAT2(fmod) FLOAT2(hypot) FLOAT2(copysign) FLOAT2(fmax) FLOAT2(fmin)
CRTEXP float modff(float x, float *ip) { double i; float r = (float)modf(x, &i); *ip = (float)i; return r; }
CRTEXP float frexpf(float x, int *e) { return (float)frexp(x, e); }
CRTEXP float ldexpf(float x, int n) { return (float)ldexp(x, n); }
