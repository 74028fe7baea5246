/* The UCRT's C99 <complex.h> functions over its own complex types: _Dcomplex and _Lcomplex are
 * { double _Val[2]; } (MSVC's long double is a double), _Fcomplex { float _Val[2]; }. As structs they
 * travel the x64 way: 16-byte values by reference and returned through a hidden pointer, the 8-byte
 * _Fcomplex in a general register. Special values (infinities, NaNs, signed zeros) follow C99's
 * Annex G; the float forms compute in double and round once. msvcrt.dll has only _cabs. */
#include "crtbase.h"

#ifdef CRT_UCRT
typedef struct { double v[2]; } dcx;            /* _Dcomplex, _Lcomplex */
typedef struct { float v[2]; } fcx;             /* _Fcomplex */

double exp(double);
double log(double);
double log1p(double);
double sin(double);
double cos(double);
double tan(double);
double sinh(double);
double cosh(double);
double tanh(double);
double asinh(double);
double acosh(double);
double asin(double);
double atan2(double, double);
double sqrt(double);
double hypot(double, double);

#define PI 3.14159265358979323846
#define PI_2 1.57079632679489661923
#define LN2 0.69314718055994530942
#define LN10 2.30258509299404568402
#define INF __builtin_inf()
#define fabs_ __builtin_fabs
#define copysign_ __builtin_copysign

static int isnan_(double x) { return x != x; }
static int isinf_(double x) { return fabs_(x) == INF; }
static int finite_(double x) { return !isnan_(x) && !isinf_(x); }
static dcx mk(double re, double im) { dcx z = { { re, im } }; return z; }
static dcx times_i(dcx z) { return mk(-z.v[1], z.v[0]); }          /* i z */
static dcx times_minus_i(dcx z) { return mk(z.v[1], -z.v[0]); }    /* -i z */

/* ---- the parts, the magnitude and the argument ---- */

CRTEXP double creal(dcx z) { return z.v[0]; }
CRTEXP double cimag(dcx z) { return z.v[1]; }
CRTEXP dcx conj(dcx z) { return mk(z.v[0], -z.v[1]); }
CRTEXP double cabs(dcx z) { return hypot(z.v[0], z.v[1]); }
CRTEXP double carg(dcx z) { return atan2(z.v[1], z.v[0]); }
CRTEXP double norm(dcx z) { return z.v[0] * z.v[0] + z.v[1] * z.v[1]; }   /* |z|^2 */
CRTEXP dcx cproj(dcx z)
{
    if (isinf_(z.v[0]) || isinf_(z.v[1]))
        return mk(INF, copysign_(0.0, z.v[1]));
    return z;
}

/* ---- building and multiplying, as MSVC's <complex.h> does in place of the * operator ---- */

CRTEXP dcx _Cbuild(double re, double im) { return mk(re, im); }
CRTEXP dcx _Cmulcc(dcx x, dcx y)
{
    return mk(x.v[0] * y.v[0] - x.v[1] * y.v[1], x.v[0] * y.v[1] + x.v[1] * y.v[0]);
}
CRTEXP dcx _Cmulcr(dcx x, double y) { return mk(x.v[0] * y, x.v[1] * y); }

/* ---- exponential, logarithms, power, square root ---- */

CRTEXP dcx cexp(dcx z)
{
    double x = z.v[0], y = z.v[1];
    if (y == 0)
        return mk(exp(x), y);
    if (isinf_(x)) {
        if (x < 0)                              /* +0 cis(y), or a zero of either sign */
            return finite_(y) ? mk(0.0 * cos(y), 0.0 * sin(y)) : mk(0.0, copysign_(0.0, y));
        return finite_(y) ? mk(x * cos(y), x * sin(y)) : mk(x, y - y);
    }
    if (isnan_(x) || !finite_(y))
        return mk(x + (y - y), x + (y - y));
    if (x > 709) {                              /* e^x overflows alone: two halves around cis(y) */
        double h = exp(x * 0.5);
        return mk(h * cos(y) * h, h * sin(y) * h);
    }
    double e = exp(x);
    return mk(e * cos(y), e * sin(y));
}

/* log|z| without losing digits when |z| is near 1 */
static double log_abs(double x, double y)
{
    double ax = fabs_(x), ay = fabs_(y);
    if (ax < ay) { double t = ax; ax = ay; ay = t; }
    double h = hypot(ax, ay);
    if (h > 0.7 && h < 1.42)
        return 0.5 * log1p((ax - 1) * (ax + 1) + ay * ay);
    return log(h);
}

CRTEXP dcx clog(dcx z)
{
    double x = z.v[0], y = z.v[1];
    if (isnan_(x) || isnan_(y))
        return isinf_(x) || isinf_(y) ? mk(INF, x + y) : mk(x + y, x + y);
    if (isinf_(x) || isinf_(y))
        return mk(INF, atan2(y, x));
    if (x == 0 && y == 0)                       /* the pole: -inf, the argument keeps the signs */
        return mk(-INF, atan2(y, x));
    return mk(log_abs(x, y), atan2(y, x));
}

CRTEXP dcx clog10(dcx z)
{
    dcx w = clog(z);
    return mk(w.v[0] / LN10, w.v[1] / LN10);
}

CRTEXP dcx cpow(dcx z, dcx w)
{
    if (z.v[0] == 0 && z.v[1] == 0 && !isnan_(w.v[0]) && !isnan_(w.v[1]))
        return w.v[0] == 0 && w.v[1] == 0 ? mk(1.0, 0.0) : mk(0.0, 0.0);
    dcx l = clog(z);
    return cexp(_Cmulcc(w, l));
}

CRTEXP dcx csqrt(dcx z)
{
    double x = z.v[0], y = z.v[1];
    if (x == 0 && y == 0)
        return mk(0.0, y);
    if (isinf_(y))
        return mk(INF, y);
    if (isnan_(x))
        return mk(x, x + y);
    if (isinf_(x)) {
        if (x > 0)
            return mk(x, isnan_(y) ? y : copysign_(0.0, y));
        return mk(isnan_(y) ? y : 0.0, copysign_(INF, y));
    }
    if (isnan_(y))
        return mk(y, y);
    /* t = sqrt((|x| + |z|) / 2), scaled down first where |z| could overflow */
    double scale = 1.0;
    if (fabs_(x) > 0x1p1020 || fabs_(y) > 0x1p1020) {
        x *= 0.25; y *= 0.25; scale = 2.0;
    }
    double t = sqrt((fabs_(x) + hypot(x, y)) * 0.5);
    if (x >= 0)
        return mk(t * scale, y / (2 * t) * scale);
    return mk(fabs_(y) / (2 * t) * scale, copysign_(t, y) * scale);
}

/* ---- hyperbolic functions, and the circular ones through them (sin z = -i sinh(iz) ...) ---- */

CRTEXP dcx csinh(dcx z)
{
    double x = z.v[0], y = z.v[1];
    if (y == 0)
        return mk(sinh(x), y);
    if (x == 0 && !finite_(y))
        return mk(x, y - y);
    if (isinf_(x) && !finite_(y))
        return mk(x, y - y);
    if (fabs_(x) > 709 && finite_(x) && finite_(y)) {
        double h = exp(fabs_(x) * 0.5);
        return mk(copysign_(0.5 * h * cos(y) * h, x) , 0.5 * h * sin(y) * h);
    }
    return mk(sinh(x) * cos(y), cosh(x) * sin(y));
}

CRTEXP dcx ccosh(dcx z)
{
    double x = z.v[0], y = z.v[1];
    if (y == 0)
        return mk(cosh(x), copysign_(1.0, x) * y);
    if (x == 0 && !finite_(y))
        return mk(y - y, x);
    if (isinf_(x) && !finite_(y))
        return mk(x * x, x * (y - y));
    if (fabs_(x) > 709 && finite_(x) && finite_(y)) {
        double h = exp(fabs_(x) * 0.5);
        return mk(0.5 * h * cos(y) * h, copysign_(0.5 * h * sin(y) * h, x));
    }
    return mk(cosh(x) * cos(y), sinh(x) * sin(y));
}

CRTEXP dcx ctanh(dcx z)
{
    double x = z.v[0], y = z.v[1];
    if (y == 0)
        return mk(tanh(x), y);
    if (isinf_(x))
        return mk(copysign_(1.0, x), finite_(y) ? copysign_(0.0, sin(y) * cos(y)) : copysign_(0.0, y));
    if (!finite_(x) || !finite_(y))
        return mk(x + (y - y), x + (y - y));
    if (fabs_(x) > 22) {                        /* tanh x is +-1 to double precision */
        double e = exp(-2 * fabs_(x));
        return mk(copysign_(1.0, x), 4 * sin(y) * cos(y) * e);
    }
    /* Kahan's form: t = tan y, b = 1 + t^2, s = sinh x, r = sqrt(1 + s^2) */
    double t = tan(y), b = 1 + t * t, s = sinh(x), r = sqrt(1 + s * s), d = 1 + b * s * s;
    return mk(b * r * s / d, t / d);
}

CRTEXP dcx csin(dcx z) { return times_minus_i(csinh(times_i(z))); }
CRTEXP dcx ccos(dcx z) { return ccosh(times_i(z)); }
CRTEXP dcx ctan(dcx z) { return times_minus_i(ctanh(times_i(z))); }

/* ---- inverse functions ---- */

/* asin and acos of x + iy in the first quadrant (finite, moderate) by Hull, Fairgrieve and Tang's
 * method: R = |z + 1|, S = |z - 1|, A = (R + S) / 2; the imaginary part is log(A + sqrt(A^2 - 1))
 * with A - 1 formed without cancellation, the real part asin(x / A) (acos for cacos) or, near 1,
 * an arctangent. *re_asin, *re_acos and *im (>= 0, the magnitude of the imaginary part). */
static void asin_core(double x, double y, double *re_asin, double *re_acos, double *im)
{
    double xp1 = x + 1, xm1 = x - 1, R = hypot(xp1, y), S = hypot(xm1, y), A = 0.5 * (R + S), B = x / A;
    double y2 = y * y;
    if (A < 1.5) {
        double am1 = x < 1 ? 0.5 * (y2 / (R + xp1) + y2 / (S + (1 - x))) : 0.5 * (y2 / (R + xp1) + (S + xm1));
        *im = log1p(am1 + sqrt(am1 * (A + 1)));
    } else {
        *im = log(A + sqrt(A * A - 1));
    }
    if (B <= 0.6417) {
        *re_asin = asin(B);
        *re_acos = PI_2 - *re_asin;
        if (B > 0.3)
            *re_acos = 2 * atan2(sqrt((1 - B) * (1 + B)), 1 + B);
    } else {
        double d = x <= 1 ? sqrt(0.5 * (A + x) * (y2 / (R + xp1) + (S + (1 - x))))
                          : y * sqrt(0.5 * ((A + x) / (R + xp1) + (A + x) / (S + xm1)));
        *re_asin = atan2(x, d);
        *re_acos = atan2(d, x);
    }
}

CRTEXP dcx casinh(dcx z)
{
    double x = z.v[0], y = z.v[1], ax = fabs_(x), ay = fabs_(y), re, im;
    if (isnan_(x) || isnan_(y)) {
        if (isinf_(x)) return mk(x, y);
        if (isinf_(y)) return mk(y, x);
        if (y == 0) return mk(x, y);
        return mk(x + y, x + y);
    }
    if (isinf_(ax) || isinf_(ay)) {
        re = INF;
        im = isinf_(ax) ? (isinf_(ay) ? PI / 4 : 0.0) : PI_2;
    } else if (ay == 0) {
        re = asinh(ax); im = 0.0;
    } else if (ax == 0) {
        if (ay <= 1) { re = 0.0; im = asin(ay); }
        else { re = acosh(ay); im = PI_2; }
    } else if (ax > 0x1p500 || ay > 0x1p500) {  /* asinh z = log 2z to double precision */
        re = log_abs(ax, ay) + LN2; im = atan2(ay, ax);
    } else if (ax < 0x1p-26 && ay < 0x1p-26) {
        re = ax; im = ay;
    } else {                                    /* asinh(x + iy) = (Q, P) for asin(y + ix) = (P, Q) */
        double ra, rc;
        asin_core(ay, ax, &ra, &rc, &re);
        im = ra;
    }
    return mk(copysign_(re, x), copysign_(im, y));
}

CRTEXP dcx casin(dcx z) { return times_minus_i(casinh(times_i(z))); }

CRTEXP dcx cacos(dcx z)
{
    double x = z.v[0], y = z.v[1], ax = fabs_(x), ay = fabs_(y);
    if (!finite_(x) || !finite_(y) || ax > 0x1p500 || ay > 0x1p500 || (ax < 0x1p-26 && ay < 0x1p-26) ||
        ax == 0 || ay == 0) {
        dcx w = casin(z);                       /* the edges: pi/2 - asin z */
        return mk(PI_2 - w.v[0], -w.v[1]);
    }
    double ra, rc, im;
    asin_core(ax, ay, &ra, &rc, &im);
    return mk(x < 0 ? PI - rc : rc, y < 0 ? im : -im);
}

CRTEXP dcx cacosh(dcx z)
{
    dcx w = cacos(z);                           /* acosh z = +-i acos z, the real part >= 0 */
    return mk(fabs_(w.v[1]), copysign_(w.v[0], z.v[1]));
}

CRTEXP dcx catanh(dcx z)
{
    double x = z.v[0], y = z.v[1];
    if (isnan_(x) || isnan_(y)) {
        if (isinf_(y)) return mk(copysign_(0.0, x), copysign_(PI_2, y));
        if (isinf_(x) || x == 0) return mk(copysign_(0.0, x), y + x - x);
        return mk(x + y, x + y);
    }
    if (fabs_(x) > 0x1p500 || fabs_(y) > 0x1p500) {
        double h = hypot(x, y);                 /* atanh z = 1/z + ... - sign(y) i pi/2 */
        return mk(isinf_(h) ? copysign_(0.0, x) : x / h / h, copysign_(PI_2, y));
    }
    if (fabs_(x) == 1 && y == 0)                /* the poles */
        return mk(copysign_(INF, x), y);
    double ox = 1 - x;
    double re = x == 0 ? x : 0.25 * log1p(4 * x / (ox * ox + y * y));
    double im = 0.5 * atan2(2 * y, ox * (1 + x) - y * y);
    return mk(re, im);
}

CRTEXP dcx catan(dcx z) { return times_minus_i(catanh(times_i(z))); }

/* ---- the float forms (computed in double, rounded once) and the long double ones (doubles) ---- */

static dcx tod(fcx z) { return mk(z.v[0], z.v[1]); }
static fcx tof(dcx z) { fcx r = { { (float)z.v[0], (float)z.v[1] } }; return r; }

#define CPLX1(NAME) \
    CRTEXP fcx NAME##f(fcx z) { return tof(NAME(tod(z))); } \
    CRTEXP dcx NAME##l(dcx z) { return NAME(z); }
#define REAL1(NAME) \
    CRTEXP float NAME##f(fcx z) { return (float)NAME(tod(z)); } \
    CRTEXP double NAME##l(dcx z) { return NAME(z); }
CPLX1(cexp) CPLX1(clog) CPLX1(clog10) CPLX1(csqrt) CPLX1(csin) CPLX1(ccos) CPLX1(ctan) CPLX1(csinh)
CPLX1(ccosh) CPLX1(ctanh) CPLX1(casin) CPLX1(cacos) CPLX1(catan) CPLX1(casinh) CPLX1(cacosh)
CPLX1(catanh) CPLX1(cproj) CPLX1(conj)
REAL1(cabs) REAL1(carg) REAL1(creal) REAL1(cimag) REAL1(norm)

CRTEXP fcx cpowf(fcx z, fcx w) { return tof(cpow(tod(z), tod(w))); }
CRTEXP dcx cpowl(dcx z, dcx w) { return cpow(z, w); }

CRTEXP fcx _FCbuild(float re, float im) { fcx z = { { re, im } }; return z; }
CRTEXP fcx _FCmulcc(fcx x, fcx y)
{
    fcx r = { { x.v[0] * y.v[0] - x.v[1] * y.v[1], x.v[0] * y.v[1] + x.v[1] * y.v[0] } };
    return r;
}
CRTEXP fcx _FCmulcr(fcx x, float y) { fcx r = { { x.v[0] * y, x.v[1] * y } }; return r; }
CRTEXP dcx _LCbuild(double re, double im) { return mk(re, im); }
CRTEXP dcx _LCmulcc(dcx x, dcx y) { return _Cmulcc(x, y); }
CRTEXP dcx _LCmulcr(dcx x, double y) { return _Cmulcr(x, y); }
#endif
