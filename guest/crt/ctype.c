/* Character classes: the table behind _pctype/__pctype_func that mingw-w64's inline isalpha()
 * reads (the "C" locale's, or with a code page from setlocale(LC_CTYPE) the high half as kernel32
 * classifies that code page's characters), the is* and to* functions (case through the same code
 * page), and the wide classes (Latin-1 here, kernel32's GetStringTypeW above it). */
#include "crtwin.h"
#include "locstate.h"

WINBASEAPI BOOL WINAPI GetStringTypeW(DWORD, const WCHAR *, int, unsigned short *);
WINBASEAPI int WINAPI LCMapStringW(DWORD, DWORD, const WCHAR *, int, WCHAR *, int);
WINBASEAPI BOOL WINAPI IsDBCSLeadByteEx(unsigned, unsigned char);
#define CT_CTYPE1 1
#define LCMAP_LOWERCASE 0x100
#define LCMAP_UPPERCASE 0x200
#define LOCALE_INVARIANT 0x7F

#define U 0x1
#define L 0x2
#define D 0x4
#define S 0x8
#define P 0x10
#define C 0x20
#define B 0x40
#define X 0x80
#define A 0x100

/* _ctype[0] is EOF; _ctype[1 + c] for c in 0..255. */
CRTEXP unsigned short _ctype[257];
CRTEXP const unsigned short *_pctype = _ctype + 1;
/* _wctype[0] is WEOF's entry, as _ctype's; _pwctype points past it. */
CRTEXP unsigned short _wctype[257];
#define wtable (_wctype + 1)
CRTEXP const unsigned short *_pwctype = _wctype + 1;

static unsigned short classify(int c, int wide)
{
    if (c == '\t') return S | C | B;
    if (c >= '\n' && c <= '\r') return S | C;
    if (c == ' ') return S | B;
    if (c < 0x20 || c == 0x7F) return C;
    if (c >= '0' && c <= '9') return D | X;
    if (c >= 'A' && c <= 'Z') return U | A | (c <= 'F' ? X : 0);
    if (c >= 'a' && c <= 'z') return L | A | (c <= 'f' ? X : 0);
    if (c < 0x7F) return P;
    if (!wide) return 0;                    /* the "C" locale knows nothing above 0x7F */
    if (c < 0xA0) return C;
    if (c == 0xA0) return S | B;
    if (c == 0xAA || c == 0xB5 || c == 0xBA) return L | A;
    if (c < 0xC0) return P;
    if (c == 0xD7 || c == 0xF7) return P;
    if (c < 0xDF) return U | A;
    return L | A;
}

static unsigned char upper_table[256], lower_table[256];

void crt_init_ctype(void)
{
    for (int c = 0; c < 256; c++) {
        _ctype[1 + c] = classify(c, 0);
        wtable[c] = classify(c, 1);
    }
    crt_ctype_set_codepage(0);
}

/* The high half for a single-byte code page: each byte as that code page's character, classified
 * and case-mapped by kernel32 (back to a byte when the mapped character has one); nothing for
 * UTF-8, whose bytes above 0x7F are parts of characters. */
void crt_ctype_set_codepage(unsigned codepage)
{
    for (int c = 0; c < 256; c++) {
        upper_table[c] = (unsigned char)(c >= 'a' && c <= 'z' ? c - 32 : c);
        lower_table[c] = (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    for (int c = 0x80; c < 256; c++) {
        _ctype[1 + c] = 0;
        if (codepage == 0 || codepage == 65001)
            continue;
        if (IsDBCSLeadByteEx(codepage, (unsigned char)c)) {
            _ctype[1 + c] = 0x8000;     /* _LEADBYTE: a double-byte code page's lead byte */
            continue;
        }
        char byte = (char)c;
        WCHAR w, mapped;
        unsigned short type = 0;
        if (MultiByteToWideChar(codepage, 0, &byte, 1, &w, 1) != 1)
            continue;
        if (GetStringTypeW(CT_CTYPE1, &w, 1, &type))
            _ctype[1 + c] = type & 0x1FF;
        char back;
        BOOL lost = 0;
        for (int k = 0; k < 2; k++) {
            if (LCMapStringW(LOCALE_INVARIANT, k ? LCMAP_LOWERCASE : LCMAP_UPPERCASE, &w, 1, &mapped, 1) == 1
                    && mapped != w && WideCharToMultiByte(codepage, 0, &mapped, 1, &back, 1, NULL, &lost) == 1 && !lost)
                (k ? lower_table : upper_table)[c] = (unsigned char)back;
        }
    }
}

CRTEXP const unsigned short *__pctype_func(void) { return _pctype; }
CRTEXP const unsigned short *__pwctype_func(void) { return _pwctype; }

CRTEXP int _isctype(int c, int mask)
{
    if (c < -1 || c > 255)
        return 0;
    return _ctype[1 + c] & mask;
}

#define IS(name, mask) CRTEXP int name(int c) { return _isctype(c, mask); }
IS(isalpha, A)
IS(isupper, U)
IS(islower, L)
IS(isdigit, D)
IS(isxdigit, X)
IS(isspace, S)
IS(ispunct, P)
IS(isalnum, A | D)
IS(isprint, B | P | A | D)
IS(isgraph, P | A | D)
IS(iscntrl, C)
CRTEXP int isblank(int c) { return c == '\t' ? B : _isctype(c, B); }
CRTEXP int __isascii(int c) { return (unsigned)c < 0x80; }
CRTEXP int __toascii(int c) { return c & 0x7F; }
CRTEXP int __iscsym(int c) { return _isctype(c, A | D) || c == '_'; }
CRTEXP int __iscsymf(int c) { return _isctype(c, A) || c == '_'; }
CRTEXP int toupper(int c) { return c >= 0 && c < 256 ? upper_table[c] : c; }
CRTEXP int tolower(int c) { return c >= 0 && c < 256 ? lower_table[c] : c; }
CRTEXP int _toupper(int c) { return c - 'a' + 'A'; }
CRTEXP int _tolower(int c) { return c - 'A' + 'a'; }

CRTEXP int iswctype(unsigned short c, unsigned short mask)
{
    if (c == 0xFFFF)                        /* WEOF */
        return 0;
    if (c < 256)
        return wtable[c] & mask;
    WCHAR w = c;
    unsigned short type = 0;
    return GetStringTypeW(CT_CTYPE1, &w, 1, &type) ? type & mask : 0;
}

#define ISW(name, mask) CRTEXP int name(unsigned short c) { return iswctype(c, mask); }
ISW(iswalpha, A)
ISW(iswupper, U)
ISW(iswlower, L)
ISW(iswdigit, D)
ISW(iswxdigit, X)
ISW(iswspace, S)
ISW(iswpunct, P)
ISW(iswalnum, A | D)
ISW(iswprint, B | P | A | D)
ISW(iswgraph, P | A | D)
ISW(iswcntrl, C)
CRTEXP int iswblank(unsigned short c) { return c == '\t' ? B : iswctype(c, B); }
CRTEXP int iswascii(unsigned short c) { return c < 0x80; }
CRTEXP int is_wctype(unsigned short c, unsigned short mask) { return iswctype(c, mask); }

CRTEXP unsigned short towupper(unsigned short c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7))
        return c - 32;
    if (c == 0xFF)
        return 0x178;
    return c;
}

CRTEXP unsigned short towlower(unsigned short c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
        return c + 32;
    if (c == 0x178)
        return 0xFF;
    return c;
}
