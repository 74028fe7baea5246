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

/* Text to a DATE as en-US writes dates: "M/D/Y", "M-D-Y", "Y-M-D", "Month D, Y", "D Month Y" (a
 * month's name or its first three letters), a year left out being this year's and a two-digit
 * one read as above, then optionally a time "h[:mm[:ss]]" with "AM"/"PM"; or a time alone (on day
 * 0). A first number that cannot be a month is the day. Anything else, or a day the month lacks, is
 * DISP_E_TYPEMISMATCH. */
static const WCHAR *const Months[12] = {L"january", L"february", L"march", L"april", L"may", L"june", L"july",
                                        L"august", L"september", L"october", L"november", L"december"};

static int MonthName(const WCHAR *s, int n)
{
    for (int m = 0; m < 12; m++) {
        int len = 0;
        while (Months[m][len])
            len++;
        if (n >= 3 && n <= len && CompareStringOrdinal(s, n, Months[m], n, TRUE) == CSTR_EQUAL)
            return m + 1;
    }
    return 0;
}

static int DaysIn(LONG y, LONG m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 29 : days[m - 1];
}

HRESULT OapParseDate(const OLECHAR *s, double *out)
{
    LONG num[6];
    int digits[6], nnum = 0, month_word = 0, pm = -1, colon_at = -1;
    WCHAR date_sep = 0;
    for (const OLECHAR *p = s; *p;) {
        if (*p >= L'0' && *p <= L'9') {
            LONG v = 0;
            int d = 0;
            while (*p >= L'0' && *p <= L'9' && d < 6)
                v = v * 10 + (*p++ - L'0'), d++;
            if (nnum == 6 || (*p >= L'0' && *p <= L'9'))
                return DISP_E_TYPEMISMATCH;
            digits[nnum] = d;
            num[nnum++] = v;
        } else if ((*p >= L'a' && *p <= L'z') || (*p >= L'A' && *p <= L'Z')) {
            const OLECHAR *w = p;
            while ((*p >= L'a' && *p <= L'z') || (*p >= L'A' && *p <= L'Z'))
                p++;
            int n = (int)(p - w), m;
            if ((n == 2 || n == 1) && (w[0] == L'a' || w[0] == L'A' || w[0] == L'p' || w[0] == L'P')
                && (n == 1 || w[1] == L'm' || w[1] == L'M'))
                pm = (w[0] == L'p' || w[0] == L'P');
            else if ((m = MonthName(w, n)) && !month_word)
                month_word = m, date_sep = L'w';
            else
                return DISP_E_TYPEMISMATCH;
        } else if (*p == L':') {
            if (colon_at < 0)
                colon_at = nnum - 1;
            p++;
        } else if (*p == L'/' || *p == L'-' || *p == L'.') {
            if (colon_at >= 0 || (date_sep && date_sep != *p && date_sep != L'w'))
                return DISP_E_TYPEMISMATCH;
            date_sep = *p++;
        } else if (*p == L' ' || *p == L',' || *p == L'\t') {
            p++;
        } else {
            return DISP_E_TYPEMISMATCH;
        }
    }
    /* Step 1: which numbers are the date's and which the time's. */
    int ndate = colon_at >= 0 ? colon_at : (pm >= 0 && nnum > 0 ? nnum - 1 : nnum);
    int ntime = nnum - ndate;
    LONG y, m, d, hour = 0, minute = 0, second = 0;
    SYSTEMTIME now;
    GetLocalTime(&now);
    if (month_word) {
        m = month_word;
        if (ndate < 1 || ndate > 2)
            return DISP_E_TYPEMISMATCH;
        d = num[0];
        y = ndate == 2 ? num[1] : now.wYear;
        if (ndate == 2 && digits[1] <= 2)
            y = y < 30 ? y + 2000 : y + 1900;
    } else if (ndate == 0) {
        y = 1899, m = 12, d = 30;
    } else if (ndate == 3 && digits[0] == 4) {
        y = num[0], m = num[1], d = num[2];
    } else if (ndate == 3 || ndate == 2) {
        m = num[0], d = num[1];
        y = ndate == 3 ? num[2] : now.wYear;
        if (ndate == 3 && digits[2] <= 2)
            y = y < 30 ? y + 2000 : y + 1900;
    } else {
        return DISP_E_TYPEMISMATCH;
    }
    if (ntime > 3 || (ntime == 0 && ndate == 0 && !month_word))
        return DISP_E_TYPEMISMATCH;
    if (ntime > 0) hour = num[ndate];
    if (ntime > 1) minute = num[ndate + 1];
    if (ntime > 2) second = num[ndate + 2];
    if (pm >= 0) {
        if (hour < 1 || hour > 12)
            return DISP_E_TYPEMISMATCH;
        hour = hour % 12 + (pm ? 12 : 0);
    }
    if (m > 12 && d >= 1 && d <= 12) {                  /* "13/1/2000": read day first, as Windows does */
        LONG t = m;
        m = d;
        d = t;
    }
    if (m < 1 || m > 12 || d < 1 || d > DaysIn(y, m) || y < 100 || y > 9999 || hour > 23 || minute > 59 || second > 59)
        return DISP_E_TYPEMISMATCH;
    /* Step 2: the DATE. */
    SYSTEMTIME st = {(WORD)y, (WORD)m, 0, (WORD)d, (WORD)hour, (WORD)minute, (WORD)second, 0};
    return SystemTimeToVariantTime(&st, out) ? S_OK : DISP_E_TYPEMISMATCH;
}
