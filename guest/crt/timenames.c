/* LC_TIME's names: the current locale's __lc_time_data (the "C" one, timenames_c.c, or one built from
 * GetLocaleInfo when setlocale named one), and the copies the C++ library's _Locinfo asks for:
 * _Gettnames (_W_Gettnames in the UCRT: the same block) returns a malloc'd __lc_time_data with
 * its strings after it, freed by the caller in one free(); _Getdays, _Getmonths, _W_Getdays
 * and _W_Getmonths the names as one string ":Sun:Sunday:Mon:Monday:...". */
#include "crtwin.h"
#include "locstate.h"
#include "timenames.h"

void *malloc(size_t);
WINBASEAPI int WINAPI GetLocaleInfoA(DWORD, DWORD, char *, int);
WINBASEAPI int WINAPI GetLocaleInfoW(DWORD, DWORD, crt_wchar *, int);

/* The GetLocaleInfo type of each of the 43 strings (Sunday is the locale's day 7). */
#define LOCALE_SDAYNAME1 0x2A
#define LOCALE_SABBREVDAYNAME1 0x31
#define LOCALE_SMONTHNAME1 0x38
#define LOCALE_SABBREVMONTHNAME1 0x44
#define LOCALE_SNAME 0x5C
#define LOCALE_NAME_MAX_LENGTH 85
static DWORD info_type(int i)
{
    if (i < CRT_LT_WDAY) return LOCALE_SABBREVDAYNAME1 + (i + 6) % 7;
    if (i < CRT_LT_MONTH_ABBR) return LOCALE_SDAYNAME1 + (i - CRT_LT_WDAY + 6) % 7;
    if (i < CRT_LT_MONTH) return LOCALE_SABBREVMONTHNAME1 + (i - CRT_LT_MONTH_ABBR);
    if (i < CRT_LT_AMPM) return LOCALE_SMONTHNAME1 + (i - CRT_LT_MONTH);
    static const DWORD rest[] = { 0x28 /* S1159 */, 0x29 /* S2359 */, 0x1F /* SSHORTDATE */,
                                  0x20 /* SLONGDATE */, 0x1003 /* STIMEFORMAT */ };
    return rest[i - CRT_LT_AMPM];
}

/* The locale's table, built once for the LCID LC_TIME names; a string the locale lacks is the
 * "C" one. */
static crt_lc_time named;
static unsigned long named_lcid;
static char named_text[1024];
static crt_wchar named_wtext[1024];
#ifndef CRT_MSVCRT
static crt_wchar named_name[LOCALE_NAME_MAX_LENGTH];
#endif

static void build_named(unsigned long lcid)
{
    size_t k = 0, wk = 0;
    for (int i = 0; i < CRT_LT_COUNT; i++) {
        int n = GetLocaleInfoA(lcid, info_type(i), named_text + k, (int)(sizeof named_text - k));
        named.str[i] = n > 0 ? named_text + k : crt_lc_time_c.str[i];
        k += n > 0 ? (size_t)n : 0;
        n = GetLocaleInfoW(lcid, info_type(i), named_wtext + wk, (int)(sizeof named_wtext / 2 - wk));
        named.wstr[i] = n > 0 ? named_wtext + wk : crt_lc_time_c.wstr[i];
        wk += n > 0 ? (size_t)n : 0;
    }
    named.ww_caltype = 1;                   /* CAL_GREGORIAN */
#ifdef CRT_MSVCRT
    named.lcid = lcid;
#else
    if (GetLocaleInfoW(lcid, LOCALE_SNAME, named_name, LOCALE_NAME_MAX_LENGTH) <= 0)
        named_name[0] = 0;
    named.locale_name = named_name;
#endif
    named_lcid = lcid;
}

const crt_lc_time *crt_lc_time_current(void)
{
    if (crt_locale.time_c)
        return &crt_lc_time_c;
    unsigned long lcid = crt_locale.lcid[5 /* LC_TIME */];
    if (lcid == 0)
        lcid = 0x400;                       /* LOCALE_USER_DEFAULT */
    if (named_lcid != lcid)
        build_named(lcid);
    return &named;
}

static size_t wlen(const crt_wchar *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

/* One block: the structure, the wide strings, then the narrow ones. */
CRTEXP void *_Gettnames(void)
{
    const crt_lc_time *t = crt_lc_time_current();
    size_t size = sizeof(crt_lc_time);
    for (int i = 0; i < CRT_LT_COUNT; i++)
        size += (wlen(t->wstr[i]) + 1) * sizeof(crt_wchar) + __builtin_strlen(t->str[i]) + 1;
#ifndef CRT_MSVCRT
    if (t->locale_name)
        size += (wlen(t->locale_name) + 1) * sizeof(crt_wchar);
#endif
    crt_lc_time *copy = malloc(size);
    if (copy == NULL)
        return NULL;
    *copy = *t;
    copy->refcount = 0;
    crt_wchar *w = (crt_wchar *)(copy + 1);
    for (int i = 0; i < CRT_LT_COUNT; i++) {
        size_t n = (wlen(t->wstr[i]) + 1) * sizeof(crt_wchar);
        __builtin_memcpy(w, t->wstr[i], n);
        copy->wstr[i] = w;
        w += n / sizeof(crt_wchar);
    }
#ifndef CRT_MSVCRT
    if (t->locale_name) {
        size_t n = (wlen(t->locale_name) + 1) * sizeof(crt_wchar);
        __builtin_memcpy(w, t->locale_name, n);
        copy->locale_name = w;
        w += n / sizeof(crt_wchar);
    }
#endif
    char *s = (char *)w;
    for (int i = 0; i < CRT_LT_COUNT; i++) {
        size_t n = __builtin_strlen(t->str[i]) + 1;
        __builtin_memcpy(s, t->str[i], n);
        copy->str[i] = s;
        s += n;
    }
    return copy;
}

#ifndef CRT_MSVCRT
CRTEXP void *_W_Gettnames(void) { return _Gettnames(); }
#endif

/* ":abbr:full" for `count` names from `first` (the abbreviations at first, the full names at
 * first + full), narrow or wide, in a malloc'd block. */
static void *join(int first, int full, int count, int wide)
{
    const crt_lc_time *t = crt_lc_time_current();
    size_t n = 1;
    for (int i = 0; i < count; i++)
        n += 2 + (wide ? wlen(t->wstr[first + i]) + wlen(t->wstr[first + full + i])
                       : __builtin_strlen(t->str[first + i]) + __builtin_strlen(t->str[first + full + i]));
    char *out = malloc(n * (wide ? sizeof(crt_wchar) : 1));
    if (out == NULL)
        return NULL;
    size_t k = 0;
    for (int i = 0; i < 2 * count; i++) {
        int idx = first + i / 2 + (i % 2 ? full : 0);
        if (wide) {
            ((crt_wchar *)out)[k++] = ':';
            for (const crt_wchar *p = t->wstr[idx]; *p; p++) ((crt_wchar *)out)[k++] = *p;
        } else {
            out[k++] = ':';
            for (const char *p = t->str[idx]; *p; p++) out[k++] = *p;
        }
    }
    if (wide) ((crt_wchar *)out)[k] = 0;
    else out[k] = 0;
    return out;
}

CRTEXP char *_Getdays(void) { return join(CRT_LT_WDAY_ABBR, 7, 7, 0); }
CRTEXP char *_Getmonths(void) { return join(CRT_LT_MONTH_ABBR, 12, 12, 0); }
#ifndef CRT_MSVCRT
CRTEXP crt_wchar *_W_Getdays(void) { return join(CRT_LT_WDAY_ABBR, 7, 7, 1); }
CRTEXP crt_wchar *_W_Getmonths(void) { return join(CRT_LT_MONTH_ABBR, 12, 12, 1); }
#endif
