"""Double-byte code pages (guest/kernelbase/cp_dbcs*.c), Unicode normalization (normalize.c) and
IDN (idn.c, punycode.c) in kernelbase, and normaliz.dll's forwarders: the samples k32_dbcs and
k32_normalize print what Windows documents (Shift-JIS 82 A0 = U+3042, NFD of U+00E9 = U+0065
U+0301, IdnToAscii of "bücher" = "xn--bcher-kva", the error codes) and the generated tables are
what their generators give."""
import subprocess
import sys

import pefile
import pytest
from conftest import ROOT, run_kernel, sample_path


def exports(dll):
    pe = pefile.PE(f"{ROOT}/guest/bin/{dll}", fast_load=True)
    pe.parse_data_directories(directories=[0])
    return {e.name.decode(): e.forwarder for e in pe.DIRECTORY_ENTRY_EXPORT.symbols if e.name}


NORMALIZ = ["IdnToAscii", "IdnToNameprepUnicode", "IdnToUnicode", "IsNormalizedString", "NormalizeString"]


def test_normaliz_forwards_to_kernelbase():
    fwd = exports("normaliz.dll")
    assert {name: fwd[name] for name in NORMALIZ} == {name: f"kernelbase.{name}".encode() for name in NORMALIZ}
    for dll in ("kernelbase.dll", "kernel32.dll"):
        assert set(NORMALIZ) <= set(exports(dll))


@pytest.mark.parametrize("tool", ["gen_codepages.py", "gen_normalize.py"])
def test_generated_tables_are_current(tool):
    r = subprocess.run([sys.executable, f"{ROOT}/tools/{tool}", "--check"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


@pytest.fixture(scope="module")
def dbcs():
    r = run_kernel("boot", sample_path("k32_dbcs"))
    assert r.returncode == 0
    return r.stdout.decode("latin-1").splitlines()


def test_cpinfo(dbcs):
    head = "valid 1 max 2 def 3F00 udef"
    assert f"cp 932 {head} 30FB lead 81 9F E0 FC name [932   (ANSI/OEM - Japanese Shift-JIS)] wname 1" in dbcs
    assert f"cp 936 {head} 003F lead 81 FE name [936   (ANSI/OEM - Simplified Chinese GBK)] wname 1" in dbcs
    assert f"cp 949 {head} 003F lead 81 FE name [949   (ANSI/OEM - Korean)] wname 1" in dbcs
    assert f"cp 950 {head} 003F lead 81 FE name [950   (ANSI/OEM - Traditional Chinese Big5)] wname 1" in dbcs
    assert dbcs.count("leadbyte 81 1 A0 0 E0 1 FE 0 41 0") == 1          # 932
    assert dbcs.count("leadbyte 81 1 A0 1 E0 1 FE 1 41 0") == 3          # 936, 949, 950
    assert "cp 1361 valid 0 20932 valid 0" in dbcs


def test_multibyte_to_wide(dbcs):
    assert "932 mix 6: 3042 0041 FF71 4E9C F8F0 F8F1" in dbcs
    assert "932 undef 1: 30FB" in dbcs                                  # the Unicode default character
    assert "932 undef strict error 1113" in dbcs                        # ERROR_NO_UNICODE_TRANSLATION
    assert "932 dangling strict error 1113" in dbcs
    assert "932 pua 1: E000" in dbcs                                    # the user-defined rows
    assert "932 count 3" in dbcs
    assert "932 small 0 122" in dbcs                                    # ERROR_INSUFFICIENT_BUFFER
    assert "936 4: 4F60 597D 20AC F8F5" in dbcs
    assert "949 4: C548 B155 AC02 0080" in dbcs
    assert "950 3: 4F60 597D 3000" in dbcs
    assert "950 bad trail strict error 1113" in dbcs


def test_wide_to_multibyte(dbcs):
    # duplicates: IBM extension FA40 for U+2170, JIS 81E0 for U+2252, NEC row 13 8754 for U+2160
    assert "932 w2m 12: 82 A0 FA 40 81 E0 87 54 81 CA B1 41" in dbcs
    assert dbcs[dbcs.index("932 w2m 12: 82 A0 FA 40 81 E0 87 54 81 CA B1 41") + 1] == "932 w2m used 0"
    i = dbcs.index("932 default dbcs 5: 41 81 48 81 48")                # a double-byte lpDefaultChar
    assert dbcs[i + 1] == "932 default dbcs used 1"
    assert "932 w2m small 0 122" in dbcs
    assert "932 w2m count 12" in dbcs
    assert "936 w2m 7: C4 E3 BA C3 80 A8 A6" in dbcs
    assert "949 w2m 6: BE C8 B3 E7 81 41" in dbcs
    assert "950 w2m 6: A7 41 A6 6E A1 40" in dbcs


def test_932_round_trip(dbcs):
    """Every pair cp932 defines decodes; all but the NEC-selected IBM duplicates (ED/EE rows, which
    Windows encodes as the IBM FA-FC codes) and the NEC row 13 duplicates of JIS come back."""
    pairs, seen = 0, set()
    for lead in [*range(0x81, 0xA0), *range(0xE0, 0xFD)]:
        for trail in range(0x40, 0xFD):
            try:
                ch = bytes([lead, trail]).decode("cp932")
            except UnicodeDecodeError:
                continue
            pairs += 1
            seen.add(ch)
    line = next(s for s in dbcs if s.startswith("932 pairs "))
    got_pairs, got_back = int(line.split()[2]), int(line.split()[4])
    assert got_pairs == pairs
    assert got_back == len(seen)                                        # one code per character


@pytest.fixture(scope="module")
def norm():
    r = run_kernel("boot", sample_path("k32_normalize"))
    assert r.returncode == 0
    return r.stdout.decode("latin-1").splitlines()


def test_normalize_string(norm):
    assert "D e-acute 2: 0065 0301" in norm
    assert "C e+acute 1: 00E9" in norm
    assert "D hangul 3: 1100 1161 11A8" in norm                         # algorithmic Hangul
    assert "C jamo 1: AC01" in norm
    assert "D order 3: 0064 0323 0307" in norm                          # canonical ordering
    assert "C order 2: 1E0D 0307" in norm
    assert "KD fi 6: 0066 0069 0031 0031 2044 0032" in norm
    assert "KC fi 6: 0066 0069 0031 0031 2044 0032" in norm
    assert "C ohm 2: 03A9 00C5" in norm                                 # singletons
    assert "C exclusion 2: 0915 093C" in norm                           # composition exclusion
    assert "D terminated 4: 0041 030A 0078 0000" in norm                # -1 length: the null counted
    assert "KC pair 1: 0041" in norm                                    # a surrogate pair in
    assert "C bad surrogate error -2 1113" in norm                      # minus the index
    assert "bad form error 0 87" in norm
    assert "empty 0 0" in norm                                          # ERROR_SUCCESS, nothing out
    assert "small -2 122" in norm
    assert all(line.endswith("estimate ok 1") for line in norm if "estimate" in line)


def test_is_normalized_string(norm):
    assert "isnorm C e-acute 1 5" in norm                               # last error untouched
    assert "isnorm D e-acute 0 0" in norm
    assert "isnorm KC fi 0 0" in norm
    assert "isnorm bad 0 1113" in norm


def test_idn(norm):
    assert "ascii buecher 22: xn--bcher-kva.example" in norm
    assert "ascii upper 22: xn--bcher-kva.example" in norm               # nameprep lowercases
    assert "ascii cjk 24: xn--fsqu00a.xn--0zwm56d" in norm
    assert "ascii ideographic dot 18: xn--mnchen-3ya.de" in norm
    assert "ascii plain 16: www.example.com" in norm
    assert "ascii root 13: example.com." in norm
    assert "ascii empty label error 123" in norm                        # ERROR_INVALID_NAME
    assert "ascii std3 error 123" in norm
    assert "ascii no std3 8: a_b.com" in norm
    assert "ascii long error 123" in norm                               # a label over 63
    assert "ascii unassigned error 123" in norm
    assert "ascii allow unassigned 14: xn--a-qib.com" in norm
    assert "ascii ideographic space 4: a b" in norm                     # NFKC gives U+0020, allowed
    assert "ascii prohibited error 123" in norm                         # private use (C.3)
    assert "ascii bidi error 123" in norm
    assert "ascii mapped away 3: ab" in norm
    assert "ascii flags error 1004" in norm                             # ERROR_INVALID_FLAGS
    assert "ascii count 14 small 0 122" in norm                         # 13 characters and the null
    assert "ascii null 0 87" in norm
    assert "unicode bad ace error 123" in norm                          # does not encode back
    text = "0062 00FC 0063 0068 0065 0072"
    assert f"unicode buecher 15: {text} 002E 0065 0078 0061 006D 0070 006C 0065 0000" in norm
    assert "unicode cjk 6: 4F8B 5B50 002E 6D4B 8BD5 0000" in norm
    assert "unicode plain 12: 0045 0078 0061 006D 0070 006C 0065 002E 0063 006F 006D 0000" in norm
    assert f"nameprep 11: {text} 002E 0063 006F 006D 0000" in norm
    assert "nameprep sharp s 8: 0073 0074 0072 0061 0073 0073 0065 0000" in norm


def test_normaliz_dll(norm):
    assert "normaliz 1 forwarders 1 1 1" in norm
    assert "normaliz D 2: 0065 0301" in norm
    assert f"normaliz ascii 14: {' '.join(f'{ord(c):04X}' for c in 'xn--bcher-kva')} 0000" in norm
    assert "same function 1" in norm


def test_crt_double_byte_locale():
    """msvcrt's setlocale takes a double-byte code page for LC_CTYPE: MB_CUR_MAX 2, lead bytes in the
    ctype table, the multibyte functions in pairs (the lines are what msvcrt prints on Windows)."""
    r = run_kernel("boot", sample_path("crt_dbcs"))
    assert r.returncode == 0
    assert r.stdout.decode().replace("\r\n", "\n").splitlines() == [
        "setlocale .932 [English_United States.932] max 2",
        "isleadbyte 82 1 41 0 b1 0 e0 1",
        "mblen 2 1 -1 1",
        "mbstowcs 4: 3042 0041 4E9C FF71",
        "wcstombs 5: 82 A0 41 88 9F",
        "wctomb 2 82 A0",
        "setlocale .936 [English_United States.936] max 2 mbtowc 2 4F60",
        "setlocale .1361 (null)",                                       # Johab: no such code page here
        "setlocale C [C] max 1 isleadbyte 82 0",
    ]
