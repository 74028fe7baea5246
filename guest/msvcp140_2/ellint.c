/* The elliptic integrals through Carlson's symmetric forms R_F, R_D, R_J (the duplication
 * theorem until the arguments agree, then the fifth-order series; Carlson 1995):
 *   F(k, phi) = s R_F(c^2, 1 - k^2 s^2, 1)
 *   E(k, phi) = F - k^2 s^3 / 3 R_D(c^2, 1 - k^2 s^2, 1)
 *   Pi(k, nu, phi) = F + nu s^3 / 3 R_J(c^2, 1 - k^2 s^2, 1, 1 - nu s^2)     (s = sin phi, c = cos phi)
 * phi beyond +-pi/2 by the period (F(phi + j pi) = F(phi) + 2j K). |k| > 1 is a domain error, and so
 * is a Pi whose integrand has a pole in range (1 - nu s^2 <= 0: its Cauchy principal value is
 * not computed here). */
#include "smf.h"

static double Max3(double a, double b, double c) { return a > b ? (a > c ? a : c) : (b > c ? b : c); }

static double CarlsonRF(double x, double y, double z)
{
    double a = (x + y + z) / 3.0, q = Max3(fabs(a - x), fabs(a - y), fabs(a - z)) * 400.0, scale = 1.0;
    double a0 = a, x0 = x, y0 = y;
    while (scale * q >= fabs(a)) {
        double rx = sqrt(x), ry = sqrt(y), rz = sqrt(z), lambda = rx * ry + ry * rz + rz * rx;
        x = (x + lambda) / 4.0, y = (y + lambda) / 4.0, z = (z + lambda) / 4.0;
        a = (a + lambda) / 4.0;
        scale /= 4.0;
    }
    double X = (a0 - x0) * scale / a, Y = (a0 - y0) * scale / a, Z = -(X + Y);
    double e2 = X * Y - Z * Z, e3 = X * Y * Z;
    return (1.0 - e2 / 10.0 + e3 / 14.0 + e2 * e2 / 24.0 - 3.0 * e2 * e3 / 44.0) / sqrt(a);
}

static double CarlsonRD(double x, double y, double z)
{
    double a = (x + y + 3.0 * z) / 5.0, a0 = a, x0 = x, y0 = y, scale = 1.0, sum = 0.0;
    double q = Max3(fabs(a - x), fabs(a - y), fabs(a - z)) * 400.0;
    while (scale * q >= fabs(a)) {
        double rx = sqrt(x), ry = sqrt(y), rz = sqrt(z), lambda = rx * ry + ry * rz + rz * rx;
        sum += scale / (rz * (z + lambda));
        x = (x + lambda) / 4.0, y = (y + lambda) / 4.0, z = (z + lambda) / 4.0;
        a = (a + lambda) / 4.0;
        scale /= 4.0;
    }
    double X = (a0 - x0) * scale / a, Y = (a0 - y0) * scale / a, Z = -(X + Y) / 3.0;
    double e2 = X * Y - 6.0 * Z * Z, e3 = (3.0 * X * Y - 8.0 * Z * Z) * Z, e4 = 3.0 * (X * Y - Z * Z) * Z * Z,
           e5 = X * Y * Z * Z * Z;
    double series = 1.0 - 3.0 * e2 / 14.0 + e3 / 6.0 + 9.0 * e2 * e2 / 88.0 - 3.0 * e4 / 22.0 - 9.0 * e2 * e3 / 52.0 +
                    3.0 * e5 / 26.0;
    return scale * series / (a * sqrt(a)) + 3.0 * sum;
}

/* R_C(1, 1 + e) = atan(sqrt(e)) / sqrt(e), or its hyperbolic form for e < 0 */
static double RC1(double e)
{
    if (fabs(e) < 1e-8)
        return 1.0 - e / 3.0 + e * e / 5.0;
    double r = sqrt(fabs(e));
    return e > 0.0 ? atan(r) / r : atanh(r) / r;
}

static double CarlsonRJ(double x, double y, double z, double p)
{
    double a = (x + y + z + 2.0 * p) / 5.0, a0 = a, x0 = x, y0 = y, z0 = z, scale = 1.0, sum = 0.0;
    double delta = (p - x) * (p - y) * (p - z);
    double q = Max3(fabs(a - x), fabs(a - y), fabs(a - z));
    q = (q > fabs(a - p) ? q : fabs(a - p)) * 400.0;
    while (scale * q >= fabs(a)) {
        double rx = sqrt(x), ry = sqrt(y), rz = sqrt(z), rp = sqrt(p), lambda = rx * ry + ry * rz + rz * rx;
        double d = (rp + rx) * (rp + ry) * (rp + rz);
        double e = delta * scale * scale * scale / (d * d);
        sum += scale / d * RC1(e);
        x = (x + lambda) / 4.0, y = (y + lambda) / 4.0, z = (z + lambda) / 4.0, p = (p + lambda) / 4.0;
        a = (a + lambda) / 4.0;
        scale /= 4.0;
    }
    double X = (a0 - x0) * scale / a, Y = (a0 - y0) * scale / a, Z = (a0 - z0) * scale / a, P = -(X + Y + Z) / 2.0;
    double e2 = X * Y + X * Z + Y * Z - 3.0 * P * P, e3 = X * Y * Z + 2.0 * e2 * P + 4.0 * P * P * P,
           e4 = (2.0 * X * Y * Z + e2 * P + 3.0 * P * P * P) * P, e5 = X * Y * Z * P * P;
    double series = 1.0 - 3.0 * e2 / 14.0 + e3 / 6.0 + 9.0 * e2 * e2 / 88.0 - 3.0 * e4 / 22.0 - 9.0 * e2 * e3 / 52.0 +
                    3.0 * e5 / 26.0;
    return scale * series / (a * sqrt(a)) + 6.0 * sum;
}

/* kind 1, 2 or 3 over [0, phi], |phi| <= pi/2 */
static double Incomplete(int kind, double k, double nu, double phi)
{
    double s = sin(phi), c = cos(phi), y = 1.0 - k * k * s * s;
    double f = s * CarlsonRF(c * c, y, 1.0);
    if (kind == 1)
        return f;
    if (kind == 2)
        return f - k * k * s * s * s / 3.0 * CarlsonRD(c * c, y, 1.0);
    return f + nu * s * s * s / 3.0 * CarlsonRJ(c * c, y, 1.0, 1.0 - nu * s * s);
}

static double Complete(int kind, double k, double nu)
{
    if (kind == 1)
        return fabs(k) == 1.0 ? INF_ : CarlsonRF(0.0, 1.0 - k * k, 1.0);
    if (kind == 2)
        return fabs(k) == 1.0 ? 1.0 : CarlsonRF(0.0, 1.0 - k * k, 1.0) - k * k / 3.0 * CarlsonRD(0.0, 1.0 - k * k, 1.0);
    if (nu == 1.0 || fabs(k) == 1.0)
        return INF_;
    return CarlsonRF(0.0, 1.0 - k * k, 1.0) + nu / 3.0 * CarlsonRJ(0.0, 1.0 - k * k, 1.0, 1.0 - nu);
}

static double Elliptic(int kind, double k, double nu, double phi)
{
    if (fabs(k) > 1.0)
        return DomainError();
    if (fabs(phi) <= PI_ / 2.0) {
        if (kind == 3 && 1.0 - nu * sin(phi) * sin(phi) <= 0.0)
            return DomainError();
        if (kind != 2 && fabs(k) == 1.0 && fabs(phi) == PI_ / 2.0)
            return phi > 0 ? INF_ : -INF_;
        return Incomplete(kind, k, nu, phi);
    }
    if (kind == 3 && nu >= 1.0)
        return DomainError();                            /* a pole inside every period */
    double j = round(phi / PI_), rest = phi - j * PI_;   /* phi = j pi + rest, |rest| <= pi/2 */
    double whole = Complete(kind, k, nu);
    if (whole == INF_)
        return phi > 0 ? INF_ : -INF_;
    return 2.0 * j * whole + Incomplete(kind, k, nu, rest);
}

SMF double SMF_CALL __std_smf_ellint_1(double k, double phi)
{
    if (IS_NAN(k))
        return k;
    return IS_NAN(phi) ? phi : Elliptic(1, k, 0.0, phi);
}

SMF double SMF_CALL __std_smf_ellint_2(double k, double phi)
{
    if (IS_NAN(k))
        return k;
    return IS_NAN(phi) ? phi : Elliptic(2, k, 0.0, phi);
}

SMF double SMF_CALL __std_smf_ellint_3(double k, double nu, double phi)
{
    if (IS_NAN(k))
        return k;
    if (IS_NAN(nu))
        return nu;
    return IS_NAN(phi) ? phi : Elliptic(3, k, nu, phi);
}

SMF double SMF_CALL __std_smf_comp_ellint_1(double k)
{
    if (IS_NAN(k))
        return k;
    return fabs(k) > 1.0 ? DomainError() : Complete(1, k, 0.0);
}

SMF double SMF_CALL __std_smf_comp_ellint_2(double k)
{
    if (IS_NAN(k))
        return k;
    return fabs(k) > 1.0 ? DomainError() : Complete(2, k, 0.0);
}

SMF double SMF_CALL __std_smf_comp_ellint_3(double k, double nu)
{
    if (IS_NAN(k))
        return k;
    if (IS_NAN(nu))
        return nu;
    return fabs(k) > 1.0 || nu > 1.0 ? DomainError() : Complete(3, k, nu);
}
