/* The UCRT's floating-point primitives that MSVC's <cmath>/<complex> and math.h's macros call
 * (fpclassify, signbit, isgreater ... as _dtest, _dclass, _dsign, _dpcomp), and the older helpers
 * kept for compatibility (_dexp, _dnorm, _dscale, _dunscale, _dlog, _dsin, _dpoly, _d_int), in the
 * double, float (_fd) and long double (_ld) forms. MSVC's long double is the 64-bit double, so
 * every _ld entry point is its double twin under another name. Class codes are math.h's: FP_ZERO 0,
 * FP_INFINITE 1, FP_NAN 2, FP_NORMAL -1, FP_SUBNORMAL -2; comparison bits _FP_LT 1, _FP_EQ 2,
 * _FP_GT 4 (0 when unordered). msvcrt.dll exports none of these (only _dclass/_dsign, math.c). */
#include "crtbase.h"

#ifdef CRT_UCRT
double exp(double);
double log(double);
double log10(double);
double sin(double);
double cos(double);

#define FPC_ZERO 0
#define FPC_INFINITE 1
#define FPC_NAN 2
#define FPC_NORMAL (-1)
#define FPC_SUBNORMAL (-2)

static uint64_t dbits(double x) { union { double d; uint64_t u; } v = { x }; return v.u; }
static double dfrom(uint64_t u) { union { uint64_t u; double d; } v = { u }; return v.d; }
static uint32_t fbits(float x) { union { float f; uint32_t u; } v = { x }; return v.u; }
static float ffrom(uint32_t u) { union { uint32_t u; float f; } v = { u }; return v.f; }

/* ---- classification: the biased exponent and the fraction of each format ---- */

static short dclass(double x)
{
    uint64_t b = dbits(x), m = b & 0xFFFFFFFFFFFFFull;
    int e = (int)((b >> 52) & 0x7FF);
    if (e == 0x7FF) return m ? FPC_NAN : FPC_INFINITE;
    if (e == 0) return m ? FPC_SUBNORMAL : FPC_ZERO;
    return FPC_NORMAL;
}

static short fclass(float x)
{
    uint32_t b = fbits(x), m = b & 0x7FFFFF;
    int e = (int)((b >> 23) & 0xFF);
    if (e == 0xFF) return m ? FPC_NAN : FPC_INFINITE;
    if (e == 0) return m ? FPC_SUBNORMAL : FPC_ZERO;
    return FPC_NORMAL;
}

CRTEXP short _fdclass(float x) { return fclass(x); }
CRTEXP short _ldclass(double x) { return dclass(x); }
CRTEXP short _dtest(double *px) { return dclass(*px); }
CRTEXP short _ldtest(double *px) { return dclass(*px); }
CRTEXP short _fdtest(float *px) { return fclass(*px); }

/* signbit: the sign bit in the format's top half-word position, as the UCRT returns it */
CRTEXP int _fdsign(float x) { return (int)(fbits(x) >> 31) ? 0x8000 : 0; }
CRTEXP int _ldsign(double x) { return (int)(dbits(x) >> 63) ? 0x8000 : 0; }

/* isgreater and friends: ordering bits, none for an unordered (NaN) pair */
#define PCOMP(x, y) ((x) < (y) ? 1 : (x) == (y) ? 2 : (x) > (y) ? 4 : 0)
CRTEXP int _dpcomp(double x, double y) { return PCOMP(x, y); }
CRTEXP int _ldpcomp(double x, double y) { return PCOMP(x, y); }
CRTEXP int _fdpcomp(float x, float y) { return PCOMP(x, y); }

/* ---- _dscale: *px times 2^lexp on the bits (rounded once when the result is subnormal) ---- */

static short dunscale(short *pex, double *px);

static short dscale(double *px, long lexp)
{
    short c = dclass(*px), e;
    if (c == FPC_NAN || c == FPC_INFINITE || c == FPC_ZERO)
        return c;
    double f = *px;
    dunscale(&e, &f);                           /* f in [0.5, 1), *px = f 2^e */
    long t = (long)e + (lexp > 5000 ? 5000 : lexp < -5000 ? -5000 : lexp);
    if (t > 1024)
        *px = f * 0x1p1023 * 4.0;               /* overflows to a signed infinity */
    else if (t >= -1021)                        /* 2f in [1, 2) times 2^(t-1): exact */
        *px = f * 2.0 * dfrom((uint64_t)(1022 + t) << 52);
    else if (t >= -1100)                        /* subnormal: exact, then one rounding */
        *px = f * 0x1p-1000 * dfrom((uint64_t)(1023 + t + 1000) << 52);
    else
        *px = f * 0x1p-1000 * 0x1p-200;         /* underflows to a signed zero */
    return dclass(*px);
}

static short fscale(float *px, long lexp)
{
    double x = *px;
    short c = fclass(*px);
    if (c == FPC_NAN || c == FPC_INFINITE || c == FPC_ZERO)
        return c;
    if (lexp > 400) lexp = 400;
    if (lexp < -400) lexp = -400;
    x *= dfrom((uint64_t)(1023 + lexp) << 52);  /* exact in double; one rounding to float */
    *px = (float)x;
    return fclass(*px);
}

CRTEXP short _dscale(double *px, long lexp) { return dscale(px, lexp); }
CRTEXP short _ldscale(double *px, long lexp) { return dscale(px, lexp); }
CRTEXP short _fdscale(float *px, long lexp) { return fscale(px, lexp); }

/* ---- _dunscale: the fraction in [0.5, 1) in *px, the power of two in *pex ---- */

static short dunscale(short *pex, double *px)
{
    short c = dclass(*px);
    if (c == FPC_NAN || c == FPC_INFINITE || c == FPC_ZERO) {
        *pex = 0;
        return c;
    }
    uint64_t b = dbits(*px);
    int e = (int)((b >> 52) & 0x7FF), adj = 0;
    if (e == 0) {                               /* subnormal: normalise first */
        b = dbits(*px * 0x1p64);
        e = (int)((b >> 52) & 0x7FF);
        adj = 64;
    }
    *pex = (short)(e - 1022 - adj);
    *px = dfrom((b & 0x800FFFFFFFFFFFFFull) | (1022ull << 52));
    return FPC_NORMAL;
}

static short funscale(short *pex, float *px)
{
    short c = fclass(*px);
    if (c == FPC_NAN || c == FPC_INFINITE || c == FPC_ZERO) {
        *pex = 0;
        return c;
    }
    uint32_t b = fbits(*px);
    int e = (int)((b >> 23) & 0xFF), adj = 0;
    if (e == 0) {
        b = fbits(*px * 0x1p32f);
        e = (int)((b >> 23) & 0xFF);
        adj = 32;
    }
    *pex = (short)(e - 126 - adj);
    *px = ffrom((b & 0x807FFFFF) | (126u << 23));
    return FPC_NORMAL;
}

CRTEXP short _dunscale(short *pex, double *px) { return dunscale(pex, px); }
CRTEXP short _ldunscale(short *pex, double *px) { return dunscale(pex, px); }
CRTEXP short _fdunscale(short *pex, float *px) { return funscale(pex, px); }

/* ---- _dexp: *px = e^(*px) * y * 2^eoff, the power of two kept apart so the scaling rounds once ---- */

static short dexp_(double *px, double y, long eoff)
{
    short c = dclass(y);
    if (c == FPC_NAN || c == FPC_INFINITE) {
        *px = y;
        return c;
    }
    double x = *px;
    if (c == FPC_ZERO || dclass(x) == FPC_NAN) {
        *px = c == FPC_ZERO && dclass(x) != FPC_NAN ? y : x;
        return dclass(*px);
    }
    /* e^x = e^(x - k ln 2) 2^k, k the nearest integer to x / ln 2 (bounded: beyond is inf or 0) */
    double k = x / 0.69314718055994530942;
    if (k > 3000) k = 3000;
    if (k < -3000) k = -3000;
    long ki = (long)(k < 0 ? k - 0.5 : k + 0.5);
    /* ln 2 in two parts (the high one with 32 trailing zero bits, so ki * LN2_HI is exact) */
    const double LN2_HI = 6.93147180369123816490e-01, LN2_LO = 1.90821492927058770002e-10;
    double r = exp((x - (double)ki * LN2_HI) - (double)ki * LN2_LO) * y;
    *px = r;
    return dscale(px, ki + eoff);
}

CRTEXP short _dexp(double *px, double y, long eoff) { return dexp_(px, y, eoff); }
CRTEXP short _ldexp(double *px, double y, long eoff) { return dexp_(px, y, eoff); }
CRTEXP short _fdexp(float *px, float y, long eoff)
{
    double d = *px;
    short c = dexp_(&d, y, eoff);
    *px = (float)d;
    return c == FPC_NAN ? c : fclass(*px);
}

/* ---- _dnorm: shift a subnormal's fraction (given as the value's four 16-bit words, least
 * significant first) until the hidden bit's place is reached; the exponent field is left zero with
 * the sign kept, and the characteristic the caller must use comes back (1 for a zero fraction). ---- */

CRTEXP short _dnorm(unsigned short *ps)
{
    uint64_t b = (uint64_t)ps[0] | (uint64_t)ps[1] << 16 | (uint64_t)ps[2] << 32 | (uint64_t)ps[3] << 48;
    uint64_t sign = b & (1ull << 63), frac = b & 0xFFFFFFFFFFFFFull;
    short xchar = 1;
    if (frac) {
        while (frac < (1ull << 52)) { frac <<= 1; xchar--; }
        frac &= 0xFFFFFFFFFFFFFull;
    }
    b = sign | frac;
    for (int i = 0; i < 4; i++)
        ps[i] = (unsigned short)(b >> (16 * i));
    return xchar;
}

CRTEXP short _fdnorm(unsigned short *ps)
{
    uint32_t b = (uint32_t)ps[0] | (uint32_t)ps[1] << 16;
    uint32_t sign = b & 0x80000000u, frac = b & 0x7FFFFF;
    short xchar = 1;
    if (frac) {
        while (frac < (1u << 23)) { frac <<= 1; xchar--; }
        frac &= 0x7FFFFF;
    }
    b = sign | frac;
    ps[0] = (unsigned short)b;
    ps[1] = (unsigned short)(b >> 16);
    return xchar;
}

/* ---- _d_int: drop the fraction bits below 2^-xexp; -1 (FP_NORMAL) when nonzero bits went ---- */

static short d_int(double *px, short xexp)
{
    short c = dclass(*px);
    if (c == FPC_NAN || c == FPC_INFINITE || c == FPC_ZERO)
        return c;
    uint64_t b = dbits(*px);
    int e = (int)((b >> 52) & 0x7FF);
    int drop = 1075 - e - xexp;                 /* fraction bits below 2^-xexp */
    if (drop <= 0)
        return 0;
    if (drop >= 53) {                           /* every bit goes: a signed zero */
        *px = dfrom(b & (1ull << 63));
        return FPC_NORMAL;
    }
    uint64_t mask = (1ull << drop) - 1;
    uint64_t lost = b & mask;
    *px = dfrom(b & ~mask);
    return lost ? FPC_NORMAL : 0;
}

CRTEXP short _d_int(double *px, short xexp) { return d_int(px, xexp); }
CRTEXP short _ld_int(double *px, short xexp) { return d_int(px, xexp); }
CRTEXP short _fd_int(float *px, short xexp)
{
    short c = fclass(*px);
    if (c == FPC_NAN || c == FPC_INFINITE || c == FPC_ZERO)
        return c;
    uint32_t b = fbits(*px);
    int e = (int)((b >> 23) & 0xFF);
    int drop = 150 - e - xexp;
    if (drop <= 0)
        return 0;
    if (drop >= 24) {
        *px = ffrom(b & 0x80000000u);
        return FPC_NORMAL;
    }
    uint32_t mask = (1u << drop) - 1;
    uint32_t lost = b & mask;
    *px = ffrom(b & ~mask);
    return lost ? FPC_NORMAL : 0;
}

/* ---- the evaluation helpers ---- */

/* log: base e when base_flag is 0, base 10 otherwise */
CRTEXP double _dlog(double x, int base_flag) { return base_flag ? log10(x) : log(x); }
CRTEXP double _ldlog(double x, int base_flag) { return _dlog(x, base_flag); }
CRTEXP float _fdlog(float x, int base_flag) { return (float)_dlog(x, base_flag); }

/* sine offset by quadrant quarter turns: sin, cos, -sin, -cos */
CRTEXP double _dsin(double x, unsigned int quadrant)
{
    switch (quadrant & 3) {
    case 0: return sin(x);
    case 1: return cos(x);
    case 2: return -sin(x);
    default: return -cos(x);
    }
}
CRTEXP double _ldsin(double x, unsigned int quadrant) { return _dsin(x, quadrant); }
CRTEXP float _fdsin(float x, unsigned int quadrant) { return (float)_dsin(x, quadrant); }

/* the polynomial of order n with table[i] the coefficient of x^i, by Horner's rule */
CRTEXP double _dpoly(double x, const double *table, int n)
{
    double y = table[n];
    while (--n >= 0)
        y = y * x + table[n];
    return y;
}
CRTEXP double _ldpoly(double x, const double *table, int n) { return _dpoly(x, table, n); }
CRTEXP float _fdpoly(float x, const float *table, int n)
{
    float y = table[n];
    while (--n >= 0)
        y = y * x + table[n];
    return y;
}
#endif
