/* Locale objects (_create_locale, _free_locale, _get_current_locale) and the _l forms of the
 * classification, case, collation, conversion and time functions that take one. A locale object
 * describes the "C" locale (setlocale's others are global state, setlocale.c) and each _l form
 * behaves as its plain form: what libc++'s and the STL's locale
 * machinery call through them. The object's layout is the UCRT's _locale_t, two pointers
 * (locinfo, mbcinfo); the locale data starts with the public part that the headers' inline
 * functions read directly: the ctype table, MB_CUR_MAX and the code page (0 for "C"). */
#include "crtwin.h"
#include "errno.h"
#include "strtod.h"
#include "timeconv.h"

typedef struct { const unsigned short *pctype; int mb_cur_max; unsigned lc_codepage; } crt_locale_public;
typedef struct crt_locale { const crt_locale_public *locinfo; void *mbcinfo; } *crt_locale_t;

void *malloc(size_t);
void free(void *);
int strcmp(const char *, const char *);
char *setlocale(int, const char *);
extern const unsigned short *_pctype;
static crt_locale_public c_locinfo;
static char c_mbcinfo[64];

static crt_locale_t new_locale(void)
{
    crt_locale_t l = malloc(sizeof *l);
    if (l) {
        c_locinfo.pctype = _pctype;
        c_locinfo.mb_cur_max = 1;
        l->locinfo = &c_locinfo;
        l->mbcinfo = c_mbcinfo;
    } else
        crt_errno = CRT_ENOMEM;
    return l;
}

/* _create_locale: a locale object for a name setlocale would accept; NULL for any other. */
CRTEXP crt_locale_t _create_locale(int category, const char *name)
{
    if (category < 0 || category > 5 || name == NULL)
        return NULL;
    if (strcmp(name, "C") && strcmp(name, ""))
        return NULL;                /* "" (the user's locale) is given the "C" object */
    return new_locale();
}

CRTEXP crt_locale_t _wcreate_locale(int category, const crt_wchar *name)
{
    if (name == NULL)
        return NULL;
    char narrow[8];
    int i = 0;
    for (; name[i] && i < 7; i++) {
        if (name[i] > 0x7F)
            return NULL;
        narrow[i] = (char)name[i];
    }
    if (name[i])
        return NULL;
    narrow[i] = 0;
    return _create_locale(category, narrow);
}

CRTEXP crt_locale_t _get_current_locale(void)
{
    return new_locale();
}

CRTEXP void _free_locale(crt_locale_t l)
{
    free(l);
}

/* ---- the _l forms: the "C" locale's plain functions ---- */

int _isctype(int, int);
int iswctype(unsigned short, unsigned short);
int toupper(int), tolower(int);
unsigned short towupper(unsigned short), towlower(unsigned short);

#define ISL(name, plain) int plain(int); CRTEXP int name(int c, crt_locale_t l) { (void)l; return plain(c); }
ISL(_isalpha_l, isalpha)
ISL(_isupper_l, isupper)
ISL(_islower_l, islower)
ISL(_isdigit_l, isdigit)
ISL(_isxdigit_l, isxdigit)
ISL(_isspace_l, isspace)
ISL(_ispunct_l, ispunct)
ISL(_isalnum_l, isalnum)
ISL(_isprint_l, isprint)
ISL(_isgraph_l, isgraph)
ISL(_iscntrl_l, iscntrl)
ISL(_isblank_l, isblank)
ISL(_toupper_l, toupper)
ISL(_tolower_l, tolower)

#define ISWL(name, plain) int plain(unsigned short); \
    CRTEXP int name(unsigned short c, crt_locale_t l) { (void)l; return plain(c); }
ISWL(_iswalpha_l, iswalpha)
ISWL(_iswupper_l, iswupper)
ISWL(_iswlower_l, iswlower)
ISWL(_iswdigit_l, iswdigit)
ISWL(_iswxdigit_l, iswxdigit)
ISWL(_iswspace_l, iswspace)
ISWL(_iswpunct_l, iswpunct)
ISWL(_iswalnum_l, iswalnum)
ISWL(_iswprint_l, iswprint)
ISWL(_iswgraph_l, iswgraph)
ISWL(_iswcntrl_l, iswcntrl)
ISWL(_iswblank_l, iswblank)

CRTEXP int _isctype_l(int c, int mask, crt_locale_t l) { (void)l; return _isctype(c, mask); }
CRTEXP int _iswctype_l(unsigned short c, unsigned short mask, crt_locale_t l) { (void)l; return iswctype(c, mask); }
CRTEXP unsigned short _towupper_l(unsigned short c, crt_locale_t l) { (void)l; return towupper(c); }
CRTEXP unsigned short _towlower_l(unsigned short c, crt_locale_t l) { (void)l; return towlower(c); }

int strcoll(const char *, const char *);
size_t strxfrm(char *, const char *, size_t);
int wcscoll(const crt_wchar *, const crt_wchar *);
CRTEXP int _strcoll_l(const char *a, const char *b, crt_locale_t l) { (void)l; return strcoll(a, b); }
CRTEXP size_t _strxfrm_l(char *d, const char *s, size_t n, crt_locale_t l) { (void)l; return strxfrm(d, s, n); }
CRTEXP int _wcscoll_l(const crt_wchar *a, const crt_wchar *b, crt_locale_t l) { (void)l; return wcscoll(a, b); }

/* wcsxfrm: in the "C" locale the transformed string is the string itself (its length returned;
 * copied, terminator included, only when it fits). */
CRTEXP size_t wcsxfrm(crt_wchar *d, const crt_wchar *s, size_t n)
{
    size_t len = 0;
    while (s[len])
        len++;
    if (len < n)
        for (size_t i = 0; i <= len; i++)
            d[i] = s[i];
    return len;
}

CRTEXP size_t _wcsxfrm_l(crt_wchar *d, const crt_wchar *s, size_t n, crt_locale_t l) { (void)l; return wcsxfrm(d, s, n); }

size_t strftime(char *, size_t, const char *, const crt_tm *);
size_t wcsftime(crt_wchar *, size_t, const crt_wchar *, const crt_tm *);
CRTEXP size_t _strftime_l(char *out, size_t max, const char *fmt, const crt_tm *tm, crt_locale_t l)
{
    (void)l;
    return strftime(out, max, fmt, tm);
}

CRTEXP size_t _wcsftime_l(crt_wchar *out, size_t max, const crt_wchar *fmt, const crt_tm *tm, crt_locale_t l)
{
    (void)l;
    return wcsftime(out, max, fmt, tm);
}

int mbtowc(crt_wchar *, const char *, size_t);
int wctomb(char *, crt_wchar);
int mblen(const char *, size_t);
CRTEXP int _mbtowc_l(crt_wchar *w, const char *s, size_t n, crt_locale_t l) { (void)l; return mbtowc(w, s, n); }
CRTEXP int _wctomb_l(char *s, crt_wchar w, crt_locale_t l) { (void)l; return wctomb(s, w); }
CRTEXP int _mblen_l(const char *s, size_t n, crt_locale_t l) { (void)l; return mblen(s, n); }

double strtod(const char *, char **);
float strtof(const char *, char **);
double wcstod(const crt_wchar *, crt_wchar **);
long strtol(const char *, char **, int);
unsigned long strtoul(const char *, char **, int);
long long _strtoi64(const char *, char **, int);
unsigned long long _strtoui64(const char *, char **, int);
CRTEXP double _strtod_l(const char *s, char **e, crt_locale_t l) { (void)l; return strtod(s, e); }
CRTEXP float _strtof_l(const char *s, char **e, crt_locale_t l) { (void)l; return strtof(s, e); }
CRTEXP double _wcstod_l(const crt_wchar *s, crt_wchar **e, crt_locale_t l) { (void)l; return wcstod(s, e); }
CRTEXP double _atof_l(const char *s, crt_locale_t l) { (void)l; return strtod(s, NULL); }
CRTEXP long _strtol_l(const char *s, char **e, int b, crt_locale_t l) { (void)l; return strtol(s, e, b); }
CRTEXP unsigned long _strtoul_l(const char *s, char **e, int b, crt_locale_t l) { (void)l; return strtoul(s, e, b); }
CRTEXP long long _strtoi64_l(const char *s, char **e, int b, crt_locale_t l) { (void)l; return _strtoi64(s, e, b); }
CRTEXP unsigned long long _strtoui64_l(const char *s, char **e, int b, crt_locale_t l)
{
    (void)l;
    return _strtoui64(s, e, b);
}
CRTEXP long long _strtoll_l(const char *s, char **e, int b, crt_locale_t l) { (void)l; return _strtoi64(s, e, b); }
CRTEXP unsigned long long _strtoull_l(const char *s, char **e, int b, crt_locale_t l)
{
    (void)l;
    return _strtoui64(s, e, b);
}
