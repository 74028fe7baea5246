/* The Str* family over one character type (included by str.c for A and W). Comparisons named
 * without C use the user's locale without regard to case as CompareString does (StrCmpI,
 * StrCmpNI ...); the C forms (StrCmpC, StrCmpIC ...) compare code points. */
#define C(c) ((unsigned)(TUCH)(c))

static int FN(SLen)(const TCH *s) { int n = 0; while (s[n]) n++; return n; }
static int FN(Locale)(DWORD flags, const TCH *a, int na, const TCH *b, int nb)
{
    return FN(CompareString)(LOCALE_USER_DEFAULT, flags, a, na, b, nb) - CSTR_EQUAL;
}

SHLAPI int WINAPI FN(StrCmpN)(const TCH *a, const TCH *b, int n) { return FN(Locale)(0, a, n, b, n); }
SHLAPI int WINAPI FN(StrCmpNI)(const TCH *a, const TCH *b, int n) { return FN(Locale)(NORM_IGNORECASE, a, n, b, n); }

/* Ordinal comparisons: the difference's sign, -1, 0 or 1. */
static int FN(Ordinal)(const TCH *a, const TCH *b, int n, BOOL fold)
{
    for (int i = 0; n < 0 || i < n; i++) {
        unsigned ca = C(a[i]), cb = C(b[i]);
        if (fold) { ca = Up(ca); cb = Up(cb); }
        if (ca != cb) return ca < cb ? -1 : 1;
        if (ca == 0) break;
    }
    return 0;
}

SHLAPI int WINAPI FN(StrCmpC)(const TCH *a, const TCH *b) { return FN(Ordinal)(a, b, -1, FALSE); }
SHLAPI int WINAPI FN(StrCmpIC)(const TCH *a, const TCH *b) { return FN(Ordinal)(a, b, -1, TRUE); }
SHLAPI int WINAPI FN(StrCmpNC)(const TCH *a, const TCH *b, int n) { return FN(Ordinal)(a, b, n, FALSE); }
SHLAPI int WINAPI FN(StrCmpNIC)(const TCH *a, const TCH *b, int n) { return FN(Ordinal)(a, b, n, TRUE); }

SHLAPI BOOL WINAPI FN(ChrCmpI)(TSCH a, TSCH b)
{
    TCH x[1] = {(TCH)a}, y[1] = {(TCH)b};
    return FN(Locale)(NORM_IGNORECASE, x, 1, y, 1) != 0;
}

SHLAPI BOOL WINAPI FN(StrIsIntlEqual)(BOOL sensitive, const TCH *a, const TCH *b, int n)
{
    return FN(Locale)(sensitive ? 0 : NORM_IGNORECASE, a, n, b, n) == 0;
}

SHLAPI TCH *WINAPI FN(StrChr)(const TCH *s, TSCH ch)
{
    if (s == NULL) return NULL;
    for (; *s; s++) if (C(*s) == C((TCH)ch)) return (TCH *)s;
    return NULL;
}

SHLAPI TCH *WINAPI FN(StrChrI)(const TCH *s, TSCH ch)
{
    if (s == NULL) return NULL;
    for (; *s; s++) if (Up(C(*s)) == Up(C((TCH)ch))) return (TCH *)s;
    return NULL;
}

/* StrRChr(I): the last ch before end (NULL: the string's end). */
SHLAPI TCH *WINAPI FN(StrRChr)(const TCH *s, const TCH *end, TSCH ch)
{
    const TCH *found = NULL;
    if (s == NULL) return NULL;
    if (end == NULL) end = s + FN(SLen)(s);
    for (; s < end && *s; s++) if (C(*s) == C((TCH)ch)) found = s;
    return (TCH *)found;
}

SHLAPI TCH *WINAPI FN(StrRChrI)(const TCH *s, const TCH *end, TSCH ch)
{
    const TCH *found = NULL;
    if (s == NULL) return NULL;
    if (end == NULL) end = s + FN(SLen)(s);
    for (; s < end && *s; s++) if (Up(C(*s)) == Up(C((TCH)ch))) found = s;
    return (TCH *)found;
}

static BOOL FN(Starts)(const TCH *s, const TCH *sub, int n, BOOL fold)
{
    for (int i = 0; i < n; i++) {
        if (s[i] == 0) return FALSE;
        if (fold ? Up(C(s[i])) != Up(C(sub[i])) : s[i] != sub[i]) return FALSE;
    }
    return TRUE;
}

SHLAPI TCH *WINAPI FN(StrStr)(const TCH *s, const TCH *sub)
{
    if (s == NULL || sub == NULL) return NULL;
    int n = FN(SLen)(sub);
    for (; *s; s++) if (FN(Starts)(s, sub, n, FALSE)) return (TCH *)s;
    return NULL;
}

SHLAPI TCH *WINAPI FN(StrStrI)(const TCH *s, const TCH *sub)
{
    if (s == NULL || sub == NULL) return NULL;
    int n = FN(SLen)(sub);
    for (; *s; s++) if (FN(Starts)(s, sub, n, TRUE)) return (TCH *)s;
    return NULL;
}

SHLAPI TCH *WINAPI FN(StrRStrI)(const TCH *s, const TCH *last, const TCH *sub)
{
    const TCH *found = NULL;
    if (s == NULL || sub == NULL) return NULL;
    int n = FN(SLen)(sub);
    if (last == NULL) last = s + FN(SLen)(s);
    for (; s < last && *s; s++) if (FN(Starts)(s, sub, n, TRUE)) found = s;
    return (TCH *)found;
}

SHLAPI TCH *WINAPI FN(StrPBrk)(const TCH *s, const TCH *set)
{
    if (s == NULL || set == NULL) return NULL;
    for (; *s; s++) if (FN(StrChr)(set, *s)) return (TCH *)s;
    return NULL;
}

SHLAPI int WINAPI FN(StrSpn)(const TCH *s, const TCH *set)
{
    int n = 0;
    if (s == NULL || set == NULL) return 0;
    while (s[n] && FN(StrChr)(set, s[n])) n++;
    return n;
}

SHLAPI int WINAPI FN(StrCSpn)(const TCH *s, const TCH *set)
{
    int n = 0;
    if (s == NULL || set == NULL) return 0;
    while (s[n] && !FN(StrChr)(set, s[n])) n++;
    return n;
}

SHLAPI int WINAPI FN(StrCSpnI)(const TCH *s, const TCH *set)
{
    int n = 0;
    if (s == NULL || set == NULL) return 0;
    while (s[n] && !FN(StrChrI)(set, s[n])) n++;
    return n;
}

/* StrDup: a LocalAlloc'd copy (LocalFree frees it); NULL is copied as an empty string. */
SHLAPI TCH *WINAPI FN(StrDup)(const TCH *s)
{
    int n = s ? FN(SLen)(s) : 0;
    TCH *copy = LocalAlloc(LMEM_FIXED, (SIZE_T)(n + 1) * sizeof(TCH));
    if (copy) {
        for (int i = 0; i < n; i++) copy[i] = s[i];
        copy[n] = 0;
    }
    return copy;
}

SHLAPI TCH *WINAPI FN(StrNCat)(TCH *dest, const TCH *src, int count)
{
    if (dest == NULL || src == NULL) return dest;
    TCH *d = dest + FN(SLen)(dest);
    for (int i = 0; i < count - 1 && src[i]; i++) *d++ = src[i];
    *d = 0;
    return dest;
}

/* StrCatBuff: src appended as far as a buffer of `size` characters allows, always terminated. */
SHLAPI TCH *WINAPI FN(StrCatBuff)(TCH *dest, const TCH *src, int size)
{
    if (dest == NULL || src == NULL) return dest;
    int n = FN(SLen)(dest);
    if (n >= size) return dest;
    TCH *d = dest + n;
    for (; n < size - 1 && *src; n++) *d++ = *src++;
    *d = 0;
    return dest;
}

/* StrTrim: every leading and trailing character of the set removed; TRUE if any was. */
SHLAPI BOOL WINAPI FN(StrTrim)(TCH *s, const TCH *set)
{
    if (s == NULL || set == NULL || *s == 0) return FALSE;
    int n = FN(SLen)(s), start = 0;
    while (s[start] && FN(StrChr)(set, s[start])) start++;
    int end = n;
    while (end > start && FN(StrChr)(set, s[end - 1])) end--;
    if (start == 0 && end == n) return FALSE;
    for (int i = 0; i < end - start; i++) s[i] = s[start + i];
    s[end - start] = 0;
    return TRUE;
}

/* StrToInt64Ex: leading blanks, an optional sign, decimal digits or (STIF_SUPPORT_HEX) "0x" and
 * hex digits; FALSE if no digit came (*ret 0). */
SHLAPI BOOL WINAPI FN(StrToInt64Ex)(const TCH *s, STIF_FLAGS flags, LONGLONG *ret)
{
    if (s == NULL || ret == NULL) return FALSE;
    *ret = 0;
    while (*s == ' ' || *s == '\t' || *s == '\n') s++;
    BOOL negative = FALSE;
    if (*s == '-') { negative = TRUE; s++; } else if (*s == '+') s++;
    ULONGLONG value = 0;
    if ((flags & STIF_SUPPORT_HEX) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s += 2;
        int digits = 0;
        for (;; s++, digits++) {
            unsigned c = C(*s), d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (Up(c) >= 'A' && Up(c) <= 'F') d = Up(c) - 'A' + 10;
            else break;
            value = value * 16 + d;
        }
        if (!digits) return FALSE;
        *ret = negative ? -(LONGLONG)value : (LONGLONG)value;
        return TRUE;
    }
    if (*s < '0' || *s > '9') return FALSE;
    for (; *s >= '0' && *s <= '9'; s++) value = value * 10 + (C(*s) - '0');
    *ret = negative ? -(LONGLONG)value : (LONGLONG)value;
    return TRUE;
}

SHLAPI BOOL WINAPI FN(StrToIntEx)(const TCH *s, STIF_FLAGS flags, int *ret)
{
    LONGLONG value;
    if (ret == NULL) return FALSE;
    BOOL ok = FN(StrToInt64Ex)(s, flags, &value);
    *ret = (int)value;
    return ok;
}

SHLAPI int WINAPI FN(StrToInt)(const TCH *s)
{
    int value = 0;
    FN(StrToIntEx)(s, STIF_DEFAULT, &value);
    return value;
}

SHLAPI HRESULT WINAPI FN(SHStrDup)(const TCH *s, LPWSTR *out)
{
    if (out == NULL) return E_INVALIDARG;
    *out = NULL;
    if (s == NULL) return E_INVALIDARG;
    int n = FN(SLen)(s);
    *out = TaskAlloc((SIZE_T)(n + 1) * sizeof(WCHAR));
    if (*out == NULL) return E_OUTOFMEMORY;
    for (int i = 0; i <= n; i++) (*out)[i] = (WCHAR)C(s[i]);
    return S_OK;
}
#undef C
