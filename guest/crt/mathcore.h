/* The math library's computations (mathcore.c), free of errno: errors come back in *err. */
#pragma once
#include "crtbase.h"

#define CRT_M_DOMAIN 1      /* _DOMAIN: EDOM, the result is -nan(ind) */
#define CRT_M_SING 2        /* _SING: a pole, EDOM... reported as ERANGE by the C runtime */
#define CRT_M_OVERFLOW 3
#define CRT_M_UNDERFLOW 4

double crt_m_indefinite(void);
long double crt_m_expl(long double x);
long double crt_m_logl(long double x);
double crt_m_exp(double x, int *err);
double crt_m_exp2(double x, int *err);
double crt_m_expm1(double x, int *err);
double crt_m_log(double x, int *err);
double crt_m_log10(double x, int *err);
double crt_m_log2(double x, int *err);
double crt_m_log1p(double x, int *err);
double crt_m_pow(double x, double y, int *err);
double crt_m_sin(double x, int *err);
double crt_m_cos(double x, int *err);
double crt_m_tan(double x, int *err);
double crt_m_atan(double x);
double crt_m_atan2(double y, double x);
double crt_m_asin(double x, int *err);
double crt_m_acos(double x, int *err);
double crt_m_sinh(double x, int *err);
double crt_m_cosh(double x, int *err);
double crt_m_tanh(double x);
double crt_m_asinh(double x);
double crt_m_acosh(double x, int *err);
double crt_m_atanh(double x, int *err);
double crt_m_cbrt(double x);
double crt_m_hypot(double x, double y, int *err);
double crt_m_fmod(double x, double y, int *err);
double crt_m_remainder(double x, double y, int *quo, int *err);
