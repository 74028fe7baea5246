/* Family 9, strings and NLS: MultiByteToWideChar / WideCharToMultiByte for UTF-8, 1252 and 437
 * with their flag and failure rules, GetACP/GetOEMCP/GetCPInfo, CompareString ordering, lstrcmp,
 * CompareStringOrdinal, LCMapString, GetStringTypeW, GetLocaleInfo, GetDateFormat and
 * GetTimeFormat for en-US. Exit code: failed checks. */
#include "../k32.h"

static int WideEquals(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

void Entry(void)
{
    WCHAR w[64];
    char a[64];
    BOOL used = FALSE;
    Check(GetACP() == 1252 && GetOEMCP() == 437, "ACP 1252, OEM code page 437");
    Check(IsValidCodePage(65001) && IsValidCodePage(437) && !IsValidCodePage(12345), "IsValidCodePage");

    int n = MultiByteToWideChar(CP_UTF8, 0, "h\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", -1, w, 64);
    Check(n == 6 && w[1] == 0xE9 && w[2] == 0x20AC && w[3] == 0xD83D && w[4] == 0xDE00 && w[5] == 0,
          "UTF-8 to UTF-16, a surrogate pair, the NUL counted with -1");
    Check(MultiByteToWideChar(CP_UTF8, 0, "abc", 3, NULL, 0) == 3, "a size query");
    n = MultiByteToWideChar(CP_UTF8, 0, "\xC3\x28", 2, w, 64);
    Check(n == 2 && w[0] == 0xFFFD && w[1] == '(', "an invalid sequence becomes U+FFFD");
    CheckError(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xC3\x28", 2, w, 64) == 0,
               ERROR_NO_UNICODE_TRANSLATION, "MB_ERR_INVALID_CHARS -> ERROR_NO_UNICODE_TRANSLATION");
    CheckError(MultiByteToWideChar(CP_UTF8, 0, "\xED\xA0\x80", 3, w, 64) == 3 && MultiByteToWideChar(CP_UTF8,
               MB_ERR_INVALID_CHARS, "\xED\xA0\x80", 3, w, 64) == 0, ERROR_NO_UNICODE_TRANSLATION,
               "an encoded surrogate is invalid UTF-8");
    CheckError(MultiByteToWideChar(CP_UTF8, MB_PRECOMPOSED, "a", 1, w, 64) == 0, ERROR_INVALID_FLAGS,
               "MB_PRECOMPOSED with UTF-8 -> ERROR_INVALID_FLAGS");
    CheckError(MultiByteToWideChar(CP_UTF8, 0, "abcdef", 6, w, 3) == 0, ERROR_INSUFFICIENT_BUFFER,
               "a short buffer -> ERROR_INSUFFICIENT_BUFFER");
    CheckError(MultiByteToWideChar(CP_UTF8, 0, NULL, 3, w, 64) == 0, ERROR_INVALID_PARAMETER,
               "a NULL source -> ERROR_INVALID_PARAMETER");
    CheckError(MultiByteToWideChar(54321, 0, "a", 1, w, 64) == 0, ERROR_INVALID_PARAMETER,
               "an unknown code page -> ERROR_INVALID_PARAMETER");
    n = MultiByteToWideChar(1252, 0, "\x80\x93\xE9", 3, w, 64);
    Check(n == 3 && w[0] == 0x20AC && w[1] == 0x201C && w[2] == 0xE9, "1252: euro, quote, e acute");
    n = MultiByteToWideChar(CP_OEMCP, 0, "\x82\xC4\xE1", 3, w, 64);
    Check(n == 3 && w[0] == 0xE9 && w[1] == 0x2500 && w[2] == 0xDF, "437: e acute, box drawing, sharp s");

    n = WideCharToMultiByte(CP_UTF8, 0, L"\x00E9\x20AC", 2, a, 64, NULL, NULL);
    Check(n == 5 && (BYTE)a[0] == 0xC3 && (BYTE)a[2] == 0xE2, "UTF-16 to UTF-8");
    n = WideCharToMultiByte(CP_UTF8, 0, L"\xD800x", 2, a, 64, NULL, NULL);
    Check(n == 4 && (BYTE)a[0] == 0xEF && a[3] == 'x', "a lone surrogate becomes U+FFFD");
    CheckError(WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, L"\xD800", 1, a, 64, NULL, NULL) == 0,
               ERROR_NO_UNICODE_TRANSLATION, "WC_ERR_INVALID_CHARS -> ERROR_NO_UNICODE_TRANSLATION");
    CheckError(WideCharToMultiByte(CP_UTF8, 0, L"a", 1, a, 64, NULL, &used) == 0, ERROR_INVALID_PARAMETER,
               "UTF-8 with lpUsedDefaultChar -> ERROR_INVALID_PARAMETER");
    n = WideCharToMultiByte(1252, 0, L"\x20AC\x4E2D!", 3, a, 64, NULL, &used);
    Check(n == 3 && (BYTE)a[0] == 0x80 && a[1] == '?' && a[2] == '!' && used, "1252: the default character, flagged");
    n = WideCharToMultiByte(1252, 0, L"\x4E2D", 1, a, 64, "*", &used);
    Check(n == 1 && a[0] == '*', "a caller's default character");

    CPINFO info;
    Check(GetCPInfo(CP_UTF8, &info) && info.MaxCharSize == 4 && GetCPInfo(1252, &info) && info.MaxCharSize == 1
          && info.DefaultChar[0] == '?', "GetCPInfo");
    CPINFOEXW ex;
    Check(GetCPInfoExW(437, 0, &ex) && WideEquals(ex.CodePageName, L"437   (OEM - United States)"), "GetCPInfoExW names it");
    Check(!IsDBCSLeadByte(0x81), "1252 has no lead bytes");

    Check(CompareStringW(LOCALE_USER_DEFAULT, 0, L"a", -1, L"B", -1) == CSTR_LESS_THAN, "a < B in a linguistic compare");
    Check(CompareStringW(LOCALE_USER_DEFAULT, 0, L"a", -1, L"A", -1) == CSTR_LESS_THAN, "lowercase first");
    Check(CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORECASE, L"abc", -1, L"ABC", -1) == CSTR_EQUAL, "NORM_IGNORECASE");
    Check(CompareStringW(LOCALE_USER_DEFAULT, 0, L"resume", -1, L"r\x00E9sum\x00E9", -1) == CSTR_LESS_THAN
          && CompareStringW(LOCALE_USER_DEFAULT, 0, L"r\x00E9sum\x00E9", -1, L"resumes", -1) == CSTR_LESS_THAN,
          "accents weigh less than letters");
    Check(CompareStringW(LOCALE_USER_DEFAULT, NORM_IGNORENONSPACE, L"r\x00E9sum\x00E9", -1, L"resume", -1) == CSTR_EQUAL,
          "NORM_IGNORENONSPACE");
    Check(CompareStringA(LOCALE_USER_DEFAULT, 0, "10", -1, "9", -1) == CSTR_LESS_THAN, "digits compare as text");
    CheckError(CompareStringW(LOCALE_USER_DEFAULT, 0x40000000, L"a", -1, L"b", -1) == 0, ERROR_INVALID_FLAGS,
               "a bad flag -> ERROR_INVALID_FLAGS");
    Check(lstrcmpA("apple", "Banana") < 0 && lstrcmpiA("HELLO", "hello") == 0 && lstrcmpW(L"b", L"a") > 0, "lstrcmp(i)");
    Check(CompareStringOrdinal(L"a", -1, L"B", -1, FALSE) == CSTR_GREATER_THAN
          && CompareStringOrdinal(L"a", -1, L"B", -1, TRUE) == CSTR_LESS_THAN, "CompareStringOrdinal is by code unit");

    n = LCMapStringW(LOCALE_USER_DEFAULT, LCMAP_UPPERCASE, L"h\x00E9llo", -1, w, 64);
    Check(n == 6 && WideEquals(w, L"H\x00C9LLO"), "LCMapString(LCMAP_UPPERCASE)");
    WORD types[4];
    Check(GetStringTypeW(CT_CTYPE1, L"A1 ,", 4, types) && types[0] == 0x381 && types[1] == 0x284 && types[2] == 0x248
          && types[3] == 0x210, "GetStringTypeW(CT_CTYPE1)");

    Check(GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SDECIMAL, w, 64) == 2 && w[0] == '.', "LOCALE_SDECIMAL");
    Check(GetLocaleInfoA(LOCALE_USER_DEFAULT, LOCALE_SNAME, a, 64) == 6 && a[0] == 'e' && a[3] == 'U', "LOCALE_SNAME en-US");
    DWORD cp = 0;
    Check(GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_IDEFAULTANSICODEPAGE | LOCALE_RETURN_NUMBER, (LPWSTR)&cp, 2) == 2
          && cp == 1252, "LOCALE_RETURN_NUMBER");
    CheckError(GetLocaleInfoW(LOCALE_USER_DEFAULT, LOCALE_SNAME, w, 2) == 0, ERROR_INSUFFICIENT_BUFFER,
               "a short buffer -> ERROR_INSUFFICIENT_BUFFER");
    Check(GetUserDefaultLCID() == 0x409 && GetUserDefaultLocaleName(w, 64) == 6 && WideEquals(w, L"en-US"), "en-US by default");

    SYSTEMTIME st = {2024, 3, 0, 5, 13, 5, 9, 0};
    Check(GetDateFormatW(LOCALE_USER_DEFAULT, DATE_SHORTDATE, &st, NULL, w, 64) && WideEquals(w, L"3/5/2024"), "short date");
    Check(GetDateFormatW(LOCALE_USER_DEFAULT, DATE_LONGDATE, &st, NULL, w, 64) && WideEquals(w, L"Tuesday, March 5, 2024"),
          "long date");
    Check(GetTimeFormatW(LOCALE_USER_DEFAULT, 0, &st, NULL, w, 64) && WideEquals(w, L"1:05:09 PM"), "time");
    Check(GetDateFormatA(LOCALE_USER_DEFAULT, 0, &st, "yyyy'-'MM'-'dd ddd", a, 64) == 15, "a picture format");
    Print(a);
    Print("\n");

    Check(lstrlenA("four") == 4 && lstrlenW(L"five!") == 5 && lstrlenA(NULL) == 0, "lstrlen");
    lstrcpynA(a, "truncate me", 6);
    Check(lstrcmpA(a, "trunc") == 0, "lstrcpyn keeps room for the NUL");
    ExitProcess(failures);
}
