/* The UCRT's C library from a zig-built program, printed by bits so that the test can compute
 * every expected line itself: Microsoft's rand sequences (and rand_s), math functions on a table
 * of inputs, strtod and strtof, and time conversion and formatting from fixed dates. zig links
 * its own exp, log, sin ... (compiler-rt) before the UCRT's, so the math table calls ucrtbase's
 * exports by name through GetProcAddress. */
#define _CRT_RAND_S
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <windows.h>

static unsigned long long dbits(double d) { unsigned long long u; memcpy(&u, &d, sizeof u); return u; }
static unsigned fbits(float f) { unsigned u; memcpy(&u, &f, sizeof u); return u; }

typedef double (*fn1)(double);
typedef double (*fn2)(double, double);
static const struct { const char *name; double x[10]; } unary[] = {
    { "exp", { 0.5, 1.0, 2.0, -1.0, 10.0, 0.1, -0.1, 100.0, -100.0, 700.0 } },
    { "log", { 0.5, 2.0, 10.0, 3.0, 1e-300, 1e300, 0.999, 1.001, 12345.678 } },
    { "log10", { 2.0, 5.0, 0.3, 7e20, 1e-5 } },
    { "log2", { 3.0, 10.0, 0.7, 1e100 } },
    { "log1p", { 1e-10, 0.001, 0.5, 3.0, -0.5 } },
    { "expm1", { 1e-10, 0.001, 0.5, -0.5, 2.0 } },
    { "sin", { 0.5, 1.0, 2.0, 3.0, 10.0, 100.0, 1e6, 1e22, -0.25 } },
    { "cos", { 0.5, 1.0, 2.0, 3.0, 10.0, 100.0, 1e6, 1e22, -0.25 } },
    { "tan", { 0.5, 1.0, 1.5, 3.0, 10.0, -0.25 } },
    { "asin", { 0.5, 0.1, -0.9, 0.999 } },
    { "acos", { 0.5, 0.1, -0.9, 0.999 } },
    { "atan", { 0.5, 1.0, 2.0, 10.0, -3.0, 1e10 } },
    { "sinh", { 0.1, 1.0, 5.0, -20.0 } },
    { "cosh", { 0.1, 1.0, 5.0, -20.0 } },
    { "tanh", { 0.1, 0.5, 1.0, -3.0 } },
    { "cbrt", { 2.0, 3.0, 10.0, 0.001 } },
    { "sqrt", { 2.0, 3.0, 0.5, 1e-300, 12345.678 } },
    { "floor", { -2.5, 2.5, -0.0, 1e20, -1e-300 } },
    { "ceil", { -2.5, 2.5, -0.5, 1e20, 1e-300 } },
    { "trunc", { -2.7, 2.7, -0.5, 4503599627370495.5 } },
    { "round", { -2.5, 2.5, 0.5, -0.4999999999999999, 4503599627370495.5 } },
    { "rint", { -2.5, 2.5, 3.5, 0.5, -1.5 } },
};
static const struct { const char *name; double x, y; } binary[] = {
    { "pow", 2.0, 0.5 }, { "pow", 10.0, -2.0 }, { "pow", 1.0001, 1e5 }, { "pow", 3.0, 1.5 },
    { "pow", 0.5, 10.5 }, { "pow", 7.0, 23.0 }, { "pow", 1.5, -300.0 },
    { "fmod", 10.5, 3.0 }, { "fmod", -10.5, 3.0 }, { "fmod", 1e300, 7.0 },
    { "atan2", 1.0, 2.0 }, { "atan2", -1.0, -2.0 }, { "hypot", 3.0, 4.0 },
    { "hypot", 1e300, 1e300 }, { "copysign", 2.0, -0.0 }, { "fmax", -0.5, 0.25 },
};
static const char *const decimals[] = {
    "0.1", "2.2250738585072011e-308", "9007199254740993", "1e23", "4.9e-324", "1.7976931348623158e308",
    "0x1.8p3", "inf", "-nan", "123456789012345678901234567890", "1.00000005960464486360847876547",
    "3.4028235e38", "1.4e-45", "7.038531e-26",
};
static const long long dates[] = { 0, 795184889, 951782400, 1234567890, 2147483647, 4102444800LL, 32503680000LL - 1 };
static const char *const formats[] = {
    "%a %A %b %B %d %m %y %Y", "%H:%M:%S %I %p", "%j %U %W %w", "%c", "%x %X", "%#c", "%#x", "%D %F %T %R",
    "%e|%g %G %V %u %C", "%#d %#j %#m %#H", "%%",
};

static HMODULE ucrt;
static fn1 f1(const char *name) { return (fn1)(void (*)(void))GetProcAddress(ucrt, name); }
static fn2 f2(const char *name) { return (fn2)(void (*)(void))GetProcAddress(ucrt, name); }
typedef float (*ffn)(float);
static ffn ff(const char *name) { return (ffn)(void (*)(void))GetProcAddress(ucrt, name); }

int main(void)
{
    ucrt = GetModuleHandleA("ucrtbase.dll");
    for (int i = 0; i < 10; i++)
        printf("%d ", rand());
    printf("(no srand)\n");
    unsigned seeds[] = { 1, 12345, 0, 4294967295u };
    for (int s = 0; s < 4; s++) {
        srand(seeds[s]);
        for (int i = 0; i < 10; i++)
            printf("%d ", rand());
        printf("(srand %u)\n", seeds[s]);
    }
    unsigned r[8], all_equal = 1, failures = 0;
    for (int i = 0; i < 8; i++) {
        failures += rand_s(&r[i]) != 0;
        all_equal &= r[i] == r[0];
    }
    printf("rand_s failures %u all equal %u\n", failures, all_equal);

    for (size_t i = 0; i < sizeof unary / sizeof *unary; i++)
        for (int j = 0; j < 10 && (j == 0 || unary[i].x[j] != 0); j++)
            printf("%s %016llx %016llx\n", unary[i].name, dbits(unary[i].x[j]), dbits(f1(unary[i].name)(unary[i].x[j])));
    for (size_t i = 0; i < sizeof binary / sizeof *binary; i++)
        printf("%s %016llx %016llx %016llx\n", binary[i].name, dbits(binary[i].x), dbits(binary[i].y),
               dbits(f2(binary[i].name)(binary[i].x, binary[i].y)));
    errno = 0;
    double bad = f1("log")(-1.0);
    printf("log(-1) %016llx errno %d\n", dbits(bad), errno);
    errno = 0;
    double huge = f1("exp")(1000.0);
    printf("exp(1000) %016llx errno %d\n", dbits(huge), errno);
    printf("sqrtf(2) %08x expf(1) %08x sinf(1) %08x\n", fbits(ff("sqrtf")(2.0f)), fbits(ff("expf")(1.0f)),
           fbits(ff("sinf")(1.0f)));

    for (size_t i = 0; i < sizeof decimals / sizeof *decimals; i++) {
        char *end;
        errno = 0;
        double d = strtod(decimals[i], &end);
        int e1 = errno;
        errno = 0;
        float f = strtof(decimals[i], NULL);
        printf("strtod %s %016llx %d errno %d strtof %08x errno %d\n", decimals[i], dbits(d), (int)(end - decimals[i]),
               e1, fbits(f), errno);
    }

    printf("wcstof 0.1 %08x, 1e39 %08x\n", fbits(wcstof(L"0.1", NULL)), fbits(wcstof(L"1e39", NULL)));

    char buf[128];
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++) {
        time_t t = (time_t)dates[i];
        struct tm tm;
        if (gmtime_s(&tm, &t)) {
            printf("gmtime_s %lld failed\n", dates[i]);
            continue;
        }
        printf("gmtime %lld: %d %d %d %d %d %d wday %d yday %d\n", dates[i], tm.tm_year, tm.tm_mon, tm.tm_mday,
               tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday);
        printf("asctime %s", asctime(&tm));
        for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
            size_t n = strftime(buf, sizeof buf, formats[f], &tm);
            printf("strftime %s: %zu [%s]\n", formats[f], n, buf);
        }
        tm.tm_mday += 40;               /* _mkgmtime normalises and gives the time back */
        time_t back = _mkgmtime(&tm);
        printf("_mkgmtime +40 days %lld mday %d mon %d\n", (long long)back, tm.tm_mday, tm.tm_mon);
    }
    return 0;
}
