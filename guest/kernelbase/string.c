/* Family 9 (strings): lstrlen/lstrcpy(n)/lstrcat/lstrcmp(i) A and W, CompareStringOrdinal,
 * CompareString(Ex) A/W, LCMapString(Ex) case mapping (sort keys: sortkey.c), GetStringTypeW/Ex/A (CT_CTYPE1).
 * The linguistic comparison is Windows' word sort in three levels (base characters, then
 * diacritics, then case, lower before upper; hyphen and apostrophe count only when all else is
 * equal), with weights for ASCII and Latin-1: symbols < digits < letters. */
#include "kernelbase.h"
#include "sortkey.h"

KBAPI int WINAPI lstrlenA(LPCSTR s) { return s ? (int)strlen(s) : 0; }
KBAPI int WINAPI lstrlenW(LPCWSTR s) { return s ? (int)wcslen(s) : 0; }

KBAPI LPSTR WINAPI lstrcpyA(LPSTR d, LPCSTR s) { memcpy(d, s, strlen(s) + 1); return d; }
KBAPI LPWSTR WINAPI lstrcpyW(LPWSTR d, LPCWSTR s) { memcpy(d, s, (wcslen(s) + 1) * 2); return d; }
KBAPI LPSTR WINAPI lstrcatA(LPSTR d, LPCSTR s) { lstrcpyA(d + strlen(d), s); return d; }
KBAPI LPWSTR WINAPI lstrcatW(LPWSTR d, LPCWSTR s) { lstrcpyW(d + wcslen(d), s); return d; }

KBAPI LPSTR WINAPI lstrcpynA(LPSTR d, LPCSTR s, int n)
{
    int i = 0;
    if (n <= 0) return d;
    for (; i < n - 1 && s[i]; i++) d[i] = s[i];
    d[i] = 0;
    return d;
}

KBAPI LPWSTR WINAPI lstrcpynW(LPWSTR d, LPCWSTR s, int n)
{
    int i = 0;
    if (n <= 0) return d;
    for (; i < n - 1 && s[i]; i++) d[i] = s[i];
    d[i] = 0;
    return d;
}

/* Latin-1 letters 0xC0..0xFF: the base letter and a diacritic number (0: none). */
static const char Latin1Base[64] = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
static const BYTE Latin1Accent[64] = {
    1, 2, 3, 4, 5, 6, 0, 7, 1, 2, 3, 5, 1, 2, 3, 5, 0, 4, 1, 2, 3, 4, 5, 0, 8, 1, 2, 3, 5, 2, 0, 0,
    1, 2, 3, 4, 5, 6, 0, 7, 1, 2, 3, 5, 1, 2, 3, 5, 0, 4, 1, 2, 3, 4, 5, 0, 8, 1, 2, 3, 5, 2, 0, 5,
};

/* A character's weights at each level (sortkey.c builds LCMAP_SORTKEY keys from the same). */
WEIGHT BaseSortWeight(WCHAR c)
{
    WEIGHT w = {0, 0, 0, 0};
    if (c >= 0xC0 && c <= 0xFF && Latin1Base[c - 0xC0] != '*' && Latin1Base[c - 0xC0] != '/') {
        w.Accent = Latin1Accent[c - 0xC0];
        w.Upper = c < 0xE0;
        c = (BYTE)Latin1Base[c - 0xC0];
    }
    if (c == '-' || c == '\'') { w.Special = 1; return w; }        /* counted last */
    if (c >= 'a' && c <= 'z') { w.Primary = 0x300 + (c - 'a') * 2; return w; }
    if (c >= 'A' && c <= 'Z') { w.Primary = 0x300 + (c - 'A') * 2; w.Upper = 1; return w; }
    if (c >= '0' && c <= '9') { w.Primary = 0x200 + (c - '0'); return w; }
    if (c < 0x80 || (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7) { w.Primary = 0x100 + c; return w; }
    WCHAR up = RtlUpcaseUnicodeChar(c);
    w.Upper = up == c && RtlDowncaseUnicodeChar(c) != c;
    w.Primary = (USHORT)(0x400 + (up < 0xFAFF ? up : 0xFAFF));     /* the rest share the last weight */
    return w;
}

#define CMP(a, b) ((a) < (b) ? CSTR_LESS_THAN : (a) > (b) ? CSTR_GREATER_THAN : CSTR_EQUAL)

static int Compare(DWORD flags, LPCWSTR a, int la, LPCWSTR b, int lb)
{
    int ignore_case = flags & (NORM_IGNORECASE | LINGUISTIC_IGNORECASE);
    int ignore_accent = flags & (NORM_IGNORENONSPACE | LINGUISTIC_IGNOREDIACRITIC);
    int ignore_symbols = flags & NORM_IGNORESYMBOLS;
    int string_sort = flags & SORT_STRINGSORT;
    int accent = CSTR_EQUAL, cased = CSTR_EQUAL, special = CSTR_EQUAL;
    int i = 0, j = 0;
    for (;;) {
        WEIGHT x = {0, 0, 0, 0}, y = {0, 0, 0, 0};
        int sx = 0, sy = 0;
        while (i < la) {                        /* the next weight that counts at the first level */
            x = BaseSortWeight(a[i]);
            if (x.Special && !string_sort) { if (special == CSTR_EQUAL) sx = 1; i++; continue; }
            if (x.Special) x.Primary = 0x100 + a[i];
            if (ignore_symbols && x.Primary >= 0x100 && x.Primary < 0x200) { i++; continue; }
            break;
        }
        while (j < lb) {
            y = BaseSortWeight(b[j]);
            if (y.Special && !string_sort) { if (special == CSTR_EQUAL) sy = 1; j++; continue; }
            if (y.Special) y.Primary = 0x100 + b[j];
            if (ignore_symbols && y.Primary >= 0x100 && y.Primary < 0x200) { j++; continue; }
            break;
        }
        if (special == CSTR_EQUAL && sx != sy) special = sx ? CSTR_GREATER_THAN : CSTR_LESS_THAN;
        if (i >= la || j >= lb) {
            if (i < la) return CSTR_GREATER_THAN;
            if (j < lb) return CSTR_LESS_THAN;
            break;
        }
        if (x.Primary != y.Primary) return CMP(x.Primary, y.Primary);
        if (accent == CSTR_EQUAL && !ignore_accent) accent = CMP(x.Accent, y.Accent);
        if (cased == CSTR_EQUAL && !ignore_case) cased = CMP(x.Upper, y.Upper);
        i++; j++;
    }
    if (accent != CSTR_EQUAL) return accent;
    if (cased != CSTR_EQUAL) return cased;
    return special;
}

#define VALID_COMPARE_FLAGS (NORM_IGNORECASE | NORM_IGNORENONSPACE | NORM_IGNORESYMBOLS | LINGUISTIC_IGNORECASE | \
                             LINGUISTIC_IGNOREDIACRITIC | NORM_IGNOREKANATYPE | NORM_IGNOREWIDTH | \
                             NORM_LINGUISTIC_CASING | SORT_STRINGSORT | SORT_DIGITSASNUMBERS)

KBAPI int WINAPI CompareStringEx(LPCWSTR locale, DWORD flags, LPCWCH a, int la, LPCWCH b, int lb,
                                 LPNLSVERSIONINFO version, LPVOID reserved, LPARAM param)
{
    (void)locale; (void)version; (void)reserved; (void)param;
    if (a == NULL || b == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (flags & ~(DWORD)VALID_COMPARE_FLAGS) { SetLastError(ERROR_INVALID_FLAGS); return 0; }
    if (la < 0) la = (int)wcslen(a);
    if (lb < 0) lb = (int)wcslen(b);
    return Compare(flags, a, la, b, lb);
}

KBAPI int WINAPI CompareStringW(LCID lcid, DWORD flags, PCNZWCH a, int la, PCNZWCH b, int lb)
{
    (void)lcid;
    return CompareStringEx(NULL, flags, a, la, b, lb, NULL, NULL, 0);
}

KBAPI int WINAPI CompareStringA(LCID lcid, DWORD flags, PCNZCH a, int la, PCNZCH b, int lb)
{
    (void)lcid;
    if (a == NULL || b == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (la < 0) la = (int)strlen(a);
    if (lb < 0) lb = (int)strlen(b);
    WCHAR *wa = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)(la + lb + 2) * 2), *wb;
    if (wa == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
    int na = la ? MultiByteToWideChar(CP_ACP, 0, a, la, wa, la) : 0;
    wb = wa + la + 1;
    int nb = lb ? MultiByteToWideChar(CP_ACP, 0, b, lb, wb, lb) : 0;
    int r = CompareStringEx(NULL, flags, wa, na, wb, nb, NULL, NULL, 0);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, wa);
    return r;
}

KBAPI int WINAPI lstrcmpW(LPCWSTR a, LPCWSTR b)
{
    if (!a || !b) return a ? 1 : b ? -1 : 0;
    return CompareStringW(LOCALE_USER_DEFAULT, 0, a, -1, b, -1) - 2;
}

KBAPI int WINAPI lstrcmpiW(LPCWSTR a, LPCWSTR b)
{
    if (!a || !b) return a ? 1 : b ? -1 : 0;
    return CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORECASE, a, -1, b, -1) - 2;
}

KBAPI int WINAPI lstrcmpA(LPCSTR a, LPCSTR b)
{
    if (!a || !b) return a ? 1 : b ? -1 : 0;
    return CompareStringA(LOCALE_USER_DEFAULT, 0, a, -1, b, -1) - 2;
}

KBAPI int WINAPI lstrcmpiA(LPCSTR a, LPCSTR b)
{
    if (!a || !b) return a ? 1 : b ? -1 : 0;
    return CompareStringA(LOCALE_USER_DEFAULT, NORM_IGNORECASE, a, -1, b, -1) - 2;
}

KBAPI int WINAPI CompareStringOrdinal(LPCWCH a, int la, LPCWCH b, int lb, BOOL ignore_case)
{
    if (a == NULL || b == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (la < 0) la = (int)wcslen(a);
    if (lb < 0) lb = (int)wcslen(b);
    for (int i = 0; i < la && i < lb; i++) {
        WCHAR x = a[i], y = b[i];
        if (ignore_case) { x = RtlUpcaseUnicodeChar(x); y = RtlUpcaseUnicodeChar(y); }
        if (x != y) return CMP(x, y);
    }
    return CMP(la, lb);
}

KBAPI int WINAPI LCMapStringEx(LPCWSTR locale, DWORD flags, LPCWSTR src, int srclen, LPWSTR dst, int dstlen,
                               LPNLSVERSIONINFO version, LPVOID reserved, LPARAM param)
{
    (void)locale; (void)version; (void)reserved; (void)param;
    DWORD map = flags & ~(DWORD)LCMAP_LINGUISTIC_CASING;
    if (src == NULL || dstlen < 0 || (dstlen && dst == NULL) || srclen == 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (map & LCMAP_SORTKEY)
        return BaseSortKey(flags, src, srclen, (BYTE *)dst, dstlen);
    if (map != LCMAP_UPPERCASE && map != LCMAP_LOWERCASE) {
        SetLastError(ERROR_INVALID_FLAGS);      /* the other mappings are not done */
        return 0;
    }
    if (srclen < 0) srclen = (int)wcslen(src) + 1;
    if (dstlen == 0) return srclen;
    if (dstlen < srclen) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    for (int i = 0; i < srclen; i++)
        dst[i] = map == LCMAP_UPPERCASE ? RtlUpcaseUnicodeChar(src[i]) : RtlDowncaseUnicodeChar(src[i]);
    return srclen;
}

KBAPI int WINAPI LCMapStringW(LCID lcid, DWORD flags, LPCWSTR src, int srclen, LPWSTR dst, int dstlen)
{
    (void)lcid;
    return LCMapStringEx(NULL, flags, src, srclen, dst, dstlen, NULL, NULL, 0);
}

/* The A form: the string in the ANSI code page; a sort key is bytes already, a mapped string goes
 * back to the code page. */
KBAPI int WINAPI LCMapStringA(LCID lcid, DWORD flags, LPCSTR src, int srclen, LPSTR dst, int dstlen)
{
    if (src == NULL || dstlen < 0 || (dstlen && dst == NULL) || srclen == 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (srclen < 0) srclen = (int)strlen(src) + 1;
    WCHAR *w = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)srclen * 4 + 2);
    if (w == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return 0; }
    int n = MultiByteToWideChar(CP_ACP, 0, src, srclen, w, srclen), r = 0;
    if (flags & LCMAP_SORTKEY) {
        if (n && w[n - 1] == 0) n--;                    /* the key leaves the NUL out */
        r = n ? LCMapStringW(lcid, flags, w, n, (LPWSTR)dst, dstlen) : BaseSortKey(flags, L"", 0, (BYTE *)dst, dstlen);
    } else {
        WCHAR *mapped = w + srclen;
        r = LCMapStringW(lcid, flags, w, n, mapped, n);
        if (r)
            r = WideCharToMultiByte(CP_ACP, 0, mapped, r, dst, dstlen, NULL, NULL);
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    return r;
}

static WORD CType1(WCHAR c)
{
    WORD t = C1_DEFINED;
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) t |= C1_CNTRL;
    if (c == ' ' || c == '\t') t |= C1_BLANK;
    if ((c >= 0x09 && c <= 0x0D) || c == ' ' || c == 0x85 || c == 0xA0 || c == 0x3000) t |= C1_SPACE;
    if (c == 0xA0) t |= C1_BLANK;
    if (c >= '0' && c <= '9') t |= C1_DIGIT | C1_XDIGIT;
    if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) t |= C1_XDIGIT;
    if (RtlDowncaseUnicodeChar(c) != c) t |= C1_UPPER | C1_ALPHA;
    else if (RtlUpcaseUnicodeChar(c) != c || c == 0xDF || c == 0xAA || c == 0xBA) t |= C1_LOWER | C1_ALPHA;
    if (c == 0xAA || c == 0xBA) t &= ~C1_LOWER;
    if ((c > 0x20 && c < 0x7F && !(t & (C1_ALPHA | C1_DIGIT))) || (c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xBA)
        || c == 0xD7 || c == 0xF7)
        t |= C1_PUNCT;
    return t;
}

KBAPI BOOL WINAPI GetStringTypeW(DWORD type, LPCWCH src, int count, LPWORD out)
{
    if (src == NULL || out == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (type != CT_CTYPE1) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    if (count < 0) count = (int)wcslen(src) + 1;
    for (int i = 0; i < count; i++)
        out[i] = CType1(src[i]);
    return TRUE;
}

KBAPI BOOL WINAPI GetStringTypeExW(LCID lcid, DWORD type, LPCWCH src, int count, LPWORD out)
{
    (void)lcid;
    return GetStringTypeW(type, src, count, out);
}

KBAPI BOOL WINAPI GetStringTypeA(LCID lcid, DWORD type, LPCSTR src, int count, LPWORD out)
{
    (void)lcid;
    if (src == NULL || out == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (count < 0) count = (int)strlen(src) + 1;
    for (int i = 0; i < count; i++) {
        WCHAR w;
        MultiByteToWideChar(CP_ACP, 0, src + i, 1, &w, 1);
        if (!GetStringTypeW(type, &w, 1, out + i)) return FALSE;
    }
    return TRUE;
}

KBAPI BOOL WINAPI GetStringTypeExA(LCID lcid, DWORD type, LPCSTR src, int count, LPWORD out)
{
    return GetStringTypeA(lcid, type, src, count, out);
}
