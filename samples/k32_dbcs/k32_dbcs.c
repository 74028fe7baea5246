/* The double-byte code pages 932, 936, 949 and 950: GetCPInfo(Ex), IsDBCSLeadByteEx, IsValidCodePage,
 * MultiByteToWideChar and WideCharToMultiByte (default characters, MB_ERR_INVALID_CHARS, buffer
 * errors), printed in hex. */
#include <windows.h>
#include <stdio.h>

static void PrintW(const char *tag, const WCHAR *w, int n)
{
    printf("%s %d:", tag, n);
    for (int i = 0; i < n; i++) printf(" %04X", w[i]);
    printf("\n");
}

static void PrintA(const char *tag, const char *b, int n)
{
    printf("%s %d:", tag, n);
    for (int i = 0; i < n; i++) printf(" %02X", (BYTE)b[i]);
    printf("\n");
}

static void Info(UINT cp)
{
    CPINFOEXA a;
    CPINFOEXW w;
    if (!GetCPInfoExA(cp, 0, &a) || !GetCPInfoExW(cp, 0, &w)) { printf("cpinfo %u failed %lu\n", cp, GetLastError()); return; }
    printf("cp %u valid %d max %u def %02X%02X udef %04X lead", a.CodePage, IsValidCodePage(cp), a.MaxCharSize,
           a.DefaultChar[0], a.DefaultChar[1], w.UnicodeDefaultChar);
    for (int i = 0; i < MAX_LEADBYTES && a.LeadByte[i]; i++) printf(" %02X", a.LeadByte[i]);
    printf(" name [%s] wname %d\n", a.CodePageName, lstrcmpA(a.CodePageName, "") != 0 && w.CodePageName[0] == (WCHAR)a.CodePageName[0]);
    printf("leadbyte 81 %d A0 %d E0 %d FE %d 41 %d\n", IsDBCSLeadByteEx(cp, 0x81), IsDBCSLeadByteEx(cp, 0xA0),
           IsDBCSLeadByteEx(cp, 0xE0), IsDBCSLeadByteEx(cp, 0xFE), IsDBCSLeadByteEx(cp, 0x41));
}

static void ToWide(UINT cp, const char *tag, const char *s, int n, DWORD flags)
{
    WCHAR w[64];
    SetLastError(0);
    int r = MultiByteToWideChar(cp, flags, s, n, w, 64);
    if (!r) printf("%s error %lu\n", tag, GetLastError());
    else PrintW(tag, w, r);
}

static void ToBytes(UINT cp, const char *tag, const WCHAR *w, int n, DWORD flags, const char *def)
{
    char b[64];
    BOOL used = 2;
    SetLastError(0);
    int r = WideCharToMultiByte(cp, flags, w, n, b, 64, def, &used);
    if (!r) printf("%s error %lu\n", tag, GetLastError());
    else { PrintA(tag, b, r); printf("%s used %d\n", tag, used); }
}

int main(void)
{
    UINT pages[] = { 932, 936, 949, 950 };
    for (int i = 0; i < 4; i++) Info(pages[i]);

    /* 932: hiragana A, ASCII, half-width katakana, a kanji, the single-byte extras. */
    ToWide(932, "932 mix", "\x82\xa0" "A" "\xb1" "\x88\x9f" "\xa0\xfd", 8, 0);
    ToWide(932, "932 undef", "\x85\x40", 2, 0);
    ToWide(932, "932 undef strict", "\x85\x40", 2, MB_ERR_INVALID_CHARS);
    ToWide(932, "932 dangling", "a\x82", 2, 0);
    ToWide(932, "932 dangling strict", "a\x82", 2, MB_ERR_INVALID_CHARS);
    ToWide(932, "932 pua", "\xf0\x40", 2, 0);
    printf("932 count %d\n", MultiByteToWideChar(932, 0, "\x82\xa0\x82\xa2", -1, NULL, 0));
    WCHAR one[1];
    SetLastError(0);
    int r = MultiByteToWideChar(932, 0, "\x82\xa0\x82\xa2", 4, one, 1);
    printf("932 small %d %lu\n", r, GetLastError());

    /* Unicode -> 932: duplicates pick Windows' code (U+2170 FA40, U+2252 81E0, U+2160 8754). */
    WCHAR jp[] = { 0x3042, 0x2170, 0x2252, 0x2160, 0xFFE2, 0xFF71, 0x0041 };
    ToBytes(932, "932 w2m", jp, 7, 0, NULL);
    WCHAR bad[] = { 0x0041, 0x00E9, 0x0E01 };
    ToBytes(932, "932 default", bad, 3, 0, NULL);
    ToBytes(932, "932 default dbcs", bad, 3, WC_NO_BEST_FIT_CHARS, "\x81\x48");
    char two[3];
    SetLastError(0);
    r = WideCharToMultiByte(932, 0, jp, 1, two, 1, NULL, NULL);
    printf("932 w2m small %d %lu\n", r, GetLastError());
    printf("932 w2m count %d\n", WideCharToMultiByte(932, 0, jp, 7, NULL, 0, NULL, NULL));

    /* 936 GBK, 949 UHC, 950 Big5. */
    ToWide(936, "936", "\xc4\xe3\xba\xc3\x80\xff", 6, 0);
    WCHAR zh[] = { 0x4F60, 0x597D, 0x20AC, 0x00E9 };
    ToBytes(936, "936 w2m", zh, 4, 0, NULL);
    ToWide(949, "949", "\xbe\xc8\xb3\xe7\x81\x41\x80", 7, 0);
    WCHAR ko[] = { 0xC548, 0xB155, 0xAC02 };
    ToBytes(949, "949 w2m", ko, 3, 0, NULL);
    ToWide(950, "950", "\xa7\x41\xa6\x6e\xa1\x40", 6, 0);
    WCHAR tw[] = { 0x4F60, 0x597D, 0x3000 };
    ToBytes(950, "950 w2m", tw, 3, 0, NULL);
    ToWide(950, "950 bad trail strict", "\xa1\x30", 2, MB_ERR_INVALID_CHARS);

    /* Every pair of 932 that decodes comes back to itself through WideCharToMultiByte. */
    int pairs = 0, back = 0;
    for (int lead = 0x81; lead <= 0xFC; lead++) {
        if (lead >= 0xA0 && lead < 0xE0) continue;
        for (int trail = 0x40; trail <= 0xFC; trail++) {
            char in[2] = { (char)lead, (char)trail }, out[2];
            WCHAR w;
            if (MultiByteToWideChar(932, MB_ERR_INVALID_CHARS, in, 2, &w, 1) != 1) continue;
            pairs++;
            if (WideCharToMultiByte(932, 0, &w, 1, out, 2, NULL, NULL) == 2 && out[0] == in[0] && out[1] == in[1]) back++;
        }
    }
    printf("932 pairs %d round-trip %d\n", pairs, back);
    printf("cp 1361 valid %d 20932 valid %d\n", IsValidCodePage(1361), IsValidCodePage(20932));
    return 0;
}
