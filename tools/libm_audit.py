"""Audits guest/crt/mathcore.c (built for the host, as tests/crthost.py does) against mpmath:
each function on a table of edge cases plus deterministic pseudo-random inputs, reporting the
largest error in ulps of the exact result, for the double forms and the float forms (which the CRT
computes as the double function rounded to float).

    python3 tools/libm_audit.py [--count N] [--only sin,cos]
"""
import argparse
import ctypes
import math
import os
import random
import struct
import sys
from fractions import Fraction

import mpmath

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tests"))
from crthost import host_math  # noqa: E402

M = mpmath
M.mp.prec = 320
PI = math.pi

def exact_rem(a, b, nearest):
    """a - n*b exactly (Fractions), n truncated (fmod) or rounded half to even (remainder)."""
    fa, fb = Fraction(float(a)), Fraction(float(b))
    q = fa / fb
    n = round(q) if nearest else math.trunc(q)
    return M.mpf(float(fa - n * fb))


REFERENCE = {
    "sin": M.sin, "cos": M.cos, "tan": M.tan, "asin": M.asin, "acos": M.acos, "atan": M.atan,
    "sinh": M.sinh, "cosh": M.cosh, "tanh": M.tanh, "asinh": M.asinh, "acosh": M.acosh, "atanh": M.atanh,
    "exp": M.exp, "exp2": lambda v: M.power(2, v), "expm1": M.expm1, "log": M.log, "log2": lambda v: M.log(v, 2),
    "log10": M.log10, "log1p": M.log1p, "cbrt": M.cbrt,
    "pow": M.power, "hypot": lambda a, b: M.sqrt(a * a + b * b), "atan2": M.atan2,
    "fmod": lambda a, b: exact_rem(a, b, False), "remainder": lambda a, b: exact_rem(a, b, True),
}
BINARY = {"pow", "hypot", "atan2", "fmod", "remainder"}
DOMAIN = {
    "asin": (-1, 1), "acos": (-1, 1), "atanh": (-1, 1), "acosh": (1, 1e300), "log": (0, 1e308),
    "log2": (0, 1e308), "log10": (0, 1e308), "log1p": (-1, 1e308),
}

SUB = 5e-324
EDGES = [0.0, -0.0, SUB, -SUB, 2.2250738585072014e-308, 1e-310, -1e-310, 1e-300, 1e-20, 1e-8, 0.5, 1.0, -1.0,
         2.0, 1e8, 1e22, 1e300, 1.7976931348623157e308, -1.7976931348623157e308, math.inf, -math.inf, math.nan,
         math.nextafter(1.0, 0), math.nextafter(1.0, 2), 1 - 1e-10, 1 + 1e-10, 0.9999, 1.0001]
EDGES += [k * PI / 2 for k in range(-8, 9)] + [k * PI for k in (1e3, 1e6, 1e10, 1e15)]
EDGES += [math.nextafter(k * PI / 2, s) for k in (1, 2, 3, 4, 100) for s in (0, math.inf)]
EDGES += [3.14159265358979, 6.28318530717958, 1.5707963267949, 709.78, 709.782712893384, 710.4, -708.39,
          -745.13, -745.2, 1023.99, -1074.5, 0.35, 0.25, -0.25, 22.9, 23.1, 5.0, 100.0]


def rand_inputs(name, count, seed=14):
    rng = random.Random(f"{name}/{seed}")
    lo, hi = DOMAIN.get(name, (None, None))
    out = []
    for i in range(count):
        kind = i % 4
        if kind == 0:                                    # uniform on a moderate range
            v = rng.uniform(-10, 10)
        elif kind == 1:                                  # log-uniform magnitudes
            v = math.copysign(2.0 ** rng.uniform(-60, 60), rng.random() - 0.5)
        elif kind == 2:                                  # random bit patterns (finite)
            v = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
            if not math.isfinite(v):
                v = rng.random()
        else:                                            # near the function's interesting points
            v = rng.uniform(-1, 1) * (PI * rng.randint(1, 40) / 2 if name in ("sin", "cos", "tan") else 2)
        if lo is not None and not (lo <= v <= hi):
            v = lo + (hi - lo) * rng.random() if hi - lo < 10 else abs(v) + (lo if lo > 0 else 0)
        if name in ("exp", "expm1", "sinh", "cosh", "exp2") and abs(v) > 800:
            v = math.fmod(v, 800)
        out.append(v)
    return out


def ulp_of(v, fmt):
    """The ulp at the exact value v (an mpf), in format fmt ('d' or 'f')."""
    mant, emin = (53, -1074) if fmt == "d" else (24, -149)
    if v == 0:
        return M.ldexp(1, emin)
    e = int(M.floor(M.log(abs(v), 2)))
    return M.ldexp(1, max(e - mant + 1, emin))


def exact(name, args):
    try:
        with M.workprec(320):
            v = REFERENCE[name](*[M.mpf(a) for a in args])
    except (ValueError, ZeroDivisionError):
        return None
    if isinstance(v, M.mpc):
        return None
    return v


def error_ulps(name, args, got, fmt):
    """The error of got in ulps of the exact value; None when no finite exact value to compare."""
    if any(not math.isfinite(a) for a in args) or (name == "atan2" and 0 in args):
        return None                                      # special cases: tests/test_crt_libm_ulp.py
    v = exact(name, args)
    if v is None or not M.isfinite(v):
        return None
    maxv = 1.7976931348623157e308 if fmt == "d" else 3.4028234663852886e38
    if abs(v) > maxv * (1 + 2.0 ** -54):
        return 0.0 if math.isinf(got) and (got > 0) == (v > 0) else math.inf
    if not math.isfinite(got):
        return math.inf
    return float(abs(M.mpf(got) - v) / ulp_of(v, fmt))


def to_float(v):
    return ctypes.c_float(v).value


def audit(name, count):
    """(max ulp double, worst args, max ulp float, worst args) over the table."""
    rng = random.Random(f"pairs/{name}")
    if name in BINARY:
        singles = EDGES + rand_inputs(name, count)
        args_list = [(a, rng.choice(singles)) for a in singles]
        if name == "pow":
            args_list = [(abs(a) % 50 + 1e-3, rng.uniform(-40, 40)) for a, _ in args_list] + [
                (a, b) for a in (-2.0, 0.5, 2.0, 10.0, 1.0000001) for b in (3.0, -3.0, 0.5, 100.0, 1023.5)]
    else:
        args_list = [(a,) for a in EDGES + rand_inputs(name, count)]
    worst = [0.0, None, 0.0, None]
    for args in args_list:
        got, _ = host_math(name, *args)
        e = error_ulps(name, args, got, "d")
        if e is not None and e > worst[0]:
            worst[0:2] = [e, args]
        fargs = tuple(to_float(a) for a in args)
        if all(math.isfinite(a) for a in fargs):
            gotf = to_float(host_math(name, *fargs)[0])
            e = error_ulps(name, fargs, gotf, "f")
            if e is not None and e > worst[2]:
                worst[2:4] = [e, fargs]
    return worst


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    names = args.only.split(",") if args.only else sorted(REFERENCE)
    for name in names:
        d, da, f, fa = audit(name, args.count)
        print(f"{name:10} double {d:10.3f} ulp {da!s:48} float {f:8.3f} ulp {fa}")


if __name__ == "__main__":
    main()
