/* Family 9 (locales): GetNumberFormat / GetCurrencyFormat (A, W, Ex) and GetDurationFormat(Ex).
 * A number string ("-1234.5": an optional minus, digits, an optional '.' and digits) is rounded
 * half up to the format's digits, grouped by the grouping rule, and placed in the locale's
 * negative or currency pattern; the values not given in a NUMBERFMT / CURRENCYFMT come from
 * GetLocaleInfoEx (this machine has no user overrides, so LOCALE_NOUSEROVERRIDE changes nothing). */
#include "kernelbase.h"

/* The output: counts always, writes while there is room (size 0 asks for the length). */
typedef struct { LPWSTR Buffer; int Size, Count; } OUTPUT;

static void Put(OUTPUT *o, WCHAR c)
{
    if (o->Size && o->Count < o->Size) o->Buffer[o->Count] = c;
    o->Count++;
}

static void PutString(OUTPUT *o, const WCHAR *s)
{
    while (*s) Put(o, *s++);
}

/* Step 3: end the string; the count includes the NUL, a short buffer is an error. */
static int Finish(OUTPUT *o)
{
    Put(o, 0);
    if (o->Size && o->Count > o->Size) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    return o->Count;
}

/* The group sizes right to left (a 0 is an empty group: two separators side by side); Repeat:
 * the last size repeats for the rest of the digits. */
typedef struct { BYTE Size[10]; int Count; BOOL Repeat; } GROUPING;

typedef struct {
    UINT Digits, LeadingZero, NegativeOrder, PositiveOrder;
    GROUPING Grouping;
    WCHAR Decimal[8], Thousand[8], Symbol[16], Negative[8];
} NUMBER_FORMAT;

/* NUMBERFMT's Grouping: its decimal digits are the sizes, most significant first; a last digit
 * of 0 is dropped and stops the repetition (3 is "1,234,567", 23 "1,234,567,89", 230
 * "1234,567,89", 0 no grouping). */
static void GroupingFromNumber(UINT value, GROUPING *g)
{
    BYTE digits[10] = {0};
    int n = 0;
    g->Count = 0;
    g->Repeat = value % 10 != 0;
    if (!g->Repeat) value /= 10;
    for (; value && n < 10; value /= 10) digits[n++] = (BYTE)(value % 10);
    while (n--) g->Size[g->Count++] = digits[n];
}

/* LOCALE_SGROUPING / LOCALE_SMONGROUPING: the opposite rule, a final ";0" repeats ("3;0" is
 * NUMBERFMT's 3, "3" its 30, "3;2;0" its 32). */
static void GroupingFromString(const WCHAR *s, GROUPING *g)
{
    UINT v = 0, last = 0;
    for (; *s && v < 100000000; s++)
        if (*s >= '0' && *s <= '9') { last = (UINT)(*s - '0'); v = v * 10 + last; }
    GroupingFromNumber(last == 0 ? v / 10 : v * 10, g);
}

/* How many separators follow the digit that has `right` digits to its right. */
static int GroupBoundaries(const GROUPING *g, int right)
{
    int sum = 0, count = 0;
    for (int k = 0; g->Count; k++) {
        if (k >= g->Count && !g->Repeat) break;
        sum += g->Size[k < g->Count ? k : g->Count - 1];
        if (sum == right) count++;
        if (sum > right) break;
    }
    return count;
}

static BOOL Copy(WCHAR *to, int size, const WCHAR *from)
{
    int n = (int)wcslen(from);
    if (n >= size) return FALSE;
    memcpy(to, from, (SIZE_T)(n + 1) * 2);
    return TRUE;
}

static UINT LocaleNumber(LPCWSTR locale, LCTYPE type)
{
    DWORD v = 0;
    GetLocaleInfoEx(locale, type | LOCALE_RETURN_NUMBER, (LPWSTR)&v, 2);
    return v;
}

/* Step 1: the locale's values, for what the caller's structure does not give. */
static BOOL LocaleFormat(LPCWSTR locale, BOOL currency, NUMBER_FORMAT *f)
{
    WCHAR grouping[16];
    if (!GetLocaleInfoEx(locale, LOCALE_SNEGATIVESIGN, f->Negative, 8)) return FALSE;
    GetLocaleInfoEx(locale, currency ? LOCALE_SMONDECIMALSEP : LOCALE_SDECIMAL, f->Decimal, 8);
    GetLocaleInfoEx(locale, currency ? LOCALE_SMONTHOUSANDSEP : LOCALE_STHOUSAND, f->Thousand, 8);
    GetLocaleInfoEx(locale, currency ? LOCALE_SMONGROUPING : LOCALE_SGROUPING, grouping, 16);
    GroupingFromString(grouping, &f->Grouping);
    f->Digits = LocaleNumber(locale, currency ? LOCALE_ICURRDIGITS : LOCALE_IDIGITS);
    f->LeadingZero = LocaleNumber(locale, LOCALE_ILZERO);
    f->NegativeOrder = LocaleNumber(locale, currency ? LOCALE_INEGCURR : LOCALE_INEGNUMBER);
    f->PositiveOrder = currency ? LocaleNumber(locale, LOCALE_ICURRENCY) : 0;
    f->Symbol[0] = 0;
    if (currency) GetLocaleInfoEx(locale, LOCALE_SCURRENCY, f->Symbol, 16);
    return TRUE;
}

/* Step 2: check the number string; its integer and fraction digits. */
static BOOL ParseNumber(LPCWSTR value, BOOL *negative, const WCHAR **integer, int *intCount,
                        const WCHAR **fraction, int *fracCount)
{
    const WCHAR *p = value;
    *negative = *p == '-';
    if (*negative) p++;
    *integer = p;
    while (*p >= '0' && *p <= '9') p++;
    *intCount = (int)(p - *integer);
    *fraction = p;
    *fracCount = 0;
    if (*p == '.') {
        *fraction = ++p;
        while (*p >= '0' && *p <= '9') p++;
        *fracCount = (int)(p - *fraction);
    }
    return *p == 0;                                                /* "", "-" and "." are zero */
}

/* Step 3: the rounded digits, grouped, with the decimal separator (no sign). The digits are
 * built in `work` (integer digits with room for a carry, then Digits fraction digits). */
static BOOL FormatDigits(LPCWSTR value, const NUMBER_FORMAT *f, BOOL *negative, WCHAR **digits, int *intCount)
{
    const WCHAR *ip, *fp;
    int ni, nf;
    if (!ParseNumber(value, negative, &ip, &ni, &fp, &nf)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    while (ni > 0 && *ip == '0') { ip++; ni--; }                   /* leading zeros carry nothing */
    WCHAR *w = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, ((SIZE_T)ni + f->Digits + 2) * 2);
    if (w == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    w[0] = '0';
    memcpy(w + 1, ip, (SIZE_T)ni * 2);
    for (UINT k = 0; k < f->Digits; k++) w[1 + ni + k] = (int)k < nf ? fp[k] : '0';
    int total = 1 + ni + (int)f->Digits;
    if ((int)f->Digits < nf && fp[f->Digits] >= '5') {            /* round half up, with the carry */
        int k = total - 1;
        while (w[k] == '9') w[k--] = '0';
        w[k]++;
    }
    w[total] = 0;
    *digits = w;
    *intCount = 1 + ni;
    return TRUE;
}

static void PutDigits(OUTPUT *o, const WCHAR *w, int intCount, const NUMBER_FORMAT *f)
{
    int start = 0;
    while (start < intCount - 1 && w[start] == '0') start++;
    if (w[start] == '0' && start == intCount - 1) {                /* an integer part of 0 */
        if (f->LeadingZero) Put(o, '0');
    } else {
        for (int k = start; k < intCount; k++) {
            Put(o, w[k]);
            if (k < intCount - 1)
                for (int b = GroupBoundaries(&f->Grouping, intCount - 1 - k); b > 0; b--) PutString(o, f->Thousand);
        }
    }
    if (f->Digits) {
        PutString(o, f->Decimal);
        PutString(o, w + intCount);
    }
}

/* The patterns: 'n' the number, '$' the currency symbol, '-' the negative sign. */
static const char *const NegativeNumber[5] = {"(n)", "-n", "- n", "n-", "n -"};
static const char *const PositiveCurrency[4] = {"$n", "n$", "$ n", "n $"};
static const char *const NegativeCurrency[16] = {"($n)", "-$n", "$-n", "$n-", "(n$)", "-n$", "n-$", "n$-",
                                                 "-n $", "-$ n", "n $-", "$ n-", "$ -n", "n- $", "($ n)", "(n $)"};

static int FormatNumber(LPCWSTR value, const NUMBER_FORMAT *f, BOOL currency, LPWSTR out, int size)
{
    OUTPUT o = {out, size, 0};
    BOOL negative;
    WCHAR *w;
    int intCount;
    if (!FormatDigits(value, f, &negative, &w, &intCount)) return 0;
    const char *pattern = currency ? (negative ? NegativeCurrency[f->NegativeOrder] : PositiveCurrency[f->PositiveOrder])
                                   : (negative ? NegativeNumber[f->NegativeOrder] : "n");
    for (const char *p = pattern; *p; p++) {
        if (*p == 'n') PutDigits(&o, w, intCount, f);
        else if (*p == '$') PutString(&o, f->Symbol);
        else if (*p == '-') PutString(&o, f->Negative);
        else Put(&o, (WCHAR)*p);
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    return Finish(&o);
}

/* The checks both functions share: the locale, the flags, the value and the buffer. */
static BOOL CommonChecks(LPCWSTR locale, DWORD flags, const void *format, LPCWSTR value, LPWSTR out, int size)
{
    if (locale && locale[0] && !IsValidLocaleName(locale)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (value == NULL || size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if ((flags & ~LOCALE_NOUSEROVERRIDE) || (format && flags)) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    return TRUE;
}

KBAPI int WINAPI GetNumberFormatEx(LPCWSTR locale, DWORD flags, LPCWSTR value, const NUMBERFMTW *format,
                                   LPWSTR out, int size)
{
    NUMBER_FORMAT f;
    if (!CommonChecks(locale, flags, format, value, out, size)) return 0;
    if (format) {
        if (format->NegativeOrder > 4 || !format->lpDecimalSep
            || !format->lpThousandSep || !Copy(f.Decimal, 8, format->lpDecimalSep)
            || !Copy(f.Thousand, 8, format->lpThousandSep)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
        f.Digits = format->NumDigits;
        f.LeadingZero = format->LeadingZero != 0;
        f.NegativeOrder = format->NegativeOrder;
        GroupingFromNumber(format->Grouping, &f.Grouping);
        GetLocaleInfoEx(locale, LOCALE_SNEGATIVESIGN, f.Negative, 8);
        f.Symbol[0] = 0;
    } else if (!LocaleFormat(locale, FALSE, &f)) return 0;
    return FormatNumber(value, &f, FALSE, out, size);
}

KBAPI int WINAPI GetCurrencyFormatEx(LPCWSTR locale, DWORD flags, LPCWSTR value, const CURRENCYFMTW *format,
                                     LPWSTR out, int size)
{
    NUMBER_FORMAT f;
    if (!CommonChecks(locale, flags, format, value, out, size)) return 0;
    if (format) {
        if (format->NegativeOrder > 15 || format->PositiveOrder > 3
            || !format->lpDecimalSep || !format->lpThousandSep || !format->lpCurrencySymbol
            || !Copy(f.Decimal, 8, format->lpDecimalSep) || !Copy(f.Thousand, 8, format->lpThousandSep)
            || !Copy(f.Symbol, 16, format->lpCurrencySymbol)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
        f.Digits = format->NumDigits;
        f.LeadingZero = format->LeadingZero != 0;
        f.NegativeOrder = format->NegativeOrder;
        f.PositiveOrder = format->PositiveOrder;
        GroupingFromNumber(format->Grouping, &f.Grouping);
        GetLocaleInfoEx(locale, LOCALE_SNEGATIVESIGN, f.Negative, 8);
    } else if (!LocaleFormat(locale, TRUE, &f)) return 0;
    return FormatNumber(value, &f, TRUE, out, size);
}

/* The LCID forms: the locale by name (LCIDToLocaleName rejects the ones we do not have). */
static BOOL NameOf(LCID lcid, WCHAR *name)
{
    return LCIDToLocaleName(lcid, name, LOCALE_NAME_MAX_LENGTH, 0) != 0;
}

KBAPI int WINAPI GetNumberFormatW(LCID lcid, DWORD flags, LPCWSTR value, const NUMBERFMTW *format, LPWSTR out, int size)
{
    WCHAR name[LOCALE_NAME_MAX_LENGTH];
    if (!NameOf(lcid, name)) return 0;
    return GetNumberFormatEx(name[0] ? name : NULL, flags, value, format, out, size);
}

KBAPI int WINAPI GetCurrencyFormatW(LCID lcid, DWORD flags, LPCWSTR value, const CURRENCYFMTW *format, LPWSTR out,
                                    int size)
{
    WCHAR name[LOCALE_NAME_MAX_LENGTH];
    if (!NameOf(lcid, name)) return 0;
    return GetCurrencyFormatEx(name[0] ? name : NULL, flags, value, format, out, size);
}

/* The ANSI forms: widen the value and the structure's strings, narrow the result. */
static WCHAR *Widen(LPCSTR s, UINT cp)
{
    if (s == NULL) return NULL;
    int n = MultiByteToWideChar(cp, 0, s, -1, NULL, 0);
    WCHAR *w = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)n * 2);
    if (w) MultiByteToWideChar(cp, 0, s, -1, w, n);
    return w;
}

static int Narrow(const WCHAR *w, int n, LPSTR out, int size, UINT cp)
{
    if (n == 0) return 0;
    int bytes = WideCharToMultiByte(cp, 0, w, n, NULL, 0, NULL, NULL);
    if (size == 0) return bytes;
    if (size < bytes) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    return WideCharToMultiByte(cp, 0, w, n, out, size, NULL, NULL);
}

static int FormatA(LCID lcid, DWORD flags, LPCSTR value, const NUMBERFMTA *number, const CURRENCYFMTA *currency,
                   BOOL isCurrency, LPSTR out, int size)
{
    UINT cp = CP_ACP;
    flags &= ~LOCALE_USE_CP_ACP;
    if (value == NULL || size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    WCHAR *wvalue = Widen(value, cp), *decimal = NULL, *thousand = NULL, *symbol = NULL;
    NUMBERFMTW wn;
    CURRENCYFMTW wc;
    if (number) {
        wn.NumDigits = number->NumDigits; wn.LeadingZero = number->LeadingZero; wn.Grouping = number->Grouping;
        wn.NegativeOrder = number->NegativeOrder;
        wn.lpDecimalSep = decimal = Widen(number->lpDecimalSep, cp);
        wn.lpThousandSep = thousand = Widen(number->lpThousandSep, cp);
    }
    if (currency) {
        wc.NumDigits = currency->NumDigits; wc.LeadingZero = currency->LeadingZero; wc.Grouping = currency->Grouping;
        wc.NegativeOrder = currency->NegativeOrder; wc.PositiveOrder = currency->PositiveOrder;
        wc.lpDecimalSep = decimal = Widen(currency->lpDecimalSep, cp);
        wc.lpThousandSep = thousand = Widen(currency->lpThousandSep, cp);
        wc.lpCurrencySymbol = symbol = Widen(currency->lpCurrencySymbol, cp);
    }
    /* The length first, then the string in a buffer of that size. */
    int n = isCurrency ? GetCurrencyFormatW(lcid, flags, wvalue, currency ? &wc : NULL, NULL, 0)
                       : GetNumberFormatW(lcid, flags, wvalue, number ? &wn : NULL, NULL, 0);
    int result = 0;
    WCHAR *w = n ? RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)n * 2) : NULL;
    if (w) {
        n = isCurrency ? GetCurrencyFormatW(lcid, flags, wvalue, currency ? &wc : NULL, w, n)
                       : GetNumberFormatW(lcid, flags, wvalue, number ? &wn : NULL, w, n);
        result = Narrow(w, n, out, size, cp);
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w);
    }
    WCHAR *owned[4] = {wvalue, decimal, thousand, symbol};
    for (int k = 0; k < 4; k++) if (owned[k]) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, owned[k]);
    return result;
}

KBAPI int WINAPI GetNumberFormatA(LCID lcid, DWORD flags, LPCSTR value, const NUMBERFMTA *format, LPSTR out, int size)
{
    return FormatA(lcid, flags, value, format, NULL, FALSE, out, size);
}

KBAPI int WINAPI GetCurrencyFormatA(LCID lcid, DWORD flags, LPCSTR value, const CURRENCYFMTA *format, LPSTR out,
                                    int size)
{
    return FormatA(lcid, flags, value, NULL, format, TRUE, out, size);
}

/* GetDurationFormat: d days, h/H hours, m minutes, s seconds (doubled: two digits at least),
 * f..fffffffff fractions of a second, 'quoted' text. The largest unit in the format takes what
 * the units above it would have shown (no 'd': 30 hours print as 30). */
static int Duration(LPCWSTR locale, DWORD flags, const SYSTEMTIME *st, ULONGLONG ticks, LPCWSTR fmt, LPWSTR out,
                    int size)
{
    static const ULONGLONG Unit[4] = {864000000000ULL, 36000000000ULL, 600000000ULL, 10000000ULL};
    WCHAR local[32];
    OUTPUT o = {out, size, 0};
    if (size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if ((flags & ~LOCALE_NOUSEROVERRIDE) || (fmt && flags)) { SetLastError(ERROR_INVALID_FLAGS); return 0; }
    if (st)
        ticks = ((((ULONGLONG)st->wDay * 24 + st->wHour) * 60 + st->wMinute) * 60 + st->wSecond) * 10000000ULL
                + (ULONGLONG)st->wMilliseconds * 10000ULL;
    if (fmt == NULL) {
        if (!GetLocaleInfoEx(locale, LOCALE_SDURATION, local, 32)) return 0;
        fmt = local;
    }
    int top = 4;                                                   /* the largest unit present */
    for (const WCHAR *p = fmt; *p; p++) {
        if (*p == '\'') { for (p++; *p && *p != '\''; p++) ; if (!*p) break; continue; }
        int u = *p == 'd' ? 0 : (*p == 'h' || *p == 'H') ? 1 : *p == 'm' ? 2 : *p == 's' ? 3 : 4;
        if (u < top) top = u;
    }
    for (const WCHAR *p = fmt; *p; ) {
        WCHAR c = *p;
        int run = 1;
        while (p[run] == c) run++;
        int u = c == 'd' ? 0 : (c == 'h' || c == 'H') ? 1 : c == 'm' ? 2 : c == 's' ? 3 : -1;
        if (c == '\'') {
            for (p++; *p && *p != '\''; p++) Put(&o, *p);
            if (*p) p++;
            continue;
        }
        if (u >= 0) {
            ULONGLONG v = ticks / Unit[u];
            if (u > top) v %= u == 1 ? 24 : 60;
            WCHAR b[24];
            int k = 0;
            do { b[k++] = (WCHAR)('0' + v % 10); v /= 10; } while (v);
            while (k < (run >= 2 ? 2 : 1)) b[k++] = '0';
            while (k) Put(&o, b[--k]);
        } else if (c == 'f') {
            if (run > 9) run = 9;
            ULONGLONG frac = ticks % 10000000ULL;                  /* seven digits, then zeros */
            WCHAR b[9];
            for (int k = 6; k >= 0; k--) { b[k] = (WCHAR)('0' + frac % 10); frac /= 10; }
            b[7] = b[8] = '0';
            for (int k = 0; k < run; k++) Put(&o, b[k]);
        } else {
            for (int k = 0; k < run; k++) Put(&o, c);
        }
        p += run;
    }
    return Finish(&o);
}

KBAPI int WINAPI GetDurationFormatEx(LPCWSTR locale, DWORD flags, const SYSTEMTIME *duration, ULONGLONG ticks,
                                     LPCWSTR fmt, LPWSTR out, int size)
{
    if (locale && locale[0] && !IsValidLocaleName(locale)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    return Duration(locale, flags, duration, ticks, fmt, out, size);
}

KBAPI int WINAPI GetDurationFormat(LCID lcid, DWORD flags, const SYSTEMTIME *duration, ULONGLONG ticks, LPCWSTR fmt,
                                   LPWSTR out, int size)
{
    WCHAR name[LOCALE_NAME_MAX_LENGTH];
    if (!NameOf(lcid, name)) return 0;
    return Duration(name[0] ? name : NULL, flags, duration, ticks, fmt, out, size);
}
