/* One multibyte character of the multibyte code page: its length and neighbours (_mbclen,
 * _mbsinc, _mbsninc, _mbsdec, _mbsnextc, _mbccpy/_mbccpy_s), its class (_ismbc*: a byte by
 * LC_CTYPE, a double-byte character by kernel32's class of it, and code page 932's JIS ranges),
 * its case (_mbctoupper/_mbctolower) and code page 932's conversions (_mbctohira, _mbctokata,
 * _mbcjistojms, _mbcjmstojis). */
#include "mbcs.h"
#include "crtwin.h"
#include "secure.h"

WINBASEAPI BOOL WINAPI GetStringTypeW(DWORD, const WCHAR *, int, unsigned short *);
WINBASEAPI int WINAPI LCMapStringW(DWORD, DWORD, const WCHAR *, int, WCHAR *, int);
int _isctype(int, int);
int _ismbbkalnum(unsigned), _ismbbkprint(unsigned), _ismbbkpunct(unsigned);
size_t _mbsnbcnt(const unsigned char *, size_t);

/* A double-byte character's UTF-16 form in the multibyte code page, or 0. */
static WCHAR widen(unsigned c)
{
    char b[2] = { (char)(c >> 8), (char)c };
    WCHAR w = 0;
    return MultiByteToWideChar((unsigned)crt_mbcp, 8, b, 2, &w, 1) == 1 ? w : 0;
}

CRTEXP size_t _mbclen(const unsigned char *c) { return crt_mblead(*c) ? 2 : 1; }

CRTEXP int _ismbclegal(unsigned c) { return crt_mblead(c >> 8) && crt_mbtrail(c); }

/* The CT_CTYPE1 class of c (single byte: LC_CTYPE's; double byte: kernel32's, else the full-width
 * ASCII ranges of code page 932), and whether c is double-byte. */
static int mbclass(unsigned c, int mask)
{
    if (c <= 0xFF)
        return _isctype((int)c, mask);
    if (!_ismbclegal(c))
        return 0;
    WCHAR w = widen(c);
    unsigned short type = 0;
    if (w && GetStringTypeW(1, &w, 1, &type))
        return type & mask;
    if (crt_mbcp != 932)
        return 0;
    if (c == 0x8140)                                    /* the ideographic space */
        type = 0x48;
    else if (c >= 0x824F && c <= 0x8258)
        type = 0x84;
    else if (c >= 0x8260 && c <= 0x8279)
        type = 0x101;
    else if (c >= 0x8281 && c <= 0x829A)
        type = 0x102;
    else if (c >= 0x8141 && c <= 0x81AC && c != 0x817F)
        type = 0x10;
    return type & mask;
}

CRTEXP int _ismbcalpha(unsigned c) { return mbclass(c, 0x100) || (c <= 0xFF && _ismbbkalnum(c)); }
CRTEXP int _ismbcdigit(unsigned c) { return mbclass(c, 0x4); }
CRTEXP int _ismbcalnum(unsigned c) { return _ismbcalpha(c) || _ismbcdigit(c); }
CRTEXP int _ismbcupper(unsigned c) { return mbclass(c, 0x1); }
CRTEXP int _ismbclower(unsigned c) { return mbclass(c, 0x2); }
CRTEXP int _ismbcspace(unsigned c) { return mbclass(c, 0x8); }
CRTEXP int _ismbcblank(unsigned c) { return c == '\t' || mbclass(c, 0x40); }
CRTEXP int _ismbcpunct(unsigned c) { return mbclass(c, 0x10) || (c <= 0xFF && _ismbbkpunct(c)); }
CRTEXP int _ismbcgraph(unsigned c)
{
    if (c <= 0xFF)
        return _isctype((int)c, 0x117) || _ismbbkprint(c);
    return _ismbclegal(c) && !mbclass(c, 0x8);
}
CRTEXP int _ismbcprint(unsigned c)
{
    if (c <= 0xFF)
        return _isctype((int)c, 0x157) || c == ' ' || _ismbbkprint(c);
    return _ismbclegal(c);
}

/* Code page 932's JIS classes of a double-byte character. */
static int in932(unsigned c, unsigned lo, unsigned hi) { return crt_mbcp == 932 && _ismbclegal(c) && c >= lo && c <= hi; }
CRTEXP int _ismbchira(unsigned c) { return in932(c, 0x829F, 0x82F1); }
CRTEXP int _ismbckata(unsigned c) { return in932(c, 0x8340, 0x8396) && c != 0x837F; }
CRTEXP int _ismbcsymbol(unsigned c) { return in932(c, 0x8141, 0x81AC) && c != 0x817F; }
CRTEXP int _ismbcl0(unsigned c) { return in932(c, 0x8140, 0x889E); }
CRTEXP int _ismbcl1(unsigned c) { return in932(c, 0x889F, 0x9872); }
CRTEXP int _ismbcl2(unsigned c) { return in932(c, 0x989F, 0xEAA4); }

/* The other case of c when it has one: a byte by _mbcasemap, a double-byte character through
 * kernel32 (code page 932's full-width letters when kernel32 cannot convert it). */
static unsigned mbcase(unsigned c, int upper)
{
    if (c <= 0xFF)
        return _mbctype[c + 1] & (upper ? CRT_SBLOW : CRT_SBUP) ? _mbcasemap[c] : c;
    if (!_ismbclegal(c))
        return c;
    WCHAR w = widen(c), m;
    if (w) {
        char b[2];
        BOOL lost = 0;
        if (LCMapStringW(0x7F, upper ? 0x200 : 0x100, &w, 1, &m, 1) == 1 && m != w
                && WideCharToMultiByte((unsigned)crt_mbcp, 0, &m, 1, b, 2, NULL, &lost) == 2 && !lost)
            return (unsigned)(unsigned char)b[0] << 8 | (unsigned char)b[1];
        return c;
    }
    if (crt_mbcp == 932 && upper && c >= 0x8281 && c <= 0x829A)
        return c - 0x21;
    if (crt_mbcp == 932 && !upper && c >= 0x8260 && c <= 0x8279)
        return c + 0x21;
    return c;
}
CRTEXP unsigned _mbctoupper(unsigned c) { return mbcase(c, 1); }
CRTEXP unsigned _mbctolower(unsigned c) { return mbcase(c, 0); }

/* Katakana and hiragana of code page 932: the same order, katakana skipping 0x837F. */
CRTEXP unsigned _mbctohira(unsigned c)
{
    if (!_ismbckata(c) || c > 0x8393)
        return c;
    return c < 0x837F ? c - 0xA1 : c - 0xA2;
}

CRTEXP unsigned _mbctokata(unsigned c)
{
    if (!_ismbchira(c))
        return c;
    return c < 0x82DE ? c + 0xA1 : c + 0xA2;
}

/* JIS X 0208 (two bytes 0x21-0x7E) to Shift-JIS and back; 0 when c has no form. */
CRTEXP unsigned _mbcjistojms(unsigned c)
{
    if (crt_mbcp != 932)
        return c;
    unsigned j1 = c >> 8, j2 = c & 0xFF;
    if (j1 < 0x21 || j1 > 0x7E || j2 < 0x21 || j2 > 0x7E)
        return 0;
    unsigned s1 = ((j1 + 1) >> 1) + (j1 <= 0x5E ? 0x70 : 0xB0);
    unsigned s2 = j2 + (j1 & 1 ? (j2 < 0x60 ? 0x1F : 0x20) : 0x7E);
    return s1 << 8 | s2;
}

CRTEXP unsigned _mbcjmstojis(unsigned c)
{
    if (crt_mbcp != 932)
        return c;
    unsigned s1 = c >> 8, s2 = c & 0xFF;
    if (!_ismbclegal(c))
        return 0;
    unsigned j1 = (s1 - (s1 <= 0x9F ? 0x70 : 0xB0)) * 2 - (s2 < 0x9F ? 1 : 0);
    unsigned j2 = s2 < 0x9F ? s2 - (s2 >= 0x80 ? 0x20 : 0x1F) : s2 - 0x7E;
    if (j1 < 0x21 || j1 > 0x7E || j2 < 0x21 || j2 > 0x7E)
        return 0;
    return j1 << 8 | j2;
}

/* Walking a string: a lead byte and its trail are one character (a lead byte before the
 * terminator is one byte). */
CRTEXP unsigned char *_mbsinc(const unsigned char *p)
{
    if (p == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    return (unsigned char *)p + (crt_mblead(*p) && p[1] ? 2 : 1);
}

CRTEXP unsigned char *_mbsninc(const unsigned char *p, size_t count)
{
    if (p == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    return (unsigned char *)p + _mbsnbcnt(p, count);
}

CRTEXP unsigned char *_mbsdec(const unsigned char *start, const unsigned char *current)
{
    if (start == NULL || current == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    if (start >= current)
        return NULL;
    const unsigned char *p = start, *prev = start;
    while (p < current) {
        prev = p;
        p += crt_mblead(*p) && p[1] ? 2 : 1;
    }
    return (unsigned char *)prev;
}

CRTEXP unsigned _mbsnextc(const unsigned char *p)
{
    if (p == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return 0;
    }
    if (crt_mblead(p[0]))
        return p[1] ? (unsigned)p[0] << 8 | p[1] : 0;
    return p[0];
}

CRTEXP void _mbccpy(unsigned char *dest, const unsigned char *src)
{
    if (dest == NULL || src == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return;
    }
    dest[0] = src[0];
    if (crt_mblead(src[0]))
        dest[1] = src[1];
}

/* _mbccpy_s: one character into a buffer of size bytes, the bytes copied in *copied. */
CRTEXP int _mbccpy_s(unsigned char *dest, size_t size, int *copied, const unsigned char *src)
{
    if (copied)
        *copied = 0;
    if (dest == NULL || size == 0)
        return crt_invalid(CRT_EINVAL);
    if (src == NULL) {
        dest[0] = 0;
        return crt_invalid(CRT_EINVAL);
    }
    int n = crt_mblead(src[0]) && src[1] ? 2 : 1;
    if ((size_t)n > size) {
        dest[0] = 0;
        return crt_invalid(CRT_ERANGE);
    }
    dest[0] = src[0];
    if (n == 2)
        dest[1] = src[1];
    if (copied)
        *copied = n;
    return 0;
}
