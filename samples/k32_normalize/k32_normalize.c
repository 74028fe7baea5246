/* NormalizeString / IsNormalizedString (forms C, D, KC, KD) and IdnToAscii / IdnToUnicode /
 * IdnToNameprepUnicode through kernel32, and the same functions through normaliz.dll's
 * forwarders; results printed as UTF-16 code units or ASCII. */
#include <windows.h>
#include <stdio.h>

static void PrintW(const char *tag, const WCHAR *w, int n)
{
    printf("%s %d:", tag, n);
    for (int i = 0; i < n; i++) printf(" %04X", w[i]);
    printf("\n");
}

static void Norm(const char *tag, NORM_FORM form, const WCHAR *s, int n)
{
    WCHAR out[64];
    SetLastError(0);
    int need = NormalizeString(form, s, n, NULL, 0);
    int r = NormalizeString(form, s, n, out, 64);
    if (r <= 0) printf("%s error %d %lu\n", tag, r, GetLastError());
    else { PrintW(tag, out, r); printf("%s estimate ok %d\n", tag, need >= r); }
}

static void Ascii(const char *tag, DWORD flags, const WCHAR *s)
{
    WCHAR out[300];
    SetLastError(0);
    int r = IdnToAscii(flags, s, -1, out, 300);
    if (!r) { printf("%s error %lu\n", tag, GetLastError()); return; }
    printf("%s %d: ", tag, r);
    for (int i = 0; i < r - 1; i++) printf("%c", (char)out[i]);
    printf("\n");
}

static void Unicode(const char *tag, DWORD flags, const WCHAR *s, BOOL nameprep)
{
    WCHAR out[300];
    SetLastError(0);
    int r = nameprep ? IdnToNameprepUnicode(flags, s, -1, out, 300) : IdnToUnicode(flags, s, -1, out, 300);
    if (!r) printf("%s error %lu\n", tag, GetLastError());
    else PrintW(tag, out, r);
}

int main(void)
{
    Norm("D e-acute", NormalizationD, L"\x00E9", 1);
    Norm("C e+acute", NormalizationC, L"e\x0301", 2);
    Norm("D hangul", NormalizationD, L"\xAC01", 1);
    Norm("C jamo", NormalizationC, L"\x1100\x1161\x11A8", 3);
    Norm("D order", NormalizationD, L"\x1E0B\x0323", 2);
    Norm("C order", NormalizationC, L"\x1E0B\x0323", 2);
    Norm("KD fi", NormalizationKD, L"\xFB01\x2460\x00BD", 3);
    Norm("KC fi", NormalizationKC, L"\xFB01\x2460\x00BD", 3);
    Norm("C ohm", NormalizationC, L"\x2126\x212B", 2);
    Norm("C exclusion", NormalizationC, L"\x0958", 1);
    Norm("D terminated", NormalizationD, L"\x00C5x", -1);
    Norm("KC pair", NormalizationKC, L"\xD835\xDC00", 2);          /* U+1D400 MATHEMATICAL BOLD CAPITAL A */
    Norm("C bad surrogate", NormalizationC, L"ab\xDC00", 3);
    Norm("bad form", (NORM_FORM)3, L"a", 1);
    WCHAR one[1];
    SetLastError(0);
    int r = NormalizeString(NormalizationD, L"\x00E9", 1, one, 1);
    printf("small %d %lu\n", r, GetLastError());
    SetLastError(5);
    r = NormalizeString(NormalizationC, L"", 0, one, 1);
    printf("empty %d %lu\n", r, GetLastError());

    SetLastError(5);
    BOOL a = IsNormalizedString(NormalizationC, L"\x00E9", 1);
    printf("isnorm C e-acute %d %lu\n", a, GetLastError());
    SetLastError(5);
    a = IsNormalizedString(NormalizationD, L"\x00E9", 1);
    printf("isnorm D e-acute %d %lu\n", a, GetLastError());
    SetLastError(5);
    a = IsNormalizedString(NormalizationKC, L"\xFB01", 1);
    printf("isnorm KC fi %d %lu\n", a, GetLastError());
    SetLastError(0);
    a = IsNormalizedString(NormalizationC, L"\xD800", 1);
    printf("isnorm bad %d %lu\n", a, GetLastError());

    Ascii("ascii buecher", 0, L"b\x00FC" L"cher.example");
    Ascii("ascii upper", 0, L"B\x00DC" L"CHER.Example");
    Ascii("ascii cjk", 0, L"\x4F8B\x5B50.\x6D4B\x8BD5");
    Ascii("ascii ideographic dot", 0, L"m\x00FC" L"nchen\x3002" L"de");
    Ascii("ascii plain", 0, L"www.example.com");
    Ascii("ascii root", 0, L"example.com.");
    Ascii("ascii empty label", 0, L"a..b");
    Ascii("ascii std3", IDN_USE_STD3_ASCII_RULES, L"a_b.com");
    Ascii("ascii no std3", 0, L"a_b.com");
    Ascii("ascii long", 0, L"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com");
    Ascii("ascii unassigned", 0, L"a\x0378.com");
    Ascii("ascii allow unassigned", IDN_ALLOW_UNASSIGNED, L"a\x0378.com");
    Ascii("ascii ideographic space", 0, L"a\x3000" L"b");
    Ascii("ascii prohibited", 0, L"a\xE000" L"b");
    Ascii("ascii bidi", 0, L"\x05D0" L"a");
    Ascii("ascii mapped away", 0, L"a\x00AD" L"b");
    Ascii("ascii flags", 0x10, L"a");
    WCHAR tiny[4];
    SetLastError(0);
    int need = IdnToAscii(0, L"b\x00FC" L"cher", -1, NULL, 0);
    int got = IdnToAscii(0, L"b\x00FC" L"cher", -1, tiny, 4);
    printf("ascii count %d small %d %lu\n", need, got, GetLastError());
    SetLastError(0);
    got = IdnToAscii(0, NULL, -1, tiny, 4);
    printf("ascii null %d %lu\n", got, GetLastError());
    Unicode("unicode buecher", 0, L"xn--bcher-kva.example", FALSE);
    Unicode("unicode cjk", 0, L"xn--fsqu00a.xn--0zwm56d", FALSE);
    Unicode("unicode upper ace", 0, L"XN--BCHER-KVA.com", FALSE);
    Unicode("unicode bad ace", 0, L"xn--a-ecp.com", FALSE);
    Unicode("unicode plain", 0, L"Example.com", FALSE);
    Unicode("nameprep", 0, L"B\x00DC" L"CHER.Com", TRUE);
    Unicode("nameprep sharp s", 0, L"Stra\x00DF" L"e", TRUE);

    /* normaliz.dll forwards to kernelbase. */
    HMODULE norm = LoadLibraryA("normaliz.dll");
    typedef int (WINAPI *NORMALIZE)(NORM_FORM, LPCWSTR, int, LPWSTR, int);
    typedef int (WINAPI *IDN)(DWORD, LPCWSTR, int, LPWSTR, int);
    NORMALIZE ns = norm ? (NORMALIZE)GetProcAddress(norm, "NormalizeString") : NULL;
    IDN ia = norm ? (IDN)GetProcAddress(norm, "IdnToAscii") : NULL;
    printf("normaliz %d forwarders %d %d %d\n", norm != NULL, ns != NULL, ia != NULL,
           norm && GetProcAddress(norm, "IdnToUnicode") && GetProcAddress(norm, "IdnToNameprepUnicode")
           && GetProcAddress(norm, "IsNormalizedString"));
    if (ns && ia) {
        WCHAR out[64];
        int r = ns(NormalizationD, L"\x00E9", 1, out, 64);
        PrintW("normaliz D", out, r);
        r = ia(0, L"b\x00FC" L"cher", -1, out, 64);
        PrintW("normaliz ascii", out, r);
        printf("same function %d\n", (void *)ns == (void *)GetProcAddress(GetModuleHandleA("kernelbase.dll"), "NormalizeString"));
    }
    return 0;
}
