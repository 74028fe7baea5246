/* Calendar conversions and asctime (timeconv.c) and strftime's engine (timefmt.c), pure. */
#pragma once
#include "crtbase.h"

typedef struct crt_tm {
    int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst;
} crt_tm;

int crt_seconds_to_tm(long long t, crt_tm *tm);         /* 0, or -1 outside 1970..3000 */
long long crt_tm_to_seconds(crt_tm *tm);
/* strftime's engine (timefmt.c): fmt and out narrow or wide (crt_wchar), the names and
 * picture formats from lt; tzbias: seconds west of UTC (the runtime's _timezone). Returns the
 * length, or 0 with why in *status: a conversion or a field it reads out of range, or no room. */
struct crt_lc_time;
enum { CRT_STRFTIME_INVALID = 1, CRT_STRFTIME_FULL = 2 };
size_t crt_strftime_status(void *out, size_t max, const void *fmt, int wide, const crt_tm *tm,
                           const struct crt_lc_time *lt, const char *tzname, long tzbias, int *status);
void crt_asctime(const crt_tm *tm, char *buf);          /* 26 bytes with the newline */
