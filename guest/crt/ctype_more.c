/* The classification functions the runtime lacked: isleadbyte (the lead-byte class of
 * LC_CTYPE's code page, none in the "C" locale), wctype/wctrans/towctrans (a class or mapping
 * by its C name), __iswcsym/__iswcsymf (a letter, digit or '_'; a letter or '_') and _l forms. */
#include "crtbase.h"

int _isctype(int, int);
int iswctype(unsigned short, unsigned short);
unsigned short towupper(unsigned short);
unsigned short towlower(unsigned short);
int strcmp(const char *, const char *);

#define LEADBYTE 0x8000
CRTEXP int isleadbyte(int c) { return _isctype(c, LEADBYTE); }
CRTEXP int _isleadbyte_l(int c, void *l) { (void)l; return isleadbyte(c); }

/* The masks of <ctype.h> each class name stands for. */
static const struct { const char *name; unsigned short mask; } classes[] = {
    { "alnum", 0x107 }, { "alpha", 0x103 }, { "blank", 0x40 }, { "cntrl", 0x20 }, { "digit", 0x4 },
    { "graph", 0x117 }, { "lower", 0x2 }, { "print", 0x157 }, { "punct", 0x10 }, { "space", 0x8 },
    { "upper", 0x1 }, { "xdigit", 0x80 },
};

CRTEXP unsigned short wctype(const char *name)
{
    if (name)
        for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
            if (strcmp(name, classes[i].name) == 0)
                return classes[i].mask;
    return 0;
}

/* wctrans: 1 for "toupper", 2 for "tolower", 0 for any other name. */
CRTEXP unsigned short wctrans(const char *name)
{
    if (name && strcmp(name, "toupper") == 0)
        return 1;
    if (name && strcmp(name, "tolower") == 0)
        return 2;
    return 0;
}

CRTEXP unsigned short towctrans(unsigned short c, unsigned short how)
{
    return how == 1 ? towupper(c) : how == 2 ? towlower(c) : c;
}

CRTEXP int __iswcsym(unsigned short c) { return iswctype(c, 0x107) || c == '_'; }
CRTEXP int __iswcsymf(unsigned short c) { return iswctype(c, 0x103) || c == '_'; }
CRTEXP int _iswcsym_l(unsigned short c, void *l) { (void)l; return __iswcsym(c); }
CRTEXP int _iswcsymf_l(unsigned short c, void *l) { (void)l; return __iswcsymf(c); }
