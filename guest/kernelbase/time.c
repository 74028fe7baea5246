/* Family 8 (time), all from the virtual clock in KUSER_SHARED_DATA (the executive starts it at
 * 2024-01-01 00:00:00 UTC and moves it with instructions retired): system time, tick counts,
 * the performance counter (10 MHz), the time zone (UTC) and the FILETIME / SYSTEMTIME / DOS
 * date conversions. */
#include "kernelbase.h"

#define KUSER(type, offset) (*(volatile type *)(ULONG_PTR)(0x7FFE0000 + (offset)))
#define KUSER_SYSTEM_TIME 0x14
#define KUSER_TICK_COUNT 0x320
#define KUSER_TICK_COUNT_MULTIPLIER 0x4
#define TICKS_PER_DAY 864000000000LL
#define DAYS_1601_TO_1980 138426                /* 1980-01-01, the DOS epoch, in days since 1601 */

/* A KSYSTEM_TIME read as Windows reads it: LowPart between two equal copies of the high part. */
static LONGLONG ReadSystemTime(ULONG offset)
{
    for (;;) {
        LONG high1 = KUSER(LONG, offset + 4);
        ULONG low = KUSER(ULONG, offset);
        LONG high2 = KUSER(LONG, offset + 8);
        if (high1 == high2)
            return ((LONGLONG)high1 << 32) | low;
    }
}

KBAPI VOID WINAPI GetSystemTimeAsFileTime(LPFILETIME ft)
{
    LONGLONG t = ReadSystemTime(KUSER_SYSTEM_TIME);
    ft->dwLowDateTime = (DWORD)t;
    ft->dwHighDateTime = (DWORD)(t >> 32);
}

KBAPI VOID WINAPI GetSystemTimePreciseAsFileTime(LPFILETIME ft)
{
    LARGE_INTEGER t;
    NtQuerySystemTime(&t);
    ft->dwLowDateTime = t.LowPart;
    ft->dwHighDateTime = (DWORD)t.HighPart;
}

KBAPI ULONGLONG WINAPI GetTickCount64(void)
{
    ULONGLONG ticks = (ULONGLONG)ReadSystemTime(KUSER_TICK_COUNT);
    ULONGLONG multiplier = KUSER(ULONG, KUSER_TICK_COUNT_MULTIPLIER);
    return (ticks * multiplier) >> 24;
}

KBAPI DWORD WINAPI GetTickCount(void)
{
    return (DWORD)GetTickCount64();
}

KBAPI BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER *counter)
{
    NtQueryPerformanceCounter(counter, NULL);
    return TRUE;
}

KBAPI BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER *frequency)
{
    LARGE_INTEGER counter;
    NtQueryPerformanceCounter(&counter, frequency);
    return TRUE;
}

static BOOL IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static const WORD MonthDays[2][12] = {{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
                                      {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};

KBAPI BOOL WINAPI FileTimeToSystemTime(const FILETIME *ft, LPSYSTEMTIME st)
{
    LONGLONG t = ((LONGLONG)ft->dwHighDateTime << 32) | ft->dwLowDateTime;
    if (t < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    LONGLONG days = t / TICKS_PER_DAY, rest = t % TICKS_PER_DAY;
    st->wMilliseconds = (WORD)(rest / 10000 % 1000);
    st->wSecond = (WORD)(rest / 10000000 % 60);
    st->wMinute = (WORD)(rest / 600000000 % 60);
    st->wHour = (WORD)(rest / 36000000000LL);
    st->wDayOfWeek = (WORD)((days + 1) % 7);    /* 1601-01-01 was a Monday */
    int year = 1601;
    while (days >= (IsLeap(year) ? 366 : 365)) {
        days -= IsLeap(year) ? 366 : 365;
        year++;
    }
    int month = 0;
    while (days >= MonthDays[IsLeap(year)][month]) {
        days -= MonthDays[IsLeap(year)][month];
        month++;
    }
    st->wYear = (WORD)year;
    st->wMonth = (WORD)(month + 1);
    st->wDay = (WORD)(days + 1);
    return TRUE;
}

KBAPI BOOL WINAPI SystemTimeToFileTime(const SYSTEMTIME *st, LPFILETIME ft)
{
    if (st->wYear < 1601 || st->wYear > 30827 || st->wMonth < 1 || st->wMonth > 12 || st->wDay < 1 ||
        st->wDay > MonthDays[IsLeap(st->wYear)][st->wMonth - 1] || st->wHour > 23 || st->wMinute > 59 ||
        st->wSecond > 59 || st->wMilliseconds > 999) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    LONGLONG days = 0;
    for (int y = 1601; y < st->wYear; y++)
        days += IsLeap(y) ? 366 : 365;
    for (int m = 0; m < st->wMonth - 1; m++)
        days += MonthDays[IsLeap(st->wYear)][m];
    days += st->wDay - 1;
    LONGLONG t = days * TICKS_PER_DAY + (LONGLONG)st->wHour * 36000000000LL + (LONGLONG)st->wMinute * 600000000LL
                 + (LONGLONG)st->wSecond * 10000000LL + (LONGLONG)st->wMilliseconds * 10000LL;
    ft->dwLowDateTime = (DWORD)t;
    ft->dwHighDateTime = (DWORD)(t >> 32);
    return TRUE;
}

KBAPI VOID WINAPI GetSystemTime(LPSYSTEMTIME st)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    FileTimeToSystemTime(&ft, st);
}

/* The time zone is UTC: local time is system time. */
KBAPI VOID WINAPI GetLocalTime(LPSYSTEMTIME st)
{
    GetSystemTime(st);
}

KBAPI BOOL WINAPI FileTimeToLocalFileTime(const FILETIME *ft, LPFILETIME local)
{
    *local = *ft;
    return TRUE;
}

KBAPI BOOL WINAPI LocalFileTimeToFileTime(const FILETIME *local, LPFILETIME ft)
{
    *ft = *local;
    return TRUE;
}

static void CopyName(WCHAR *dst, const WCHAR *src)
{
    int i = 0;
    for (; src[i] && i < 31; i++) dst[i] = src[i];
    for (; i < 32; i++) dst[i] = 0;
}

KBAPI DWORD WINAPI GetTimeZoneInformation(LPTIME_ZONE_INFORMATION tz)
{
    memset(tz, 0, sizeof(*tz));
    CopyName(tz->StandardName, L"Coordinated Universal Time");
    CopyName(tz->DaylightName, L"Coordinated Universal Time");
    return TIME_ZONE_ID_UNKNOWN;
}

KBAPI LONG WINAPI CompareFileTime(const FILETIME *a, const FILETIME *b)
{
    ULONGLONG x = ((ULONGLONG)a->dwHighDateTime << 32) | a->dwLowDateTime;
    ULONGLONG y = ((ULONGLONG)b->dwHighDateTime << 32) | b->dwLowDateTime;
    return x < y ? -1 : x > y ? 1 : 0;
}

KBAPI BOOL WINAPI FileTimeToDosDateTime(const FILETIME *ft, LPWORD date, LPWORD time)
{
    SYSTEMTIME st;
    if (!FileTimeToSystemTime(ft, &st) || st.wYear < 1980 || st.wYear > 2107) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *date = (WORD)(((st.wYear - 1980) << 9) | (st.wMonth << 5) | st.wDay);
    *time = (WORD)((st.wHour << 11) | (st.wMinute << 5) | (st.wSecond / 2));
    return TRUE;
}

KBAPI BOOL WINAPI DosDateTimeToFileTime(WORD date, WORD time, LPFILETIME ft)
{
    SYSTEMTIME st = {(WORD)((date >> 9) + 1980), (WORD)((date >> 5) & 15), 0, (WORD)(date & 31),
                     (WORD)(time >> 11), (WORD)((time >> 5) & 63), (WORD)((time & 31) * 2), 0};
    return SystemTimeToFileTime(&st, ft);
}
