/* msvcrt.dll's locale data and the functions reading it, as setlocale leaves them: __lc_codepage,
 * __lc_collate_cp, __lc_handle (an LCID per category), __mb_cur_max and their ___*_func readers,
 * in "C", after ".ACP", after LC_CTYPE ".437" and back in "C"; then the __crt* wrappers of the
 * NLS calls (LCMapString, CompareString, GetLocaleInfoW, GetStringTypeW). */
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <windows.h>

__declspec(dllimport) extern unsigned int __lc_codepage;
__declspec(dllimport) extern int __lc_collate_cp;
__declspec(dllimport) extern unsigned long __lc_handle[6];
__declspec(dllimport) extern int __mb_cur_max;
__declspec(dllimport) unsigned int ___lc_codepage_func(void);
__declspec(dllimport) int ___lc_collate_cp_func(void);
__declspec(dllimport) unsigned long *___lc_handle_func(void);
__declspec(dllimport) int ___mb_cur_max_func(void);
__declspec(dllimport) int __crtLCMapStringA(LCID, DWORD, const char *, int, char *, int, unsigned, int);
__declspec(dllimport) int __crtLCMapStringW(LCID, DWORD, const wchar_t *, int, wchar_t *, int, unsigned, int);
__declspec(dllimport) int __crtCompareStringA(LCID, DWORD, const char *, int, const char *, int);
__declspec(dllimport) int __crtCompareStringW(LCID, DWORD, const wchar_t *, int, const wchar_t *, int);
__declspec(dllimport) int __crtGetLocaleInfoW(LCID, LCTYPE, wchar_t *, int);
__declspec(dllimport) BOOL __crtGetStringTypeW(DWORD, DWORD, const wchar_t *, int, WORD *);

static void state(const char *when)
{
    printf("%s: cp %u %u collate %d %d mb %d %d handle", when, __lc_codepage, ___lc_codepage_func(),
           __lc_collate_cp, ___lc_collate_cp_func(), __mb_cur_max, ___mb_cur_max_func());
    for (int i = 0; i < 6; i++)
        printf(" %lx", __lc_handle[i]);
    printf(" func");
    for (int i = 0; i < 6; i++)
        printf(" %lx", ___lc_handle_func()[i]);
    printf("\n");
}

int main(void)
{
    state("C");
    setlocale(LC_ALL, ".ACP");
    state(".ACP");
    setlocale(LC_CTYPE, ".437");
    state("ctype .437");
    setlocale(LC_ALL, "C");
    state("C again");

    char a[16] = "";
    wchar_t w[16] = L"";
    WORD types[3] = { 0 };
    int need = __crtLCMapStringA(0x409, LCMAP_UPPERCASE, "abc\xe9", -1, NULL, 0, 0, 0);
    int r = __crtLCMapStringA(0x409, LCMAP_UPPERCASE, "abc\xe9", -1, a, sizeof(a), 1252, 0);
    printf("LCMapStringA %d %d [%.3s] %02x\n", need, r, a, (unsigned char)a[3]);
    r = __crtLCMapStringA(0x409, LCMAP_LOWERCASE, "XYZ", 2, a, sizeof(a), 0, 0);
    printf("LCMapStringA counted %d [%.2s]\n", r, a);
    r = __crtLCMapStringW(0x409, LCMAP_LOWERCASE, L"MiXeD", -1, w, 16, 0, 0);
    printf("LCMapStringW %d [%ls]\n", r, w);
    printf("CompareStringA %d %d\n", __crtCompareStringA(0x409, NORM_IGNORECASE, "abc", -1, "ABD", -1),
           __crtCompareStringA(0x409, 0, "b", 1, "a", 1));
    printf("CompareStringW %d\n", __crtCompareStringW(0x409, NORM_IGNORECASE, L"Same", -1, L"sAME", -1));
    r = __crtGetLocaleInfoW(0x409, LOCALE_SENGLANGUAGE, w, 16);
    printf("GetLocaleInfoW %d [%ls]\n", r, w);
    r = __crtGetStringTypeW(0, CT_CTYPE1, L"a1 ", 3, types);
    printf("GetStringTypeW %d %x %x %x\n", r, types[0], types[1], types[2]);
    return 0;
}
