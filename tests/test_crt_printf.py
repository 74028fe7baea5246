"""The printf conformance table (tests/data/crt_printf.json, from tools/gen_crt_printf.py): every
format/value pair with the string each Windows runtime prints, checked on the engine built for
the host, and the generated guest sample kept in step with the table."""
import json
import os
import subprocess
import sys

import pytest
from crthost import ROOT, host_format

with open(os.path.join(ROOT, "tests", "data", "crt_printf.json")) as f:
    CASES = json.load(f)


def _value(case):
    return case["bits"] if case["kind"] == "d" else case.get("value", 0)


@pytest.mark.parametrize("flavour,key", [("MSVCRT", "msvcrt"), ("UCRT", "ucrt")])
def test_conformance_table(flavour, key):
    cases = [c for c in CASES if c[key] is not None]
    assert len(cases) >= 300
    wrong = []
    for c in cases:
        n, text = host_format(flavour, c["fmt"], c["kind"], _value(c))
        if (n, text) != (len(c[key]), c[key]):
            wrong.append((c["fmt"], _value(c), text, c[key]))
    assert not wrong, f"{len(wrong)} of {len(cases)} differ, first: {wrong[:5]}"


def test_msvcrt_two_digit_exponent_switch():
    from crthost import host_crt
    lib = host_crt("MSVCRT")
    lib.host_set_two_digit_exponent(1)
    try:
        assert host_format("MSVCRT", "%e", "d", 0x3FF0000000000000) == (12, "1.000000e+00")
        assert host_format("MSVCRT", "%g", "d", 0x4415AF1D78B58C40) == (5, "1e+20")
    finally:
        lib.host_set_two_digit_exponent(0)
    assert host_format("MSVCRT", "%e", "d", 0x3FF0000000000000) == (13, "1.000000e+000")


def test_ucrt_refuses_percent_n_and_unknown_conversions_msvcrt_prints_the_letter():
    assert host_format("UCRT", "a%nb", "n")[0] == -1
    assert host_format("UCRT", "%y", "n")[0] == -1
    assert host_format("MSVCRT", "%y", "n") == (1, "y")


def test_generated_files_are_current(tmp_path):
    """tools/gen_crt_printf.py run again gives the committed table, sample source and expectation."""
    samples = ("crt_printf", "crt_printf_ucrt", "ucrt_printf")
    paths = ["tests/data/crt_printf.json"] + [f"samples/{n}/{f}" for n in samples
                                              for f in (n + ".c", "expected.json", "build.toml")]
    before = {p: open(os.path.join(ROOT, p), "rb").read() for p in paths}
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "gen_crt_printf.py")], check=True,
                   capture_output=True)
    after = {p: open(os.path.join(ROOT, p), "rb").read() for p in paths}
    assert before == after


def _wformat(fmt, arg, iso):
    import ctypes

    from crthost import host_crt
    lib = host_crt("UCRT")
    lib.host_wformat.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int]
    buf = (ctypes.c_uint16 * 256)()
    wfmt = (ctypes.c_uint16 * (len(fmt) + 1))(*[ord(c) for c in fmt], 0)
    n = lib.host_wformat(buf, 256, wfmt, arg, int(iso))
    return n, "".join(chr(c) for c in buf[:max(n, 0)])


def test_wide_formats_take_wide_or_narrow_strings_by_the_rules():
    import ctypes
    narrow = ctypes.create_string_buffer(b"narrow")
    wide16 = (ctypes.c_uint16 * 6)(*[ord(c) for c in "wide\u20ac"], 0)
    # legacy (msvcrt, and the UCRT by default): %s is wide in wprintf, %S and %hs are narrow
    assert _wformat("[%s]", ctypes.addressof(wide16), False) == (7, "[wide\u20ac]")
    assert _wformat("[%S]", ctypes.addressof(narrow), False) == (8, "[narrow]")
    assert _wformat("[%hs]", ctypes.addressof(narrow), False) == (8, "[narrow]")
    assert _wformat("[%ls]", ctypes.addressof(wide16), False) == (7, "[wide\u20ac]")
    # ISO mode (_CRT_STDIO_ISO_WIDE_SPECIFIERS): %s is narrow, %ls wide
    assert _wformat("[%s]", ctypes.addressof(narrow), True) == (8, "[narrow]")
    assert _wformat("[%ls]", ctypes.addressof(wide16), True) == (7, "[wide\u20ac]")


def test_narrow_format_of_a_wide_string_without_a_c_locale_form_fails():
    import ctypes
    wide16 = (ctypes.c_uint16 * 3)(0x41, 0x20AC, 0)
    assert host_format("MSVCRT", "%ls", "l", ctypes.addressof(wide16))[0] == -1
    latin = (ctypes.c_uint16 * 3)(0x41, 0xE9, 0)
    assert host_format("MSVCRT", "%ls", "l", ctypes.addressof(latin)) == (2, "A\xe9")


@pytest.mark.parametrize("flavour", ["MSVCRT", "UCRT"])
def test_positional_arguments_by_number(flavour):
    """_printf_p / __stdio_common_v*printf_p: %n$ takes argument n (1-based) whatever the order,
    *m$ a width from argument m; a format without numbers is an ordinary one; mixing the two
    ways, or leaving a number out, is refused."""
    import ctypes

    from crthost import host_crt
    lib = host_crt(flavour)
    lib.host_format_p.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]

    def fmt(f):
        buf = ctypes.create_string_buffer(256)
        n = lib.host_format_p(buf, 256, f.encode())
        return n, buf.value.decode() if n >= 0 else None

    assert fmt("%2$s %1$d") == (6, "str 42")
    assert fmt("%4$lld %3$.2f %2$s %1$d") == (25, "1234567890123 2.50 str 42")
    assert fmt("[%1$*5$d] [%2$-*5$s] %1$x %3$g %4$lld") == (42, "[      42] [str     ] 2a 2.5 1234567890123")
    assert fmt("%d %s") == (6, "42 str")               # no numbers: in order
    assert fmt("100%% %1$d") == (7, "100% 42")
    assert fmt("%1$d %s")[0] == -2                       # mixed
    assert fmt("%1$d %3$f")[0] == -2                     # argument 2 left out
