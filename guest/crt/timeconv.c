/* Calendar arithmetic without the operating system: seconds since 1970 to a struct tm and back
 * (proleptic Gregorian, 1970-3000 as the Microsoft runtime allows) and asctime's fixed form
 * (strftime's engine is timefmt.c). */
#include "timeconv.h"

static const char *const wday_name[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                         "Saturday" };
static const char *const mon_name[] = { "January", "February", "March", "April", "May", "June", "July",
                                        "August", "September", "October", "November", "December" };
static const int days_before[2][13] = {
    { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 },
    { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 },
};

static int leap(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* Days from 1970-01-01 to y-01-01. */
static long long days_to_year(long long y)
{
    long long d = (y - 1970) * 365;
    d += (y - 1969) / 4 - (y - 1901) / 100 + (y - 1601) / 400;
    return d;
}

int crt_seconds_to_tm(long long t, crt_tm *tm)
{
    if (t < 0 || t > 32535215999ll)        /* 3000-12-31 23:59:59 */
        return -1;
    long long days = t / 86400, secs = t % 86400;
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_wday = (int)((days + 4) % 7);    /* 1970-01-01 was a Thursday */
    long long y = 1970 + days / 366;
    while (days_to_year(y + 1) <= days)
        y++;
    int yday = (int)(days - days_to_year(y));
    int l = leap(y), m = 0;
    while (yday >= days_before[l][m + 1])
        m++;
    tm->tm_year = (int)(y - 1900);
    tm->tm_yday = yday;
    tm->tm_mon = m;
    tm->tm_mday = yday - days_before[l][m] + 1;
    tm->tm_isdst = 0;
    return 0;
}

/* struct tm (fields may be out of range: they carry) to seconds, normalising tm. */
long long crt_tm_to_seconds(crt_tm *tm)
{
    long long mon = tm->tm_mon, year = tm->tm_year + 1900LL;
    year += mon / 12;
    mon %= 12;
    if (mon < 0) {
        mon += 12;
        year--;
    }
    long long days = days_to_year(year) + days_before[leap(year)][mon] + tm->tm_mday - 1;
    long long t = days * 86400 + tm->tm_hour * 3600LL + tm->tm_min * 60LL + tm->tm_sec;
    int isdst = tm->tm_isdst;
    if (crt_seconds_to_tm(t < 0 ? 0 : t, tm) == 0)
        tm->tm_isdst = isdst;
    return t;
}

void crt_asctime(const crt_tm *tm, char *buf)
{
    /* "Wed Jan 02 02:03:55 1980\n" */
    const char *d = wday_name[tm->tm_wday % 7], *m = mon_name[tm->tm_mon % 12];
    char *p = buf;
    int year = tm->tm_year + 1900;
    int fields[] = { tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec };
    *p++ = d[0], *p++ = d[1], *p++ = d[2], *p++ = ' ';
    *p++ = m[0], *p++ = m[1], *p++ = m[2];
    for (int i = 0; i < 4; i++) {
        *p++ = i < 2 ? ' ' : ':';
        *p++ = (char)('0' + fields[i] / 10 % 10);
        *p++ = (char)('0' + fields[i] % 10);
    }
    *p++ = ' ';
    for (int div = 1000; div; div /= 10)
        *p++ = (char)('0' + year / div % 10);
    *p++ = '\n';
    *p = 0;
}
