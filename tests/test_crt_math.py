"""The math library's computations (guest/crt/mathcore.c on the host, the same x87 extended
arithmetic the guest runs): a table of common inputs bit-compared with the correctly rounded
result (mpmath at 200 bits), random inputs correctly rounded in all but rare near-halfway cases,
exact cases, and the special values and error kinds the C runtime turns into errno."""
import math
import random
import struct

import pytest
from crthost import host_math

mpmath = pytest.importorskip("mpmath")
mpmath.mp.prec = 200
M = mpmath

REFERENCE = {
    "exp": M.exp, "exp2": lambda v: M.power(2, v), "expm1": M.expm1, "log": M.log, "log10": M.log10,
    "log2": lambda v: M.log(v, 2), "log1p": M.log1p, "sin": M.sin, "cos": M.cos, "tan": M.tan, "asin": M.asin,
    "acos": M.acos, "atan": M.atan, "sinh": M.sinh, "cosh": M.cosh, "tanh": M.tanh, "asinh": M.asinh,
    "acosh": M.acosh, "atanh": M.atanh, "cbrt": M.cbrt,
}
TABLE = {
    "exp": [0.5, 1.0, 2.0, -1.0, 10.0, 0.1, -0.1, 100.0, -100.0, 700.0, 1e-10],
    "exp2": [0.5, 3.3, -7.25, 100.5, 1e-10],
    "expm1": [1e-10, 0.001, 0.5, -0.5, 2.0],
    "log": [0.5, 2.0, 10.0, 3.0, 1e-300, 1e300, 0.999, 1.001, 12345.678],
    "log10": [2.0, 5.0, 0.3, 7e20, 1e-5],
    "log2": [3.0, 10.0, 0.7, 1e100],
    "log1p": [1e-10, 0.001, 0.5, 3.0, -0.5],
    "sin": [0.5, 1.0, 2.0, 3.0, 10.0, 100.0, 1e6, 1e22, -0.25, 0.7853981633974483],
    "cos": [0.5, 1.0, 2.0, 3.0, 10.0, 100.0, 1e6, 1e22, -0.25],
    "tan": [0.5, 1.0, 1.5, 3.0, 10.0, -0.25],
    "asin": [0.5, 0.1, -0.9, 0.999],
    "acos": [0.5, 0.1, -0.9, 0.999],
    "atan": [0.5, 1.0, 2.0, 10.0, -3.0, 1e10],
    "sinh": [0.1, 1.0, 5.0, -20.0],
    "cosh": [0.1, 1.0, 5.0, -20.0],
    "tanh": [0.1, 0.5, 1.0, -3.0],
    "asinh": [0.1, 1.0, 100.0],
    "acosh": [1.5, 10.0, 1e6],
    "atanh": [0.1, 0.5, -0.9],
    "cbrt": [2.0, 3.0, 10.0, 0.001],
}


def correctly_rounded(name, x):
    return float(REFERENCE[name](M.mpf(x)))


@pytest.mark.parametrize("name", sorted(TABLE))
def test_table_is_correctly_rounded(name):
    wrong = [(x, host_math(name, x)[0], correctly_rounded(name, x)) for x in TABLE[name]
             if host_math(name, x)[0] != correctly_rounded(name, x)]
    assert not wrong


def test_pow_table():
    for x, y in [(2.0, 0.5), (10.0, -2.0), (1.0001, 1e5), (3.0, 1.5), (0.5, 10.5), (7.0, 23.0), (1.5, -300.0)]:
        assert host_math("pow", x, y)[0] == float(M.power(M.mpf(x), M.mpf(y))), (x, y)


def test_random_inputs_round_correctly_but_in_rare_cases():
    rng = random.Random(14)
    domains = {"exp": (-700, 700), "log": (1e-300, 1e300), "sin": (-1e6, 1e6), "cos": (-1e6, 1e6),
               "atan": (-1e3, 1e3), "asin": (-1, 1), "tanh": (-20, 20), "log10": (1e-300, 1e300)}
    total = wrong = 0
    for name, (lo, hi) in domains.items():
        for _ in range(250):
            x = math.exp(rng.uniform(math.log(lo), math.log(hi))) if lo > 0 else rng.uniform(lo, hi)
            total += 1
            wrong += host_math(name, x)[0] != correctly_rounded(name, x)
    assert wrong <= total // 200            # at most half a percent, each a one-ulp miss


@pytest.mark.parametrize("name,x,y,value", [
    ("exp", 0.0, 0, 1.0), ("log", 1.0, 0, 0.0), ("log10", 1000.0, 0, 3.0), ("log2", 1024.0, 0, 10.0),
    ("pow", 2.0, 10.0, 1024.0), ("pow", -2.0, 3.0, -8.0), ("pow", 0.5, 1074.0, 5e-324), ("cbrt", 27.0, 0, 3.0),
    ("cbrt", -8.0, 0, -2.0), ("sin", 0.0, 0, 0.0), ("cos", 0.0, 0, 1.0), ("atan2", 1.0, 1.0, math.pi / 4),
    ("atan2", 0.0, -1.0, math.pi), ("fmod", 10.0, 3.0, 1.0), ("fmod", -10.0, 3.0, -1.0), ("fmod", 5.5, 1e-300,
                                                                                            math.fmod(5.5, 1e-300)),
    ("remainder", 10.0, 3.0, 1.0), ("remainder", 11.0, 3.0, -1.0), ("remainder", 5.0, 2.0, 1.0),
    ("hypot", 3.0, 4.0, 5.0), ("exp2", 10.0, 0, 1024.0), ("exp2", -1074.0, 0, 5e-324),
])
def test_exact_cases(name, x, y, value):
    assert host_math(name, x, y) == (value, 0)


def _bits(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]


@pytest.mark.parametrize("name,x,y,kind", [
    ("log", -1.0, 0, 1), ("asin", 2.0, 0, 1), ("acos", -1.5, 0, 1), ("pow", -8.0, 1 / 3, 1),
    ("fmod", 1.0, 0.0, 1), ("sin", math.inf, 0, 1), ("acosh", 0.5, 0, 1),
])
def test_domain_errors_give_the_indefinite_nan(name, x, y, kind):
    value, err = host_math(name, x, y)
    assert (_bits(value), err) == (0xFFF8000000000000, kind)    # -nan(ind), _DOMAIN


@pytest.mark.parametrize("name,x,y,value,kind", [
    ("log", 0.0, 0, -math.inf, 2), ("pow", 0.0, -1.0, math.inf, 2), ("atanh", 1.0, 0, math.inf, 2),
    ("exp", 710.0, 0, math.inf, 3), ("pow", 10.0, 400.0, math.inf, 3), ("cosh", 800.0, 0, math.inf, 3),
    ("exp", -800.0, 0, 0.0, 4),
])
def test_poles_overflow_and_underflow(name, x, y, value, kind):
    assert host_math(name, x, y) == (value, kind)
