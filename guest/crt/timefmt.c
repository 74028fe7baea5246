/* strftime's engine, shared by strftime, wcsftime, _Strftime and _Wcsftime: a narrow or wide
 * format into a narrow or wide buffer, the names and the %c/%x/%X date and time pictures from an
 * __lc_time_data table (timenames.h), Microsoft's '#' flag, the flavour's conversions and the
 * ranges of the struct tm fields each reads. */
#include "timeconv.h"
#include "timenames.h"

/* The output: elements of one or two bytes, and always room for the terminator. */
typedef struct {
    void *buf;
    size_t max, n;
    int wide;
} sink;

static int put_char(sink *o, unsigned c)
{
    if (o->n + 1 >= o->max)
        return -1;
    if (o->wide) ((crt_wchar *)o->buf)[o->n++] = (crt_wchar)c;
    else ((char *)o->buf)[o->n++] = (char)c;
    return 0;
}

static int put(sink *o, const char *s)
{
    for (; *s; s++)
        if (put_char(o, (unsigned char)*s))
            return -1;
    return 0;
}

/* One of the table's strings, in the sink's width. */
static int put_name(sink *o, const crt_lc_time *lt, int idx)
{
    if (!o->wide)
        return put(o, lt->str[idx]);
    for (const crt_wchar *w = lt->wstr[idx]; *w; w++)
        if (put_char(o, *w))
            return -1;
    return 0;
}

static int put_num(sink *o, long long v, int width, int nopad)
{
    char buf[24];
    int len = 0, neg = v < 0;
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
    while (len > 0)
        if (put_char(o, (unsigned char)buf[--len]))
            return -1;
    return 0;
}

static int leap(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

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
static int conversion_fields(unsigned c)
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

/* A format or picture string of either width. */
typedef struct { const void *s; int wide; } text;
#define CH(t, i) ((t).wide ? ((const crt_wchar *)(t).s)[i] : (unsigned)((const unsigned char *)(t).s)[i])

/* The table's date or time picture for tm: GetDateFormat's and GetTimeFormat's letters as the
 * runtime reads them (d dd ddd dddd, M MM MMM MMMM, yy yyyy, h hh H HH m mm s ss, t for the
 * designator's first character, tt and any run of a or A for all of it), a run longer than its
 * longest field the extra letters as text before the field ("ddddd" is "d" and the full day, "y"
 * alone is text), 'quoted' text ('' a quote), anything else as it is. */
static int put_run(sink *o, unsigned c, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (put_char(o, c))
            return -1;
    return 0;
}

static int picture(sink *o, const crt_lc_time *lt, int which, const crt_tm *tm)
{
    text p = { o->wide ? (const void *)lt->wstr[which] : (const void *)lt->str[which], o->wide };
    int r = 0;
    for (size_t i = 0; CH(p, i) && !r;) {
        unsigned c = CH(p, i);
        size_t run = 1;
        if (c == '\'') {
            for (i++; CH(p, i) && !r; i++) {
                if (CH(p, i) == '\'') {
                    if (CH(p, i + 1) != '\'')
                        break;
                    i++;
                }
                r = put_char(o, CH(p, i));
            }
            if (CH(p, i))
                i++;
            continue;
        }
        while (CH(p, i + run) == c)
            run++;
        i += run;
        int twelve = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12, year = tm->tm_year + 1900;
        int ampm = CRT_LT_AMPM + (tm->tm_hour >= 12);
        size_t field = c == 'd' || c == 'M' ? (run < 4 ? run : 4)
                     : c == 'y' ? (run >= 4 ? 4 : run >= 2 ? 2 : 0)
                     : c == 'h' || c == 'H' || c == 'm' || c == 's' ? (run < 2 ? run : 2) : 0;
        if (field && (r = put_run(o, c, run - field)))
            break;
        switch (field ? c : 0) {
        case 'd':
            r = field <= 2 ? put_num(o, tm->tm_mday, (int)field, 0)
                           : put_name(o, lt, (field == 3 ? CRT_LT_WDAY_ABBR : CRT_LT_WDAY) + tm->tm_wday);
            break;
        case 'M':
            r = field <= 2 ? put_num(o, tm->tm_mon + 1, (int)field, 0)
                           : put_name(o, lt, (field == 3 ? CRT_LT_MONTH_ABBR : CRT_LT_MONTH) + tm->tm_mon);
            break;
        case 'y': r = field == 2 ? put_num(o, year % 100, 2, 0) : put_num(o, year, 4, 0); break;
        case 'h': r = put_num(o, twelve, (int)field, 0); break;
        case 'H': r = put_num(o, tm->tm_hour, (int)field, 0); break;
        case 'm': r = put_num(o, tm->tm_min, (int)field, 0); break;
        case 's': r = put_num(o, tm->tm_sec, (int)field, 0); break;
        default:
            if (c == 't' && run == 1) {
                unsigned first = o->wide ? lt->wstr[ampm][0] : (unsigned char)lt->str[ampm][0];
                r = first ? put_char(o, first) : 0;
            } else if (c == 't' || c == 'a' || c == 'A') {
                r = put_name(o, lt, ampm);
            } else {
                r = put_run(o, c, run);
            }
        }
    }
    return r;
}

typedef struct {
    const crt_tm *tm;
    const crt_lc_time *lt;
    const char *tzname;
    long tzbias;
} context;

/* Formats f into o; 0, -1 when o is full, -2 for an invalid conversion or field. */
static int format_time(sink *o, text f, const context *x)
{
#define SUB(s) format_time(o, (text){ (s), 0 }, x)
    const crt_tm *tm = x->tm;
    const crt_lc_time *lt = x->lt;
    for (size_t i = 0; CH(f, i); i++) {
        if (CH(f, i) != '%') {
            if (put_char(o, CH(f, i))) return -1;
            continue;
        }
        i++;
        int alt = 0;
        if (CH(f, i) == '#') {
            alt = 1;
            i++;
        }
        unsigned c = CH(f, i);
        int need = conversion_fields(c);
        if (need == 0 || (need > 0 && !fields_valid(tm, need)))
            return -2;
        int r = 0, iy, iw;
        switch (c) {
        case 'a': r = put_name(o, lt, CRT_LT_WDAY_ABBR + tm->tm_wday); break;
        case 'A': r = put_name(o, lt, CRT_LT_WDAY + tm->tm_wday); break;
        case 'b': case 'h': r = put_name(o, lt, CRT_LT_MONTH_ABBR + tm->tm_mon); break;
        case 'B': r = put_name(o, lt, CRT_LT_MONTH + tm->tm_mon); break;
        case 'c':
            /* the long date and the time with '#', else the short date and the time; the UCRT's
             * "C" locale (its own table, not a copy) has C99's asctime form */
#ifdef CRT_UCRT
            if (!alt && lt == &crt_lc_time_c) {
                r = SUB("%a %b %e %H:%M:%S %Y");
                break;
            }
#endif
            r = picture(o, lt, alt ? CRT_LT_LDATEFMT : CRT_LT_SDATEFMT, tm);
            if (!r) r = put(o, " ");
            if (!r) r = picture(o, lt, CRT_LT_TIMEFMT, tm);
            break;
        case 'C': r = put_num(o, (tm->tm_year + 1900) / 100, 2, alt); break;
        case 'd': r = put_num(o, tm->tm_mday, 2, alt); break;
        /* the UCRT's composites pass the '#' flag on to their numbers */
        case 'D': r = SUB(alt ? "%#m/%#d/%#y" : "%m/%d/%y"); break;
        case 'e':
            if (tm->tm_mday < 10 && !alt) r = put(o, " ");
            if (!r) r = put_num(o, tm->tm_mday, 1, 0);
            break;
        case 'F': r = SUB(alt ? "%#Y-%#m-%#d" : "%Y-%m-%d"); break;
        case 'g': iso_week(tm, &iy, &iw); r = put_num(o, iy % 100, 2, alt); break;
        case 'G': iso_week(tm, &iy, &iw); r = put_num(o, iy, 4, alt); break;
        case 'H': r = put_num(o, tm->tm_hour, 2, alt); break;
        case 'I': r = put_num(o, tm->tm_hour % 12 ? tm->tm_hour % 12 : 12, 2, alt); break;
        case 'j': r = put_num(o, tm->tm_yday + 1, 3, alt); break;
        case 'm': r = put_num(o, tm->tm_mon + 1, 2, alt); break;
        case 'M': r = put_num(o, tm->tm_min, 2, alt); break;
        case 'n': r = put(o, "\n"); break;
        case 'p': r = put_name(o, lt, CRT_LT_AMPM + (tm->tm_hour >= 12)); break;
        case 'r':                       /* the "C" locale's 12-hour time, else the table's time */
            if (lt == &crt_lc_time_c) r = SUB(alt ? "%#I:%#M:%#S %p" : "%I:%M:%S %p");
            else r = picture(o, lt, CRT_LT_TIMEFMT, tm);
            break;
        case 'R': r = SUB(alt ? "%#H:%#M" : "%H:%M"); break;
        case 'S': r = put_num(o, tm->tm_sec, 2, alt); break;
        case 't': r = put(o, "\t"); break;
        case 'T': r = SUB(alt ? "%#H:%#M:%#S" : "%H:%M:%S"); break;
        case 'x': r = picture(o, lt, alt ? CRT_LT_LDATEFMT : CRT_LT_SDATEFMT, tm); break;
        case 'X': r = picture(o, lt, CRT_LT_TIMEFMT, tm); break;
        case 'u': r = put_num(o, tm->tm_wday ? tm->tm_wday : 7, 1, 0); break;
        case 'U': r = put_num(o, week_number(tm, 0), 2, alt); break;
        case 'V': iso_week(tm, &iy, &iw); r = put_num(o, iw, 2, alt); break;
        case 'w': r = put_num(o, tm->tm_wday, 1, 0); break;
        case 'W': r = put_num(o, week_number(tm, 1), 2, alt); break;
        case 'y': r = put_num(o, (tm->tm_year + 1900) % 100, 2, alt); break;
        case 'Y': r = put_num(o, tm->tm_year + 1900, 4, alt); break;
        case 'z': {
            long off = -(x->tzbias + (tm->tm_isdst > 0 ? -3600 : 0));      /* seconds east of UTC */
            r = put(o, off < 0 ? "-" : "+");
            if (off < 0) off = -off;
            if (!r) r = put_num(o, off / 3600 * 100 + off / 60 % 60, 4, 0);
            break;
        }
        case 'Z': r = put(o, x->tzname ? x->tzname : ""); break;
        case '%': r = put(o, "%"); break;
        }
        if (r)
            return r;
    }
    return 0;
#undef SUB
}

size_t crt_strftime_status(void *out, size_t max, const void *fmt, int wide, const crt_tm *tm,
                           const crt_lc_time *lt, const char *tzname, long tzbias, int *status)
{
    sink o = { out, max, 0, wide };
    context x = { tm, lt, tzname, tzbias };
    *status = 0;
    if (max == 0)
        return 0;
    int r = format_time(&o, (text){ fmt, wide }, &x);
    if (r) {
        *status = r == -2 ? CRT_STRFTIME_INVALID : CRT_STRFTIME_FULL;
        o.n = 0;
    }
    if (wide) ((crt_wchar *)out)[o.n] = 0;
    else ((char *)out)[o.n] = 0;
    return o.n;
}
