"""The Bessel functions _j0/_j1/_jn/_y0/_y1/_yn (guest/crt/bessel.c) of both runtimes: the samples
crt_bessel (mingw-w64, msvcrt.dll) and ucrt_bessel (zig, the UCRT) print the IEEE bits of a table of
results, compared here with mpmath's to a few ulps (Windows' are not correctly rounded either), and
the documented errors: EDOM for a NaN and for x < 0, ERANGE and -HUGE_VAL at the pole x = 0."""
import functools
import math
import struct

import mpmath
import pytest
from conftest import run_kernel, sample_path

ULPS = 4


def as_double(hexbits):
    return struct.unpack("<d", struct.pack("<Q", int(hexbits, 16)))[0]


def ulp_distance(a, b):
    """How many doubles apart a and b are (same sign assumed; 0 and tiny values count from zero)."""
    ia, ib = (struct.unpack("<q", struct.pack("<d", v))[0] for v in (a, b))
    if (ia < 0) != (ib < 0):
        return abs(ia & 0x7FFFFFFFFFFFFFFF) + abs(ib & 0x7FFFFFFFFFFFFFFF)
    return abs(ia - ib)


def reference(kind, n, x):
    mpmath.mp.prec = 200
    f = mpmath.besselj if kind == "j" else mpmath.bessely
    return float(f(n, mpmath.mpf(x)))


@functools.cache
def rows(name):
    r = run_kernel("boot", sample_path(name))
    assert r.returncode == 0
    return tuple(tuple(line.split()) for line in r.stdout.decode().splitlines())


@pytest.mark.parametrize("name", ["crt_bessel", "ucrt_bessel"])
def test_table_against_mpmath(name):
    out = rows(name)
    table = [t for t in out if t[0] in ("j", "y")]
    assert len(table) > 500
    bad = []
    for kind, n, xb, rb, err in table:
        x, got, want = as_double(xb), as_double(rb), reference(kind, int(n), as_double(xb))
        if math.isinf(want):                    # an overflow: -HUGE_VAL (or HUGE_VAL) with ERANGE
            ok = got == want and err == "34"
        else:
            ok = err == "0" and ulp_distance(got, want) <= ULPS
        if not ok:
            bad.append((kind, n, x, got, want, err))
    assert not bad


@pytest.mark.parametrize("name", ["crt_bessel", "ucrt_bessel"])
def test_errors(name):
    errs = [(int(n), as_double(xb), as_double(rb), int(e)) for k, n, xb, rb, e in rows(name) if k == "E"]
    (_, _, j0nan, e1), (_, _, y0nan, e2) = errs[0], errs[1]
    assert math.isnan(j0nan) and math.isnan(y0nan) and e1 == e2 == 33          # _DOMAIN: EDOM
    for _n, x, r, e in errs[2:5]:                                               # x < 0: EDOM, -HUGE_VAL
        assert x < 0 and r == -math.inf and e == 33
    for _n, x, r, e in errs[5:8]:                                               # x = 0: _SING, ERANGE
        assert x == 0 and r == -math.inf and e == 34
    assert errs[8][2:] == (1.0, 0) and errs[9][2:] == (0.0, 0)               # J0(0) = 1, J1(0) = 0
    assert errs[10][2:] == (-math.inf, 34)                                     # Y_200(1e-3) overflows
    assert errs[11][2:] == (0.0, 0) and errs[12][2:] == (0.0, 0)             # J0, Y0 at infinity
