/* The Char* calls: CharUpper/CharLower (a string in place, or one character passed in the low
 * word), their Buff forms, IsCharAlpha/Upper/Lower/AlphaNumeric, CharNext/CharPrev (no DBCS code
 * page here, so one character is one unit). */
#define _USER32_
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

__declspec(dllimport) WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR);
__declspec(dllimport) WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR);

static WCHAR MapW(WCHAR c, BOOL upper) { return upper ? RtlUpcaseUnicodeChar(c) : RtlDowncaseUnicodeChar(c); }

static char MapA(char c, BOOL upper)
{
    WCHAR w;
    char out = c;
    MultiByteToWideChar(CP_ACP, 0, &c, 1, &w, 1);
    w = MapW(w, upper);
    WideCharToMultiByte(CP_ACP, 0, &w, 1, &out, 1, NULL, NULL);
    return out;
}

static LPWSTR CaseW(LPWSTR s, BOOL upper)
{
    if ((ULONG_PTR)s >> 16 == 0) return (LPWSTR)(ULONG_PTR)MapW((WCHAR)(ULONG_PTR)s, upper);
    for (LPWSTR p = s; *p; p++) *p = MapW(*p, upper);
    return s;
}

static LPSTR CaseA(LPSTR s, BOOL upper)
{
    if ((ULONG_PTR)s >> 16 == 0) return (LPSTR)(ULONG_PTR)(BYTE)MapA((char)(ULONG_PTR)s, upper);
    for (LPSTR p = s; *p; p++) *p = MapA(*p, upper);
    return s;
}

__declspec(dllexport) LPWSTR WINAPI CharUpperW(LPWSTR s) { return CaseW(s, TRUE); }
__declspec(dllexport) LPWSTR WINAPI CharLowerW(LPWSTR s) { return CaseW(s, FALSE); }
__declspec(dllexport) LPSTR WINAPI CharUpperA(LPSTR s) { return CaseA(s, TRUE); }
__declspec(dllexport) LPSTR WINAPI CharLowerA(LPSTR s) { return CaseA(s, FALSE); }

__declspec(dllexport) DWORD WINAPI CharUpperBuffW(LPWSTR s, DWORD n) { for (DWORD i = 0; i < n; i++) s[i] = MapW(s[i], TRUE); return n; }
__declspec(dllexport) DWORD WINAPI CharLowerBuffW(LPWSTR s, DWORD n) { for (DWORD i = 0; i < n; i++) s[i] = MapW(s[i], FALSE); return n; }
__declspec(dllexport) DWORD WINAPI CharUpperBuffA(LPSTR s, DWORD n) { for (DWORD i = 0; i < n; i++) s[i] = MapA(s[i], TRUE); return n; }
__declspec(dllexport) DWORD WINAPI CharLowerBuffA(LPSTR s, DWORD n) { for (DWORD i = 0; i < n; i++) s[i] = MapA(s[i], FALSE); return n; }

static WORD Type(WCHAR c)
{
    WORD t = 0;
    GetStringTypeW(CT_CTYPE1, &c, 1, &t);
    return t;
}

__declspec(dllexport) BOOL WINAPI IsCharAlphaW(WCHAR c) { return (Type(c) & C1_ALPHA) != 0; }
__declspec(dllexport) BOOL WINAPI IsCharAlphaNumericW(WCHAR c) { return (Type(c) & (C1_ALPHA | C1_DIGIT)) != 0; }
__declspec(dllexport) BOOL WINAPI IsCharUpperW(WCHAR c) { return (Type(c) & C1_UPPER) != 0; }
__declspec(dllexport) BOOL WINAPI IsCharLowerW(WCHAR c) { return (Type(c) & C1_LOWER) != 0; }

static WCHAR Wide(char c)
{
    WCHAR w = 0;
    MultiByteToWideChar(CP_ACP, 0, &c, 1, &w, 1);
    return w;
}

__declspec(dllexport) BOOL WINAPI IsCharAlphaA(CHAR c) { return IsCharAlphaW(Wide(c)); }
__declspec(dllexport) BOOL WINAPI IsCharAlphaNumericA(CHAR c) { return IsCharAlphaNumericW(Wide(c)); }
__declspec(dllexport) BOOL WINAPI IsCharUpperA(CHAR c) { return IsCharUpperW(Wide(c)); }
__declspec(dllexport) BOOL WINAPI IsCharLowerA(CHAR c) { return IsCharLowerW(Wide(c)); }

__declspec(dllexport) LPWSTR WINAPI CharNextW(LPCWSTR p) { return (LPWSTR)(*p ? p + 1 : p); }
__declspec(dllexport) LPSTR WINAPI CharNextA(LPCSTR p) { return (LPSTR)(*p ? p + 1 : p); }
__declspec(dllexport) LPWSTR WINAPI CharPrevW(LPCWSTR start, LPCWSTR p) { return (LPWSTR)(p > start ? p - 1 : start); }
__declspec(dllexport) LPSTR WINAPI CharPrevA(LPCSTR start, LPCSTR p) { return (LPSTR)(p > start ? p - 1 : start); }
