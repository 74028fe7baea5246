/* Family 9 (locales): the Gregorian calendar (CAL_GREGORIAN, the one calendar en-US has):
 * GetCalendarInfo(A/W/Ex), EnumCalendarInfo(A/W/ExA/ExW/ExEx), and the date and time formats a
 * user of en-US can pick on Windows 10, EnumDateFormats(A/W/ExA/ExW/ExEx) and
 * EnumTimeFormats(A/W/Ex). Names and default formats come from GetLocaleInfoEx. */
#include "kernelbase.h"

static const WCHAR *const ShortDates[] = {L"M/d/yyyy", L"M/d/yy", L"MM/dd/yy", L"MM/dd/yyyy", L"yy/MM/dd",
                                          L"yyyy-MM-dd", L"dd-MMM-yy", NULL};
static const WCHAR *const LongDates[] = {L"dddd, MMMM d, yyyy", L"MMMM d, yyyy", L"dddd, d MMMM, yyyy",
                                         L"d MMMM, yyyy", NULL};
static const WCHAR *const YearMonths[] = {L"MMMM yyyy", NULL};
static const WCHAR *const MonthDays[] = {L"MMMM d", NULL};
static const WCHAR *const Times[] = {L"h:mm:ss tt", L"hh:mm:ss tt", L"H:mm:ss", L"HH:mm:ss", NULL};
static const WCHAR *const ShortTimes[] = {L"h:mm tt", L"hh:mm tt", L"H:mm", L"HH:mm", NULL};

static BOOL KnownLocale(LPCWSTR name)
{
    if (name == NULL || name[0] == 0 || IsValidLocaleName(name)) return TRUE;
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

static BOOL KnownLcid(LCID lcid)
{
    WCHAR name[LOCALE_NAME_MAX_LENGTH];
    return LCIDToLocaleName(lcid, name, LOCALE_NAME_MAX_LENGTH, 0) != 0;
}

/* Step 1: the value of one CALTYPE as a string; numbers are decimal strings here. */
static const WCHAR *CalendarValue(CALTYPE type, WCHAR *scratch, int size)
{
    LCTYPE locale = 0;
    switch (type) {
    case CAL_ICALINTVALUE: return L"1";
    case CAL_SCALNAME: return L"Gregorian Calendar";
    case CAL_IYEAROFFSETRANGE: return L"0";
    case CAL_SERASTRING: return L"A.D.";
    case CAL_SABBREVERASTRING: return L"AD";
    case CAL_ITWODIGITYEARMAX: return L"2049";
    case CAL_SMONTHDAY: return L"MMMM d";
    case CAL_SSHORTDATE: locale = LOCALE_SSHORTDATE; break;
    case CAL_SLONGDATE: locale = LOCALE_SLONGDATE; break;
    case CAL_SYEARMONTH: locale = LOCALE_SYEARMONTH; break;
    case CAL_SMONTHNAME13: case CAL_SABBREVMONTHNAME13: return L"";
    default:
        if (type >= CAL_SDAYNAME1 && type <= CAL_SDAYNAME7) locale = LOCALE_SDAYNAME1 + (type - CAL_SDAYNAME1);
        else if (type >= CAL_SABBREVDAYNAME1 && type <= CAL_SABBREVDAYNAME7)
            locale = LOCALE_SABBREVDAYNAME1 + (type - CAL_SABBREVDAYNAME1);
        else if (type >= CAL_SMONTHNAME1 && type <= CAL_SMONTHNAME12) locale = LOCALE_SMONTHNAME1 + (type - CAL_SMONTHNAME1);
        else if (type >= CAL_SABBREVMONTHNAME1 && type <= CAL_SABBREVMONTHNAME12)
            locale = LOCALE_SABBREVMONTHNAME1 + (type - CAL_SABBREVMONTHNAME1);
        else if (type >= CAL_SSHORTESTDAYNAME1 && type <= CAL_SSHORTESTDAYNAME7)
            locale = LOCALE_SSHORTESTDAYNAME1 + (type - CAL_SSHORTESTDAYNAME1);
        else return NULL;
    }
    return GetLocaleInfoEx(NULL, locale, scratch, size) ? scratch : NULL;
}

static BOOL IsNumberType(CALTYPE type)
{
    return type == CAL_ICALINTVALUE || type == CAL_IYEAROFFSETRANGE || type == CAL_ITWODIGITYEARMAX;
}

/* Step 2: the GetCalendarInfo rules: the calendar, the flags, CAL_RETURN_NUMBER through value,
 * a string by the GetLocaleInfo rules (size 0 asks for the length). */
static int CalendarInfo(CALID calendar, CALTYPE type, LPWSTR out, int size, LPDWORD value, int numberSize)
{
    WCHAR scratch[80];
    BOOL number = (type & CAL_RETURN_NUMBER) != 0;
    type &= ~(CALTYPE)(CAL_NOUSEROVERRIDE | CAL_USE_CP_ACP | CAL_RETURN_NUMBER | CAL_RETURN_GENITIVE_NAMES);
    if (calendar != CAL_GREGORIAN) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    const WCHAR *s = CalendarValue(type, scratch, 80);
    if (s == NULL) { SetLastError(ERROR_INVALID_FLAGS); return 0; }
    if (number) {
        if (!IsNumberType(type)) { SetLastError(ERROR_INVALID_FLAGS); return 0; }
        if (value == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
        DWORD v = 0;
        for (; *s; s++) v = v * 10 + (DWORD)(*s - '0');
        *value = v;
        return numberSize;
    }
    if (size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    int n = (int)wcslen(s) + 1;
    if (size == 0) return n;
    if (size < n) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    memcpy(out, s, (SIZE_T)n * 2);
    return n;
}

KBAPI int WINAPI GetCalendarInfoEx(LPCWSTR locale, CALID calendar, LPCWSTR reserved, CALTYPE type, LPWSTR out,
                                   int size, LPDWORD value)
{
    (void)reserved;
    if (!KnownLocale(locale)) return 0;
    return CalendarInfo(calendar, type, out, size, value, 2);
}

KBAPI int WINAPI GetCalendarInfoW(LCID lcid, CALID calendar, CALTYPE type, LPWSTR out, int size, LPDWORD value)
{
    if (!KnownLcid(lcid)) return 0;
    return CalendarInfo(calendar, type, out, size, value, 2);
}

KBAPI int WINAPI GetCalendarInfoA(LCID lcid, CALID calendar, CALTYPE type, LPSTR out, int size, LPDWORD value)
{
    WCHAR w[80];
    if (!KnownLcid(lcid)) return 0;
    if (type & CAL_RETURN_NUMBER) return CalendarInfo(calendar, type, NULL, 0, value, 4);
    if (size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    int n = CalendarInfo(calendar, type, w, 80, NULL, 0);
    if (n == 0) return 0;
    int bytes = WideCharToMultiByte(CP_ACP, 0, w, n, NULL, 0, NULL, NULL);
    if (size == 0) return bytes;
    if (size < bytes) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    return WideCharToMultiByte(CP_ACP, 0, w, n, out, size, NULL, NULL);
}

/* One callback shape for every Enum* form: which kind of procedure, and its parameter. */
typedef enum { PROC_W, PROC_A, PROC_EXW, PROC_EXA, PROC_EXEX } PROC_KIND;

static BOOL Call(PROC_KIND kind, void *proc, const WCHAR *s, CALID calendar, LPARAM param)
{
    char a[128];
    if (kind == PROC_A || kind == PROC_EXA) WideCharToMultiByte(CP_ACP, 0, s, -1, a, sizeof a, NULL, NULL);
    switch (kind) {
    case PROC_W: return ((BOOL(CALLBACK *)(LPWSTR))proc)((LPWSTR)s);
    case PROC_A: return ((BOOL(CALLBACK *)(LPSTR))proc)(a);
    case PROC_EXW: return ((BOOL(CALLBACK *)(LPWSTR, CALID))proc)((LPWSTR)s, calendar);
    case PROC_EXA: return ((BOOL(CALLBACK *)(LPSTR, CALID))proc)(a, calendar);
    default: return ((BOOL(CALLBACK *)(LPWSTR, CALID, LPWSTR, LPARAM))proc)((LPWSTR)s, calendar, NULL, param);
    }
}

/* EnumCalendarInfo: the value for each calendar asked for (ENUM_ALL_CALENDARS: each the
 * locale has); the date formats list every format the calendar offers. */
static BOOL EnumCalendar(PROC_KIND kind, void *proc, CALID calendar, CALTYPE type, LPARAM param)
{
    WCHAR scratch[80];
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (calendar != ENUM_ALL_CALENDARS && calendar != CAL_GREGORIAN) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    CALTYPE plain = type & ~(CALTYPE)(CAL_NOUSEROVERRIDE | CAL_USE_CP_ACP | CAL_RETURN_NUMBER | CAL_RETURN_GENITIVE_NAMES);
    const WCHAR *const *list = plain == CAL_SSHORTDATE ? ShortDates : plain == CAL_SLONGDATE ? LongDates
                             : plain == CAL_SYEARMONTH ? YearMonths : NULL;
    if (list) {
        for (; *list; list++) if (!Call(kind, proc, *list, CAL_GREGORIAN, param)) break;
        return TRUE;
    }
    const WCHAR *s = CalendarValue(plain, scratch, 80);
    if (s == NULL) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    Call(kind, proc, s, CAL_GREGORIAN, param);
    return TRUE;
}

KBAPI BOOL WINAPI EnumCalendarInfoW(CALINFO_ENUMPROCW proc, LCID lcid, CALID calendar, CALTYPE type)
{
    return KnownLcid(lcid) && EnumCalendar(PROC_W, (void *)proc, calendar, type, 0);
}

KBAPI BOOL WINAPI EnumCalendarInfoA(CALINFO_ENUMPROCA proc, LCID lcid, CALID calendar, CALTYPE type)
{
    return KnownLcid(lcid) && EnumCalendar(PROC_A, (void *)proc, calendar, type, 0);
}

KBAPI BOOL WINAPI EnumCalendarInfoExW(CALINFO_ENUMPROCEXW proc, LCID lcid, CALID calendar, CALTYPE type)
{
    return KnownLcid(lcid) && EnumCalendar(PROC_EXW, (void *)proc, calendar, type, 0);
}

KBAPI BOOL WINAPI EnumCalendarInfoExA(CALINFO_ENUMPROCEXA proc, LCID lcid, CALID calendar, CALTYPE type)
{
    return KnownLcid(lcid) && EnumCalendar(PROC_EXA, (void *)proc, calendar, type, 0);
}

KBAPI BOOL WINAPI EnumCalendarInfoExEx(CALINFO_ENUMPROCEXEX proc, LPCWSTR locale, CALID calendar, LPCWSTR reserved,
                                       CALTYPE type, LPARAM param)
{
    (void)reserved;
    return KnownLocale(locale) && EnumCalendar(PROC_EXEX, (void *)proc, calendar, type, param);
}

/* EnumDateFormats: DATE_SHORTDATE (also no flag), DATE_LONGDATE, DATE_YEARMONTH, DATE_MONTHDAY. */
static BOOL EnumDates(PROC_KIND kind, void *proc, DWORD flags, LPARAM param)
{
    const WCHAR *const *list;
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    switch (flags & ~(DWORD)(LOCALE_USE_CP_ACP | LOCALE_NOUSEROVERRIDE)) {
    case 0: case DATE_SHORTDATE: list = ShortDates; break;
    case DATE_LONGDATE: list = LongDates; break;
    case DATE_YEARMONTH: list = YearMonths; break;
    case DATE_MONTHDAY: list = MonthDays; break;
    default: SetLastError(ERROR_INVALID_FLAGS); return FALSE;
    }
    for (; *list; list++) {
        BOOL go = kind == PROC_EXEX ? ((BOOL(CALLBACK *)(LPWSTR, CALID, LPARAM))proc)((LPWSTR)*list, CAL_GREGORIAN, param)
                                    : Call(kind, proc, *list, CAL_GREGORIAN, param);
        if (!go) break;
    }
    return TRUE;
}

KBAPI BOOL WINAPI EnumDateFormatsW(DATEFMT_ENUMPROCW proc, LCID lcid, DWORD flags)
{
    return KnownLcid(lcid) && EnumDates(PROC_W, (void *)proc, flags, 0);
}

KBAPI BOOL WINAPI EnumDateFormatsA(DATEFMT_ENUMPROCA proc, LCID lcid, DWORD flags)
{
    return KnownLcid(lcid) && EnumDates(PROC_A, (void *)proc, flags, 0);
}

KBAPI BOOL WINAPI EnumDateFormatsExW(DATEFMT_ENUMPROCEXW proc, LCID lcid, DWORD flags)
{
    return KnownLcid(lcid) && EnumDates(PROC_EXW, (void *)proc, flags, 0);
}

KBAPI BOOL WINAPI EnumDateFormatsExA(DATEFMT_ENUMPROCEXA proc, LCID lcid, DWORD flags)
{
    return KnownLcid(lcid) && EnumDates(PROC_EXA, (void *)proc, flags, 0);
}

KBAPI BOOL WINAPI EnumDateFormatsExEx(DATEFMT_ENUMPROCEXEX proc, LPCWSTR locale, DWORD flags, LPARAM param)
{
    return KnownLocale(locale) && EnumDates(PROC_EXEX, (void *)proc, flags, param);
}

/* EnumTimeFormats: the formats with seconds (no flag) or without (TIME_NOSECONDS). */
static BOOL EnumTimes(PROC_KIND kind, void *proc, DWORD flags, LPARAM param)
{
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    DWORD plain = flags & ~(DWORD)(LOCALE_USE_CP_ACP | LOCALE_NOUSEROVERRIDE);
    if (plain != 0 && plain != TIME_NOSECONDS) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    for (const WCHAR *const *list = plain ? ShortTimes : Times; *list; list++) {
        BOOL go = kind == PROC_EXEX ? ((BOOL(CALLBACK *)(LPWSTR, LPARAM))proc)((LPWSTR)*list, param)
                                    : Call(kind, proc, *list, CAL_GREGORIAN, param);
        if (!go) break;
    }
    return TRUE;
}

KBAPI BOOL WINAPI EnumTimeFormatsW(TIMEFMT_ENUMPROCW proc, LCID lcid, DWORD flags)
{
    return KnownLcid(lcid) && EnumTimes(PROC_W, (void *)proc, flags, 0);
}

KBAPI BOOL WINAPI EnumTimeFormatsA(TIMEFMT_ENUMPROCA proc, LCID lcid, DWORD flags)
{
    return KnownLcid(lcid) && EnumTimes(PROC_A, (void *)proc, flags, 0);
}

KBAPI BOOL WINAPI EnumTimeFormatsEx(TIMEFMT_ENUMPROCEX proc, LPCWSTR locale, DWORD flags, LPARAM param)
{
    return KnownLocale(locale) && EnumTimes(PROC_EXEX, (void *)proc, flags, param);
}
