/* codecvt<char16_t, char, _Mbstatet> and codecvt<char32_t, char, _Mbstatet>: UTF-8 bytes to and
 * from UTF-16 code units or UTF-32 code points, with the STL's object layout (facet, _Maxcode,
 * _Mode: default 0x10FFFF and _Consume_header) and its observable results. The state is the
 * first bytes of the _Mbstatet: 0 before the first character (a byte order mark may be consumed
 * or generated there), 1 after; the UTF-16 one keeps a pending surrogate half above 1 (in: the
 * low half waiting for the last byte of a 4-byte sequence; out: the high bits of a high half).
 * The ids live in msvcp140_codecvt_ids.dll; a locale gets these facets through _Getcat. */
#include "facets.h"

typedef unsigned short char16;
typedef unsigned int char32;
typedef struct { facet base; unsigned long maxcode; int mode; } codecvt_u;
enum { CONSUME_HEADER = 4, GENERATE_HEADER = 2 };

static int IsContinuation(unsigned char b) { return b >= 0x80 && b < 0xC0; }

/* A lead byte's value bits and how many bytes follow it (the old 5- and 6-byte forms included);
 * 0 for a continuation byte, which cannot lead. */
static int Lead(unsigned char b, unsigned long *value, int *extra)
{
    static const struct { unsigned char below, mask, extra; } forms[] = {
        {0x80, 0x7F, 0}, {0xC0, 0, 0}, {0xE0, 0x1F, 1}, {0xF0, 0x0F, 2}, {0xF8, 0x07, 3}, {0xFC, 0x03, 4}};
    for (int i = 0; i < 6; i++)
        if (b < forms[i].below) {
            *value = b & forms[i].mask;
            *extra = forms[i].extra;
            return i != 1;
        }
    *value = b & 0x03;
    *extra = 5;
    return 1;
}

/* -- char16_t: in */
int U16DoIn(const codecvt_u *c, mbstatet *st, const char *first1, const char *last1, const char **mid1,
            char16 *first2, char16 *last2, char16 **mid2)
{
    unsigned short *state = (unsigned short *)st;
    const unsigned char *p = (const unsigned char *)first1, *end = (const unsigned char *)last1;
    const unsigned char *start = p;                     /* where the character being converted began */
    char16 *q = first2;
    int result = -1;
    unsigned long limit = c->maxcode < 0x10FFFF ? c->maxcode : 0x10FFFF;
    while (p != end && q != last2 && result < 0) {
        if (*state > 1) {                                /* the low half's last byte */
            if (!IsContinuation(*p)) {
                result = CVT_ERROR;
                break;
            }
            *q++ = (char16)(*state | (*p++ & 0x3F));
            *state = 1;
            continue;
        }
        unsigned long v;
        int extra;
        if (!Lead(*p, &v, &extra)) {                     /* a stray continuation byte: consumed */
            p++;
            result = CVT_ERROR;
            break;
        }
        int hold = extra >= 3;                           /* its last byte goes with the low half */
        start = p;
        if (extra == 0) {
            p++;
        } else if (end - p < extra + 1 - hold) {
            break;                                       /* the sequence is cut off */
        } else {
            for (p++; extra > hold; extra--, p++) {
                if (!IsContinuation(*p)) {
                    result = CVT_ERROR;
                    break;
                }
                v = v << 6 | (*p & 0x3F);
            }
            if (result >= 0)
                break;
        }
        if (hold)
            v <<= 6;
        if (v > limit) {
            result = CVT_ERROR;
            break;
        }
        if (v > 0xFFFF) {                                /* the high half now, the low half pending */
            *q++ = (char16)(0xD800 | ((v >> 10) - 0x40));
            *state = (unsigned short)(0xDC00 | (v & 0x3FF));
            continue;
        }
        if (hold) {                                      /* an overlong 4-byte form of a BMP value */
            if (p == end) {
                p = start;
                break;
            }
            unsigned char last = *p++;
            if (!IsContinuation(last)) {
                result = CVT_ERROR;
                break;
            }
            v |= last & 0x3F;
        }
        if (*state == 0) {
            *state = 1;
            if ((c->mode & CONSUME_HEADER) && v == 0xFEFF) {  /* drop the byte order mark */
                int r = U16DoIn(c, st, (const char *)p, last1, mid1, q, last2, mid2);
                if (r == CVT_PARTIAL) {
                    *state = 0;
                    *mid1 = (const char *)start;
                }
                return r;
            }
        }
        *q++ = (char16)v;
    }
    *mid1 = (const char *)p;
    *mid2 = q;
    if (result >= 0)
        return result;
    return start == p ? CVT_PARTIAL : CVT_OK;
}

/* -- char16_t: out (a surrogate pair's 4 bytes go out as 1 with the high half and 3 with the low) */
int U16DoOut(const codecvt_u *c, mbstatet *st, const char16 *first1, const char16 *last1, const char16 **mid1,
             char *first2, char *last2, char **mid2)
{
    unsigned short *state = (unsigned short *)st;
    const char16 *p = first1;
    unsigned char *q = (unsigned char *)first2, *end = (unsigned char *)last2;
    int result = -1;
    while (p != last1 && q != end) {
        unsigned int u = *p;
        unsigned long v;
        int high = 0;
        if (*state > 1) {
            if (u < 0xDC00 || u >= 0xE000) {
                result = CVT_ERROR;                      /* a high half not followed by a low one */
                break;
            }
            v = (unsigned long)*state << 10 | (u - 0xDC00);
        } else if (u >= 0xD800 && u < 0xDC00) {
            v = (unsigned long)(u - 0xD800 + 0x40) << 10;
            high = 1;
        } else {
            v = u;
        }
        int extra = v < 0x80 ? 0 : v < 0x800 ? 1 : v < 0x10000 ? 2 : 3;
        int bytes = extra < 3 ? extra + 1 : high ? 1 : 3;
        if (end - q < bytes)
            break;
        if (*state == 0 && (c->mode & GENERATE_HEADER)) {
            if (end - q < 3 + bytes)
                break;
            *q++ = 0xEF, *q++ = 0xBB, *q++ = 0xBF;
        }
        p++;
        if (extra < 3) {
            static const unsigned char marks[] = {0x00, 0xC0, 0xE0};
            *q++ = (unsigned char)(marks[extra] | v >> 6 * extra);
            while (extra > 0)
                *q++ = (unsigned char)(0x80 | (v >> 6 * --extra & 0x3F));
        } else if (high) {
            *q++ = (unsigned char)(0xF0 | v >> 18);
        } else {
            *q++ = (unsigned char)(0x80 | (v >> 12 & 0x3F));
            *q++ = (unsigned char)(0x80 | (v >> 6 & 0x3F));
            *q++ = (unsigned char)(0x80 | (v & 0x3F));
        }
        *state = (unsigned short)(high ? v >> 10 : 1);
    }
    *mid1 = p;
    *mid2 = (char *)q;
    if (result >= 0)
        return result;
    return p == first1 ? CVT_PARTIAL : CVT_OK;
}

int U16DoUnshift(const codecvt_u *c, mbstatet *st, char *first2, char *last2, char **mid2)
{
    (void)c, (void)last2;
    *mid2 = first2;
    return *(unsigned short *)st > 1 ? CVT_ERROR : CVT_OK;  /* a high half with no low half */
}

/* -- char32_t: in and out */
int U32DoIn(const codecvt_u *c, mbstatet *st, const char *first1, const char *last1, const char **mid1,
            char32 *first2, char32 *last2, char32 **mid2)
{
    char *state = (char *)st;
    const unsigned char *p = (const unsigned char *)first1, *end = (const unsigned char *)last1;
    char32 *q = first2;
    int result = -1;
    while (p != end && q != last2) {
        unsigned long v;
        int extra;
        if (!Lead(*p, &v, &extra)) {
            p++;
            result = CVT_ERROR;
            break;
        }
        if (end - p < extra + 1)
            break;                                       /* cut off */
        for (p++; extra > 0; extra--, p++) {
            if (!IsContinuation(*p)) {
                result = CVT_ERROR;
                break;
            }
            v = v << 6 | (*p & 0x3F);
        }
        if (result >= 0)
            break;
        if (*state == 0) {
            *state = 1;
            if ((c->mode & CONSUME_HEADER) && v == 0xFEFF) {
                int r = U32DoIn(c, st, (const char *)p, last1, mid1, q, last2, mid2);
                if (r == CVT_PARTIAL) {
                    *state = 0;
                    *mid1 = first1;
                }
                return r;
            }
        }
        if (v > c->maxcode) {
            result = CVT_ERROR;
            break;
        }
        *q++ = (char32)v;
    }
    *mid1 = (const char *)p;
    *mid2 = q;
    if (result >= 0)
        return result;
    return (const char *)p == first1 ? CVT_PARTIAL : CVT_OK;
}

int U32DoOut(const codecvt_u *c, mbstatet *st, const char32 *first1, const char32 *last1, const char32 **mid1,
             char *first2, char *last2, char **mid2)
{
    char *state = (char *)st;
    const char32 *p = first1;
    unsigned char *q = (unsigned char *)first2, *end = (unsigned char *)last2;
    int result = -1;
    while (p != last1 && q != end) {
        unsigned long v = *p;
        if (v > c->maxcode) {
            result = CVT_ERROR;
            break;
        }
        static const unsigned long below[] = {0x80, 0x800, 0x10000, 0x200000, 0x4000000};
        static const unsigned char marks[] = {0x00, 0xC0, 0xE0, 0xF0, 0xF8, 0xFC};
        int extra = 0;
        while (extra < 5 && v >= below[extra])
            extra++;
        if (*state == 0) {
            *state = 1;
            if (c->mode & GENERATE_HEADER) {
                if (end - q < 3 + 1 + extra) {
                    result = CVT_PARTIAL;                /* no room for the mark and the character */
                    break;
                }
                *q++ = 0xEF, *q++ = 0xBB, *q++ = 0xBF;
            }
        }
        if (end - q < 1 + extra)
            break;
        p++;
        *q++ = (unsigned char)(marks[extra] | (extra == 5 ? v >> 30 & 0x03 : v >> 6 * extra));
        while (extra > 0)
            *q++ = (unsigned char)(0x80 | (v >> 6 * --extra & 0x3F));
    }
    *mid1 = p;
    *mid2 = (char *)q;
    if (result >= 0)
        return result;
    return p == first1 ? CVT_PARTIAL : CVT_OK;
}

int U32DoUnshift(const codecvt_u *c, mbstatet *st, char *first2, char *last2, char **mid2)
{
    (void)c, (void)st, (void)last2;
    *mid2 = first2;
    return CVT_NOCONV;
}

/* do_length: the bytes of at most `count` units, converting one unit at a time with the class's
 * own do_in (a supplementary character is two UTF-16 units) */
int U16DoLength(const codecvt_u *c, mbstatet *st, const char *first1, const char *last1, size_t count)
{
    const char *p = first1;
    while (count > 0 && p != last1) {
        const char *next;
        char16 unit, *after;
        if (U16DoIn(c, st, p, last1, &next, &unit, &unit + 1, &after) != CVT_OK)
            break;
        if (after == &unit + 1)
            count--;
        p = next;
    }
    return (int)(p - first1);
}

int U32DoLength(const codecvt_u *c, mbstatet *st, const char *first1, const char *last1, size_t count)
{
    const char *p = first1;
    while (count > 0 && p != last1) {
        const char *next;
        char32 unit, *after;
        if (U32DoIn(c, st, p, last1, &next, &unit, &unit + 1, &after) != CVT_OK)
            break;
        if (after == &unit + 1)
            count--;
        p = next;
    }
    return (int)(p - first1);
}

unsigned char UDoAlwaysNoconv(const codecvt_u *c) { (void)c; return 0; }
int UDoEncoding(const codecvt_u *c) { (void)c; return 0; }       /* varying length */
int U16DoMaxLength(const codecvt_u *c)
{
    return (c->mode & CONSUME_HEADER) ? 9 : (c->mode & GENERATE_HEADER) ? 7 : 6;
}
int U32DoMaxLength(const codecvt_u *c) { return (c->mode & (CONSUME_HEADER | GENERATE_HEADER)) ? 9 : 6; }

/* -- construction: the vftables (codecvt_base's three virtuals, then do_in, do_out, do_unshift,
 * do_length), the constructors, _Init and the destructor (nothing to do), _Getcat (LC_CTYPE) */
static void *UDelete(codecvt_u *c, unsigned int flags)
{
    if (flags & 1)
        free(c);
    return c;
}

static const void *const codecvt_char16_storage[] = {&codecvt_char16_col, UDelete, FacetIncref, FacetDecref,
                                              UDoAlwaysNoconv, U16DoMaxLength, UDoEncoding, U16DoIn, U16DoOut,
                                              U16DoUnshift, U16DoLength};
static const void *const codecvt_char32_storage[] = {&codecvt_char32_col, UDelete, FacetIncref, FacetDecref,
                                              UDoAlwaysNoconv, U32DoMaxLength, UDoEncoding, U32DoIn, U32DoOut,
                                              U32DoUnshift, U32DoLength};
__asm__(".globl codecvt_char16_vftable\n.set codecvt_char16_vftable, codecvt_char16_storage + 8\n"
        ".globl codecvt_char32_vftable\n.set codecvt_char32_vftable, codecvt_char32_storage + 8\n");

static codecvt_u *UInit(codecvt_u *c, const void *const *vftable, unsigned long maxcode, int mode, size_t refs)
{
    c->base.vftable = vftable + 1;
    c->base.refs = (unsigned long)refs;
    c->maxcode = maxcode;
    c->mode = mode;
    return c;
}

codecvt_u *U16Ctor(codecvt_u *c, size_t refs) { return UInit(c, codecvt_char16_storage, 0x10FFFF, CONSUME_HEADER, refs); }
codecvt_u *U16CtorDefault(codecvt_u *c) { return U16Ctor(c, 0); }
codecvt_u *U16CtorLocinfo(codecvt_u *c, const void *locinfo, size_t refs) { (void)locinfo; return U16Ctor(c, refs); }
codecvt_u *U16CtorMode(codecvt_u *c, const void *locinfo, unsigned long maxcode, int mode, size_t refs)
{
    (void)locinfo;
    return UInit(c, codecvt_char16_storage, maxcode, mode, refs);
}
codecvt_u *U32Ctor(codecvt_u *c, size_t refs) { return UInit(c, codecvt_char32_storage, 0x10FFFF, CONSUME_HEADER, refs); }
codecvt_u *U32CtorDefault(codecvt_u *c) { return U32Ctor(c, 0); }
codecvt_u *U32CtorLocinfo(codecvt_u *c, const void *locinfo, size_t refs) { (void)locinfo; return U32Ctor(c, refs); }
codecvt_u *U32CtorMode(codecvt_u *c, const void *locinfo, unsigned long maxcode, int mode, size_t refs)
{
    (void)locinfo;
    return UInit(c, codecvt_char32_storage, maxcode, mode, refs);
}
void UDtor(codecvt_u *c) { (void)c; }
void UInitMember(codecvt_u *c, const void *locinfo) { (void)c, (void)locinfo; }

static size_t UGetcat(const facet **ppf, codecvt_u *(*ctor)(codecvt_u *, size_t))
{
    if (ppf != NULL && *ppf == NULL) {
        codecvt_u *c = malloc(sizeof *c);
        if (c == NULL)
            abort();
        *ppf = &ctor(c, 0)->base;
    }
    return 2;                                            /* _X_CTYPE */
}

size_t U16Getcat(const facet **ppf, const locale *loc) { (void)loc; return UGetcat(ppf, U16Ctor); }
size_t U32Getcat(const facet **ppf, const locale *loc) { (void)loc; return UGetcat(ppf, U32Ctor); }
