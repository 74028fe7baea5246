/* The rest of the C library subset ntdll exports, in the "C" locale: the narrow and wide string
 * functions, Microsoft's case-insensitive and case-changing ones, the ASCII character classes,
 * atoi/strtol and their wide forms, _itoa and friends, qsort/bsearch, and the Rtl memory
 * routines (RtlCompareMemory, RtlFillMemory, RtlZeroMemory, RtlMoveMemory ...). */
#include "rtl.h"

#define EXP NTSYSAPI
typedef long long LL;
typedef unsigned long long ULL;
int memcmp(const void *, const void *, SIZE_T);
void *memset(void *, int, SIZE_T);
void *memmove(void *, const void *, SIZE_T);
SIZE_T strlen(const char *);
SIZE_T wcslen(const WCHAR *);

/* ---- character classes and case (ASCII: the "C" locale) ---- */
#define C_UPPER 0x1
#define C_LOWER 0x2
#define C_DIGIT 0x4
#define C_SPACE 0x8
#define C_PUNCT 0x10
#define C_CNTRL 0x20
#define C_BLANK 0x40
#define C_HEX 0x80
#define C_ALPHA 0x103
static unsigned short ctype_of(int c)
{
    if (c < 0 || c > 0x7F) return 0;
    unsigned short m = 0;
    if (c >= 'A' && c <= 'Z') m |= C_UPPER | 0x100;
    if (c >= 'a' && c <= 'z') m |= C_LOWER | 0x100;
    if (c >= '0' && c <= '9') m |= C_DIGIT;
    if ((c >= 9 && c <= 13) || c == ' ') m |= C_SPACE;
    if (c < 32 || c == 127) m |= C_CNTRL;
    if (c == ' ' || c == '\t') m |= C_BLANK;
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) m |= C_HEX;
    if (c > 32 && c < 127 && !(m & (C_UPPER | C_LOWER | C_DIGIT))) m |= C_PUNCT;
    return m;
}
EXP int isalpha(int c) { return ctype_of(c) & C_ALPHA; }
EXP int isupper(int c) { return ctype_of(c) & C_UPPER; }
EXP int islower(int c) { return ctype_of(c) & C_LOWER; }
EXP int isdigit(int c) { return ctype_of(c) & C_DIGIT; }
EXP int isxdigit(int c) { return ctype_of(c) & C_HEX; }
EXP int isspace(int c) { return ctype_of(c) & C_SPACE; }
EXP int ispunct(int c) { return ctype_of(c) & C_PUNCT; }
EXP int iscntrl(int c) { return ctype_of(c) & C_CNTRL; }
EXP int isalnum(int c) { return ctype_of(c) & (C_ALPHA | C_DIGIT); }
EXP int isgraph(int c) { return ctype_of(c) & (C_PUNCT | C_ALPHA | C_DIGIT); }
EXP int isprint(int c) { return ctype_of(c) & (C_PUNCT | C_ALPHA | C_DIGIT) || c == ' '; }
EXP int __isascii(int c) { return (unsigned)c < 0x80; }
EXP int __toascii(int c) { return c & 0x7F; }
EXP int __iscsym(int c) { return isalnum(c) || c == '_'; }
EXP int __iscsymf(int c) { return isalpha(c) || c == '_'; }
EXP int tolower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
EXP int toupper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
EXP int _tolower(int c) { return c + 32; }
EXP int _toupper(int c) { return c - 32; }
EXP WCHAR towlower(WCHAR c) { return RtlDowncaseUnicodeChar(c); }
EXP WCHAR towupper(WCHAR c) { return RtlUpcaseUnicodeChar(c); }
EXP int iswctype(WCHAR c, unsigned short mask) { return c < 0x80 ? ctype_of(c) & mask : 0; }
EXP int iswalpha(WCHAR c) { return iswctype(c, C_ALPHA) || (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0x250); }
EXP int iswdigit(WCHAR c) { return iswctype(c, C_DIGIT); }
EXP int iswxdigit(WCHAR c) { return iswctype(c, C_HEX); }
EXP int iswspace(WCHAR c) { return iswctype(c, C_SPACE) || c == 0x85 || c == 0xA0; }
EXP int iswlower(WCHAR c) { return iswctype(c, C_LOWER) || (c >= 0xDF && c <= 0xFF && c != 0xF7); }
EXP int iswupper(WCHAR c) { return iswctype(c, C_UPPER) || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }
EXP int iswalnum(WCHAR c) { return iswalpha(c) || iswdigit(c); }
EXP int iswpunct(WCHAR c) { return iswctype(c, C_PUNCT); }
EXP int iswprint(WCHAR c) { return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0); }
EXP int iswgraph(WCHAR c) { return iswprint(c) && c != ' '; }
EXP int iswascii(WCHAR c) { return c < 0x80; }

/* ---- narrow strings ---- */
EXP char *strcpy(char *d, const char *s) { char *r = d; while ((*d++ = *s++)) ; return r; }
EXP char *strcat(char *d, const char *s) { strcpy(d + strlen(d), s); return d; }
EXP char *strncpy(char *d, const char *s, SIZE_T n)
{
    SIZE_T i = 0;
    for (; i < n && s[i]; i++) d[i] = s[i];
    for (; i < n; i++) d[i] = 0;
    return d;
}
EXP char *strncat(char *d, const char *s, SIZE_T n)
{
    char *e = d + strlen(d);
    SIZE_T i = 0;
    for (; i < n && s[i]; i++) e[i] = s[i];
    e[i] = 0;
    return d;
}
EXP int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) { a++; b++; }
    return (unsigned char)*a < (unsigned char)*b ? -1 : (unsigned char)*a > (unsigned char)*b;
}
EXP int strncmp(const char *a, const char *b, SIZE_T n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b) return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        if (!*a) return 0;
    }
    return 0;
}
EXP SIZE_T strnlen(const char *s, SIZE_T n) { SIZE_T i = 0; while (i < n && s[i]) i++; return i; }
EXP char *strchr(const char *s, int c) { for (;; s++) { if (*s == (char)c) return (char *)s; if (!*s) return NULL; } }
EXP char *strrchr(const char *s, int c) { const char *r = NULL; for (;; s++) { if (*s == (char)c) r = s; if (!*s) return (char *)r; } }
EXP SIZE_T strspn(const char *s, const char *set)
{
    SIZE_T n = 0;
    while (s[n] && strchr(set, s[n])) n++;
    return n;
}
EXP SIZE_T strcspn(const char *s, const char *set)
{
    SIZE_T n = 0;
    while (s[n] && !strchr(set, s[n])) n++;
    return n;
}
EXP char *strpbrk(const char *s, const char *set) { s += strcspn(s, set); return *s ? (char *)s : NULL; }
EXP char *strstr(const char *h, const char *n)
{
    SIZE_T k = strlen(n);
    for (; *h; h++) if (strncmp(h, n, k) == 0) return (char *)h;
    return k ? NULL : (char *)h;
}
EXP void *memchr(const void *s, int c, SIZE_T n)
{
    const UCHAR *p = s;
    for (; n; n--, p++) if (*p == (UCHAR)c) return (void *)p;
    return NULL;
}
EXP int _memicmp(const void *a, const void *b, SIZE_T n)
{
    const UCHAR *x = a, *y = b;
    for (; n; n--, x++, y++) {
        int d = tolower(*x) - tolower(*y);
        if (d) return d;
    }
    return 0;
}
EXP void *_memccpy(void *d, const void *s, int c, SIZE_T n)
{
    UCHAR *dp = d;
    const UCHAR *sp = s;
    for (; n; n--) { *dp = *sp++; if (*dp++ == (UCHAR)c) return dp; }
    return NULL;
}
EXP int _strnicmp(const char *a, const char *b, SIZE_T n)
{
    for (; n; n--, a++, b++) {
        int d = tolower((unsigned char)*a) - tolower((unsigned char)*b);
        if (d || !*a) return d;
    }
    return 0;
}
EXP int _stricmp(const char *a, const char *b) { return _strnicmp(a, b, (SIZE_T)-1); }
EXP int _strcmpi(const char *a, const char *b) { return _stricmp(a, b); }
EXP char *_strlwr(char *s) { for (char *p = s; *p; p++) *p = (char)tolower((unsigned char)*p); return s; }
EXP char *_strupr(char *s) { for (char *p = s; *p; p++) *p = (char)toupper((unsigned char)*p); return s; }

/* ---- wide strings ---- */
EXP WCHAR *wcscpy(WCHAR *d, const WCHAR *s) { WCHAR *r = d; while ((*d++ = *s++)) ; return r; }
EXP WCHAR *wcscat(WCHAR *d, const WCHAR *s) { wcscpy(d + wcslen(d), s); return d; }
EXP WCHAR *wcsncpy(WCHAR *d, const WCHAR *s, SIZE_T n)
{
    SIZE_T i = 0;
    for (; i < n && s[i]; i++) d[i] = s[i];
    for (; i < n; i++) d[i] = 0;
    return d;
}
EXP WCHAR *wcsncat(WCHAR *d, const WCHAR *s, SIZE_T n)
{
    WCHAR *e = d + wcslen(d);
    SIZE_T i = 0;
    for (; i < n && s[i]; i++) e[i] = s[i];
    e[i] = 0;
    return d;
}
EXP int wcscmp(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a < *b ? -1 : *a > *b;
}
EXP int wcsncmp(const WCHAR *a, const WCHAR *b, SIZE_T n)
{
    for (; n; n--, a++, b++) {
        if (*a != *b) return *a < *b ? -1 : 1;
        if (!*a) return 0;
    }
    return 0;
}
EXP SIZE_T wcsnlen(const WCHAR *s, SIZE_T n) { SIZE_T i = 0; while (i < n && s[i]) i++; return i; }
EXP WCHAR *wcschr(const WCHAR *s, WCHAR c) { for (;; s++) { if (*s == c) return (WCHAR *)s; if (!*s) return NULL; } }
EXP WCHAR *wcsrchr(const WCHAR *s, WCHAR c) { const WCHAR *r = NULL; for (;; s++) { if (*s == c) r = s; if (!*s) return (WCHAR *)r; } }
EXP SIZE_T wcsspn(const WCHAR *s, const WCHAR *set) { SIZE_T n = 0; while (s[n] && wcschr(set, s[n])) n++; return n; }
EXP SIZE_T wcscspn(const WCHAR *s, const WCHAR *set) { SIZE_T n = 0; while (s[n] && !wcschr(set, s[n])) n++; return n; }
EXP WCHAR *wcspbrk(const WCHAR *s, const WCHAR *set) { s += wcscspn(s, set); return *s ? (WCHAR *)s : NULL; }
EXP WCHAR *wcsstr(const WCHAR *h, const WCHAR *n)
{
    SIZE_T k = wcslen(n);
    for (; *h; h++) if (wcsncmp(h, n, k) == 0) return (WCHAR *)h;
    return k ? NULL : (WCHAR *)h;
}
EXP WCHAR *wcstok(WCHAR *s, const WCHAR *delim)
{
    static WCHAR *next;
    if (s == NULL) s = next;
    if (s == NULL) return NULL;
    s += wcsspn(s, delim);
    if (!*s) { next = NULL; return NULL; }
    WCHAR *e = s + wcscspn(s, delim);
    next = *e ? e + 1 : NULL;
    *e = 0;
    return s;
}
EXP int _wcsnicmp(const WCHAR *a, const WCHAR *b, SIZE_T n)
{
    for (; n; n--, a++, b++) {
        int d = (int)RtlDowncaseUnicodeChar(*a) - (int)RtlDowncaseUnicodeChar(*b);
        if (d || !*a) return d;
    }
    return 0;
}
EXP int _wcsicmp(const WCHAR *a, const WCHAR *b) { return _wcsnicmp(a, b, (SIZE_T)-1); }
EXP WCHAR *_wcslwr(WCHAR *s) { for (WCHAR *p = s; *p; p++) *p = RtlDowncaseUnicodeChar(*p); return s; }
EXP WCHAR *_wcsupr(WCHAR *s) { for (WCHAR *p = s; *p; p++) *p = RtlUpcaseUnicodeChar(*p); return s; }

/* ---- numbers ---- */
static ULL parse_unsigned(const void *str, int wide, const void **end, int base, int *neg, int *ok)
{
    const UCHAR *a = str;
    const WCHAR *w = str;
#define AT(i) (wide ? (unsigned)w[i] : (unsigned)a[i])
    SIZE_T i = 0;
    while (AT(i) == ' ' || (AT(i) >= 9 && AT(i) <= 13)) i++;
    *neg = 0;
    if (AT(i) == '-' || AT(i) == '+') *neg = AT(i++) == '-';
    if ((base == 0 || base == 16) && AT(i) == '0' && (AT(i + 1) == 'x' || AT(i + 1) == 'X')) { i += 2; base = 16; }
    else if (base == 0) base = AT(i) == '0' ? 8 : 10;
    ULL v = 0;
    *ok = 0;
    for (;; i++) {
        unsigned c = AT(i), d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 :
                                c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
        if (d >= (unsigned)base) break;
        v = v * (unsigned)base + d;
        *ok = 1;
    }
    if (end) *end = *ok ? (wide ? (const void *)(w + i) : (const void *)(a + i)) : str;
#undef AT
    return v;
}
EXP long strtol(const char *s, char **end, int base)
{
    int neg, ok;
    ULL v = parse_unsigned(s, 0, (const void **)end, base, &neg, &ok);
    if (!neg && v > 0x7FFFFFFF) return 0x7FFFFFFF;
    if (neg && v > 0x80000000ull) return (long)0x80000000;
    return neg ? -(long)v : (long)v;
}
EXP unsigned long strtoul(const char *s, char **end, int base)
{
    int neg, ok;
    ULL v = parse_unsigned(s, 0, (const void **)end, base, &neg, &ok);
    if (v > 0xFFFFFFFFull) return 0xFFFFFFFFul;
    return neg ? (unsigned long)-(long long)v : (unsigned long)v;
}
EXP long wcstol(const WCHAR *s, WCHAR **end, int base)
{
    int neg, ok;
    ULL v = parse_unsigned(s, 1, (const void **)end, base, &neg, &ok);
    if (!neg && v > 0x7FFFFFFF) return 0x7FFFFFFF;
    if (neg && v > 0x80000000ull) return (long)0x80000000;
    return neg ? -(long)v : (long)v;
}
EXP unsigned long wcstoul(const WCHAR *s, WCHAR **end, int base)
{
    int neg, ok;
    ULL v = parse_unsigned(s, 1, (const void **)end, base, &neg, &ok);
    if (v > 0xFFFFFFFFull) return 0xFFFFFFFFul;
    return neg ? (unsigned long)-(long long)v : (unsigned long)v;
}
EXP LL _wcstoi64(const WCHAR *s, WCHAR **end, int base)
{
    int neg, ok;
    ULL v = parse_unsigned(s, 1, (const void **)end, base, &neg, &ok);
    return neg ? -(LL)v : (LL)v;
}
EXP ULL _wcstoui64(const WCHAR *s, WCHAR **end, int base)
{
    int neg, ok;
    ULL v = parse_unsigned(s, 1, (const void **)end, base, &neg, &ok);
    return neg ? (ULL)-(LL)v : v;
}
EXP int atoi(const char *s) { return (int)strtol(s, NULL, 10); }
EXP long atol(const char *s) { return strtol(s, NULL, 10); }
EXP LL _atoi64(const char *s) { int neg, ok; ULL v = parse_unsigned(s, 0, NULL, 10, &neg, &ok); return neg ? -(LL)v : (LL)v; }
EXP int _wtoi(const WCHAR *s) { return (int)wcstol(s, NULL, 10); }
EXP long _wtol(const WCHAR *s) { return wcstol(s, NULL, 10); }
EXP LL _wtoi64(const WCHAR *s) { return _wcstoi64(s, NULL, 10); }
EXP int abs(int v) { return v < 0 ? -v : v; }
EXP long labs(long v) { return v < 0 ? -v : v; }

/* _itoa and friends: negative only in base 10; lower-case digits. */
static void to_text(ULL v, int neg, int base, void *out, int wide)
{
    char tmp[66];
    int i = 0;
    do { tmp[i++] = "0123456789abcdefghijklmnopqrstuvwxyz"[v % (unsigned)base]; v /= (unsigned)base; } while (v);
    if (neg) tmp[i++] = '-';
    for (int k = 0; k < i; k++) {
        if (wide) ((WCHAR *)out)[k] = (WCHAR)tmp[i - 1 - k];
        else ((char *)out)[k] = tmp[i - 1 - k];
    }
    if (wide) ((WCHAR *)out)[i] = 0;
    else ((char *)out)[i] = 0;
}
#define TO_TEXT(NAME, T, ARG, WIDE, SIGNED)                                                        \
    EXP T *NAME(ARG v, T *out, int base)                                                           \
    {                                                                                              \
        int neg = SIGNED && base == 10 && (LL)v < 0;                                               \
        to_text(neg ? (ULL)-(LL)v : (SIGNED && sizeof(ARG) == 4 ? (ULL)(unsigned)v : (ULL)v), neg, base, out, WIDE); \
        return out;                                                                                \
    }
TO_TEXT(_itoa, char, int, 0, 1)
TO_TEXT(_ltoa, char, long, 0, 1)
TO_TEXT(_ultoa, char, unsigned long, 0, 0)
TO_TEXT(_i64toa, char, LL, 0, 1)
TO_TEXT(_ui64toa, char, ULL, 0, 0)
TO_TEXT(_itow, WCHAR, int, 1, 1)
TO_TEXT(_ltow, WCHAR, long, 1, 1)
TO_TEXT(_ultow, WCHAR, unsigned long, 1, 0)
TO_TEXT(_i64tow, WCHAR, LL, 1, 1)
TO_TEXT(_ui64tow, WCHAR, ULL, 1, 0)

/* ---- sorting and searching ---- */
typedef int (__cdecl *compare_fn)(const void *, const void *);
static void swap_bytes(UCHAR *a, UCHAR *b, SIZE_T n) { while (n--) { UCHAR t = *a; *a++ = *b; *b++ = t; } }
EXP void qsort(void *base, SIZE_T count, SIZE_T size, compare_fn cmp)
{
    UCHAR *b = base;
    /* a shell sort: no recursion, a bounded stack */
    for (SIZE_T gap = count / 2; gap; gap /= 2)
        for (SIZE_T i = gap; i < count; i++)
            for (SIZE_T j = i; j >= gap && cmp(b + (j - gap) * size, b + j * size) > 0; j -= gap)
                swap_bytes(b + (j - gap) * size, b + j * size, size);
}
EXP void *bsearch(const void *key, const void *base, SIZE_T count, SIZE_T size, compare_fn cmp)
{
    const UCHAR *b = base;
    SIZE_T lo = 0, hi = count;
    while (lo < hi) {
        SIZE_T mid = lo + (hi - lo) / 2;
        int r = cmp(key, b + mid * size);
        if (r == 0) return (void *)(b + mid * size);
        if (r < 0) hi = mid; else lo = mid + 1;
    }
    return NULL;
}

/* ---- Rtl memory routines ---- */
EXP SIZE_T NTAPI RtlCompareMemory(const void *a, const void *b, SIZE_T n)
{
    const UCHAR *x = a, *y = b;
    SIZE_T i = 0;
    while (i < n && x[i] == y[i]) i++;
    return i;
}
EXP SIZE_T NTAPI RtlCompareMemoryUlong(const void *p, SIZE_T n, ULONG v)
{
    const ULONG *u = p;
    SIZE_T i = 0;
    while (i < n / 4 && u[i] == v) i++;
    return i * 4;
}
EXP void NTAPI RtlFillMemory(void *d, SIZE_T n, UCHAR c) { memset(d, c, n); }
EXP void NTAPI RtlZeroMemory(void *d, SIZE_T n) { memset(d, 0, n); }
EXP void NTAPI RtlMoveMemory(void *d, const void *s, SIZE_T n) { memmove(d, s, n); }
EXP void NTAPI RtlCopyMemory(void *d, const void *s, SIZE_T n) { memmove(d, s, n); }
EXP void NTAPI RtlFillMemoryUlong(void *d, SIZE_T n, ULONG v) { ULONG *u = d; for (SIZE_T i = 0; i < n / 4; i++) u[i] = v; }
