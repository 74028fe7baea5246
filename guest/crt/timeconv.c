/* Calendar arithmetic and formatting without the operating system: seconds since 1970 to a
 * struct tm and back (proleptic Gregorian, 1970-3000 as the Microsoft runtime allows), asctime's
 * fixed form, and strftime in the "C" locale with Microsoft's '#' flag. */
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

static int put(char *out, size_t max, size_t *n, const char *s)
{
    for (; *s; s++) {
        if (*n + 1 >= max)
            return -1;
        out[(*n)++] = *s;
    }
    return 0;
}

static int put_num(char *out, size_t max, size_t *n, long long v, int width, int nopad)
{
    char buf[24];
    int len = 0;
    int neg = v < 0;
    if (neg) v = -v;
    do {
        buf[len++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (!nopad)
        while (len < width)
            buf[len++] = '0';
    if (neg)
        buf[len++] = '-';
    char tmp[24];
    for (int i = 0; i < len; i++)
        tmp[i] = buf[len - 1 - i];
    tmp[len] = 0;
    return put(out, max, n, tmp);
}

static int week_number(const crt_tm *tm, int first_weekday)     /* %U (Sunday) or %W (Monday) */
{
    int wd = (tm->tm_wday + 7 - first_weekday) % 7;
    return (tm->tm_yday + 7 - wd) / 7;
}

/* ISO 8601 week-based year and week (%G, %g, %V). */
static void iso_week(const crt_tm *tm, int *year, int *week)
{
    int y = tm->tm_year + 1900;
    int wday = (tm->tm_wday + 6) % 7;                       /* Monday 0 */
    int w = (tm->tm_yday - wday + 10) / 7;
    if (w < 1) {
        y--;
        int pyday = tm->tm_yday + 365 + leap(y);
        w = (pyday - wday + 10) / 7;
    } else if (w == 53) {
        int days = 365 + leap(y);
        if (tm->tm_yday - wday + 3 >= days) {
            y++;
            w = 1;
        }
    }
    *year = y;
    *week = w;
}

/* The fields a conversion reads must be in range, or the call is an invalid parameter (the
 * runtime's strftime checks each conversion's own fields). The UCRT allows a leap second and
 * years 0..9999; msvcrt.dll seconds to 59 and years from 1900 on. */
#ifdef CRT_UCRT
#define SEC_MAX 60
#define YEAR_MIN (-1900)
#define YEAR_MAX 8099
#else
#define SEC_MAX 59
#define YEAR_MIN 0
#define YEAR_MAX 0x7FFFFFFF
#endif
enum { F_SEC = 1, F_MIN = 2, F_HOUR = 4, F_MDAY = 8, F_MON = 16, F_YEAR = 32, F_WDAY = 64, F_YDAY = 128 };

static int fields_valid(const crt_tm *tm, int f)
{
    if ((f & F_SEC) && (tm->tm_sec < 0 || tm->tm_sec > SEC_MAX)) return 0;
    if ((f & F_MIN) && (tm->tm_min < 0 || tm->tm_min > 59)) return 0;
    if ((f & F_HOUR) && (tm->tm_hour < 0 || tm->tm_hour > 23)) return 0;
    if ((f & F_MDAY) && (tm->tm_mday < 1 || tm->tm_mday > 31)) return 0;
    if ((f & F_MON) && (tm->tm_mon < 0 || tm->tm_mon > 11)) return 0;
    if ((f & F_YEAR) && (tm->tm_year < YEAR_MIN || tm->tm_year > YEAR_MAX)) return 0;
    if ((f & F_WDAY) && (tm->tm_wday < 0 || tm->tm_wday > 6)) return 0;
    if ((f & F_YDAY) && (tm->tm_yday < 0 || tm->tm_yday > 365)) return 0;
    return 1;
}

/* The fields each conversion reads; 0: not a conversion of this flavour (msvcrt.dll knows only
 * C89's and %z, the UCRT C99's too). */
static int conversion_fields(char c)
{
    switch (c) {
    case 'a': case 'A': case 'w': return F_WDAY;
    case 'b': case 'B': case 'm': return F_MON;
    case 'c': return F_SEC | F_MIN | F_HOUR | F_MDAY | F_MON | F_YEAR | F_WDAY;
    case 'd': return F_MDAY;
    case 'H': case 'I': case 'p': return F_HOUR;
    case 'j': return F_YDAY;
    case 'M': return F_MIN;
    case 'S': return F_SEC;
    case 'U': case 'W': return F_WDAY | F_YDAY;
    case 'x': return F_MDAY | F_MON | F_YEAR | F_WDAY;
    case 'X': return F_SEC | F_MIN | F_HOUR;
    case 'y': case 'Y': return F_YEAR;
    case 'z': case 'Z': case '%': return -1;
#ifdef CRT_UCRT
    case 'C': return F_YEAR;
    case 'D': return F_MDAY | F_MON | F_YEAR;
    case 'e': return F_MDAY;
    case 'F': return F_MDAY | F_MON | F_YEAR;
    case 'g': case 'G': case 'V': return F_YEAR | F_WDAY | F_YDAY;
    case 'n': case 't': return -1;
    case 'r': return F_SEC | F_MIN | F_HOUR;
    case 'R': return F_MIN | F_HOUR;
    case 'T': return F_SEC | F_MIN | F_HOUR;
    case 'u': return F_WDAY;
    case 'h': return F_MON;
#endif
    default: return 0;
    }
}

/* Formats into out at *n; 0, -1 when out is full, -2 for an invalid conversion or field. */
static int format_time(char *out, size_t max, size_t *n, const char *fmt, const crt_tm *tm, const char *tzname,
                       long tzbias)
{
#define SUB(f) format_time(out, max, n, (f), tm, tzname, tzbias)
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            if (*n + 1 >= max) return -1;
            out[(*n)++] = *fmt;
            continue;
        }
        fmt++;
        int alt = 0;
        if (*fmt == '#') {
            alt = 1;
            fmt++;
        }
        int need = conversion_fields(*fmt);
        if (need == 0 || (need > 0 && !fields_valid(tm, need)))
            return -2;
        int r = 0, iy, iw;
        switch (*fmt) {
        case 'a': r = put(out, max, n, (char[4]){ wday_name[tm->tm_wday][0], wday_name[tm->tm_wday][1],
                                                  wday_name[tm->tm_wday][2], 0 }); break;
        case 'A': r = put(out, max, n, wday_name[tm->tm_wday]); break;
        case 'b': case 'h': r = put(out, max, n, (char[4]){ mon_name[tm->tm_mon][0], mon_name[tm->tm_mon][1],
                                                            mon_name[tm->tm_mon][2], 0 }); break;
        case 'B': r = put(out, max, n, mon_name[tm->tm_mon]); break;
        case 'c':
            /* the "C" locale's: the long date and time ("Tuesday, March 14, 1995 12:41:29"); the
             * short one is asctime's form in the UCRT, the short date and time in msvcrt.dll */
            if (alt) r = SUB("%A, %B %d, %Y %H:%M:%S");
#ifdef CRT_UCRT
            else r = SUB("%a %b %e %H:%M:%S %Y");
#else
            else r = SUB("%m/%d/%y %H:%M:%S");
#endif
            break;
        case 'C': r = put_num(out, max, n, (tm->tm_year + 1900) / 100, 2, alt); break;
        case 'd': r = put_num(out, max, n, tm->tm_mday, 2, alt); break;
        /* the UCRT's composites pass the '#' flag on to their numbers */
        case 'D': r = SUB(alt ? "%#m/%#d/%#y" : "%m/%d/%y"); break;
        case 'e':
            if (tm->tm_mday < 10 && !alt) r = put(out, max, n, " ");
            if (!r) r = put_num(out, max, n, tm->tm_mday, 1, 0);
            break;
        case 'F': r = SUB(alt ? "%#Y-%#m-%#d" : "%Y-%m-%d"); break;
        case 'g': iso_week(tm, &iy, &iw); r = put_num(out, max, n, iy % 100, 2, alt); break;
        case 'G': iso_week(tm, &iy, &iw); r = put_num(out, max, n, iy, 4, alt); break;
        case 'H': r = put_num(out, max, n, tm->tm_hour, 2, alt); break;
        case 'I': r = put_num(out, max, n, tm->tm_hour % 12 ? tm->tm_hour % 12 : 12, 2, alt); break;
        case 'j': r = put_num(out, max, n, tm->tm_yday + 1, 3, alt); break;
        case 'm': r = put_num(out, max, n, tm->tm_mon + 1, 2, alt); break;
        case 'M': r = put_num(out, max, n, tm->tm_min, 2, alt); break;
        case 'n': r = put(out, max, n, "\n"); break;
        case 'p': r = put(out, max, n, tm->tm_hour < 12 ? "AM" : "PM"); break;
        case 'r': r = SUB(alt ? "%#I:%#M:%#S %p" : "%I:%M:%S %p"); break;
        case 'R': r = SUB(alt ? "%#H:%#M" : "%H:%M"); break;
        case 'S': r = put_num(out, max, n, tm->tm_sec, 2, alt); break;
        case 't': r = put(out, max, n, "\t"); break;
        case 'T': r = SUB(alt ? "%#H:%#M:%#S" : "%H:%M:%S"); break;
        case 'X': r = SUB("%H:%M:%S"); break;
        case 'u': r = put_num(out, max, n, tm->tm_wday ? tm->tm_wday : 7, 1, 0); break;
        case 'U': r = put_num(out, max, n, week_number(tm, 0), 2, alt); break;
        case 'V': iso_week(tm, &iy, &iw); r = put_num(out, max, n, iw, 2, alt); break;
        case 'w': r = put_num(out, max, n, tm->tm_wday, 1, 0); break;
        case 'W': r = put_num(out, max, n, week_number(tm, 1), 2, alt); break;
        case 'x': r = SUB(alt ? "%A, %B %d, %Y" : "%m/%d/%y"); break;
        case 'y': r = put_num(out, max, n, (tm->tm_year + 1900) % 100, 2, alt); break;
        case 'Y': r = put_num(out, max, n, tm->tm_year + 1900, 4, alt); break;
        case 'z': {
            long off = -(tzbias + (tm->tm_isdst > 0 ? -3600 : 0));      /* seconds east of UTC */
            r = put(out, max, n, off < 0 ? "-" : "+");
            if (off < 0) off = -off;
            if (!r) r = put_num(out, max, n, off / 3600 * 100 + off / 60 % 60, 4, 0);
            break;
        }
        case 'Z': r = put(out, max, n, tzname ? tzname : ""); break;
        case '%': r = put(out, max, n, "%"); break;
        }
        if (r)
            return r;
    }
    return 0;
#undef SUB
}

size_t crt_strftime_status(char *out, size_t max, const char *fmt, const crt_tm *tm, const char *tzname,
                           long tzbias, int *status)
{
    size_t n = 0;
    *status = 0;
    if (max == 0)
        return 0;
    int r = format_time(out, max, &n, fmt, tm, tzname, tzbias);
    if (r) {
        *status = r == -2 ? CRT_STRFTIME_INVALID : CRT_STRFTIME_FULL;
        out[0] = 0;
        return 0;
    }
    out[n] = 0;
    return n;
}

size_t crt_strftime(char *out, size_t max, const char *fmt, const crt_tm *tm, const char *tzname, long tzbias)
{
    int status;
    return crt_strftime_status(out, max, fmt, tm, tzname, tzbias, &status);
}

void crt_asctime(const crt_tm *tm, char *buf)
{
    /* "Wed Jan 02 02:03:55 1980\n" */
    size_t n = 0;
    char day[4] = { wday_name[tm->tm_wday % 7][0], wday_name[tm->tm_wday % 7][1], wday_name[tm->tm_wday % 7][2], 0 };
    char mon[4] = { mon_name[tm->tm_mon % 12][0], mon_name[tm->tm_mon % 12][1], mon_name[tm->tm_mon % 12][2], 0 };
    put(buf, 26, &n, day);
    put(buf, 26, &n, " ");
    put(buf, 26, &n, mon);
    put(buf, 26, &n, " ");
    put_num(buf, 26, &n, tm->tm_mday, 2, 0);
    put(buf, 26, &n, " ");
    put_num(buf, 26, &n, tm->tm_hour, 2, 0);
    put(buf, 26, &n, ":");
    put_num(buf, 26, &n, tm->tm_min, 2, 0);
    put(buf, 26, &n, ":");
    put_num(buf, 26, &n, tm->tm_sec, 2, 0);
    put(buf, 26, &n, " ");
    put_num(buf, 26, &n, tm->tm_year + 1900, 4, 0);
    buf[n++] = '\n';
    buf[n] = 0;
}
