"""strtod's correct rounding (guest/crt/strtod.c on the host): random decimal strings, exact
halfway points between neighbouring doubles (ties go to the even one), the subnormal and
overflow edges, and the UCRT-only syntax (inf, nan, hexadecimal) that msvcrt.dll does not read."""
import math
import random
from decimal import Decimal

import pytest
from crthost import host_strtod


def _cases():
    rng = random.Random(14)
    out = []
    for _ in range(400):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 30)))
        point = rng.randint(0, len(digits))
        out.append(f"{digits[:point]}.{digits[point:]}e{rng.randint(-340, 310)}")
    for _ in range(200):                    # exact midpoints: half to even decides
        x = abs(struct_double(rng.getrandbits(63)))
        if not math.isfinite(x) or x == 0:
            continue
        mid = (Decimal(x) + Decimal(math.nextafter(x, math.inf))) / 2
        out.append(format(mid, "e") if mid.adjusted() < -20 or mid.adjusted() > 20 else format(mid, "f"))
    return out


def struct_double(bits):
    import struct
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


CASES = _cases()


@pytest.mark.parametrize("flavour", ["MSVCRT", "UCRT"])
def test_decimal_strings_round_correctly(flavour):
    wrong = [(t, host_strtod(flavour, t)[0], float(t)) for t in CASES if host_strtod(flavour, t)[0] != float(t)]
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("text,value,consumed,out_of_range", [
    ("2.4703282292062327e-324", 0.0, 23, True),      # just below half the least subnormal
    ("2.4703282292062328e-324", 5e-324, 23, False),
    ("1.7976931348623158e308", 1.7976931348623157e308, 22, False),
    ("1.7976931348623159e308", math.inf, 22, True),
    ("-1e-400", -0.0, 7, True),
    ("  +3.25xyz", 3.25, 7, False),
    ("1e", 1.0, 1, False),
    ("e5", 0.0, 0, False),
    (".", 0.0, 0, False),
])
def test_edges(text, value, consumed, out_of_range):
    got = host_strtod("UCRT", text)
    assert got == (value, consumed, out_of_range)
    assert math.copysign(1, got[0]) == math.copysign(1, value)


def test_ucrt_reads_inf_nan_and_hex_msvcrt_does_not():
    assert host_strtod("UCRT", "-Infinity") == (-math.inf, 9, False)
    assert host_strtod("UCRT", "0x1.8p3") == (12.0, 7, False)
    value, consumed, _ = host_strtod("UCRT", "nan(123)")
    assert math.isnan(value) and consumed == 8
    assert host_strtod("MSVCRT", "inf") == (0.0, 0, False)
    assert host_strtod("MSVCRT", "0x1.8p3") == (0.0, 1, False)
