"""LC_TIME's __lc_time_data and what takes one: _Gettnames' copy in each flavour's layout,
_Strftime/_Wcsftime with NULL and with a program's own names and date/time pictures (one engine with
strftime), msvcp140's _Locinfo::_Gettnames/_Timevec behind std::put_time and std::time_put,
msvcrt.dll's $I10_OUTPUT, and sscanf_s on a buffer too small for its field. The expected values are
Windows' (its documented formats; the rows of Wine's conformance tests recorded against Windows)."""
import functools

import pytest
from conftest import guest_exports, run_kernel, sample_path


@functools.cache
def lines(name):
    result = run_kernel("boot", sample_path(name))
    assert b"Traceback" not in result.stderr
    return result.returncode, result.stdout.decode().replace("\r\n", "\n").splitlines()


def line(name, prefix):
    found = [ln for ln in lines(name)[1] if ln.startswith(prefix)]
    assert len(found) == 1, (prefix, found)
    return found[0][len(prefix):]


def test_exports_are_windows_lists():
    """ucrtbase (and api-ms-win-crt-time through it) has the narrow and wide forms; msvcrt.dll, as
    the system's import library lists it, _Gettnames, _Strftime and $I10_OUTPUT only"""
    ucrt, msvcrt = guest_exports("ucrtbase.dll"), guest_exports("msvcrt.dll")
    for name in ("_Gettnames", "_W_Gettnames", "_Strftime", "_Wcsftime", "_Getdays", "_W_Getmonths"):
        assert name in ucrt, name
    for name in ("_Gettnames", "_Strftime", "$I10_OUTPUT", "_Getdays", "_Getmonths"):
        assert name in msvcrt, name
    for name in ("_W_Gettnames", "_Wcsftime", "_W_Getdays"):
        assert name not in msvcrt, name
    assert "$I10_OUTPUT" not in ucrt
    msvcp = guest_exports("msvcp140.dll")
    for name in ("?_Gettnames@_Locinfo@std@@QEBA?AV_Timevec@2@XZ", "?_W_Gettnames@_Locinfo@std@@QEBA?AV_Timevec@2@XZ",
                 "??0_Timevec@std@@QEAA@PEAX@Z", "??0_Timevec@std@@QEAA@AEBV01@@Z", "??1_Timevec@std@@QEAA@XZ",
                 "??4_Timevec@std@@QEAAAEAV01@AEBV01@@Z", "?_Getptr@_Timevec@std@@QEBAPEAXXZ"):
        assert name in msvcp, name


@pytest.mark.parametrize("name,offset", [("crt_timenames", 360), ("ucrt_timenames", 352)])
def test_gettnames_copy_in_the_flavours_layout(name, offset):
    """msvcrt.dll's table has its LCID before the two ints (the wide names at 0x168), the UCRT's not
    (0x160); both hold the "C" locale's names and Windows pictures"""
    assert lines(name)[0] == 0
    assert line(name, "offset of the wide names ") == str(offset)
    assert line(name, "days ") == "Sun Sunday Sat Saturday"
    assert line(name, "months ") == "Jan January Dec December"
    assert line(name, "ampm ") == "AM PM"
    assert line(name, "pictures ") == "[MM/dd/yy] [dddd, MMMM dd, yyyy] [HH:mm:ss]"
    assert line(name, "wide Saturday ") == "[Saturday]"
    assert line(name, "wide time picture ") == "[HH:mm:ss]"


C_LOCALE = "Thu Thursday Feb February PM|02/29/24|Thursday, February 29, 2024|13:05:09|"


@pytest.mark.parametrize("name,c", [("crt_timenames", "02/29/24 13:05:09"),
                                    ("ucrt_timenames", "Thu Feb 29 13:05:09 2024")])
def test_strftime_null_is_the_current_locale(name, c):
    """_Strftime(NULL) is strftime: the "C" locale's %c is the short date and time in msvcrt.dll,
    C99's asctime form in the UCRT"""
    text = C_LOCALE + c
    assert line(name, "_Strftime NULL: ") == f"{len(text)} [{text}]"
    assert line(name, "strftime:       ") == f"[{text}]"


@pytest.mark.parametrize("name", ["crt_timenames", "ucrt_timenames"])
def test_strftime_with_the_programs_names_and_pictures(name):
    """%a %A %b %B %p from the table, %x %#x %X %c through its pictures (quoted text, d MMMM yyyy
    yy, H mm ss tt); a copy of the "C" table is not the "C" locale, so even the UCRT's %c is the
    short date and the time"""
    own = ("jeu. jeudi fevr. fevrier de l'apres-midi|29/02/2024|jeudi 29 fevrier 2024 an 24|"
           "13h05 et 09s de l'apres-midi|29/02/2024 13h05 et 09s de l'apres-midi")
    assert line(name, "_Strftime own:  ") == f"{len(own)} [{own}]"
    assert line(name, "_Strftime 9h:   ") == "13 [9:5:9 A AM 09]"
    assert line(name, "_Strftime full: ") == "0 []"


def test_the_ucrt_formats_narrow_text_from_the_wide_names():
    """msvcrt.dll reads the table's narrow strings; the UCRT's narrow forms go through its wide
    engine and read the wide ones"""
    assert line("crt_timenames", "_Strftime which: ") == "6 [narrow]"
    assert line("ucrt_timenames", "_Strftime which: ") == "4 [wide]"


def test_wcsftime_with_the_programs_wide_names():
    assert line("ucrt_timenames", "_Wcsftime own:  ") == "56 [Jueves Febrero 29-2-24 Jueves, Febrero 29, 2024 09:05:09]"
    assert line("ucrt_timenames", "_Wcsftime NULL: ") == "26 [Thursday February 02/29/24]"


@pytest.mark.parametrize("fmt,pic,expected", [
    ("%c", "x|y|z", "x z"), ("%#c", "x|y|z", "y z"), ("%X", "MMM", "M1"), ("%X", "h", "1"), ("%X", "hh", "01"),
    ("%X", "hhh", "h01"), ("%X", "hhhh", "hh01"), ("%X", "H", "1"), ("%X", "HH", "01"), ("%X", "HHH", "H13"),
    ("%X", "m", "0"), ("%X", "mm", "00"), ("%X", "mmm", "m00"), ("%X", "s", "0"), ("%X", "ss", "00"),
    ("%X", "sss", "s00"), ("%X", "t", "T"), ("%X", "tt", "TAM"), ("%X", "ttttttttt", "TAM"), ("%X", "a", "TAM"),
    ("%X", "aaaaa", "TAM"), ("%X", "A", "TAM"), ("%X", "AAAAA", "TAM"), ("%x", "d", "1"), ("%x", "dd", "01"),
    ("%x", "ddd", "D1"), ("%x", "dddd", "Day1"), ("%x", "ddddd", "dDay1"), ("%x", "M", "1"), ("%x", "MM", "01"),
    ("%x", "MMM", "M1"), ("%x", "MMMM", "Mon1"), ("%x", "MMMMM", "MMon1"), ("%x", "y", "y"), ("%x", "yy", "70"),
    ("%x", "yyy", "y70"), ("%x", "yyyy", "1970"), ("%x", "yyyyy", "y1970"), ("%x", "ggggggggggg", "ggggggggggg"),
    ("%#x", "dddd", "Day1"), ("%#x", "MMMMM", "MMon1"), ("%#x", "yyy", "y70"), ("%r", "x|y|z", "z"),
])
def test_picture_letters(fmt, pic, expected):
    """The UCRT's reading of a table's date and time pictures (Windows' results for Wine's
    _Strftime table); %r outside the "C" locale is the table's time"""
    assert line("ucrt_timenames", f"picture {fmt} [{pic}]: ") == f"{len(expected)} [{expected}]"


I10_ROWS = [  # value, ndigits, flags: return, pos, sign, len, digits (Wine's test__I10_OUTPUT, as on Windows)
    ("0.0", 10, 0, 1, 0, " ", "0"), ("1.0", 10, 0, 1, 1, " ", "1"), ("-1.0", 10, 0, 1, 1, "-", "1"),
    ("1.23", 10, 0, 1, 1, " ", "123"), ("1e13", 10, 0, 1, 14, " ", "1"),
    ("1e30", 30, 0, 1, 31, " ", "100000000000000001988"), ("1e-13", 10, 0, 1, -12, " ", "1"),
    ("0.25", 10, 0, 1, 0, " ", "25"), ("1.0000001", 10, 0, 1, 1, " ", "10000001"),
    ("0.0", 10, 1, 1, 0, " ", "0"), ("1.0", 10, 1, 1, 1, " ", "1"), ("-1.0", 10, 1, 1, 1, "-", "1"),
    ("1.23", 10, 1, 1, 1, " ", "123"), ("1e13", 10, 1, 1, 14, " ", "1"),
    ("1e30", 30, 1, 1, 31, " ", "100000000000000001988"), ("1e-13", 10, 1, 1, 0, " ", "0"),
    ("1e-7", 10, 1, 1, -6, " ", "1"), ("0.25", 10, 1, 1, 0, " ", "25"), ("1.0000001", 10, 1, 1, 1, " ", "10000001"),
    ("0.0", 0, 0, 1, 0, " ", "0"), ("0.0", 0, 1, 1, 0, " ", "0"), ("123.0", 2, 0, 1, 3, " ", "12"),
    ("123.0", 0, 0, 1, 0, " ", "0"), ("123.0", 2, 1, 1, 3, " ", "123"), ("0.99", 1, 0, 1, 1, " ", "1"),
    ("1264567.0", 2, 0, 1, 7, " ", "13"), ("1264567.0", 2, 1, 1, 7, " ", "1264567"),
    ("1234567891.0", 2, 1, 1, 10, " ", "1234567891"),
    # an 80-bit third has 21 good digits; infinities and NaNs are the runtime's "1#" texts
    ("1/3", 25, 0, 1, 0, " ", "333333333333333333342"),
    ("inf", 10, 0, 0, 1, " ", "1#INF"), ("-inf", 10, 0, 0, 1, "-", "1#INF"), ("qnan", 10, 0, 0, 1, " ", "1#QNAN"),
    ("snan", 10, 0, 0, 1, " ", "1#SNAN"), ("ind", 10, 0, 0, 1, "-", "1#IND"),
]


@pytest.mark.parametrize("what,digits,flags,ret,pos,sign,text", I10_ROWS)
def test_i10_output(what, digits, flags, ret, pos, sign, text):
    """$I10_OUTPUT(_LDOUBLE by reference, ndigits, flags, _I10_OUTPUT_DATA *)"""
    assert line("crt_timenames", f"$I10_OUTPUT {what} {digits} {flags}: ") == \
        f"{ret} pos {pos} sign '{sign}' len {len(text)} [{text}]"


def _exact_digits(mant, e2, ndigits):
    """The first ndigits of mant * 2^e2 rounded half up, trailing zeros dropped, and pos (the value
    is 0.digits * 10^pos)"""
    num, den = (mant << e2, 1) if e2 >= 0 else (mant, 1 << -e2)
    pos = int((num.bit_length() - den.bit_length()) * 0.30103)     # then made exact
    while 10 ** pos * den <= num if pos >= 0 else num * 10 ** -pos >= den:
        pos += 1
    while (10 ** (pos - 1) * den > num) if pos >= 1 else (num * 10 ** (1 - pos) < den):
        pos -= 1
    shift = ndigits + 1 - pos                           # one digit more, for the rounding
    d = num * 10 ** shift // den if shift >= 0 else num // (den * 10 ** -shift)
    digits = d // 10 + (d % 10 >= 5)
    if len(str(digits)) > ndigits:                      # 9...9 carried
        pos, digits = pos + 1, digits // 10
    return pos, str(digits).rstrip("0") or "0"


@pytest.mark.parametrize("what,mant,e2", [("max", 2 ** 64 - 1, 0x7FFE - 16383 - 63), ("tiny", 1, 1 - 16383 - 63)])
def test_i10_output_range_ends(what, mant, e2):
    """the largest finite long double and the smallest denormal, exactly to 21 digits"""
    pos, text = _exact_digits(mant, e2, 21)
    assert line("crt_timenames", f"$I10_OUTPUT {what} 21 0: ") == f"1 pos {pos} sign ' ' len {len(text)} [{text}]"


@pytest.mark.parametrize("name", ["crt_timenames", "ucrt_timenames"])
def test_sscanf_s_too_small_buffer(name):
    """A field that does not fit its sscanf_s buffer: buf[0] = 0, the scan stops there (the
    characters stored before it stay), as Windows' msvcrt and UCRT do"""
    assert line(name, "sscanf_s %s 100: ") == "1 [123]"
    assert line(name, "sscanf_s %s 3: ") == "0 buf[0] 0"
    assert line(name, "sscanf_s %3c 2: ") == "0 buf 0 2 a"
    assert line(name, "sscanf_s %3c 3: ") == "1 [123a]"
    assert line(name, "sscanf_s %[ 4: ") == "0 buf 0 2 4 a"
    assert line(name, "sscanf_s %s %d: ") == "0 i 1"
    assert line(name, "sscanf_s %d %s: ") == "1 i 123 buf[0] 0"
    assert line(name, "swscanf_s %s 3: ") == "0 w[0] 0 w[1] 50"


def test_put_time_and_time_put_in_an_msvc_program():
    """std::put_time and time_put<char>/<wchar_t> (msvcp140's, its _Tnames from _Gettnames), and
    _Locinfo::_Gettnames/_W_Gettnames with _Strftime/_Wcsftime as the STL's inline code calls them"""
    code, out = lines("msvcp_timeput")
    assert code == 50, out
    assert line("msvcp_timeput", "put_time: ") == "2024-02-29 13:05:09 Thursday February"
    assert line("msvcp_timeput", "time_put: ") == "02/29/24|13:05:09|Thursday, February 29, 2024|PM|01|060|Thu Feb|24|%"
    assert line("msvcp_timeput", "time_put one field: ") == "February29"
    assert line("msvcp_timeput", "time_put<wchar_t>: ") == "Thursday February 2024, 01:05 PM"
    assert line("msvcp_timeput", "_Gettnames: ") == \
        "Thu Thursday Feb February AM PM [MM/dd/yy] [dddd, MMMM dd, yyyy] [HH:mm:ss]"
    assert line("msvcp_timeput", "_Gettnames wide December: ") == "December"
    assert line("msvcp_timeput", "_Strftime: ") == "34 Thursday 29 February 2024 13:05:09"
    assert line("msvcp_timeput", "_Strftime own names: ") == "39 Donnerstag, 29. Februar 2024|29.02.2024"
    assert line("msvcp_timeput", "_Wcsftime own names: ") == "Donnerstag 29.02.2024"
    assert line("msvcp_timeput", "_Strftime too small: ") == "0 []"
    assert line("msvcp_timeput", "_W_Gettnames + _Wcsftime: ") == "Thu Feb 29 13:05"
    assert line("msvcp_timeput", "failures: ") == "0"
