/* _j0/_j1/_jn/_y0/_y1/_yn over a table of arguments: each line is the function, the order, the
 * argument's and the result's IEEE bits and errno, for tests/test_crt_bessel.py to compare with
 * mpmath. Then the documented errors: a NaN, x < 0 and x = 0 for the second kind. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bits(double d)
{
    unsigned long long u;
    memcpy(&u, &d, 8);
    printf(" %08lx%08lx", (unsigned long)(u >> 32), (unsigned long)(u & 0xFFFFFFFFu));
}

static void row(const char *name, int n, double x, double r)
{
    printf("%s %d", name, n);
    bits(x);
    bits(r);
    printf(" %d\n", errno);
}

int main(void)
{
    static const double xs[] = {1e-300, 1e-20, 1e-5, 0.125, 0.5, 1.0, 1.5, 2.0, 2.4, 3.0, 3.9, 5.0,
                                7.5, 10.0, 12.25, 16.0, 19.5, 20.0, 21.0, 25.0, 33.3, 50.0, 100.0,
                                1234.5, 1e5, 1e10, 1e20, -0.75, -3.5, -30.0};
    static const int ns[] = {2, 3, 5, 10, 20, 50, -3, -4};
    unsigned i, k;
    for (i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        double x = xs[i];
        errno = 0; row("j", 0, x, _j0(x));
        errno = 0; row("j", 1, x, _j1(x));
        for (k = 0; k < sizeof ns / sizeof ns[0]; k++) { errno = 0; row("j", ns[k], x, _jn(ns[k], x)); }
        if (x <= 0) continue;
        errno = 0; row("y", 0, x, _y0(x));
        errno = 0; row("y", 1, x, _y1(x));
        for (k = 0; k < sizeof ns / sizeof ns[0]; k++) { errno = 0; row("y", ns[k], x, _yn(ns[k], x)); }
    }
    /* the errors: EDOM for a NaN and for x < 0 (-HUGE_VAL), ERANGE and -HUGE_VAL at the pole x = 0 */
    double nan = strtod("nan", 0) ;
    errno = 0; row("E", 0, nan, _j0(nan));
    errno = 0; row("E", 0, nan, _y0(nan));
    errno = 0; row("E", 0, -1.0, _y0(-1.0));
    errno = 0; row("E", 1, -2.0, _y1(-2.0));
    errno = 0; row("E", 7, -1e-5, _yn(7, -1e-5));
    errno = 0; row("E", 0, 0.0, _y0(0.0));
    errno = 0; row("E", 1, -0.0, _y1(-0.0));
    errno = 0; row("E", 3, 0.0, _yn(3, 0.0));
    errno = 0; row("E", 0, 0.0, _j0(0.0));
    errno = 0; row("E", 1, 0.0, _j1(0.0));
    errno = 0; row("E", 200, 1e-3, _yn(200, 1e-3));
    errno = 0; row("E", 0, HUGE_VAL, _j0(HUGE_VAL));
    errno = 0; row("E", 0, HUGE_VAL, _y0(HUGE_VAL));
    return 0;
}
