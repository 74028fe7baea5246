"""msvcp140.dll's locale facets under an MSVC-ABI C++ program (samples/msvcp_facets: clang for
x86_64-pc-windows-msvc with the Microsoft STL's facet declarations in msvcfacets.h): operator<< of
every arithmetic type through num_put under flags, width, precision and fill (the bytes the STL's
sprintf specs give with the UCRT's formatting), operator>> through num_get with its failures
(failbit with 0 or the type's limit stored, eofbit at the end), use_facet/has_facet on the classic
locale, numpunct, collate and both codecvts called directly, and the program's own numpunct and
num_put imbued into streams, a streambuf that throws, wide file streams, and typeid/dynamic_cast on
the DLL's own objects."""
import os
import subprocess
import sys

import pytest
from conftest import ROOT, guest_exports, sample_path

LINES = [
    'int [42]',
    'int - [-42]',
    'int + [+42]',
    'int + 0 [+0]',
    'int w8 [     -42]',
    'int w8 left [-42*****]',
    'int w8 internal [-0000042]',
    'int hex [ff]',
    'int hex -1 [ffffffff]',
    'int hex showbase [0xff]',
    'int HEX showbase [0XFF]',
    'int hex showbase 0 [0]',
    'int hex internal w10 [0x000000ff]',
    'int hex showpos [ff]',
    'int oct [10]',
    'int oct showbase [010]',
    'int oct showbase 0 [0]',
    'int no base [10]',
    'short -1 hex [ffff]',
    'short -5 [-5]',
    'ushort [65535]',
    'uint [4294967295]',
    'uint + [7]',
    'long [-2147483648]',
    'ulong hex [DEADBEEF]',
    'llong [-9223372036854775808]',
    'llong hex [ffffffffffffffff]',
    'ullong [18446744073709551615]',
    'ullong oct [1777777777777777777777]',
    'bool [1]',
    'bool w3 [  0]',
    'boolalpha [true]',
    'boolalpha w7 [..false]',
    'boolalpha w7 left [true...]',
    'boolalpha w7 internal [...true]',
    'double [3.14159]',
    'double p0 [3]',
    'double p1 [3]',
    'double p10 [3.141592654]',
    'double p17 [0.10000000000000001]',
    'double big [1.23457e+06]',
    'double small [1.23e-05]',
    'double 100 [100]',
    'double showpoint [100.000]',
    'double showpos [+1.5]',
    'double -0 [-0]',
    'double upper [1E-10]',
    'fixed [3.141593]',
    'fixed p0 [2]',
    'fixed p0 showpoint [2.]',
    'fixed p2 1e21 [1000000000000000000000.00]',
    'fixed p3 round [0.001]',
    'fixed w12 internal [+00000003.14]',
    'fixed w12 left [-3.14_______]',
    'scientific [1.234568e+04]',
    'scientific p0 [1e+04]',
    'SCIENTIFIC [1.230E-04]',
    'scientific 1e-300 [1.00e-300]',
    'hexfloat [0x1.0000000000000p+0]',
    'hexfloat 0.1 [0x1.999999999999ap-4]',
    'HEXFLOAT [-0X1.4000000000000P+1]',
    'hexfloat internal [0x000001.4000000000000p+1]',
    'inf [inf]',
    '-inf w6 [  -inf]',
    'inf upper [INF]',
    'inf fixed showpoint [inf]',
    'inf FIXED [INF]',
    'FIXED [1.50]',
    '-nan internal w12 [-000nan(ind)]',
    'nan [nan]',
    '-nan [-nan(ind)]',
    'float [0.1]',
    'float p9 [0.100000001]',
    'long double [0.667]',
    'pointer [00000000000012AB]',
    'pointer w20 [....00000000000012AB]',
    'pointer null [0000000000000000]',
    'int "42": 42 eof',
    'int "  -17 rest": -17 good next \' \'',
    'int "+8": 8 eof',
    'int "x1": 0 fail next \'x\'',
    'int "": 99 eof|fail',
    'int "   ": 99 eof|fail',
    'int "-": 0 eof|fail',
    'int "2147483647": 2147483647 eof',
    'int "2147483648": 2147483647 eof|fail',
    'int "-2147483649": -2147483648 eof|fail',
    'int "12abc": 12 good next \'a\'',
    'int hex "ff": 255 eof',
    'int hex "0x1F": 31 eof',
    'int oct "0777": 511 eof',
    'int oct "8": 0 fail next \'8\'',
    'int auto "0x10": 16 eof',
    'int auto "010": 8 eof',
    'int auto "10": 10 eof',
    'short "32767": 32767 eof',
    'short "32768": 32767 eof|fail',
    'short "-40000": -32768 eof|fail',
    'ushort "65535": 65535 eof',
    'ushort "65536": 65535 eof|fail',
    'ushort "-1": 65535 eof',
    'uint "4294967295": 4294967295 eof',
    'uint "4294967296": 4294967295 eof|fail',
    'uint "-1": 4294967295 eof',
    'long long "-9223372036854775808": -9223372036854775808 eof',
    'long long "9223372036854775808": 9223372036854775807 eof|fail',
    'ullong "18446744073709551615": 18446744073709551615 eof',
    'ullong "18446744073709551616": 18446744073709551615 eof|fail',
    'double "2.5": 2.5 eof',
    'double "-1.25e3x": -1250 good next \'x\'',
    'double ".5": 0.5 eof',
    'double "5.": 5 eof',
    'double "1e": 0 eof|fail',
    'double "e5": 0 fail next \'e\'',
    'double "1e400": inf eof|fail',
    'double "1e-400": 0 eof|fail',
    'double "0x1p3": 8 eof',
    'double "0x1.8P1": 3 eof',
    'double "0": 0 eof',
    'double "-0.000125e2": -0.0125 eof',
    'double "1e+": 0 eof|fail',
    'int "007": 7 eof',
    'int hex "0x": 0 eof|fail',
    'pointer "12ab": 00000000000012AB eof',
    'pointer "0x12AB!": 00000000000012AB good next \'!\'',
    'float "3.5": 3.5 eof',
    'float "1e39": inf eof|fail',
    'bool "1": 1 eof',
    'bool "0": 0 eof',
    'bool "2": 1 eof|fail',
    'bool "true": 0 fail next \'t\'',
    'boolalpha "true": 1 eof',
    'boolalpha "false!": 0 good next \'!\'',
    'boolalpha "tru": 0 eof|fail',
    'boolalpha "yes": 0 fail next \'y\'',
    "numpunct<char>: '.' ',' grouping 0 true/false",
    'numpunct<wchar_t>: 46 4 116',
    'has_facet: num_put 1, num_get<wchar_t> 1, codecvt 1, collate 1, ctype 1',
    'num_put::put: ###1234',
    "num_get::get: 123 state 0 next ';' got 1",
    'collate: -1 1 0 -1 1 hash 1488911807 -2078137563 transform apricot',
    'collate<wchar_t>: -1 hash -2141022667',
    'codecvt<char>: noconv 1 max 1 encoding 1 in 3 at 0,0 length 3',
    'codecvt<wchar_t> in: 0 consumed 5 produced 5 [104 233], into 2: 1 2 2, empty: 0',
    'codecvt<wchar_t> out: 2 consumed 2 produced 2 [233], into 1: 1 1 1, unshift 0 0',
    'codecvt<wchar_t>: noconv 0 max 1 encoding 1 length 3 5',
    'Continental: [1.234.567 -1.234 123 1.234.567,50 0,25 oui ******98.765]',
    "read with ',': 1.23457e+06 good",
    'grouped "1.234.567,75": 123456775 eof',
    'grouped "12.345": 12345 eof',
    'grouped "1.23.567": 123567 eof|fail',
    'grouped "1234.567": 1234567 eof|fail',
    'grouped "1.": 1 eof|fail',
    'grouped "1..2": 12 eof|fail',
    'grouped "-9.999.999": -9999999 eof',
    'groups 3 then 2: [1,23,45,67,890 12,345 99 -nan(ind) 1.23457e+06 12,34,567.9 inf 0x1.0000000000000p+0]',
    'own num_put: [<long> <negative> <long> 7 1.5] calls 3',
    'overflow threw: bad 1 state 4 uncaught 0 destroyed 1',
    'put: bad 1 destroyed 2',
    'rethrown to the program: Boom 1 bad 1',
    'after the catch: uncaught 0 destroyed 3',
    'underflow threw: state 6 destroyed 4',
    'rethrown from >>: Boom 2 state 4',
    'destroyed 5',
    'get: -1 state 4',
    'getline: state 6 gcount 0 []',
    'read: state 4',
    'peek: -1 state 4',
    'flush: state 4 destroyed 10 uncaught 0',
    'wofstream: bad 1',
    'wifstream: 233 42 2.5 then 120 1 eof 1',
    'the file holds 14 bytes: 99 97 102 233 32 52 50 32 50 46 53 13 10 120',
    'typeid(num_put facet): class std::num_put<char,'
    'class std::ostreambuf_iterator<char,struct std::char_traits<char> > >',
    'typeid(numpunct<wchar_t> facet): class std::numpunct<wchar_t>',
    'typeid(codecvt facet): class std::codecvt<wchar_t,char,struct _Mbstatet>',
    'typeid(ctype<char> facet): class std::ctype<char>',
    'typeid(cout): class std::basic_ostream<char,struct std::char_traits<char> >',
    'typeid(wcin): class std::basic_istream<wchar_t,struct std::char_traits<wchar_t> >',
    'typeid(*cout.rdbuf()): class std::basic_filebuf<char,struct std::char_traits<char> >',
    'typeid(locale::_Locimp): class std::locale::_Locimp',
    'typeid(a plain ostream): class std::basic_ostream<char,struct std::char_traits<char> >',
    'typeid(an iostream): class std::basic_iostream<char,struct std::char_traits<char> >',
    'locale(""): name [] numpunct \'.\' \',\' grouping 1:3',
    "in the user's locale: [1,234,567 -98,765.4 1.23457e+06 1,234,567.89]",
    'read in it: 12345678 9876.5 eof',
    'numpunct<wchar_t> of it: 46 44',
    'locale("C"): name [C] thousands_sep \'\' grouping 0',
    'numeric only: name [.1252] has numpunct 1',
    'lazy ctype<char>: space 1, the same again 1, not the classic one 1',
    'locale("Klingon_Qo\'noS") threw runtime_error: bad locale name',
    'C locale before global: C',
    'after global(user): English_United States.1252 ; old name [C]',
    'after global(classic): C',
    "??_D: the stream's locale released 1, wrote [5]",
    'time_put: 2024[2024-02-29 13:05:09] Thu February 060 01PM % 29 %q %',
    'a month out of range: 29 ? 2024',
    'time_put<wchar_t>: 84 104 117 114 115 100 97 121 32 49 51 58 48 53',
    'failures: 0',
]
EXPECTED = "".join(line + "\r\n" for line in LINES).encode("latin-1")


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("facets")


@pytest.fixture(scope="module")
def run(work):
    return subprocess.run([sys.executable, "-m", "kernel", "boot", sample_path("msvcp_facets")],
                          cwd=work, capture_output=True, timeout=300, env={**os.environ, "PYTHONPATH": ROOT})


def section(data, first, last):
    text = data.decode("latin-1").split("\r\n")
    return text[text.index(first):text.index(last) + 1]


def test_formatted_output_table(run):
    """num_put: sprintf specs from the flags, the fill on the adjustfield's side, width reset"""
    want = section(EXPECTED, "int [42]", "pointer null [0000000000000000]")
    assert section(run.stdout, "int [42]", "pointer null [0000000000000000]") == want
    assert len(want) >= 70


def test_numeric_input_table(run):
    first, last = 'int "42": 42 eof', 'boolalpha "yes": 0 fail next \'y\''
    assert section(run.stdout, first, last) == section(EXPECTED, first, last)


def test_a_buffer_that_throws(run):
    """the members' catch (...): badbit and the exception swallowed (its object destroyed, no longer
    uncaught), or with badbit in the mask the buffer's own exception reaching the program; the
    istream sentry's skipping is guarded too (bad|fail, or bad alone when rethrown), and so are get,
    getline (bad|fail: nothing extracted), read, peek and flush"""
    first, last = "overflow threw: bad 1 state 4 uncaught 0 destroyed 1", "flush: state 4 destroyed 10 uncaught 0"
    assert section(run.stdout, first, last) == section(EXPECTED, first, last)


def test_wide_file_round_trip(run, work):
    """wofstream/wifstream: basic_filebuf<wchar_t> through codecvt<wchar_t, char>'s out and in; the
    file holds the "C" locale's bytes (U+00E9 is 0xE9, text mode's CR LF); U+4E2D does not convert,
    so the stream goes bad after the x before it"""
    first, last = "wofstream: bad 1", "the file holds 14 bytes: 99 97 102 233 32 52 50 32 50 46 53 13 10 120"
    assert section(run.stdout, first, last) == section(EXPECTED, first, last)
    assert (work / "wide.txt").read_bytes() == b"caf\xe9 42 2.5\r\nx"


def test_grouped_input(run):
    """num_get with a numpunct that groups by three with '.': separators between digits; a group of
    the wrong size, a trailing or doubled separator is failbit (the value stored)"""
    first, last = 'grouped "1.234.567,75": 123456775 eof', 'grouped "-9.999.999": -9999999 eof'
    assert section(run.stdout, first, last) == section(EXPECTED, first, last)


def test_named_locales(run):
    """std::locale("") is English (United States) here: numpunct from its localeconv ('.', ',',
    groups of 3) through _Locinfo and _Makeloc, so a stream imbued with it groups; locale("C")
    has the C locale's empty separator; an unknown name is runtime_error("bad locale name");
    locale::global sets the C locale by the locale's name"""
    first, last = 'locale(""): name [] numpunct \'.\' \',\' grouping 1:3', "after global(classic): C"
    assert section(run.stdout, first, last) == section(EXPECTED, first, last)


def test_time_put(run):
    """time_put<char> and <wchar_t>: one field and a pattern by strftime/wcsftime ("%%" a '%', an
    unknown specifier and a trailing '%' as they are, a field out of range '?')"""
    first = "time_put: 2024[2024-02-29 13:05:09] Thu February 060 01PM % 29 %q %"
    last = "a month out of range: 29 ? 2024"
    assert section(run.stdout, first, last) == section(EXPECTED, first, last)
    wide = section(run.stdout, "time_put<wchar_t>: 84 104 117 114 115 100 97 121 32 49 51 58 48 53",
                   "time_put<wchar_t>: 84 104 117 114 115 100 97 121 32 49 51 58 48 53")
    assert bytes(int(c) for c in wide[0].split(": ")[1].split()) == b"Thursday 13:05"


def test_rtti_of_the_dlls_objects(run):
    """typeid and dynamic_cast on the DLL's facets, _Locimp and standard streams, and on streams the
    program makes (the DLL's vftables): their complete object locators, hierarchies (an iostream's
    two parts over one virtual basic_ios) and type descriptors carry the STL's decorated names (the
    checks of dynamic_cast are the program's own: a failure prints FAILED)"""
    first = ("typeid(num_put facet): class std::num_put<char,"
             "class std::ostreambuf_iterator<char,struct std::char_traits<char> > >")
    last = "typeid(an iostream): class std::basic_iostream<char,struct std::char_traits<char> >"
    assert section(run.stdout, first, last) == section(EXPECTED, first, last)
    assert b"FAILED" not in run.stdout


def test_facets_and_own_facets(run):
    assert run.stdout == EXPECTED
    assert run.stderr == b""
    assert run.returncode == 40


exports = guest_exports


def test_the_facet_entry_points_are_exported():
    names = exports("msvcp140.dll")
    for name in ("?id@?$num_put@DV?$ostreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@2V0locale@2@A",
                 "?id@?$numpunct@_W@std@@2V0locale@2@A",
                 "?_Getcat@?$codecvt@_WDU_Mbstatet@@@std@@SA_KPEAPEBVfacet@locale@2@PEBV42@@Z",
                 "?do_in@?$codecvt@_WDU_Mbstatet@@@std@@MEBA?AW4result@codecvt_base@2@AEAU_Mbstatet@@PEBD1AEAPEBDPEA_W3AEAPEA_W@Z",
                 "?do_transform@?$collate@D@std@@MEBA?AV?$basic_string@DU?$char_traits@D@std@@V?$allocator@D@2@@2@PEBD0@Z",
                 "?_New_Locimp@_Locimp@locale@std@@CAPEAV123@AEBV123@@Z",
                 "?_Locimp_Addfac@_Locimp@locale@std@@CAXPEAV123@PEAVfacet@23@_K@Z",
                 "??0_Locinfo@std@@QEAA@PEBD@Z", "_Getcvt", "_Mbrtowc", "_Wcrtomb", "_Strcoll",
                 "?_Getcvt@_Locinfo@std@@QEBA?AU_Cvtvec@@XZ", "??4?$_Yarn@D@std@@QEAAAEAV01@PEBD@Z",
                 "?_Makeloc@_Locimp@locale@std@@CAPEAV123@AEBV_Locinfo@3@HPEAV123@PEBV23@@Z",
                 "?_Locinfo_ctor@_Locinfo@std@@SAXPEAV12@HPEBD@Z", "?global@locale@std@@SA?AV12@AEBV12@@Z",
                 "?imbue@?$basic_ios@_WU?$char_traits@_W@std@@@std@@QEAA?AVlocale@2@AEBV32@@Z",
                 "??_D?$basic_iostream@DU?$char_traits@D@std@@@std@@QEAAXXZ",
                 "??_D?$basic_istream@_WU?$char_traits@_W@std@@@std@@QEAAXXZ",
                 "?put@?$time_put@DV?$ostreambuf_iterator@DU?$char_traits@D@std@@@std@@@std@@QEBA?AV?$ostreambuf_"
                 "iterator@DU?$char_traits@D@std@@@2@V32@AEAVios_base@2@DPEBUtm@@PEBD3@Z"):
        assert name in names


def test_the_day_names_are_the_c_runtimes():
    """_Locinfo's _Getdays/_Getmonths read the C runtime's exports, as on Windows: the UCRT has the
    wide forms too, msvcrt.dll (as the system's import library lists it) only the narrow ones"""
    ucrt, msvcrt = exports("ucrtbase.dll"), exports("msvcrt.dll")
    for name in ("_Getdays", "_Getmonths", "_W_Getdays", "_W_Getmonths"):
        assert name in ucrt, name
        assert (name in msvcrt) == (not name.startswith("_W_")), name
