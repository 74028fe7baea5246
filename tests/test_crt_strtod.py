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


def _float_bits(value) -> int:
    """The float nearest to an exact decimal (numpy-free): round half to even on the 24-bit grid."""
    from fractions import Fraction
    v = Fraction(value)
    neg, v = v < 0, abs(v)
    if v == 0:
        return neg << 31
    e = v.numerator.bit_length() - v.denominator.bit_length()
    e = e if Fraction(2) ** e <= v else e - 1           # 2^e <= v < 2^(e+1)
    e = max(e, -126)
    q = v / Fraction(2) ** (e - 23)                     # 24 significant bits above the point
    n = int(q)
    rem = q - n
    if rem > Fraction(1, 2) or (rem == Fraction(1, 2) and n & 1):
        n += 1
    if n >> 24:
        n >>= 1
        e += 1
    if e > 127:
        return (neg << 31) | 0x7F800000
    if n >> 23:
        return (neg << 31) | ((e + 127) << 23) | (n & 0x7FFFFF)
    return (neg << 31) | n                              # subnormal (e == -126)


def test_strtof_rounds_once_to_float():
    """strtof rounds the decimal text itself (not the double nearest to it, which would round twice)."""
    from crthost import host_strtof
    rng = random.Random(15)
    texts = ["0.1", "1.17549435e-38", "1.4e-45", "3.4028235e38", "3.4028236e38", "1e-46", "16777217",
             # 1 + 2^-24 + 2^-60: the double nearest is the tie 1 + 2^-24 (to even: 1.0), the float 1 + 2^-23
             "1.00000005960464486360847876547", "-2.5e-40"]
    for _ in range(300):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 20)))
        texts.append(f"{digits[:1]}.{digits[1:]}e{rng.randint(-47, 39)}")
    wrong = []
    for t in texts:
        bits, consumed, _ = host_strtof("UCRT", t)
        if bits != _float_bits(Decimal(t)) or consumed != len(t):
            wrong.append((t, hex(bits), hex(_float_bits(Decimal(t)))))
    assert not wrong, wrong[:5]
    assert host_strtof("UCRT", "1e39")[2] and host_strtof("UCRT", "1e-50")[2]
    assert host_strtof("UCRT", "-inf")[0] == 0xFF800000 and host_strtof("UCRT", "nan")[0] == 0x7FC00000
    assert host_strtof("UCRT", "0x1.000001p0")[0] == 0x3F800000      # a tie, to even
