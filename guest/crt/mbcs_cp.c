/* The multibyte code page (<mbctype.h>): _setmbcp/_getmbcp and the tables they fill, _mbctype
 * (lead/trail bytes, single-byte katakana, single-byte case) and _mbcasemap (the other case).
 * Lead-byte ranges come from GetCPInfo; the five DBCS code pages the runtime knows by itself
 * (932, 936, 949, 950, 1361) carry their lead, trail and katakana ranges here, as the runtime's
 * own data does, so that they work whatever kernel32 can convert. */
#include "mbcs.h"
#include "crtwin.h"
#include "errno.h"
#include "locstate.h"

WINBASEAPI unsigned WINAPI GetACP(void);
WINBASEAPI unsigned WINAPI GetOEMCP(void);
typedef struct { unsigned MaxCharSize; unsigned char DefaultChar[2], LeadByte[12]; } CRT_CPINFO;
WINBASEAPI BOOL WINAPI GetCPInfo(unsigned, CRT_CPINFO *);
WINBASEAPI BOOL WINAPI GetStringTypeW(DWORD, const WCHAR *, int, unsigned short *);
WINBASEAPI int WINAPI LCMapStringW(DWORD, DWORD, const WCHAR *, int, WCHAR *, int);

#define MB_CP_SBCS 0
#define MB_CP_OEM (-2)
#define MB_CP_ANSI (-3)
#define MB_CP_LOCALE (-4)

CRTEXP unsigned char _mbctype[257];
CRTEXP unsigned char _mbcasemap[256];
int crt_mbcp;
int crt_mbcs_dbcs;

/* The DBCS code pages' byte ranges (pairs, inclusive, 0-terminated). */
static const struct dbcs {
    int cp;
    unsigned char lead[8], trail[8];
} known[] = {
    { 932, { 0x81, 0x9F, 0xE0, 0xFC }, { 0x40, 0x7E, 0x80, 0xFC } },
    { 936, { 0x81, 0xFE }, { 0x40, 0xFE } },
    { 949, { 0x81, 0xFE }, { 0x41, 0x5A, 0x61, 0x7A, 0x81, 0xFE } },
    { 950, { 0x81, 0xFE }, { 0x40, 0x7E, 0xA1, 0xFE } },
    { 1361, { 0x84, 0xD3, 0xD8, 0xDE, 0xE0, 0xF9 }, { 0x31, 0x7E, 0x81, 0xFE } },
};

static void mark(const unsigned char *ranges, int n, unsigned char bit)
{
    for (int i = 0; i + 1 < n && ranges[i]; i += 2)
        for (int c = ranges[i]; c <= ranges[i + 1]; c++)
            _mbctype[c + 1] |= bit;
}

/* Step 3: the single-byte case of each byte that is not a lead byte: ASCII by itself, the high
 * half as the code page's character classified and mapped by kernel32. */
static void set_case(int cp)
{
    for (int c = 0; c < 256; c++) {
        if (_mbctype[c + 1] & CRT_M1)
            continue;
        if (c >= 'A' && c <= 'Z') {
            _mbctype[c + 1] |= CRT_SBUP;
            _mbcasemap[c] = (unsigned char)(c + 32);
        } else if (c >= 'a' && c <= 'z') {
            _mbctype[c + 1] |= CRT_SBLOW;
            _mbcasemap[c] = (unsigned char)(c - 32);
        }
        if (c < 0x80 || cp == 0 || cp == 65001)
            continue;
        char byte = (char)c, back;
        WCHAR w, mapped;
        unsigned short type = 0;
        BOOL lost = 0;
        if (MultiByteToWideChar((unsigned)cp, 0, &byte, 1, &w, 1) != 1 || !GetStringTypeW(1, &w, 1, &type))
            continue;
        int up = type & 1, low = type & 2;
        if (!up && !low)
            continue;
        if (LCMapStringW(0x7F, up ? 0x100 : 0x200, &w, 1, &mapped, 1) != 1 || mapped == w
                || WideCharToMultiByte((unsigned)cp, 0, &mapped, 1, &back, 1, NULL, &lost) != 1 || lost)
            continue;
        _mbctype[c + 1] |= up ? CRT_SBUP : CRT_SBLOW;
        _mbcasemap[c] = (unsigned char)back;
    }
}

/* _setmbcp: step 1 resolves the pseudo code pages, step 2 finds the lead and trail bytes (the
 * known DBCS ranges, else GetCPInfo's), step 3 the single-byte case; -1 and nothing changed for a
 * code page neither knows. */
CRTEXP int _setmbcp(int codepage)
{
    int cp = codepage == MB_CP_ANSI ? (int)GetACP() : codepage == MB_CP_OEM ? (int)GetOEMCP()
           : codepage == MB_CP_LOCALE ? (int)crt_locale.codepage : codepage;
    const struct dbcs *k = NULL;
    for (unsigned i = 0; i < sizeof known / sizeof known[0]; i++)
        if (known[i].cp == cp)
            k = &known[i];
    CRT_CPINFO info;
#ifdef CRT_MSVCRT
    int utf = cp == 65000 || cp == 65001;       /* msvcrt.dll takes neither UTF */
#else
    int utf = cp == 65000;
#endif
    if (cp != 0 && !k && (utf || cp < 0 || !GetCPInfo((unsigned)cp, &info))) {
        crt_errno = CRT_EINVAL;
        return -1;
    }
    for (int i = 0; i < 257; i++)
        _mbctype[i] = 0;
    for (int i = 0; i < 256; i++)
        _mbcasemap[i] = 0;
    crt_mbcs_dbcs = 0;
    if (k) {
        mark(k->lead, 8, CRT_M1);
        mark(k->trail, 8, CRT_M2);
        crt_mbcs_dbcs = 1;
        if (cp == 932) {
            static const unsigned char kana_punct[] = { 0xA1, 0xA5 }, kana_alnum[] = { 0xA6, 0xDF };
            mark(kana_punct, 2, CRT_MP);
            mark(kana_alnum, 2, CRT_MS);
        }
    } else if (cp != 0 && cp != 65001 && info.MaxCharSize > 1) {
        mark(info.LeadByte, 12, CRT_M1);
        for (int c = 1; c < 256; c++)           /* no trail ranges from kernel32: any byte but NUL */
            _mbctype[c + 1] |= CRT_M2;
        crt_mbcs_dbcs = 1;
    }
    set_case(cp);
    crt_mbcp = cp;
    return 0;
}

CRTEXP int _getmbcp(void) { return crt_mbcp; }
CRTEXP unsigned char *__p__mbctype(void) { return _mbctype; }
CRTEXP unsigned char *__p__mbcasemap(void) { return _mbcasemap; }

/* At startup the multibyte code page is the system's ANSI code page. */
void crt_mbcs_init(void)
{
    _setmbcp(MB_CP_ANSI);
}
