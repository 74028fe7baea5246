/* Character classes of the "C" locale: the table behind _pctype/__pctype_func that mingw-w64's
 * inline isalpha() reads, the is* and to* functions, and the wide classes for Latin-1. */
#include "crtbase.h"

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
static unsigned short wtable[256];
CRTEXP const unsigned short *_pwctype = wtable;

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

void crt_init_ctype(void)
{
    for (int c = 0; c < 256; c++) {
        _ctype[1 + c] = classify(c, 0);
        wtable[c] = classify(c, 1);
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
CRTEXP int toupper(int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
CRTEXP int tolower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
CRTEXP int _toupper(int c) { return c - 'a' + 'A'; }
CRTEXP int _tolower(int c) { return c - 'A' + 'a'; }

CRTEXP int iswctype(unsigned short c, unsigned short mask)
{
    return c < 256 ? wtable[c] & mask : 0;
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
