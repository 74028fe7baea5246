/* ctype<wchar_t> of the "C" locale: classification of the first 256 characters from the UCRT's
 * wide table and of the rest from GetStringTypeW, ASCII case mapping, widen and narrow as the
 * "C" locale converts (a byte is the character of the same value; a character above 0xFF
 * narrows to the default). Its vftable follows the STL's order (each overload pair with the
 * range form first, as MSVC orders overloads). */
#include "facets.h"

__declspec(dllimport) const unsigned short *__pwctype_func(void);
__declspec(dllimport) int WINAPI GetStringTypeW(unsigned int, const wchar *, int, unsigned short *);

static short Classify(wchar c)
{
    if (c < 256)
        return (short)__pwctype_func()[c];
    unsigned short t = 0;
    GetStringTypeW(1 /* CT_CTYPE1 */, &c, 1, &t);
    return (short)t;
}

static int Is(const ctype_wchar *ct, short mask, wchar c) { (void)ct; return (Classify(c) & mask) != 0; }

static const wchar *IsRange(const ctype_wchar *ct, const wchar *first, const wchar *last, short *dest)
{
    (void)ct;
    for (; first != last; first++)
        *dest++ = Classify(*first);
    return first;
}

static const wchar *ScanIs(const ctype_wchar *ct, short mask, const wchar *first, const wchar *last)
{
    while (first != last && !Is(ct, mask, *first))
        first++;
    return first;
}

static const wchar *ScanNot(const ctype_wchar *ct, short mask, const wchar *first, const wchar *last)
{
    while (first != last && Is(ct, mask, *first))
        first++;
    return first;
}

static wchar ToLower(const ctype_wchar *ct, wchar c) { (void)ct; return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static wchar ToUpper(const ctype_wchar *ct, wchar c) { (void)ct; return c >= 'a' && c <= 'z' ? c - 32 : c; }

static const wchar *ToLowerRange(const ctype_wchar *ct, wchar *first, const wchar *last)
{
    for (; first != last; first++)
        *first = ToLower(ct, *first);
    return first;
}

static const wchar *ToUpperRange(const ctype_wchar *ct, wchar *first, const wchar *last)
{
    for (; first != last; first++)
        *first = ToUpper(ct, *first);
    return first;
}

/* widen and narrow: one byte through the facet's _Cvtvec (the "C" locale: the same value) */
static wchar Widen(const ctype_wchar *ct, char c)
{
    wchar w;
    mbstatet st = {0, 0, 0};
    return Mbrtowc(&w, &c, 1, &st, (const cvtvec *)&ct->cvt) >= 0 ? w : (wchar)0xFFFF;   /* WEOF */
}

static char Narrow(const ctype_wchar *ct, wchar c, char dflt)
{
    char buf[5];
    mbstatet st = {0, 0, 0};
    return Wcrtomb(buf, c, &st, (const cvtvec *)&ct->cvt) == 1 ? buf[0] : dflt;
}

static const char *WidenRange(const ctype_wchar *ct, const char *first, const char *last, wchar *dst)
{
    for (; first != last; first++)
        *dst++ = Widen(ct, *first);
    return first;
}

static const wchar *NarrowRange(const ctype_wchar *ct, const wchar *first, const wchar *last, char dflt, char *dst)
{
    for (; first != last; first++)
        *dst++ = Narrow(ct, *first, dflt);
    return first;
}

static void *Delete(ctype_wchar *c, unsigned int flags)
{
    if (c->ctype.delfl > 0)
        free((void *)c->ctype.table);
    if (flags & 1)
        free(c);
    return c;
}

static const void *const ctype_wchar_vftable[] = {&ctype_wchar_col,
    Delete, FacetIncref, FacetDecref, IsRange, Is, ScanIs, ScanNot, ToLowerRange, ToLower, ToUpperRange,
    ToUpper, WidenRange, Widen, NarrowRange, Narrow};

static void Init(ctype_wchar *c, unsigned long refs)
{
    __builtin_memset(c, 0, sizeof *c);
    c->base.vftable = ctype_wchar_vftable + 1;
    c->base.refs = refs;
    c->ctype.table = (const short *)__pctype_func();
    c->cvt.mbcurmax = 1;
    c->cvt.isclocale = 1;
}

/* for _Makeloc: the classification and conversions of the C locale now set */

facet *CtypeMakeW(void)
{
    ctype_wchar *c = malloc(sizeof *c);
    if (c == NULL)
        abort();
    Init(c, 0);
    ctypevec v;
    Getctype(&v);
    c->ctype.page = v.page;
    c->ctype.table = v.table;
    c->ctype.delfl = v.delfl;
    c->ctype.locale_name = v.locale_name;
    Getcvt((cvtvec *)&c->cvt);
    return &c->base;
}

static ctype_wchar classic_wctype;

void CtypeWcharInit(void)
{
    Init(&classic_wctype, 1);
    LocaleAddFacet(&ctype_wchar_id, &classic_wctype.base);
}

const ctype_wchar *StreamCtypeW(const locale *loc)
{
    const facet *f = LocaleFacet(loc, &ctype_wchar_id);
    return f != NULL ? (const ctype_wchar *)f : &classic_wctype;
}

/* The exported non-virtual members (inline in the headers) and _Getcat */
int CtypeWIs(const ctype_wchar *c, short mask, wchar ch)
{
    return ((unsigned char (*)(const ctype_wchar *, short, wchar))c->base.vftable[4])(c, mask, ch) != 0;
}

wchar CtypeWWiden(const ctype_wchar *c, char ch) { return ((wchar (*)(const ctype_wchar *, char))c->base.vftable[12])(c, ch); }

char CtypeWNarrow(const ctype_wchar *c, wchar ch, char dflt)
{
    return ((char (*)(const ctype_wchar *, wchar, char))c->base.vftable[14])(c, ch, dflt);
}

wchar CtypeWTolower(const ctype_wchar *c, wchar ch) { return ((wchar (*)(const ctype_wchar *, wchar))c->base.vftable[8])(c, ch); }
wchar CtypeWToupper(const ctype_wchar *c, wchar ch) { return ((wchar (*)(const ctype_wchar *, wchar))c->base.vftable[10])(c, ch); }

size_t CtypeWGetcat(const facet **ppf, const locale *loc)
{
    (void)loc;
    if (ppf != NULL && *ppf == NULL) {
        ctype_wchar *c = malloc(sizeof *c);
        if (c != NULL)
            Init(c, 0);
        *ppf = c != NULL ? &c->base : NULL;
    }
    return 2;
}
