/* Calendar conversions and strftime (timeconv.c), pure. */
#pragma once
#include "crtbase.h"

typedef struct crt_tm {
    int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
} crt_tm;

int crt_seconds_to_tm(long long t, crt_tm *tm);         /* 0, or -1 outside 1970..3000 */
long long crt_tm_to_seconds(crt_tm *tm);
/* tzbias: seconds west of UTC (the runtime's _timezone); returns the length or 0. */
size_t crt_strftime(char *out, size_t max, const char *fmt, const crt_tm *tm, const char *tzname, long tzbias);
/* The same, with why it returned 0: a conversion or the field it reads out of range, or no room. */
enum { CRT_STRFTIME_INVALID = 1, CRT_STRFTIME_FULL = 2 };
size_t crt_strftime_status(char *out, size_t max, const char *fmt, const crt_tm *tm, const char *tzname,
                           long tzbias, int *status);
void crt_asctime(const crt_tm *tm, char *buf);          /* 26 bytes with the newline */
