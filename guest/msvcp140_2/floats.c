/* The float overloads (__std_smf_*f, float arguments and result): each computed by the double
 * function on the widened arguments and rounded once. */
#include "smf.h"

double SMF_CALL __std_smf_assoc_laguerre(unsigned int, unsigned int, double);
SMF float SMF_CALL __std_smf_assoc_laguerref(unsigned int a, unsigned int b, float c) { return (float)__std_smf_assoc_laguerre(a, b, c); }

double SMF_CALL __std_smf_assoc_legendre(unsigned int, unsigned int, double);
SMF float SMF_CALL __std_smf_assoc_legendref(unsigned int a, unsigned int b, float c) { return (float)__std_smf_assoc_legendre(a, b, c); }

double SMF_CALL __std_smf_beta(double, double);
SMF float SMF_CALL __std_smf_betaf(float a, float b) { return (float)__std_smf_beta(a, b); }

double SMF_CALL __std_smf_comp_ellint_1(double);
SMF float SMF_CALL __std_smf_comp_ellint_1f(float a) { return (float)__std_smf_comp_ellint_1(a); }

double SMF_CALL __std_smf_comp_ellint_2(double);
SMF float SMF_CALL __std_smf_comp_ellint_2f(float a) { return (float)__std_smf_comp_ellint_2(a); }

double SMF_CALL __std_smf_comp_ellint_3(double, double);
SMF float SMF_CALL __std_smf_comp_ellint_3f(float a, float b) { return (float)__std_smf_comp_ellint_3(a, b); }

double SMF_CALL __std_smf_cyl_bessel_i(double, double);
SMF float SMF_CALL __std_smf_cyl_bessel_if(float a, float b) { return (float)__std_smf_cyl_bessel_i(a, b); }

double SMF_CALL __std_smf_cyl_bessel_j(double, double);
SMF float SMF_CALL __std_smf_cyl_bessel_jf(float a, float b) { return (float)__std_smf_cyl_bessel_j(a, b); }

double SMF_CALL __std_smf_cyl_bessel_k(double, double);
SMF float SMF_CALL __std_smf_cyl_bessel_kf(float a, float b) { return (float)__std_smf_cyl_bessel_k(a, b); }

double SMF_CALL __std_smf_cyl_neumann(double, double);
SMF float SMF_CALL __std_smf_cyl_neumannf(float a, float b) { return (float)__std_smf_cyl_neumann(a, b); }

double SMF_CALL __std_smf_ellint_1(double, double);
SMF float SMF_CALL __std_smf_ellint_1f(float a, float b) { return (float)__std_smf_ellint_1(a, b); }

double SMF_CALL __std_smf_ellint_2(double, double);
SMF float SMF_CALL __std_smf_ellint_2f(float a, float b) { return (float)__std_smf_ellint_2(a, b); }

double SMF_CALL __std_smf_ellint_3(double, double, double);
SMF float SMF_CALL __std_smf_ellint_3f(float a, float b, float c) { return (float)__std_smf_ellint_3(a, b, c); }

double SMF_CALL __std_smf_expint(double);
SMF float SMF_CALL __std_smf_expintf(float a) { return (float)__std_smf_expint(a); }

double SMF_CALL __std_smf_hermite(unsigned int, double);
SMF float SMF_CALL __std_smf_hermitef(unsigned int a, float b) { return (float)__std_smf_hermite(a, b); }

double SMF_CALL __std_smf_laguerre(unsigned int, double);
SMF float SMF_CALL __std_smf_laguerref(unsigned int a, float b) { return (float)__std_smf_laguerre(a, b); }

double SMF_CALL __std_smf_legendre(unsigned int, double);
SMF float SMF_CALL __std_smf_legendref(unsigned int a, float b) { return (float)__std_smf_legendre(a, b); }

double SMF_CALL __std_smf_riemann_zeta(double);
SMF float SMF_CALL __std_smf_riemann_zetaf(float a) { return (float)__std_smf_riemann_zeta(a); }

double SMF_CALL __std_smf_sph_bessel(unsigned int, double);
SMF float SMF_CALL __std_smf_sph_besself(unsigned int a, float b) { return (float)__std_smf_sph_bessel(a, b); }

double SMF_CALL __std_smf_sph_legendre(unsigned int, unsigned int, double);
SMF float SMF_CALL __std_smf_sph_legendref(unsigned int a, unsigned int b, float c) { return (float)__std_smf_sph_legendre(a, b, c); }

double SMF_CALL __std_smf_sph_neumann(unsigned int, double);
SMF float SMF_CALL __std_smf_sph_neumannf(unsigned int a, float b) { return (float)__std_smf_sph_neumann(a, b); }

double SMF_CALL __std_smf_hypot3(double, double, double);
SMF float SMF_CALL __std_smf_hypot3f(float a, float b, float c) { return (float)__std_smf_hypot3(a, b, c); }
