/* codecvt<char, char, _Mbstatet> (no conversion: always_noconv, in/out/unshift answer noconv) and
 * codecvt<wchar_t, char, _Mbstatet>, which converts between the file's multibyte text and wide
 * characters one character at a time by _Mbrtowc/_Wcrtomb of its _Cvtvec (the "C" locale: a byte
 * is the character of the same value, a character above 0xFF cannot be written). Results follow
 * the STL's loops: ok when all the input was converted, partial when the output is full or the
 * input ends inside a character (in starts each call in the initial state), error at a character
 * that does not convert; length counts the bytes of at most `count` characters. */
#include "facets.h"


/* -- codecvt<char, char, _Mbstatet> */
unsigned char CodecvtDoAlwaysNoconv(const facet *f) { (void)f; return 1; }
int CodecvtDoMaxLength(const facet *f) { (void)f; return 1; }
int CodecvtDoEncoding(const facet *f) { (void)f; return 1; }

/* codecvt_base's own: conversions, one byte a character */
unsigned char CodecvtBaseDoAlwaysNoconv(const facet *f) { (void)f; return 0; }

int CodecvtDoIn(const facet *f, mbstatet *st, const char *first1, const char *last1, const char **mid1, char *first2,
                  char *last2, char **mid2)
{
    (void)f, (void)st, (void)last1, (void)last2;
    *mid1 = first1;
    *mid2 = first2;
    return CVT_NOCONV;
}

int CodecvtDoOut(const facet *f, mbstatet *st, const char *first1, const char *last1, const char **mid1, char *first2,
                 char *last2, char **mid2)
{
    return CodecvtDoIn(f, st, first1, last1, mid1, first2, last2, mid2);
}

int CodecvtDoUnshift(const facet *f, mbstatet *st, char *first2, char *last2, char **mid2)
{
    (void)f, (void)st, (void)last2;
    *mid2 = first2;
    return CVT_NOCONV;
}

int CodecvtDoLength(const facet *f, mbstatet *st, const char *first1, const char *last1, size_t count)
{
    (void)f, (void)st;
    size_t n = (size_t)(last1 - first1);
    return (int)(n < count ? n : count);
}

static void *CodecvtDelete(facet *f, unsigned int flags)
{
    if (flags & 1)
        free(f);
    return f;
}

static const void *const codecvt_char_vftable[] = {&codecvt_char_col, CodecvtDelete, FacetIncref, FacetDecref, CodecvtDoAlwaysNoconv,
                                                   CodecvtDoMaxLength, CodecvtDoEncoding, CodecvtDoIn, CodecvtDoOut, CodecvtDoUnshift, CodecvtDoLength};

facet *CodecvtCtor(facet *f, size_t refs)
{
    f->vftable = codecvt_char_vftable + 1;
    f->refs = (unsigned long)refs;
    return f;
}

facet *CodecvtCtorLocinfo(facet *f, const void *locinfo, size_t refs)
{
    (void)locinfo;
    return CodecvtCtor(f, refs);
}

void CodecvtDtor(facet *f) { (void)f; }
void CodecvtInitMember(facet *f, const void *locinfo) { (void)f, (void)locinfo; }

/* -- codecvt<wchar_t, char, _Mbstatet> */
unsigned char CodecvtDoAlwaysNoconvW(const codecvt_wchar *c) { (void)c; return 0; }
int CodecvtDoMaxLengthW(const codecvt_wchar *c) { return (int)c->cvt.mbcurmax; }
int CodecvtDoEncodingW(const codecvt_wchar *c) { return c->cvt.mbcurmax == 1; }

int CodecvtDoInW(const codecvt_wchar *c, mbstatet *st, const char *first1, const char *last1, const char **mid1,
                 wchar *first2, wchar *last2, wchar **mid2)
{
    (void)st;
    mbstatet mine = {0, 0, 0};                                  /* each call starts in the initial state */
    *mid1 = first1;
    *mid2 = first2;
    for (;;) {
        if (*mid1 == last1)
            return CVT_OK;
        if (*mid2 == last2)
            return CVT_PARTIAL;
        int bytes = Mbrtowc(*mid2, *mid1, (size_t)(last1 - *mid1), &mine, &c->cvt);
        if (bytes == -2)                                        /* an incomplete character */
            return CVT_PARTIAL;
        if (bytes < 0)
            return CVT_ERROR;
        if (bytes == 0)                                         /* the null character */
            bytes = 1;
        *mid1 += bytes;
        ++*mid2;
    }
}

int CodecvtDoOutW(const codecvt_wchar *c, mbstatet *st, const wchar *first1, const wchar *last1, const wchar **mid1,
                  char *first2, char *last2, char **mid2)
{
    *mid1 = first1;
    *mid2 = first2;
    while (*mid1 != last1 && *mid2 != last2) {
        char buf[5];                                            /* MB_LEN_MAX */
        int direct = last2 - *mid2 >= 5;
        mbstatet save = *st;
        int bytes = Wcrtomb(direct ? *mid2 : buf, **mid1, st, &c->cvt);
        if (bytes < 0)
            return CVT_ERROR;
        if (!direct) {
            if (last2 - *mid2 < bytes) {                        /* no room for all of it: undone */
                *st = save;
                break;
            }
            __builtin_memcpy(*mid2, buf, (size_t)bytes);
        }
        ++*mid1;
        *mid2 += bytes;
    }
    return *mid1 == last1 ? CVT_OK : CVT_PARTIAL;
}

int CodecvtDoUnshiftW(const codecvt_wchar *c, mbstatet *st, char *first2, char *last2, char **mid2)
{
    char buf[5];
    mbstatet save = *st;
    *mid2 = first2;
    int bytes = Wcrtomb(buf, 0, st, &c->cvt);
    if (bytes <= 0)
        return CVT_ERROR;
    if (last2 - first2 < --bytes) {
        *st = save;
        return CVT_PARTIAL;
    }
    __builtin_memcpy(first2, buf, (size_t)bytes);
    *mid2 += bytes;
    return CVT_OK;
}

int CodecvtDoLengthW(const codecvt_wchar *c, mbstatet *st, const char *first1, const char *last1, size_t count)
{
    const char *start = first1;
    while (count > 0 && first1 != last1) {
        wchar ch;
        int bytes = Mbrtowc(&ch, first1, (size_t)(last1 - first1), st, &c->cvt);
        if (bytes == -1 || bytes == -2)
            break;
        if (bytes == 0)
            bytes = 1;
        if (bytes == -3)
            bytes = 0;
        first1 += bytes;
        count--;
    }
    return (int)(first1 - start);
}

static const void *const codecvt_wchar_vftable[] = {&codecvt_wchar_col, CodecvtDelete, FacetIncref, FacetDecref, CodecvtDoAlwaysNoconvW,
                                                    CodecvtDoMaxLengthW, CodecvtDoEncodingW, CodecvtDoInW, CodecvtDoOutW, CodecvtDoUnshiftW,
                                                    CodecvtDoLengthW};

codecvt_wchar *CodecvtCtorLocinfoW(codecvt_wchar *c, const void *locinfo, size_t refs)
{
    (void)locinfo;
    c->base.vftable = codecvt_wchar_vftable + 1;
    c->base.refs = (unsigned long)refs;
    Getcvt(&c->cvt);
    return c;
}

/* codecvt(refs): under a _Locinfo of "C" */
codecvt_wchar *CodecvtCtorW(codecvt_wchar *c, size_t refs)
{
    locinfo_obj li;
    LocinfoCtor(&li, "C");
    CodecvtCtorLocinfoW(c, &li, refs);
    LocinfoDtor(&li);
    return c;
}

facet *CodecvtMake(void)
{
    facet *f = malloc(sizeof *f);
    if (f == NULL)
        abort();
    return CodecvtCtor(f, 0);
}

facet *CodecvtMakeW(void)
{
    codecvt_wchar *c = malloc(sizeof *c);
    if (c == NULL)
        abort();
    return &CodecvtCtorLocinfoW(c, NULL, 0)->base;
}
void CodecvtDtorW(codecvt_wchar *c) { (void)c; }
void CodecvtInitMemberW(codecvt_wchar *c, const void *locinfo) { (void)locinfo, Getcvt(&c->cvt); }

/* -- the public members of both, each its virtual */
unsigned char CodecvtAlwaysNoconv(const facet *f) { return VCALL(f, CVT_ALWAYS_NOCONV, unsigned char (*)(const facet *))(f); }
int CodecvtMaxLength(const facet *f) { return VCALL(f, CVT_MAX_LENGTH, int (*)(const facet *))(f); }
int CodecvtEncoding(const facet *f) { return VCALL(f, CVT_ENCODING, int (*)(const facet *))(f); }

int CodecvtIn(const facet *f, mbstatet *st, const char *a, const char *b, const char **m, void *c, void *d, void **n)
{
    return VCALL(f, CVT_IN, int (*)(const facet *, mbstatet *, const char *, const char *, const char **, void *,
                                    void *, void **))(f, st, a, b, m, c, d, n);
}

int CodecvtOut(const facet *f, mbstatet *st, const void *a, const void *b, const void **m, char *c, char *d, char **n)
{
    return VCALL(f, CVT_OUT, int (*)(const facet *, mbstatet *, const void *, const void *, const void **, char *,
                                     char *, char **))(f, st, a, b, m, c, d, n);
}

int CodecvtUnshift(const facet *f, mbstatet *st, char *a, char *b, char **m)
{
    return VCALL(f, CVT_UNSHIFT, int (*)(const facet *, mbstatet *, char *, char *, char **))(f, st, a, b, m);
}

int CodecvtLength(const facet *f, mbstatet *st, const char *a, const char *b, size_t count)
{
    return VCALL(f, CVT_LENGTH, int (*)(const facet *, mbstatet *, const char *, const char *, size_t))(f, st, a, b,
                                                                                                       count);
}

/* _Getcat: LC_CTYPE */
size_t CodecvtGetcat(const facet **ppf, const locale *loc)
{
    (void)loc;
    if (ppf != NULL && *ppf == NULL) {
        facet *f = malloc(sizeof *f);
        if (f == NULL)
            abort();
        *ppf = CodecvtCtor(f, 0);
    }
    return 2;
}

size_t CodecvtGetcatW(const facet **ppf, const locale *loc)
{
    (void)loc;
    if (ppf != NULL && *ppf == NULL) {
        codecvt_wchar *c = malloc(sizeof *c);
        if (c == NULL)
            abort();
        *ppf = &CodecvtCtorW(c, 0)->base;
    }
    return 2;
}

static facet classic_codecvt;
static codecvt_wchar classic_wcodecvt;

void CodecvtInit(void)
{
    CodecvtCtor(&classic_codecvt, 1);
    LocaleAddFacet(&codecvt_char_id, &classic_codecvt);
    CodecvtCtorW(&classic_wcodecvt, 1);
    classic_wcodecvt.cvt = (cvtvec){0, 1, 1, {0}};                 /* the classic locale is "C" */
    LocaleAddFacet(&codecvt_wchar_id, &classic_wcodecvt.base);
}
