/* setlocale and what it changes, for both runtimes (crt_locale: msvcrt.dll, ucrt_locale: the
 * UCRT): the names setlocale answers with, LC_ALL's composite name and its round trip,
 * localeconv in "C" and in English (United States), classification and case of code page 1252's
 * upper half, the multibyte functions in 1252 (and UTF-8 for the UCRT), strcoll's order and
 * strftime's %c/%x/%X in each locale. Every expected line is Windows' documented answer. */
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void show(const char *what, const char *r) { printf("%s -> %s\n", what, r ? r : "(null)"); }

static void dates(const char *label)
{
    struct tm t = { 10, 2, 14, 1, 11, 126, 2, 334, 0 };    /* Tuesday, December 1, 2026 14:02:10 */
    char buf[200];
    strftime(buf, sizeof buf, "%x|%X|%c|%#x|%p|%%x", &t);
    printf("%s strftime: %s\n", label, buf);
}

static void conv(const char *label)
{
    struct lconv *l = localeconv();
    printf("%s localeconv: '%s' '%s' %d '%s' '%s' '%s' '%s' '%s' %d %d %d %d %d %d\n", label, l->decimal_point,
           l->thousands_sep, l->grouping[0], l->int_curr_symbol, l->currency_symbol, l->mon_decimal_point,
           l->positive_sign, l->negative_sign, l->frac_digits, l->int_frac_digits, l->p_cs_precedes,
           l->n_sign_posn, l->p_sign_posn, l->n_sep_by_space);
}

static void common_cases(void)
{
    show("query LC_ALL", setlocale(LC_ALL, NULL));
    printf("C: isalpha(0xE9) %d toupper(0xE9) %#x strcoll(a,B) %d MB_CUR_MAX %d\n", isalpha(0xE9) != 0,
           toupper(0xE9), strcoll("a", "B") > 0, (int)MB_CUR_MAX);
    conv("C");
    dates("C");
    wchar_t w = 0;
    int c80 = mbtowc(&w, "\x80", 1);
    printf("C: mbtowc(0x80) %d %#x\n", c80, (unsigned)w);

    show("\"\"", setlocale(LC_ALL, ""));
    show(".ACP", setlocale(LC_ALL, ".ACP"));
    show("English", setlocale(LC_ALL, "English"));
    show("american_usa.1252", setlocale(LC_ALL, "american_usa.1252"));
    show("Klingon", setlocale(LC_ALL, "Klingon"));
    show("query after a refusal", setlocale(LC_ALL, NULL));
    errno = 0;
    show("category 6", setlocale(6, "C"));
    printf("errno %d\n", errno);

    setlocale(LC_ALL, "English_United States.1252");
    printf("1252: isalpha(0xE9) %d isupper(0xC9) %d toupper(0xE9) %#x tolower(0xC0) %#x toupper(0xFF) %#x "
           "ispunct(0xA9) %d MB_CUR_MAX %d\n", isalpha(0xE9) != 0, isupper(0xC9) != 0, toupper(0xE9),
           tolower(0xC0), toupper(0xFF), ispunct(0xA9) != 0, (int)MB_CUR_MAX);
    printf("1252: strcoll(a,B) %d strcoll(B,a) %d strcoll(abc,abc) %d\n", strcoll("a", "B") < 0, strcoll("B", "a") > 0,
           strcoll("abc", "abc"));
    int n = mbtowc(&w, "\x80", 1);
    char mb[8] = { 0 };
    int m = wctomb(mb, 0x20AC);
    errno = 0;
    int bad = wctomb(mb + 4, 0x4E2D);
    printf("1252: mbtowc(0x80) %d %#x wctomb(U+20AC) %d %#x wctomb(U+4E2D) %d errno %d\n", n, (unsigned)w, m,
           (unsigned char)mb[0], bad, errno);
    wchar_t ws[8];
    size_t k = mbstowcs(ws, "\xe9t\xe9", 8);
    printf("1252: mbstowcs %d %#x %#x %#x\n", (int)k, (unsigned)ws[0], (unsigned)ws[1], (unsigned)ws[2]);
    conv("1252");
    dates("1252");

    setlocale(LC_ALL, "C");
    show("LC_CTYPE .OCP", setlocale(LC_CTYPE, ".OCP"));
    show("LC_TIME \"\"", setlocale(LC_TIME, ""));
    char saved[300];
    strcpy(saved, setlocale(LC_ALL, NULL));
    show("query mixed", saved);
    printf("437: toupper(0x82) %#x isalpha(0x82) %d\n", toupper(0x82), isalpha(0x82) != 0);
    dates("mixed");
    setlocale(LC_ALL, "C");
    show("restore", setlocale(LC_ALL, saved));
    show("LC_NUMERIC", setlocale(LC_NUMERIC, NULL));
    show("LC_CTYPE", setlocale(LC_CTYPE, NULL));
    show("bad composite", setlocale(LC_ALL, "LC_CTYPE=Klingon;LC_TIME=C"));
    show("after a bad composite", setlocale(LC_ALL, NULL));
    setlocale(LC_ALL, "C");
}
