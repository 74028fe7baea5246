/* Family 9, calendars and NLS queries for en-US: GetCalendarInfo, EnumCalendarInfo,
 * EnumDateFormats, EnumTimeFormats, the code page, locale and language-group enumerations,
 * ResolveLocaleName, ConvertDefaultLocale, the preferred UI language lists, GetUILanguageInfo,
 * VerLanguageName, the NLS version, FindNLSString(Ex), FindStringOrdinal and the geographical
 * location (the United States). Prints what each call returns. Exit code: failed checks. */
#define NTDDI_VERSION 0x0A000004
#include "../k32.h"

WINBASEAPI BOOL WINAPI IsValidUILanguage(LANGID);   /* exported by kernel32, not in the SDK headers */

static void PrintW(const WCHAR *w)
{
    char a[200];
    WideCharToMultiByte(CP_UTF8, 0, w, -1, a, sizeof a, NULL, NULL);
    Print(a);
}

static void Line(const char *what, const WCHAR *w)
{
    Print(what);
    Print(": ");
    PrintW(w);
    Print("\n");
}

static void Error(const char *what)
{
    Print(what);
    Print(": error ");
    PrintNum(GetLastError(), 0);
    Print("\n");
}

static void Value(const char *what, unsigned long long v)
{
    Print(what);
    Print(": ");
    PrintNum(v, 0);
    Print("\n");
}

/* A multi-string, entries separated by '|'. */
static void Multi(const char *what, const WCHAR *w, ULONG size)
{
    Print(what);
    Print(": ");
    for (ULONG i = 0; i + 1 < size; i++) {
        if (w[i]) { WCHAR c[2] = {w[i], 0}; PrintW(c); } else Print("|");
    }
    Print(" size ");
    PrintNum(size, 0);
    Print("\n");
}

static BOOL CALLBACK ShowW(LPWSTR s) { Print("  "); PrintW(s); Print("\n"); return TRUE; }
static BOOL CALLBACK ShowA(LPSTR s) { Print("  "); Print(s); Print("\n"); return TRUE; }
static BOOL CALLBACK ShowExW(LPWSTR s, CALID c) { Print("  "); PrintW(s); Print(" cal "); PrintNum(c, 0); Print("\n"); return TRUE; }
static BOOL CALLBACK ShowExEx(LPWSTR s, CALID c, LPWSTR r, LPARAM p)
{
    (void)r;
    Print("  "); PrintW(s); Print(" cal "); PrintNum(c, 0); Print(" param "); PrintNum((unsigned long long)p, 0); Print("\n");
    return TRUE;
}
static BOOL CALLBACK DateExEx(LPWSTR s, CALID c, LPARAM p) { return ShowExEx(s, c, NULL, p); }
static BOOL CALLBACK TimeEx(LPWSTR s, LPARAM p) { return ShowExEx(s, 0, NULL, p); }
static int stops;
static BOOL CALLBACK StopAfterTwo(LPWSTR s) { (void)s; return ++stops < 2; }
static BOOL CALLBACK LocaleEx(LPWSTR s, DWORD f, LPARAM p)
{
    Print("  "); PrintW(s); Print(" flags "); PrintNum(f, 1); Print(" param "); PrintNum((unsigned long long)p, 0); Print("\n");
    return TRUE;
}
static BOOL CALLBACK Group(LGRPID g, LPWSTR id, LPWSTR name, DWORD f, LONG_PTR p)
{
    (void)p;
    Print("  "); PrintNum(g, 0); Print(" '"); PrintW(id); Print("' "); PrintW(name); Print(" flags "); PrintNum(f, 0); Print("\n");
    return TRUE;
}
static BOOL CALLBACK GroupLocale(LGRPID g, LCID l, LPWSTR s, LONG_PTR p)
{
    (void)p;
    Print("  "); PrintNum(g, 0); Print(" "); PrintNum(l, 1); Print(" "); PrintW(s); Print("\n");
    return TRUE;
}
static BOOL CALLBACK UiLang(LPWSTR s, LONG_PTR p) { (void)p; Print("  "); PrintW(s); Print("\n"); return TRUE; }
static BOOL CALLBACK Geo(GEOID g) { Print("  "); PrintNum((unsigned)g, 0); Print("\n"); return TRUE; }
static BOOL CALLBACK GeoName(PWSTR s, LPARAM p) { (void)p; Print("  "); PrintW(s); Print("\n"); return TRUE; }

void Entry(void)
{
    WCHAR w[128];
    char a[128];
    DWORD v = 0;
    int n;

    Print("== GetCalendarInfo\n");
    static const struct { CALTYPE type; const char *name; } cal[] = {
        {CAL_ICALINTVALUE, "CAL_ICALINTVALUE"}, {CAL_SCALNAME, "CAL_SCALNAME"},
        {CAL_IYEAROFFSETRANGE, "CAL_IYEAROFFSETRANGE"}, {CAL_SERASTRING, "CAL_SERASTRING"},
        {CAL_SSHORTDATE, "CAL_SSHORTDATE"}, {CAL_SLONGDATE, "CAL_SLONGDATE"}, {CAL_SDAYNAME1, "CAL_SDAYNAME1"},
        {CAL_SDAYNAME7, "CAL_SDAYNAME7"}, {CAL_SABBREVDAYNAME3, "CAL_SABBREVDAYNAME3"},
        {CAL_SMONTHNAME1, "CAL_SMONTHNAME1"}, {CAL_SMONTHNAME12, "CAL_SMONTHNAME12"},
        {CAL_SMONTHNAME13, "CAL_SMONTHNAME13"}, {CAL_SABBREVMONTHNAME9, "CAL_SABBREVMONTHNAME9"},
        {CAL_SYEARMONTH, "CAL_SYEARMONTH"}, {CAL_ITWODIGITYEARMAX, "CAL_ITWODIGITYEARMAX"},
        {CAL_SSHORTESTDAYNAME1, "CAL_SSHORTESTDAYNAME1"}, {CAL_SMONTHDAY, "CAL_SMONTHDAY"},
        {CAL_SABBREVERASTRING, "CAL_SABBREVERASTRING"},
    };
    for (int i = 0; i < (int)(sizeof cal / sizeof cal[0]); i++) {
        n = GetCalendarInfoW(LOCALE_USER_DEFAULT, CAL_GREGORIAN, cal[i].type, w, 128, NULL);
        if (n) Line(cal[i].name, w); else Error(cal[i].name);
    }
    n = GetCalendarInfoW(LOCALE_USER_DEFAULT, CAL_GREGORIAN, CAL_ITWODIGITYEARMAX | CAL_RETURN_NUMBER, NULL, 0, &v);
    Check(n == 2 && v == 2049, "CAL_ITWODIGITYEARMAX | CAL_RETURN_NUMBER: 2049, returns 2");
    n = GetCalendarInfoA(LOCALE_USER_DEFAULT, CAL_GREGORIAN, CAL_ICALINTVALUE | CAL_RETURN_NUMBER, NULL, 0, &v);
    Check(n == 4 && v == 1, "GetCalendarInfoA CAL_RETURN_NUMBER returns 4");
    CheckError(!GetCalendarInfoW(LOCALE_USER_DEFAULT, CAL_GREGORIAN, CAL_SCALNAME | CAL_RETURN_NUMBER, NULL, 0, &v),
               ERROR_INVALID_FLAGS, "CAL_RETURN_NUMBER on a string -> ERROR_INVALID_FLAGS");
    Check(GetCalendarInfoW(LOCALE_USER_DEFAULT, CAL_GREGORIAN, CAL_SCALNAME, NULL, 0, NULL) == 19, "size query 19");
    CheckError(!GetCalendarInfoW(LOCALE_USER_DEFAULT, CAL_GREGORIAN, CAL_SCALNAME, w, 5, NULL),
               ERROR_INSUFFICIENT_BUFFER, "short buffer -> ERROR_INSUFFICIENT_BUFFER");
    CheckError(!GetCalendarInfoW(LOCALE_USER_DEFAULT, CAL_JAPAN, CAL_SCALNAME, w, 128, NULL),
               ERROR_INVALID_PARAMETER, "CAL_JAPAN for en-US -> ERROR_INVALID_PARAMETER");
    n = GetCalendarInfoA(LOCALE_USER_DEFAULT, CAL_GREGORIAN, CAL_SMONTHNAME2, a, 128, NULL);
    Check(n == 9 && Len(a) == 8, "GetCalendarInfoA February, 9 bytes");
    n = GetCalendarInfoEx(L"en-US", CAL_GREGORIAN, NULL, CAL_SLONGDATE, w, 128, NULL);
    Check(n == 19, "GetCalendarInfoEx en-US long date");

    Print("== EnumCalendarInfo\n");
    Print("ExEx ENUM_ALL_CALENDARS CAL_SCALNAME\n");
    EnumCalendarInfoExEx(ShowExEx, L"en-US", ENUM_ALL_CALENDARS, NULL, CAL_SCALNAME, 7);
    Print("W CAL_SSHORTDATE\n");
    EnumCalendarInfoW(ShowW, LOCALE_USER_DEFAULT, CAL_GREGORIAN, CAL_SSHORTDATE);
    Print("A CAL_SLONGDATE\n");
    EnumCalendarInfoA(ShowA, LOCALE_USER_DEFAULT, CAL_GREGORIAN, CAL_SLONGDATE);
    Print("ExW CAL_SMONTHNAME3\n");
    EnumCalendarInfoExW(ShowExW, LOCALE_USER_DEFAULT, ENUM_ALL_CALENDARS, CAL_SMONTHNAME3);
    CheckError(!EnumCalendarInfoW(NULL, LOCALE_USER_DEFAULT, CAL_GREGORIAN, CAL_SSHORTDATE), ERROR_INVALID_PARAMETER,
               "EnumCalendarInfo without a procedure");

    Print("== EnumDateFormats\n");
    Print("W DATE_SHORTDATE\n");
    EnumDateFormatsW(ShowW, LOCALE_USER_DEFAULT, DATE_SHORTDATE);
    Print("ExW DATE_LONGDATE\n");
    EnumDateFormatsExW(ShowExW, LOCALE_USER_DEFAULT, DATE_LONGDATE);
    Print("ExEx DATE_YEARMONTH\n");
    EnumDateFormatsExEx(DateExEx, L"en-US", DATE_YEARMONTH, 3);
    Print("A DATE_MONTHDAY\n");
    EnumDateFormatsA(ShowA, LOCALE_USER_DEFAULT, DATE_MONTHDAY);
    stops = 0;
    EnumDateFormatsW(StopAfterTwo, LOCALE_USER_DEFAULT, DATE_SHORTDATE);
    Check(stops == 2, "a procedure returning FALSE stops the enumeration");
    CheckError(!EnumDateFormatsW(ShowW, LOCALE_USER_DEFAULT, DATE_LTRREADING), ERROR_INVALID_FLAGS,
               "EnumDateFormats(DATE_LTRREADING) -> ERROR_INVALID_FLAGS");
    Print("== EnumTimeFormats\n");
    EnumTimeFormatsW(ShowW, LOCALE_USER_DEFAULT, 0);
    Print("TIME_NOSECONDS\n");
    EnumTimeFormatsEx(TimeEx, NULL, TIME_NOSECONDS, 9);
    CheckError(!EnumTimeFormatsA(ShowA, LOCALE_USER_DEFAULT, TIME_FORCE24HOURFORMAT), ERROR_INVALID_FLAGS,
               "EnumTimeFormats(TIME_FORCE24HOURFORMAT) -> ERROR_INVALID_FLAGS");

    Print("== code pages, locales, language groups\n");
    EnumSystemCodePagesW(ShowW, CP_INSTALLED);
    CheckError(!EnumSystemCodePagesA(ShowA, 0), ERROR_INVALID_FLAGS, "EnumSystemCodePages(0) -> ERROR_INVALID_FLAGS");
    EnumSystemLocalesEx(LocaleEx, LOCALE_ALL, 5, NULL);
    Print("LOCALE_NEUTRALDATA\n");
    EnumSystemLocalesEx(LocaleEx, LOCALE_NEUTRALDATA, 5, NULL);
    Print("installed groups\n");
    EnumSystemLanguageGroupsW(Group, LGRPID_INSTALLED, 0);
    Print("group 1 locales\n");
    EnumLanguageGroupLocalesW(GroupLocale, LGRPID_WESTERN_EUROPE, 0, 0);
    Check(IsValidLanguageGroup(LGRPID_WESTERN_EUROPE, LGRPID_INSTALLED) && !IsValidLanguageGroup(LGRPID_CYRILLIC, LGRPID_INSTALLED)
          && IsValidLanguageGroup(LGRPID_CYRILLIC, LGRPID_SUPPORTED) && !IsValidLanguageGroup(18, LGRPID_SUPPORTED),
          "IsValidLanguageGroup");
    CheckError(!EnumLanguageGroupLocalesW(GroupLocale, 0, 0, 0), ERROR_INVALID_PARAMETER, "language group 0");

    Print("== ResolveLocaleName, ConvertDefaultLocale\n");
    n = ResolveLocaleName(L"en", w, 128);
    Line("ResolveLocaleName(en)", n ? w : L"(failed)");
    n = ResolveLocaleName(L"EN-us", w, 128);
    Line("ResolveLocaleName(EN-us)", n ? w : L"(failed)");
    Check(ResolveLocaleName(NULL, NULL, 0) == 6, "ResolveLocaleName(NULL) size 6");
    Value("ConvertDefaultLocale(LOCALE_USER_DEFAULT)", ConvertDefaultLocale(LOCALE_USER_DEFAULT));
    Value("ConvertDefaultLocale(0x09)", ConvertDefaultLocale(0x09));
    Value("ConvertDefaultLocale(0x0407)", ConvertDefaultLocale(0x0407));
    Value("ConvertDefaultLocale(LOCALE_INVARIANT)", ConvertDefaultLocale(LOCALE_INVARIANT));

    Print("== UI languages\n");
    ULONG num = 0, size = 0;
    Check(GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, &num, NULL, &size) && size == 7 && num == 1,
          "GetUserPreferredUILanguages size query: 7, one language");
    size = 128;
    GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, &num, w, &size);
    Multi("user, names", w, size);
    size = 128;
    GetSystemPreferredUILanguages(MUI_LANGUAGE_ID, &num, w, &size);
    Multi("system, ids", w, size);
    size = 3;
    CheckError(!GetUserPreferredUILanguages(MUI_LANGUAGE_NAME, &num, w, &size) && size == 7, ERROR_INSUFFICIENT_BUFFER,
               "a short buffer -> ERROR_INSUFFICIENT_BUFFER, the size needed");
    size = 128;
    CheckError(!GetUserPreferredUILanguages(MUI_LANGUAGE_NAME | MUI_LANGUAGE_ID, &num, w, &size), ERROR_INVALID_PARAMETER,
               "both formats -> ERROR_INVALID_PARAMETER");
    size = 128;
    GetThreadPreferredUILanguages(MUI_LANGUAGE_NAME | MUI_THREAD_LANGUAGES, &num, w, &size);
    Multi("thread only, none set", w, size);
    Check(num == 0, "no thread languages");
    Check(SetThreadPreferredUILanguages(MUI_LANGUAGE_NAME, L"en-US\0", &num) && num == 1, "SetThreadPreferredUILanguages(en-US)");
    size = 128;
    GetThreadPreferredUILanguages(MUI_LANGUAGE_ID | MUI_THREAD_LANGUAGES, &num, w, &size);
    Multi("thread only, set", w, size);
    CheckError(!SetThreadPreferredUILanguages(MUI_LANGUAGE_NAME, L"xx-YY\0", &num), ERROR_INVALID_PARAMETER,
               "an uninstalled language -> ERROR_INVALID_PARAMETER");
    Check(SetThreadPreferredUILanguages(0, NULL, NULL), "SetThreadPreferredUILanguages(NULL) clears");
    size = 128;
    GetProcessPreferredUILanguages(MUI_LANGUAGE_NAME, &num, w, &size);
    Multi("process, none set", w, size);
    Check(SetProcessPreferredUILanguages(MUI_LANGUAGE_ID, L"0409\0", &num) && num == 1, "SetProcessPreferredUILanguages(0409)");
    size = 128;
    GetProcessPreferredUILanguages(MUI_LANGUAGE_NAME, &num, w, &size);
    Multi("process, set", w, size);
    DWORD attrs = 0, cch = 128;
    Check(GetUILanguageInfo(MUI_LANGUAGE_NAME, L"en-US\0", w, &cch, &attrs) && attrs == 0x61,
          "GetUILanguageInfo(en-US): full, installed, licensed");
    Print("EnumUILanguages\n");
    EnumUILanguagesW(UiLang, MUI_LANGUAGE_NAME, 0);
    EnumUILanguagesW(UiLang, 0, 0);
    Check(IsValidUILanguage(0x0409) && !IsValidUILanguage(0x0407), "IsValidUILanguage");
    Check(SetThreadUILanguage(0) == 0x0409 && SetThreadUILanguage(0x0409) == 0x0409, "SetThreadUILanguage");
    n = (int)VerLanguageNameW(0x0409, w, 128);
    Value("VerLanguageNameW(0x0409) length", (unsigned)n);
    Line("VerLanguageNameW(0x0409)", w);
    n = (int)VerLanguageNameA(0, a, 128);
    Print("VerLanguageNameA(0): "); Print(a); Print("\n");
    n = (int)VerLanguageNameW(0x0409, w, 8);
    Value("VerLanguageNameW into 8", (unsigned)n);
    Line("truncated", w);

    Print("== NLS version, FindNLSString, FindStringOrdinal\n");
    NLSVERSIONINFOEX ver = {sizeof ver};
    Check(GetNLSVersionEx(COMPARE_STRING, L"en-US", &ver) && ver.dwEffectiveId == 0x0409, "GetNLSVersionEx");
    Check(IsValidNLSVersion(COMPARE_STRING, L"en-US", &ver) != 0, "IsValidNLSVersion of the current version");
    ver.dwNLSVersion++;
    Check(IsValidNLSVersion(COMPARE_STRING, L"en-US", &ver) == 0, "another version is not valid");
    NLSVERSIONINFO old = {sizeof old};
    Check(GetNLSVersion(COMPARE_STRING, LOCALE_USER_DEFAULT, &old), "GetNLSVersion");
    old.dwNLSVersionInfoSize = 4;
    CheckError(!GetNLSVersion(COMPARE_STRING, LOCALE_USER_DEFAULT, &old), ERROR_INSUFFICIENT_BUFFER,
               "a wrong size -> ERROR_INSUFFICIENT_BUFFER");
    Check(IsNLSDefinedString(COMPARE_STRING, 0, NULL, L"abc\x00e9", -1), "IsNLSDefinedString(abc e-acute)");
    Check(!IsNLSDefinedString(COMPARE_STRING, 0, NULL, L"a\xd800" L"b", 3), "a lone surrogate is not defined");
    int found = 0;
    n = FindNLSStringEx(L"en-US", FIND_FROMSTART | NORM_IGNORECASE, L"Hello World, hello", -1, L"HELLO", -1, &found, NULL, NULL, 0);
    Check(n == 0 && found == 5, "FindNLSStringEx FIND_FROMSTART ignorecase -> 0, 5");
    n = FindNLSStringEx(L"en-US", FIND_FROMEND | NORM_IGNORECASE, L"Hello World, hello", -1, L"HELLO", -1, &found, NULL, NULL, 0);
    Check(n == 13 && found == 5, "FIND_FROMEND -> 13");
    n = FindNLSString(LOCALE_USER_DEFAULT, FIND_STARTSWITH, L"Hello", -1, L"World", -1, &found);
    Check(n == -1 && GetLastError() == ERROR_SUCCESS, "FIND_STARTSWITH no match -> -1, ERROR_SUCCESS");
    n = FindNLSString(LOCALE_USER_DEFAULT, FIND_ENDSWITH, L"Hello World", -1, L"world", -1, &found);
    Check(n == -1, "FIND_ENDSWITH is case sensitive without NORM_IGNORECASE");
    n = FindNLSString(LOCALE_USER_DEFAULT, FIND_ENDSWITH, L"Hello World", -1, L"World", -1, &found);
    Check(n == 6 && found == 5, "FIND_ENDSWITH -> 6");
    CheckError(FindNLSString(LOCALE_USER_DEFAULT, FIND_STARTSWITH | FIND_ENDSWITH, L"a", -1, L"a", -1, &found) == -1,
               ERROR_INVALID_FLAGS, "two FIND_ flags -> ERROR_INVALID_FLAGS");
    Check(FindStringOrdinal(FIND_FROMSTART, L"abcABCabc", -1, L"ABC", -1, FALSE) == 3, "FindStringOrdinal -> 3");
    Check(FindStringOrdinal(FIND_FROMEND, L"abcABCabc", -1, L"ABC", -1, TRUE) == 6, "FindStringOrdinal FROMEND ignore case -> 6");
    Check(FindStringOrdinal(FIND_STARTSWITH, L"abcABCabc", -1, L"abd", -1, FALSE) == -1 && GetLastError() == 0,
          "FindStringOrdinal no match -> -1, ERROR_SUCCESS");
    CheckError(FindStringOrdinal(0, L"abc", -1, L"b", -1, FALSE) == -1, ERROR_INVALID_FLAGS,
               "FindStringOrdinal(0) -> ERROR_INVALID_FLAGS");

    Print("== scripts\n");
    static const struct { const WCHAR *s; DWORD flags; const char *name; } scripts[] = {
        {L"Hello", 0, "Hello"}, {L"Hello, \x041c\x0438\x0440 1", 0, "Latin, Cyrillic, digits"},
        {L"Hello, \x041c\x0438\x0440 1", GSS_ALLOW_INHERITED_COMMON, "the same, GSS_ALLOW_INHERITED_COMMON"},
        {L"e\x0301\x65e5\x672c\x3072\x30ab", GSS_ALLOW_INHERITED_COMMON, "combining acute, kanji, kana"},
        {L"123 !?", 0, "digits and punctuation only"}, {L"\x05e9\x0627\x0e01\xac00", 0, "Hebrew, Arabic, Thai, Hangul"},
    };
    for (int i = 0; i < (int)(sizeof scripts / sizeof scripts[0]); i++) {
        n = GetStringScripts(scripts[i].flags, scripts[i].s, -1, w, 128);
        Print(scripts[i].name); Print(": \""); if (n) PrintW(w); Print("\" "); PrintNum((unsigned)n, 0); Print("\n");
    }
    Check(GetStringScripts(0, L"abc", 0, w, 128) == 1 && w[0] == 0, "GetStringScripts of 0 characters -> L\"\", 1");
    Check(GetStringScripts(0, L"\x0430" L"b", -1, NULL, 0) == 11, "GetStringScripts size query");
    CheckError(!GetStringScripts(0, L"\x0430" L"b", -1, w, 5), ERROR_INSUFFICIENT_BUFFER, "GetStringScripts short buffer");
    CheckError(!GetStringScripts(2, L"a", -1, w, 128), ERROR_INVALID_FLAGS, "GetStringScripts(2) -> ERROR_INVALID_FLAGS");
    Check(VerifyScripts(0, L"Latn;Cyrl;", -1, L"Cyrl;", -1), "VerifyScripts: Cyrl in Latn;Cyrl;");
    Check(!VerifyScripts(0, L"Cyrl;", -1, L"Latn;Cyrl;", -1) && GetLastError() == ERROR_SUCCESS,
          "VerifyScripts: Latn not in Cyrl; -> FALSE, ERROR_SUCCESS");
    Check(VerifyScripts(VS_ALLOW_LATIN, L"Cyrl;", -1, L"Latn;Cyrl;", -1), "VerifyScripts VS_ALLOW_LATIN");
    CheckError(!VerifyScripts(0, L"Latn;", -1, L"Lat", -1), ERROR_INVALID_PARAMETER, "VerifyScripts a malformed list");

    Print("== geographical location\n");
    Value("GetUserGeoID(GEOCLASS_NATION)", (unsigned)GetUserGeoID(GEOCLASS_NATION));
    n = GetUserDefaultGeoName(w, 128);
    Value("GetUserDefaultGeoName length", (unsigned)n);
    Line("GetUserDefaultGeoName", w);
    static const struct { GEOTYPE type; const char *name; } geo[] = {
        {GEO_NATION, "GEO_NATION"}, {GEO_LATITUDE, "GEO_LATITUDE"}, {GEO_LONGITUDE, "GEO_LONGITUDE"},
        {GEO_ISO2, "GEO_ISO2"}, {GEO_ISO3, "GEO_ISO3"}, {GEO_RFC1766, "GEO_RFC1766"}, {GEO_LCID, "GEO_LCID"},
        {GEO_FRIENDLYNAME, "GEO_FRIENDLYNAME"}, {GEO_OFFICIALNAME, "GEO_OFFICIALNAME"},
        {GEO_ISO_UN_NUMBER, "GEO_ISO_UN_NUMBER"}, {GEO_PARENT, "GEO_PARENT"}, {GEO_DIALINGCODE, "GEO_DIALINGCODE"},
        {GEO_CURRENCYCODE, "GEO_CURRENCYCODE"}, {GEO_CURRENCYSYMBOL, "GEO_CURRENCYSYMBOL"},
    };
    for (int i = 0; i < (int)(sizeof geo / sizeof geo[0]); i++) {
        n = GetGeoInfoW(244, geo[i].type, w, 128, 0);
        if (n) Line(geo[i].name, w); else Error(geo[i].name);
    }
    n = GetGeoInfoEx(L"US", GEO_FRIENDLYNAME, w, 128);
    Line("GetGeoInfoEx(US, GEO_FRIENDLYNAME)", n ? w : L"(failed)");
    n = GetGeoInfoA(244, GEO_ISO3, a, 128, 0);
    Check(n == 4 && a[0] == 'U' && a[2] == 'A', "GetGeoInfoA GEO_ISO3 USA");
    CheckError(!GetGeoInfoW(94, GEO_ISO2, w, 128, 0), ERROR_INVALID_PARAMETER, "a GEOID with no data -> ERROR_INVALID_PARAMETER");
    CheckError(!GetGeoInfoW(244, GEO_ISO2, w, 2, 0), ERROR_INSUFFICIENT_BUFFER, "GEO_ISO2 into 2 -> ERROR_INSUFFICIENT_BUFFER");
    Print("EnumSystemGeoID\n");
    EnumSystemGeoID(GEOCLASS_NATION, 0, Geo);
    Print("EnumSystemGeoNames\n");
    EnumSystemGeoNames(GEOCLASS_NATION, GeoName, 0);
    Check(SetUserGeoID(244) && SetUserGeoName((PWSTR)L"US"), "SetUserGeoID(244), SetUserGeoName(US)");
    ExitProcess((UINT)failures);
}
