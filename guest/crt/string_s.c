/* The secure and _l forms of the string functions the runtime lacked: strncat_s, wcsncat_s,
 * wcsncpy_s, wmemcpy_s, wmemmove_s, _strlwr_s/_strupr_s/_wcslwr_s/_wcsupr_s and their _l forms,
 * _strset_s/_strnset_s/_wcsset_s/_wcsnset_s and the plain _wcsset/_wcsnset. The rules of both
 * widths are one template, string_s_tmpl.h. */
#include "secure.h"

typedef crt_wchar W;
unsigned short towlower(unsigned short);
unsigned short towupper(unsigned short);
static int lower_a(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int upper_a(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }

#define T char
#define LEN_ len_a
#define NCAT_ strncat_s
#define LWR_S_ _strlwr_s
#define UPR_S_ _strupr_s
#define LWR_S_L_ _strlwr_s_l
#define UPR_S_L_ _strupr_s_l
#define LWR_L_ _strlwr_l
#define UPR_L_ _strupr_l
#define SET_S_ _strset_s
#define NSET_S_ _strnset_s
#define LOWER_(c) lower_a((unsigned char)(c))
#define UPPER_(c) upper_a((unsigned char)(c))
#define map_s map_s_a
#define map map_a
#include "string_s_tmpl.h"
#undef T
#undef LEN_
#undef NCAT_
#undef LWR_S_
#undef UPR_S_
#undef LWR_S_L_
#undef UPR_S_L_
#undef LWR_L_
#undef UPR_L_
#undef SET_S_
#undef NSET_S_
#undef LOWER_
#undef UPPER_
#undef map_s
#undef map

#define T W
#define LEN_ len_w
#define NCAT_ wcsncat_s
#define LWR_S_ _wcslwr_s
#define UPR_S_ _wcsupr_s
#define LWR_S_L_ _wcslwr_s_l
#define UPR_S_L_ _wcsupr_s_l
#define LWR_L_ _wcslwr_l
#define UPR_L_ _wcsupr_l
#define SET_S_ _wcsset_s
#define NSET_S_ _wcsnset_s
#define LOWER_(c) towlower(c)
#define UPPER_(c) towupper(c)
#define map_s map_s_w
#define map map_w
#include "string_s_tmpl.h"

/* wcsncpy_s: as strncpy_s, count characters at most, _TRUNCATE keeping what fits. */
CRTEXP int wcsncpy_s(W *d, size_t size, const W *s, size_t count)
{
    if (count == 0 && d == NULL && size == 0)
        return 0;
    if (d == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    if (count == 0) {
        d[0] = 0;
        return 0;
    }
    if (s == NULL) {
        d[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    size_t n = len_w(s, count);
    if (n >= size) {
        if (count != (size_t)-1) {
            d[0] = 0;
            return crt_invalid(CRT_ERANGE);
        }
        n = size - 1;
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
        d[n] = 0;
        return CRT_STRUNCATE;
    }
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
    d[n] = 0;
    return 0;
}

/* wmemcpy_s: a null source or a short destination clears the destination; wmemmove_s does not. */
CRTEXP int wmemcpy_s(W *d, size_t size, const W *s, size_t n)
{
    if (n == 0)
        return 0;
    if (d == NULL)
        return crt_invalid(CRT_EINVAL);
    if (s == NULL || size < n) {
        for (size_t i = 0; i < size; i++)
            d[i] = 0;
        return crt_invalid(s == NULL ? CRT_EINVAL : CRT_ERANGE);
    }
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
    return 0;
}

CRTEXP int wmemmove_s(W *d, size_t size, const W *s, size_t n)
{
    if (n == 0)
        return 0;
    if (d == NULL || s == NULL)
        return crt_invalid(CRT_EINVAL);
    if (size < n)
        return crt_invalid(CRT_ERANGE);
    if (d < s)
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    else
        for (size_t i = n; i--;)
            d[i] = s[i];
    return 0;
}

/* _wcsset / _wcsnset: the string (count characters at most) set to c in place. */
CRTEXP W *_wcsset(W *s, W c)
{
    for (W *p = s; *p; p++)
        *p = c;
    return s;
}

CRTEXP W *_wcsnset(W *s, W c, size_t count)
{
    for (W *p = s; *p && count; p++, count--)
        *p = c;
    return s;
}
