/* The facets beyond ctype, with the Microsoft STL's layouts (x64): numpunct, num_put and num_get
 * over ostreambuf_iterator / istreambuf_iterator, codecvt and collate; their locale::ids, the
 * MSVC basic_string their virtuals return by value, and the classic locale's registration. A
 * virtual is called through the facet's vftable, so a program's own derived facet is used. */
#pragma once
#include "msvcp.h"

/* -- basic_string<E> as the STL lays it out: a 16-byte buffer or a pointer, size, capacity. A
 * capacity of at least 16/sizeof(E) means the pointer form; 4 KiB or more is allocated 32-byte
 * aligned with the raw block's address just below (what the STL's deallocation undoes). */
typedef struct { union { char buf[16]; void *ptr; } bx; size_t size, res; } msvc_string;
msvc_string *StringMake(msvc_string *s, const void *text, size_t n, size_t elem);
const void *StringData(const msvc_string *s, size_t elem);
void StringFree(msvc_string *s, size_t elem);

/* -- the iterators num_put and num_get take and return by value (passed by address on x64) */
#define ITER_TYPES(CHT, S) \
    typedef struct { unsigned char failed; streambuf##S *strbuf; } outiter##S; \
    typedef struct { streambuf##S *strbuf; unsigned char got; CHT val; } initer##S;
ITER_TYPES(char, )
ITER_TYPES(wchar, W)

/* -- numpunct<E>: grouping, decimal point, thousands separator, the bool names */
#define NUMPUNCT_TYPE(CHT, S) \
    typedef struct { facet base; const char *grouping; CHT dp, sep; const CHT *falsename, *truename; } numpunct##S;
NUMPUNCT_TYPE(char, )
NUMPUNCT_TYPE(wchar, W)
enum { NP_DTOR, NP_INCREF, NP_DECREF, NP_DECIMAL_POINT, NP_THOUSANDS_SEP, NP_GROUPING, NP_FALSENAME, NP_TRUENAME };

/* -- num_put and num_get: no data; the do_put / do_get overloads in MSVC's vftable order (each
 * overload set in reverse order of declaration) */
enum { NPUT_PTR = 3, NPUT_LDOUBLE, NPUT_DOUBLE, NPUT_ULLONG, NPUT_LLONG, NPUT_ULONG, NPUT_LONG, NPUT_BOOL };
enum { NGET_PTR = 3, NGET_LDOUBLE, NGET_DOUBLE, NGET_FLOAT, NGET_ULLONG, NGET_LLONG, NGET_ULONG, NGET_LONG, NGET_UINT,
       NGET_USHORT, NGET_BOOL };

/* -- codecvt: codecvt_base's three, then in, out, unshift, length; <wchar_t, char> holds the
 * locale's _Cvtvec */
typedef struct { unsigned int page, mbcurmax; int isclocale; unsigned char isleadbyte[32]; } cvtvec;
typedef struct { facet base; cvtvec cvt; } codecvt_wchar;
typedef struct { unsigned long wchar; unsigned short byte, state; } mbstatet;
enum { CVT_ALWAYS_NOCONV = 3, CVT_MAX_LENGTH, CVT_ENCODING, CVT_IN, CVT_OUT, CVT_UNSHIFT, CVT_LENGTH };
enum { CVT_OK, CVT_PARTIAL, CVT_ERROR, CVT_NOCONV };

/* -- collate<E>: the locale's _Collvec; compare, transform, hash */
typedef struct { unsigned int page; wchar *locale_name; } collvec;
typedef struct { facet base; collvec coll; } collate;
enum { COLL_COMPARE = 3, COLL_TRANSFORM, COLL_HASH };

extern locale_id numpunct_char_id, numpunct_wchar_id, numput_char_id, numput_wchar_id, numget_char_id,
    numget_wchar_id, codecvt_char_id, codecvt_wchar_id, collate_char_id, collate_wchar_id, timeput_char_id,
    timeput_wchar_id;

/* use_facet<F>(loc) for the DLL's own members: the locale's facet, else the classic one */
#define USE_FACET(type, loc, id) ((const type *)LocaleFacet((loc), &(id)))
#define VCALL(f, slot, type) ((type)((const facet *)(f))->vftable[slot])

void NumpunctInit(void), NumpunctInitW(void), NumputInit(void), NumputInitW(void), NumgetInit(void),
    NumgetInitW(void), CodecvtInit(void), CollateInit(void), CollateInitW(void), TimePutInit(void),
    TimePutInitW(void);
cvtvec *Getcvt(cvtvec *out);                                          /* locinfo.c: _Getcvt() */
const char *LocinfoName(const void *locinfo);                         /* the _Locinfo's new locale name */
typedef struct { int lock; void *days[2], *months[2], *wdays[2], *wmonths[2], *oldname[2], *newname[2]; } locinfo_obj;
void *LocinfoCtor(void *p, const char *name);                        /* _Locinfo(name), _Lockit held */
void LocinfoDtor(void *p);
typedef struct { unsigned int page; const short *table; int delfl; wchar *locale_name; } ctypevec;
ctypevec *Getctype(ctypevec *out);
int Mbrtowc(wchar *out, const char *s, size_t n, mbstatet *st, const cvtvec *cvt);
int Wcrtomb(char *out, wchar w, mbstatet *st, const cvtvec *cvt);

/* new standard facets (counted 0) for the C locale now set, as _Makeloc makes them */
facet *CtypeMake(void), *CtypeMakeW(void), *NumpunctMake(void), *NumpunctMakeW(void), *NumputMake(void),
    *NumputMakeW(void), *NumgetMake(void), *NumgetMakeW(void), *CodecvtMake(void), *CodecvtMakeW(void),
    *CollateMake(void), *CollateMakeW(void), *TimePutMake(void), *TimePutMakeW(void);
