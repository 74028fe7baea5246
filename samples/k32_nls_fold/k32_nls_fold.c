/* Family 9, the NLS conversions beyond case mapping: UTF-7 (CP_UTF7) both ways with RFC 2152's
 * rules as Windows applies them, FoldStringW/A (digits, the compatibility zone, ligatures,
 * composition and decomposition), and LCMAP_SORTKEY keys whose byte order is CompareString's.
 * Exit code: failed checks. */
#include "../k32.h"

static int SameW(const WCHAR *a, const WCHAR *b, int n)
{
    for (int i = 0; i < n; i++) if (a[i] != b[i]) return 0;
    return 1;
}

static int SameA(const char *a, const char *b, int n)
{
    for (int i = 0; i < n; i++) if (a[i] != b[i]) return 0;
    return 1;
}

static int KeyCompare(const BYTE *a, int la, const BYTE *b, int lb)
{
    for (int i = 0; i < la && i < lb; i++)
        if (a[i] != b[i]) return a[i] < b[i] ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
    return la < lb ? CSTR_LESS_THAN : la > lb ? CSTR_GREATER_THAN : CSTR_EQUAL;
}

static void Utf7(void)
{
    char out[64];
    WCHAR w[64];
    static const WCHAR nihao[] = {0x4F60, 0x597D, 0x5417, 0};
    int n = WideCharToMultiByte(CP_UTF7, 0, nihao, -1, out, sizeof(out), NULL, NULL);
    Check(n == 11 && SameA(out, "+T2BZfVQX-", 11), "UTF-7: three CJK units -> +T2BZfVQX- and the NUL");
    n = WideCharToMultiByte(CP_UTF7, 0, L"1+1 = 2!", 8, out, sizeof(out), NULL, NULL);
    Check(n == 17 && SameA(out, "1+-1 +AD0- 2+ACE-", 17), "'+' -> +-, '=' and '!' are encoded");
    n = WideCharToMultiByte(CP_UTF7, 0, L"a\x263A\x263A" L"b", 4, out, sizeof(out), NULL, NULL);
    Check(n == 10 && SameA(out, "a+JjomOg-b", 10), "consecutive units share one run");
    CheckError(WideCharToMultiByte(CP_UTF7, 0, nihao, -1, out, 10, NULL, NULL) == 0, ERROR_INSUFFICIENT_BUFFER,
               "a buffer one byte short -> ERROR_INSUFFICIENT_BUFFER");
    Check(SameA(out, "+T2BZfVQX-", 10), "with what fitted written");
    CheckError(WideCharToMultiByte(CP_UTF7, WC_COMPOSITECHECK, nihao, -1, out, 64, NULL, NULL) == 0, ERROR_INVALID_FLAGS,
               "WideCharToMultiByte(CP_UTF7) with a flag -> ERROR_INVALID_FLAGS");
    BOOL used;
    CheckError(WideCharToMultiByte(CP_UTF7, 0, nihao, -1, out, 64, NULL, &used) == 0, ERROR_INVALID_PARAMETER,
               "CP_UTF7 with lpUsedDefaultChar -> ERROR_INVALID_PARAMETER");

    n = MultiByteToWideChar(CP_UTF7, 0, "+T2BZfQ-", -1, w, 64);
    Check(n == 3 && w[0] == 0x4F60 && w[1] == 0x597D && w[2] == 0, "+T2BZfQ- decodes to two units");
    n = MultiByteToWideChar(CP_UTF7, 0, "a+-b+!c", -1, w, 64);
    Check(n == 6 && SameW(w, L"a+b!c", 6), "+- is '+', a stray '+' is dropped");
    n = MultiByteToWideChar(CP_UTF7, 0, "+T-+T2-hi", -1, w, 64);
    Check(n == 3 && SameW(w, L"hi", 3), "runs too short for a unit give nothing");
    n = MultiByteToWideChar(CP_UTF7, 0, "+T2BZ-\x82", -1, w, 64);
    Check(n == 3 && w[0] == 0x4F60 && w[1] == 0x82, "bytes above 0x7F are their own values");
    CheckError(MultiByteToWideChar(CP_UTF7, MB_ERR_INVALID_CHARS, "abc", -1, w, 64) == 0, ERROR_INVALID_FLAGS,
               "MultiByteToWideChar(CP_UTF7, MB_ERR_INVALID_CHARS) -> ERROR_INVALID_FLAGS");
    static const WCHAR mixed[] = L"Ünïcödé + \x20AC 5, (ok)?";
    n = WideCharToMultiByte(CP_UTF7, 0, mixed, -1, out, sizeof(out), NULL, NULL);
    int m = MultiByteToWideChar(CP_UTF7, 0, out, n, w, 64);
    Check(n > 0 && m == (int)(sizeof(mixed) / 2) && SameW(w, mixed, m), "a mixed string round-trips");
    CPINFO info;
    Check(IsValidCodePage(CP_UTF7) && GetCPInfo(CP_UTF7, &info) && info.MaxCharSize == 5, "CP_UTF7 is valid, MaxCharSize 5");
}

static void Fold(void)
{
    WCHAR out[64];
    char a[16];
    int n = FoldStringW(MAP_FOLDDIGITS, L"\x0661\x0662\x00B2\xFF13\x0969x", 6, out, 64);
    Check(n == 6 && SameW(out, L"1223" L"3x", 6), "MAP_FOLDDIGITS: Arabic-Indic, superscript, fullwidth, Devanagari");
    n = FoldStringW(MAP_FOLDCZONE, L"\xFF21\xFF42\xFF01\xFFE5", -1, out, 64);
    Check(n == 5 && SameW(out, L"Ab!\x00A5", 5), "MAP_FOLDCZONE: fullwidth forms");
    n = FoldStringW(MAP_EXPAND_LIGATURES, L"\x00C6sop \xFB01ne stra\x00DF" L"e", -1, out, 64);
    Check(n == 19 && SameW(out, L"AEsop fine strasse", 19), "MAP_EXPAND_LIGATURES: AE, fi, ss");
    n = FoldStringW(MAP_COMPOSITE, L"caf\x00E9", 4, out, 64);
    Check(n == 5 && SameW(out, L"cafe\x0301", 5), "MAP_COMPOSITE: e + combining acute");
    n = FoldStringW(MAP_PRECOMPOSED, L"cafe\x0301 n\x0303", 8, out, 64);
    Check(n == 6 && SameW(out, L"caf\x00E9 \x00F1", 6), "MAP_PRECOMPOSED: composed again");
    n = FoldStringA(MAP_FOLDDIGITS, "\xB2\xB3\xB9", -1, a, 16);
    Check(n == 4 && SameA(a, "231", 4), "FoldStringA(MAP_FOLDDIGITS) on the ANSI superscripts");
    CheckError(FoldStringW(0, L"x", 1, out, 64) == 0, ERROR_INVALID_FLAGS, "FoldString with no flag -> ERROR_INVALID_FLAGS");
    CheckError(FoldStringW(MAP_COMPOSITE | MAP_PRECOMPOSED, L"x", 1, out, 64) == 0, ERROR_INVALID_FLAGS,
               "COMPOSITE with PRECOMPOSED -> ERROR_INVALID_FLAGS");
    CheckError(FoldStringW(MAP_EXPAND_LIGATURES | MAP_COMPOSITE, L"x", 1, out, 64) == 0, ERROR_INVALID_FLAGS,
               "EXPAND_LIGATURES with COMPOSITE -> ERROR_INVALID_FLAGS");
    CheckError(FoldStringW(MAP_FOLDDIGITS, out, 1, out, 64) == 0, ERROR_INVALID_PARAMETER,
               "the same buffer in and out -> ERROR_INVALID_PARAMETER");
    CheckError(FoldStringW(MAP_EXPAND_LIGATURES, L"\x00E6", 1, out, 1) == 0, ERROR_INSUFFICIENT_BUFFER,
               "an expansion that does not fit -> ERROR_INSUFFICIENT_BUFFER");
}

static const WCHAR *const Words[] = {
    L"", L"!", L"1", L"10", L"2", L"a", L"A", L"ab", L"Ab", L"aB", L"co-op", L"coop", L"cote", L"c\x00F4te",
    L"cot\x00E9", L"c\x00F4t\x00E9", L"it's", L"its", L"resume", L"r\x00E9sum\x00E9", L"Resume", L"zebra",
    L"Z\x00FCrich", L"a-b", L"ab-", L"-ab", L"\x0416", L"\x0436",
};
#define WORDS (int)(sizeof(Words) / sizeof(Words[0]))

static void SortKeys(void)
{
    static BYTE keys[WORDS][128];
    static int lens[WORDS];
    DWORD flag_sets[3] = {0, NORM_IGNORECASE, NORM_IGNORENONSPACE | NORM_IGNORECASE};
    for (int f = 0; f < 3; f++) {
        int agree = 1;
        for (int i = 0; i < WORDS; i++)
            lens[i] = LCMapStringW(LOCALE_USER_DEFAULT, LCMAP_SORTKEY | flag_sets[f], Words[i], -1, (LPWSTR)keys[i], 128);
        for (int i = 0; i < WORDS; i++)
            for (int j = 0; j < WORDS; j++) {
                int expected = CompareStringW(LOCALE_USER_DEFAULT, flag_sets[f], Words[i], -1, Words[j], -1);
                if (lens[i] == 0 || KeyCompare(keys[i], lens[i], keys[j], lens[j]) != expected) {
                    agree = 0;
                }
            }
        Check(agree, f == 0 ? "sort keys order as CompareString" : f == 1 ? "with NORM_IGNORECASE too"
                                                                          : "and with NORM_IGNORENONSPACE");
    }
    BYTE key[64];
    int n = LCMapStringW(LOCALE_USER_DEFAULT, LCMAP_SORTKEY, L"Ab", -1, NULL, 0);
    int got = LCMapStringW(LOCALE_USER_DEFAULT, LCMAP_SORTKEY, L"Ab", -1, (LPWSTR)key, sizeof(key));
    int ones = 0;
    for (int i = 0; i < got; i++) ones += key[i] == 1;
    Check(n == got && got > 4 && key[got - 1] == 0 && ones == 3, "a key: weights, three 0x01 separators, a final 0");
    BYTE keya[64];
    int na = LCMapStringA(LOCALE_USER_DEFAULT, LCMAP_SORTKEY, "Ab", -1, (LPSTR)keya, sizeof(keya));
    Check(na == got && SameA((char *)keya, (char *)key, na), "LCMapStringA gives the same key");
    CheckError(LCMapStringW(LOCALE_USER_DEFAULT, LCMAP_SORTKEY | LCMAP_UPPERCASE, L"Ab", -1, (LPWSTR)key, 64) == 0,
               ERROR_INVALID_FLAGS, "LCMAP_SORTKEY with LCMAP_UPPERCASE -> ERROR_INVALID_FLAGS");
    CheckError(LCMapStringW(LOCALE_USER_DEFAULT, LCMAP_SORTKEY, L"Ab", -1, (LPWSTR)key, 3) == 0,
               ERROR_INSUFFICIENT_BUFFER, "a key that does not fit -> ERROR_INSUFFICIENT_BUFFER");
}

void Entry(void)
{
    Utf7();
    Fold();
    SortKeys();
    ExitProcess(failures);
}
