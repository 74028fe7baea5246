/* The 32-bit time forms (_ctime32, _gmtime32, _localtime32, _mktime32, _mkgmtime32, _difftime32,
 * _ftime32, _utime32/_wutime32/_futime32, _wctime32 and their _s forms) over the 64-bit ones
 * (time.c, files/stat.c), with their range: 1970 to 0x7FFFD27F (18 January 2038, 19:14:07 UTC);
 * the wide forms (_wctime64, _wasctime and _s), _ctime64_s, _ftime64_s, timespec_get's
 * _timespec32_get/_timespec64_get, the time zone's _get_timezone/_get_daylight/_get_dstbias/
 * _get_tzname, _getsystime and _setsystime (SetLocalTime: 0, else the system error, such as
 * ERROR_PRIVILEGE_NOT_HELD without SeSystemtimePrivilege). msvcrt.dll's unsuffixed _wctime, _utime, _wutime,
 * _futime and _mkgmtime are the 64-bit ones, x64's time_t. */
#include "crtwin.h"
#include "secure.h"
#include "timeconv.h"

typedef crt_wchar W;
typedef struct { unsigned short wYear, wMonth, wDayOfWeek, wDay, wHour, wMinute, wSecond, wMilliseconds; } SYSTEMTIME;
WINBASEAPI void WINAPI GetLocalTime(SYSTEMTIME *);
WINBASEAPI BOOL WINAPI SetLocalTime(const SYSTEMTIME *);
WINBASEAPI void WINAPI GetSystemTimeAsFileTime(uint64_t *);
int _gmtime64_s(crt_tm *, const long long *);
int _localtime64_s(crt_tm *, const long long *);
crt_tm *_gmtime64(const long long *);
crt_tm *_localtime64(const long long *);
long long _mktime64(crt_tm *);
long long _mkgmtime64(crt_tm *);
char *asctime(const crt_tm *);
int asctime_s(char *, size_t, const crt_tm *);
struct crt_timeb64 { long long time; unsigned short millitm; short timezone, dstflag; };
struct crt_timeb32 { long time; unsigned short millitm; short timezone, dstflag; };
void _ftime64(struct crt_timeb64 *);
struct crt_utimbuf64 { long long actime, modtime; };
struct crt_utimbuf32 { long actime, modtime; };
int _utime64(const char *, struct crt_utimbuf64 *);
int _wutime64(const W *, struct crt_utimbuf64 *);
int _futime64(int, struct crt_utimbuf64 *);
size_t strlen(const char *);
void _tzset(void);
extern long _timezone;
extern int _daylight;
extern long _dstbias;
extern char *_tzname[2];

#define MAX_TIME32 0x7FFFD27Fll

/* ---- the 32-bit forms ---- */

static void invalid_tm(crt_tm *tm)
{
    for (int i = 0; i < 9; i++)
        ((int *)tm)[i] = -1;
}

CRTEXP int _gmtime32_s(crt_tm *tm, const long *t)
{
    if (tm == NULL)
        return crt_invalid(CRT_EINVAL);
    if (t == NULL || *t < 0) {
        invalid_tm(tm);
        return crt_invalid(CRT_EINVAL);
    }
    long long t64 = *t;
    return _gmtime64_s(tm, &t64);
}

CRTEXP int _localtime32_s(crt_tm *tm, const long *t)
{
    if (tm == NULL)
        return crt_invalid(CRT_EINVAL);
    if (t == NULL || *t < 0) {
        invalid_tm(tm);
        return crt_invalid(CRT_EINVAL);
    }
    long long t64 = *t;
    return _localtime64_s(tm, &t64);
}

CRTEXP crt_tm *_gmtime32(const long *t)
{
    if (t == NULL || *t < 0) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    long long t64 = *t;
    return _gmtime64(&t64);
}

CRTEXP crt_tm *_localtime32(const long *t)
{
    if (t == NULL || *t < 0) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    long long t64 = *t;
    return _localtime64(&t64);
}

CRTEXP long _mktime32(crt_tm *tm)
{
    if (tm == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    long long t = _mktime64(tm);
    return t < 0 || t > MAX_TIME32 ? -1 : (long)t;
}

CRTEXP long _mkgmtime32(crt_tm *tm)
{
    if (tm == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    long long t = _mkgmtime64(tm);
    return t < 0 || t > MAX_TIME32 ? -1 : (long)t;
}

/* _difftime32: a - b in seconds; a negative time is EINVAL, 0. */
CRTEXP double _difftime32(long a, long b)
{
    if (a < 0 || b < 0) {
        crt_invalid_parameter(CRT_EINVAL);
        return 0;
    }
    return (double)((long long)a - b);
}

CRTEXP char *_ctime32(const long *t)
{
    crt_tm *tm = _localtime32(t);
    return tm ? asctime(tm) : NULL;
}

/* The _s forms of ctime: a null buffer or a zero size is EINVAL (untouched), a size under 26, no
 * time or a time out of range is EINVAL with the buffer emptied. */
static int ctime_s_common(char *buf, size_t size, long long t, int have_time, long long max)
{
    if (buf == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    buf[0] = 0;
    if (size < 26 || !have_time || t < 0 || t > max)
        return crt_invalid(CRT_EINVAL);
    crt_tm tm;
    if (_localtime64_s(&tm, &t))
        return crt_errno;
    return asctime_s(buf, size, &tm);
}

CRTEXP int _ctime32_s(char *buf, size_t size, const long *t)
{
    return ctime_s_common(buf, size, t ? *t : 0, t != NULL, MAX_TIME32);
}

CRTEXP int _ctime64_s(char *buf, size_t size, const long long *t)
{
    return ctime_s_common(buf, size, t ? *t : 0, t != NULL, 32535215999ll);
}

CRTEXP void _ftime32(struct crt_timeb32 *tb)
{
    struct crt_timeb64 t;
    _ftime64(&t);
    tb->time = (long)t.time;
    tb->millitm = t.millitm;
    tb->timezone = t.timezone;
    tb->dstflag = t.dstflag;
}

CRTEXP int _ftime32_s(struct crt_timeb32 *tb)
{
    if (tb == NULL)
        return crt_invalid(CRT_EINVAL);
    _ftime32(tb);
    return 0;
}

CRTEXP int _ftime64_s(struct crt_timeb64 *tb)
{
    if (tb == NULL)
        return crt_invalid(CRT_EINVAL);
    _ftime64(tb);
    return 0;
}

static struct crt_utimbuf64 *widen_times(struct crt_utimbuf32 *t, struct crt_utimbuf64 *out)
{
    if (t == NULL)
        return NULL;
    out->actime = t->actime;
    out->modtime = t->modtime;
    return out;
}

CRTEXP int _utime32(const char *path, struct crt_utimbuf32 *t)
{
    struct crt_utimbuf64 t64;
    return _utime64(path, widen_times(t, &t64));
}

CRTEXP int _wutime32(const W *path, struct crt_utimbuf32 *t)
{
    struct crt_utimbuf64 t64;
    return _wutime64(path, widen_times(t, &t64));
}

CRTEXP int _futime32(int fd, struct crt_utimbuf32 *t)
{
    struct crt_utimbuf64 t64;
    return _futime64(fd, widen_times(t, &t64));
}

/* ---- the wide forms ---- */

static W *widen_text(const char *s, W *out)
{
    if (s == NULL)
        return NULL;
    size_t i = 0;
    for (; s[i]; i++)
        out[i] = (unsigned char)s[i];
    out[i] = 0;
    return out;
}

static W *wide_buffer(void)
{
    return crt_getptd()->wasctime_buf;
}

CRTEXP W *_wasctime(const crt_tm *tm)
{
    if (tm == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    char *a = asctime(tm);
    return a ? widen_text(a, wide_buffer()) : NULL;
}

CRTEXP int _wasctime_s(W *buf, size_t size, const crt_tm *tm)
{
    if (buf == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    buf[0] = 0;
    if (size < 26 || tm == NULL)
        return crt_invalid(CRT_EINVAL);
    char a[32];
    int r = asctime_s(a, sizeof a, tm);
    if (r)
        return r;
    widen_text(a, buf);
    return 0;
}

CRTEXP W *_wctime64(const long long *t)
{
    crt_tm *tm = t ? _localtime64(t) : NULL;
    return tm ? _wasctime(tm) : NULL;
}

CRTEXP W *_wctime32(const long *t)
{
    crt_tm *tm = _localtime32(t);
    return tm ? _wasctime(tm) : NULL;
}

CRTEXP int _wctime64_s(W *buf, size_t size, const long long *t)
{
    char a[32];
    if (buf == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    int r = _ctime64_s(a, size < 32 ? size : 32, t);
    buf[0] = 0;
    if (!r)
        widen_text(a, buf);
    return r;
}

CRTEXP int _wctime32_s(W *buf, size_t size, const long *t)
{
    char a[32];
    if (buf == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    int r = _ctime32_s(a, size < 32 ? size : 32, t);
    buf[0] = 0;
    if (!r)
        widen_text(a, buf);
    return r;
}

#ifdef CRT_MSVCRT
CRTEXP W *_wctime(const long long *t) { return _wctime64(t); }
CRTEXP int _utime(const char *path, struct crt_utimbuf64 *t) { return _utime64(path, t); }
CRTEXP int _wutime(const W *path, struct crt_utimbuf64 *t) { return _wutime64(path, t); }
CRTEXP int _futime(int fd, struct crt_utimbuf64 *t) { return _futime64(fd, t); }
CRTEXP long long _mkgmtime(crt_tm *tm) { return _mkgmtime64(tm); }
#endif

/* ---- timespec_get's forms: TIME_UTC (1) alone; the base back, 0 for any other ---- */

struct crt_timespec32 { long tv_sec, tv_nsec; };
struct crt_timespec64 { long long tv_sec; long tv_nsec; };

static long long now_100ns(void)
{
    uint64_t ft;
    GetSystemTimeAsFileTime(&ft);
    return (long long)ft - 116444736000000000ll;
}

CRTEXP int _timespec64_get(struct crt_timespec64 *ts, int base)
{
    if (ts == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return 0;
    }
    if (base != 1)
        return 0;
    long long t = now_100ns();
    ts->tv_sec = t / 10000000;
    ts->tv_nsec = (long)(t % 10000000 * 100);
    return base;
}

CRTEXP int _timespec32_get(struct crt_timespec32 *ts, int base)
{
    if (ts == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return 0;
    }
    struct crt_timespec64 t;
    if (base != 1 || !_timespec64_get(&t, base) || t.tv_sec > MAX_TIME32)
        return 0;
    ts->tv_sec = (long)t.tv_sec;
    ts->tv_nsec = t.tv_nsec;
    return base;
}

/* ---- the time zone's values, as _tzset left them ---- */

CRTEXP int _get_timezone(long *out)
{
    if (out == NULL)
        return crt_invalid(CRT_EINVAL);
    *out = _timezone;
    return 0;
}

CRTEXP int _get_daylight(int *out)
{
    if (out == NULL)
        return crt_invalid(CRT_EINVAL);
    *out = _daylight;
    return 0;
}

CRTEXP int _get_dstbias(long *out)
{
    if (out == NULL)
        return crt_invalid(CRT_EINVAL);
    *out = _dstbias;
    return 0;
}

/* _get_tzname: zone name index (0 standard, 1 daylight) and its size with the terminator; with no
 * buffer (and size 0) the size alone; ERANGE when it does not fit. */
CRTEXP int _get_tzname(size_t *ret, char *buf, size_t size, int index)
{
    if (ret == NULL || (buf == NULL && size) || (buf && size == 0) || index < 0 || index > 1) {
        if (buf && size)
            buf[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    size_t n = strlen(_tzname[index]) + 1;
    *ret = n;
    if (buf == NULL)
        return 0;
    if (n > size) {
        buf[0] = 0;
        return crt_invalid(CRT_ERANGE);
    }
    for (size_t i = 0; i < n; i++)
        buf[i] = _tzname[index][i];
    return 0;
}

/* ---- the local clock as a struct tm ---- */

static const short month_start[2][12] = {
    { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 },
    { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335 },
};

/* _getsystime: the local date and time in *tm (daylight time unknown: -1), the milliseconds back. */
CRTEXP unsigned _getsystime(crt_tm *tm)
{
    SYSTEMTIME st;
    GetLocalTime(&st);
    int y = st.wYear, leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    tm->tm_sec = st.wSecond;
    tm->tm_min = st.wMinute;
    tm->tm_hour = st.wHour;
    tm->tm_mday = st.wDay;
    tm->tm_mon = st.wMonth - 1;
    tm->tm_year = y - 1900;
    tm->tm_wday = st.wDayOfWeek;
    tm->tm_yday = month_start[leap][st.wMonth - 1] + st.wDay - 1;
    tm->tm_isdst = -1;
    return st.wMilliseconds;
}

CRTEXP unsigned _setsystime(crt_tm *tm, unsigned milliseconds)
{
    SYSTEMTIME st;
    st.wYear = (unsigned short)(tm->tm_year + 1900);
    st.wMonth = (unsigned short)(tm->tm_mon + 1);
    st.wDayOfWeek = 0;
    st.wDay = (unsigned short)tm->tm_mday;
    st.wHour = (unsigned short)tm->tm_hour;
    st.wMinute = (unsigned short)tm->tm_min;
    st.wSecond = (unsigned short)tm->tm_sec;
    st.wMilliseconds = (unsigned short)milliseconds;
    return SetLocalTime(&st) ? 0 : GetLastError();
}
