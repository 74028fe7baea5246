/* The time functions over the system clock (GetSystemTimeAsFileTime) and the time zone (TZ as
 * "PST8PDT", or GetTimeZoneInformation): time/_time64, clock, _ftime64, gmtime/localtime and
 * their _s forms, mktime/_mkgmtime64, asctime/ctime, strftime/wcsftime (and _Strftime/_Wcsftime with a
 * caller's LC_TIME names), _tzset and its data. */
#include "crtwin.h"
#include "errno.h"
#include "timeconv.h"
#include "timenames.h"
#include "secure.h"

typedef struct { long Bias; WCHAR StandardName[32]; char StandardDate[16]; long StandardBias;
                 WCHAR DaylightName[32]; char DaylightDate[16]; long DaylightBias; } TIME_ZONE_INFORMATION;
WINBASEAPI void WINAPI GetSystemTimeAsFileTime(uint64_t *);
WINBASEAPI DWORD WINAPI GetTimeZoneInformation(TIME_ZONE_INFORMATION *);
WINBASEAPI BOOL WINAPI QueryPerformanceCounter(long long *);
WINBASEAPI BOOL WINAPI QueryPerformanceFrequency(long long *);
char *getenv(const char *);

#define EPOCH_FILETIME 116444736000000000ll

CRTEXP long _timezone = 28800;                /* the runtime's defaults before _tzset: PST8PDT */
CRTEXP int _daylight = 1;
CRTEXP long _dstbias = -3600;
static char std_name[64] = "PST", dst_name[64] = "PDT";
CRTEXP char *_tzname[2] = { std_name, dst_name };
static int tz_done;
static long long clock_start;

CRTEXP long *__timezone(void) { return &_timezone; }
CRTEXP int *__daylight(void) { return &_daylight; }
CRTEXP long *__dstbias(void) { return &_dstbias; }
CRTEXP char **__tzname(void) { return _tzname; }

CRTEXP void _tzset(void)
{
    const char *tz = getenv("TZ");
    tz_done = 1;
    if (tz && *tz) {
        /* "NAME[+-]hh[:mm[:ss]][DSTNAME]" */
        int i = 0;
        for (; i < 3 && tz[i]; i++)
            std_name[i] = tz[i];
        std_name[i] = 0;
        const char *p = tz + i;
        int neg = 0;
        if (*p == '-' || *p == '+') neg = *p++ == '-';
        long v = 0, part = 0;
        while (*p >= '0' && *p <= '9') part = part * 10 + (*p++ - '0');
        v = part * 3600;
        if (*p == ':') { p++; part = 0; while (*p >= '0' && *p <= '9') part = part * 10 + (*p++ - '0'); v += part * 60; }
        if (*p == ':') { p++; part = 0; while (*p >= '0' && *p <= '9') part = part * 10 + (*p++ - '0'); v += part; }
        _timezone = neg ? -v : v;
        _daylight = *p != 0;
        i = 0;
        for (; i < 3 && p[i]; i++)
            dst_name[i] = p[i];
        dst_name[i] = 0;
        _dstbias = -3600;
        return;
    }
    TIME_ZONE_INFORMATION tzi;
    DWORD r = GetTimeZoneInformation(&tzi);
    if (r == 0xFFFFFFFF)
        return;
    _timezone = tzi.Bias * 60 + tzi.StandardBias * 60;
    _daylight = tzi.DaylightDate[2] != 0;       /* wMonth of the daylight date */
    _dstbias = (tzi.DaylightBias - tzi.StandardBias) * 60;
    WideCharToMultiByte(0, 0, tzi.StandardName, -1, std_name, 63, NULL, NULL);
    WideCharToMultiByte(0, 0, tzi.DaylightName, -1, dst_name, 63, NULL, NULL);
}

static void tz(void)
{
    if (!tz_done)
        _tzset();
}

CRTEXP long long _time64(long long *out)
{
    uint64_t ft;
    GetSystemTimeAsFileTime(&ft);
    long long t = ((long long)ft - EPOCH_FILETIME) / 10000000;
    if (out)
        *out = t;
    return t;
}

CRTEXP long _time32(long *out)
{
    long t = (long)_time64(NULL);
    if (out) *out = t;
    return t;
}

#ifdef CRT_MSVCRT
CRTEXP long long time(long long *out) { return _time64(out); }    /* 64-bit time_t on x64 */
#endif

struct crt_timeb { long long time; unsigned short millitm; short timezone, dstflag; };
CRTEXP void _ftime64(struct crt_timeb *tb)
{
    uint64_t ft;
    GetSystemTimeAsFileTime(&ft);
    tz();
    long long ms = ((long long)ft - EPOCH_FILETIME) / 10000;
    tb->time = ms / 1000;
    tb->millitm = (unsigned short)(ms % 1000);
    tb->timezone = (short)(_timezone / 60);
    tb->dstflag = 0;
}
CRTEXP void _ftime(struct crt_timeb *tb) { _ftime64(tb); }

void crt_init_clock(void)
{
    QueryPerformanceCounter(&clock_start);
}

CRTEXP long clock(void)
{
    long long now, freq;
    if (!QueryPerformanceCounter(&now) || !QueryPerformanceFrequency(&freq) || freq == 0)
        return -1;
    long long d = now - clock_start;
    return (long)(d / freq * 1000 + d % freq * 1000 / freq);
}

/* ---- broken-down time ---- */

static crt_tm *tm_buffer(void)
{
    return (crt_tm *)crt_getptd()->tm_buf;      /* one per thread, as the runtime keeps it */
}

/* Daylight time by the United States rules Microsoft's runtime applies to TZ zones:
 * from the second Sunday of March, 2:00, to the first Sunday of November, 2:00 (1:00 standard). */
static int in_dst(const crt_tm *tm)
{
    if (!_daylight || tm->tm_mon < 2 || tm->tm_mon > 10)
        return 0;
    if (tm->tm_mon > 2 && tm->tm_mon < 10)
        return 1;
    int first_sunday = (tm->tm_mday - 1 - tm->tm_wday + 35) % 7 + 1;   /* the month's first Sunday */
    if (tm->tm_mon == 2) {
        int start = first_sunday + 7;
        return tm->tm_mday > start || (tm->tm_mday == start && tm->tm_hour >= 2);
    }
    int end = first_sunday;
    return tm->tm_mday < end || (tm->tm_mday == end && tm->tm_hour < 1);
}

CRTEXP int _gmtime64_s(crt_tm *tm, const long long *t)
{
    if (tm == NULL || t == NULL) {
        if (tm) for (int i = 0; i < 9; i++) ((int *)tm)[i] = -1;
        return crt_errno = CRT_EINVAL;
    }
    if (crt_seconds_to_tm(*t, tm)) {
        for (int i = 0; i < 9; i++) ((int *)tm)[i] = -1;
        return crt_errno = CRT_EINVAL;
    }
    return 0;
}

CRTEXP crt_tm *_gmtime64(const long long *t)
{
    crt_tm *tm = tm_buffer();
    return _gmtime64_s(tm, t) ? NULL : tm;
}

CRTEXP int _localtime64_s(crt_tm *tm, const long long *t)
{
    if (tm == NULL || t == NULL)
        return crt_errno = CRT_EINVAL;
    tz();
    long long local = *t - _timezone;
    if (crt_seconds_to_tm(local, tm)) {
        for (int i = 0; i < 9; i++) ((int *)tm)[i] = -1;
        return crt_errno = CRT_EINVAL;
    }
    if (in_dst(tm)) {
        crt_seconds_to_tm(local - _dstbias, tm);
        tm->tm_isdst = 1;
    }
    return 0;
}

CRTEXP crt_tm *_localtime64(const long long *t)
{
    crt_tm *tm = tm_buffer();
    return _localtime64_s(tm, t) ? NULL : tm;
}

CRTEXP long long _mkgmtime64(crt_tm *tm)
{
    long long t = crt_tm_to_seconds(tm);
    return t < 0 || t > 32535215999ll ? -1 : t;
}

CRTEXP long long _mktime64(crt_tm *tm)
{
    tz();
    int isdst = tm->tm_isdst;
    long long t = crt_tm_to_seconds(tm);
    if (t < 0)
        return -1;
    t += _timezone;
    if (isdst > 0 || (isdst < 0 && in_dst(tm)))
        t += _dstbias;
    if (t < 0 || t > 32535215999ll)
        return -1;
    _localtime64_s(tm, &t);
    return t;
}

CRTEXP char *asctime(const crt_tm *tm)
{
    char *buf = crt_getptd()->asctime_buf;
    crt_asctime(tm, buf);
    return buf;
}

CRTEXP int asctime_s(char *buf, size_t size, const crt_tm *tm)
{
    if (buf == NULL || size < 26 || tm == NULL) {
        if (buf && size) buf[0] = 0;
        return crt_errno = CRT_EINVAL;
    }
    crt_asctime(tm, buf);
    return 0;
}

CRTEXP char *_ctime64(const long long *t)
{
    crt_tm *tm = _localtime64(t);
    return tm ? asctime(tm) : NULL;
}

/* strftime, wcsftime, _Strftime and _Wcsftime: one engine (timefmt.c) with LC_TIME's names, or
 * those of the __lc_time_data the C++ library passes (_Gettnames' copy); a conversion or field out
 * of range is an invalid parameter, a full buffer ERANGE, both return 0 with out[0] = 0. */
static size_t time_format(void *out, size_t max, const void *fmt, int wide, const crt_tm *tm, const void *names)
{
    if (out == NULL || fmt == NULL || tm == NULL) {
        crt_errno = CRT_EINVAL;
        return 0;
    }
    tz();
    const crt_lc_time *lt = names ? names : crt_lc_time_current();
    int status;
    size_t n = crt_strftime_status(out, max, fmt, wide, tm, lt, _tzname[tm->tm_isdst > 0], _timezone, &status);
    if (status == CRT_STRFTIME_INVALID)
        crt_invalid_parameter(CRT_EINVAL);
    else if (status == CRT_STRFTIME_FULL)
        crt_errno = CRT_ERANGE;
    return n;
}

/* The narrow forms. msvcrt.dll formats with the table's narrow strings; the UCRT widens the format
 * (mbstowcs), formats with the table's wide strings and converts the text back (wcstombs), so a
 * name reaches the output in LC_CTYPE's code page. */
void *malloc(size_t);
void free(void *);
size_t mbstowcs(crt_wchar *, const char *, size_t);
size_t wcstombs(char *, const crt_wchar *, size_t);

static size_t narrow_format(char *out, size_t max, const char *fmt, const crt_tm *tm, const void *names)
{
#ifdef CRT_UCRT
    if (out == NULL || fmt == NULL || tm == NULL || max == 0)
        return time_format(out, max, fmt, 0, tm, names);
    size_t flen = mbstowcs(NULL, fmt, 0);
    if (flen == (size_t)-1) {
        out[0] = 0;
        return 0;                                       /* EILSEQ, from mbstowcs */
    }
    crt_wchar *wfmt = malloc((flen + 1) * sizeof *wfmt), *wout = malloc(max * sizeof *wout);
    size_t n = 0;
    if (wfmt != NULL && wout != NULL) {
        mbstowcs(wfmt, fmt, flen + 1);
        if (time_format(wout, max, wfmt, 1, tm, names) > 0) {
            n = wcstombs(out, wout, max);
            if (n == (size_t)-1 || n >= max) {          /* unconvertible, or longer than the room */
                if (n != (size_t)-1)
                    crt_errno = CRT_ERANGE;
                n = 0;
            }
        }
    } else {
        crt_errno = CRT_ENOMEM;
    }
    out[n] = 0;
    free(wfmt);
    free(wout);
    return n;
#else
    return time_format(out, max, fmt, 0, tm, names);
#endif
}

CRTEXP size_t strftime(char *out, size_t max, const char *fmt, const crt_tm *tm)
{
    return narrow_format(out, max, fmt, tm, NULL);
}

CRTEXP size_t wcsftime(crt_wchar *out, size_t max, const crt_wchar *fmt, const crt_tm *tm)
{
    return time_format(out, max, fmt, 1, tm, NULL);
}

CRTEXP size_t _Strftime(char *out, size_t max, const char *fmt, const crt_tm *tm, void *names)
{
    return narrow_format(out, max, fmt, tm, names);
}

#ifndef CRT_MSVCRT
CRTEXP size_t _Wcsftime(crt_wchar *out, size_t max, const crt_wchar *fmt, const crt_tm *tm, void *names)
{
    return time_format(out, max, fmt, 1, tm, names);
}
#endif

/* msvcrt.dll's names on x64 take 64-bit times; the UCRT's headers call the _64 forms. */
#ifdef CRT_MSVCRT
CRTEXP crt_tm *gmtime(const long long *t) { return _gmtime64(t); }
CRTEXP crt_tm *localtime(const long long *t) { return _localtime64(t); }
CRTEXP long long mktime(crt_tm *tm) { return _mktime64(tm); }
CRTEXP char *ctime(const long long *t) { return _ctime64(t); }
CRTEXP double difftime(long long a, long long b) { return (double)(a - b); }
#else
CRTEXP double _difftime64(long long a, long long b) { return (double)(a - b); }
#endif
