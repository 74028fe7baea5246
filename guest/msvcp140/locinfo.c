/* std::_Locinfo, the locale information the facets' constructors read: its constructor sets the
 * C locale it names (all of it, or the categories of a mask) and keeps the previous one's name
 * (restored by the destructor), and the free functions the facets call with it: _Getcvt (the
 * LC_CTYPE code page, MB_CUR_MAX and lead bytes), _Getctype (a copy of the classification
 * table), _Getcoll, _Getdateorder, the case mappings and wide classification of a _Ctypevec, and
 * the conversions _Mbrtowc/_Wcrtomb of a _Cvtvec, _Strcoll, _Wcscoll, _Strxfrm and _Wcsxfrm (the
 * "C" locale's: values compared as unsigned). The day and month names (_Getdays ...) and the
 * LC_TIME table of _Gettnames (owned by a _Timevec) are the UCRT's. */
#include "facets.h"

__declspec(dllimport) char *setlocale(int, const char *);
__declspec(dllimport) unsigned int ___lc_codepage_func(void);
__declspec(dllimport) int ___mb_cur_max_func(void);
__attribute__((noreturn)) void Xruntime_error(const char *message);  /* xthrow.c */
__declspec(dllimport) size_t strlen(const char *);
__declspec(dllimport) int WINAPI MultiByteToWideChar(unsigned int, unsigned int, const char *, int, wchar *, int);
__declspec(dllimport) int WINAPI WideCharToMultiByte(unsigned int, unsigned int, const wchar *, int, char *, int,
                                                     const char *, int *);
typedef struct { unsigned int MaxCharSize; unsigned char DefaultChar[2], LeadByte[12]; } CPINFO;
__declspec(dllimport) int WINAPI GetCPInfo(unsigned int, CPINFO *);

typedef struct { char *ptr; char nul; } yarn;
typedef struct { wchar *ptr; wchar nul; } wyarn;
typedef struct { int lock; yarn days, months; wyarn wdays, wmonths; yarn oldname, newname; } locinfo;
void *Lockit_ctor(void *l, int kind);                                 /* locale.c */
void Lockit_dtor(void *l);

static char *Dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p == NULL)
        abort();
    __builtin_memcpy(p, s, n);
    return p;
}

static void YarnSet(yarn *y, const char *s)
{
    free(y->ptr);
    y->ptr = s != NULL ? Dup(s) : NULL;
}

/* _Locinfo_ctor(p, name): the old LC_ALL name kept, the named locale set ("*" if it fails) */
void Locinfo_ctor(locinfo *p, const char *name)
{
    const char *old = setlocale(0 /* LC_ALL */, NULL);
    YarnSet(&p->oldname, old != NULL ? old : "");
    const char *now = name != NULL ? setlocale(0, name) : NULL;
    YarnSet(&p->newname, now != NULL ? now : "*");
}

/* _Locinfo_Addcats(p, cat, name): the categories in cat set to the named locale ("*" alone
 * changes nothing); the new name is LC_ALL's afterwards, "*" when setting failed, and stays "*"
 * once it is */
#define CATMASK(n) ((1 << (n)) >> 1)
#define CAT_ALL 0x3F
locinfo *Locinfo_Addcats(locinfo *p, int cat, const char *name)
{
    const char *now = NULL;
    if (name == NULL)
        Xruntime_error("bad locale name");
    if (name[0] != '*' || name[1] != 0) {
        if (cat == 0) {
            now = setlocale(0, NULL);
        } else if (cat == CAT_ALL) {
            now = setlocale(0, name);
        } else {
            for (int c = 0; c <= 5; c++)
                if (CATMASK(c) & cat)
                    setlocale(c, name);
            now = setlocale(0, name);
        }
    }
    if (now == NULL)
        YarnSet(&p->newname, "*");
    else if (p->newname.ptr == NULL || p->newname.ptr[0] != '*' || p->newname.ptr[1] != 0)
        YarnSet(&p->newname, now);
    return p;
}

/* _Locinfo_ctor(p, cat, name): the old LC_ALL name kept, then _Locinfo_Addcats */
void Locinfo_ctor_cat(locinfo *p, int cat, const char *name)
{
    const char *old = setlocale(0, NULL);
    YarnSet(&p->oldname, old != NULL ? old : "");
    Locinfo_Addcats(p, cat, name);
}

const char *LocinfoName(const void *p) { return ((const locinfo *)p)->newname.ptr; }

/* _Locinfo_dtor(p): the old locale back, the names released */
void Locinfo_dtor(locinfo *p)
{
    if (p->oldname.ptr != NULL && p->oldname.ptr[0] != 0)
        setlocale(0, p->oldname.ptr);
    YarnSet(&p->oldname, NULL);
    YarnSet(&p->newname, NULL);
    YarnSet(&p->days, NULL);
    YarnSet(&p->months, NULL);
    free(p->wdays.ptr);
    free(p->wmonths.ptr);
    p->wdays.ptr = p->wmonths.ptr = NULL;
}

/* the constructor and destructor as members: the locale lock held in between */
void *LocinfoCtor(void *obj, const char *name)
{
    locinfo *p = obj;
    __builtin_memset(p, 0, sizeof *p);
    Lockit_ctor(&p->lock, 0);
    Locinfo_ctor(p, name);
    return p;
}

locinfo *LocinfoCtorCat(locinfo *p, int cat, const char *name)
{
    __builtin_memset(p, 0, sizeof *p);
    Lockit_ctor(&p->lock, 0);
    Locinfo_ctor_cat(p, cat, name);
    return p;
}

void LocinfoDtor(void *obj)
{
    locinfo *p = obj;
    Locinfo_dtor(p);
    Lockit_dtor(&p->lock);
}

/* -- _Locinfo's inline members, exported as the class is: the facts of the C locale it holds
 * (the member functions returning a vector by value take the result slot after `this`) */
cvtvec *Getcvt(cvtvec *out);
collvec *Getcoll(collvec *out);
int Getdateorder(void);
struct lconv_head;
__declspec(dllimport) struct lconv_head *localeconv(void);
__declspec(dllimport) char *_Getdays(void), *_Getmonths(void);
__declspec(dllimport) wchar *_W_Getdays(void), *_W_Getmonths(void);
cvtvec *LocinfoGetcvt(const locinfo *p, cvtvec *out) { (void)p; return Getcvt(out); }
ctypevec *LocinfoGetctype(const locinfo *p, ctypevec *out) { (void)p; return Getctype(out); }
collvec *LocinfoGetcoll(const locinfo *p, collvec *out) { (void)p; return Getcoll(out); }
const struct lconv_head *LocinfoGetlconv(const locinfo *p) { (void)p; return localeconv(); }
const char *LocinfoGetname(const locinfo *p) { return p->newname.ptr != NULL ? p->newname.ptr : &p->newname.nul; }
const char *LocinfoGetfalse(const locinfo *p) { (void)p; return "false"; }
const char *LocinfoGettrue(const locinfo *p) { (void)p; return "true"; }
int LocinfoGetdateorder(const locinfo *p) { (void)p; return Getdateorder(); }
locinfo *LocinfoAddcats(locinfo *p, int cat, const char *name) { return Locinfo_Addcats(p, cat, name); }

/* _Getdays()/_Getmonths(): the UCRT's names, kept in the _Locinfo (the block freed), or the "C"
 * ones */
static const char C_DAYS[] = ":Sun:Sunday:Mon:Monday:Tue:Tuesday:Wed:Wednesday:Thu:Thursday:Fri:Friday:Sat:Saturday";
static const char C_MONTHS[] = ":Jan:January:Feb:February:Mar:March:Apr:April:May:May:Jun:June:Jul:July:Aug:August"
                               ":Sep:September:Oct:October:Nov:November:Dec:December";

const char *LocinfoGetdays(locinfo *p)
{
    char *names = _Getdays();
    if (names != NULL) {
        YarnSet(&p->days, names);
        free(names);
    }
    return p->days.ptr != NULL ? p->days.ptr : C_DAYS;
}

const char *LocinfoGetmonths(locinfo *p)
{
    char *names = _Getmonths();
    if (names != NULL) {
        YarnSet(&p->months, names);
        free(names);
    }
    return p->months.ptr != NULL ? p->months.ptr : C_MONTHS;
}

/* the "C" names widened, for a _Locinfo the UCRT gave none */
static const wchar *Wide(wchar *buf, const char *s)
{
    if (buf[0] == 0)
        for (size_t i = 0; s[i]; i++)
            buf[i] = (unsigned char)s[i];
    return buf;
}
static wchar c_wdays[sizeof C_DAYS], c_wmonths[sizeof C_MONTHS];

static void WyarnSet(wyarn *y, wchar *taken)
{
    free(y->ptr);
    y->ptr = taken;                                         /* the UCRT's block, kept */
}

const wchar *LocinfoWGetdays(locinfo *p)
{
    wchar *names = _W_Getdays();
    if (names != NULL)
        WyarnSet(&p->wdays, names);
    return p->wdays.ptr != NULL ? p->wdays.ptr : Wide(c_wdays, C_DAYS);
}

const wchar *LocinfoWGetmonths(locinfo *p)
{
    wchar *names = _W_Getmonths();
    if (names != NULL)
        WyarnSet(&p->wmonths, names);
    return p->wmonths.ptr != NULL ? p->wmonths.ptr : Wide(c_wmonths, C_MONTHS);
}

/* _Timevec: the owner of the C runtime's _Gettnames block (an __lc_time_data copy), freed by the
 * destructor; copying and assignment move the block to the new owner, the source left empty */
typedef struct { void *timeptr; } timevec;
timevec *TimevecCtor(timevec *t, void *p) { t->timeptr = p; return t; }
void TimevecDtor(timevec *t) { free(t->timeptr); t->timeptr = NULL; }
void *TimevecGetptr(const timevec *t) { return t->timeptr; }

timevec *TimevecAssign(timevec *t, timevec *from)
{
    if (t != from) {
        free(t->timeptr);
        t->timeptr = from->timeptr;
        from->timeptr = NULL;
    }
    return t;
}

timevec *TimevecCtorCopy(timevec *t, timevec *from)
{
    t->timeptr = NULL;
    return TimevecAssign(t, from);
}

/* _Gettnames()/_W_Gettnames(): the UCRT's copy of LC_TIME's names, in a _Timevec returned by
 * value (the result slot after `this`) */
__declspec(dllimport) void *_Gettnames(void), *_W_Gettnames(void);
timevec *LocinfoGettnames(const locinfo *p, timevec *out) { (void)p; return TimevecCtor(out, _Gettnames()); }
timevec *LocinfoWGettnames(const locinfo *p, timevec *out) { (void)p; return TimevecCtor(out, _W_Gettnames()); }

/* _Getcvt(): the _Cvtvec of LC_CTYPE, returned by value */
cvtvec *Getcvt(cvtvec *out)
{
    __builtin_memset(out, 0, sizeof *out);
    out->page = ___lc_codepage_func();
    out->isclocale = out->page == 0;
    out->mbcurmax = (unsigned int)___mb_cur_max_func();
    if (out->page != 0 && out->page != 65001) {
        CPINFO info;
        if (GetCPInfo(out->page, &info) && info.MaxCharSize > 1) {
            for (int i = 0; i < 12 && (info.LeadByte[i] || info.LeadByte[i + 1]); i += 2)
                for (unsigned b = info.LeadByte[i]; b <= info.LeadByte[i + 1]; b++)
                    out->isleadbyte[b >> 3] |= (unsigned char)(1u << (b & 7));
        }
    }
    return out;
}

/* _Getctype(): the _Ctypevec of LC_CTYPE, with a copy of its classification table (freed by the
 * facet: _Delfl 1), or the CRT's own when there is no memory (_Delfl 0) */
ctypevec *Getctype(ctypevec *out)
{
    out->page = ___lc_codepage_func();
    out->locale_name = NULL;
    short *copy = malloc(256 * sizeof(short));
    if (copy != NULL) {
        __builtin_memcpy(copy, __pctype_func(), 256 * sizeof(short));
        out->table = copy;
        out->delfl = 1;
    } else {
        out->table = (const short *)__pctype_func();
        out->delfl = 0;
    }
    return out;
}

/* _Getdateorder(): the order of a date's fields in LC_TIME: month, day, year for "C" (mdy) */
int Getdateorder(void) { return 2; }

/* _Tolower/_Toupper/_Towlower/_Towupper(c, ctype) and _Getwctype(s): case and class as the
 * "C" locale has them (the ASCII letters) */
int Tolower(int c, const ctypevec *v) { (void)v; return c >= 'A' && c <= 'Z' ? c + 32 : c; }
int Toupper(int c, const ctypevec *v) { (void)v; return c >= 'a' && c <= 'z' ? c - 32 : c; }
wchar Towlower(wchar c, const ctypevec *v) { (void)v; return c >= 'A' && c <= 'Z' ? c + 32 : c; }
wchar Towupper(wchar c, const ctypevec *v) { (void)v; return c >= 'a' && c <= 'z' ? c - 32 : c; }

__declspec(dllimport) const unsigned short *__pwctype_func(void);
__declspec(dllimport) int WINAPI GetStringTypeW(unsigned int, const wchar *, int, unsigned short *);
short Getwctype(wchar c, const ctypevec *v)
{
    (void)v;
    if (c < 256)
        return (short)__pwctype_func()[c];
    unsigned short t = 0;
    GetStringTypeW(1 /* CT_CTYPE1 */, &c, 1, &t);
    return (short)t;
}

const wchar *Getwctypes(const wchar *first, const wchar *last, short *dest, const ctypevec *v)
{
    for (; first != last; first++)
        *dest++ = Getwctype(*first, v);
    return first;
}

/* _Getcoll(): the _Collvec of LC_COLLATE ("C": no locale name) */
collvec *Getcoll(collvec *out)
{
    out->page = ___lc_codepage_func();
    out->locale_name = NULL;
    return out;
}


/* -- _Mbrtowc(out, s, n, state, cvt): the bytes of one character (0 for the null character, -1
 * for an invalid sequence, -2 for an incomplete one, kept in the state) */
static int Utf8In(wchar *out, const unsigned char *s, size_t n, mbstatet *st)
{
    unsigned long cp = st->wchar;
    unsigned int need = st->byte, used = 0;
    if (need == 0) {
        unsigned char b = s[used++];
        if (b < 0x80) {
            *out = b;
            return b ? 1 : 0;
        }
        need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b < 0xE0 ? 1 : 0;
        if (need == 0 || b > 0xF4)
            return -1;
        cp = b & (0x3F >> need);
    }
    for (; need > 0 && used < n; need--) {
        unsigned char b = s[used++];
        if ((b & 0xC0) != 0x80) {
            st->byte = 0;
            return -1;
        }
        cp = cp << 6 | (b & 0x3F);
    }
    if (need > 0) {
        st->wchar = cp;
        st->byte = (unsigned short)need;
        return -2;
    }
    st->byte = 0;
    st->wchar = 0;
    if (cp >= 0x10000)
        return -1;                                          /* not one UTF-16 unit */
    *out = (wchar)cp;
    return (int)used;
}

int Mbrtowc(wchar *out, const char *s, size_t n, mbstatet *st, const cvtvec *cvt)
{
    wchar ignored;
    if (out == NULL)
        out = &ignored;
    if (s == NULL || n == 0)
        return s == NULL ? 0 : -2;
    const unsigned char *u = (const unsigned char *)s;
    if (cvt->page == 0) {
        *out = u[0];
        return u[0] ? 1 : 0;
    }
    if (cvt->page == 65001)
        return Utf8In(out, u, n, st);
    if (cvt->mbcurmax > 1 && (cvt->isleadbyte[u[0] >> 3] >> (u[0] & 7) & 1)) {
        if (n < 2)
            return -2;
        if (MultiByteToWideChar(cvt->page, 8 /* MB_ERR_INVALID_CHARS */, s, 2, out, 1) != 1)
            return -1;
        return 2;
    }
    if (MultiByteToWideChar(cvt->page, 8, s, 1, out, 1) != 1)
        return -1;
    return *out ? 1 : 0;
}

/* _Wcrtomb(out, w, state, cvt): the bytes written, -1 (EILSEQ) when the code page cannot hold it */
int Wcrtomb(char *out, wchar w, mbstatet *st, const cvtvec *cvt)
{
    (void)st;
    if (cvt->page == 0) {
        if (w > 0xFF) {
            *_errno() = 42;                                 /* EILSEQ */
            return -1;
        }
        *out = (char)w;
        return 1;
    }
    if (cvt->page == 65001) {
        if (w < 0x80)
            return out[0] = (char)w, 1;
        if (w < 0x800)
            return out[0] = (char)(0xC0 | w >> 6), out[1] = (char)(0x80 | (w & 0x3F)), 2;
        out[0] = (char)(0xE0 | w >> 12);
        out[1] = (char)(0x80 | (w >> 6 & 0x3F));
        out[2] = (char)(0x80 | (w & 0x3F));
        return 3;
    }
    int used_default = 0;
    int n = WideCharToMultiByte(cvt->page, 0, &w, 1, out, (int)cvt->mbcurmax, NULL, &used_default);
    if (n <= 0 || used_default) {
        *_errno() = 42;
        return -1;
    }
    return n;
}

/* -- collation of the "C" locale: unsigned values, then length; -1, 0 or 1 */
static int Compare(const void *a, size_t na, const void *b, size_t nb, size_t elem)
{
    size_t n = na < nb ? na : nb;
    for (size_t i = 0; i < n; i++) {
        unsigned x = elem == 1 ? ((const unsigned char *)a)[i] : ((const wchar *)a)[i];
        unsigned y = elem == 1 ? ((const unsigned char *)b)[i] : ((const wchar *)b)[i];
        if (x != y)
            return x < y ? -1 : 1;
    }
    return na == nb ? 0 : na < nb ? -1 : 1;
}

int Strcoll(const char *f1, const char *l1, const char *f2, const char *l2, const collvec *c)
{
    (void)c;
    return Compare(f1, (size_t)(l1 - f1), f2, (size_t)(l2 - f2), 1);
}

int Wcscoll(const wchar *f1, const wchar *l1, const wchar *f2, const wchar *l2, const collvec *c)
{
    (void)c;
    return Compare(f1, (size_t)(l1 - f1), f2, (size_t)(l2 - f2), 2);
}

/* _Strxfrm(dst, dst_end, src, src_end, coll): the "C" key is the text itself; its length is
 * returned, and it is copied only when it fits */
size_t Strxfrm(char *d, char *de, const char *s, const char *se, const collvec *c)
{
    (void)c;
    size_t n = (size_t)(se - s);
    if (n <= (size_t)(de - d))
        __builtin_memcpy(d, s, n);
    return n;
}

size_t Wcsxfrm(wchar *d, wchar *de, const wchar *s, const wchar *se, const collvec *c)
{
    (void)c;
    size_t n = (size_t)(se - s);
    if (n <= (size_t)(de - d))
        __builtin_memcpy(d, s, n * sizeof(wchar));
    return n;
}
