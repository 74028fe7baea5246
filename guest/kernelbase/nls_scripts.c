/* Family 9 (locales): GetStringScripts and VerifyScripts. A script list is ISO 15924 codes in
 * alphabetical order, each followed by ';' ("Cyrl;Latn;"). The characters' scripts come from
 * the Unicode block ranges below; Qaii (inherited: combining marks) and Zyyy (common: digits,
 * punctuation, symbols) appear only with GSS_ALLOW_INHERITED_COMMON; Zzzz marks an unassigned
 * code point. */
#include "kernelbase.h"

/* The codes, alphabetically; a script set is a bit mask over this table. */
static const WCHAR Codes[][5] = {
    L"Arab", L"Armn", L"Beng", L"Cyrl", L"Deva", L"Geor", L"Grek", L"Gujr", L"Guru", L"Hang", L"Hani", L"Hebr",
    L"Hira", L"Kana", L"Knda", L"Latn", L"Mlym", L"Orya", L"Qaii", L"Taml", L"Telu", L"Thaa", L"Thai", L"Zyyy",
    L"Zzzz",
};
enum { ARAB, ARMN, BENG, CYRL, DEVA, GEOR, GREK, GUJR, GURU, HANG, HANI, HEBR, HIRA, KANA, KNDA, LATN, MLYM,
       ORYA, QAII, TAML, TELU, THAA, THAI, ZYYY, ZZZZ, SCRIPT_COUNT };

typedef struct { UINT First, Last; BYTE Script; } RANGE;

/* Exceptions inside a block come first: the first range holding a code point wins. */
static const RANGE Ranges[] = {
    {0x0041, 0x005A, LATN}, {0x0061, 0x007A, LATN}, {0x00AA, 0x00AA, LATN}, {0x00BA, 0x00BA, LATN},
    {0x00D7, 0x00D7, ZYYY}, {0x00F7, 0x00F7, ZYYY}, {0x00C0, 0x02AF, LATN}, {0x02B0, 0x02FF, ZYYY},
    {0x0300, 0x036F, QAII}, {0x0374, 0x0374, ZYYY}, {0x037E, 0x037E, ZYYY}, {0x0385, 0x0385, ZYYY},
    {0x0387, 0x0387, ZYYY}, {0x0370, 0x03FF, GREK}, {0x0485, 0x0486, QAII}, {0x0400, 0x052F, CYRL},
    {0x0531, 0x058F, ARMN}, {0x0591, 0x05FF, HEBR}, {0x060C, 0x060C, ZYYY}, {0x061B, 0x061B, ZYYY},
    {0x061F, 0x061F, ZYYY}, {0x0640, 0x0640, ZYYY}, {0x064B, 0x0655, QAII}, {0x0670, 0x0670, QAII},
    {0x0600, 0x06FF, ARAB}, {0x0750, 0x077F, ARAB}, {0x0780, 0x07BF, THAA}, {0x0964, 0x0965, ZYYY},
    {0x0900, 0x097F, DEVA}, {0x0980, 0x09FF, BENG}, {0x0A00, 0x0A7F, GURU}, {0x0A80, 0x0AFF, GUJR},
    {0x0B00, 0x0B7F, ORYA}, {0x0B80, 0x0BFF, TAML}, {0x0C00, 0x0C7F, TELU}, {0x0C80, 0x0CFF, KNDA},
    {0x0D00, 0x0D7F, MLYM}, {0x0E3F, 0x0E3F, ZYYY}, {0x0E00, 0x0E7F, THAI}, {0x10A0, 0x10FF, GEOR},
    {0x1100, 0x11FF, HANG}, {0x1D00, 0x1D7F, LATN}, {0x1DC0, 0x1DFF, QAII}, {0x1E00, 0x1EFF, LATN},
    {0x1F00, 0x1FFF, GREK}, {0x200C, 0x200D, QAII}, {0x20D0, 0x20FF, QAII}, {0x2C60, 0x2C7F, LATN},
    {0x2DE0, 0x2DFF, CYRL}, {0x2E80, 0x2FDF, HANI}, {0x3005, 0x3005, HANI}, {0x3007, 0x3007, HANI},
    {0x3021, 0x3029, HANI}, {0x3038, 0x303B, HANI}, {0x3099, 0x309A, QAII}, {0x309B, 0x309C, ZYYY},
    {0x3041, 0x309F, HIRA}, {0x30A0, 0x30A0, ZYYY}, {0x30FB, 0x30FC, ZYYY}, {0x30A1, 0x30FF, KANA},
    {0x3130, 0x318F, HANG}, {0x31F0, 0x31FF, KANA}, {0x3400, 0x4DBF, HANI}, {0x4E00, 0x9FFF, HANI},
    {0xA640, 0xA69F, CYRL}, {0xA720, 0xA7FF, LATN}, {0xAC00, 0xD7AF, HANG}, {0xF900, 0xFAFF, HANI},
    {0xFB1D, 0xFB4F, HEBR}, {0xFB50, 0xFDFF, ARAB}, {0xFE00, 0xFE0F, QAII}, {0xFE20, 0xFE2F, QAII},
    {0xFE70, 0xFEFF, ARAB}, {0xFF21, 0xFF3A, LATN}, {0xFF41, 0xFF5A, LATN}, {0xFF66, 0xFF9D, KANA},
    {0x20000, 0x2FFFF, HANI},
};

static int ScriptOf(UINT c)
{
    for (SIZE_T i = 0; i < sizeof(Ranges) / sizeof(Ranges[0]); i++)
        if (c >= Ranges[i].First && c <= Ranges[i].Last) return Ranges[i].Script;
    if (c > 0xFFFF) return ZZZZ;
    WCHAR w = (WCHAR)c;
    WORD t1 = 0, t3 = 0;
    if (c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF) || (c >= 0xD800 && c <= 0xDFFF)) return ZZZZ;
    GetStringTypeW(CT_CTYPE1, &w, 1, &t1);
    GetStringTypeW(CT_CTYPE3, &w, 1, &t3);
    return t1 == 0 && t3 == 0 ? ZZZZ : ZYYY;
}

KBAPI int WINAPI GetStringScripts(DWORD flags, LPCWSTR s, int count, LPWSTR out, int size)
{
    if (flags & ~(DWORD)GSS_ALLOW_INHERITED_COMMON) { SetLastError(ERROR_INVALID_FLAGS); return 0; }
    if (s == NULL || count < -1 || size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (count == -1) count = (int)wcslen(s);
    /* Step 1: the set of scripts. */
    DWORD set = 0;
    for (int i = 0; i < count; i++) {
        UINT c = s[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < count && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
            c = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
        int script = ScriptOf(c);
        if ((script == QAII || script == ZYYY) && !(flags & GSS_ALLOW_INHERITED_COMMON)) continue;
        set |= 1u << script;
    }
    /* Step 2: the codes in order, each with its ';', then the NUL. */
    int need = 1;
    for (int k = 0; k < SCRIPT_COUNT; k++) if (set & (1u << k)) need += 5;
    if (size == 0) return need;
    if (size < need) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    WCHAR *p = out;
    for (int k = 0; k < SCRIPT_COUNT; k++)
        if (set & (1u << k)) { memcpy(p, Codes[k], 8); p[4] = ';'; p += 5; }
    *p = 0;
    return need;
}

/* Step 1 of VerifyScripts: a list is "Xxxx;" entries (a missing final ';' is allowed). */
static BOOL ParseScripts(LPCWSTR s, int count, const WCHAR **entries, int *n, int max)
{
    if (count == -1) count = (int)wcslen(s);
    *n = 0;
    for (int i = 0; i < count; ) {
        if (count - i < 4 || *n >= max) return FALSE;
        entries[(*n)++] = s + i;
        i += 4;
        if (i < count) { if (s[i] != ';') return FALSE; i++; }
    }
    return TRUE;
}

/* VerifyScripts: is every script of the test list in the locale's list (Latin always allowed
 * with VS_ALLOW_LATIN)? FALSE with ERROR_SUCCESS when one is not. */
KBAPI BOOL WINAPI VerifyScripts(DWORD flags, LPCWSTR locale, int cchLocale, LPCWSTR test, int cchTest)
{
    const WCHAR *have[64], *want[64];
    int nh, nw;
    if (flags & ~(DWORD)VS_ALLOW_LATIN) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    if (locale == NULL || test == NULL || cchLocale < -1 || cchTest < -1 || !ParseScripts(locale, cchLocale, have, &nh, 64)
        || !ParseScripts(test, cchTest, want, &nw, 64)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    SetLastError(ERROR_SUCCESS);
    for (int i = 0; i < nw; i++) {
        BOOL found = (flags & VS_ALLOW_LATIN) && CompareStringOrdinal(want[i], 4, L"Latn", 4, TRUE) == CSTR_EQUAL;
        for (int j = 0; j < nh && !found; j++) found = CompareStringOrdinal(want[i], 4, have[j], 4, TRUE) == CSTR_EQUAL;
        if (!found) return FALSE;
    }
    return TRUE;
}
