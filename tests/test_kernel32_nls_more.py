"""Calendars, NLS enumerations, UI languages, NLS versions, FindNLSString / FindStringOrdinal and
the geographical location, GetStringScripts / VerifyScripts (family 9): samples/k32_nls_more
for en-US, Windows 10's values
(CAL_ITWODIGITYEARMAX 2049, the Region panel's short/long date and time format lists, language
group 1 "Western Europe and United States", GEOID 244 with its ISO 3166 codes "US"/"USA"/840 and
dialing code +1), multi-strings printed with '|' for each NUL; every check the sample makes."""
import pytest
from conftest import run_kernel, sample_path

BLOCKS = [
    # GetCalendarInfo, CAL_GREGORIAN
    ["CAL_ICALINTVALUE: 1", "CAL_SCALNAME: Gregorian Calendar", "CAL_IYEAROFFSETRANGE: 0",
     "CAL_SERASTRING: A.D.", "CAL_SSHORTDATE: M/d/yyyy", "CAL_SLONGDATE: dddd, MMMM d, yyyy",
     "CAL_SDAYNAME1: Monday", "CAL_SDAYNAME7: Sunday", "CAL_SABBREVDAYNAME3: Wed", "CAL_SMONTHNAME1: January",
     "CAL_SMONTHNAME12: December", "CAL_SMONTHNAME13: ", "CAL_SABBREVMONTHNAME9: Sep",
     "CAL_SYEARMONTH: MMMM yyyy", "CAL_ITWODIGITYEARMAX: 2049", "CAL_SSHORTESTDAYNAME1: Mo",
     "CAL_SMONTHDAY: MMMM d", "CAL_SABBREVERASTRING: AD"],
    ["ExEx ENUM_ALL_CALENDARS CAL_SCALNAME", "  Gregorian Calendar cal 1 param 7"],
    ["W CAL_SSHORTDATE", "  M/d/yyyy", "  M/d/yy", "  MM/dd/yy", "  MM/dd/yyyy", "  yy/MM/dd", "  yyyy-MM-dd",
     "  dd-MMM-yy"],
    ["A CAL_SLONGDATE", "  dddd, MMMM d, yyyy", "  MMMM d, yyyy", "  dddd, d MMMM, yyyy", "  d MMMM, yyyy"],
    ["ExW CAL_SMONTHNAME3", "  March cal 1"],
    ["ExEx DATE_YEARMONTH", "  MMMM yyyy cal 1 param 3", "A DATE_MONTHDAY", "  MMMM d"],
    ["== EnumTimeFormats", "  h:mm:ss tt", "  hh:mm:ss tt", "  H:mm:ss", "  HH:mm:ss", "TIME_NOSECONDS",
     "  h:mm tt cal 0 param 9", "  hh:mm tt cal 0 param 9", "  H:mm cal 0 param 9", "  HH:mm cal 0 param 9"],
    ["== code pages, locales, language groups", "  437", "  1252", "  28591", "  65000", "  65001"],
    ["  en-US flags 0x21 param 5", "LOCALE_NEUTRALDATA", "installed groups",
     "  1 '1' Western Europe and United States flags 1", "group 1 locales", "  1 0x409 00000409"],
    ["ResolveLocaleName(en): en-US", "ResolveLocaleName(EN-us): en-US"],
    ["ConvertDefaultLocale(LOCALE_USER_DEFAULT): 1033", "ConvertDefaultLocale(0x09): 1033",
     "ConvertDefaultLocale(0x0407): 1031", "ConvertDefaultLocale(LOCALE_INVARIANT): 127"],
    ["user, names: en-US| size 7", "system, ids: 0409| size 6"],
    ["thread only, none set: | size 2"],
    ["thread only, set: 0409| size 6"],
    ["process, none set: | size 2"],
    ["process, set: en-US| size 7"],
    ["EnumUILanguages", "  en-US", "  0409"],
    ["VerLanguageNameW(0x0409) length: 23", "VerLanguageNameW(0x0409): English (United States)",
     "VerLanguageNameA(0): Language Neutral", "VerLanguageNameW into 8: 24", "truncated: English"],
    ["GetUserGeoID(GEOCLASS_NATION): 244", "GetUserDefaultGeoName length: 3", "GetUserDefaultGeoName: US",
     "GEO_NATION: 244", "GEO_LATITUDE: 39.45", "GEO_LONGITUDE: -98.908", "GEO_ISO2: US", "GEO_ISO3: USA",
     "GEO_RFC1766: en-US", "GEO_LCID: 00000409", "GEO_FRIENDLYNAME: United States",
     "GEO_OFFICIALNAME: United States of America", "GEO_ISO_UN_NUMBER: 840", "GEO_PARENT: 23581",
     "GEO_DIALINGCODE: +1", "GEO_CURRENCYCODE: USD", "GEO_CURRENCYSYMBOL: $",
     "GetGeoInfoEx(US, GEO_FRIENDLYNAME): United States"],
    ["EnumSystemGeoID", "  244", "EnumSystemGeoNames", "  US"],
    # GetStringScripts: ISO 15924 codes, alphabetical, each with its ';', the count with the NUL
    ["== scripts", 'Hello: "Latn;" 6', 'Latin, Cyrillic, digits: "Cyrl;Latn;" 11',
     'the same, GSS_ALLOW_INHERITED_COMMON: "Cyrl;Latn;Zyyy;" 16',
     'combining acute, kanji, kana: "Hani;Hira;Kana;Latn;Qaii;" 26', 'digits and punctuation only: "" 1',
     'Hebrew, Arabic, Thai, Hangul: "Arab;Hang;Hebr;Thai;" 21'],
]


@pytest.fixture(scope="module")
def more_run():
    return run_kernel("boot", sample_path("k32_nls_more"))


@pytest.mark.parametrize("block", BLOCKS, ids=[b[0] for b in BLOCKS])
def test_nls_more_block(more_run, block):
    """Each block appears as consecutive lines, in this order."""
    lines = more_run.stdout.decode().splitlines()
    assert block[0] in lines, more_run.stdout.decode(errors="replace")
    at = lines.index(block[0])
    assert lines[at:at + len(block)] == block


def test_nls_more_checks_pass(more_run):
    out = more_run.stdout.decode()
    assert "FAIL" not in out and out.count("ok   ") == 56 and more_run.returncode == 0, out
