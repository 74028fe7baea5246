/* Time zone rules: UTC <-> local conversions across daylight-saving transitions (Pacific time,
 * a southern-hemisphere zone), a zone's rules for a year from the registry (Pacific's 2006 rule
 * before the 2007 change), the local file-time forms, and setting the clock without the privilege. */
#include "../k32.h"

/* Windows 10's SDK declares these; this mingw-w64's headers do not. */
BOOL WINAPI LocalFileTimeToLocalSystemTime(const TIME_ZONE_INFORMATION *, const FILETIME *, SYSTEMTIME *);
BOOL WINAPI LocalSystemTimeToLocalFileTime(const TIME_ZONE_INFORMATION *, const SYSTEMTIME *, FILETIME *);

static SYSTEMTIME At(WORD y, WORD mo, WORD d, WORD h, WORD mi)
{
    SYSTEMTIME st = { y, mo, 0, d, h, mi, 0, 0 };
    return st;
}

static void PrintTime(const char *label, const SYSTEMTIME *st)
{
    Print(label);
    PrintNum(st->wYear, 0); Print("-"); PrintNum(st->wMonth, 0); Print("-"); PrintNum(st->wDay, 0); Print(" ");
    PrintNum(st->wHour, 0); Print(":"); if (st->wMinute < 10) Print("0"); PrintNum(st->wMinute, 0);
    Print(" dow "); PrintNum(st->wDayOfWeek, 0); Print("\n");
}

static int Is(const SYSTEMTIME *st, WORD d, WORD h, WORD mi) { return st->wDay == d && st->wHour == h && st->wMinute == mi; }

void Entry(void)
{
    DYNAMIC_TIME_ZONE_INFORMATION pacific_d = { 0 };
    lstrcpyW(pacific_d.TimeZoneKeyName, L"Pacific Standard Time");
    TIME_ZONE_INFORMATION pacific, tz2006;
    Check(GetTimeZoneInformationForYear(2024, &pacific_d, &pacific), "GetTimeZoneInformationForYear(2024, Pacific)");
    Check(pacific.Bias == 480 && pacific.DaylightBias == -60 && pacific.DaylightDate.wMonth == 3 &&
          pacific.DaylightDate.wDay == 2 && pacific.StandardDate.wMonth == 11 && pacific.StandardDate.wDay == 1,
          "bias 480, daylight from March's 2nd Sunday to November's 1st");
    Check(lstrcmpW(pacific.StandardName, L"Pacific Standard Time") == 0 &&
          lstrcmpW(pacific.DaylightName, L"Pacific Daylight Time") == 0, "the zone's names");
    Check(GetTimeZoneInformationForYear(2006, &pacific_d, &tz2006) && tz2006.DaylightDate.wMonth == 4 &&
          tz2006.StandardDate.wMonth == 10 && tz2006.StandardDate.wDay == 5, "2006: April's 1st Sunday to October's last");
    DYNAMIC_TIME_ZONE_INFORMATION bogus = { 0 };
    lstrcpyW(bogus.TimeZoneKeyName, L"Nowhere Standard Time");
    CheckError(!GetTimeZoneInformationForYear(2024, &bogus, &tz2006), ERROR_FILE_NOT_FOUND, "an unknown zone -> ERROR_FILE_NOT_FOUND");
    TIME_ZONE_INFORMATION cur;
    Check(GetTimeZoneInformationForYear(2024, NULL, &cur) && cur.Bias == 0 &&
          lstrcmpW(cur.StandardName, L"Coordinated Universal Time") == 0, "NULL: the current zone (UTC)");

    /* UTC -> Pacific, around both 2024 transitions (10:00 UTC on March 10, 09:00 UTC on November 3). */
    SYSTEMTIME in, out;
    in = At(2024, 1, 15, 12, 0);
    Check(SystemTimeToTzSpecificLocalTime(&pacific, &in, &out) && Is(&out, 15, 4, 0), "January noon UTC: 04:00 PST");
    in = At(2024, 7, 1, 12, 0);
    Check(SystemTimeToTzSpecificLocalTime(&pacific, &in, &out) && Is(&out, 1, 5, 0), "July noon UTC: 05:00 PDT");
    PrintTime("July local: ", &out);
    in = At(2024, 3, 10, 9, 59);
    Check(SystemTimeToTzSpecificLocalTime(&pacific, &in, &out) && Is(&out, 10, 1, 59), "March 10 09:59 UTC: 01:59 PST");
    in = At(2024, 3, 10, 10, 0);
    Check(SystemTimeToTzSpecificLocalTime(&pacific, &in, &out) && Is(&out, 10, 3, 0), "March 10 10:00 UTC: 03:00 PDT");
    in = At(2024, 11, 3, 8, 59);
    Check(SystemTimeToTzSpecificLocalTime(&pacific, &in, &out) && Is(&out, 3, 1, 59), "November 3 08:59 UTC: 01:59 PDT");
    in = At(2024, 11, 3, 9, 0);
    Check(SystemTimeToTzSpecificLocalTime(&pacific, &in, &out) && Is(&out, 3, 1, 0), "November 3 09:00 UTC: 01:00 PST");

    /* Pacific -> UTC. */
    in = At(2024, 7, 1, 5, 0);
    Check(TzSpecificLocalTimeToSystemTime(&pacific, &in, &out) && Is(&out, 1, 12, 0), "05:00 PDT: noon UTC");
    in = At(2024, 12, 24, 18, 30);
    Check(TzSpecificLocalTimeToSystemTime(&pacific, &in, &out) && Is(&out, 25, 2, 30), "Dec 24 18:30 PST: Dec 25 02:30 UTC");
    PrintTime("Christmas UTC: ", &out);

    /* The Ex forms follow the year's rules: March 20, 2006 was still standard time. */
    in = At(2006, 3, 20, 12, 0);
    Check(SystemTimeToTzSpecificLocalTimeEx(&pacific_d, &in, &out) && Is(&out, 20, 4, 0), "Ex, 2006-03-20 noon UTC: 04:00 PST");
    Check(SystemTimeToTzSpecificLocalTime(&pacific, &in, &out) && Is(&out, 20, 5, 0), "the 2007 rule would say 05:00");
    in = At(2006, 3, 20, 4, 0);
    Check(TzSpecificLocalTimeToSystemTimeEx(&pacific_d, &in, &out) && Is(&out, 20, 12, 0), "and back: noon UTC");

    /* A southern zone (daylight from October's 1st Sunday to April's 1st): January is summer. */
    TIME_ZONE_INFORMATION south = { 0 };
    south.Bias = -600;
    south.DaylightBias = -60;
    south.StandardDate = At(0, 4, 1, 3, 0);
    south.DaylightDate = At(0, 10, 1, 2, 0);
    in = At(2024, 1, 15, 0, 0);
    Check(SystemTimeToTzSpecificLocalTime(&south, &in, &out) && Is(&out, 15, 11, 0), "southern January: UTC+11");
    in = At(2024, 7, 15, 0, 0);
    Check(SystemTimeToTzSpecificLocalTime(&south, &in, &out) && Is(&out, 15, 10, 0), "southern July: UTC+10");
    Check(SystemTimeToTzSpecificLocalTime(NULL, &in, &out) && Is(&out, 15, 0, 0), "NULL: the current zone (UTC)");

    /* Local file times. */
    FILETIME ft;
    in = At(2024, 2, 29, 23, 45);
    Check(LocalSystemTimeToLocalFileTime(&pacific, &in, &ft) && LocalFileTimeToLocalSystemTime(&pacific, &ft, &out) &&
          Is(&out, 29, 23, 45) && out.wDayOfWeek == 4, "LocalSystemTimeToLocalFileTime and back (a Thursday)");

    /* The clock: the user lacks SeSystemtimePrivilege. */
    in = At(2024, 5, 1, 0, 0);
    CheckError(!SetSystemTime(&in), ERROR_PRIVILEGE_NOT_HELD, "SetSystemTime -> ERROR_PRIVILEGE_NOT_HELD");
    CheckError(!SetLocalTime(&in), ERROR_PRIVILEGE_NOT_HELD, "SetLocalTime -> ERROR_PRIVILEGE_NOT_HELD");
    in = At(2024, 13, 1, 0, 0);
    CheckError(!SetSystemTime(&in), ERROR_INVALID_PARAMETER, "month 13 -> ERROR_INVALID_PARAMETER");

    Print(failures ? "FAILED\n" : "all passed\n");
    ExitProcess(failures);
}
