/* DATE, the OLE automation date: days since 1899-12-30 with the time of day as the fraction; a
 * date before it has a negative whole part and the time still counts forward (-1.25 is
 * 1899-12-29 06:00). SystemTimeToVariantTime (years to 9999, two-digit ones as 1930-2029,
 * milliseconds ignored),
 * VariantTimeToSystemTime (to the nearest second) and VarBstrFromDate (the locale's short date and
 * its time format; a whole day is the date alone, a time on day 0 (0.0 too) the time alone). */
#include "oleaut.h"

#define DATE_MIN -657434.0                  /* 100-01-01 */
#define DATE_MAX 2958465.99999999           /* 9999-12-31 23:59:59 */

/* Days from 1899-12-30 to a Gregorian date, and back. */
static LONG DaysFromCivil(LONG y, LONG m, LONG d)
{
    y -= m <= 2;
    LONG era = (y >= 0 ? y : y - 399) / 400;
    LONG yoe = y - era * 400;
    LONG doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    LONG doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468 + 25569;       /* 1970-01-01 is day 25569 */
}

static void CivilFromDays(LONG z, LONG *y, LONG *m, LONG *d)
{
    z += 719468 - 25569;
    LONG era = (z >= 0 ? z : z - 146096) / 146097;
    LONG doe = z - era * 146097;
    LONG yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    LONG doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    LONG mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

OAAPI INT WINAPI SystemTimeToVariantTime(LPSYSTEMTIME st, DOUBLE *out)
{
    if (st == NULL || out == NULL || st->wYear > 9999 || st->wMonth < 1 || st->wMonth > 12
        || st->wDay < 1 || st->wDay > 31 || st->wHour > 23 || st->wMinute > 59 || st->wSecond > 59)
        return FALSE;
    /* A two-digit year is read as automation reads one: 0-29 are 2000-2029, 30-99 1930-1999. */
    LONG year = st->wYear < 30 ? st->wYear + 2000 : st->wYear < 100 ? st->wYear + 1900 : st->wYear;
    LONG days = DaysFromCivil(year, st->wMonth, st->wDay);
    double time = (st->wHour * 3600 + st->wMinute * 60 + st->wSecond) / 86400.0;
    *out = days >= 0 ? days + time : days - time;
    return TRUE;
}

/* The calendar day and second of the day of a DATE, rounded to the second. */
static BOOL Split(double date, LONG *day, LONG *second)
{
    if (!(date >= DATE_MIN && date <= DATE_MAX + 1e-9))
        return FALSE;
    LONG whole = (LONG)date;                            /* toward zero */
    double frac = date - whole;
    if (frac < 0)
        frac = -frac;
    LONG s = (LONG)(frac * 86400.0 + 0.5);
    if (s >= 86400) {
        s -= 86400;
        whole++;
    }
    *day = whole;
    *second = s;
    return TRUE;
}

OAAPI INT WINAPI VariantTimeToSystemTime(DOUBLE date, LPSYSTEMTIME st)
{
    LONG day, second, y, m, d;
    if (st == NULL || !Split(date, &day, &second))
        return FALSE;
    CivilFromDays(day, &y, &m, &d);
    st->wYear = (WORD)y;
    st->wMonth = (WORD)m;
    st->wDay = (WORD)d;
    st->wDayOfWeek = (WORD)(((day % 7) + 7 + 6) % 7);  /* day 0 was a Saturday */
    st->wHour = (WORD)(second / 3600);
    st->wMinute = (WORD)(second / 60 % 60);
    st->wSecond = (WORD)(second % 60);
    st->wMilliseconds = 0;
    return TRUE;
}

OAAPI HRESULT WINAPI VarBstrFromDate(DATE date, LCID lcid, ULONG flags, BSTR *out)
{
    if (out == NULL)
        return E_INVALIDARG;
    *out = NULL;
    SYSTEMTIME st;
    LONG day, second;
    if (!VariantTimeToSystemTime(date, &st) || !Split(date, &day, &second))
        return E_INVALIDARG;
    WCHAR text[128];
    int n = 0;
    BOOL want_date = !(flags & VAR_TIMEVALUEONLY) && (day != 0 || (flags & VAR_DATEVALUEONLY));
    BOOL want_time = !(flags & VAR_DATEVALUEONLY) && (second != 0 || day == 0 || (flags & VAR_TIMEVALUEONLY));
    if (want_date)
        n = GetDateFormatW(lcid, DATE_SHORTDATE, &st, NULL, text, 64) - 1;
    if (n < 0)
        return E_INVALIDARG;
    if (want_time) {
        if (n > 0)
            text[n++] = L' ';
        int t = GetTimeFormatW(lcid, 0, &st, NULL, text + n, 64);
        if (t <= 0)
            return E_INVALIDARG;
        n += t - 1;
    }
    text[n] = 0;
    *out = SysAllocString(text);
    return *out ? S_OK : E_OUTOFMEMORY;
}
