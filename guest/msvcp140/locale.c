/* std::locale as the headers' inline code reads it: a locale is a pointer to its _Locimp, whose
 * facet vector use_facet indexes by the facet's locale::id (numbered on first use, under the
 * locale lock that std::_Lockit takes); the classic "C" locale holds ctype<char>, whose
 * table is the UCRT's "C" classification table. Facets are counted (_Incref/_Decref through
 * their vftables). */
#include "facets.h"

/* -- std::_Lockit(kind): the STL's global recursive locks, one per kind */
#define LOCK_KINDS 8
static CRITICAL_SECTION locks[LOCK_KINDS];
typedef struct { int kind; } lockit;

void LocksInit(void)
{
    for (int i = 0; i < LOCK_KINDS; i++)
        InitializeCriticalSection(&locks[i]);
}

lockit *Lockit_ctor(lockit *l, int kind)
{
    l->kind = kind >= 0 && kind < LOCK_KINDS ? kind : 0;
    EnterCriticalSection(&locks[l->kind]);
    return l;
}

lockit *Lockit_ctor_default(lockit *l) { return Lockit_ctor(l, 0); }
void Lockit_dtor(lockit *l) { LeaveCriticalSection(&locks[l->kind]); }
void Lockit_lockit_ctor(int kind) { EnterCriticalSection(&locks[kind >= 0 && kind < LOCK_KINDS ? kind : 0]); }
void Lockit_lockit_dtor(int kind) { LeaveCriticalSection(&locks[kind >= 0 && kind < LOCK_KINDS ? kind : 0]); }

/* -- locale::id: numbered from 1 on first use, from the counter the headers' inline
 * operator size_t also reads (exported as locale::id::_Id_cnt) */
int id_count;
locale_id ctype_char_id, ctype_wchar_id, numpunct_char_id, numpunct_wchar_id, numput_char_id, numput_wchar_id,
    numget_char_id, numget_wchar_id, codecvt_char_id, codecvt_wchar_id, collate_char_id, collate_wchar_id,
    timeput_char_id, timeput_wchar_id;

size_t LocaleIdIndex(locale_id *id)
{
    lockit l;
    Lockit_ctor(&l, 0);
    if (id->id == 0)
        id->id = (size_t)++id_count;
    Lockit_dtor(&l);
    return id->id;
}

/* -- locale::facet: the reference count; a facet whose count drops to zero is returned to the
 * caller to delete */
void FacetIncref(facet *f) { __atomic_add_fetch(&f->refs, 1, __ATOMIC_RELAXED); }
facet *FacetDecref(facet *f) { return __atomic_sub_fetch(&f->refs, 1, __ATOMIC_ACQ_REL) == 0 ? f : NULL; }
void *FacetDelete(facet *f, unsigned int flags)
{
    if (flags & 1)
        free(f);
    return f;
}

/* facet's constructor (a reference count) and destructor, for the program's own facets */
static const void *const facet_vftable_storage[] = {&facet_col, FacetDelete, FacetIncref, FacetDecref};
__asm__(".globl facet_vftable\n.set facet_vftable, facet_vftable_storage + 8\n");

facet *FacetCtor(facet *f, size_t refs)
{
    f->vftable = facet_vftable_storage + 1;
    f->refs = (unsigned long)refs;
    return f;
}

void FacetDtor(facet *f) { (void)f; }

/* _Facet_Register(facet): a facet use_facet made lazily (through _Getcat), released when the DLL
 * detaches, most recent first */
typedef struct fac_node { struct fac_node *next; facet *f; } fac_node;
static fac_node *fac_head;

void Facet_Register(facet *f)
{
    fac_node *n = malloc(sizeof *n);
    if (n == NULL)
        abort();
    n->next = fac_head;
    n->f = f;
    fac_head = n;
}

static void FacetRelease(facet *f);

void FacetsTidy(void)
{
    while (fac_head != NULL) {
        fac_node *n = fac_head;
        fac_head = n->next;
        FacetRelease(n->f);
        free(n);
    }
}

/* -- ctype<char>: classification from the table, case mapping and widen/narrow of the "C" locale */
static char CtypeToLower(const ctype_char *c, char ch) { (void)c; return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch; }
static char CtypeToUpper(const ctype_char *c, char ch) { (void)c; return ch >= 'a' && ch <= 'z' ? ch - 32 : ch; }

static const char *CtypeToLowerRange(const ctype_char *c, char *first, const char *last)
{
    for (; first != last; first++)
        *first = CtypeToLower(c, *first);
    return first;
}

static const char *CtypeToUpperRange(const ctype_char *c, char *first, const char *last)
{
    for (; first != last; first++)
        *first = CtypeToUpper(c, *first);
    return first;
}

static char CtypeWiden(const ctype_char *c, char ch) { (void)c; return ch; }
static char CtypeNarrow(const ctype_char *c, char ch, char dflt) { (void)c; (void)dflt; return ch; }

static const char *CtypeWidenRange(const ctype_char *c, const char *first, const char *last, char *dst)
{
    (void)c;
    while (first != last)
        *dst++ = *first++;
    return first;
}

static const char *CtypeNarrowRange(const ctype_char *c, const char *first, const char *last, char dflt, char *dst)
{
    (void)c;
    (void)dflt;
    while (first != last)
        *dst++ = *first++;
    return first;
}

/* the deleting destructor: a table _Getctype copied (_Delfl > 0) is freed */
static void *CtypeDelete(ctype_char *c, unsigned int flags)
{
    if (c->ctype.delfl > 0)
        free((void *)c->ctype.table);
    if (flags & 1)
        free(c);
    return c;
}

/* The vftable in the STL's order: the facet's three, then each overload pair with the range
 * form first (as MSVC orders overloads). */
static const void *const ctype_char_vftable[] = {&ctype_char_col,
    CtypeDelete, FacetIncref, FacetDecref, CtypeToLowerRange, CtypeToLower, CtypeToUpperRange, CtypeToUpper,
    CtypeWidenRange, CtypeWiden, CtypeNarrowRange, CtypeNarrow};

static void CtypeInit(ctype_char *c, unsigned long refs)
{
    c->base.vftable = ctype_char_vftable + 1;
    c->base.refs = refs;
    c->ctype.page = 0;
    c->ctype.table = (const short *)__pctype_func();
    c->ctype.delfl = 0;
    c->ctype.locale_name = NULL;
}

/* The exported non-virtual members of ctype<char> (inline in the headers, exported all the same) */
int CtypeIs(const ctype_char *c, short mask, char ch) { return (c->ctype.table[(unsigned char)ch] & mask) != 0; }
char CtypeWidenMember(const ctype_char *c, char ch) { return ((char (*)(const ctype_char *, char))c->base.vftable[8])(c, ch); }
char CtypeTolowerMember(const ctype_char *c, char ch) { return ((char (*)(const ctype_char *, char))c->base.vftable[4])(c, ch); }
char CtypeToupperMember(const ctype_char *c, char ch) { return ((char (*)(const ctype_char *, char))c->base.vftable[6])(c, ch); }
char CtypeNarrowMember(const ctype_char *c, char ch, char dflt)
{
    return ((char (*)(const ctype_char *, char, char))c->base.vftable[10])(c, ch, dflt);
}
const short *CtypeTable(const ctype_char *c) { return c->ctype.table; }

/* ctype<char>(locinfo): the current LC_CTYPE's classification (_Getctype's copy) */

facet *CtypeMake(void)
{
    ctype_char *c = malloc(sizeof *c);
    if (c == NULL)
        abort();
    CtypeInit(c, 0);
    ctypevec v;
    Getctype(&v);
    c->ctype.page = v.page;
    c->ctype.table = v.table;
    c->ctype.delfl = v.delfl;
    c->ctype.locale_name = v.locale_name;
    return &c->base;
}

/* ctype<char>::_Getcat(ppf, loc): a new facet for use_facet when the locale has none; LC_CTYPE */
size_t CtypeGetcat(const facet **ppf, const locale *loc)
{
    (void)loc;
    if (ppf != NULL && *ppf == NULL) {
        ctype_char *c = malloc(sizeof *c);
        if (c != NULL)
            CtypeInit(c, 0);
        *ppf = &c->base;
    }
    return 2;
}

/* -- the classic locale's _Locimp */
#define FACETS 40
static facet *classic_facets[FACETS];
static ctype_char classic_ctype;
static char classic_name[] = "C";
static const void *const locimp_vftable[] = {&locimp_col, FacetDelete, FacetIncref, FacetDecref};
static locimp classic = {{locimp_vftable + 1, 1}, classic_facets, FACETS, 0x3F /* all */, 0, {classic_name, 0}};
static locale classic_locale = {&classic};

/* A facet of the classic locale, at its id's index */
void LocaleAddFacet(locale_id *id, facet *f)
{
    size_t i = LocaleIdIndex(id);
    if (i < FACETS)
        classic_facets[i] = f;
}

/* use_facet(loc) for the members here: the locale's facet, else the classic locale's */
const facet *LocaleFacet(const locale *loc, locale_id *id)
{
    size_t i = LocaleIdIndex(id);
    const locimp *imp = loc->ptr;
    const facet *f = i < imp->facetcount ? imp->facetvec[i] : NULL;
    if (f == NULL && i < classic.facetcount)
        f = classic.facetvec[i];
    return f;
}

void CtypeWcharInit(void);                                     /* wctype.c */

/* The standard facets in the classic locale, numbered in this order */
void LocaleInit(void)
{
    CtypeInit(&classic_ctype, 1);
    LocaleAddFacet(&ctype_char_id, &classic_ctype.base);
    CtypeWcharInit();
    NumpunctInit();
    NumpunctInitW();
    NumputInit();
    NumputInitW();
    NumgetInit();
    NumgetInitW();
    CodecvtInit();
    CollateInit();
    CollateInitW();
    TimePutInit();
    TimePutInitW();
}

/* the global locale: the classic one until locale::global replaces it */
static locimp *global_imp = &classic;

locimp *LocaleGlobal(void) { return global_imp; }

/* locale::_Init(do_incref): the global _Locimp, counted for a new locale object */
locimp *LocaleInitMember(int do_incref)
{
    lockit l;
    Lockit_ctor(&l, 0);
    locimp *imp = global_imp;
    if (do_incref)
        FacetIncref(&imp->base);
    Lockit_dtor(&l);
    return imp;
}

/* locale::global(loc): loc's _Locimp becomes the global one, and the C locale is set to its name
 * for the categories it has; the previous one is returned */
__declspec(dllimport) char *setlocale(int, const char *);
#define CATMASK(n) ((1 << (n)) >> 1)
#define CAT_ALL 0x3F

locale *LocaleGlobalSet(locale *out, const locale *loc)
{
    lockit l;
    Lockit_ctor(&l, 0);
    out->ptr = global_imp;                                  /* the global's count moves to out */
    if (loc->ptr != global_imp) {
        FacetIncref(&loc->ptr->base);
        global_imp = loc->ptr;
        int mask = global_imp->catmask & CAT_ALL;
        const char *name = global_imp->name.ptr != NULL ? global_imp->name.ptr : "";
        if (mask == CAT_ALL) {
            setlocale(0 /* LC_ALL */, name);
        } else {
            for (int cat = 0; cat <= 5; cat++)
                if (CATMASK(cat) & mask)
                    setlocale(cat, name);
        }
    } else {
        FacetIncref(&global_imp->base);
    }
    Lockit_dtor(&l);
    return out;
}

/* locale::_Setgloballocale(imp): the global _Locimp replaced (counts are the caller's) */
void LocaleSetgloballocale(void *imp) { global_imp = imp; }

/* locale::_Getfacet(id): the facet at the index, else the global locale's when transparent */
const facet *LocaleGetfacet(const locale *loc, size_t i)
{
    const locimp *imp = loc->ptr;
    const facet *f = i < imp->facetcount ? imp->facetvec[i] : NULL;
    if (f != NULL || !imp->xparent)
        return f;
    return i < global_imp->facetcount ? global_imp->facetvec[i] : NULL;
}

/* -- _Locimp copies, for a locale with a facet replaced: the copy holds a count on each facet */
static void *LocimpDelete(locimp *imp, unsigned int flags);
static const void *const locimp_copy_vftable[] = {&locimp_col, LocimpDelete, FacetIncref, FacetDecref};

static char *NameDup(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    char *p = malloc(n + 1);
    if (p == NULL)
        abort();
    __builtin_memcpy(p, s, n + 1);
    return p;
}

/* _Locimp::_New_Locimp(transparent): a new empty _Locimp, counted once, named "*" */
locimp *LocimpNewEmpty(unsigned char transparent)
{
    locimp *imp = calloc(1, sizeof *imp);
    if (imp == NULL)
        abort();
    imp->base.vftable = locimp_copy_vftable + 1;
    imp->base.refs = 1;
    imp->xparent = transparent;
    imp->name.ptr = NameDup("*");
    return imp;
}

/* locale::empty(): a transparent locale without facets */
locale *LocaleEmpty(locale *out)
{
    out->ptr = LocimpNewEmpty(1);
    return out;
}

/* _Locimp::_New_Locimp(other): a new _Locimp with other's facets, counted once */
locimp *LocimpNew(const locimp *other)
{
    locimp *imp = calloc(1, sizeof *imp);
    if (imp == NULL)
        abort();
    imp->base.vftable = locimp_copy_vftable + 1;
    imp->base.refs = 1;
    imp->facetcount = other->facetcount;
    imp->facetvec = calloc(imp->facetcount ? imp->facetcount : 1, sizeof(facet *));
    if (imp->facetvec == NULL)
        abort();
    for (size_t i = 0; i < imp->facetcount; i++)
        if ((imp->facetvec[i] = other->facetvec[i]) != NULL)
            VCALL(imp->facetvec[i], 1, void (*)(facet *))(imp->facetvec[i]);
    imp->catmask = other->catmask;
    imp->xparent = other->xparent;
    imp->name.ptr = other->name.ptr != NULL ? NameDup(other->name.ptr) : NULL;
    return imp;
}

static void FacetRelease(facet *f)
{
    facet *dead = VCALL(f, 2, facet * (*)(facet *))(f);
    if (dead != NULL)
        VCALL(dead, 0, void *(*)(facet *, unsigned int))(dead, 1);
}

/* _Locimp::_Locimp_Addfac(imp, f, id): f at the id's index (the vector grown), counted; the
 * facet it replaces released */
void LocimpAddfac(locimp *imp, facet *f, size_t id)
{
    lockit l;
    Lockit_ctor(&l, 0);
    if (id >= imp->facetcount) {
        size_t count = id + 1 < FACETS ? FACETS : id + 1;
        facet **vec = calloc(count, sizeof(facet *));
        if (vec == NULL)
            abort();
        for (size_t i = 0; i < imp->facetcount; i++)
            vec[i] = imp->facetvec[i];
        if (imp != &classic)
            free(imp->facetvec);
        imp->facetvec = vec;
        imp->facetcount = count;
    }
    VCALL(f, 1, void (*)(facet *))(f);
    facet *old = imp->facetvec[id];
    imp->facetvec[id] = f;
    if (old != NULL)
        FacetRelease(old);
    Lockit_dtor(&l);
}

/* _Locimp::_Locimp_dtor(imp): each facet's count released */
void LocimpDtor(locimp *imp)
{
    lockit l;
    Lockit_ctor(&l, 0);
    for (size_t i = imp->facetcount; i > 0; i--)
        if (imp->facetvec[i - 1] != NULL)
            FacetRelease(imp->facetvec[i - 1]);
    free(imp->facetvec);
    imp->facetvec = NULL;
    imp->facetcount = 0;
    Lockit_dtor(&l);
}

static void *LocimpDelete(locimp *imp, unsigned int flags)
{
    LocimpDtor(imp);
    free(imp->name.ptr);
    imp->name.ptr = NULL;
    if (flags & 1)
        free(imp);
    return imp;
}

/* _Locimp::_Locimp_ctor(imp, other): imp (with other's count, mask and name) given other's facets */
void LocimpCtorCopy(locimp *imp, const locimp *other)
{
    lockit l;
    Lockit_ctor(&l, 0);
    imp->facetvec = NULL;
    if (imp->facetcount > 0) {
        imp->facetvec = calloc(imp->facetcount, sizeof(facet *));
        if (imp->facetvec == NULL)
            abort();
        for (size_t i = 0; i < imp->facetcount && i < other->facetcount; i++)
            if ((imp->facetvec[i] = other->facetvec[i]) != NULL)
                VCALL(imp->facetvec[i], 1, void (*)(facet *))(imp->facetvec[i]);
    }
    Lockit_dtor(&l);
}

/* _Locimp::_Makeloc(locinfo, cat, imp, from): the standard facets of the categories in cat into
 * imp, made for the C locale the _Locinfo holds (or taken from `from`); imp's mask gains cat and
 * its name becomes the _Locinfo's */
typedef struct { locale_id *id; int category; facet *(*make)(void); } standard_facet;
static const standard_facet STANDARD[] = {
    {&ctype_char_id, 2, CtypeMake}, {&numget_char_id, 4, NumgetMake}, {&numput_char_id, 4, NumputMake},
    {&numpunct_char_id, 4, NumpunctMake}, {&codecvt_char_id, 2, CodecvtMake}, {&collate_char_id, 1, CollateMake},
    {&ctype_wchar_id, 2, CtypeMakeW}, {&numget_wchar_id, 4, NumgetMakeW}, {&numput_wchar_id, 4, NumputMakeW},
    {&numpunct_wchar_id, 4, NumpunctMakeW}, {&codecvt_wchar_id, 2, CodecvtMakeW}, {&collate_wchar_id, 1, CollateMakeW},
    {&timeput_char_id, 5, TimePutMake}, {&timeput_wchar_id, 5, TimePutMakeW}};

locimp *LocimpMakeloc(const void *locinfo, int cat, locimp *imp, const locale *from)
{
    for (size_t i = 0; i < sizeof STANDARD / sizeof STANDARD[0]; i++) {
        const standard_facet *s = &STANDARD[i];
        if (!(CATMASK(s->category) & cat))
            continue;
        facet *f = from != NULL ? (facet *)LocaleFacet(from, s->id) : s->make();
        if (f != NULL)
            LocimpAddfac(imp, f, LocaleIdIndex(s->id));
    }
    imp->catmask |= cat;
    const char *name = LocinfoName(locinfo);
    free(imp->name.ptr);
    imp->name.ptr = NameDup(name != NULL ? name : "*");
    return imp;
}

/* ios_base::imbue(loc): the stream's locale replaced; the old one returned */
locale *IosBaseImbue(ios_base *b, locale *out, const locale *loc)
{
    out->ptr = b->ploc->ptr;                                /* the stream's count moves to out */
    FacetIncref(&loc->ptr->base);
    b->ploc->ptr = loc->ptr;
    return out;
}

const locale *LocaleClassic(void) { return &classic_locale; }

locale *LocaleNew(void)
{
    locale *l = malloc(sizeof *l);
    l->ptr = LocaleInitMember(1);
    return l;
}

/* ~locale(): its _Locimp's count released (deleted by its vftable at zero) */
void LocaleRelease(locale *l)
{
    if (l->ptr != NULL)
        FacetRelease(&l->ptr->base);
    l->ptr = NULL;
}

/* delete locale: its _Locimp released (deleted by its vftable when the count reaches zero) */
void LocaleDelete(locale *l)
{
    if (l == NULL)
        return;
    facet *f = ((facet * (*)(facet *)) l->ptr->base.vftable[2])(&l->ptr->base);
    if (f != NULL)
        ((void *(*)(facet *, unsigned int))f->vftable[0])(f, 1);
    free(l);
}

/* use_facet<ctype<char>>(loc), for the stream members here */
const ctype_char *StreamCtype(const locale *loc)
{
    const facet *f = LocaleFacet(loc, &ctype_char_id);
    return f != NULL ? (const ctype_char *)f : &classic_ctype;
}
