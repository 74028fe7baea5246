/* LC_TIME's names and picture formats as the runtime's __lc_time_data holds them (timenames.c),
 * which strftime, _Strftime and _Wcsftime format with (timeconv.c). */
#pragma once
#include "crtbase.h"

/* The 43 strings, in this order, narrow then wide: */
enum {
    CRT_LT_WDAY_ABBR = 0, CRT_LT_WDAY = 7, CRT_LT_MONTH_ABBR = 14, CRT_LT_MONTH = 26, CRT_LT_AMPM = 38,
    CRT_LT_SDATEFMT = 40, CRT_LT_LDATEFMT = 41, CRT_LT_TIMEFMT = 42, CRT_LT_COUNT = 43
};

/* The UCRT's __crt_lc_time_data: the narrow strings, ww_caltype, refcount, the wide strings and
 * the locale's name. msvcrt.dll's older __lc_time_data has its LCID before the two ints and no
 * name (x64: the wide strings at 0x168 there, at 0x160 in the UCRT). */
typedef struct crt_lc_time {
    const char *str[CRT_LT_COUNT];
#ifdef CRT_MSVCRT
    unsigned long lcid;
#endif
    int ww_caltype;
    int refcount;
    const crt_wchar *wstr[CRT_LT_COUNT];
#ifndef CRT_MSVCRT
    const crt_wchar *locale_name;       /* NULL for the "C" locale */
#endif
} crt_lc_time;

extern const crt_lc_time crt_lc_time_c;             /* the "C" locale's */
const crt_lc_time *crt_lc_time_current(void);       /* LC_TIME's, as setlocale set it */
