/* Family 9 (locales): one locale, en-US (LCID 0x0409), as a default Windows 10 install has:
 * GetLocaleInfo(Ex) A/W for the values programs ask for, the default LCIDs and names,
 * IsValidLocale(Name), EnumSystemLocales, and GetDateFormat / GetTimeFormat with en-US's
 * formats and the picture codes of their format strings. */
#include "kernelbase.h"

#define EN_US 0x0409

typedef struct { LCTYPE Type; const WCHAR *Value; } LOCALE_VALUE;

static const WCHAR *const DayNames[7] = {L"Sunday", L"Monday", L"Tuesday", L"Wednesday", L"Thursday", L"Friday", L"Saturday"};
static const WCHAR *const MonthNames[12] = {L"January", L"February", L"March", L"April", L"May", L"June", L"July",
                                            L"August", L"September", L"October", L"November", L"December"};

static const LOCALE_VALUE EnUs[] = {
    {LOCALE_ILANGUAGE, L"0409"}, {LOCALE_SLANGUAGE, L"English (United States)"},
    {LOCALE_SENGLANGUAGE, L"English"}, {LOCALE_SABBREVLANGNAME, L"ENU"}, {LOCALE_SNATIVELANGNAME, L"English"},
    {LOCALE_ICOUNTRY, L"1"}, {LOCALE_SCOUNTRY, L"United States"}, {LOCALE_SENGCOUNTRY, L"United States"},
    {LOCALE_SABBREVCTRYNAME, L"USA"}, {LOCALE_SNATIVECTRYNAME, L"United States"},
    {LOCALE_IDEFAULTLANGUAGE, L"0409"}, {LOCALE_IDEFAULTCOUNTRY, L"1"},
    {LOCALE_IDEFAULTCODEPAGE, L"437"}, {LOCALE_IDEFAULTANSICODEPAGE, L"1252"}, {LOCALE_IDEFAULTMACCODEPAGE, L"10000"},
    {LOCALE_SLIST, L","}, {LOCALE_IMEASURE, L"1"}, {LOCALE_SDECIMAL, L"."}, {LOCALE_STHOUSAND, L","},
    {LOCALE_SGROUPING, L"3;0"}, {LOCALE_IDIGITS, L"2"}, {LOCALE_ILZERO, L"1"}, {LOCALE_INEGNUMBER, L"1"},
    {LOCALE_SNATIVEDIGITS, L"0123456789"}, {LOCALE_SCURRENCY, L"$"}, {LOCALE_SINTLSYMBOL, L"USD"},
    {LOCALE_SMONDECIMALSEP, L"."}, {LOCALE_SMONTHOUSANDSEP, L","}, {LOCALE_SMONGROUPING, L"3;0"},
    {LOCALE_ICURRDIGITS, L"2"}, {LOCALE_IINTLCURRDIGITS, L"2"}, {LOCALE_ICURRENCY, L"0"}, {LOCALE_INEGCURR, L"0"},
    {LOCALE_SDATE, L"/"}, {LOCALE_STIME, L":"}, {LOCALE_SSHORTDATE, L"M/d/yyyy"},
    {LOCALE_SLONGDATE, L"dddd, MMMM d, yyyy"}, {LOCALE_STIMEFORMAT, L"h:mm:ss tt"}, {LOCALE_SSHORTTIME, L"h:mm tt"},
    {LOCALE_IDATE, L"0"}, {LOCALE_ILDATE, L"0"}, {LOCALE_ITIME, L"0"}, {LOCALE_ITIMEMARKPOSN, L"0"},
    {LOCALE_ICENTURY, L"1"}, {LOCALE_ITLZERO, L"0"}, {LOCALE_IDAYLZERO, L"0"}, {LOCALE_IMONLZERO, L"0"},
    {LOCALE_S1159, L"AM"}, {LOCALE_S2359, L"PM"}, {LOCALE_ICALENDARTYPE, L"1"}, {LOCALE_IFIRSTDAYOFWEEK, L"6"},
    {LOCALE_IFIRSTWEEKOFYEAR, L"0"}, {LOCALE_SPOSITIVESIGN, L""}, {LOCALE_SNEGATIVESIGN, L"-"},
    {LOCALE_SISO639LANGNAME, L"en"}, {LOCALE_SISO3166CTRYNAME, L"US"}, {LOCALE_SISO639LANGNAME2, L"eng"},
    {LOCALE_SISO3166CTRYNAME2, L"USA"}, {LOCALE_SNAME, L"en-US"}, {LOCALE_SYEARMONTH, L"MMMM yyyy"},
    {LOCALE_SENGLISHDISPLAYNAME, L"English (United States)"}, {LOCALE_SNATIVEDISPLAYNAME, L"English (United States)"},
    {LOCALE_SPARENT, L"en"}, {LOCALE_SCONSOLEFALLBACKNAME, L"en-US"},
    {LOCALE_SABBREVDAYNAME1, L"Mon"}, {LOCALE_SABBREVDAYNAME2, L"Tue"}, {LOCALE_SABBREVDAYNAME3, L"Wed"},
    {LOCALE_SABBREVDAYNAME4, L"Thu"}, {LOCALE_SABBREVDAYNAME5, L"Fri"}, {LOCALE_SABBREVDAYNAME6, L"Sat"},
    {LOCALE_SABBREVDAYNAME7, L"Sun"}, {LOCALE_SDAYNAME1, L"Monday"}, {LOCALE_SDAYNAME2, L"Tuesday"},
    {LOCALE_SDAYNAME3, L"Wednesday"}, {LOCALE_SDAYNAME4, L"Thursday"}, {LOCALE_SDAYNAME5, L"Friday"},
    {LOCALE_SDAYNAME6, L"Saturday"}, {LOCALE_SDAYNAME7, L"Sunday"},
    {LOCALE_SMONTHNAME1, L"January"}, {LOCALE_SMONTHNAME2, L"February"}, {LOCALE_SMONTHNAME3, L"March"},
    {LOCALE_SMONTHNAME4, L"April"}, {LOCALE_SMONTHNAME5, L"May"}, {LOCALE_SMONTHNAME6, L"June"},
    {LOCALE_SMONTHNAME7, L"July"}, {LOCALE_SMONTHNAME8, L"August"}, {LOCALE_SMONTHNAME9, L"September"},
    {LOCALE_SMONTHNAME10, L"October"}, {LOCALE_SMONTHNAME11, L"November"}, {LOCALE_SMONTHNAME12, L"December"},
    {LOCALE_SABBREVMONTHNAME1, L"Jan"}, {LOCALE_SABBREVMONTHNAME2, L"Feb"}, {LOCALE_SABBREVMONTHNAME3, L"Mar"},
    {LOCALE_SABBREVMONTHNAME4, L"Apr"}, {LOCALE_SABBREVMONTHNAME5, L"May"}, {LOCALE_SABBREVMONTHNAME6, L"Jun"},
    {LOCALE_SABBREVMONTHNAME7, L"Jul"}, {LOCALE_SABBREVMONTHNAME8, L"Aug"}, {LOCALE_SABBREVMONTHNAME9, L"Sep"},
    {LOCALE_SABBREVMONTHNAME10, L"Oct"}, {LOCALE_SABBREVMONTHNAME11, L"Nov"}, {LOCALE_SABBREVMONTHNAME12, L"Dec"},
    {LOCALE_SABBREVMONTHNAME13, L""}, {LOCALE_SMONTHNAME13, L""},
    {LOCALE_SDURATION, L"h:mm:ss"}, {LOCALE_SSHORTESTDAYNAME1, L"Mo"}, {LOCALE_SSHORTESTDAYNAME2, L"Tu"},
    {LOCALE_SSHORTESTDAYNAME3, L"We"}, {LOCALE_SSHORTESTDAYNAME4, L"Th"}, {LOCALE_SSHORTESTDAYNAME5, L"Fr"},
    {LOCALE_SSHORTESTDAYNAME6, L"Sa"}, {LOCALE_SSHORTESTDAYNAME7, L"Su"},
};

static BOOL IsEnUs(LCID lcid)
{
    return lcid == EN_US || lcid == LOCALE_USER_DEFAULT || lcid == LOCALE_SYSTEM_DEFAULT || lcid == LOCALE_INVARIANT
           || lcid == LOCALE_NEUTRAL || lcid == 0x09 || lcid == LOCALE_CUSTOM_DEFAULT;
}

static BOOL IsEnUsName(LPCWSTR name)
{
    return name == NULL || name[0] == 0 || CompareStringOrdinal(name, -1, L"en-US", -1, TRUE) == CSTR_EQUAL
           || CompareStringOrdinal(name, -1, L"!x-sys-default-locale", -1, TRUE) == CSTR_EQUAL;
}

/* Copy a string result by the GetLocaleInfo rules: size 0 asks for the length (NUL included). */
static int Answer(const WCHAR *value, LPWSTR out, int size)
{
    int n = (int)wcslen(value) + 1;
    if (size == 0) return n;
    if (size < n) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    memcpy(out, value, (SIZE_T)n * 2);
    return n;
}

static int LocaleInfo(LCTYPE type, LPWSTR out, int size)
{
    BOOL number = (type & LOCALE_RETURN_NUMBER) != 0;
    type &= ~(LCTYPE)(LOCALE_NOUSEROVERRIDE | LOCALE_USE_CP_ACP | LOCALE_RETURN_NUMBER | LOCALE_RETURN_GENITIVE_NAMES);
    if (size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (type == LOCALE_FONTSIGNATURE) { SetLastError(ERROR_INVALID_FLAGS); return 0; }
    for (SIZE_T i = 0; i < sizeof(EnUs) / sizeof(EnUs[0]); i++) {
        if (EnUs[i].Type != type) continue;
        if (!number) return Answer(EnUs[i].Value, out, size);
        DWORD v = 0;
        const WCHAR *s = EnUs[i].Value;
        BOOL hex = type == LOCALE_ILANGUAGE || type == LOCALE_IDEFAULTLANGUAGE;
        for (; *s; s++) v = v * (hex ? 16 : 10) + (DWORD)(*s <= '9' ? *s - '0' : (*s | 0x20) - 'a' + 10);
        if (size == 0) return 2;
        if (size < 2) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
        *(DWORD *)out = v;
        return 2;
    }
    SetLastError(ERROR_INVALID_FLAGS);
    return 0;
}

KBAPI int WINAPI GetLocaleInfoEx(LPCWSTR name, LCTYPE type, LPWSTR out, int size)
{
    if (!IsEnUsName(name)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    return LocaleInfo(type, out, size);
}

KBAPI int WINAPI GetLocaleInfoW(LCID lcid, LCTYPE type, LPWSTR out, int size)
{
    if (!IsEnUs(lcid)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    return LocaleInfo(type, out, size);
}

KBAPI int WINAPI GetLocaleInfoA(LCID lcid, LCTYPE type, LPSTR out, int size)
{
    WCHAR w[128];
    if (!IsEnUs(lcid)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    int n = LocaleInfo(type, w, 128);
    if (n == 0) return 0;
    if (type & LOCALE_RETURN_NUMBER) {
        if (size == 0) return 4;
        if (size < 4) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
        memcpy(out, w, 4);
        return 4;
    }
    int bytes = WideCharToMultiByte(CP_ACP, 0, w, n, NULL, 0, NULL, NULL);
    if (size == 0) return bytes;
    if (size < bytes) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    return WideCharToMultiByte(CP_ACP, 0, w, n, out, size, NULL, NULL);
}

KBAPI LCID WINAPI GetUserDefaultLCID(void) { return EN_US; }
KBAPI LCID WINAPI GetSystemDefaultLCID(void) { return EN_US; }
KBAPI LCID WINAPI GetThreadLocale(void) { return EN_US; }
KBAPI LANGID WINAPI GetUserDefaultLangID(void) { return EN_US; }
KBAPI LANGID WINAPI GetSystemDefaultLangID(void) { return EN_US; }
KBAPI LANGID WINAPI GetUserDefaultUILanguage(void) { return EN_US; }
KBAPI LANGID WINAPI GetSystemDefaultUILanguage(void) { return EN_US; }
KBAPI LANGID WINAPI GetThreadUILanguage(void) { return EN_US; }

KBAPI BOOL WINAPI SetThreadLocale(LCID lcid)
{
    if (!IsEnUs(lcid)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return TRUE;
}

KBAPI int WINAPI GetUserDefaultLocaleName(LPWSTR out, int size) { return Answer(L"en-US", out, size); }
KBAPI int WINAPI GetSystemDefaultLocaleName(LPWSTR out, int size) { return Answer(L"en-US", out, size); }

KBAPI int WINAPI LCIDToLocaleName(LCID lcid, LPWSTR out, int size, DWORD flags)
{
    (void)flags;
    if (!IsEnUs(lcid)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    return Answer(lcid == LOCALE_INVARIANT ? L"" : L"en-US", out, size);
}

KBAPI LCID WINAPI LocaleNameToLCID(LPCWSTR name, DWORD flags)
{
    (void)flags;
    if (name && name[0] == 0) return LOCALE_INVARIANT;
    if (!IsEnUsName(name)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    return EN_US;
}

KBAPI BOOL WINAPI IsValidLocale(LCID lcid, DWORD flags)
{
    (void)flags;
    return lcid == EN_US || lcid == LOCALE_INVARIANT;
}

KBAPI BOOL WINAPI IsValidLocaleName(LPCWSTR name)
{
    return name && (name[0] == 0 || CompareStringOrdinal(name, -1, L"en-US", -1, TRUE) == CSTR_EQUAL);
}

KBAPI BOOL WINAPI EnumSystemLocalesW(LOCALE_ENUMPROCW proc, DWORD flags)
{
    (void)flags;
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    proc(L"00000409");
    return TRUE;
}

KBAPI BOOL WINAPI EnumSystemLocalesA(LOCALE_ENUMPROCA proc, DWORD flags)
{
    (void)flags;
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    proc("00000409");
    return TRUE;
}

/* The picture codes of date and time formats: d dd ddd dddd M MM MMM MMMM y yy yyyy, h hh H HH
 * m mm s ss t tt, and 'quoted' text. */
static int Format(const SYSTEMTIME *st, const WCHAR *fmt, LPWSTR out, int size, BOOL date)
{
    int n = 0;
#define PUT(c) do { if (size) { if (n >= size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; } out[n] = (c); } n++; } while (0)
#define PUTS(s) do { for (const WCHAR *q_ = (s); *q_; q_++) PUT(*q_); } while (0)
#define NUM(v, width) do { WCHAR b_[8]; int k_ = 0, v_ = (v); \
                           do { b_[k_++] = (WCHAR)('0' + v_ % 10); v_ /= 10; } while (v_); \
                           while (k_ < (width)) { b_[k_++] = '0'; } \
                           while (k_) { PUT(b_[--k_]); } } while (0)
    for (const WCHAR *p = fmt; *p; ) {
        WCHAR c = *p;
        int run = 1;
        while (p[run] == c) run++;
        if (c == '\'') {
            p++;
            while (*p && *p != '\'') PUT(*p++);
            if (*p) p++;
            continue;
        }
        if (date && c == 'd') {
            if (run == 1) NUM(st->wDay, 1); else if (run == 2) NUM(st->wDay, 2);
            else if (run == 3) { WCHAR ab[4] = {DayNames[st->wDayOfWeek][0], DayNames[st->wDayOfWeek][1], DayNames[st->wDayOfWeek][2], 0}; PUTS(ab); }
            else PUTS(DayNames[st->wDayOfWeek]);
        } else if (date && c == 'M') {
            if (run == 1) NUM(st->wMonth, 1); else if (run == 2) NUM(st->wMonth, 2);
            else if (run == 3) { WCHAR ab[4] = {MonthNames[st->wMonth - 1][0], MonthNames[st->wMonth - 1][1], MonthNames[st->wMonth - 1][2], 0}; PUTS(ab); }
            else PUTS(MonthNames[st->wMonth - 1]);
        } else if (date && c == 'y') {
            if (run <= 2) NUM(st->wYear % 100, run); else NUM(st->wYear, 4);
        } else if (!date && (c == 'h' || c == 'H')) {
            int h = c == 'H' ? st->wHour : (st->wHour % 12 ? st->wHour % 12 : 12);
            NUM(h, run >= 2 ? 2 : 1);
        } else if (!date && c == 'm') {
            NUM(st->wMinute, run >= 2 ? 2 : 1);
        } else if (!date && c == 's') {
            NUM(st->wSecond, run >= 2 ? 2 : 1);
        } else if (!date && c == 't') {
            const WCHAR *mark = st->wHour < 12 ? L"AM" : L"PM";
            if (run == 1) PUT(mark[0]); else PUTS(mark);
        } else {
            for (int i = 0; i < run; i++) PUT(c);
        }
        p += run;
    }
    PUT(0);
#undef PUT
#undef PUTS
#undef NUM
    return n;
}

static BOOL NowOr(const SYSTEMTIME *in, SYSTEMTIME *st, BOOL date)
{
    if (in == NULL) { GetLocalTime(st); return TRUE; }
    *st = *in;
    FILETIME ft;
    SYSTEMTIME check = *in;
    if (!date) { check.wYear = 2000; check.wMonth = 1; check.wDay = 1; }
    if (!SystemTimeToFileTime(&check, &ft)) return FALSE;
    if (date) { FileTimeToSystemTime(&ft, &check); st->wDayOfWeek = check.wDayOfWeek; }
    return TRUE;
}

KBAPI int WINAPI GetDateFormatEx(LPCWSTR locale, DWORD flags, const SYSTEMTIME *when, LPCWSTR fmt, LPWSTR out,
                                 int size, LPCWSTR calendar)
{
    (void)calendar;
    SYSTEMTIME st;
    if (!IsEnUsName(locale) || size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (fmt && (flags & (DATE_SHORTDATE | DATE_LONGDATE | DATE_YEARMONTH))) { SetLastError(ERROR_INVALID_FLAGS); return 0; }
    if (!NowOr(when, &st, TRUE)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (fmt == NULL)
        fmt = (flags & DATE_LONGDATE) ? L"dddd, MMMM d, yyyy" : (flags & DATE_YEARMONTH) ? L"MMMM yyyy" : L"M/d/yyyy";
    return Format(&st, fmt, out, size, TRUE);
}

KBAPI int WINAPI GetDateFormatW(LCID lcid, DWORD flags, const SYSTEMTIME *when, LPCWSTR fmt, LPWSTR out, int size)
{
    if (!IsEnUs(lcid)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    return GetDateFormatEx(NULL, flags, when, fmt, out, size, NULL);
}

KBAPI int WINAPI GetTimeFormatEx(LPCWSTR locale, DWORD flags, const SYSTEMTIME *when, LPCWSTR fmt, LPWSTR out, int size)
{
    SYSTEMTIME st;
    if (!IsEnUsName(locale) || size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (!NowOr(when, &st, FALSE)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (fmt == NULL)
        fmt = (flags & TIME_NOSECONDS) ? L"h:mm tt" : L"h:mm:ss tt";
    return Format(&st, fmt, out, size, FALSE);
}

KBAPI int WINAPI GetTimeFormatW(LCID lcid, DWORD flags, const SYSTEMTIME *when, LPCWSTR fmt, LPWSTR out, int size)
{
    if (!IsEnUs(lcid)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    return GetTimeFormatEx(NULL, flags, when, fmt, out, size);
}

static int Narrow(int n, const WCHAR *w, LPSTR out, int size)
{
    if (n == 0) return 0;
    if (size == 0) return WideCharToMultiByte(CP_ACP, 0, w, n, NULL, 0, NULL, NULL);
    int r = WideCharToMultiByte(CP_ACP, 0, w, n, out, size, NULL, NULL);
    return r;
}

KBAPI int WINAPI GetDateFormatA(LCID lcid, DWORD flags, const SYSTEMTIME *when, LPCSTR fmt, LPSTR out, int size)
{
    WCHAR wfmt[128], w[256];
    if (fmt) MultiByteToWideChar(CP_ACP, 0, fmt, -1, wfmt, 128);
    return Narrow(GetDateFormatW(lcid, flags, when, fmt ? wfmt : NULL, w, 256), w, out, size);
}

KBAPI int WINAPI GetTimeFormatA(LCID lcid, DWORD flags, const SYSTEMTIME *when, LPCSTR fmt, LPSTR out, int size)
{
    WCHAR wfmt[128], w[256];
    if (fmt) MultiByteToWideChar(CP_ACP, 0, fmt, -1, wfmt, 128);
    return Narrow(GetTimeFormatW(lcid, flags, when, fmt ? wfmt : NULL, w, 256), w, out, size);
}
