/* msvcp140's own declarations: the Microsoft STL's object layouts the headers' inline code reads
 * (x64: std::exception, locale and its _Locimp and facets, ios_base, basic_ios, basic_streambuf,
 * basic_ostream and basic_istream with their virtual base), and the imports from ucrtbase,
 * vcruntime140 and kernel32. A C++ member function is a C function taking `this` first; one
 * returning a class object by value takes the caller's result slot second and returns it. */
#pragma once
typedef __SIZE_TYPE__ size_t;
typedef long long streamsize;
typedef unsigned short wchar;
#define NULL ((void *)0)
#define WINAPI __stdcall
#define EOF (-1)

/* -- std::exception (vftable, __std_exception_data) and the throw machinery of vcruntime140 */
typedef struct { const char *what; unsigned char do_free; } std_exception_data;
typedef struct { const void *const *vftable; std_exception_data data; } std_exception;
__declspec(dllimport) void __std_exception_copy(const std_exception_data *from, std_exception_data *to);
__declspec(dllimport) void __std_exception_destroy(std_exception_data *data);
__declspec(dllimport) __attribute__((noreturn)) void _CxxThrowException(void *object, const void *info);
__declspec(dllimport) void **__current_exception(void);
__declspec(dllimport) int __uncaught_exceptions(void);
typedef struct { unsigned int properties; int pType; int mdisp, pdisp, vdisp; int sizeOrOffset; int copyFunction; } CatchableType;
typedef struct { int nCatchableTypes; int arrayOfCatchableTypes[]; } CatchableTypeArray;
typedef struct { unsigned int attributes; int pmfnUnwind; int pForwardCompat; int pCatchableTypeArray; } ThrowInfo;
#define EH_EXCEPTION_NUMBER 0xE06D7363u
#define EH_MAGIC_NUMBER1 0x19930520u

/* -- locale: a pointer to its _Locimp, a facet with a reference count and a vftable whose first
 * slots are the scalar deleting destructor, _Incref and _Decref */
typedef struct facet { const void *const *vftable; unsigned long refs; } facet;
typedef struct locimp {
    facet base;
    facet **facetvec;
    size_t facetcount;
    int catmask;
    unsigned char xparent;
    struct { char *ptr; char nul; } name;
} locimp;
typedef struct { locimp *ptr; } locale;
typedef struct { size_t id; } locale_id;
typedef struct {
    facet base;
    struct { unsigned int page; const short *table; int delfl; wchar *locale_name; } ctype;
} ctype_char;
extern locale_id ctype_char_id, ctype_wchar_id;
size_t LocaleIdIndex(locale_id *id);                                  /* locale::id::operator size_t */
locimp *LocaleGlobal(void);                                           /* locale::_Getgloballocale */
locale *LocaleNew(void);                                              /* a new locale on the global _Locimp */
void LocaleDelete(locale *l);
const ctype_char *StreamCtype(const locale *loc);                     /* use_facet<ctype<char>>(loc) */
void LocaleAddFacet(locale_id *id, facet *f);                         /* a facet of the classic locale */
const facet *LocaleFacet(const locale *loc, locale_id *id);
void FacetIncref(facet *f);
facet *FacetDecref(facet *f);
void *FacetDelete(facet *f, unsigned int flags);
#define CTYPE_SPACE 0x48

/* -- RTTI of the DLL's own objects (rtti.c): the complete object locator at vftable[-1], its RVAs
 * filled in at start-up */
typedef struct { int signature, offset, cdOffset, pTypeDescriptor, pClassDescriptor, pSelf; } rtti_col;
extern rtti_col ctype_char_col, ctype_wchar_col, locimp_col, numpunct_col, numpunct_colW, numput_col, numput_colW,
    numget_col, numget_colW, codecvt_char_col, codecvt_wchar_col, collate_col, collate_colW, std_ostream_col,
    std_ostream_colW, std_istream_col, std_istream_colW, stdiobuf_col, stdiobuf_colW, ios_base_col, ios_col, ios_colW,
    iostream_col, iostream_colW, streambuf_col, streambuf_colW, facet_col, timeput_col, timeput_colW,
    codecvt_char16_col, codecvt_char32_col, timeget_col, timeget_colW, time_base_col;
void RttiInit(void);                                              /* ctype_base::space: _CN | _SP */

/* -- the streams, for char and (suffix W) wchar_t: basic_streambuf (vftable in the STL's virtual
 * order), ios_base, basic_ios, basic_ostream and basic_istream */
typedef struct ios_base {
    const void *const *vftable;
    size_t stdstr;
    int mystate, except, fmtfl;
    streamsize prec, wide;
    void *arr, *calls;
    locale *ploc;
} ios_base;
#define STREAM_TYPES(CHT, S) \
    typedef struct streambuf##S { \
        const void *const *vftable; \
        CHT *gfirst, *pfirst, **igfirst, **ipfirst, *gnext, *pnext, **ignext, **ipnext; \
        int gcount, pcount, *igcount, *ipcount; \
        locale *plocale; \
    } streambuf##S; \
    struct ostream##S; \
    typedef struct basic_ios##S { \
        ios_base base; \
        streambuf##S *mystrbuf; \
        struct ostream##S *tiestr; \
        CHT fillch; \
    } basic_ios##S; \
    typedef struct ostream##S { const int *vbtable; basic_ios##S ios; } ostream##S; \
    typedef struct istream##S { const int *vbtable; streamsize chcount; basic_ios##S ios; } istream##S;
STREAM_TYPES(char, )
STREAM_TYPES(wchar, W)
enum { SB_DTOR, SB_LOCK, SB_UNLOCK, SB_OVERFLOW, SB_PBACKFAIL, SB_SHOWMANYC, SB_UNDERFLOW, SB_UFLOW, SB_XSGETN,
       SB_XSPUTN, SB_SEEKOFF, SB_SEEKPOS, SB_SETBUF, SB_SYNC, SB_IMBUE, SB_SLOTS };
#define SB_CALL(sb, slot, type) ((type)(sb)->vftable[slot])
#define OS_IOS(os) ((void *)((char *)(os) + (os)->vbtable[1]))
#define IS_IOS(is) ((void *)((char *)(is) + (is)->vbtable[1]))

enum { IOS_SKIPWS = 0x1, IOS_UNITBUF = 0x2, IOS_UPPERCASE = 0x4, IOS_SHOWBASE = 0x8, IOS_SHOWPOINT = 0x10,
       IOS_SHOWPOS = 0x20, IOS_LEFT = 0x40, IOS_RIGHT = 0x80, IOS_INTERNAL = 0x100, IOS_DEC = 0x200,
       IOS_OCT = 0x400, IOS_HEX = 0x800, IOS_SCIENTIFIC = 0x1000, IOS_FIXED = 0x2000, IOS_BOOLALPHA = 0x4000,
       IOS_ADJUSTFIELD = 0x1c0, IOS_BASEFIELD = 0xe00, IOS_FLOATFIELD = 0x3000 };
enum { IOS_GOODBIT = 0, IOS_EOFBIT = 1, IOS_FAILBIT = 2, IOS_BADBIT = 4, IOS_STATMASK = 0x17 };
void IosBaseClear(ios_base *b, int state, int reraise);
int IosBaseClearQuiet(ios_base *b, int state);                        /* the bits to throw for */
void IosThrowFailure(int filtered, int reraise);
__attribute__((noreturn)) void ThrowIosFailure(const char *message);  /* xthrow.c: ios_base::failure */
void StreamsInit(void), StreamsInitW(void);                          /* basic_ios.inc: the standard streams */
void StreamsFlush(void), StreamsFlushW(void);

/* ctype<wchar_t>: the facet, its _Ctypevec and _Cvtvec */
typedef struct {
    facet base;
    struct { unsigned int page; const short *table; int delfl; wchar *locale_name; } ctype;
    struct { unsigned int page, mbcurmax; int isclocale; unsigned char isleadbyte[32]; } cvt;
} ctype_wchar;
const ctype_wchar *StreamCtypeW(const locale *loc);                   /* use_facet<ctype<wchar_t>>(loc) */

/* -- imports */
typedef struct _iobuf FILE;
__declspec(dllimport) FILE *__acrt_iob_func(unsigned int);
__declspec(dllimport) size_t fwrite(const void *, size_t, size_t, FILE *);
__declspec(dllimport) int fputc(int, FILE *);
__declspec(dllimport) int fgetc(FILE *);
__declspec(dllimport) int ungetc(int, FILE *);
__declspec(dllimport) int fflush(FILE *);
__declspec(dllimport) void _lock_file(FILE *);
__declspec(dllimport) void _unlock_file(FILE *);
__declspec(dllimport) void *malloc(size_t);
__declspec(dllimport) void *calloc(size_t, size_t);
__declspec(dllimport) void free(void *);
__declspec(dllimport) __attribute__((noreturn)) void abort(void);
__declspec(dllimport) const unsigned short *__pctype_func(void);
__declspec(dllimport) int __stdio_common_vsprintf(unsigned long long, char *, size_t, const char *, void *, __builtin_va_list);
__declspec(dllimport) long strtol(const char *, char **, int);
__declspec(dllimport) unsigned long strtoul(const char *, char **, int);
__declspec(dllimport) long long strtoll(const char *, char **, int);
__declspec(dllimport) unsigned long long strtoull(const char *, char **, int);
__declspec(dllimport) double strtod(const char *, char **);
__declspec(dllimport) float strtof(const char *, char **);
__declspec(dllimport) int *_errno(void);
int Format(char *buf, size_t cap, const char *fmt, ...);              /* snprintf through the UCRT */

typedef struct { void *debug; long lock_count, recursion; void *owner, *semaphore; size_t spin; } CRITICAL_SECTION;
__declspec(dllimport) void WINAPI InitializeCriticalSection(CRITICAL_SECTION *);
__declspec(dllimport) void WINAPI EnterCriticalSection(CRITICAL_SECTION *);
__declspec(dllimport) void WINAPI LeaveCriticalSection(CRITICAL_SECTION *);
__declspec(dllimport) unsigned int WINAPI GetCurrentThreadId(void);
