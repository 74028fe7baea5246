/* The locale (_l) forms of the number conversions (_atoi_l ... _wcstoull_l, _wcstof_l,
 * _strtold_l, _wtof_l), which read as the plain forms (the decimal point of the "C" locale), the
 * <inttypes.h> ones (wcstoimax/wcstoumax and the _l forms, imaxabs, imaxdiv), and _atodbl,
 * _atoflt, _atoldbl: the text's value stored through a pointer and _OVERFLOW (3) or _UNDERFLOW (4)
 * returned when it is out of the type's range, errno left as it was. long double is double in
 * both runtimes; _atoldbl's _LDOUBLE is the 80-bit x87 form. */
#include "crtbase.h"
#include "strtod.h"
#include "errno.h"

typedef crt_wchar W;
long strtol(const char *, char **, int);
long long _strtoi64(const char *, char **, int);
unsigned long long _strtoui64(const char *, char **, int);
long wcstol(const W *, W **, int);
unsigned long wcstoul(const W *, W **, int);
long long _wcstoi64(const W *, W **, int);
unsigned long long _wcstoui64(const W *, W **, int);
double strtod(const char *, char **);
float wcstof(const W *, W **);
double wcstod(const W *, W **);

CRTEXP int _atoi_l(const char *s, void *l) { (void)l; return (int)strtol(s, NULL, 10); }
CRTEXP long _atol_l(const char *s, void *l) { (void)l; return strtol(s, NULL, 10); }
CRTEXP long long _atoll_l(const char *s, void *l) { (void)l; return _strtoi64(s, NULL, 10); }
CRTEXP long long _atoi64_l(const char *s, void *l) { (void)l; return _strtoi64(s, NULL, 10); }
CRTEXP int _wtoi_l(const W *s, void *l) { (void)l; return (int)wcstol(s, NULL, 10); }
CRTEXP long _wtol_l(const W *s, void *l) { (void)l; return wcstol(s, NULL, 10); }
CRTEXP long long _wtoll_l(const W *s, void *l) { (void)l; return _wcstoi64(s, NULL, 10); }
CRTEXP long long _wtoi64_l(const W *s, void *l) { (void)l; return _wcstoi64(s, NULL, 10); }
CRTEXP long _wcstol_l(const W *s, W **e, int b, void *l) { (void)l; return wcstol(s, e, b); }
CRTEXP unsigned long _wcstoul_l(const W *s, W **e, int b, void *l) { (void)l; return wcstoul(s, e, b); }
CRTEXP long long _wcstoi64_l(const W *s, W **e, int b, void *l) { (void)l; return _wcstoi64(s, e, b); }
CRTEXP unsigned long long _wcstoui64_l(const W *s, W **e, int b, void *l) { (void)l; return _wcstoui64(s, e, b); }
CRTEXP double _wtof_l(const W *s, void *l) { (void)l; return wcstod(s, NULL); }

#ifdef CRT_UCRT
CRTEXP long long _wcstoll_l(const W *s, W **e, int b, void *l) { (void)l; return _wcstoi64(s, e, b); }
CRTEXP unsigned long long _wcstoull_l(const W *s, W **e, int b, void *l) { (void)l; return _wcstoui64(s, e, b); }
CRTEXP float _wcstof_l(const W *s, W **e, void *l) { (void)l; return wcstof(s, e); }
CRTEXP double _wcstold_l(const W *s, W **e, void *l) { (void)l; return wcstod(s, e); }
CRTEXP double _strtold_l(const char *s, char **e, void *l) { (void)l; return strtod(s, e); }
CRTEXP long long _strtoimax_l(const char *s, char **e, int b, void *l) { (void)l; return _strtoi64(s, e, b); }
CRTEXP unsigned long long _strtoumax_l(const char *s, char **e, int b, void *l) { (void)l; return _strtoui64(s, e, b); }
CRTEXP long long wcstoimax(const W *s, W **e, int b) { return _wcstoi64(s, e, b); }
CRTEXP unsigned long long wcstoumax(const W *s, W **e, int b) { return _wcstoui64(s, e, b); }
CRTEXP long long _wcstoimax_l(const W *s, W **e, int b, void *l) { (void)l; return _wcstoi64(s, e, b); }
CRTEXP unsigned long long _wcstoumax_l(const W *s, W **e, int b, void *l) { (void)l; return _wcstoui64(s, e, b); }
CRTEXP long long imaxabs(long long v) { return v < 0 ? -v : v; }
typedef struct { long long quot, rem; } crt_imaxdiv_t;
CRTEXP crt_imaxdiv_t imaxdiv(long long a, long long b) { crt_imaxdiv_t r = { a / b, a % b }; return r; }
#endif

#ifdef CRT_UCRT
#define UCRT_SYNTAX 1
#else
#define UCRT_SYNTAX 0
#endif
#define OVERFLOW_ 3
#define UNDERFLOW_ 4

/* The range verdict of a conversion: overflow when the result is infinite, else underflow. */
static int verdict(int range, double v)
{
    if (!range)
        return 0;
    return v > 1.7976931348623157e308 || v < -1.7976931348623157e308 ? OVERFLOW_ : UNDERFLOW_;
}

CRTEXP int _atodbl(double *out, char *s)
{
    int range;
    double v = crt_strtod(s, NULL, &range, UCRT_SYNTAX);
    *out = v;
    return verdict(range, v);
}

CRTEXP int _atodbl_l(double *out, char *s, void *l) { (void)l; return _atodbl(out, s); }

CRTEXP int _atoflt_l(float *out, const char *s, void *l)
{
    (void)l;
    int range;
    float v = crt_strtof(s, NULL, &range, UCRT_SYNTAX);
    *out = v;
    return verdict(range, v);
}

#ifdef CRT_UCRT
CRTEXP int _atoflt(float *out, const char *s) { return _atoflt_l(out, s, NULL); }
#endif

/* The double's value in the x87's 80-bit form: 64-bit significand with its integer bit, 15-bit
 * exponent biased by 16383. */
static void to_ext(double d, unsigned char out[10])
{
    uint64_t bits;
    __builtin_memcpy(&bits, &d, 8);
    unsigned sign = (unsigned)(bits >> 63);
    int exp = (int)(bits >> 52 & 0x7FF);
    uint64_t frac = bits & 0xFFFFFFFFFFFFFull, mant = 0;
    unsigned e = 0;
    if (exp == 0x7FF) {
        e = 0x7FFF;
        mant = 0x8000000000000000ull | frac << 11;
    } else if (exp) {
        e = (unsigned)(exp - 1023 + 16383);
        mant = 0x8000000000000000ull | frac << 11;
    } else if (frac) {                  /* a subnormal double is a normal extended */
        int shift = __builtin_clzll(frac);
        mant = frac << shift;
        e = (unsigned)(16383 - 1022 - (shift - 11));
    }
    for (int i = 0; i < 8; i++)
        out[i] = (unsigned char)(mant >> (8 * i));
    unsigned top = sign << 15 | e;
    out[8] = (unsigned char)top;
    out[9] = (unsigned char)(top >> 8);
}

CRTEXP int _atoldbl(unsigned char *out, char *s)
{
    int range;
    double v = crt_strtod(s, NULL, &range, UCRT_SYNTAX);
    to_ext(v, out);
    return verdict(range, v);
}

CRTEXP int _atoldbl_l(unsigned char *out, char *s, void *l) { (void)l; return _atoldbl(out, s); }
