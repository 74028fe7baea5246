/* The C runtime's LC_TIME table and the routines that take one: _Gettnames' malloc'd copy of
 * the current names read through the flavour's __lc_time_data layout (msvcrt.dll's with its LCID,
 * the UCRT's __crt_lc_time_data with the wide strings and the locale name), _Strftime with NULL
 * (the current locale) and with a table whose names and date/time pictures the program replaced,
 * and against the UCRT (USE_UCRT) _W_Gettnames and _Wcsftime; msvcrt.dll's $I10_OUTPUT on the
 * values of a public conformance table recorded against Windows; sscanf_s with buffers too small
 * for their fields. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

typedef struct {
    const char *wday_abbr[7], *wday[7], *month_abbr[12], *month[12], *ampm[2];
    const char *ww_sdatefmt, *ww_ldatefmt, *ww_timefmt;
#ifndef USE_UCRT
    unsigned long lcid;
#endif
    int ww_caltype;
    int refcount;
    const wchar_t *W_wday_abbr[7], *W_wday[7], *W_month_abbr[12], *W_month[12], *W_ampm[2];
    const wchar_t *W_ww_sdatefmt, *W_ww_ldatefmt, *W_ww_timefmt;
#ifdef USE_UCRT
    const wchar_t *W_ww_locale_name;
#endif
} lc_time_data;

void *__cdecl _Gettnames(void);
size_t __cdecl _Strftime(char *, size_t, const char *, const struct tm *, void *);
#ifdef USE_UCRT
void *__cdecl _W_Gettnames(void);
size_t __cdecl _Wcsftime(wchar_t *, size_t, const wchar_t *, const struct tm *, void *);
#endif

static void wide_line(const char *what, const wchar_t *w)
{
    printf("%s [", what);
    for (; *w; w++)
        printf(*w < 0x80 ? "%c" : "\\x%04x", *w);
    printf("]\n");
}

static void names(void)
{
    lc_time_data *t = _Gettnames();
    printf("offset of the wide names %u\n", (unsigned)((char *)&t->W_wday_abbr[0] - (char *)t));
    printf("days %s %s %s %s\n", t->wday_abbr[0], t->wday[0], t->wday_abbr[6], t->wday[6]);
    printf("months %s %s %s %s\n", t->month_abbr[0], t->month[0], t->month_abbr[11], t->month[11]);
    printf("ampm %s %s\n", t->ampm[0], t->ampm[1]);
    printf("pictures [%s] [%s] [%s]\n", t->ww_sdatefmt, t->ww_ldatefmt, t->ww_timefmt);
    wide_line("wide Saturday", t->W_wday[6]);
    wide_line("wide time picture", t->W_ww_timefmt);
    free(t);
}

static void strftime_with_tables(void)
{
    struct tm tm = { 9, 5, 13, 29, 1, 124, 4, 59, 0 };     /* Thursday 2024-02-29 13:05:09 */
    char buf[256];
    const char *fmt = "%a %A %b %B %p|%x|%#x|%X|%c";
    size_t n = _Strftime(buf, sizeof buf, fmt, &tm, NULL);
    printf("_Strftime NULL: %u [%s]\n", (unsigned)n, buf);
    strftime(buf, sizeof buf, fmt, &tm);
    printf("strftime:       [%s]\n", buf);

    /* the program's own names and pictures in a copy of the table, narrow and wide */
    lc_time_data *t = _Gettnames();
#define SET(field, text) (t->field = text, t->W_##field = L##text)
    SET(wday_abbr[4], "jeu.");
    SET(wday[4], "jeudi");
    SET(month_abbr[1], "fevr.");
    SET(month[1], "fevrier");
    SET(ampm[1], "de l'apres-midi");
    SET(ww_sdatefmt, "dd/MM/yyyy");
    SET(ww_ldatefmt, "dddd d MMMM yyyy 'an' yy");
    SET(ww_timefmt, "H'h'mm' et 'ss's' tt");
    n = _Strftime(buf, sizeof buf, fmt, &tm, t);
    printf("_Strftime own:  %u [%s]\n", (unsigned)n, buf);
    SET(ww_timefmt, "h:m:s t");
    tm.tm_hour = 9;
    n = _Strftime(buf, sizeof buf, "%X %p %I", &tm, t);
    printf("_Strftime 9h:   %u [%s]\n", (unsigned)n, buf);
    n = _Strftime(buf, 8, "%A %B", &tm, t);
    printf("_Strftime full: %u [%s]\n", (unsigned)n, buf);
    /* msvcrt.dll reads the narrow names, the UCRT the wide ones (its narrow forms go through
     * the wide engine) */
    t->month[1] = "narrow";
    t->W_month[1] = L"wide";
    n = _Strftime(buf, sizeof buf, "%B", &tm, t);
    printf("_Strftime which: %u [%s]\n", (unsigned)n, buf);
#ifdef USE_UCRT
    lc_time_data *w = _W_Gettnames();
    wchar_t wbuf[128];
    w->W_month[1] = L"Febrero";
    w->W_wday[4] = L"Jueves";
    w->W_ww_sdatefmt = L"d-M-yy";
    n = _Wcsftime(wbuf, 128, L"%A %B %x %#c", &tm, w);
    printf("_Wcsftime own:  %u", (unsigned)n);
    wide_line("", wbuf);
    n = _Wcsftime(wbuf, 128, L"%A %B %x", &tm, NULL);
    printf("_Wcsftime NULL: %u", (unsigned)n);
    wide_line("", wbuf);
    free(w);
#endif
    free(t);
}

/* The date and time pictures letter by letter, in a table of made-up names (narrow and wide
 * alike): the rows of a public conformance table recorded against Windows' ucrtbase.dll. */
static void pictures(void)
{
    static const char *const wday_abbr[7] = { "D1", "D2", "D3", "D4", "D5", "D6", "D7" };
    static const char *const wday[7] = { "Day1", "Day2", "Day3", "Day4", "Day5", "Day6", "Day7" };
    static const wchar_t *const wwday_abbr[7] = { L"D1", L"D2", L"D3", L"D4", L"D5", L"D6", L"D7" };
    static const wchar_t *const wwday[7] = { L"Day1", L"Day2", L"Day3", L"Day4", L"Day5", L"Day6", L"Day7" };
    static const struct { const char *fmt, *pic; int hour; } rows[] = {
        { "%c", "x|y|z", 0 }, { "%#c", "x|y|z", 0 }, { "%X", "MMM", 1 }, { "%X", "h", 1 }, { "%X", "hh", 1 },
        { "%X", "hhh", 1 }, { "%X", "hhhh", 1 }, { "%X", "H", 1 }, { "%X", "HH", 1 }, { "%X", "HHH", 13 },
        { "%X", "m", 0 }, { "%X", "mm", 0 }, { "%X", "mmm", 0 }, { "%X", "s", 0 }, { "%X", "ss", 0 },
        { "%X", "sss", 0 }, { "%X", "t", 0 }, { "%X", "tt", 0 }, { "%X", "ttttttttt", 0 }, { "%X", "a", 0 },
        { "%X", "aaaaa", 0 }, { "%X", "A", 0 }, { "%X", "AAAAA", 0 }, { "%x", "d", 0 }, { "%x", "dd", 0 },
        { "%x", "ddd", 0 }, { "%x", "dddd", 0 }, { "%x", "ddddd", 0 }, { "%x", "M", 0 }, { "%x", "MM", 0 },
        { "%x", "MMM", 0 }, { "%x", "MMMM", 0 }, { "%x", "MMMMM", 0 }, { "%x", "y", 0 }, { "%x", "yy", 0 },
        { "%x", "yyy", 0 }, { "%x", "yyyy", 0 }, { "%x", "yyyyy", 0 }, { "%x", "ggggggggggg", 0 },
        { "%#x", "dddd", 0 }, { "%#x", "MMMMM", 0 }, { "%#x", "yyy", 0 },
#ifdef USE_UCRT
        { "%r", "x|y|z", 0 },
#endif
    };
    lc_time_data *t = _Gettnames();
    for (int i = 0; i < 7; i++)
        t->wday_abbr[i] = wday_abbr[i], t->wday[i] = wday[i], t->W_wday_abbr[i] = wwday_abbr[i], t->W_wday[i] = wwday[i];
    t->month_abbr[0] = "M1", t->month[0] = "Mon1", t->W_month_abbr[0] = L"M1", t->W_month[0] = L"Mon1";
    t->ampm[0] = "TAM", t->ampm[1] = "TPM", t->W_ampm[0] = L"TAM", t->W_ampm[1] = L"TPM";
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char text[3][32];
        wchar_t wide[3][32];
        const char *p = rows[i].pic;
        int k = 0, n = 0;
        if (strchr(p, '|') == NULL) {           /* one picture for all three */
            for (k = 0; k < 3; k++)
                strcpy(text[k], p);
        } else {
            for (k = 0; *p; p++)
                if (*p == '|') text[k++][n] = 0, n = 0;
                else text[k][n++] = *p;
            text[k][n] = 0;
        }
        for (k = 0; k < 3; k++)
            mbstowcs(wide[k], text[k], 32);
        t->ww_sdatefmt = text[0], t->ww_ldatefmt = text[1], t->ww_timefmt = text[2];
        t->W_ww_sdatefmt = wide[0], t->W_ww_ldatefmt = wide[1], t->W_ww_timefmt = wide[2];
        struct tm tm = { 0, 0, rows[i].hour, 1, 0, 70, 0, 0, 0 };
        char buf[64];
        size_t len = _Strftime(buf, sizeof buf, rows[i].fmt, &tm, t);
        printf("picture %s [%s]: %u [%s]\n", rows[i].fmt, rows[i].pic, (unsigned)len, buf);
    }
    free(t);
}

#ifndef USE_UCRT
typedef struct { unsigned char ld[10]; } ldouble10;
typedef struct { short pos; char sign; unsigned char len; char str[100]; } i10_output_data;
int __cdecl i10_output(ldouble10, int, unsigned, i10_output_data *) __asm__("\"$I10_OUTPUT\"");

static ldouble10 from(long double d)
{
    ldouble10 v;
    memcpy(v.ld, &d, 10);
    return v;
}

static ldouble10 special(int sign, unsigned long long mant)
{
    ldouble10 v;
    memcpy(v.ld, &mant, 8);
    v.ld[8] = 0xFF;
    v.ld[9] = (unsigned char)(sign ? 0xFF : 0x7F);
    return v;
}

static void i10(const char *what, ldouble10 v, int digits, unsigned flags)
{
    i10_output_data out;
    memset(&out, '#', sizeof out);
    int r = i10_output(v, digits, flags, &out);
    printf("$I10_OUTPUT %s %d %u: %d pos %d sign '%c' len %d [%s]\n", what, digits, flags, r, out.pos, out.sign,
           out.len, out.str);
}

static void i10_table(void)
{
    static const struct { const char *what; double d; int digits, flags; } rows[] = {
        { "0.0", 0.0, 10, 0 }, { "1.0", 1.0, 10, 0 }, { "-1.0", -1.0, 10, 0 }, { "1.23", 1.23, 10, 0 },
        { "1e13", 1e13, 10, 0 }, { "1e30", 1e30, 30, 0 }, { "1e-13", 1e-13, 10, 0 }, { "0.25", 0.25, 10, 0 },
        { "1.0000001", 1.0000001, 10, 0 },
        { "0.0", 0.0, 10, 1 }, { "1.0", 1.0, 10, 1 }, { "-1.0", -1.0, 10, 1 }, { "1.23", 1.23, 10, 1 },
        { "1e13", 1e13, 10, 1 }, { "1e30", 1e30, 30, 1 }, { "1e-13", 1e-13, 10, 1 }, { "1e-7", 1e-7, 10, 1 },
        { "0.25", 0.25, 10, 1 }, { "1.0000001", 1.0000001, 10, 1 },
        { "0.0", 0.0, 0, 0 }, { "0.0", 0.0, 0, 1 }, { "123.0", 123.0, 2, 0 }, { "123.0", 123.0, 0, 0 },
        { "123.0", 123.0, 2, 1 }, { "0.99", 0.99, 1, 0 }, { "1264567.0", 1264567.0, 2, 0 },
        { "1264567.0", 1264567.0, 2, 1 }, { "1234567891.0", 1234567891.0, 2, 1 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        i10(rows[i].what, from(rows[i].d), rows[i].digits, (unsigned)rows[i].flags);
    i10("1/3", from(1.0L / 3), 25, 0);
    ldouble10 big = special(0, 0xFFFFFFFFFFFFFFFFull), tiny = special(0, 1);
    big.ld[8] = 0xFE;                           /* the largest finite value */
    tiny.ld[8] = tiny.ld[9] = 0;                /* the smallest denormal */
    i10("max", big, 21, 0);
    i10("tiny", tiny, 21, 0);
    i10("inf", special(0, 0x8000000000000000ull), 10, 0);
    i10("-inf", special(1, 0x8000000000000000ull), 10, 0);
    i10("qnan", special(0, 0xC000000000000001ull), 10, 0);
    i10("snan", special(0, 0x8000000000000001ull), 10, 0);
    i10("ind", special(1, 0xC000000000000000ull), 10, 0);
}
#endif

static void scanf_too_small(void)
{
    char buf[16];
    int i = 1, r;
    r = sscanf_s("123", "%s", buf, 100);
    printf("sscanf_s %%s 100: %d [%s]\n", r, buf);
    r = sscanf_s("123", "%s", buf, 3);
    printf("sscanf_s %%s 3: %d buf[0] %d\n", r, buf[0]);
    memset(buf, 'a', sizeof buf);
    r = sscanf_s("123", "%3c", buf, 2);
    printf("sscanf_s %%3c 2: %d buf %d %c %c\n", r, buf[0], buf[1], buf[2]);
    buf[3] = 'a', buf[4] = 0;
    r = sscanf_s("123", "%3c", buf, 3);
    printf("sscanf_s %%3c 3: %d [%s]\n", r, buf);
    memset(buf, 'a', sizeof buf);
    r = sscanf_s("12345", "%[0-9]", buf, 4);
    printf("sscanf_s %%[ 4: %d buf %d %c %c %c\n", r, buf[0], buf[1], buf[3], buf[4]);
    r = sscanf_s("123 123", "%s %d", buf, 2, &i);
    printf("sscanf_s %%s %%d: %d i %d\n", r, i);
    r = sscanf_s("123 123", "%d %s", &i, buf, 2);
    printf("sscanf_s %%d %%s: %d i %d buf[0] %d\n", r, i, buf[0]);
    wchar_t w[8] = L"zzzzzzz";
    r = swscanf_s(L"123", L"%s", w, 3);
    printf("swscanf_s %%s 3: %d w[0] %d w[1] %d\n", r, w[0], w[1]);
}

int main(void)
{
    names();
    strftime_with_tables();
    pictures();
#ifndef USE_UCRT
    i10_table();
#endif
    scanf_too_small();
    return 0;
}
