/* More of the math exports: erf/erfc, tgamma/lgamma, fma, nan, nexttoward, the float forms
 * the first file lacks, the long double forms (long double is double on Windows x64, so each is
 * its double function), and <fenv.h> over MXCSR with Microsoft's constants (FE_TONEAREST 0,
 * FE_UPWARD 0x100, FE_DOWNWARD 0x200, FE_TOWARDZERO 0x300; FE_INEXACT 1, FE_UNDERFLOW 2,
 * FE_OVERFLOW 4, FE_DIVBYZERO 8, FE_INVALID 0x10; fenv_t is the control and status words in
 * _controlfp's and _statusfp's encodings). */
#include "crtbase.h"
#include "errno.h"
#include "mathcore.h"

static const long double PI_L = 3.14159265358979323846264338327950288L;

double exp(double), log(double), fabs(double), floor(double), sin(double), sqrt(double), nextafter(double, double);
double copysign(double, double), logb(double), scalbn(double, int), scalbln(double, long), remainder(double, double);
double remquo(double, double, int *), rint(double), nearbyint(double), fdim(double, double), hypot(double, double);
int ilogb(double), _finite(double), _isnan(double), _fpclass(double);
long lrint(double), lround(double);
long long llrint(double), llround(double);
double acosh(double), asinh(double), atanh(double), cbrt(double), exp2(double), expm1(double), fmax(double, double);
double fmin(double, double), log1p(double), log2(double), round(double), trunc(double);
unsigned _controlfp(unsigned, unsigned);
unsigned _statusfp(void);

static double from(uint64_t u) { union { uint64_t u; double d; } v = { u }; return v.d; }

/* Extended-precision exp and log from mathcore (its own polynomials: the emulated x87 unit's
 * transcendental instructions are only double-accurate), and sin(pi x) reduced to |r| <= 1/4. */
static long double logl_(long double x) { return crt_m_logl(x); }
static long double expl_(long double x) { return crt_m_expl(x); }

static long double sinpi(long double x)
{
    long long k = (long long)(2 * x + (x < 0 ? -0.5L : 0.5L));     /* |x| < 2^52: the poles are out */
    long double n = (long double)k, r = x - n / 2;                  /* x = n/2 + r */
    int e = 0, q = (int)(k & 3);
    double t = (double)(PI_L * r);
    double v = q == 0 ? crt_m_sin(t, &e) : q == 1 ? crt_m_cos(t, &e) : q == 2 ? -crt_m_sin(t, &e) : -crt_m_cos(t, &e);
    return v;
}

/* The x87 unit at 64-bit precision for a computation, as math.c does (Windows starts it at 53). */
static unsigned short fpu_extended(void)
{
    unsigned short saved, ext = 0x37F;
    __asm__ volatile ("fnstcw %0" : "=m"(saved));
    __asm__ volatile ("fldcw %0" : : "m"(ext));
    return saved;
}

static void fpu_restore(unsigned short cw) { __asm__ volatile ("fldcw %0" : : "m"(cw)); }

/* ---- erf and erfc: a Taylor series near 0, a continued fraction in the tails, in x87 extended ---- */
static long double erf_series(long double x)
{
    long double sum = x, term = x, x2 = x * x;
    for (int n = 1; n < 200; n++) {
        term *= -x2 / n;
        long double add = term / (2 * n + 1);
        sum += add;
        if (add == 0 || (add < 0 ? -add : add) < 1e-22L * (sum < 0 ? -sum : sum)) break;
    }
    return sum * 1.1283791670955125738961589031215452L;      /* 2 / sqrt(pi) */
}

/* erfc(x) for x > 0 by Lentz's continued fraction: exp(-x^2)/sqrt(pi) / (x + 1/2/(x + 1/(x + ...))) */
static long double erfc_cf(long double x)
{
    long double tiny = 1e-300L, f = x, c = x, d = 0;
    for (int n = 1; n < 5000; n++) {
        long double a = n * 0.5L;
        d = x + a * d;
        if (d == 0) d = tiny;
        c = x + a / c;
        if (c == 0) c = tiny;
        d = 1 / d;
        long double delta = c * d;
        f *= delta;
        if ((delta - 1 < 0 ? 1 - delta : delta - 1) < 1e-20L) break;
    }
    return expl_(-x * x) / f * 0.56418958354775628694807945156077259L;  /* 1 / sqrt(pi) */
}

static double erf_ext(double x)
{
    long double ax = x < 0 ? -x : x;
    long double r = ax < 2.5L ? erf_series(ax) : 1 - erfc_cf(ax);
    return (double)(x < 0 ? -r : r);
}

static double erfc_ext(double x)
{
    if (x < 1) return (double)(1 - (x < 0 ? -erf_series(-(long double)x) : erf_series(x)));
    return (double)erfc_cf(x);                          /* no cancellation in the tail */
}

CRTEXP double erf(double x)
{
    if (_isnan(x)) return x + x;
    unsigned short cw = fpu_extended();
    double r = erf_ext(x);
    fpu_restore(cw);
    return r;
}

CRTEXP double erfc(double x)
{
    if (_isnan(x)) return x + x;
    if (x > 27.3) { crt_errno = CRT_ERANGE; return 0.0; }
    unsigned short cw = fpu_extended();
    double r = erfc_ext(x);
    fpu_restore(cw);
    return r;
}

/* ---- tgamma and lgamma: Stirling's series at z >= 20, reached by the recurrence
 * Gamma(x) = Gamma(x + n) / (x (x + 1) ... (x + n - 1)); the reflection formula below 1/2 ---- */
static long double ln_gamma_stirling(long double z)
{
    static const long double c[] = {1.0L / 12, -1.0L / 360, 1.0L / 1260, -1.0L / 1680, 1.0L / 1188,
                                    -691.0L / 360360, 1.0L / 156, -3617.0L / 122400};
    long double z2 = 1 / (z * z), p = 1 / z, s = 0;
    for (int i = 0; i < 8; i++, p *= z2) s += c[i] * p;
    return (z - 0.5L) * logl_(z) - z + 0.91893853320467274178032973640561764L + s;
}

/* ln Gamma(x) for x > 0, and the product the recurrence divided by (its log taken apart). */
static long double ln_gamma_pos(long double x)
{
    long double prod = 1;
    while (x < 20) { prod *= x; x += 1; }
    return ln_gamma_stirling(x) - logl_(prod);
}

static long double gamma_pos(long double x)
{
    long double prod = 1;
    while (x < 20) { prod *= x; x += 1; }
    return expl_(ln_gamma_stirling(x)) / prod;
}

static double lgamma_ext(double x)
{
    if (_isnan(x)) return x + x;
    if (!_finite(x)) return fabs(x);
    if (x <= 0 && floor(x) == x) { crt_errno = CRT_ERANGE; return from(0x7FF0000000000000ull); }
    if (x == 1 || x == 2) return 0.0;
    if (x < 0.5) {
        long double s = sinpi(x);
        return (double)(logl_(PI_L / (s < 0 ? -s : s)) - ln_gamma_pos(1 - (long double)x));
    }
    return (double)ln_gamma_pos(x);
}

CRTEXP double lgamma(double x)
{
    unsigned short cw = fpu_extended();
    double r = lgamma_ext(x);
    fpu_restore(cw);
    return r;
}

static double tgamma_ext(double x)
{
    if (_isnan(x)) return x + x;
    if (x == 0) { crt_errno = CRT_ERANGE; return copysign(from(0x7FF0000000000000ull), x); }
    if (x < 0 && (floor(x) == x || !_finite(x))) { crt_errno = CRT_EDOM; return from(0xFFF8000000000000ull); }
    if (!_finite(x)) return x;
    if (x > 171.62434) { crt_errno = CRT_ERANGE; return from(0x7FF0000000000000ull); }
    if (x == floor(x) && x < 24) {                      /* exact for small integers */
        double r = 1;
        for (int i = 2; i < (int)x; i++) r *= i;
        return r;
    }
    if (x < 0.5)
        return (double)(PI_L / (sinpi(x) * gamma_pos(1 - (long double)x)));
    return (double)gamma_pos(x);
}

CRTEXP double tgamma(double x)
{
    unsigned short cw = fpu_extended();
    double r = tgamma_ext(x);
    fpu_restore(cw);
    return r;
}

/* ---- fma: the exact product (Dekker's split) added with its error terms ---- */
static void two_product(double a, double b, double *p, double *e)
{
    const double split = 134217729.0;                   /* 2^27 + 1 */
    double pa = a * split, ah = pa - (pa - a), al = a - ah;
    double pb = b * split, bh = pb - (pb - b), bl = b - bh;
    *p = a * b;
    *e = ((ah * bh - *p) + ah * bl + al * bh) + al * bl;
}

CRTEXP double fma(double x, double y, double z)
{
    if (!_finite(x) || !_finite(y) || !_finite(z) || x == 0 || y == 0)
        return x * y + z;
    double p, e;
    two_product(x, y, &p, &e);
    if (!_finite(p)) return x * y + z;
    double s = p + z, bb = s - p, err = (p - (s - bb)) + (z - bb);
    return s + (err + e);
}

CRTEXP float fmaf(float x, float y, float z) { return (float)((double)x * (double)y + (double)z); }

CRTEXP double nan(const char *tag) { (void)tag; return from(0x7FF8000000000000ull); }
CRTEXP float nanf(const char *tag) { (void)tag; union { uint32_t u; float f; } v = { 0x7FC00000u }; return v.f; }
CRTEXP double nexttoward(double x, double y) { return nextafter(x, y); }

/* ---- float forms ---- */
#define F1(NAME) CRTEXP float NAME##f(float x) { return (float)NAME((double)x); }
#define F2(NAME) CRTEXP float NAME##f(float x, float y) { return (float)NAME((double)x, (double)y); }
F1(erf) F1(erfc) F1(tgamma) F1(lgamma) F1(logb) F1(nearbyint)
F2(fdim) F2(remainder)
CRTEXP int ilogbf(float x) { return ilogb(x); }
CRTEXP long lrintf(float x) { return lrint(x); }
CRTEXP long long llrintf(float x) { return llrint(x); }
CRTEXP long lroundf(float x) { return lround(x); }
CRTEXP long long llroundf(float x) { return llround(x); }
CRTEXP float scalbnf(float x, int n) { return (float)scalbn(x, n); }
CRTEXP float scalblnf(float x, long n) { return (float)scalbln(x, n); }
CRTEXP float remquof(float x, float y, int *q) { return (float)remquo(x, y, q); }

/* nextafterf steps in float's own grid. */
CRTEXP float nextafterf(float x, float y)
{
    union { float f; uint32_t u; } v = { x };
    if (x != x || y != y) return x + y;
    if ((double)x == (double)y) return y;
    if (x == 0) { union { uint32_t u; float f; } m = { ((union { float f; uint32_t u; }){ y }.u & 0x80000000u) | 1 }; return m.f; }
    if (((double)x < (double)y) == (x > 0)) v.u++;
    else v.u--;
    if ((v.u & 0x7F800000u) == 0x7F800000u || (v.u & 0x7F800000u) == 0) crt_errno = CRT_ERANGE;
    return v.f;
}
CRTEXP float nexttowardf(float x, double y)
{
    if ((double)x == y) return (float)y;
    return nextafterf(x, (double)x < y ? __builtin_inff() : -__builtin_inff());
}
CRTEXP float _nextafterf(float x, float y) { return nextafterf(x, y); }
CRTEXP float _chgsignf(float x) { return -x; }
CRTEXP float _copysignf(float x, float y) { return (float)copysign(x, y); }
CRTEXP float _logbf(float x) { return (float)logb(x); }
CRTEXP float _hypotf(float x, float y) { return (float)hypot(x, y); }
CRTEXP int _finitef(float x) { return _finite(x); }
CRTEXP int _isnanf(float x) { return x != x; }
CRTEXP int _fpclassf(float x) { return _fpclass(x); }
CRTEXP float _scalbf(float x, long n) { return (float)scalbln(x, n); }

/* ---- long double forms: double on Windows x64 ---- */
#define L1(NAME) CRTEXP double NAME##l(double x) { return NAME(x); }
#define L2(NAME) CRTEXP double NAME##l(double x, double y) { return NAME(x, y); }
L1(acosh) L1(asinh) L1(atanh) L1(cbrt) L1(exp2) L1(expm1) L1(lgamma) L1(tgamma) L1(log1p) L1(log2) L1(logb)
L1(nearbyint) L1(rint) L1(round) L1(trunc) L1(erf) L1(erfc)
L2(copysign) L2(fdim) L2(fmax) L2(fmin) L2(nextafter) L2(remainder)
CRTEXP double nexttowardl(double x, double y) { return nextafter(x, y); }
CRTEXP double fmal(double x, double y, double z) { return fma(x, y, z); }
CRTEXP double nanl(const char *tag) { return nan(tag); }
CRTEXP long lrintl(double x) { return lrint(x); }
CRTEXP long long llrintl(double x) { return llrint(x); }
CRTEXP long lroundl(double x) { return lround(x); }
CRTEXP long long llroundl(double x) { return llround(x); }
CRTEXP int ilogbl(double x) { return ilogb(x); }
CRTEXP double scalbnl(double x, int n) { return scalbn(x, n); }
CRTEXP double scalblnl(double x, long n) { return scalbln(x, n); }
CRTEXP double remquol(double x, double y, int *q) { return remquo(x, y, q); }

/* ---- <fenv.h> ---- */
typedef struct { unsigned long ctl, stat; } crt_fenv;
#define FE_ALL_EXCEPT 0x1F
#define FE_ROUND_MASK 0x300
#define MXCSR_FLAGS 0x3F

static unsigned get_mxcsr(void) { unsigned v; __asm__ volatile ("stmxcsr %0" : "=m"(v)); return v; }
static void set_mxcsr(unsigned v) { __asm__ volatile ("ldmxcsr %0" : : "m"(v)); }

/* _statusfp's bits (1 inexact, 2 underflow, 4 overflow, 8 zero divide, 0x10 invalid) <-> MXCSR's
 * (PE 0x20, UE 0x10, OE 0x8, ZE 0x4, IE 0x1; DE 0x2 has no fenv bit). */
static unsigned mx_flags(unsigned fe)
{
    return (fe & 1 ? 0x20 : 0) | (fe & 2 ? 0x10 : 0) | (fe & 4 ? 0x8 : 0) | (fe & 8 ? 0x4 : 0) | (fe & 0x10 ? 0x1 : 0);
}

CRTEXP int fegetround(void) { return (int)(_controlfp(0, 0) & FE_ROUND_MASK); }

CRTEXP int fesetround(int round)
{
    if (round & ~FE_ROUND_MASK) return 1;
    _controlfp((unsigned)round, FE_ROUND_MASK);
    unsigned short cw;                                  /* the x87 unit rounds the same way */
    __asm__ volatile ("fnstcw %0" : "=m"(cw));
    static const unsigned short x87[4] = {0x000, 0x800, 0x400, 0xC00};
    cw = (unsigned short)((cw & ~0xC00) | x87[round >> 8]);
    __asm__ volatile ("fldcw %0" : : "m"(cw));
    return 0;
}

CRTEXP int fetestexcept(int excepts) { return (int)(_statusfp() & (unsigned)excepts & FE_ALL_EXCEPT); }

CRTEXP int feclearexcept(int excepts)
{
    if (excepts & ~FE_ALL_EXCEPT) return 1;
    set_mxcsr(get_mxcsr() & ~mx_flags((unsigned)excepts));
    return 0;
}

CRTEXP int fegetexceptflag(unsigned long *flags, int excepts)
{
    if (flags == NULL) return 1;
    *flags = _statusfp() & (unsigned)excepts & FE_ALL_EXCEPT;
    return 0;
}

CRTEXP int fesetexceptflag(const unsigned long *flags, int excepts)
{
    if (flags == NULL || (excepts & ~FE_ALL_EXCEPT)) return 1;
    unsigned mask = mx_flags((unsigned)excepts);
    set_mxcsr((get_mxcsr() & ~mask) | (mx_flags((unsigned)*flags) & mask));
    return 0;
}

CRTEXP int fegetenv(crt_fenv *env)
{
    if (env == NULL) return 1;
    env->ctl = _controlfp(0, 0);
    env->stat = _statusfp();
    return 0;
}

CRTEXP int fesetenv(const crt_fenv *env)
{
    if (env == NULL) return 1;
    _controlfp((unsigned)env->ctl, 0x0008031F);          /* the exception masks, rounding, denormal control */
    set_mxcsr((get_mxcsr() & ~MXCSR_FLAGS) | mx_flags((unsigned)env->stat));
    return 0;
}

/* feholdexcept: the environment saved, the flags cleared, every exception masked. */
CRTEXP int feholdexcept(crt_fenv *env)
{
    if (fegetenv(env)) return 1;
    set_mxcsr((get_mxcsr() & ~MXCSR_FLAGS) | 0x1F80);
    return 0;
}
