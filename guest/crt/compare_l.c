/* The locale forms of the case-blind comparisons (_stricmp_l, _strnicmp_l, _wcsicmp_l,
 * _wcsnicmp_l, _memicmp_l: as the plain forms, the "C" locale's case), and the counted
 * collations _strncoll/_strnicoll/_wcsncoll/_wcsnicoll with their _l forms and _stricoll_l/
 * _wcsicoll_l: in the "C" locale strncmp, _strnicmp, wcsncmp, _wcsnicmp; with a locale from
 * setlocale(LC_COLLATE), CompareString over the first count characters of each (word sort off),
 * _NLSCMPERROR and EINVAL when it fails. Null strings are EINVAL, _NLSCMPERROR. */
#include "crtwin.h"
#include "secure.h"
#include "locstate.h"

typedef crt_wchar W;
WINBASEAPI int WINAPI CompareStringA(DWORD, DWORD, const char *, int, const char *, int);
WINBASEAPI int WINAPI CompareStringW(DWORD, DWORD, const WCHAR *, int, const WCHAR *, int);
int _stricmp(const char *, const char *);
int _strnicmp(const char *, const char *, size_t);
int _memicmp(const void *, const void *, size_t);
int _wcsicmp(const W *, const W *);
int _wcsnicmp(const W *, const W *, size_t);
int strncmp(const char *, const char *, size_t);
int wcsncmp(const W *, const W *, size_t);
int _stricoll(const char *, const char *);
int _wcsicoll(const W *, const W *);
size_t strnlen(const char *, size_t);
size_t wcsnlen(const W *, size_t);

#define NLSCMPERROR 2147483647
#define LOCALE_USER_DEFAULT 0x400
#define NORM_IGNORECASE 0x1
#define SORT_STRINGSORT 0x1000

static int refused(void)
{
    crt_invalid_parameter(CRT_EINVAL);
    return NLSCMPERROR;
}

CRTEXP int _stricmp_l(const char *a, const char *b, void *l) { (void)l; return a && b ? _stricmp(a, b) : refused(); }
CRTEXP int _strnicmp_l(const char *a, const char *b, size_t n, void *l)
{
    (void)l;
    return a && b ? _strnicmp(a, b, n) : refused();
}
CRTEXP int _wcsicmp_l(const W *a, const W *b, void *l) { (void)l; return a && b ? _wcsicmp(a, b) : refused(); }
CRTEXP int _wcsnicmp_l(const W *a, const W *b, size_t n, void *l)
{
    (void)l;
    return a && b ? _wcsnicmp(a, b, n) : refused();
}
CRTEXP int _memicmp_l(const void *a, const void *b, size_t n, void *l)
{
    (void)l;
    return n == 0 || (a && b) ? _memicmp(a, b, n) : refused();
}

static int verdict(int r)
{
    if (r == 0) {
        crt_errno = CRT_EINVAL;
        return NLSCMPERROR;
    }
    return r - 2;
}

static int ncoll_a(const char *a, const char *b, size_t n, int nocase)
{
    if (n == 0)
        return 0;
    if (a == NULL || b == NULL)
        return refused();
    if (crt_locale.collate_c)
        return nocase ? _strnicmp(a, b, n) : strncmp(a, b, n);
    return verdict(CompareStringA(LOCALE_USER_DEFAULT, SORT_STRINGSORT | (nocase ? NORM_IGNORECASE : 0),
                                  a, (int)strnlen(a, n), b, (int)strnlen(b, n)));
}

static int ncoll_w(const W *a, const W *b, size_t n, int nocase)
{
    if (n == 0)
        return 0;
    if (a == NULL || b == NULL)
        return refused();
    if (crt_locale.collate_c)
        return nocase ? _wcsnicmp(a, b, n) : wcsncmp(a, b, n);
    return verdict(CompareStringW(LOCALE_USER_DEFAULT, SORT_STRINGSORT | (nocase ? NORM_IGNORECASE : 0),
                                  a, (int)wcsnlen(a, n), b, (int)wcsnlen(b, n)));
}

CRTEXP int _strncoll(const char *a, const char *b, size_t n) { return ncoll_a(a, b, n, 0); }
CRTEXP int _strnicoll(const char *a, const char *b, size_t n) { return ncoll_a(a, b, n, 1); }
CRTEXP int _wcsncoll(const W *a, const W *b, size_t n) { return ncoll_w(a, b, n, 0); }
CRTEXP int _wcsnicoll(const W *a, const W *b, size_t n) { return ncoll_w(a, b, n, 1); }
CRTEXP int _strncoll_l(const char *a, const char *b, size_t n, void *l) { (void)l; return ncoll_a(a, b, n, 0); }
CRTEXP int _strnicoll_l(const char *a, const char *b, size_t n, void *l) { (void)l; return ncoll_a(a, b, n, 1); }
CRTEXP int _wcsncoll_l(const W *a, const W *b, size_t n, void *l) { (void)l; return ncoll_w(a, b, n, 0); }
CRTEXP int _wcsnicoll_l(const W *a, const W *b, size_t n, void *l) { (void)l; return ncoll_w(a, b, n, 1); }
CRTEXP int _stricoll_l(const char *a, const char *b, void *l) { (void)l; return a && b ? _stricoll(a, b) : refused(); }
CRTEXP int _wcsicoll_l(const W *a, const W *b, void *l) { (void)l; return a && b ? _wcsicoll(a, b) : refused(); }
