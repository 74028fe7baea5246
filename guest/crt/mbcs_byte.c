/* The byte classes of the multibyte code page: _ismbb* (a byte alone: LC_CTYPE's class or the code
 * page's single-byte katakana), _ismbblead/_ismbbtrail, _mbbtype (a byte given the one before),
 * _mbsbtype and _ismbslead/_ismbstrail (a byte within a string, scanned from its start). */
#include "mbcs.h"
#include "secure.h"

int _isctype(int, int);
#define ALPHA 0x103
#define DIGIT 0x4
#define PUNCT 0x10
#define BLANK 0x40
#define PRINT 0x157     /* upper, lower, digit, punct, blank, alpha */
#define GRAPH 0x117
#define MBC_SINGLE 0
#define MBC_LEAD 1
#define MBC_TRAIL 2
#define MBC_ILLEGAL (-1)

static int cls(unsigned c, int mask) { return _isctype((int)(c & 0xFF), mask); }
static int mbt(unsigned c, int bits) { return _mbctype[(c & 0xFF) + 1] & bits; }

CRTEXP int _ismbbkalnum(unsigned c) { return mbt(c, CRT_MS); }
CRTEXP int _ismbbkpunct(unsigned c) { return mbt(c, CRT_MP); }
CRTEXP int _ismbbkprint(unsigned c) { return mbt(c, CRT_MS | CRT_MP); }
CRTEXP int _ismbbkana(unsigned c) { return crt_mbcp == 932 && mbt(c, CRT_MS | CRT_MP); }
CRTEXP int _ismbbalnum(unsigned c) { return cls(c, ALPHA | DIGIT) || _ismbbkalnum(c); }
CRTEXP int _ismbbalpha(unsigned c) { return cls(c, ALPHA) || _ismbbkalnum(c); }
CRTEXP int _ismbbgraph(unsigned c) { return cls(c, GRAPH) || _ismbbkprint(c); }
CRTEXP int _ismbbprint(unsigned c) { return cls(c, PRINT) || (c & 0xFF) == ' ' || _ismbbkprint(c); }
CRTEXP int _ismbbpunct(unsigned c) { return cls(c, PUNCT) || _ismbbkpunct(c); }
CRTEXP int _ismbbblank(unsigned c) { return (c & 0xFF) == '\t' || cls(c, BLANK); }
CRTEXP int _ismbblead(unsigned c) { return crt_mblead(c) ? CRT_M1 : 0; }
CRTEXP int _ismbbtrail(unsigned c) { return crt_mbtrail(c) ? CRT_M2 : 0; }

/* _mbbtype: after a lead byte (type 1) c is a trail byte or illegal; otherwise a lead byte, a
 * printable single byte, or illegal. */
CRTEXP int _mbbtype(unsigned char c, int type)
{
    if (type == MBC_LEAD)
        return crt_mbtrail(c) ? MBC_TRAIL : MBC_ILLEGAL;
    if (crt_mblead(c))
        return MBC_LEAD;
    return _ismbbprint(c) ? MBC_SINGLE : MBC_ILLEGAL;
}

/* _mbsbtype: the type of byte count of s, the string scanned from its start; illegal when the
 * string ends before it. */
CRTEXP int _mbsbtype(const unsigned char *s, size_t count)
{
    if (s == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return MBC_ILLEGAL;
    }
    int type = MBC_SINGLE;
    for (size_t i = 0; i <= count; i++) {
        if (s[i] == 0)
            return MBC_ILLEGAL;
        type = _mbbtype(s[i], type == MBC_LEAD ? MBC_LEAD : MBC_SINGLE);
        if (type == MBC_ILLEGAL && i < count)
            type = MBC_SINGLE;               /* an illegal byte before count reads as one byte */
    }
    return type;
}

/* The state at byte `current` of s: 1 lead byte, 2 trail byte, 0 single; -1 for bad arguments. */
static int state_at(const unsigned char *s, const unsigned char *current)
{
    if (s == NULL || current == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return -1;
    }
    if (!crt_mbcs_dbcs)
        return 0;
    const unsigned char *p = s;
    while (p < current && *p) {
        if (crt_mblead(*p) && p[1]) {
            if (p + 1 == current)
                return crt_mbtrail(p[1]) ? 2 : 0;
            p += 2;
        } else {
            p++;
        }
    }
    return p == current && crt_mblead(*p) && p[1] ? 1 : 0;
}

CRTEXP int _ismbslead(const unsigned char *s, const unsigned char *current)
{
    return state_at(s, current) == 1 ? -1 : 0;
}

CRTEXP int _ismbstrail(const unsigned char *s, const unsigned char *current)
{
    return state_at(s, current) == 2 ? -1 : 0;
}
