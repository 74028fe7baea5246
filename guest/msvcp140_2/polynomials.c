/* The orthogonal polynomials by their three-term recurrences: hermite (physicists' H_n),
 * laguerre and assoc_laguerre (L_n^m), legendre and assoc_legendre (P_l^m without the
 * Condon-Shortley phase, as the standard defines it; |x| > 1 is a domain error), sph_legendre
 * (Y_l^m(theta, 0), with the phase, through a normalised recurrence that does not overflow), and
 * hypot3. Also SinPi/CosPi. */
#include "smf.h"

double SinPi(double x)
{
    double r = x - 2.0 * floor(x / 2.0);                 /* [0, 2) */
    if (r == 0.0 || r == 1.0)
        return 0.0;
    if (r == 0.5)
        return 1.0;
    if (r == 1.5)
        return -1.0;
    return sin(PI_ * r);
}

double CosPi(double x) { return SinPi(x + 0.5); }

SMF double SMF_CALL __std_smf_hermite(unsigned int n, double x)
{
    if (IS_NAN(x))
        return x;
    double prev = 1.0, cur = 2.0 * x;                    /* H_0, H_1 */
    if (n == 0)
        return prev;
    for (unsigned int k = 1; k < n; k++) {
        double next = 2.0 * x * cur - 2.0 * k * prev;
        prev = cur;
        cur = next;
    }
    return cur;
}

SMF double SMF_CALL __std_smf_assoc_laguerre(unsigned int n, unsigned int m, double x)
{
    if (IS_NAN(x))
        return x;
    double prev = 1.0, cur = 1.0 + m - x;                /* L_0^m, L_1^m */
    if (n == 0)
        return prev;
    for (unsigned int k = 1; k < n; k++) {
        double next = ((2.0 * k + 1.0 + m - x) * cur - (k + (double)m) * prev) / (k + 1.0);
        prev = cur;
        cur = next;
    }
    return cur;
}

SMF double SMF_CALL __std_smf_laguerre(unsigned int n, double x) { return __std_smf_assoc_laguerre(n, 0, x); }

/* P_l^m(x) without the phase, for m <= l and |x| <= 1 */
static double AssocLegendre(unsigned int l, unsigned int m, double x)
{
    double pmm = 1.0, root = sqrt((1.0 - x) * (1.0 + x));
    for (unsigned int i = 1; i <= m; i++)                 /* (2m-1)!! (1-x^2)^(m/2) */
        pmm *= (2.0 * i - 1.0) * root;
    if (l == m)
        return pmm;
    double prev = pmm, cur = x * (2.0 * m + 1.0) * pmm;
    for (unsigned int k = m + 1; k < l; k++) {
        double next = ((2.0 * k + 1.0) * x * cur - (k + (double)m) * prev) / (k - (double)m + 1.0);
        prev = cur;
        cur = next;
    }
    return cur;
}

SMF double SMF_CALL __std_smf_assoc_legendre(unsigned int l, unsigned int m, double x)
{
    if (IS_NAN(x))
        return x;
    if (fabs(x) > 1.0)
        return DomainError();
    return m > l ? 0.0 : AssocLegendre(l, m, x);
}

SMF double SMF_CALL __std_smf_legendre(unsigned int l, double x) { return __std_smf_assoc_legendre(l, 0, x); }

/* Y_l^m(theta, 0) = (-1)^m sqrt((2l+1)/(4 pi) (l-m)!/(l+m)!) P_l^m(cos theta): the recurrence is
 * run on the normalised functions, each step scaled by its own factor. */
SMF double SMF_CALL __std_smf_sph_legendre(unsigned int l, unsigned int m, double theta)
{
    if (IS_NAN(theta))
        return theta;
    if (m > l)
        return 0.0;
    double x = cos(theta), s = fabs(sin(theta));
    double ymm = 1.0 / sqrt(4.0 * PI_);                   /* Y_0^0 */
    for (unsigned int i = 1; i <= m; i++)                 /* Y_i^i from Y_(i-1)^(i-1) */
        ymm *= -s * sqrt((2.0 * i + 1.0) / (2.0 * i));
    if (l == m)
        return ymm;
    double prev = ymm, cur = x * sqrt(2.0 * m + 3.0) * ymm;   /* Y_(m+1)^m */
    for (unsigned int k = m + 2; k <= l; k++) {
        double a = sqrt((4.0 * k * k - 1.0) / ((double)k * k - (double)m * m));
        double b = sqrt((((double)k - 1.0) * (k - 1.0) - (double)m * m) / (4.0 * (k - 1.0) * (k - 1.0) - 1.0));
        double next = a * (x * cur - b * prev);
        prev = cur;
        cur = next;
    }
    return cur;
}

/* sqrt(x^2 + y^2 + z^2) scaled by the largest magnitude; an infinity wins over a NaN */
SMF double SMF_CALL __std_smf_hypot3(double x, double y, double z)
{
    x = fabs(x), y = fabs(y), z = fabs(z);
    if (x == INF_ || y == INF_ || z == INF_)
        return INF_;
    if (IS_NAN(x) || IS_NAN(y) || IS_NAN(z))
        return NAN_;
    double big = x > y ? (x > z ? x : z) : (y > z ? y : z);
    if (big == 0.0)
        return 0.0;
    x /= big, y /= big, z /= big;
    return big * sqrt(x * x + y * y + z * z);
}
