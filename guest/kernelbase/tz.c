/* Family 8 (time), time zone rules: conversions between UTC and a given zone's local time with
 * its daylight-saving transitions (a TIME_ZONE_INFORMATION's StandardDate/DaylightDate, in the
 * "day-th weekday of the month, 5 = last" form when wYear is 0, else an absolute date), a zone's
 * rules for one year from the registry's Time Zones key (TZI and its Dynamic DST years), the
 * local file-time forms, and setting the clock (SeSystemtimePrivilege, which NtSetSystemTime checks). */
#define _ADVAPI32_                      /* windows.h: the registry API is this DLL's own (registry*.c) */
#include "kernelbase.h"

#define TICKS_PER_MINUTE 600000000LL
#define ZONES_KEY L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Time Zones\\"

NTDLL NTSTATUS NTAPI NtSetSystemTime(LARGE_INTEGER *, LARGE_INTEGER *);

typedef struct { LONG Bias, StandardBias, DaylightBias; SYSTEMTIME StandardDate, DaylightDate; } REG_TZI;

static LONGLONG Ticks(const FILETIME *ft) { return ((LONGLONG)ft->dwHighDateTime << 32) | ft->dwLowDateTime; }
static FILETIME FromTicks(LONGLONG t) { FILETIME ft = { (DWORD)t, (DWORD)(t >> 32) }; return ft; }

static int DaysInMonth(WORD year, WORD month)
{
    static const BYTE days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    BOOL leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return days[month - 1] + (month == 2 && leap);
}

/* When a transition rule falls in `year`, in the local time it is written in; FALSE for a bad rule. */
static BOOL Transition(const SYSTEMTIME *rule, WORD year, LONGLONG *at)
{
    if (rule->wMonth < 1 || rule->wMonth > 12) return FALSE;
    SYSTEMTIME st = *rule;
    st.wYear = year;
    if (rule->wYear == 0) {                     /* the wDay-th wDayOfWeek of the month (5: the last) */
        SYSTEMTIME first = { year, rule->wMonth, 0, 1, 0, 0, 0, 0 };
        FILETIME ft;
        if (!SystemTimeToFileTime(&first, &ft) || !FileTimeToSystemTime(&ft, &first)) return FALSE;
        int day = 1 + (rule->wDayOfWeek + 7 - first.wDayOfWeek) % 7 + (rule->wDay - 1) * 7;
        while (day > DaysInMonth(year, rule->wMonth)) day -= 7;
        st.wDay = (WORD)day;
    }
    st.wDayOfWeek = 0;
    if (st.wHour == 23 && st.wMinute == 59 && st.wSecond == 59) st.wMilliseconds = 999;
    FILETIME ft;
    if (!SystemTimeToFileTime(&st, &ft)) return FALSE;
    *at = Ticks(&ft);
    return TRUE;
}

/* Whether `t` (UTC, or local when !utc) is in daylight time under tz's rules for `year`. */
static BOOL IsDaylight(const TIME_ZONE_INFORMATION *tz, LONGLONG t, BOOL utc, WORD year)
{
    LONGLONG dlt, std;
    if (!tz->StandardDate.wMonth || !tz->DaylightDate.wMonth) return FALSE;
    if (!Transition(&tz->DaylightDate, year, &dlt) || !Transition(&tz->StandardDate, year, &std)) return FALSE;
    if (utc) {                                  /* daylight starts in standard time, ends in daylight time */
        dlt += (tz->Bias + tz->StandardBias) * TICKS_PER_MINUTE;
        std += (tz->Bias + tz->DaylightBias) * TICKS_PER_MINUTE;
    }
    if (dlt < std) return dlt <= t && t < std;  /* northern hemisphere */
    return !(std <= t && t < dlt);              /* southern: daylight across the new year */
}

static WORD YearOf(LONGLONG t)
{
    FILETIME ft = FromTicks(t);
    SYSTEMTIME st;
    return FileTimeToSystemTime(&ft, &st) ? st.wYear : 1601;
}

/* UTC -> local (to_local) or local -> UTC under one zone. */
static BOOL Convert(const TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *in, SYSTEMTIME *out, BOOL to_local)
{
    TIME_ZONE_INFORMATION current;
    if (tz == NULL) { GetTimeZoneInformation(&current); tz = &current; }
    FILETIME ft;
    if (!SystemTimeToFileTime(in, &ft)) return FALSE;
    LONGLONG t = Ticks(&ft);
    WORD year = to_local ? YearOf(t - tz->Bias * TICKS_PER_MINUTE) : in->wYear;
    LONG bias = tz->Bias + (IsDaylight(tz, t, to_local, year) ? tz->DaylightBias : tz->StandardBias);
    t += (to_local ? -bias : bias) * TICKS_PER_MINUTE;
    ft = FromTicks(t);
    return FileTimeToSystemTime(&ft, out);
}

KBAPI BOOL WINAPI SystemTimeToTzSpecificLocalTime(const TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *utc, LPSYSTEMTIME local)
{
    return Convert(tz, utc, local, TRUE);
}

KBAPI BOOL WINAPI TzSpecificLocalTimeToSystemTime(const TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *local, LPSYSTEMTIME utc)
{
    return Convert(tz, local, utc, FALSE);
}

static LONG ReadValue(HKEY key, PCWSTR name, void *data, DWORD size, DWORD type)
{
    DWORD got = size, kind = 0;
    LONG e = RegQueryValueExW(key, name, NULL, &kind, data, &got);
    if (e == ERROR_SUCCESS && (kind != type || (type == REG_BINARY && got != size))) e = ERROR_INVALID_DATA;
    return e;
}

KBAPI BOOL WINAPI GetTimeZoneInformationForYear(USHORT year, PDYNAMIC_TIME_ZONE_INFORMATION dynamic, LPTIME_ZONE_INFORMATION tz)
{
    DYNAMIC_TIME_ZONE_INFORMATION current;
    if (dynamic == NULL) { GetDynamicTimeZoneInformation(&current); dynamic = &current; }
    WCHAR path[sizeof(ZONES_KEY) / 2 + 128];
    lstrcpyW(path, ZONES_KEY);
    int n = lstrlenW(path), k = 0;
    for (; dynamic->TimeZoneKeyName[k] && k < 127; k++) path[n + k] = dynamic->TimeZoneKeyName[k];
    path[n + k] = 0;
    HKEY key, dst;
    LONG e = k ? RegOpenKeyExW(HKEY_LOCAL_MACHINE, path, 0, KEY_READ, &key) : ERROR_FILE_NOT_FOUND;
    if (e != ERROR_SUCCESS) { SetLastError(e); return FALSE; }
    REG_TZI tzi;
    memset(tz, 0, sizeof(*tz));
    e = ReadValue(key, L"TZI", &tzi, sizeof(tzi), REG_BINARY);
    if (e == ERROR_SUCCESS) e = ReadValue(key, L"Std", tz->StandardName, sizeof(tz->StandardName), REG_SZ);
    if (e == ERROR_SUCCESS) e = ReadValue(key, L"Dlt", tz->DaylightName, sizeof(tz->DaylightName), REG_SZ);
    /* A zone whose rules changed over the years: the year's entry, clamped to the first and last. */
    if (e == ERROR_SUCCESS && RegOpenKeyExW(key, L"Dynamic DST", 0, KEY_READ, &dst) == ERROR_SUCCESS) {
        DWORD first = 0, last = 0;
        if (ReadValue(dst, L"FirstEntry", &first, 4, REG_DWORD) == ERROR_SUCCESS &&
            ReadValue(dst, L"LastEntry", &last, 4, REG_DWORD) == ERROR_SUCCESS) {
            DWORD y = year < first ? first : year > last ? last : year;
            WCHAR name[8];
            int i = 7;
            name[i] = 0;
            do { name[--i] = (WCHAR)('0' + y % 10); y /= 10; } while (y && i > 0);
            ReadValue(dst, name + i, &tzi, sizeof(tzi), REG_BINARY);
        }
        RegCloseKey(dst);
    }
    RegCloseKey(key);
    if (e != ERROR_SUCCESS) { SetLastError(e); return FALSE; }
    tz->Bias = tzi.Bias;
    tz->StandardBias = tzi.StandardBias;
    tz->DaylightBias = tzi.DaylightBias;
    tz->StandardDate = tzi.StandardDate;
    tz->DaylightDate = tzi.DaylightDate;
    return TRUE;
}

/* The Ex forms: a dynamic zone's rules for the year converted (its own fields when dynamic DST is off). */
static BOOL ConvertEx(const DYNAMIC_TIME_ZONE_INFORMATION *dynamic, const SYSTEMTIME *in, SYSTEMTIME *out, BOOL to_local)
{
    TIME_ZONE_INFORMATION tz;
    if (dynamic == NULL) return Convert(NULL, in, out, to_local);
    if (dynamic->DynamicDaylightTimeDisabled ||
        !GetTimeZoneInformationForYear(in->wYear, (PDYNAMIC_TIME_ZONE_INFORMATION)dynamic, &tz))
        memcpy(&tz, dynamic, sizeof(tz));       /* TIME_ZONE_INFORMATION is its head */
    return Convert(&tz, in, out, to_local);
}

KBAPI BOOL WINAPI SystemTimeToTzSpecificLocalTimeEx(const DYNAMIC_TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *utc,
                                                   LPSYSTEMTIME local)
{
    return ConvertEx(tz, utc, local, TRUE);
}

KBAPI BOOL WINAPI TzSpecificLocalTimeToSystemTimeEx(const DYNAMIC_TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *local,
                                                   LPSYSTEMTIME utc)
{
    return ConvertEx(tz, local, utc, FALSE);
}

/* A local FILETIME is a local SYSTEMTIME in 100 ns units: the same conversion as for UTC. */
KBAPI BOOL WINAPI LocalFileTimeToLocalSystemTime(const TIME_ZONE_INFORMATION *tz, const FILETIME *local, SYSTEMTIME *out)
{
    (void)tz;
    return FileTimeToSystemTime(local, out);
}

KBAPI BOOL WINAPI LocalSystemTimeToLocalFileTime(const TIME_ZONE_INFORMATION *tz, const SYSTEMTIME *local, FILETIME *out)
{
    (void)tz;
    return SystemTimeToFileTime(local, out);
}

/* Setting the clock: a valid time, then NtSetSystemTime (SeSystemtimePrivilege). */
KBAPI BOOL WINAPI SetSystemTime(const SYSTEMTIME *st)
{
    FILETIME ft;
    if (st == NULL || !SystemTimeToFileTime(st, &ft)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    LARGE_INTEGER t;
    t.QuadPart = Ticks(&ft);
    NTSTATUS status = NtSetSystemTime(&t, NULL);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI SetLocalTime(const SYSTEMTIME *st)
{
    SYSTEMTIME utc;
    if (st == NULL || !TzSpecificLocalTimeToSystemTime(NULL, st, &utc)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return SetSystemTime(&utc);
}
