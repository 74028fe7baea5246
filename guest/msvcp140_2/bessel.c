/* The cylindrical and spherical Bessel functions. J and Y: the power series summed in binary128
 * (__float128, so the cancellation of up to e^x between its terms leaves double precision) where
 * min(x, x^2 / (2(nu+1))) <= 40, the integral representations (Schlafli's, by composite
 * Gauss-Legendre) beyond that, and Hankel's asymptotic expansion once x >= 30 + nu^2. Y of a
 * non-integer order from J(nu) and J(-nu) (by the integral within 0.01/pi of an integer, where
 * that difference cancels); of an integer order from its logarithmic series. I:
 * its positive series (summed in logarithms past x = 500). K: the trapezoid rule on
 * int_0^inf e^(-x cosh t) cosh(nu t) dt, which converges geometrically. Negative orders by the
 * reflection formulas; sph_bessel / sph_neumann are sqrt(pi/2x) J/Y of order n + 1/2. */
#include "smf.h"

typedef __float128 quad;

/* -- 20-point Gauss-Legendre nodes and weights on [-1, 1], by Newton's method on P_20 */
enum { GL = 20 };
static double gl_x[GL], gl_w[GL];


void GaussLegendre(void)
{
    for (int i = 0; i < GL; i++) {
        double z = cos(PI_ * (i + 0.75) / (GL + 0.5)), dp = 1.0;
        for (int it = 0; it < 100; it++) {
            double p0 = 1.0, p1 = z;
            for (int k = 2; k <= GL; k++) {
                double p2 = ((2.0 * k - 1.0) * z * p1 - (k - 1.0) * p0) / k;
                p0 = p1;
                p1 = p2;
            }
            dp = GL * (z * p1 - p0) / (z * z - 1.0);
            double dz = p1 / dp;
            z -= dz;
            if (fabs(dz) < 1e-16)
                break;
        }
        gl_x[i] = z;
        gl_w[i] = 2.0 / ((1.0 - z * z) * dp * dp);
    }

}

/* int_a^b f over `panels` equal panels */
static double Integrate(double (*f)(double, const double *), const double *arg, double a, double b, int panels)
{
    double h = (b - a) / panels, sum = 0.0;
    for (int p = 0; p < panels; p++) {
        double mid = a + (p + 0.5) * h, part = 0.0;
        for (int i = 0; i < GL; i++)
            part += gl_w[i] * f(mid + 0.5 * h * gl_x[i], arg);
        sum += part * 0.5 * h;
    }
    return sum;
}

/* arg = {nu, x} */
static double JOsc(double t, const double *a) { return cos(a[1] * sin(t) - a[0] * t); }
static double YOsc(double t, const double *a) { return sin(a[1] * sin(t) - a[0] * t); }
static double JTail(double t, const double *a) { return exp(-a[1] * sinh(t) - a[0] * t); }
static double YTail(double t, const double *a)
{
    return (exp(a[0] * t - a[1] * sinh(t)) + exp(-a[0] * t - a[1] * sinh(t)) * CosPi(a[0]));
}

/* Schlafli's integrals for J (want_y 0) or Y, nu >= 0, x > 40 */
static double BesselIntegral(double nu, double x, int want_y)
{
    double arg[2] = {nu, x};
    double osc = Integrate(want_y ? YOsc : JOsc, arg, 0.0, PI_, (int)((x + nu) / 2.0) + 4) / PI_;
    double end = 0.05;                                   /* where the tail's exponent has fallen by 60 */
    while (x * sinh(end) - nu * end < 60.0)
        end += 0.05;
    double width = 2.0 / x < 0.25 ? 2.0 / x : 0.25;
    int panels = (int)(end / width) + 2;
    if (want_y)
        return osc - Integrate(YTail, arg, 0.0, end, panels) / PI_;
    double s = SinPi(nu);
    return s == 0.0 ? osc : osc - s / PI_ * Integrate(JTail, arg, 0.0, end, panels);
}

/* Hankel's expansion: P and Q to the smallest term; J and Y of order nu >= 0, x >= 30 + nu^2 */
static void Hankel(double nu, double x, double *j, double *y)
{
    double mu = 4.0 * nu * nu, term = 1.0, p = 1.0, q = 0.0, last = INF_;
    for (int k = 1; k < 60; k++) {
        double next = term * (mu - (2.0 * k - 1.0) * (2.0 * k - 1.0)) / (k * 8.0 * x);
        if (fabs(next) > last)
            break;
        last = fabs(next);
        term = next;
        double signed_term = ((k / 2) & 1) ? -term : term;   /* P: +a0 -a2 +a4 ..., Q: +a1 -a3 +a5 ... */
        if (k & 1)
            q += signed_term;
        else
            p += signed_term;
        if (last < 1e-17)
            break;
    }
    double chi = x - (nu / 2.0 + 0.25) * PI_, amp = sqrt(2.0 / (PI_ * x));
    *j = amp * (p * cos(chi) - q * sin(chi));
    *y = amp * (p * sin(chi) + q * cos(chi));
}

/* J_nu(x) by its power series in binary128, any real nu but a negative integer, x > 0 */
static quad JSeries(double nu, double x)
{
    quad half = x / 2.0, q = half * half, term = 1, sum = 1;
    for (int k = 1; k < 500; k++) {
        term *= -q / ((quad)k * ((quad)nu + k));
        sum += term;
        if (k > x && (term < 0 ? -term : term) < 1e-36Q * (sum < 0 ? -sum : sum))
            break;
    }
    double g = tgamma(nu + 1.0);                         /* (x/2)^nu / Gamma(nu + 1) */
    quad pre = fabs(nu) < 170.0 && g != 0.0 ? (quad)pow(x / 2.0, nu) / g
                                            : (quad)exp(nu * log(x / 2.0) - lgamma(nu + 1.0));
    return pre * sum;
}

/* Y_n(x), integer n >= 0, by the logarithmic series in binary128 */
static double YSeriesInteger(unsigned int n, double x)
{
    quad half = x / 2.0, q = half * half;
    quad finite = 0;                                     /* sum_(k<n) (n-k-1)!/k! (x/2)^(2k-n) */
    if (n > 0) {
        quad t = 1;
        for (unsigned int i = 1; i < n; i++)
            t *= i;
        for (unsigned int i = 0; i < n; i++)
            t /= half;
        for (unsigned int k = 0; k < n; k++) {
            finite += t;
            if (k + 1 < n)
                t *= q / ((quad)(k + 1) * (n - k - 1));
        }
    }
    quad harmonic_k = 0, harmonic_nk = 0, c = 1, series = 0;   /* sum (psi(k+1) + psi(n+k+1)) c_k */
    for (unsigned int i = 1; i <= n; i++)
        harmonic_nk += (quad)1 / i;
    for (int k = 0; k < 500; k++) {
        quad t = (harmonic_k + harmonic_nk - 2 * (quad)EULER_GAMMA) * c;
        series += t;
        if (k > x && (t < 0 ? -t : t) < 1e-36Q * (series < 0 ? -series : series) && c != 0)
            break;
        c *= -q / ((quad)(k + 1) * (n + k + 1));
        harmonic_k += (quad)1 / (k + 1);
        harmonic_nk += (quad)1 / (n + k + 1);
    }
    quad base = 1;                                       /* (x/2)^n / n! */
    for (unsigned int i = 1; i <= n; i++)
        base *= half / i;
    quad j = JSeries(n, x);
    quad y = (quad)(2.0 / PI_) * j * (quad)log(x / 2.0) - finite / (quad)PI_ - base * series / (quad)PI_;
    return (double)y;
}

static int SeriesRegion(double nu, double x) { return x <= 40.0 || x * x / (2.0 * (nu + 1.0)) <= 40.0; }

/* J and Y for nu >= 0, x > 0 */
static double JPositive(double nu, double x)
{
    if (x >= 30.0 + nu * nu) {
        double j, y;
        Hankel(nu, x, &j, &y);
        return j;
    }
    return SeriesRegion(nu, x) ? (double)JSeries(nu, x) : BesselIntegral(nu, x, 0);
}

static double YPositive(double nu, double x)
{
    if (x >= 30.0 + nu * nu) {
        double j, y;
        Hankel(nu, x, &j, &y);
        return y;
    }
    if (!SeriesRegion(nu, x))
        return BesselIntegral(nu, x, 1);
    if (nu == floor(nu))
        return YSeriesInteger((unsigned int)nu, x);
    if (fabs(SinPi(nu)) < 1e-2)                          /* near an integer the J(+-nu) form cancels */
        return BesselIntegral(nu, x, 1);
    quad jp = JSeries(nu, x), jm = JSeries(-nu, x);      /* (J_nu cos nu pi - J_-nu) / sin nu pi */
    return (double)((jp * (quad)CosPi(nu) - jm) / (quad)SinPi(nu));
}

double CylBesselJ(double nu, double x)
{
    if (x == 0.0)
        return nu == 0.0 ? 1.0 : (nu > 0.0 || nu == floor(nu)) ? 0.0 : INF_;
    if (nu >= 0.0)
        return JPositive(nu, x);
    double a = -nu;                                      /* J_-a = cos(a pi) J_a - sin(a pi) Y_a */
    double s = SinPi(a);
    return CosPi(a) * JPositive(a, x) - (s == 0.0 ? 0.0 : s * YPositive(a, x));
}

double CylNeumann(double nu, double x)
{
    if (x == 0.0)
        return -INF_;
    if (nu >= 0.0)
        return YPositive(nu, x);
    double a = -nu;                                      /* Y_-a = sin(a pi) J_a + cos(a pi) Y_a */
    double s = SinPi(a);
    return (s == 0.0 ? 0.0 : s * JPositive(a, x)) + CosPi(a) * YPositive(a, x);
}

/* I_nu(x), nu >= 0, x > 0 */
static double IPositive(double nu, double x)
{
    double lhalf = log(x / 2.0), q = x * x / 4.0;
    if (x <= 500.0) {
        double term = 1.0, sum = 1.0;
        for (int k = 1; k < 2000; k++) {
            term *= q / (k * (nu + k));
            sum += term;
            if (term < 1e-17 * sum)
                break;
        }
        double g = tgamma(nu + 1.0);
        if (nu < 170.0 && g != INF_)
            return pow(x / 2.0, nu) / g * sum;
        return exp(nu * lhalf - lgamma(nu + 1.0) + log(sum));
    }
    double top = -INF_, sum = 0.0;                       /* sum of exp(l_k - top), l_k the terms' logarithms */
    for (int k = 0; k < 4000; k++) {
        double l = (2.0 * k + nu) * lhalf - lgamma(k + 1.0) - lgamma(k + nu + 1.0);
        if (l > top) {
            sum = sum * exp(top - l) + 1.0;
            top = l;
        } else {
            sum += exp(l - top);
            if (l - top < -45.0 && k > x)
                break;
        }
    }
    return exp(top + log(sum));
}

/* K_nu(x), x > 0: the trapezoid rule, e^-x factored out */
static double KPositive(double nu, double x)
{
    nu = fabs(nu);
    /* the step: the integrand's peak has curvature about sqrt(x^2 + nu^2), and the rule's error
     * falls like exp(-pi^2 / (h^2 curvature)) */
    double width = 0.5 / sqrt(sqrt(x * x + nu * nu)), h = width < 0.1 ? width : 0.1, sum = 0.0;
    for (int i = 0; i < 100000; i++) {
        double t = i * h, sh = sinh(t / 2.0);
        double e = -2.0 * x * sh * sh;                   /* -x (cosh t - 1) */
        double term = 0.5 * (exp(e + nu * t) + exp(e - nu * t));
        sum += i == 0 ? term / 2.0 : term;
        if (i > 0 && x * sinh(t) > nu && term < 1e-18 * sum)
            break;
    }
    return h * sum * exp(-x);
}

static int IsInteger(double v) { return v == floor(v); }
static int IsOdd(double v) { return IsInteger(v) && v / 2.0 != floor(v / 2.0); }

SMF double SMF_CALL __std_smf_cyl_bessel_j(double nu, double x)
{
    if (IS_NAN(nu))
        return nu;
    if (IS_NAN(x))
        return x;
    if (x < 0.0) {                                       /* J_n(-x) = (-1)^n J_n(x); else no real value */
        if (!IsInteger(nu))
            return DomainError();
        double j = CylBesselJ(nu, -x);
        return IsOdd(nu) ? -j : j;
    }
    return CylBesselJ(nu, x);
}

SMF double SMF_CALL __std_smf_cyl_neumann(double nu, double x)
{
    if (IS_NAN(nu))
        return nu;
    if (IS_NAN(x))
        return x;
    return x < 0.0 ? DomainError() : CylNeumann(nu, x);
}

SMF double SMF_CALL __std_smf_cyl_bessel_i(double nu, double x)
{
    if (IS_NAN(nu))
        return nu;
    if (IS_NAN(x))
        return x;
    if (x < 0.0) {                                       /* I_n(-x) = (-1)^n I_n(x) */
        if (!IsInteger(nu))
            return DomainError();
        double i = __std_smf_cyl_bessel_i(nu, -x);
        return IsOdd(nu) ? -i : i;
    }
    if (x == 0.0)
        return nu == 0.0 ? 1.0 : (nu > 0.0 || IsInteger(nu)) ? 0.0 : INF_;
    if (nu >= 0.0 || IsInteger(nu))
        return IPositive(fabs(nu), x);
    double a = -nu;                                      /* I_-a = I_a + 2/pi sin(a pi) K_a */
    return IPositive(a, x) + 2.0 / PI_ * SinPi(a) * KPositive(a, x);
}

SMF double SMF_CALL __std_smf_cyl_bessel_k(double nu, double x)
{
    if (IS_NAN(nu))
        return nu;
    if (IS_NAN(x))
        return x;
    if (x < 0.0)
        return DomainError();
    return x == 0.0 ? INF_ : KPositive(nu, x);
}

SMF double SMF_CALL __std_smf_sph_bessel(unsigned int n, double x)
{
    if (IS_NAN(x))
        return x;
    if (x < 0.0)
        return DomainError();
    if (x == 0.0)
        return n == 0 ? 1.0 : 0.0;
    return sqrt(PI_ / (2.0 * x)) * CylBesselJ(n + 0.5, x);
}

SMF double SMF_CALL __std_smf_sph_neumann(unsigned int n, double x)
{
    if (IS_NAN(x))
        return x;
    if (x < 0.0)
        return DomainError();
    if (x == 0.0)
        return -INF_;
    return sqrt(PI_ / (2.0 * x)) * CylNeumann(n + 0.5, x);
}
