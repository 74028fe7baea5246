/* The UCRT's floating-point primitives (_dtest, _dclass, _dsign, _dpcomp, _dscale, _dunscale, _dexp,
 * _dnorm, _d_int, _dlog, _dsin, _dpoly and their _fd/_ld forms) and the C99 complex functions over
 * _Dcomplex/_Fcomplex/_Lcomplex, called as MSVC-compiled code calls them: MSVC's types (long double
 * is a double; the complex types are structs). Each line prints the inputs' and results' IEEE bits. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

typedef struct { double v[2]; } Dc;             /* _Dcomplex, _Lcomplex */
typedef struct { float v[2]; } Fc;              /* _Fcomplex */
#define IMP(ret, name, args) __declspec(dllimport) ret ms_##name args __asm__(#name);
IMP(short, _dtest, (double *)) IMP(short, _ldtest, (double *)) IMP(short, _fdtest, (float *))
IMP(short, _dclass, (double)) IMP(short, _ldclass, (double)) IMP(short, _fdclass, (float))
IMP(int, _dsign, (double)) IMP(int, _ldsign, (double)) IMP(int, _fdsign, (float))
IMP(int, _dpcomp, (double, double)) IMP(int, _ldpcomp, (double, double)) IMP(int, _fdpcomp, (float, float))
IMP(short, _dscale, (double *, long)) IMP(short, _ldscale, (double *, long)) IMP(short, _fdscale, (float *, long))
IMP(short, _dunscale, (short *, double *)) IMP(short, _fdunscale, (short *, float *))
IMP(short, _ldunscale, (short *, double *))
IMP(short, _dexp, (double *, double, long)) IMP(short, _fdexp, (float *, float, long))
IMP(short, _ldexp, (double *, double, long))
IMP(short, _dnorm, (unsigned short *)) IMP(short, _fdnorm, (unsigned short *))
IMP(short, _d_int, (double *, short)) IMP(short, _fd_int, (float *, short)) IMP(short, _ld_int, (double *, short))
IMP(double, _dlog, (double, int)) IMP(float, _fdlog, (float, int)) IMP(double, _ldlog, (double, int))
IMP(double, _dsin, (double, unsigned)) IMP(float, _fdsin, (float, unsigned)) IMP(double, _ldsin, (double, unsigned))
IMP(double, _dpoly, (double, const double *, int)) IMP(float, _fdpoly, (float, const float *, int))
IMP(double, _ldpoly, (double, const double *, int))

/* The complex functions are looked up in ucrtbase.dll itself: the static library zig links has
 * its own cexp ... (mingw-w64's), which would otherwise stand in for the DLL's. */
__declspec(dllimport) void *__stdcall GetModuleHandleA(const char *);
__declspec(dllimport) void *__stdcall GetProcAddress(void *, const char *);
#define C1(name) static Dc (*ms_##name)(Dc); static Fc (*ms_##name##f)(Fc); static Dc (*ms_##name##l)(Dc);
#define R1(name) static double (*ms_##name)(Dc); static float (*ms_##name##f)(Fc); static double (*ms_##name##l)(Dc);
C1(cexp) C1(clog) C1(clog10) C1(csqrt) C1(csin) C1(ccos) C1(ctan) C1(csinh) C1(ccosh) C1(ctanh)
C1(casin) C1(cacos) C1(catan) C1(casinh) C1(cacosh) C1(catanh) C1(cproj) C1(conj)
R1(cabs) R1(carg) R1(creal) R1(cimag) R1(norm)
static Dc (*ms_cpow)(Dc, Dc); static Fc (*ms_cpowf)(Fc, Fc); static Dc (*ms_cpowl)(Dc, Dc);
static Dc (*ms__Cbuild)(double, double); static Dc (*ms__Cmulcc)(Dc, Dc); static Dc (*ms__Cmulcr)(Dc, double);
static Fc (*ms__FCbuild)(float, float); static Fc (*ms__FCmulcc)(Fc, Fc); static Fc (*ms__FCmulcr)(Fc, float);
static Dc (*ms__LCbuild)(double, double); static Dc (*ms__LCmulcc)(Dc, Dc); static Dc (*ms__LCmulcr)(Dc, double);

static void resolve(void)
{
    void *dll = GetModuleHandleA("ucrtbase.dll");
#define GET(name) *(void **)&ms_##name = GetProcAddress(dll, #name); \
                  if (!ms_##name) { printf("missing %s\n", #name); exit(1); }
#define GET3(name) GET(name) GET(name##f) GET(name##l)
    GET3(cexp) GET3(clog) GET3(clog10) GET3(csqrt) GET3(csin) GET3(ccos) GET3(ctan) GET3(csinh) GET3(ccosh)
    GET3(ctanh) GET3(casin) GET3(cacos) GET3(catan) GET3(casinh) GET3(cacosh) GET3(catanh) GET3(cproj) GET3(conj)
    GET3(cabs) GET3(carg) GET3(creal) GET3(cimag) GET3(norm) GET3(cpow)
    GET(_Cbuild) GET(_Cmulcc) GET(_Cmulcr) GET(_FCbuild) GET(_FCmulcc) GET(_FCmulcr) GET(_LCbuild) GET(_LCmulcc)
    GET(_LCmulcr)
}

static unsigned long long db(double x) { unsigned long long u; memcpy(&u, &x, 8); return u; }
static unsigned fb(float x) { unsigned u; memcpy(&u, &x, 4); return u; }
static double dd(unsigned long long u) { double x; memcpy(&x, &u, 8); return x; }

static const unsigned long long VALUES[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff8000000000000ull,
    0x0000000000000001ull, 0x800fffffffffffffull, 0x0010000000000000ull, 0x7fefffffffffffffull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull, 0x7ff0000000000001ull,
    0xfff8000000000000ull, 0x4059000000000000ull, 0x3fd5555555555555ull, 0xc1d2a05f20000000ull,
};
#define NV (int)(sizeof VALUES / sizeof VALUES[0])

static void primitives(void)
{
    for (int i = 0; i < NV; i++) {
        double x = dd(VALUES[i]), lx = x;
        float f = (float)x;
        printf("class %016llx %d %d %d %d %d %d %d %d %d\n", VALUES[i], ms__dtest(&x), ms__ldtest(&lx),
               ms__fdtest(&f), ms__dclass(x), ms__ldclass(x), ms__fdclass(f), ms__dsign(x), ms__ldsign(x),
               ms__fdsign(f));
    }
    for (int i = 0; i < NV; i += 3)
        for (int j = 0; j < NV; j += 2)
            printf("pcomp %016llx %016llx %d %d %d\n", VALUES[i], VALUES[j], ms__dpcomp(dd(VALUES[i]), dd(VALUES[j])),
                   ms__ldpcomp(dd(VALUES[i]), dd(VALUES[j])), ms__fdpcomp((float)dd(VALUES[i]), (float)dd(VALUES[j])));
    static const long EXPS[] = { 0, 1, -1, 10, -1074, -1075, 1023, 1024, 2000, -2000, 52 };
    for (int i = 0; i < NV; i++)
        for (int k = 0; k < (int)(sizeof EXPS / sizeof EXPS[0]); k++) {
            double x = dd(VALUES[i]), lx = x;
            float f = (float)x;
            short c = ms__dscale(&x, EXPS[k]), lc = ms__ldscale(&lx, EXPS[k]), fc = ms__fdscale(&f, EXPS[k]);
            printf("scale %016llx %ld %016llx %d %016llx %d %08x %d\n", VALUES[i], EXPS[k], db(x), c, db(lx), lc,
                   fb(f), fc);
        }
    for (int i = 0; i < NV; i++) {
        double x = dd(VALUES[i]), lx = x;
        float f = (float)x;
        short e = 99, le = 99, fe = 99;
        short c = ms__dunscale(&e, &x), lc = ms__ldunscale(&le, &lx), fc = ms__fdunscale(&fe, &f);
        printf("unscale %016llx %016llx %d %d %016llx %d %d %08x %d %d\n", VALUES[i], db(x), e, c, db(lx), le, lc,
               fb(f), fe, fc);
    }
    static const double DX[][3] = { { 0, 3, 0 }, { 1, 1, 0 }, { 1, 2, 3 }, { -1, 1, -2 }, { 700, 1, 100 },
                                    { 710, 1, -100 }, { 2, 0, 5 }, { -800, 1, 0 }, { 0.5, -1, -1074 } };
    for (int i = 0; i < (int)(sizeof DX / sizeof DX[0]); i++) {
        double x = DX[i][0], lx = x;
        float f = (float)x;
        short c = ms__dexp(&x, DX[i][1], (long)DX[i][2]), lc = ms__ldexp(&lx, DX[i][1], (long)DX[i][2]);
        short fc = ms__fdexp(&f, (float)DX[i][1], (long)DX[i][2]);
        printf("exp %016llx %016llx %ld %016llx %d %016llx %d %08x %d\n", db(DX[i][0]), db(DX[i][1]), (long)DX[i][2],
               db(x), c, db(lx), lc, fb(f), fc);
    }
    static const unsigned long long NORMS[] = { 0x0000000000000001ull, 0x800fffffffffffffull, 0x0000000000000000ull,
                                                0x8000800000000000ull, 0x0008000000000000ull };
    for (int i = 0; i < 5; i++) {
        unsigned short w[4];
        memcpy(w, &NORMS[i], 8);
        short r = ms__dnorm(w);
        unsigned long long o;
        memcpy(&o, w, 8);
        unsigned fw = (unsigned)NORMS[i] & 0x807fffffu;
        unsigned short fs[2];
        memcpy(fs, &fw, 4);
        short fr = ms__fdnorm(fs);
        unsigned fo;
        memcpy(&fo, fs, 4);
        printf("norm %016llx %016llx %d %08x %08x %d\n", NORMS[i], o, r, fw, fo, fr);
    }
    static const double IX[][2] = { { 2.75, 0 }, { -2.75, 0 }, { 3, 0 }, { 2.75, 1 }, { 2.75, 2 }, { 0.3, 0 },
                                    { -0.3, 0 }, { 1e300, 0 }, { 4503599627370497.0, 0 }, { 1.5, -1 }, { 0, 0 } };
    for (int i = 0; i < (int)(sizeof IX / sizeof IX[0]); i++) {
        double x = IX[i][0], lx = x;
        float f = (float)x;
        short c = ms__d_int(&x, (short)IX[i][1]), lc = ms__ld_int(&lx, (short)IX[i][1]);
        short fc = ms__fd_int(&f, (short)IX[i][1]);
        printf("int %016llx %d %016llx %d %016llx %d %08x %d\n", db(IX[i][0]), (int)IX[i][1], db(x), c, db(lx), lc,
               fb(f), fc);
    }
    static const double LX[] = { 1, 10, 100, 2.718281828459045, 0.5, 1000 };
    for (int i = 0; i < 6; i++)
        printf("log %016llx %016llx %016llx %016llx %08x %08x\n", db(LX[i]), db(ms__dlog(LX[i], 0)),
               db(ms__dlog(LX[i], 1)), db(ms__ldlog(LX[i], 7)), fb(ms__fdlog((float)LX[i], 0)),
               fb(ms__fdlog((float)LX[i], 1)));
    static const double SX[] = { 0, 0.5, 1, -2, 2.5 };
    for (int i = 0; i < 5; i++)
        for (unsigned q = 0; q < 6; q++)
            printf("sin %016llx %u %016llx %016llx %08x\n", db(SX[i]), q, db(ms__dsin(SX[i], q)),
                   db(ms__ldsin(SX[i], q)), fb(ms__fdsin((float)SX[i], q)));
    static const double T[] = { 3.0, 4.0, 5.0, -1.0 };
    static const float TF[] = { 3.0f, 4.0f, 5.0f, -1.0f };
    for (int n = 0; n < 4; n++)
        printf("poly %d %016llx %016llx %08x %016llx\n", n, db(ms__dpoly(2.0, T, n)), db(ms__ldpoly(-0.5, T, n)),
               fb(ms__fdpoly(2.0f, TF, n)), db(ms__dpoly(0.0, T, n)));
}

typedef Dc (*cfun)(Dc);
typedef Fc (*ffun)(Fc);
static const struct { const char *name; cfun *d; ffun *f; cfun *l; } CFUNS[] = {
#define ENTRY(n) { #n, &ms_##n, &ms_##n##f, &ms_##n##l },
    ENTRY(cexp) ENTRY(clog) ENTRY(clog10) ENTRY(csqrt) ENTRY(csin) ENTRY(ccos) ENTRY(ctan) ENTRY(csinh)
    ENTRY(ccosh) ENTRY(ctanh) ENTRY(casin) ENTRY(cacos) ENTRY(catan) ENTRY(casinh) ENTRY(cacosh) ENTRY(catanh)
    ENTRY(cproj) ENTRY(conj)
};
typedef double (*rfun)(Dc);
typedef float (*rffun)(Fc);
static const struct { const char *name; rfun *d; rffun *f; rfun *l; } RFUNS[] = {
    ENTRY(cabs) ENTRY(carg) ENTRY(creal) ENTRY(cimag) ENTRY(norm)
};

/* ordinary arguments (compared with a reference to a few ulps) and Annex G's special ones */
static const double ARGS[][2] = {
    { 0.5, 0.25 }, { -1.5, 2.0 }, { 3.0, -4.0 }, { -0.75, -0.125 }, { 2.0, 0.0 }, { 0.0, 1.5 }, { 1e-5, 2e-5 },
    { 10.0, 3.0 }, { -2.5, 0.0 }, { 0.25, -3.0 }, { 0.999, 0.001 }, { 1e10, -1e10 },
};

static void complex_table(void)
{
    double inf = dd(0x7ff0000000000000ull), nan = dd(0x7ff8000000000000ull);
    double specials[][2] = { { 0.0, 0.0 }, { -0.0, 0.0 }, { 0.0, -0.0 }, { inf, 0.0 }, { -inf, 0.0 },
                             { 0.0, inf }, { 1.0, inf }, { inf, 1.0 }, { -inf, 1.0 }, { inf, inf }, { -inf, inf },
                             { nan, 0.0 }, { nan, 1.0 }, { 0.0, nan }, { 1.0, nan }, { inf, nan }, { -inf, nan },
                             { nan, inf }, { nan, nan }, { 1.0, 0.0 }, { -1.0, 0.0 }, { 0.0, 1.0 } };
    int ns = (int)(sizeof specials / sizeof specials[0]);
    for (int k = 0; k < (int)(sizeof CFUNS / sizeof CFUNS[0]); k++) {
        for (int i = 0; i < (int)(sizeof ARGS / sizeof ARGS[0]) + ns; i++) {
            int sp = i >= (int)(sizeof ARGS / sizeof ARGS[0]);
            const double *a = sp ? specials[i - (int)(sizeof ARGS / sizeof ARGS[0])] : ARGS[i];
            Dc z = ms__Cbuild(a[0], a[1]), r = (*CFUNS[k].d)(z), rl = (*CFUNS[k].l)(ms__LCbuild(a[0], a[1]));
            Fc rf = (*CFUNS[k].f)(ms__FCbuild((float)a[0], (float)a[1]));
            printf("%s %s %016llx %016llx %016llx %016llx %016llx %016llx %08x %08x\n", sp ? "S" : "C", CFUNS[k].name,
                   db(a[0]), db(a[1]), db(r.v[0]), db(r.v[1]), db(rl.v[0]), db(rl.v[1]), fb(rf.v[0]), fb(rf.v[1]));
        }
    }
    for (int k = 0; k < (int)(sizeof RFUNS / sizeof RFUNS[0]); k++)
        for (int i = 0; i < (int)(sizeof ARGS / sizeof ARGS[0]); i++) {
            Dc z = ms__Cbuild(ARGS[i][0], ARGS[i][1]);
            printf("R %s %016llx %016llx %016llx %016llx %08x\n", RFUNS[k].name, db(ARGS[i][0]), db(ARGS[i][1]),
                   db((*RFUNS[k].d)(z)), db((*RFUNS[k].l)(z)), fb((*RFUNS[k].f)(ms__FCbuild((float)ARGS[i][0], (float)ARGS[i][1]))));
        }
    for (int i = 0; i + 1 < (int)(sizeof ARGS / sizeof ARGS[0]); i++) {
        Dc z = ms__Cbuild(ARGS[i][0], ARGS[i][1]), w = ms__Cbuild(ARGS[i + 1][0], ARGS[i + 1][1]);
        Dc p = ms_cpow(z, w), pl = ms_cpowl(z, w), m = ms__Cmulcc(z, w), mr = ms__Cmulcr(z, ARGS[i + 1][0]), ml = ms__LCmulcc(z, w);
        Dc mrl = ms__LCmulcr(z, ARGS[i + 1][0]);
        Fc zf = ms__FCbuild((float)ARGS[i][0], (float)ARGS[i][1]), wf = ms__FCbuild((float)ARGS[i + 1][0],
                                                                                     (float)ARGS[i + 1][1]);
        Fc pf = ms_cpowf(zf, wf), mf = ms__FCmulcc(zf, wf), mrf = ms__FCmulcr(zf, (float)ARGS[i + 1][0]);
        printf("B %016llx %016llx %016llx %016llx pow %016llx %016llx %016llx %016llx %08x %08x mul %016llx %016llx %016llx %016llx "
               "%08x %08x mulr %016llx %016llx %016llx %016llx %08x %08x\n", db(z.v[0]), db(z.v[1]), db(w.v[0]), db(w.v[1]),
               db(p.v[0]), db(p.v[1]), db(pl.v[0]), db(pl.v[1]), fb(pf.v[0]), fb(pf.v[1]), db(m.v[0]), db(m.v[1]), db(ml.v[0]), db(ml.v[1]),
               fb(mf.v[0]), fb(mf.v[1]), db(mr.v[0]), db(mr.v[1]), db(mrl.v[0]), db(mrl.v[1]), fb(mrf.v[0]), fb(mrf.v[1]));
    }
    Dc zero = ms__Cbuild(0.0, 0.0), two = ms__Cbuild(2.0, 0.0), p0 = ms_cpow(zero, two), p1 = ms_cpow(zero, zero);
    printf("P %016llx %016llx %016llx %016llx\n", db(p0.v[0]), db(p0.v[1]), db(p1.v[0]), db(p1.v[1]));
}

/* __fpe_flt_rounds under each SSE rounding mode, and the __strncnt/__wcsncnt counts */
static void small(void)
{
    void *dll = GetModuleHandleA("ucrtbase.dll");
    int (*rounds)(void) = (int (*)(void))GetProcAddress(dll, "__fpe_flt_rounds");
    size_t (*ncnt)(const char *, size_t) = (size_t (*)(const char *, size_t))GetProcAddress(dll, "__strncnt");
    size_t (*wncnt)(const unsigned short *, size_t) =
        (size_t (*)(const unsigned short *, size_t))GetProcAddress(dll, "__wcsncnt");
    unsigned int saved, mx;
    __asm__ volatile ("stmxcsr %0" : "=m"(saved));
    printf("rounds");
    for (unsigned rc = 0; rc < 4; rc++) {
        mx = (saved & ~0x6000u) | rc << 13;
        __asm__ volatile ("ldmxcsr %0" : : "m"(mx));
        int r = rounds();
        __asm__ volatile ("ldmxcsr %0" : : "m"(saved));
        printf(" %d", r);
    }
    static const unsigned short w[] = { 'a', 'b', 'c', 0 };
    printf("\nncnt %u %u %u %u %u\n", (unsigned)ncnt("hello", 3), (unsigned)ncnt("hi", 10), (unsigned)ncnt("", 5),
           (unsigned)wncnt(w, 2), (unsigned)wncnt(w, 9));
}

int main(void)
{
    small();
    primitives();
    resolve();
    complex_table();
    return 0;
}
