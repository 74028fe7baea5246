/* The math library's computations, in x87 extended precision (64-bit significands) so that the
 * one final rounding to double is the correctly rounded result but in rare near-halfway cases:
 * exp/log families by reduction and series, pow through a split y*log(x), sin/cos/tan with an
 * exact Payne-Hanek reduction by 1280 bits of 2/pi, the inverse and hyperbolic functions, exact
 * fmod/remainder. Pure: errors are reported through *err (mathcore.h). */
#include "mathcore.h"

typedef long double ld;

#define PIO2_HI 0xc90fdaa22168c234p-63L
#define PIO2_LO 0xc4c6628b80dc1cd1p-127L
#define LN2_HI 0xb17217f7d1cf79abp-64L
#define LN2_LO 0xc9e3b39803f2f6afp-128L
#define LN2_A 0xb17217f7d1cp-44L           /* ln 2 in 44 bits: k * LN2_A is exact for |k| < 2^20 */
#define LN2_B 0xf79abc9e3b39803fp-108L     /* the next 64 bits */
#define LN10_HI 0x935d8dddaaa8ac16p-62L
#define LN10_LO 0xea56d62b82d30a28p-126L

static const uint32_t two_over_pi[40] = {
    0xA2F9836E, 0x4E441529, 0xFC2757D1, 0xF534DDC0, 0xDB629599, 0x3C439041, 0xFE5163AB, 0xDEBBC561,
    0xB7246E3A, 0x424DD2E0, 0x06492EEA, 0x09D1921C, 0xFE1DEB1C, 0xB129A73E, 0xE88235F5, 0x2EBB4484,
    0xE99C7026, 0xB45F7E41, 0x3991D639, 0x835339F4, 0x9C845F8B, 0xBDF9283B, 0x1FF897FF, 0xDE05980F,
    0xEF2F118B, 0x5A0A6D1F, 0x6D367ECF, 0x27CB09B7, 0x4F463F66, 0x9E5FEA2D, 0x7527BAC7, 0xEBE5F17B,
    0x3D0739F7, 0x8A5292EA, 0x6BFB5FB1, 0x1F8D5D08, 0x56033046, 0xFC7B6BAB, 0xF0CFBC20, 0x9AF4361D,
};

static uint64_t bits_of(double x) { union { double d; uint64_t u; } v = { x }; return v.u; }
static double from_bits(uint64_t u) { union { uint64_t u; double d; } v = { u }; return v.d; }
static int is_nan(double x) { return (bits_of(x) & 0x7FFFFFFFFFFFFFFFull) > 0x7FF0000000000000ull; }
static int is_inf(double x) { return (bits_of(x) & 0x7FFFFFFFFFFFFFFFull) == 0x7FF0000000000000ull; }
static double fabs_(double x) { return from_bits(bits_of(x) & 0x7FFFFFFFFFFFFFFFull); }

double crt_m_indefinite(void) { return from_bits(0xFFF8000000000000ull); }   /* -nan(ind) */
static double inf_(int neg) { return from_bits(((uint64_t)neg << 63) | 0x7FF0000000000000ull); }

/* The nearest integer to v, ties to even (x87 FRNDINT in the default rounding mode). */
static ld nearest(ld v)
{
    __asm__ ("frndint" : "+t"(v));
    return v;
}

/* The correctly rounded square root of a long double (x87 FSQRT). */
static ld sqrt_ld(ld v)
{
    __asm__ ("fsqrt" : "+t"(v));
    return v;
}

static ld scale2(ld v, int k)
{
    /* v * 2^k by the exponent field of the 80-bit format */
    union { ld v; struct { uint64_t m; uint16_t se; } p; } u = { v };
    if (v == 0) return v;
    int e = (u.p.se & 0x7FFF) + k;
    if (e <= 0) {                                   /* below the extended range: step down */
        while (k < -16000) { v *= 0x1p-16000L; k += 16000; }
        ld f = 1;
        while (k < 0) { f *= 0.5L; k++; }
        return v * f;
    }
    u.p.se = (uint16_t)((u.p.se & 0x8000) | e);
    return u.v;
}

/* e^r for |r| <= 0.35 or so. */
static ld exp_series(ld r)
{
    ld sum = 1, term = 1;
    for (int n = 1; n < 28; n++) {
        term *= r / n;
        sum += term;
        if (term < 1e-40L && term > -1e-40L) break;
    }
    return sum;
}

/* e^(hi + lo) as a long double with its binary exponent apart: value = m * 2^k. */
static ld exp_parts(ld hi, ld lo, int *k)
{
    ld kk = nearest(hi / LN2_HI);
    ld r = (hi - kk * LN2_A) - kk * LN2_B + lo;
    *k = (int)kk;
    return exp_series(r);
}

ld crt_m_expl(ld x)
{
    if (x > 11400) return 1.0L / 0.0L;
    if (x < -11400) return 0;
    int k;
    ld m = exp_parts(x, 0, &k);
    return scale2(m, k);
}

double crt_m_exp(double x, int *err)
{
    if (is_nan(x)) return x;
    if (is_inf(x)) return x < 0 ? 0.0 : x;          /* exact: no range error */
    if (x > 709.782712893384) { *err = CRT_M_OVERFLOW; return inf_(0); }
    if (x < -745.1332191019412) { *err = CRT_M_UNDERFLOW; return 0.0; }
    return (double)crt_m_expl(x);
}

double crt_m_exp2(double x, int *err)
{
    if (is_nan(x)) return x;
    if (is_inf(x)) return x < 0 ? 0.0 : x;
    if (x >= 1024) { *err = CRT_M_OVERFLOW; return inf_(0); }
    if (x < -1075) { *err = CRT_M_UNDERFLOW; return 0.0; }
    double k = (double)nearest(x);
    ld f = (ld)x - k;                               /* exact */
    return (double)scale2(exp_series(f * LN2_HI + f * LN2_LO), (int)k);
}

/* log of a positive finite long double, as hi + lo. */
static void log_parts(ld x, ld *hi, ld *lo)
{
    union { ld v; struct { uint64_t m; uint16_t se; } p; } u = { x };
    int e = (u.p.se & 0x7FFF) - 16383;
    if ((u.p.se & 0x7FFF) == 0) {                    /* extended subnormal: normalise */
        x *= 0x1p100L;
        u.v = x;
        e = (u.p.se & 0x7FFF) - 16383 - 100;
    }
    u.p.se = 16383;                                  /* m in [1, 2) */
    ld m = u.v;
    if (m > 1.41421356237309504880L) {
        m *= 0.5L;
        e++;
    }
    ld s = (m - 1) / (m + 1), s2 = s * s, term = s, sum = 0;
    for (int n = 1; n < 90; n += 2) {
        sum += term / n;
        term *= s2;
        if (term < 1e-40L && term > -1e-40L) break;
    }
    ld lm = 2 * sum;
    *hi = e * LN2_A + lm;                           /* e * LN2_A is exact */
    *lo = e * LN2_B + ((e * LN2_A - *hi) + lm);
}

ld crt_m_logl(ld x)
{
    ld hi, lo;
    log_parts(x, &hi, &lo);
    return hi + lo;
}

double crt_m_log(double x, int *err)
{
    if (is_nan(x)) return x;
    if (x < 0) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (x == 0) { *err = CRT_M_SING; return inf_(1); }
    if (is_inf(x)) return x;
    return (double)crt_m_logl(x);
}

double crt_m_log10(double x, int *err)
{
    if (is_nan(x)) return x;
    if (x < 0) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (x == 0) { *err = CRT_M_SING; return inf_(1); }
    if (is_inf(x)) return x;
    ld hi, lo;
    log_parts(x, &hi, &lo);
    return (double)((hi + lo) / (LN10_HI + LN10_LO));
}

double crt_m_log2(double x, int *err)
{
    if (is_nan(x)) return x;
    if (x < 0) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (x == 0) { *err = CRT_M_SING; return inf_(1); }
    if (is_inf(x)) return x;
    ld hi, lo;
    log_parts(x, &hi, &lo);
    return (double)((hi + lo) / (LN2_HI + LN2_LO));
}

/* log(1 + t) for t > -1, accurate for small t: the series in s = t / (2 + t), else log of 1 + t. */
static ld log1p_ld(ld t)
{
    if (t < 0.25L && t > -0.25L) {
        ld s = t / (2 + t), s2 = s * s, term = s, sum = 0;
        for (int n = 1; n < 90; n += 2) {
            sum += term / n;
            term *= s2;
            if (term < 1e-40L && term > -1e-40L) break;
        }
        return 2 * sum;
    }
    return crt_m_logl(1 + t);
}

double crt_m_log1p(double x, int *err)
{
    if (is_nan(x)) return x;
    if (x < -1) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (x == -1) { *err = CRT_M_SING; return inf_(1); }
    if (is_inf(x) || x == 0) return x;              /* log1p(-0) is -0 */
    return (double)log1p_ld(x);
}

double crt_m_expm1(double x, int *err)
{
    if (is_nan(x) || x == 0) return x;              /* expm1(-0) is -0 */
    if (is_inf(x)) return x < 0 ? -1.0 : x;
    if (x > 709.782712893384) { *err = CRT_M_OVERFLOW; return inf_(0); }
    if (x < -40) return -1.0;
    if (fabs_(x) < 0.35) {
        ld sum = 0, term = 1;
        for (int n = 1; n < 40; n++) {
            term *= (ld)x / n;
            sum += term;
            if (term < 1e-40L && term > -1e-40L) break;
        }
        return (double)sum;
    }
    return (double)(crt_m_expl(x) - 1);
}

/* Dekker's split of a long double into two 32-bit halves: products of halves are exact. */
static void split(ld a, ld *hi, ld *lo)
{
    ld c = a * 4294967297.0L;                       /* 2^32 + 1 */
    *hi = c - (c - a);
    *lo = a - *hi;
}

static int is_integer(double y)
{
    if (is_inf(y) || is_nan(y)) return 0;
    if (fabs_(y) >= 0x1p52) return 1;
    return (double)(long long)y == y;
}

static int is_odd_integer(double y)
{
    if (!is_integer(y) || fabs_(y) >= 0x1p53) return 0;
    return ((long long)y) & 1;
}

double crt_m_pow(double x, double y, int *err)
{
    if (y == 0) return 1.0;
    if (x == 1) return 1.0;
    if (is_nan(x) || is_nan(y)) return x + y;
    int yodd = is_odd_integer(y);
    if (x == 0) {
        int neg = (bits_of(x) >> 63) && yodd;
        if (y < 0) { *err = CRT_M_SING; return inf_(neg); }
        return neg ? -0.0 : 0.0;
    }
    if (is_inf(y)) {
        double ax = fabs_(x);
        if (ax == 1) return 1.0;
        return (ax > 1) == (y > 0) ? inf_(0) : 0.0;
    }
    if (is_inf(x)) {
        int neg = x < 0 && yodd;
        if (y < 0) return neg ? -0.0 : 0.0;
        return inf_(neg);
    }
    int neg = 0;
    if (x < 0) {
        if (!is_integer(y)) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
        neg = yodd;
        x = -x;
    }
    /* y * log(x) as th + tl, then e^(th + tl) */
    ld lh, ll;
    log_parts(x, &lh, &ll);
    ld yh, yl, ah, al;
    split((ld)y, &yh, &yl);
    split(lh, &ah, &al);
    ld th = (ld)y * lh;
    ld tl = ((yh * ah - th) + yh * al + yl * ah + yl * al) + (ld)y * ll;
    if (th > 710 * 1.0L) { *err = CRT_M_OVERFLOW; return inf_(neg); }
    if (th < -746 * 1.0L) { *err = CRT_M_UNDERFLOW; return neg ? -0.0 : 0.0; }
    int k;
    ld m = exp_parts(th, tl, &k);
    double r = (double)scale2(m, k);
    if (is_inf(r)) *err = CRT_M_OVERFLOW;
    else if (r == 0) *err = CRT_M_UNDERFLOW;
    return neg ? -r : r;
}

/* ---- trigonometric ---- */

/* x = q * pi/2 + r with |r| <= pi/4, r as a long double; returns q mod 4. */
static int reduce(double x, ld *r)
{
    uint64_t b = bits_of(x);
    int neg = (int)(b >> 63);
    double ax = fabs_(x);
    if (ax <= 0.785398163397448279) {
        *r = x;
        return 0;
    }
    int bexp = (int)((b >> 52) & 0x7FF);
    uint64_t m = (b & 0xFFFFFFFFFFFFFull) | (1ull << 52);
    int e = bexp - 1075;                            /* |x| = m * 2^e, e >= -53 here */
    int p = e + 53 + 200;                           /* bits of 2/pi taken: T = floor(2/pi * 2^p) */
    if (p > 1280) p = 1280;
    /* T as little-endian 32-bit words: the top p bits of the table */
    uint32_t t[41] = { 0 };
    int nw = (p + 31) / 32;
    for (int i = 0; i < nw; i++) t[nw - 1 - i] = two_over_pi[i];
    int extra = nw * 32 - p;                        /* drop the low `extra` bits */
    if (extra) {
        for (int i = 0; i < nw; i++) {
            t[i] = (t[i] >> extra) | (i + 1 < nw ? t[i + 1] << (32 - extra) : 0);
        }
    }
    /* N = m * T */
    uint32_t n[44] = { 0 };
    uint32_t mw[2] = { (uint32_t)m, (uint32_t)(m >> 32) };
    for (int j = 0; j < 2; j++) {
        uint64_t carry = 0;
        for (int i = 0; i < nw; i++) {
            uint64_t v = (uint64_t)mw[j] * t[i] + n[i + j] + carry;
            n[i + j] = (uint32_t)v;
            carry = v >> 32;
        }
        for (int i = nw + j; carry; i++) {
            uint64_t v = (uint64_t)n[i] + carry;
            n[i] = (uint32_t)v;
            carry = v >> 32;
        }
    }
    /* x * 2/pi = N * 2^(e - p): the binary point sits below bit (p - e) */
    int point = p - e;
#define NBIT(i) ((i) >= 0 && (i) / 32 < 44 ? (n[(i) / 32] >> ((i) % 32)) & 1 : 0)
    int q = (int)(NBIT(point) | NBIT(point + 1) << 1);
    uint64_t f1 = 0, f2 = 0, f3 = 0;                /* 192 bits of the fraction */
    for (int i = 1; i <= 64; i++) f1 = f1 << 1 | NBIT(point - i);
    for (int i = 65; i <= 128; i++) f2 = f2 << 1 | NBIT(point - i);
    for (int i = 129; i <= 192; i++) f3 = f3 << 1 | NBIT(point - i);
#undef NBIT
    int away = (int)(f1 >> 63);                     /* fraction > 1/2: r = -(1 - fraction), q + 1 */
    if (away) {                                     /* 1 - f in 192-bit integer arithmetic, exact */
        f1 = ~f1; f2 = ~f2; f3 = ~f3;
        if (++f3 == 0 && ++f2 == 0) ++f1;
        q++;
    }
    ld frac = ((ld)f1 * 0x1p-64L + (ld)f2 * 0x1p-128L) + (ld)f3 * 0x1p-192L;
    if (away) frac = -frac;
    ld rh, rl, ph, pl;
    split(frac, &rh, &rl);
    split(PIO2_HI, &ph, &pl);
    ld v = frac * PIO2_HI;
    ld w = ((rh * ph - v) + rh * pl + rl * ph + rl * pl) + frac * PIO2_LO;
    *r = v + w;
    if (neg) {
        *r = -*r;
        q = -q;
    }
    return q & 3;
}

static ld sin_series(ld r)
{
    ld r2 = r * r, term = r, sum = r;
    for (int n = 2; n < 40; n += 2) {
        term *= -r2 / ((ld)n * (n + 1));
        sum += term;
        if (term < 1e-40L && term > -1e-40L) break;
    }
    return sum;
}

static ld cos_series(ld r)
{
    ld r2 = r * r, term = 1, sum = 1;
    for (int n = 1; n < 40; n += 2) {
        term *= -r2 / ((ld)n * (n + 1));
        sum += term;
        if (term < 1e-40L && term > -1e-40L) break;
    }
    return sum;
}

double crt_m_sin(double x, int *err)
{
    if (is_nan(x)) return x;
    if (is_inf(x)) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (x == 0) return x;
    ld r;
    int q = reduce(x, &r);
    ld v = q == 0 ? sin_series(r) : q == 1 ? cos_series(r) : q == 2 ? -sin_series(r) : -cos_series(r);
    return (double)v;
}

double crt_m_cos(double x, int *err)
{
    if (is_nan(x)) return x;
    if (is_inf(x)) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    ld r;
    int q = reduce(x, &r);
    ld v = q == 0 ? cos_series(r) : q == 1 ? -sin_series(r) : q == 2 ? -cos_series(r) : sin_series(r);
    return (double)v;
}

double crt_m_tan(double x, int *err)
{
    if (is_nan(x)) return x;
    if (is_inf(x)) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (x == 0) return x;
    ld r;
    int q = reduce(x, &r);
    ld s = sin_series(r), c = cos_series(r);
    return (double)((q & 1) ? -c / s : s / c);
}

/* atan for a long double: halve the angle twice, then the series. */
static ld atanl_(ld x)
{
    int neg = x < 0;
    if (neg) x = -x;
    int inv = x > 1;
    if (inv) x = 1 / x;
    for (int i = 0; i < 2; i++)
        x = x / (1 + sqrt_ld(1 + x * x));
    ld x2 = x * x, term = x, sum = 0;
    for (int n = 1; n < 120; n += 2) {
        sum += term / n;
        term *= -x2;
        if (term < 1e-40L && term > -1e-40L) break;
    }
    sum *= 4;
    if (inv) sum = (PIO2_HI - sum) + PIO2_LO;
    return neg ? -sum : sum;
}

double crt_m_atan(double x)
{
    if (is_nan(x) || x == 0) return x;
    if (is_inf(x)) return x < 0 ? -(double)(PIO2_HI + PIO2_LO) : (double)(PIO2_HI + PIO2_LO);
    return (double)atanl_(x);
}

double crt_m_atan2(double y, double x)
{
    if (is_nan(x) || is_nan(y)) return x + y;
    int yneg = (int)(bits_of(y) >> 63), xneg = (int)(bits_of(x) >> 63);
    ld pi = 2 * PIO2_HI + 2 * PIO2_LO;
    ld v;
    if (y == 0) v = xneg ? pi : 0;
    else if (x == 0) v = PIO2_HI + PIO2_LO;
    else if (is_inf(x) && is_inf(y)) v = xneg ? 3 * (PIO2_HI + PIO2_LO) / 2 : (PIO2_HI + PIO2_LO) / 2;
    else if (is_inf(x)) v = xneg ? pi : 0;
    else if (is_inf(y)) v = PIO2_HI + PIO2_LO;
    else {
        ld a = atanl_((ld)fabs_(y) / (ld)fabs_(x));
        v = xneg ? (pi - a) : a;
    }
    return (double)(yneg ? -v : v);
}

double crt_m_asin(double x, int *err)
{
    if (is_nan(x)) return x;
    if (fabs_(x) > 1) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (x == 0) return x;
    ld c = sqrt_ld((1 - (ld)x) * (1 + (ld)x));
    if (c == 0) return x < 0 ? -(double)(PIO2_HI + PIO2_LO) : (double)(PIO2_HI + PIO2_LO);
    return (double)atanl_((ld)x / c);
}

double crt_m_acos(double x, int *err)
{
    if (is_nan(x)) return x;
    if (fabs_(x) > 1) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (x == 1) return 0.0;
    if (x == -1) return (double)(2 * PIO2_HI + 2 * PIO2_LO);
    ld s = sqrt_ld((1 - (ld)x) * (1 + (ld)x));
    ld a = atanl_(s / (ld)fabs_(x));                /* the angle from the nearer axis */
    if (x == 0) a = PIO2_HI + PIO2_LO;
    return (double)(x < 0 ? (2 * PIO2_HI - a) + 2 * PIO2_LO : a);
}

/* ---- hyperbolic ---- */

double crt_m_sinh(double x, int *err)
{
    if (is_nan(x) || is_inf(x) || x == 0) return x;
    double ax = fabs_(x);
    if (ax > 710.475860073943977) { *err = CRT_M_OVERFLOW; return inf_(x < 0); }
    ld v;
    if (ax < 0.35) {
        ld x2 = (ld)x * x, term = x, sum = x;
        for (int n = 2; n < 40; n += 2) {
            term *= x2 / ((ld)n * (n + 1));
            sum += term;
            if (term < 1e-40L && term > -1e-40L) break;
        }
        v = sum;
    } else {
        ld e = crt_m_expl(ax);
        v = (e - 1 / e) / 2;
        if (x < 0) v = -v;
    }
    return (double)v;
}

double crt_m_cosh(double x, int *err)
{
    if (is_nan(x)) return x;
    double ax = fabs_(x);
    if (is_inf(x)) return inf_(0);
    if (ax > 710.475860073943977) { *err = CRT_M_OVERFLOW; return inf_(0); }
    ld e = crt_m_expl(ax);
    return (double)((e + 1 / e) / 2);
}

double crt_m_tanh(double x)
{
    if (is_nan(x) || x == 0) return x;
    double ax = fabs_(x);
    if (ax > 23) return x < 0 ? -1.0 : 1.0;
    ld v;
    if (ax < 0.35) {                                /* the sinh and cosh series */
        ld x2 = (ld)ax * ax, ts = ax, sh = ax, tc = 1, ch = 1;
        for (int n = 2; n < 40; n += 2) {
            ts *= x2 / ((ld)n * (n + 1));
            tc *= x2 / ((ld)(n - 1) * n);
            sh += ts;
            ch += tc;
            if (ts < 1e-40L) break;
        }
        v = sh / ch;
    } else {
        ld e2 = crt_m_expl(2 * (ld)ax);
        v = (e2 - 1) / (e2 + 1);
    }
    return (double)(x < 0 ? -v : v);
}

double crt_m_asinh(double x)
{
    if (is_nan(x) || is_inf(x) || x == 0) return x;
    ld ax = fabs_(x), v;
    if (ax < 0.25) {
        /* log1p(a + a^2 / (1 + sqrt(1 + a^2))) */
        ld t = ax + ax * ax / (1 + sqrt_ld(1 + ax * ax));
        ld s = t / (2 + t), s2 = s * s, term = s, sum = 0;
        for (int n = 1; n < 90; n += 2) {
            sum += term / n;
            term *= s2;
            if (term < 1e-40L) break;
        }
        v = 2 * sum;
    } else if (ax > 0x1p32L)
        v = crt_m_logl(ax) + (LN2_HI + LN2_LO);
    else
        v = crt_m_logl(ax + sqrt_ld(ax * ax + 1));
    return (double)(x < 0 ? -v : v);
}

double crt_m_acosh(double x, int *err)
{
    if (is_nan(x)) return x;
    if (x < 1) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (is_inf(x)) return x;
    ld a = x;
    if (a > 0x1p32L)
        return (double)(crt_m_logl(a) + (LN2_HI + LN2_LO));
    ld t = a - 1;                                   /* exact: log1p(t + sqrt(2t + t^2)) keeps x near 1 */
    return (double)log1p_ld(t + sqrt_ld(t * (t + 2)));
}

double crt_m_atanh(double x, int *err)
{
    if (is_nan(x)) return x;
    if (fabs_(x) > 1) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (fabs_(x) == 1) { *err = CRT_M_SING; return inf_(x < 0); }
    if (x == 0) return x;
    ld a = fabs_(x), v;
    if (a < 0.25) {
        ld a2 = a * a, term = a, sum = 0;
        for (int n = 1; n < 120; n += 2) {
            sum += term / n;
            term *= a2;
            if (term < 1e-40L) break;
        }
        v = sum;
    } else
        v = crt_m_logl((1 + a) / (1 - a)) / 2;
    return (double)(x < 0 ? -v : v);
}

double crt_m_cbrt(double x)
{
    if (is_nan(x) || is_inf(x) || x == 0) return x;
    ld a = fabs_(x);
    ld r = crt_m_expl(crt_m_logl(a) / 3);
    r = r - (r * r * r - a) / (3 * r * r);          /* one Newton step */
    return (double)(x < 0 ? -r : r);
}

double crt_m_hypot(double x, double y, int *err)
{
    if (is_inf(x) || is_inf(y)) return inf_(0);
    if (is_nan(x) || is_nan(y)) return x + y;
    ld v = sqrt_ld((ld)x * x + (ld)y * y);
    double r = (double)v;
    if (is_inf(r)) *err = CRT_M_OVERFLOW;
    return r;
}

/* ---- exact remainders ---- */

/* x - n*y exactly, n the quotient truncated (fmod) or rounded half to even (remainder). */
static double remainder_exact(double x, double y, int nearest_quotient, int *quo)
{
    uint64_t bx = bits_of(x), by = bits_of(y);
    int sx = (int)(bx >> 63);
    int ex = (int)((bx >> 52) & 0x7FF), ey = (int)((by >> 52) & 0x7FF);
    uint64_t mx = bx & 0xFFFFFFFFFFFFFull, my = by & 0xFFFFFFFFFFFFFull;
    if (ex) mx |= 1ull << 52; else ex = 1;
    if (ey) my |= 1ull << 52; else ey = 1;
    while (mx && !(mx >> 52)) { mx <<= 1; ex--; }  /* subnormals normalised: the division needs */
    while (!(my >> 52)) { my <<= 1; ey--; }         /* both significands in [2^52, 2^53) */
    uint64_t q = 0;
    double ax = fabs_(x), ay = fabs_(y);
    if (ax < ay) {
        if (!nearest_quotient) { if (quo) *quo = 0; return x; }
    }
    /* long division on the significands, exponent ex down to ey */
    uint64_t r = mx;
    int e = ex;
    if (ax >= ay) {
        while (e > ey) {
            if (r >= my) { r -= my; q = q << 1 | 1; } else q <<= 1;
            r <<= 1;
            e--;
        }
        if (r >= my) { r -= my; q = q << 1 | 1; } else q <<= 1;
    } else {
        e = ex;
    }
    /* r * 2^(e - 1075) is the truncated remainder (for ax < ay it is x itself) */
    double rem;
    if (ax >= ay) {
        ld v = (ld)r;
        rem = (double)scale2(v, ey - 1075);
    } else
        rem = ax;
    if (nearest_quotient) {
        double half = ay / 2;
        if (ax < ay) q = 0;
        int up = rem > half || (rem == half && (q & 1));
        if (up) {
            rem = rem - ay;
            q++;
        }
    }
    if (quo) *quo = (int)(q & 0x7FFFFFFF);
    return sx ? -rem : rem;
}

double crt_m_fmod(double x, double y, int *err)
{
    if (is_nan(x) || is_nan(y)) return x + y;
    if (is_inf(x) || y == 0) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (is_inf(y) || x == 0) return x;
    return remainder_exact(x, y, 0, NULL);
}

double crt_m_remainder(double x, double y, int *quo, int *err)
{
    if (is_nan(x) || is_nan(y)) return x + y;
    if (is_inf(x) || y == 0) { *err = CRT_M_DOMAIN; return crt_m_indefinite(); }
    if (is_inf(y)) { if (quo) *quo = 0; return x; }
    int q;
    double r = remainder_exact(x, y, 1, &q);
    if (quo) {
        int neg = (bits_of(x) >> 63) != (bits_of(y) >> 63);
        *quo = neg ? -(q & 7) : (q & 7);
    }
    if (r == 0) r = (bits_of(x) >> 63) ? -0.0 : 0.0;
    return r;
}
