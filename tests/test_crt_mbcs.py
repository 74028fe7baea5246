"""The multibyte-code-page family and _ecvt/_fcvt/_gcvt (guest/crt/mbcs_*.c, cvt.c): both runtime
DLLs export the names programs import, and the samples crt_mbcs (mingw-w64, msvcrt.dll) and
ucrt_mbcs (zig, the UCRT) print what Windows prints: code page 932's byte classes, the _mbs
functions over Shift-JIS text, the _s forms' errors, and each runtime's rounding of the digits."""
import pytest
from conftest import guest_exports, run_kernel, sample_expectation, sample_path

MBCS = """
    _getmbcp _setmbcp _mbctype _mbcasemap _ismbbalnum _ismbbalpha _ismbbgraph _ismbbkalnum _ismbbkana
    _ismbbkprint _ismbbkpunct _ismbblead _ismbbprint _ismbbpunct _ismbbtrail _ismbcalnum _ismbcalpha
    _ismbcdigit _ismbcgraph _ismbchira _ismbckata _ismbcl0 _ismbcl1 _ismbcl2 _ismbclegal _ismbclower
    _ismbcprint _ismbcpunct _ismbcspace _ismbcsymbol _ismbcupper _ismbslead _ismbstrail _mbbtype _mbsbtype
    _mbccpy _mbccpy_s _mbcjistojms _mbcjmstojis _mbclen _mbctohira _mbctokata _mbctolower _mbctoupper
    _mbscat_s _mbschr _mbscmp _mbscoll _mbscpy_s _mbscspn _mbsdec _mbsdup _mbsicmp _mbsicoll _mbsinc
    _mbslen _mbslwr _mbslwr_s _mbsnbcat _mbsnbcat_s _mbsnbcmp _mbsnbcnt _mbsnbcoll _mbsnbcpy _mbsnbcpy_s
    _mbsnbicmp _mbsnbicoll _mbsnbset _mbsnbset_s _mbsncat _mbsncat_s _mbsnccnt _mbsncmp _mbsncoll
    _mbsncpy _mbsncpy_s _mbsnextc _mbsnicmp _mbsnicoll _mbsninc _mbsnlen _mbsnset _mbsnset_s _mbspbrk
    _mbsrchr _mbsrev _mbsset _mbsset_s _mbsspn _mbsspnp _mbsstr _mbstok _mbstok_s _mbsupr _mbsupr_s
    _mbstrnlen _ismbbalnum_l _ismbclegal_l _mbsnbcpy_s_l _mbstok_s_l _mbstowcs_l _mbstowcs_s_l
    _mbstrlen_l _mbstrnlen_l _ecvt _fcvt _gcvt _ecvt_s _fcvt_s _gcvt_s
""".split()


exports = guest_exports


@pytest.mark.parametrize("dll,extra", [
    ("msvcrt.dll", ["_mbscpy", "_mbscat"]),
    ("ucrtbase.dll", ["__p__mbctype", "__p__mbcasemap", "_mbbtype_l", "_ismbbblank", "_ismbcblank_l"]),
])
def test_exports(dll, extra):
    missing = [n for n in MBCS + extra if n not in exports(dll)]
    assert not missing


@pytest.mark.parametrize("name", ["crt_mbcs", "ucrt_mbcs"])
def test_sample(name):
    r = run_kernel("boot", sample_path(name))
    want = sample_expectation(name)
    assert r.returncode == want["exit_code"]
    assert r.stdout.decode("latin-1") == want["stdout"]


def test_flavours_round_differently():
    """msvcrt.dll rounds 1234.5 half up and writes three exponent digits; the UCRT half to even, two."""
    m, u = sample_expectation("crt_mbcs")["stdout"], sample_expectation("ucrt_mbcs")["stdout"]
    assert "fcvt 1235 4 0" in m and "fcvt 1234 4 0" in u
    assert "1.e+010" in m and "1.e+10 " in u


@pytest.mark.parametrize("name", ["crt_mbtomb", "ucrt_mbtomb"])
def test_mbbtombc_round_trip(name):
    """_mbbtombc in code page 932: ASCII and half-width katakana to full width, _mbctombb back."""
    r = run_kernel("boot", sample_path(name))
    assert r.returncode == 0
    rows = [line.split(" -> ") for line in r.stdout.decode().splitlines() if " -> " in line]
    conv = {int(a, 16): (int(b, 16), int(c, 16)) for a, b, c in rows}
    assert conv[0x41] == (0x8260, 0x41) and conv[0x20] == (0x8140, 0x20) and conv[0xB1] == (0x8341, 0xB1)
    assert conv[0x5C] == (0x818F, 0x5C) and conv[0xDE] == (0x814A, 0xDE)    # yen sign, dakuten
    for c in (0x1F, 0x7F, 0xA0, 0xE0):                                      # out of range: unchanged
        assert conv[c] == (c, c)
    assert "1252: 0041 8260" in r.stdout.decode()                           # another code page
