/* Str*A and Str*W from str_t.h, and the W-only ones: StrCmp(I)W, StrCpy(N)W, StrCatW,
 * StrCmpLogicalW, StrCatChainW, StrChrN(I)W, StrStrN(I)W. */
#include "lw.h"

#define TCH char
#define TUCH unsigned char
#define TSCH WORD
#define FN(name) name##A
#include "str_t.h"
#undef TCH
#undef TUCH
#undef TSCH
#undef FN

#define TCH WCHAR
#define TUCH WCHAR
#define TSCH WCHAR
#define FN(name) name##W
#include "str_t.h"
#undef TCH
#undef TUCH
#undef TSCH
#undef FN

SHLAPI int WINAPI StrCmpW(LPCWSTR a, LPCWSTR b) { return CompareStringW(LOCALE_USER_DEFAULT, 0, a, -1, b, -1) - 2; }
SHLAPI int WINAPI StrCmpIW(LPCWSTR a, LPCWSTR b)
{
    return CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORECASE, a, -1, b, -1) - 2;
}

SHLAPI LPWSTR WINAPI StrCpyW(LPWSTR dest, LPCWSTR src)
{
    if (dest && src) lstrcpyW(dest, src);
    return dest;
}

SHLAPI LPWSTR WINAPI StrCpyNW(LPWSTR dest, LPCWSTR src, int count)
{
    if (dest == NULL || count <= 0) return dest;
    int i = 0;
    if (src) for (; i < count - 1 && src[i]; i++) dest[i] = src[i];
    dest[i] = 0;
    return dest;
}

SHLAPI LPWSTR WINAPI StrCatW(LPWSTR dest, LPCWSTR src)
{
    if (dest && src) lstrcatW(dest, src);
    return dest;
}

/* StrCatChainW: src appended at `at` within a buffer of `size`; returns where the terminator is. */
SHLAPI DWORD WINAPI StrCatChainW(LPWSTR dest, DWORD size, DWORD at, LPCWSTR src)
{
    if (size == 0) return 0;
    if (at == (DWORD)-1) at = (DWORD)lstrlenW(dest);
    if (at >= size) at = size - 1;
    while (at < size - 1 && src && *src) dest[at++] = *src++;
    dest[at] = 0;
    return at;
}

SHLAPI PCWSTR WINAPI StrChrNW(LPCWSTR s, WCHAR ch, UINT max)
{
    if (s == NULL) return NULL;
    for (UINT i = 0; i < max && s[i]; i++) if (s[i] == ch) return s + i;
    return NULL;
}

SHLAPI PCWSTR WINAPI StrChrNIW(LPCWSTR s, WCHAR ch, UINT max)
{
    if (s == NULL) return NULL;
    for (UINT i = 0; i < max && s[i]; i++) if (Up(s[i]) == Up(ch)) return s + i;
    return NULL;
}

static LPWSTR FindN(LPCWSTR s, LPCWSTR sub, UINT max, BOOL fold)
{
    if (s == NULL || sub == NULL) return NULL;
    int n = lstrlenW(sub);
    for (UINT i = 0; i < max && s[i]; i++) {
        int k = 0;
        while (k < n && s[i + k] && (fold ? Up(s[i + k]) == Up(sub[k]) : s[i + k] == sub[k])) k++;
        if (k == n) return (LPWSTR)(s + i);
    }
    return NULL;
}

SHLAPI PCWSTR WINAPI StrStrNW(LPCWSTR s, LPCWSTR sub, UINT max) { return FindN(s, sub, max, FALSE); }
SHLAPI PCWSTR WINAPI StrStrNIW(LPCWSTR s, LPCWSTR sub, UINT max) { return FindN(s, sub, max, TRUE); }

/* StrCmpLogicalW: runs of digits compare by their numeric value (leading zeros do not count),
 * other characters as StrCmpI compares them. */
SHLAPI int WINAPI StrCmpLogicalW(LPCWSTR a, LPCWSTR b)
{
    if (a == NULL || b == NULL) return a == b ? 0 : a ? 1 : -1;
    while (*a && *b) {
        if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
            const WCHAR *pa = a, *pb = b;
            while (*pa == '0') pa++;
            while (*pb == '0') pb++;
            const WCHAR *ea = pa, *eb = pb;
            while (*ea >= '0' && *ea <= '9') ea++;
            while (*eb >= '0' && *eb <= '9') eb++;
            if (ea - pa != eb - pb) return ea - pa < eb - pb ? -1 : 1;
            for (; pa < ea; pa++, pb++) if (*pa != *pb) return *pa < *pb ? -1 : 1;
            a = ea;
            b = eb;
            continue;
        }
        int r = CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORECASE, a, 1, b, 1) - 2;
        if (r) return r;
        a++;
        b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}
