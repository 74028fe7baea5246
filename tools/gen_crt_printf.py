#!/usr/bin/env python3
"""Generate the printf conformance table of the C runtimes: tests/data/crt_printf.json and the
guest samples samples/crt_printf/ and samples/crt_printf_ucrt/ (source and expected output) that
print it through msvcrt.dll and through ucrtbase.dll, freestanding, and samples/ucrt_printf/, a
hosted C99 program built by zig (its own start-up code, <stdio.h>'s snprintf and printf inlined
over the UCRT's __stdio_common_v* entry points) printing the UCRT's column.

Expected strings, per flavour, are Windows' as far as public facts fix them:
- integers, strings and characters: the C standard's output, which both runtimes give (taken from
  the host C library's snprintf, an implementation independent of ours);
- UCRT floating point: the exact decimal value rounded half to even, two-digit exponents (Python's
  own correctly rounded %-formatting prints the same for finite values);
  inf, nan, -nan(ind), nan(snan) spelled as the UCRT spells them;
- msvcrt.dll floating point: the value first rounded to 17 significant digits, then to the
  requested precision with ties away from zero, zeros past the 17th digit, three-digit exponents,
  and the special values as the digit string "1#INF" ("1.#INF00", "1.$" for %.1f); computed with
  Python's decimal module. Hand-written anchor cases quote known outputs (pow(2, 80), 0.1).

Run it after changing the cases; tests/test_crt_printf.py checks the committed files are current.
"""
import ctypes
import json
import math
import os
import struct
from decimal import ROUND_HALF_UP, Decimal, getcontext

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = os.path.join(ROOT, "tests", "data", "crt_printf.json")
# sample: (the table's column, header of a freestanding sample or None for a hosted one, DLL)
SAMPLES = {"crt_printf": ("msvcrt", "crt.h", "msvcrt.dll"), "crt_printf_ucrt": ("ucrt", "ucrt.h", "ucrtbase.dll"),
           "ucrt_printf": ("ucrt", None, "ucrtbase.dll")}
getcontext().prec = 2000

FLOAT_FORMATS = ["%f", "%.0f", "%.1f", "%.2f", "%.3f", "%.10f", "%.20f", "%e", "%.0e", "%.3e", "%.16e",
                 "%E", "%g", "%.0g", "%.3g", "%.10g", "%.17g", "%G", "%#g", "%#.0f", "%#.0e", "%12.4f",
                 "%-12.3e|", "%+.2f", "% .3g", "%015.5f"]
FLOAT_VALUES = [0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 0.1, 0.3, 1 / 3, 2 / 3, math.pi, math.e,
                100.0, 1e6, 1e-6, 123456.789, 1e15, 1e17, 1.7976931348623157e308, 2.2250738585072014e-308,
                5e-324, 1e300, 1e-300, 2.0 ** 80, 2.0 ** -20, 0.05, 0.15, 0.35, 1.005, 2.675, 9.995, 999999.5,
                0.9999995, 123.456, -0.001234, 1e-5, 1e-4, 99999.95, 0.000123456, 12345678901234567890.0]
INT_FORMATS = ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%-+8.3d|", "%.0d", "%u", "%x",
               "%X", "%#x", "%#X", "%o", "%#o", "%#.3o", "%08x", "%#010x", "%hd", "%hu", "%ld", "%lx"]
INT_VALUES = [0, 1, -1, 42, -42, 255, 65535, 65536, 2147483647, -2147483648, 123456789]
# C99 size prefixes (hh, j, z, t) the UCRT takes and msvcrt.dll does not.
C99_FORMATS = ["%hhd", "%hhu", "%hhx", "%jd", "%ju", "%zd", "%zu", "%zx", "%td", "%lld"]
INT64_FORMATS = ["%lld", "%llu", "%llx", "%I64d", "%I64u", "%I64X", "%Id", "%20lld", "%-22lld|"]
INT64_VALUES = [0, -1, 2 ** 63 - 1, -2 ** 63, 1234567890123456789, 4294967296]
STRINGS = [("%s", "hello"), ("%10s", "hello"), ("%-10s|", "hello"), ("%.3s", "hello"), ("%10.2s", "hello"),
           ("%s", ""), ("%5s", ""), ("%hs", "narrow"), ("%c", "A"), ("%3c", "z"), ("%-3c|", "z"),
           ("%%", None), ("%s", None)]


def bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def host_snprintf(fmt: str, kind: str, value) -> str:
    libc = ctypes.CDLL("libc.so.6")
    buf = ctypes.create_string_buffer(4096)
    if kind == "d":
        arg = ctypes.c_double(value)
    elif kind == "l":
        arg = ctypes.c_longlong(value)
    elif kind == "i":
        arg = ctypes.c_int(value)
    elif kind == "s":
        arg = ctypes.c_char_p(value.encode())
    else:
        arg = ctypes.c_int(ord(value))
    # Microsoft's size prefixes mean what these standard ones mean on the host (LP64).
    hfmt = fmt.replace("I64", "ll").replace("%Id", "%zd").replace("%ld", "%d").replace("%lx", "%x")
    libc.snprintf(buf, 4096, hfmt.encode(), arg)
    return buf.value.decode()


# ---- msvcrt.dll's floating point, from the decimal module ----

def ms_round17(x: float) -> Decimal:
    d = abs(Decimal(x))
    if d == 0:
        return d
    e = d.adjusted()
    q = (d.scaleb(16 - e)).to_integral_value(ROUND_HALF_UP)
    return q.scaleb(e - 16)


def ms_exp(e: int, digits: int = 3) -> str:
    return ("-" if e < 0 else "+") + str(abs(e)).rjust(digits, "0")


def ms_fixed(d: Decimal, prec: int, alt: bool) -> str:
    q = d.quantize(Decimal(1).scaleb(-prec), ROUND_HALF_UP)
    s = format(q, "f")
    if prec == 0 and alt:
        s += "."
    return s


def ms_sci(d: Decimal, prec: int, alt: bool, upper: bool) -> tuple[str, int]:
    if d == 0:
        mant, e = "0" + ("." + "0" * prec if prec else ""), 0
    else:
        e = d.adjusted()
        m = d.scaleb(-e).quantize(Decimal(1).scaleb(-prec), ROUND_HALF_UP)
        if m >= 10:
            e += 1
            m = d.scaleb(-e).quantize(Decimal(1).scaleb(-prec), ROUND_HALF_UP)
        mant = format(m, "f")
    if prec == 0 and alt:
        mant += "."
    return mant + ("E" if upper else "e") + ms_exp(e), e


def ms_general(d: Decimal, prec: int, alt: bool, upper: bool) -> str:
    p = 1 if prec == 0 else prec
    if d == 0:
        x10 = 0
    else:
        e = d.adjusted()
        r = d.scaleb(-e).quantize(Decimal(1).scaleb(1 - p), ROUND_HALF_UP)
        x10 = e + (1 if r >= 10 else 0)
    if x10 < -4 or x10 >= p:
        s, _ = ms_sci(d, p - 1, alt, upper)
        if not alt:
            mant, _, ex = s.partition("E" if upper else "e")
            if "." in mant:
                mant = mant.rstrip("0").rstrip(".")
            s = mant + ("E" if upper else "e") + ex
        return s
    s = ms_fixed(d, p - 1 - x10, alt)
    if not alt and "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def parse_spec(fmt: str):
    """(prefix, flags, width, precision, conversion, suffix) of a one-conversion format."""
    i = fmt.index("%")
    j = i + 1
    flags = ""
    while fmt[j] in "-+ #0":
        flags += fmt[j]
        j += 1
    width = ""
    while fmt[j].isdigit():
        width += fmt[j]
        j += 1
    prec = None
    if fmt[j] == ".":
        j += 1
        p = ""
        while fmt[j].isdigit():
            p += fmt[j]
            j += 1
        prec = int(p or 0)
    return fmt[:i], flags, int(width or 0), prec, fmt[j], fmt[j + 1:]


def pad(body: str, sign: str, flags: str, width: int, zero_ok: bool = True) -> str:
    total = len(sign) + len(body)
    if "-" in flags:
        return (sign + body).ljust(width)
    if "0" in flags and zero_ok:
        return sign + body.rjust(width - len(sign), "0")
    return (sign + body).rjust(max(width, total))


def ms_float(fmt: str, x: float) -> str:
    pre, flags, width, prec, conv, post = parse_spec(fmt)
    prec = 6 if prec is None else prec
    alt = "#" in flags
    upper = conv.isupper()
    sign = "-" if math.copysign(1, x) < 0 else "+" if "+" in flags else " " if " " in flags else ""
    d = ms_round17(x)
    c = conv.lower()
    if c == "f":
        body = ms_fixed(d, prec, alt)
    elif c == "e":
        body, _ = ms_sci(d, prec, alt, upper)
    else:
        body = ms_general(d, prec, alt, upper)
    return pre + pad(body, sign, flags, width) + post


def ucrt_float(fmt: str, x: float) -> str:
    # Python's %-formatting of floats is correctly rounded, half to even, with C's flags and
    # two-digit exponents: the UCRT's output for finite values (glibc's is not a safe oracle
    # here: it prints "%#g" of 999999.5 as "1.e+06").
    return fmt % x


# ---- hand-written cases: special values and anchors (formats, argument, msvcrt, ucrt) ----

INF, NAN = float("inf"), float("nan")
SPECIAL = [
    ("%f", INF, "1.#INF00", "inf"), ("%f", -INF, "-1.#INF00", "-inf"), ("%e", INF, "1.#INF00e+000", "inf"),
    ("%g", INF, "1.#INF", "inf"), ("%E", INF, "1.#INF00E+000", "INF"), ("%G", -INF, "-1.#INF", "-INF"),
    ("%.0f", INF, "1", "inf"), ("%.1f", INF, "1.$", "inf"), ("%.2f", INF, "1.#J", "inf"),
    ("%.3f", INF, "1.#IO", "inf"), ("%10f", INF, "  1.#INF00", "       inf"),
    ("%-10f|", INF, "1.#INF00  |", "inf       |"),
    ("%f", NAN, "1.#QNAN0", "nan"), ("%g", NAN, "1.#QNAN", "nan"), ("%e", NAN, "1.#QNAN0e+000", "nan"),
    ("%F", NAN, "1.#QNAN0", "NAN"), ("%f", -NAN, "-1.#IND00", "-nan(ind)"), ("%g", -NAN, "-1.#IND", "-nan(ind)"),
    ("%e", -NAN, "-1.#IND00e+000", "-nan(ind)"), ("%G", -NAN, "-1.#IND", "-NAN(IND)"),
    ("%.0f", 2.0 ** 80, "1208925819614629200000000", "1208925819614629174706176"),
    ("%.20f", 0.1, "0.10000000000000001000", "0.10000000000000000555"),
]
SPECIAL_BITS = [  # a signalling NaN (payload without the quiet bit) and a negative quiet NaN with payload
    ("%f", 0x7FF0000000000001, "1.#SNAN0", "nan(snan)"),
    ("%f", 0xFFF8000000000001, "-1.#QNAN0", "-nan"),
]
UCRT_ONLY = [("%f", -0.0, "-0.000000"), ("%a", 1.0, "0x1.0000000000000p+0"), ("%a", -2.5, "-0x1.4000000000000p+1"),
             ("%A", 255.0, "0X1.FE00000000000P+7"), ("%a", 0.0, "0x0.0000000000000p+0"),
             ("%a", 5e-324, "0x0.0000000000001p-1022"), ("%.3a", 1.0, "0x1.000p+0")]


def build_cases() -> list[dict]:
    cases = []
    for fmt in FLOAT_FORMATS:
        for x in FLOAT_VALUES:
            cases.append({"fmt": fmt, "kind": "d", "bits": bits(x), "msvcrt": ms_float(fmt, x),
                          "ucrt": ucrt_float(fmt, x)})
    for fmt in INT_FORMATS:
        for v in INT_VALUES:
            expect = host_snprintf(fmt, "i", v)
            cases.append({"fmt": fmt, "kind": "i", "value": v, "msvcrt": expect, "ucrt": expect})
    for fmt in INT64_FORMATS:
        for v in INT64_VALUES:
            expect = host_snprintf(fmt, "l", v)
            cases.append({"fmt": fmt, "kind": "l", "value": v, "msvcrt": expect, "ucrt": expect})
    for fmt, s in STRINGS:
        if s is None:
            expect = "(null)" if "s" in fmt else "%"
            cases.append({"fmt": fmt, "kind": "n", "msvcrt": expect, "ucrt": expect})
        elif "c" in fmt:
            expect = host_snprintf(fmt, "c", s)
            cases.append({"fmt": fmt, "kind": "c", "value": ord(s), "msvcrt": expect, "ucrt": expect})
        else:
            expect = host_snprintf(fmt.replace("%hs", "%s"), "s", s)
            cases.append({"fmt": fmt, "kind": "s", "value": s, "msvcrt": expect, "ucrt": expect})
    for fmt in C99_FORMATS:
        for v in INT64_VALUES:
            if fmt[1:3] == "hh":
                v &= 0xFFFFFFFF
                v = v - (1 << 32) if v >= 1 << 31 else v
                expect = host_snprintf(fmt, "i", v)
                cases.append({"fmt": fmt, "kind": "i", "value": v, "msvcrt": None, "ucrt": expect})
            else:
                expect = host_snprintf(fmt, "l", v)
                cases.append({"fmt": fmt, "kind": "l", "value": v, "msvcrt": None, "ucrt": expect})
    cases.append({"fmt": "%p", "kind": "l", "value": 0x12AB, "msvcrt": "00000000000012AB", "ucrt": "00000000000012AB"})
    cases.append({"fmt": "%p", "kind": "l", "value": -1, "msvcrt": "FFFFFFFFFFFFFFFF", "ucrt": "FFFFFFFFFFFFFFFF"})
    for fmt, x, ms, uc in SPECIAL:
        cases.append({"fmt": fmt, "kind": "d", "bits": bits(x) if x == x else (0xFFF8000000000000 if
                      math.copysign(1, x) < 0 else 0x7FF8000000000000), "msvcrt": ms, "ucrt": uc})
    for fmt, b, ms, uc in SPECIAL_BITS:
        cases.append({"fmt": fmt, "kind": "d", "bits": b, "msvcrt": ms, "ucrt": uc})
    for fmt, x, uc in UCRT_ONLY:
        cases.append({"fmt": fmt, "kind": "d", "bits": bits(x), "msvcrt": None, "ucrt": uc})
    return cases


def c_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def c_value(c: dict) -> str:
    """The case's argument as a C initialiser of an unsigned long long."""
    kind = c["kind"]
    if kind == "d":
        return f"0x{c['bits']:016X}ull"
    if kind == "i":
        return str(c["value"]) if c["value"] != -2 ** 31 else "(-2147483647 - 1)"
    if kind == "l":
        return f"{c['value'] & (2 ** 64 - 1):#x}ull"
    if kind == "s":
        return "(unsigned long long)" + c_string(c["value"])
    if kind == "c":
        return str(c["value"])
    return "0"


def sample_source(cases: list[dict], name: str) -> str:
    key, header, dll = SAMPLES[name]
    rows = []
    for c in cases:
        if c[key] is None:
            continue
        rows.append(f"    {{ {c_string(c['fmt'])}, '{c['kind']}', {c_value(c)} }},")
    if header is None:
        return hosted_source(rows)
    return f"""/* The printf conformance table (generated by tools/gen_crt_printf.py) printed through {dll}:
 * one line per case, the result of _snprintf between brackets and its return value. */
#include "../{header}"

struct pcase {{ const char *fmt; char kind; unsigned long long value; }};

static const struct pcase cases[] = {{
""" + "\n".join(rows) + """
};

void Entry(void)
{
    char buf[512];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct pcase *c = &cases[i];
        int n;
        double d;
        memcpy(&d, &c->value, sizeof d);
        switch (c->kind) {
        case 'd': n = _snprintf(buf, sizeof buf, c->fmt, d); break;
        case 'i': case 'c': n = _snprintf(buf, sizeof buf, c->fmt, (int)c->value); break;
        case 'l': n = _snprintf(buf, sizeof buf, c->fmt, c->value); break;
        case 's': n = _snprintf(buf, sizeof buf, c->fmt, (const char *)c->value); break;
        default: n = _snprintf(buf, sizeof buf, c->fmt, (const char *)0); break;
        }
        printf("%d [%s]\\n", n, buf);
    }
    exit(0);
}
"""


def hosted_source(rows: list[str]) -> str:
    return """/* The printf conformance table (generated by tools/gen_crt_printf.py) as a hosted C99 program
 * built by zig against the UCRT: one line per case, the result of snprintf between brackets and
 * its return value. */
#include <stdio.h>
#include <string.h>

struct pcase { const char *fmt; char kind; unsigned long long value; };

static const struct pcase cases[] = {
""" + "\n".join(rows) + """
};

int main(void)
{
    char buf[512];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct pcase *c = &cases[i];
        int n;
        double d;
        memcpy(&d, &c->value, sizeof d);
        switch (c->kind) {
        case 'd': n = snprintf(buf, sizeof buf, c->fmt, d); break;
        case 'i': case 'c': n = snprintf(buf, sizeof buf, c->fmt, (int)c->value); break;
        case 'l': n = snprintf(buf, sizeof buf, c->fmt, c->value); break;
        case 's': n = snprintf(buf, sizeof buf, c->fmt, (const char *)c->value); break;
        default: n = snprintf(buf, sizeof buf, c->fmt, (const char *)0); break;
        }
        printf("%d [%s]\\n", n, buf);
    }
    return 0;
}
"""


def build_toml(name: str) -> str:
    key, header, dll = SAMPLES[name]
    if header is None:
        return f'# Hosted, built by zig: its start-up code and stdio reach {dll} through the api-ms-win-crt sets.\n' \
               'runtime = "zig"\nflags = ["-Wno-format-nonliteral", "-Wno-format-security"]\n'
    return f'# Freestanding (Entry): the table goes through {dll} alone.\nlinks = ["{dll}"]\n'


def main() -> None:
    cases = build_cases()
    os.makedirs(os.path.dirname(TABLE), exist_ok=True)
    with open(TABLE, "w") as f:
        json.dump(cases, f, indent=0)
        f.write("\n")
    for name, (key, _, _) in SAMPLES.items():
        folder = os.path.join(ROOT, "samples", name)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name + ".c"), "w") as f:
            f.write(sample_source(cases, name))
        with open(os.path.join(folder, "build.toml"), "w") as f:
            f.write(build_toml(name))
        stdout = "".join(f"{len(c[key])} [{c[key]}]\r\n" for c in cases if c[key] is not None)
        with open(os.path.join(folder, "expected.json"), "w") as f:
            json.dump({"stdout": stdout, "exit_code": 0}, f)
            f.write("\n")
    print(len(cases), "cases;", sum(c["msvcrt"] is not None for c in cases), "for msvcrt")


if __name__ == "__main__":
    main()
