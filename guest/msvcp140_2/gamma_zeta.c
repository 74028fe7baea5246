/* beta (through the gamma function, in logarithms when that would overflow), riemann_zeta
 * (Borwein's accelerated alternating series for s >= 0, the reflection formula below 0; s = 1 is
 * the pole: a domain error) and expint, the exponential integral Ei (its power series, the
 * asymptotic series for large x, and -E1(-x) by E1's series or continued fraction for x < 0). */
#include "smf.h"

SMF double SMF_CALL __std_smf_beta(double x, double y)
{
    if (IS_NAN(x))
        return x;
    if (IS_NAN(y))
        return y;
    if (x <= 0.0 || y <= 0.0)
        return DomainError();
    if (x + y < 170.0)
        return tgamma(x) / tgamma(x + y) * tgamma(y);
    return exp(lgamma(x) + lgamma(y) - lgamma(x + y));
}

/* Borwein's algorithm 2 for eta(s) = (1 - 2^(1-s)) zeta(s), s > 0, with n = 60 terms */
static double Eta(double s)
{
    enum { N = 60 };
    double d[N + 1], term = 1.0 / N, sum = 0.0;          /* d_k = n sum_(i<=k) (n+i-1)! 4^i / ((n-i)! (2i)!) */
    for (int i = 0; i <= N; i++) {
        if (i > 0)
            term *= 4.0 * (N + i - 1.0) * (N - i + 1.0) / ((2.0 * i - 1.0) * (2.0 * i));
        sum += term;
        d[i] = N * sum;
    }
    double acc = 0.0;
    for (int k = 0; k < N; k++) {
        double t = (d[k] - d[N]) / pow(k + 1.0, s);
        acc += (k & 1) ? -t : t;
    }
    return -acc / d[N];
}

SMF double SMF_CALL __std_smf_riemann_zeta(double s)
{
    if (IS_NAN(s))
        return s;
    if (s == 1.0)
        return DomainError();                            /* the pole */
    if (s == 0.0)
        return -0.5;
    if (s > 0.0) {
        if (s > 60.0)                                    /* 1 + 2^-s + 3^-s: all the digits there are */
            return 1.0 + pow(2.0, -s) + pow(3.0, -s);
        return Eta(s) / -expm1((1.0 - s) * 0.69314718055994530942);
    }
    /* zeta(s) = 2^s pi^(s-1) sin(pi s / 2) Gamma(1-s) zeta(1-s) */
    double sn = SinPi(s / 2.0);
    if (sn == 0.0)
        return 0.0;                                      /* the trivial zeros */
    double z1 = __std_smf_riemann_zeta(1.0 - s);
    if (1.0 - s < 170.0)
        return pow(2.0, s) * pow(PI_, s - 1.0) * sn * tgamma(1.0 - s) * z1;
    double lg = s * 0.69314718055994530942 + (s - 1.0) * 1.14472988584940017414 + lgamma(1.0 - s) + log(fabs(sn) * z1);
    double mag = exp(lg);
    return sn < 0.0 ? -mag : mag;
}

/* E1(z), z > 0 */
static double E1(double z)
{
    if (z <= 1.0) {
        double sum = 0.0, term = 1.0;
        for (int k = 1; k < 60; k++) {
            term *= -z / k;
            double t = term / k;
            sum += t;
            if (fabs(t) < 1e-18 * fabs(sum))
                break;
        }
        return -EULER_GAMMA - log(z) - sum;
    }
    /* the continued fraction e^-z / (z + 1 - 1^2/(z + 3 - 2^2/(z + 5 - ...))), by modified Lentz */
    double b = z + 1.0, c = 1e300, d = 1.0 / b, h = d;
    for (int i = 1; i < 1000; i++) {
        double a = -(double)i * i;
        b += 2.0;
        d = 1.0 / (a * d + b);
        c = b + a / c;
        double delta = c * d;
        h *= delta;
        if (fabs(delta - 1.0) < 1e-17)
            break;
    }
    return h * exp(-z);
}

SMF double SMF_CALL __std_smf_expint(double x)
{
    if (IS_NAN(x))
        return x;
    if (x == 0.0)
        return -INF_;
    if (x < 0.0)
        return -E1(-x);
    if (x > 709.0)
        return INF_;
    if (x <= 40.0) {                                     /* Ei = gamma + ln x + sum x^k / (k k!) */
        double sum = 0.0, term = 1.0;
        for (int k = 1; k < 500; k++) {
            term *= x / k;
            double t = term / k;
            sum += t;
            if (t < 1e-17 * sum)
                break;
        }
        return EULER_GAMMA + log(x) + sum;
    }
    double sum = 1.0, term = 1.0;                        /* e^x / x sum k! / x^k, to the smallest term */
    for (int k = 1; k < 100; k++) {
        double next = term * k / x;
        if (next > term)
            break;
        term = next;
        sum += term;
        if (term < 1e-17 * sum)
            break;
    }
    return exp(x) / x * sum;
}
