/* setlocale and localeconv. Each category (LC_COLLATE, LC_CTYPE, LC_MONETARY, LC_NUMERIC,
 * LC_TIME) holds "C" or the one named locale whose data this runtime has, English (United
 * States) as kernel32 describes it (GetLocaleInfo), with a code page for LC_CTYPE:
 *   ""  ".ACP"               English_United States.1252 (the user's default: ANSI code page)
 *   ".OCP"                   English_United States.437 (the OEM code page)
 *   ".NNNN"                  English_United States.NNNN, any valid single- or double-byte code page
 *   "English[_United States][.NNNN]" and the other spellings Windows takes for them
 *   ".UTF8" ".UTF-8"         English_United States.utf8 (UCRT only: code page 65001)
 *   "en-US" "en_US" "en" [".UTF-8" ...]  kept as spelt (UCRT only, as Windows 10's UCRT)
 * Anything else fails (NULL), as a name of a locale this runtime has no data for. A query of LC_ALL
 * whose categories differ gives "LC_COLLATE=...;LC_CTYPE=...;LC_MONETARY=...;LC_NUMERIC=...;
 * LC_TIME=...", which setlocale takes back. LC_CTYPE sets the code page the multibyte functions
 * convert through and the classification table (ctype.c); LC_COLLATE makes strcoll compare as
 * CompareString; LC_TIME gives strftime the locale's date and time formats; LC_NUMERIC and
 * LC_MONETARY are what localeconv reports. */
#include "crtwin.h"
#include "errno.h"
#include "locstate.h"

WINBASEAPI int WINAPI GetLocaleInfoA(DWORD, DWORD, char *, int);
WINBASEAPI BOOL WINAPI IsValidCodePage(unsigned);
typedef struct { unsigned MaxCharSize; unsigned char DefaultChar[2], LeadByte[12]; } CPINFO;
WINBASEAPI BOOL WINAPI GetCPInfo(unsigned, CPINFO *);

#define LOCALE_USER_DEFAULT 0x400
#define LC_ALL 0
#define LC_MAX 5
#define NAME_MAX 64

static const char *const category_names[] = { "LC_ALL", "LC_COLLATE", "LC_CTYPE", "LC_MONETARY", "LC_NUMERIC",
                                             "LC_TIME" };
static char names[LC_MAX + 1][NAME_MAX] = { "C", "C", "C", "C", "C", "C" };
static unsigned codepages[LC_MAX + 1];
static char all_name[6 * NAME_MAX + 80];

struct crt_locale_state crt_locale = { 0, 1, 1, 1, 1, 1 };

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int same(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]) || !b[i])
            return 0;
    return b[n] == 0;
}

static size_t length(const char *s)
{
    size_t n = 0;
    while (s[n]) n++;
    return n;
}

static void copy(char *d, const char *s, size_t max)
{
    size_t i = 0;
    for (; s[i] && i < max - 1; i++) d[i] = s[i];
    d[i] = 0;
}

static int one_of(const char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (same(s, *list, n))
            return 1;
    return 0;
}

/* The code page part after the dot: ACP, OCP, UTF8 (UCRT), or a number; 0 if none we take. */
static unsigned parse_codepage(const char *s)
{
    size_t n = length(s);
    if (same(s, "ACP", n)) return 1252;
    if (same(s, "OCP", n)) return 437;
#ifdef CRT_UCRT
    if (same(s, "UTF8", n) || same(s, "UTF-8", n)) return 65001;
#endif
    unsigned cp = 0;
    if (n == 0 || n > 5) return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        cp = cp * 10 + (unsigned)(s[i] - '0');
    }
#ifdef CRT_UCRT
    if (cp == 65001) return cp;
#endif
    CPINFO info;
    if (!IsValidCodePage(cp) || !GetCPInfo(cp, &info) || info.MaxCharSize > 2)
        return 0;           /* single- and double-byte code pages only */
    return cp;
}

static const char *const languages[] = { "english", "american", "american english", "american-english",
                                         "english-american", "english-us", "english-usa", "enu", NULL };
static const char *const countries[] = { "united states", "america", "us", "usa", NULL };

/* A locale name as setlocale takes it: the name it answers with and LC_CTYPE's code page, or 0. */
static int parse_locale(const char *name, char *out, unsigned *cp)
{
    if (same(name, "C", 1)) {
        copy(out, "C", NAME_MAX);
        *cp = 0;
        return 1;
    }
    size_t n = length(name);
    if (n >= NAME_MAX) return 0;
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++)
        if (name[i] == '.') dot = name + i;
    size_t stem = dot ? (size_t)(dot - name) : n;
    *cp = 1252;
    if (dot && !(*cp = parse_codepage(dot + 1)))
        return 0;
#ifdef CRT_UCRT
    /* the locale-name forms (BCP-47 "en-US", POSIX-like "en_US"), kept as given */
    if (stem && (same(name, "en-US", stem) || same(name, "en_US", stem) || same(name, "en", stem))) {
        copy(out, name, NAME_MAX);
        return 1;
    }
#endif
    if (stem) {
        const char *under = NULL;
        for (size_t i = 0; i < stem; i++)
            if (name[i] == '_') under = name + i;
        size_t lang = under ? (size_t)(under - name) : stem;
        if (!one_of(name, lang, languages))
            return 0;
        if (under && !one_of(under + 1, stem - lang - 1, countries))
            return 0;
    }
    const char *base = "English_United States.";
    size_t k = 0;
    for (; base[k]; k++) out[k] = base[k];
    if (*cp == 65001) {
        copy(out + k, "utf8", NAME_MAX - k);
    } else {
        char digits[8];
        int d = 0;
        for (unsigned v = *cp; v; v /= 10) digits[d++] = (char)('0' + v % 10);
        while (d) out[k++] = digits[--d];
        out[k] = 0;
    }
    return 1;
}

/* MB_CUR_MAX of a single- or double-byte code page (1 for "C"). */
static int max_char_size(unsigned cp)
{
    CPINFO info;
    return cp && GetCPInfo(cp, &info) ? (int)info.MaxCharSize : 1;
}

static void apply(int category)
{
    int c = strcmp(names[category], "C") == 0;
    switch (category) {
    case 1: crt_locale.collate_c = c; break;
    case 2:
        crt_locale.codepage = codepages[category];
        crt_locale.mb_cur_max = crt_locale.codepage == 65001 ? 4 : max_char_size(crt_locale.codepage);
        crt_ctype_set_codepage(crt_locale.codepage);
        crt_set_mb_cur_max(crt_locale.mb_cur_max);
        break;
    case 3: crt_locale.monetary_c = c; break;
    case 4: crt_locale.numeric_c = c; break;
    case 5: crt_locale.time_c = c; break;
    }
    if (category == 1)
        crt_locale.collate_cp = codepages[category];
    crt_locale.lcid[category] = c ? 0 : 0x409;      /* the one named locale: English (United States) */
    crt_locale_data_changed();
}

static int set_category(int category, const char *name)
{
    char out[NAME_MAX];
    unsigned cp;
    if (!parse_locale(name, out, &cp))
        return 0;
    copy(names[category], out, NAME_MAX);
    codepages[category] = cp;
    apply(category);
    return 1;
}

static const char *query_all(void)
{
    int differ = 0;
    for (int c = 2; c <= LC_MAX; c++)
        if (strcmp(names[c], names[1]))
            differ = 1;
    if (!differ)
        return names[1];
    size_t k = 0;
    for (int c = 1; c <= LC_MAX; c++) {
        if (c > 1) all_name[k++] = ';';
        for (const char *s = category_names[c]; *s; s++) all_name[k++] = *s;
        all_name[k++] = '=';
        for (const char *s = names[c]; *s; s++) all_name[k++] = *s;
    }
    all_name[k] = 0;
    return all_name;
}

/* LC_ALL set from a composite "LC_X=name;..." string (what a query of LC_ALL gave). */
static int set_composite(const char *s)
{
    char saved[LC_MAX + 1][NAME_MAX];
    unsigned saved_cp[LC_MAX + 1];
    for (int c = 1; c <= LC_MAX; c++) {
        copy(saved[c], names[c], NAME_MAX);
        saved_cp[c] = codepages[c];
    }
    while (*s) {
        const char *eq = s;
        while (*eq && *eq != '=') eq++;
        if (!*eq) goto fail;
        int category = 0;
        for (int c = 1; c <= LC_MAX; c++)
            if (same(s, category_names[c], (size_t)(eq - s)))
                category = c;
        const char *end = eq + 1;
        while (*end && *end != ';') end++;
        char value[NAME_MAX];
        if (!category || (size_t)(end - eq - 1) >= NAME_MAX) goto fail;
        copy(value, eq + 1, (size_t)(end - eq));
        if (!set_category(category, value)) goto fail;
        s = *end ? end + 1 : end;
    }
    return 1;
fail:
    for (int c = 1; c <= LC_MAX; c++) {
        copy(names[c], saved[c], NAME_MAX);
        codepages[c] = saved_cp[c];
        apply(c);
    }
    return 0;
}

CRTEXP char *setlocale(int category, const char *name)
{
    if (category < 0 || category > LC_MAX) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    if (name == NULL)
        return (char *)(category == LC_ALL ? query_all() : names[category]);
    if (category != LC_ALL)
        return set_category(category, name) ? names[category] : NULL;
    if (name[0] == 'L' && name[1] == 'C' && name[2] == '_')
        return set_composite(name) ? (char *)query_all() : NULL;
    char out[NAME_MAX];
    unsigned cp;
    if (!parse_locale(name, out, &cp))
        return NULL;
    for (int c = 1; c <= LC_MAX; c++)
        set_category(c, name);
    return (char *)query_all();
}

/* _wsetlocale: setlocale of the name as ASCII, its answer widened (per category). */
CRTEXP crt_wchar *_wsetlocale(int category, const crt_wchar *name)
{
    static crt_wchar answer[sizeof all_name];
    char narrow[sizeof all_name];
    const char *r;
    if (name) {
        size_t i = 0;
        for (; name[i] && i < sizeof narrow - 1; i++) {
            if (name[i] > 0x7F) return NULL;
            narrow[i] = (char)name[i];
        }
        narrow[i] = 0;
        r = setlocale(category, narrow);
    } else
        r = setlocale(category, NULL);
    if (r == NULL)
        return NULL;
    size_t i = 0;
    for (; r[i]; i++) answer[i] = (unsigned char)r[i];
    answer[i] = 0;
    return answer;
}

/* -- localeconv: the "C" values, or English (United States)'s from GetLocaleInfo */
struct crt_lconv {
    char *decimal_point, *thousands_sep, *grouping, *int_curr_symbol, *currency_symbol,
         *mon_decimal_point, *mon_thousands_sep, *mon_grouping, *positive_sign, *negative_sign;
    char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space, n_cs_precedes, n_sep_by_space,
         p_sign_posn, n_sign_posn;
    crt_wchar *_W_decimal_point, *_W_thousands_sep, *_W_int_curr_symbol, *_W_currency_symbol,
              *_W_mon_decimal_point, *_W_mon_thousands_sep, *_W_positive_sign, *_W_negative_sign;
};

static char point[] = ".", empty[] = "";
static crt_wchar wpoint[] = { '.', 0 }, wempty[] = { 0 };
static struct crt_lconv lconv;
/* CHAR_MAX, the "C" locale's "not available" for lconv's char members: 127, or UCHAR_MAX once a
 * program compiled with unsigned chars (/J, its start-up code calls __lconv_init or
 * __initialize_lconv_for_unsigned_char) has asked for it. */
static char char_max = 127;

int crt_lconv_for_unsigned_char(void)
{
    char_max = (char)255;
    return 0;
}
static char s_decimal[8], s_thousand[8], s_grouping[8], s_intl[8], s_currency[8], s_mon_decimal[8],
            s_mon_thousand[8], s_mon_grouping[8], s_positive[8], s_negative[8];
static crt_wchar w_decimal[8], w_thousand[8], w_intl[8], w_currency[8], w_mon_decimal[8], w_mon_thousand[8],
                 w_positive[8], w_negative[8];

#define LOCALE_SDECIMAL 0x0E
#define LOCALE_STHOUSAND 0x0F
#define LOCALE_SGROUPING 0x10
#define LOCALE_SCURRENCY 0x14
#define LOCALE_SINTLSYMBOL 0x15
#define LOCALE_SMONDECIMALSEP 0x16
#define LOCALE_SMONTHOUSANDSEP 0x17
#define LOCALE_SMONGROUPING 0x18
#define LOCALE_ICURRDIGITS 0x19
#define LOCALE_IINTLCURRDIGITS 0x1A
#define LOCALE_SPOSITIVESIGN 0x50
#define LOCALE_SNEGATIVESIGN 0x51

static char *info(DWORD type, char *buf, crt_wchar *wide)
{
    if (GetLocaleInfoA(LOCALE_USER_DEFAULT, type, buf, 8) <= 0)
        buf[0] = 0;
    if (wide) {
        int i = 0;
        for (; buf[i]; i++) wide[i] = (unsigned char)buf[i];
        wide[i] = 0;
    }
    return buf;
}

/* "3;0" (GetLocaleInfo's grouping) as localeconv's "\3": sizes as bytes, a final 0 repeats. */
static char *grouping(DWORD type, char *buf)
{
    char text[8];
    info(type, text, NULL);
    int k = 0;
    for (int i = 0; text[i] && k < 7; i++)
        if (text[i] >= '1' && text[i] <= '9')
            buf[k++] = (char)(text[i] - '0');
    buf[k] = 0;
    return buf;
}

static char digits(DWORD type)
{
    char text[8];
    info(type, text, NULL);
    return (char)(text[0] >= '0' && text[0] <= '9' ? text[0] - '0' : 127);
}

CRTEXP struct crt_lconv *localeconv(void)
{
    if (crt_locale.numeric_c) {
        lconv.decimal_point = point; lconv.thousands_sep = empty; lconv.grouping = empty;
        lconv._W_decimal_point = wpoint; lconv._W_thousands_sep = wempty;
    } else {
        lconv.decimal_point = info(LOCALE_SDECIMAL, s_decimal, w_decimal);
        lconv.thousands_sep = info(LOCALE_STHOUSAND, s_thousand, w_thousand);
        lconv.grouping = grouping(LOCALE_SGROUPING, s_grouping);
        lconv._W_decimal_point = w_decimal; lconv._W_thousands_sep = w_thousand;
    }
    if (crt_locale.monetary_c) {
        lconv.int_curr_symbol = lconv.currency_symbol = lconv.mon_decimal_point = empty;
        lconv.mon_thousands_sep = lconv.mon_grouping = lconv.positive_sign = lconv.negative_sign = empty;
        lconv.int_frac_digits = lconv.frac_digits = lconv.p_cs_precedes = lconv.p_sep_by_space = char_max;
        lconv.n_cs_precedes = lconv.n_sep_by_space = lconv.p_sign_posn = lconv.n_sign_posn = char_max;
        lconv._W_int_curr_symbol = lconv._W_currency_symbol = lconv._W_mon_decimal_point = wempty;
        lconv._W_mon_thousands_sep = lconv._W_positive_sign = lconv._W_negative_sign = wempty;
    } else {
        lconv.int_curr_symbol = info(LOCALE_SINTLSYMBOL, s_intl, w_intl);
        lconv.currency_symbol = info(LOCALE_SCURRENCY, s_currency, w_currency);
        lconv.mon_decimal_point = info(LOCALE_SMONDECIMALSEP, s_mon_decimal, w_mon_decimal);
        lconv.mon_thousands_sep = info(LOCALE_SMONTHOUSANDSEP, s_mon_thousand, w_mon_thousand);
        lconv.mon_grouping = grouping(LOCALE_SMONGROUPING, s_mon_grouping);
        lconv.positive_sign = info(LOCALE_SPOSITIVESIGN, s_positive, w_positive);
        lconv.negative_sign = info(LOCALE_SNEGATIVESIGN, s_negative, w_negative);
        lconv.int_frac_digits = digits(LOCALE_IINTLCURRDIGITS);
        lconv.frac_digits = digits(LOCALE_ICURRDIGITS);
        /* English (United States): "$1.1" and "($1.1)" (ICURRENCY 0, INEGCURR 0) */
        lconv.p_cs_precedes = 1; lconv.p_sep_by_space = 0; lconv.n_cs_precedes = 1; lconv.n_sep_by_space = 0;
        lconv.p_sign_posn = 3; lconv.n_sign_posn = 0;
        lconv._W_int_curr_symbol = w_intl; lconv._W_currency_symbol = w_currency;
        lconv._W_mon_decimal_point = w_mon_decimal; lconv._W_mon_thousands_sep = w_mon_thousand;
        lconv._W_positive_sign = w_positive; lconv._W_negative_sign = w_negative;
    }
    return &lconv;
}

/* ___lc_codepage_func: LC_CTYPE's code page (0 for "C"). */
CRTEXP unsigned int ___lc_codepage_func(void) { return crt_locale.codepage; }
