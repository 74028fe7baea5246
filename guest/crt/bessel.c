/* Bessel functions of integer order: _j0/_j1/_jn (first kind) and _y0/_y1/_yn (second kind), both
 * runtimes. Computed in x87 extended precision: Miller's backward recurrence normalised by
 * 1 = J0 + 2 (J2 + J4 + ...) below x = 20 (with Neumann's series for Y0 and Y1 over those J's),
 * Hankel's asymptotic expansion from x = 20 on. Errors as Microsoft documents them: a NaN is
 * _DOMAIN (EDOM); for _y*, x < 0 is _DOMAIN (EDOM, -HUGE_VAL) and x = 0 is _SING (ERANGE, -HUGE_VAL). */
#include "crtbase.h"
#include "errno.h"
#include "mathcore.h"

int _isnan(double), _finite(double);

#define MILLER_MAX 160                  /* the longest recurrence kept whole (x < 20, order 0 and 1) */
static const long double PI_L = 3.14159265358979323846264338327950288L;
static const long double EULER_L = 0.57721566490153286060651209008240243L;

static double inf_(int neg) { union { uint64_t u; double d; } v = { neg ? 0xFFF0000000000000ull : 0x7FF0000000000000ull }; return v.d; }

/* The x87 unit at 64-bit precision for a computation, as math.c does (Windows starts it at 53). */
static unsigned short fpu_extended(void)
{
    unsigned short saved, ext = 0x37F;
    __asm__ volatile ("fnstcw %0" : "=m"(saved));
    __asm__ volatile ("fldcw %0" : : "m"(ext));
    return saved;
}

static void fpu_restore(unsigned short cw) { __asm__ volatile ("fldcw %0" : : "m"(cw)); }

static long double sqrt_l(long double x) { __asm__ ("fsqrt" : "+t"(x)); return x; }
static long double fabs_l(long double x) { return x < 0 ? -x : x; }

/* The recurrence's starting order: far enough above max(n, x) for 64-bit accuracy. */
static int miller_start(int n, long double x)
{
    int m = n > (int)x ? n : (int)x + 1;
    int start = m + 24 + (int)sqrt_l(60.0L * m);
    return start + (start & 1);
}

/* Step 1: b_{k-1} = (2k/x) b_k - b_{k+1} from b_N = tiny down to b_0, kept in j[0..keep];
 * the sum b_0 + 2 (b_2 + b_4 + ...) normalises every kept value (rescaled on the way up). */
static void miller(long double x, int start, long double *j, int keep)
{
    long double next = 0, cur = 1e-30L, sum = 0;
    if (start <= keep) j[start] = cur;
    for (int k = start; k >= 1; k--) {
        long double prev = 2 * k / x * cur - next;
        next = cur;
        cur = prev;
        if (k - 1 <= keep) j[k - 1] = cur;
        if (k - 1 > 0 && ((k - 1) & 1) == 0) sum += 2 * cur;
        if (fabs_l(cur) > 1e300L) {                     /* keep the recurrence in range */
            cur *= 1e-300L; next *= 1e-300L; sum *= 1e-300L;
            for (int i = k - 1; i <= keep && i <= start; i++) j[i] *= 1e-300L;
        }
    }
    sum += cur;
    for (int i = 0; i <= keep; i++) j[i] /= sum;
}

/* Hankel's expansion for x >= 20: P and Q of order nu, summed while the terms still shrink. */
static void hankel_pq(int nu, long double x, long double *p, long double *q)
{
    long double mu = 4.0L * nu * nu, t = 1, sp = 1, sq = 0;
    for (int k = 1; k < 200; k++) {
        long double nt = t * (mu - (long double)(2 * k - 1) * (2 * k - 1)) / (k * 8 * x);
        if (fabs_l(nt) >= fabs_l(t) || nt == 0) break;
        t = nt;
        long double term = ((k >> 1) & 1) ? -t : t;
        if (k & 1) sq += term; else sp += term;
        if (fabs_l(t) < 1e-24L) break;
    }
    *p = sp; *q = sq;
}

/* sin x and cos x in extended precision: Cody and Waite's reduction by pi/2 in three parts of
 * 32, 32 and 64 bits (k P1 and k P2 exact for k < 2^30), then Taylor's series on |r| <= pi/4.
 * Beyond 1e9 mathcore's double sin and cos (the result's amplitude is below 3e-5 there). */
static void sincos_l(long double x, long double *s, long double *c)
{
    if (x > 1e9L) { int e = 0; *s = crt_m_sin((double)x, &e); *c = crt_m_cos((double)x, &e); return; }
    const long double p1 = 0xc90fdaa2p-31L, p2 = 0x85a308d3p-65L, p3 = 0x98cc51701b839a25p-132L;
    long long k = (long long)(x * 0.63661977236758134307553505349005745L + 0.5L);
    long double kd = (long double)k, r = ((x - kd * p1) - kd * p2) - kd * p3, r2 = r * r;
    long double sn = r, cs = 1, ts = r, tc = 1;
    for (int i = 1; i < 14; i++) {
        ts *= -r2 / ((2 * i) * (2 * i + 1)); sn += ts;
        tc *= -r2 / ((2 * i - 1) * (2 * i)); cs += tc;
    }
    switch (k & 3) {
    case 0: *s = sn; *c = cs; break;
    case 1: *s = cs; *c = -sn; break;
    case 2: *s = -sn; *c = -cs; break;
    default: *s = -cs; *c = sn; break;
    }
}

/* J_nu and Y_nu (nu = 0 or 1) for x >= 20: sqrt(2/(pi x)) (P cos chi -+ Q sin chi), chi = x - (2 nu + 1) pi/4,
 * with cos chi and sin chi taken from sin x and cos x. */
static void hankel(int nu, long double x, long double *jv, long double *yv)
{
    long double s, c, p, q, cs, sn;
    const long double r2 = 0.70710678118654752440084436210484904L;
    sincos_l(x, &s, &c);
    if (nu == 0) { cs = (c + s) * r2; sn = (s - c) * r2; }
    else { cs = (s - c) * r2; sn = -(s + c) * r2; }
    hankel_pq(nu, x, &p, &q);
    long double amp = sqrt_l(2 / (PI_L * x));
    *jv = amp * (p * cs - q * sn);
    *yv = amp * (p * sn + q * cs);
}

/* J0, J1, Y0 and Y1 at x > 0 in extended precision (Y only when want_y). */
static void bessel01(long double x, long double *j0, long double *j1, long double *y0, long double *y1, int want_y)
{
    if (x >= 20) {
        hankel(0, x, j0, y0);
        hankel(1, x, j1, y1);
        return;
    }
    long double j[MILLER_MAX + 2];
    int start = miller_start(1, x);
    miller(x, start, j, start);
    j[start + 1] = 0;
    *j0 = j[0]; *j1 = j[1];
    if (!want_y) return;
    /* Step 2: Neumann's series, (pi/2) Y0 = (ln(x/2) + gamma) J0 - 2 sum (-1)^k J_2k / k, and its
     * derivative for Y1 = -Y0' with J_2k' = (J_2k-1 - J_2k+1) / 2. */
    long double lg = crt_m_logl(x / 2) + EULER_L, s0 = 0, s1 = 0;
    for (int k = 1; 2 * k <= start; k++) {
        long double sign = (k & 1) ? -1 : 1;
        s0 += sign * j[2 * k] / k;
        s1 += sign * (j[2 * k - 1] - j[2 * k + 1]) / k;
    }
    *y0 = 2 / PI_L * (lg * j[0] - 2 * s0);
    *y1 = -2 / PI_L * (j[0] / x - lg * j[1] - s1);
}

/* J_n(x) for n >= 2, x > 0: forward from J0 and J1 while n < x (stable there), else Miller's. */
static long double jn_pos(int n, long double x)
{
    long double j0, j1, y0, y1;
    if (x >= 20 && n < x) {
        bessel01(x, &j0, &j1, &y0, &y1, 0);
        for (int k = 1; k < n; k++) { long double j2 = 2 * k / x * j1 - j0; j0 = j1; j1 = j2; }
        return j1;
    }
    /* ln J_n(x) <= n ln(e x / 2n): nothing left of it in a double once that is below -800 */
    if (n > 2 * x && n * (crt_m_logl(2.718281828459045235360L * x / (2.0L * n))) < -800) return 0;
    int start = miller_start(n, x);
    long double next = 0, cur = 1e-30L, sum = 0, jn = 0;
    for (int k = start; k >= 1; k--) {
        long double prev = 2 * k / x * cur - next;
        next = cur; cur = prev;
        if (k - 1 == n) jn = cur;
        if (k - 1 > 0 && ((k - 1) & 1) == 0) sum += 2 * cur;
        if (fabs_l(cur) > 1e300L) { cur *= 1e-300L; next *= 1e-300L; sum *= 1e-300L; jn *= 1e-300L; }
    }
    return jn / (sum + cur);
}

/* Shared entry: the x87 unit at 64-bit precision around each computation. */
static double j_n(int n, double x)
{
    if (_isnan(x)) { crt_errno = CRT_EDOM; return x + x; }
    int neg = 0;
    if (n < 0) { n = -n; neg ^= n & 1; }              /* J_-n = (-1)^n J_n */
    if (x < 0) { x = -x; neg ^= n & 1; }              /* J_n(-x) = (-1)^n J_n(x) */
    if (!_finite(x)) return 0.0;
    if (x == 0) return n == 0 ? 1.0 : 0.0;
    unsigned short cw = fpu_extended();
    long double r, j0, j1, y0, y1;
    if (n <= 1) { bessel01(x, &j0, &j1, &y0, &y1, 0); r = n ? j1 : j0; }
    else r = jn_pos(n, x);
    double d = (double)(neg ? -r : r);
    fpu_restore(cw);
    return d;
}

static double y_n(int n, double x)
{
    if (_isnan(x)) { crt_errno = CRT_EDOM; return x + x; }
    if (x < 0) { crt_errno = CRT_EDOM; return inf_(1); }
    if (x == 0) { crt_errno = CRT_ERANGE; return inf_(1); }
    int neg = 0;
    if (n < 0) { n = -n; neg = n & 1; }               /* Y_-n = (-1)^n Y_n */
    if (!_finite(x)) return 0.0;
    unsigned short cw = fpu_extended();
    long double j0, j1, y0, y1;
    bessel01(x, &j0, &j1, &y0, &y1, 1);
    long double r = n ? y1 : y0;
    for (int k = 1; k < n && fabs_l(y1) < 1e310L; k++) {   /* forward is stable for Y */
        long double y2 = 2 * k / (long double)x * y1 - y0;
        y0 = y1; y1 = y2; r = y1;
    }
    double d = (double)(neg ? -r : r);
    fpu_restore(cw);
    if (!_finite(d)) { crt_errno = CRT_ERANGE; return inf_(d > 0 ? 0 : 1); }
    return d;
}

CRTEXP double _j0(double x) { return j_n(0, x); }
CRTEXP double _j1(double x) { return j_n(1, x); }
CRTEXP double _jn(int n, double x) { return j_n(n, x); }
CRTEXP double _y0(double x) { return y_n(0, x); }
CRTEXP double _y1(double x) { return y_n(1, x); }
CRTEXP double _yn(int n, double x) { return y_n(n, x); }
