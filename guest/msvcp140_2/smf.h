/* msvcp140_2's shared declarations: the export marker, the UCRT's libm imports, and the error
 * convention the STL's wrappers have: a NaN argument comes back as is; an argument outside the
 * function's domain gives a quiet NaN with errno EDOM; an overflow gives an infinity. */
#pragma once
#define SMF __declspec(dllexport)
#define SMF_CALL __stdcall
#define NAN_ (__builtin_nan(""))
#define INF_ (__builtin_inf())
#define PI_ 3.14159265358979323846
#define EULER_GAMMA 0.57721566490153286061
#define IS_NAN(x) __builtin_isnan(x)

#ifdef SMF_HOST_TEST                                     /* built natively to compare with mpmath */
#include <math.h>
#include <errno.h>
#define SET_EDOM() (errno = EDOM)
#else
__declspec(dllimport) double sqrt(double), exp(double), log(double), sin(double), cos(double), pow(double, double),
    fabs(double), floor(double), lgamma(double), tgamma(double), sinh(double), cosh(double), expm1(double),
    log1p(double), round(double), atan(double), acos(double), atanh(double), acosh(double), asinh(double);
__declspec(dllimport) int *_errno(void);
#define SET_EDOM() (*_errno() = 33)
#endif

static inline double DomainError(void)
{
    SET_EDOM();
    return NAN_;
}

/* sin(pi x) and cos(pi x) with the argument reduced exactly (zero at the integers) */
double SinPi(double x);
double CosPi(double x);
double CylBesselJ(double nu, double x);                  /* bessel.c, x >= 0 */
double CylNeumann(double nu, double x);
