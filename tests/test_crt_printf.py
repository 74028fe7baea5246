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
    paths = ["tests/data/crt_printf.json"] + [f"samples/{n}/{f}" for n in ("crt_printf", "crt_printf_ucrt")
                                              for f in (n + ".c", "expected.json", "build.toml")]
    before = {p: open(os.path.join(ROOT, p), "rb").read() for p in paths}
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "gen_crt_printf.py")], check=True,
                   capture_output=True)
    after = {p: open(os.path.join(ROOT, p), "rb").read() for p in paths}
    assert before == after
