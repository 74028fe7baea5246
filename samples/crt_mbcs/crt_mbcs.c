/* The multibyte-code-page family and _ecvt/_fcvt/_gcvt of msvcrt.dll (the same source is built for
 * the UCRT as ucrt_mbcs): the ANSI code page at startup, the _MB_CP_* pseudo code pages, code page
 * 932's lead and trail bytes, katakana and JIS conversions, the _mbs string functions over
 * Shift-JIS bytes, the _s forms' errors, and the digit strings of the conversions. */
#include <errno.h>
#include <mbctype.h>
#include <mbstring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The tables: msvcrt.dll's exported arrays (mingw-w64's header reads them as pointers), the
 * UCRT's through __p__mbctype/__p__mbcasemap. */
#undef _mbctype
#undef _mbcasemap
#ifdef _UCRT
#define _mbctype (__p__mbctype())
#define _mbcasemap (__p__mbcasemap())
#else
__declspec(dllimport) extern unsigned char _mbctype[257], _mbcasemap[256];
#endif

static void quiet(const wchar_t *e, const wchar_t *f, const wchar_t *file, unsigned line, uintptr_t r)
{
    (void)e, (void)f, (void)file, (void)line, (void)r;
}

int main(void)
{
    _set_invalid_parameter_handler(quiet);
    printf("startup mbcp %d\n", _getmbcp());
    printf("1252 lead80 %d upperC0 %d map %02x\n", _ismbblead(0x80), _mbctype[0xC0 + 1] & _SBUP, _mbcasemap[0xC0]);
    int r = _setmbcp(_MB_CP_SBCS);
    printf("sbcs %d mbcp %d\n", r, _getmbcp());
    r = _setmbcp(_MB_CP_OEM);
    printf("oem %d mbcp %d\n", r, _getmbcp());
    errno = 0;
    r = _setmbcp(12345);
    printf("bad %d errno %d mbcp %d\n", r, errno, _getmbcp());
    r = _setmbcp(932);
    printf("932 %d mbcp %d\n", r, _getmbcp());
    printf("lead 81 %d 9f %d a0 %d e0 %d fd %d\n", !!_ismbblead(0x81), !!_ismbblead(0x9F), !!_ismbblead(0xA0),
           !!_ismbblead(0xE0), !!_ismbblead(0xFD));
    printf("trail 40 %d 7f %d 80 %d fc %d\n", !!_ismbbtrail(0x40), !!_ismbbtrail(0x7F), !!_ismbbtrail(0x80),
           !!_ismbbtrail(0xFC));
    printf("kana a1 %d b1 %d kalnum b1 %d kpunct a1 %d\n", !!_ismbbkana(0xA1), !!_ismbbkana(0xB1),
           !!_ismbbkalnum(0xB1), !!_ismbbkpunct(0xA1));
    printf("mbctype 82 %02x 41 %02x b1 %02x\n", _mbctype[0x82 + 1], _mbctype[0x41 + 1], _mbctype[0xB1 + 1]);
    printf("hira %d kata %d legal %d l1 %d\n", !!_ismbchira(0x82A0), !!_ismbckata(0x8341), !!_ismbclegal(0x8140),
           !!_ismbcl1(0x889F));
    printf("tohira %04x tokata %04x\n", _mbctohira(0x8341), _mbctokata(0x82DE));
    printf("jistojms %04x jmstojis %04x bad %04x\n", _mbcjistojms(0x2121), _mbcjmstojis(0x889F), _mbcjistojms(0x7F21));
    printf("upper %04x lower %04x\n", _mbctoupper(0x8281), _mbctolower('Q'));

    const unsigned char s[] = "a\x82\xa0" "b\x83\x41" "c";
    printf("len %u bytes %u\n", (unsigned)_mbslen(s), (unsigned)strlen((const char *)s));
    printf("nextc %04x inc %d dec %d\n", _mbsnextc(s + 1), (int)(_mbsinc(s + 1) - s), (int)(_mbsdec(s, s + 4) - s));
    printf("chr %d rchr %d\n", (int)(_mbschr(s, 0x8341) - s), (int)(_mbsrchr(s, 'c') - s));
    printf("btype %d %d %d\n", _mbsbtype(s, 1), _mbsbtype(s, 2), _mbsbtype(s, 0));
    printf("slead %d strail %d\n", _ismbslead(s, s + 1), _ismbstrail(s, s + 2));
    printf("nbcnt %u nccnt %u\n", (unsigned)_mbsnbcnt(s, 3), (unsigned)_mbsnccnt(s, 3));
    printf("cmp %d icmp %d ncmp %d\n", _mbscmp(s, (const unsigned char *)"a\x82\xa0"), 
           _mbsicmp((const unsigned char *)"ABC", (const unsigned char *)"abd"),
           _mbsncmp(s, (const unsigned char *)"a\x82\xa0" "x", 2));
    unsigned char buf[16];
    _mbsnbcpy(buf, s, 2);
    buf[2] = 0;
    printf("nbcpy2 %02x%02x\n", buf[0], buf[1]);
    strcpy((char *)buf, (const char *)s);
    _mbsrev(buf);
    printf("rev");
    for (int i = 0; buf[i]; i++)
        printf(" %02x", buf[i]);
    printf("\n");
    r = _mbscpy_s(buf, 3, s);
    printf("cpy_s small %d buf0 %d\n", r, buf[0]);
    printf("cpy_s null %d\n", _mbscpy_s(NULL, 3, s));
    printf("ncpy_s trunc %d", _mbsncpy_s(buf, 3, s, _TRUNCATE));
    for (int i = 0; buf[i]; i++)
        printf(" %02x", buf[i]);
    printf("\n");
    errno = 0;
    void *p = _mbschr(NULL, 'a');
    printf("chr null %p errno %d\n", p, errno);
    unsigned char tok[] = "ab\x81\x40" "cd\x81\x40\x81\x40" "e";
    unsigned char *t = _mbstok(tok, (const unsigned char *)"\x81\x40");
    while (t) {
        printf("tok %s\n", t);
        t = _mbstok(NULL, (const unsigned char *)"\x81\x40");
    }
    /* a lead byte before the terminator is no character: not counted, not copied (as Windows) */
    unsigned char cut[6];
    printf("dangling len %u %u\n", (unsigned)_mbslen((const unsigned char *)"\x81"),
           (unsigned)_mbslen((const unsigned char *)"a\x81"));
    memset(cut, 0xff, sizeof cut);
    _mbsnbcpy(cut, (const unsigned char *)"\x81", 3);
    printf("dangling cpy %02x %02x %02x %02x\n", cut[0], cut[1], cut[2], cut[3]);
    memset(cut, 0xff, sizeof cut);
    _mbsnbcpy(cut, (const unsigned char *)"\x82\xa0\x82\xa2", 3);
    printf("cut cpy %02x %02x %02x %02x\n", cut[0], cut[1], cut[2], cut[3]);
    _setmbcp(_MB_CP_ANSI);
    printf("ansi mbcp %d\n", _getmbcp());

    int dp, sign;
    { char *c = _ecvt(3.14159, 4, &dp, &sign); printf("ecvt %s %d %d\n", c, dp, sign); }
    { char *c = _ecvt(-0.00125, 2, &dp, &sign); printf("ecvt %s %d %d\n", c, dp, sign); }
    { char *c = _fcvt(3.14159, 3, &dp, &sign); printf("fcvt %s %d %d\n", c, dp, sign); }
    { char *c = _fcvt(1234.5, 0, &dp, &sign); printf("fcvt %s %d %d\n", c, dp, sign); }
    char g[64];
    printf("gcvt %s", _gcvt(100.0, 5, g));
    printf(" %s", _gcvt(1.5, 5, g));
    printf(" %s", _gcvt(0.001234, 3, g));
    printf(" %s", _gcvt(1e10, 4, g));
    printf(" %s\n", _gcvt(-2.5e-7, 2, g));
    char e[8];
    r = _ecvt_s(e, sizeof e, 2.5, 3, &dp, &sign);
    printf("ecvt_s %d %s %d\n", r, e, dp);
    printf("ecvt_s small %d\n", _ecvt_s(e, 3, 2.5, 3, &dp, &sign));
    printf("gcvt_s small %d\n", _gcvt_s(e, 2, 2.5, 3));
    /* rounding to nothing: no digits, the decimal point where the first would be */
    char *z = _fcvt(0.0001, 1, &dp, &sign);
    printf("fcvt tiny [%s] %d %d", z, dp, sign);
    z = _fcvt(0.0001, -10, &dp, &sign);
    printf(" [%s] %d", z, dp);
    z = _ecvt(0.0, 3, &dp, &sign);
    printf(" ecvt0 [%s] %d", z, dp);
    z = _fcvt(0.0, 2, &dp, &sign);
    printf(" fcvt0 [%s] %d\n", z, dp);
    return 0;
}
