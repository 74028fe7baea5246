/* Rtl time conversions: 100-ns intervals since 1601-01-01 UTC to and from TIME_FIELDS, seconds
 * since 1970 and 1980, elapsed-time fields, and system <-> local time with the time-zone bias the
 * kernel publishes in KUSER_SHARED_DATA.TimeZoneBias. */
#include "rtl.h"

typedef short CSHORT;
typedef struct _TIME_FIELDS {
    CSHORT Year, Month, Day, Hour, Minute, Second, Milliseconds, Weekday;   /* Weekday 0 = Sunday */
} TIME_FIELDS;

#define TICKS_PER_MS     10000LL
#define TICKS_PER_SECOND 10000000LL
#define TICKS_PER_DAY    (86400LL * TICKS_PER_SECOND)
#define SECONDS_1601_TO_1970 11644473600LL
#define SECONDS_1601_TO_1980 11960006400LL
#define KUSER_TIME_ZONE_BIAS 0x7FFE0020         /* KSYSTEM_TIME: LowPart, High1Time, High2Time */

static int IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static const CSHORT MonthDays[2][12] = {{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
                                        {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};

/* Split a day count since 1601-01-01 (a Monday) into year, month and day. */
static void DaysToDate(LONG64 days, TIME_FIELDS *f)
{
    f->Weekday = (CSHORT)((days + 1) % 7);
    int year = 1601;
    LONG64 cycles = days / 146097;              /* 400-year cycles */
    days -= cycles * 146097;
    year += (int)cycles * 400;
    for (;;) {
        int n = IsLeap(year) ? 366 : 365;
        if (days < n) break;
        days -= n;
        year++;
    }
    int month = 0;
    while (days >= MonthDays[IsLeap(year)][month])
        days -= MonthDays[IsLeap(year)][month++];
    f->Year = (CSHORT)year;
    f->Month = (CSHORT)(month + 1);
    f->Day = (CSHORT)(days + 1);
}

NTSYSAPI void NTAPI RtlTimeToTimeFields(const LONG64 *time, TIME_FIELDS *fields)
{
    LONG64 t = *time;
    LONG64 days = t / TICKS_PER_DAY, rest = t % TICKS_PER_DAY;
    DaysToDate(days, fields);
    fields->Hour = (CSHORT)(rest / (3600 * TICKS_PER_SECOND));
    rest %= 3600 * TICKS_PER_SECOND;
    fields->Minute = (CSHORT)(rest / (60 * TICKS_PER_SECOND));
    rest %= 60 * TICKS_PER_SECOND;
    fields->Second = (CSHORT)(rest / TICKS_PER_SECOND);
    fields->Milliseconds = (CSHORT)((rest % TICKS_PER_SECOND) / TICKS_PER_MS);
}

/* The inverse, FALSE for a field out of range (Weekday is ignored). */
NTSYSAPI BOOLEAN NTAPI RtlTimeFieldsToTime(const TIME_FIELDS *f, LONG64 *time)
{
    if (f->Year < 1601 || f->Month < 1 || f->Month > 12 || f->Day < 1 || f->Hour < 0 || f->Hour > 23 ||
        f->Minute < 0 || f->Minute > 59 || f->Second < 0 || f->Second > 59 || f->Milliseconds < 0 ||
        f->Milliseconds > 999)
        return 0;
    int leap = IsLeap(f->Year);
    if (f->Day > MonthDays[leap][f->Month - 1])
        return 0;
    LONG64 y = f->Year - 1601;
    LONG64 days = y * 365 + y / 4 - y / 100 + y / 400;
    for (int m = 0; m < f->Month - 1; m++)
        days += MonthDays[leap][m];
    days += f->Day - 1;
    *time = days * TICKS_PER_DAY + ((LONG64)f->Hour * 3600 + f->Minute * 60 + f->Second) * TICKS_PER_SECOND +
            (LONG64)f->Milliseconds * TICKS_PER_MS;
    return 1;
}

/* Whole days in Day, the time of day in the rest; Year, Month and Weekday are zero. */
NTSYSAPI void NTAPI RtlTimeToElapsedTimeFields(const LONG64 *time, TIME_FIELDS *fields)
{
    LONG64 t = *time;
    fields->Year = fields->Month = fields->Weekday = 0;
    fields->Day = (CSHORT)(t / TICKS_PER_DAY);
    t %= TICKS_PER_DAY;
    fields->Hour = (CSHORT)(t / (3600 * TICKS_PER_SECOND));
    t %= 3600 * TICKS_PER_SECOND;
    fields->Minute = (CSHORT)(t / (60 * TICKS_PER_SECOND));
    t %= 60 * TICKS_PER_SECOND;
    fields->Second = (CSHORT)(t / TICKS_PER_SECOND);
    fields->Milliseconds = (CSHORT)((t % TICKS_PER_SECOND) / TICKS_PER_MS);
}

/* Seconds since an epoch, FALSE when the time lies before it or past 32 bits of seconds. */
static BOOLEAN TimeToSeconds(const LONG64 *time, LONG64 epoch, ULONG *seconds)
{
    LONG64 s = *time / TICKS_PER_SECOND - epoch;
    if (s < 0 || s > 0xFFFFFFFFLL)
        return 0;
    *seconds = (ULONG)s;
    return 1;
}

NTSYSAPI BOOLEAN NTAPI RtlTimeToSecondsSince1970(const LONG64 *time, ULONG *seconds)
{
    return TimeToSeconds(time, SECONDS_1601_TO_1970, seconds);
}

NTSYSAPI BOOLEAN NTAPI RtlTimeToSecondsSince1980(const LONG64 *time, ULONG *seconds)
{
    return TimeToSeconds(time, SECONDS_1601_TO_1980, seconds);
}

NTSYSAPI void NTAPI RtlSecondsSince1970ToTime(ULONG seconds, LONG64 *time)
{
    *time = ((LONG64)seconds + SECONDS_1601_TO_1970) * TICKS_PER_SECOND;
}

NTSYSAPI void NTAPI RtlSecondsSince1980ToTime(ULONG seconds, LONG64 *time)
{
    *time = ((LONG64)seconds + SECONDS_1601_TO_1980) * TICKS_PER_SECOND;
}

/* KUSER_SHARED_DATA.TimeZoneBias, read as a KSYSTEM_TIME (High1Time == High2Time when stable). */
static LONG64 TimeZoneBias(void)
{
    volatile ULONG *k = (volatile ULONG *)(ULONG_PTR)KUSER_TIME_ZONE_BIAS;
    for (;;) {
        LONG high1 = (LONG)k[1];
        ULONG low = k[0];
        if ((LONG)k[2] == high1)
            return ((LONG64)high1 << 32) | low;
    }
}

/* Local time = system time - bias (the bias is UTC - local, in 100-ns units). */
NTSYSAPI NTSTATUS NTAPI RtlSystemTimeToLocalTime(const LONG64 *system, LONG64 *local)
{
    *local = *system - TimeZoneBias();
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlLocalTimeToSystemTime(const LONG64 *local, LONG64 *system)
{
    *system = *local + TimeZoneBias();
    return STATUS_SUCCESS;
}
