/* Collation: strcoll, wcscoll, _stricoll, _wcsicoll. In the "C" locale they compare as strcmp,
 * wcscmp, _stricmp and _wcsicmp; with a locale from setlocale(LC_COLLATE) as CompareString in it
 * (word sort off: SORT_STRINGSORT, as the runtime asks), _NLSCMPERROR and EINVAL if it fails. */
#include "crtwin.h"
#include "errno.h"
#include "locstate.h"

WINBASEAPI int WINAPI CompareStringA(DWORD, DWORD, const char *, int, const char *, int);
WINBASEAPI int WINAPI CompareStringW(DWORD, DWORD, const WCHAR *, int, const WCHAR *, int);
int wcscmp(const crt_wchar *, const crt_wchar *);
int _stricmp(const char *, const char *);
int _wcsicmp(const crt_wchar *, const crt_wchar *);

#define LOCALE_USER_DEFAULT 0x400
#define NORM_IGNORECASE 0x1
#define SORT_STRINGSORT 0x1000
#define NLSCMPERROR 2147483647

static int result(int r)
{
    if (r == 0) {
        crt_errno = CRT_EINVAL;
        return NLSCMPERROR;
    }
    return r - 2;
}

CRTEXP int strcoll(const char *a, const char *b)
{
    if (crt_locale.collate_c)
        return strcmp(a, b);
    return result(CompareStringA(LOCALE_USER_DEFAULT, SORT_STRINGSORT, a, -1, b, -1));
}

CRTEXP int _stricoll(const char *a, const char *b)
{
    if (crt_locale.collate_c)
        return _stricmp(a, b);
    return result(CompareStringA(LOCALE_USER_DEFAULT, SORT_STRINGSORT | NORM_IGNORECASE, a, -1, b, -1));
}

CRTEXP int wcscoll(const crt_wchar *a, const crt_wchar *b)
{
    if (crt_locale.collate_c)
        return wcscmp(a, b);
    return result(CompareStringW(LOCALE_USER_DEFAULT, SORT_STRINGSORT, a, -1, b, -1));
}

CRTEXP int _wcsicoll(const crt_wchar *a, const crt_wchar *b)
{
    if (crt_locale.collate_c)
        return _wcsicmp(a, b);
    return result(CompareStringW(LOCALE_USER_DEFAULT, SORT_STRINGSORT | NORM_IGNORECASE, a, -1, b, -1));
}
