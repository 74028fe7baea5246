"""The UCRT's floating-point primitives (guest/crt/math_prim.c: _dtest/_dclass/_dsign/_dpcomp,
_dscale/_dunscale/_dexp/_dnorm/_d_int/_dlog/_dsin/_dpoly with the _fd and _ld forms) and the C99
complex functions over _Dcomplex/_Fcomplex/_Lcomplex (guest/crt/complex.c), from the zig-built
sample ucrt_mathprim: the primitives against their documented results computed here exactly, the
complex functions against Python's cmath (C99 Annex G values) to a few ulps, the _l forms equal to the
double ones (MSVC's long double is a double) and the _f forms within an ulp of the rounded result;
also guest/crt/ucrt_small.c's __fpe_flt_rounds, __strncnt and __wcsncnt."""
import cmath
import functools
import math
import struct

import pytest
from conftest import run_kernel, sample_path

FP_NAN, FP_INFINITE, FP_ZERO, FP_SUBNORMAL, FP_NORMAL = 2, 1, 0, -2, -1


def d(h):
    return struct.unpack("<d", struct.pack("<Q", int(h, 16)))[0]


def f(h):
    return struct.unpack("<f", struct.pack("<I", int(h, 16)))[0]


def dbits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def to_float(x):
    """x rounded to single precision (an infinity beyond its range)."""
    try:
        return struct.unpack("<f", struct.pack("<f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def fbits(x):
    return "%08x" % struct.unpack("<I", struct.pack("<f", to_float(x)))[0]


def classify(x, single=False):
    if math.isnan(x):
        return FP_NAN
    if math.isinf(x):
        return FP_INFINITE
    if x == 0:
        return FP_ZERO
    return FP_SUBNORMAL if abs(x) < (2.0 ** -126 if single else 2.0 ** -1022) else FP_NORMAL


def ldexp(x, e):
    try:
        return math.ldexp(x, e)
    except OverflowError:
        return math.copysign(math.inf, x)


@functools.cache
def rows():
    r = run_kernel("boot", sample_path("ucrt_mathprim"))
    assert r.returncode == 0, r.stderr
    return tuple(tuple(line.split()) for line in r.stdout.decode().splitlines())


def kind(k):
    return [t[1:] for t in rows() if t[0] == k]


def test_flt_rounds_and_counts():
    """__fpe_flt_rounds follows MXCSR.RC (nearest 1, down 3, up 2, toward zero 0); __strncnt and
    __wcsncnt count up to the terminator, at most count."""
    assert rows()[0] == ("rounds", "1", "3", "2", "0")
    assert rows()[1] == ("ncnt", "3", "2", "0", "2", "3")


def test_classification_and_sign():
    lines = kind("class")
    assert len(lines) == 16
    for xb, *got in lines:
        x = d(xb)
        fx = to_float(x)
        sign = 0x8000 if xb[0] in "89abcdef" else 0
        want = [classify(x)] * 2 + [classify(fx, True)] + [classify(x)] * 2 + [classify(fx, True)] + [sign] * 3
        assert [int(g) for g in got] == want, xb


def test_pcomp_ordering_bits():
    for xb, yb, *got in kind("pcomp"):
        x, y = d(xb), d(yb)
        want = 0 if math.isnan(x) or math.isnan(y) else 1 if x < y else 2 if x == y else 4
        fx, fy = to_float(x), to_float(y)
        fwant = 0 if math.isnan(fx) or math.isnan(fy) else 1 if fx < fy else 2 if fx == fy else 4
        assert [int(g) for g in got] == [want, want, fwant], (xb, yb)


def test_scale():
    lines = kind("scale")
    assert len(lines) == 16 * 11
    for xb, e, rb, c, lb, lc, fb_, fc in lines:
        x, e = d(xb), int(e)
        want = x if math.isnan(x) else ldexp(x, e)
        assert (rb, int(c)) == (dbits(want) if not math.isnan(x) else xb, classify(want)), (xb, e)
        assert (lb, lc) == (rb, c)
        fx = to_float(x)
        fwant = to_float(ldexp(fx, e)) if not math.isnan(fx) else fx
        if not math.isnan(fx):
            assert (fb_, int(fc)) == (fbits(fwant), classify(fwant, True)), (xb, e)


def test_unscale():
    for xb, rb, e, c, lb, le, lc, fb_, fe, fc in kind("unscale"):
        x = d(xb)
        if math.isnan(x) or math.isinf(x) or x == 0:
            assert (rb, int(e), int(c)) == (xb, 0, classify(x))
        else:
            m, n = math.frexp(x)
            assert (rb, int(e), int(c)) == (dbits(m), n, FP_NORMAL), xb
        assert (lb, le, lc) == (rb, e, c)
        fx = to_float(x)
        if not (math.isnan(fx) or math.isinf(fx) or fx == 0):
            m, n = math.frexp(fx)
            assert (fb_, int(fe), int(fc)) == (fbits(m), n, FP_NORMAL), xb
        elif not math.isnan(fx):
            assert (int(fe), int(fc)) == (0, classify(fx, True))


def test_dexp_is_y_times_e_to_x_times_two_to_eoff():
    lines = kind("exp")
    assert len(lines) == 9
    for xb, yb, eoff, rb, c, lb, lc, fb_, fc in lines:
        x, y, eoff = d(xb), d(yb), int(eoff)
        got = d(rb)
        want = ldexp(y * math.exp(x - 700), eoff) * math.exp(700) if x > 700 else ldexp(y * math.exp(x), eoff)
        if math.isinf(want) or want == 0 or abs(want) < 2.0 ** -1000:
            assert got == want or abs(got - want) <= 2.0 ** -1074, (xb, yb, eoff)
        else:
            assert abs(got - want) <= 2 * abs(want) * 2.0 ** -52, (xb, yb, eoff, got, want)
        assert int(c) == classify(got) and (lb, lc) == (rb, c)
        assert int(fc) == classify(f(fb_), True)
    assert lines[0][3] == dbits(3.0) and lines[6][3] == dbits(0.0)


def test_dnorm_returns_the_characteristic():
    got = {t[0]: list(t[1:]) for t in kind("norm")}
    assert got["0000000000000001"][:2] == ["0000000000000000", "-51"]        # 2^-1074 = 1.0 * 2^(-51 - 1023)
    assert got["800fffffffffffff"][:2] == ["800ffffffffffffe", "0"]
    assert got["0000000000000000"][:2] == ["0000000000000000", "1"]
    assert got["8000800000000000"][:2] == ["8000000000000000", "-4"]
    assert got["0000000000000001"][2:] == ["00000001", "00000000", "-22"]
    assert got["800fffffffffffff"][2:] == ["807fffff", "807ffffe", "0"]


def test_d_int_drops_fraction_bits():
    for xb, keep, rb, c, lb, lc, fb_, fc in kind("int"):
        x, keep = d(xb), int(keep)
        scaled = math.ldexp(x, keep)
        want = math.copysign(math.ldexp(math.trunc(scaled), -keep), x) if math.isfinite(x) else x
        lost = math.isfinite(x) and want != x
        assert (rb, int(c)) == (dbits(want), FP_NORMAL if lost else (classify(x) if not math.isfinite(x) else 0)), xb
        assert (lb, lc) == (rb, c)
        fx = to_float(x)
        if math.isfinite(fx):
            fwant = math.copysign(math.ldexp(math.trunc(math.ldexp(fx, keep)), -keep), fx)
            assert (fb_, int(fc)) == (fbits(fwant), FP_NORMAL if fwant != fx else 0), xb
    assert kind("int")[0][2:4] == ("4000000000000000", "-1")                   # 2.75 -> 2, fraction dropped
    assert kind("int")[2][2:4] == ("4008000000000000", "0")                    # 3 stays, nothing dropped


def poly(coef, x):
    return sum(c * x ** i for i, c in enumerate(coef))


def test_dlog_dsin_dpoly():
    for xb, ln, lg, lgl, fln, flg in kind("log"):
        x = d(xb)
        assert d(ln) == math.log(x) and d(lg) == math.log10(x) and lgl == lg
        assert fln == fbits(math.log(to_float(x))) and flg == fbits(math.log10(to_float(x)))
    for xb, q, r, rl, rf in kind("sin"):
        x, q = d(xb), int(q) & 3
        want = [math.sin(x), math.cos(x), -math.sin(x), -math.cos(x)][q]
        assert d(r) == want and rl == r, (xb, q)
        fx = to_float(x)
        assert rf == fbits([math.sin(fx), math.cos(fx), -math.sin(fx), -math.cos(fx)][q])
    table = [3.0, 4.0, 5.0, -1.0]
    for n, r2, rm, rf, r0 in kind("poly"):
        n = int(n)
        coef = table[:n + 1]
        assert (d(r2), d(rm), f(rf), d(r0)) == (poly(coef, 2.0), poly(coef, -0.5), poly(coef, 2.0), 3.0)
    assert d(kind("poly")[2][1]) == 31.0                                        # the documented example


def ulps(a, b):
    if math.isnan(a) and math.isnan(b):
        return 0
    if a == b:
        return 0 if math.copysign(1, a) == math.copysign(1, b) else 1 << 62
    ia, ib = (struct.unpack("<q", struct.pack("<d", v))[0] for v in (a, b))
    if (ia < 0) != (ib < 0):
        return abs(ia & 0x7FFFFFFFFFFFFFFF) + abs(ib & 0x7FFFFFFFFFFFFFFF)
    return abs(ia - ib)


CMATH = {"cexp": cmath.exp, "clog": cmath.log, "clog10": cmath.log10, "csqrt": cmath.sqrt, "csin": cmath.sin,
         "ccos": cmath.cos, "ctan": cmath.tan, "csinh": cmath.sinh, "ccosh": cmath.cosh, "ctanh": cmath.tanh,
         "casin": cmath.asin, "cacos": cmath.acos, "catan": cmath.atan, "casinh": cmath.asinh,
         "cacosh": cmath.acosh, "catanh": cmath.atanh, "conj": lambda z: z.conjugate()}

# Annex G leaves these signs unspecified ("+-"); cacosh(0 + iNaN) is NaN + i pi/2 (i acos(0 + iNaN))
UNSPECIFIED = {("csin", "nan", "0.0"), ("csin", "nan", "inf"), ("ccos", "nan", "0.0"), ("ccos", "0.0", "nan"),
               ("ctan", "-inf", "inf"), ("csinh", "-inf", "nan"), ("casin", "-inf", "nan"), ("cacos", "-inf", "nan"),
               ("catan", "inf", "nan"), ("catan", "-inf", "nan"), ("cacosh", "0.0", "nan")}
# Annex G's values where cmath raises instead (a pole or an overflow)
POLES = {("clog", "0.0", "0.0"): (-math.inf, 0.0), ("clog", "-0.0", "0.0"): (-math.inf, math.pi),
         ("clog", "0.0", "-0.0"): (-math.inf, -0.0), ("clog10", "0.0", "0.0"): (-math.inf, 0.0),
         ("clog10", "-0.0", "0.0"): (-math.inf, math.pi / math.log(10)),
         ("clog10", "0.0", "-0.0"): (-math.inf, -0.0), ("catanh", "1.0", "0.0"): (math.inf, 0.0),
         ("catanh", "-1.0", "0.0"): (-math.inf, 0.0), ("catan", "0.0", "1.0"): (0.0, math.inf),
         ("cexp", "0.0", "inf"): (math.nan, math.nan), ("cexp", "1.0", "inf"): (math.nan, math.nan),
         ("cexp", "inf", "inf"): (math.inf, math.nan)}


def test_complex_functions_against_annex_g_and_cmath():
    lines = [t for t in rows() if t[0] in "CS" and len(t) == 10]
    assert len(lines) == 18 * 34
    bad = []
    for tag, name, xb, yb, rr, ri, lr, li, fr, fi in lines:
        x, y = d(xb), d(yb)
        got = (d(rr), d(ri))
        assert (lr, li) == (rr, ri), (name, x, y)
        if name == "cproj":
            want = (math.inf, math.copysign(0.0, y)) if math.isinf(x) or math.isinf(y) else (x, y)
        elif (name, str(x), str(y)) in POLES:
            want = POLES[(name, str(x), str(y))]
        elif (name, str(x), str(y)) in UNSPECIFIED:
            continue
        else:
            try:
                w = CMATH[name](complex(x, y))
            except (ValueError, OverflowError):
                continue                         # an overflow cmath reports instead of returning inf
            want = (w.real, w.imag)
        limit = 4 if tag == "C" else 1
        if any(ulps(g, w) > limit for g, w in zip(got, want, strict=True)):
            bad.append((name, x, y, got, want))
        if tag == "C" and all(math.isfinite(v) for v in want):
            fz = complex(to_float(x), to_float(y))
            wf = CMATH.get(name, lambda z: z)(fz)
            for g, w in ((f(fr), wf.real), (f(fi), wf.imag)):
                if abs(g - to_float(w)) > 2 * abs(to_float(w)) * 2.0 ** -23 + 2.0 ** -149:
                    bad.append((name + "f", x, y, g, w))
    assert not bad


def test_cabs_carg_parts_norm():
    for name, xb, yb, r, rl, rf in kind("R"):
        x, y = d(xb), d(yb)
        want = {"cabs": math.hypot(x, y), "carg": math.atan2(y, x), "creal": x, "cimag": y,
                "norm": x * x + y * y}[name]
        assert d(r) == want and rl == r, (name, x, y)
        fx, fy = to_float(x), to_float(y)
        fwant = {"cabs": math.hypot(fx, fy), "carg": math.atan2(fy, fx), "creal": fx, "cimag": fy,
                 "norm": fx * fx + fy * fy}[name]
        assert abs(f(rf) - to_float(fwant)) <= abs(to_float(fwant)) * 2.0 ** -23, (name, x, y)


def test_build_multiply_and_pow():
    lines = kind("B")
    assert len(lines) == 11
    for t in lines:
        zr, zi, wr, wi = (d(v) for v in t[:4])
        p = [d(v) for v in t[5:9]]
        assert p[:2] == p[2:]
        try:
            want = cmath.exp(complex(wr, wi) * cmath.log(complex(zr, zi)))
        except OverflowError:
            want = None
        if want is not None:
            assert ulps(p[0], want.real) <= 8 and ulps(p[1], want.imag) <= 8, (zr, zi, wr, wi)
        m = [d(v) for v in t[12:16]]
        assert m[:2] == m[2:] == [zr * wr - zi * wi, zr * wi + zi * wr]
        fz, fw = (to_float(v) for v in (zr, zi)), (to_float(v) for v in (wr, wi))
        (a, b), (c, e) = fz, fw                  # each product rounded to float, then the sum
        assert [f(v) for v in t[16:18]] == [to_float(to_float(a * c) - to_float(b * e)),
                                            to_float(to_float(a * e) + to_float(b * c))]
        mr = [d(v) for v in t[19:23]]
        assert mr[:2] == mr[2:] == [zr * wr, zi * wr]
    p = kind("P")[0]
    assert [d(v) for v in p] == [0.0, 0.0, 1.0, 0.0]                            # 0^2 = 0, 0^0 = 1


@pytest.mark.parametrize("name", ["_dtest", "_ldtest", "_fdtest", "_fdclass", "_ldclass", "_fdsign", "_ldsign",
                                  "_dpcomp", "_Cbuild", "cexp", "cexpf", "cexpl", "norm", "_LCmulcr"])
def test_exported(name):
    from conftest import guest_exports
    assert name in guest_exports("ucrtbase.dll")
