/* msvcp140_2's special math functions called as <cmath> calls them (__std_smf_*, double and
 * float): values against references computed with mpmath to 40 digits (cases.inc, a relative
 * tolerance each), the edge values, NaN passed through, and the domain errors (a quiet NaN and
 * errno EDOM). Exit code: failed checks. */
#include "../k32.h"

__declspec(dllimport) int *_errno(void);
#define EDOM_ 33
#define INFINITY (__builtin_inf())
#define NAN (__builtin_nan(""))
__declspec(dllimport) double __stdcall __std_smf_assoc_laguerre(unsigned int, unsigned int, double);
__declspec(dllimport) float __stdcall __std_smf_assoc_laguerref(unsigned int, unsigned int, float);
__declspec(dllimport) double __stdcall __std_smf_assoc_legendre(unsigned int, unsigned int, double);
__declspec(dllimport) float __stdcall __std_smf_assoc_legendref(unsigned int, unsigned int, float);
__declspec(dllimport) double __stdcall __std_smf_beta(double, double);
__declspec(dllimport) float __stdcall __std_smf_betaf(float, float);
__declspec(dllimport) double __stdcall __std_smf_comp_ellint_1(double);
__declspec(dllimport) float __stdcall __std_smf_comp_ellint_1f(float);
__declspec(dllimport) double __stdcall __std_smf_comp_ellint_2(double);
__declspec(dllimport) float __stdcall __std_smf_comp_ellint_2f(float);
__declspec(dllimport) double __stdcall __std_smf_comp_ellint_3(double, double);
__declspec(dllimport) float __stdcall __std_smf_comp_ellint_3f(float, float);
__declspec(dllimport) double __stdcall __std_smf_cyl_bessel_i(double, double);
__declspec(dllimport) float __stdcall __std_smf_cyl_bessel_if(float, float);
__declspec(dllimport) double __stdcall __std_smf_cyl_bessel_j(double, double);
__declspec(dllimport) float __stdcall __std_smf_cyl_bessel_jf(float, float);
__declspec(dllimport) double __stdcall __std_smf_cyl_bessel_k(double, double);
__declspec(dllimport) float __stdcall __std_smf_cyl_bessel_kf(float, float);
__declspec(dllimport) double __stdcall __std_smf_cyl_neumann(double, double);
__declspec(dllimport) float __stdcall __std_smf_cyl_neumannf(float, float);
__declspec(dllimport) double __stdcall __std_smf_ellint_1(double, double);
__declspec(dllimport) float __stdcall __std_smf_ellint_1f(float, float);
__declspec(dllimport) double __stdcall __std_smf_ellint_2(double, double);
__declspec(dllimport) float __stdcall __std_smf_ellint_2f(float, float);
__declspec(dllimport) double __stdcall __std_smf_ellint_3(double, double, double);
__declspec(dllimport) float __stdcall __std_smf_ellint_3f(float, float, float);
__declspec(dllimport) double __stdcall __std_smf_expint(double);
__declspec(dllimport) float __stdcall __std_smf_expintf(float);
__declspec(dllimport) double __stdcall __std_smf_hermite(unsigned int, double);
__declspec(dllimport) float __stdcall __std_smf_hermitef(unsigned int, float);
__declspec(dllimport) double __stdcall __std_smf_laguerre(unsigned int, double);
__declspec(dllimport) float __stdcall __std_smf_laguerref(unsigned int, float);
__declspec(dllimport) double __stdcall __std_smf_legendre(unsigned int, double);
__declspec(dllimport) float __stdcall __std_smf_legendref(unsigned int, float);
__declspec(dllimport) double __stdcall __std_smf_riemann_zeta(double);
__declspec(dllimport) float __stdcall __std_smf_riemann_zetaf(float);
__declspec(dllimport) double __stdcall __std_smf_sph_bessel(unsigned int, double);
__declspec(dllimport) float __stdcall __std_smf_sph_besself(unsigned int, float);
__declspec(dllimport) double __stdcall __std_smf_sph_legendre(unsigned int, unsigned int, double);
__declspec(dllimport) float __stdcall __std_smf_sph_legendref(unsigned int, unsigned int, float);
__declspec(dllimport) double __stdcall __std_smf_sph_neumann(unsigned int, double);
__declspec(dllimport) float __stdcall __std_smf_sph_neumannf(unsigned int, float);
__declspec(dllimport) double __stdcall __std_smf_hypot3(double, double, double);
__declspec(dllimport) float __stdcall __std_smf_hypot3f(float, float, float);

static double Abs(double v) { return v < 0 ? -v : v; }
static int IsNan(double v) { return v != v; }

static void Near(double got, double want, double tol, const char *what)
{
    double err = want == 0.0 ? Abs(got) : Abs(got - want) / Abs(want);
    Check(err <= tol, what);
}

/* a domain error: NaN and errno EDOM */
static void Domain(double got, const char *what)
{
    Check(IsNan(got) && *_errno() == EDOM_, what);
    *_errno() = 0;
}

void Entry(void)
{
#include "cases.inc"
    Near(__std_smf_cyl_neumann(2.0000001, 1.0), -1.6506827634564354, 1e-12,
         "cyl_neumann(2.0000001, 1): an order next to an integer");
    /* the float overloads: the double value rounded once */
    Check(__std_smf_betaf(2.5f, 3.5f) == (float)__std_smf_beta(2.5, 3.5), "betaf(2.5f, 3.5f) is beta rounded to float");
    Check(__std_smf_cyl_bessel_jf(1.0f, 3.0f) == (float)__std_smf_cyl_bessel_j(1.0, 3.0), "cyl_bessel_jf");
    Check(__std_smf_hermitef(4, 0.5f) == 1.0f,
          "hermitef(4, 0.5f) = 16x^4 - 48x^2 + 12 = 1");
    Check(__std_smf_sph_legendref(3, 1, 0.5f) == (float)__std_smf_sph_legendre(3, 1, 0.5), "sph_legendref");
    /* exact and edge values */
    Check(__std_smf_legendre(0, 0.3) == 1.0 && __std_smf_legendre(1, -1.0) == -1.0, "legendre: P0 = 1, P1(-1) = -1");
    Check(__std_smf_assoc_legendre(2, 3, 0.5) == 0.0 && __std_smf_sph_legendre(3, 5, 1.0) == 0.0, "m > l: 0");
    Check(__std_smf_hermite(3, 2.0) == 40.0 && __std_smf_laguerre(2, 1.0) == -0.5, "H3(2) = 40, L2(1) = -1/2");
    Check(__std_smf_riemann_zeta(0.0) == -0.5 && __std_smf_riemann_zeta(-2.0) == 0.0, "zeta(0) = -1/2, zeta(-2) = 0");
    Check(__std_smf_comp_ellint_1(1.0) == INFINITY && __std_smf_comp_ellint_2(1.0) == 1.0, "K(1) = inf, E(1) = 1");
    Check(__std_smf_cyl_bessel_k(0.0, 0.0) == INFINITY && __std_smf_cyl_neumann(1.0, 0.0) == -INFINITY,
          "K(0, 0) = inf, Y(1, 0) = -inf");
    Check(__std_smf_cyl_bessel_j(0.0, 0.0) == 1.0 && __std_smf_cyl_bessel_j(2.0, 0.0) == 0.0, "J0(0) = 1, J2(0) = 0");
    Check(__std_smf_sph_bessel(0, 0.0) == 1.0 && __std_smf_sph_neumann(0, 0.0) == -INFINITY, "j0(0) = 1, y0(0) = -inf");
    Check(__std_smf_expint(0.0) == -INFINITY, "expint(0) = -inf");
    Check(__std_smf_cyl_bessel_j(1.0, -2.0) == -__std_smf_cyl_bessel_j(1.0, 2.0), "J1(-x) = -J1(x)");
    Check(__std_smf_hypot3(INFINITY, NAN, 1.0) == INFINITY, "hypot3: an infinity wins over a NaN");
    /* NaN in, NaN out, errno untouched */
    *_errno() = 0;
    Check(IsNan(__std_smf_cyl_bessel_j(NAN, 1.0)) && IsNan(__std_smf_legendre(3, NAN)) && *_errno() == 0,
          "a NaN argument comes back, errno untouched");
    /* domain errors */
    Domain(__std_smf_legendre(2, 1.5), "legendre(2, 1.5): |x| > 1, EDOM");
    Domain(__std_smf_beta(-1.0, 2.0), "beta(-1, 2): EDOM");
    Domain(__std_smf_riemann_zeta(1.0), "riemann_zeta(1): the pole, EDOM");
    Domain(__std_smf_comp_ellint_1(1.5), "comp_ellint_1(1.5): |k| > 1, EDOM");
    Domain(__std_smf_ellint_2(-2.0, 0.5), "ellint_2(-2, 0.5): EDOM");
    Domain(__std_smf_cyl_bessel_j(0.5, -2.0), "cyl_bessel_j(0.5, -2): EDOM");
    Domain(__std_smf_cyl_neumann(1.0, -1.0), "cyl_neumann(1, -1): EDOM");
    Domain(__std_smf_cyl_bessel_k(1.0, -1.0), "cyl_bessel_k(1, -1): EDOM");
    Domain(__std_smf_sph_bessel(2, -1.0), "sph_bessel(2, -1): EDOM");
    Domain(__std_smf_legendref(2, 1.5f), "legendref(2, 1.5f): EDOM");
    ExitProcess(failures);
}
