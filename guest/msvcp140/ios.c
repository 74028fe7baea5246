/* ios_base: the state, format and locale members (inline in the headers, exported all the same);
 * ios_base::Init and _Winit, which count the users of the standard streams (the last one's end
 * flushes them); the DLL's entry point, which sets up the locks, the classic locale and the
 * standard streams (basic_ios.inc). */
#include "msvcp.h"

/* -- ios_base */
int IosGood(const ios_base *b) { return b->mystate == IOS_GOODBIT; }
int IosEof(const ios_base *b) { return (b->mystate & IOS_EOFBIT) != 0; }
int IosFail(const ios_base *b) { return (b->mystate & (IOS_BADBIT | IOS_FAILBIT)) != 0; }
int IosBad(const ios_base *b) { return (b->mystate & IOS_BADBIT) != 0; }
int IosRdstate(const ios_base *b) { return b->mystate; }
int IosExceptions(const ios_base *b) { return b->except; }
int IosFlags(const ios_base *b) { return b->fmtfl; }
int IosOperatorBool(const ios_base *b) { return !IosFail(b); }                /* explicit operator bool */

int IosFlagsSet(ios_base *b, int f)
{
    int old = b->fmtfl;
    b->fmtfl = f & 0xffff;
    return old;
}

int IosSetf(ios_base *b, int f)
{
    int old = b->fmtfl;
    b->fmtfl |= f & 0xffff;
    return old;
}

int IosSetfMask(ios_base *b, int f, int mask)
{
    int old = b->fmtfl;
    b->fmtfl = (old & ~mask) | (f & mask & 0xffff);
    return old;
}

void IosUnsetf(ios_base *b, int mask) { b->fmtfl &= ~mask; }
streamsize IosWidth(const ios_base *b) { return b->wide; }
streamsize IosPrecision(const ios_base *b) { return b->prec; }

streamsize IosWidthSet(ios_base *b, streamsize w)
{
    streamsize old = b->wide;
    b->wide = w;
    return old;
}

streamsize IosPrecisionSet(ios_base *b, streamsize p)
{
    streamsize old = b->prec;
    b->prec = p;
    return old;
}

/* getloc() returns a locale (a counted _Locimp pointer) in the caller's slot */
locale *IosGetloc(const ios_base *b, locale *out)
{
    out->ptr = b->ploc->ptr;
    ((void (*)(facet *))out->ptr->base.vftable[1])(&out->ptr->base);
    return out;
}

/* clear(state, reraise): the new state; a state the exception mask selects throws
 * ios_base::failure ("ios_base::badbit set", then failbit, then eofbit), or with reraise
 * rethrows the exception being handled. IosBaseClearQuiet only sets it and returns the bits
 * to throw for, for members that must release a lock first. */
int IosBaseClearQuiet(ios_base *b, int state)
{
    b->mystate = state & IOS_STATMASK;
    return b->mystate & b->except;
}

void IosThrowFailure(int filtered, int reraise)
{
    if (filtered == 0)
        return;
    if (reraise)
        _CxxThrowException(NULL, NULL);                  /* throw; */
    ThrowIosFailure(filtered & IOS_BADBIT    ? "ios_base::badbit set"
                    : filtered & IOS_FAILBIT ? "ios_base::failbit set"
                                             : "ios_base::eofbit set");
}

void IosBaseClear(ios_base *b, int state, int reraise) { IosThrowFailure(IosBaseClearQuiet(b, state), reraise); }
void IosBaseSetstate(ios_base *b, int state, int reraise) { IosBaseClear(b, b->mystate | state, reraise); }

/* exceptions(mask): the new mask, then clear(rdstate()) (which throws for a state it selects) */
void IosExceptionsSet(ios_base *b, int mask)
{
    b->except = mask & IOS_STATMASK;
    IosBaseClear(b, b->mystate, 0);
}

/* ios_base::Init and _Winit: counted users of the standard streams */
static long init_count;
void *IosInitCtor(void *self) { __atomic_add_fetch(&init_count, 1, __ATOMIC_RELAXED); return self; }

void IosInitDtor(void *self)
{
    (void)self;
    if (__atomic_sub_fetch(&init_count, 1, __ATOMIC_ACQ_REL) == 0) {
        StreamsFlush();
        StreamsFlushW();
    }
}

/* -- ios_base as a base of the program's own streams: _Init, the destructor (_Ios_base_dtor: the
 * locale deleted; a standard stream keeps its own), _Addstd, and the vftable */
void IosBaseInit(ios_base *b)
{
    b->ploc = NULL;
    b->stdstr = 0;
    b->except = IOS_GOODBIT;
    b->fmtfl = IOS_SKIPWS | IOS_DEC;
    b->prec = 6;
    b->wide = 0;
    b->arr = b->calls = NULL;
    b->mystate = IOS_GOODBIT;
    b->ploc = LocaleNew();
}

void IosBaseDtor(ios_base *b)
{
    if (b->stdstr != 0)
        return;
    LocaleDelete(b->ploc);
    b->ploc = NULL;
}

void IosBaseAddstd(ios_base *b) { (void)b; }

static void *IosBaseDelete(ios_base *b, unsigned int flags)
{
    IosBaseDtor(b);
    if (flags & 1)
        free(b);
    return b;
}

const struct { const void *col; const void *slots[1]; } ios_base_vftable_storage = {&ios_base_col, {IosBaseDelete}};
__asm__(".globl ios_base_vftable\n.set ios_base_vftable, ios_base_vftable_storage + 8\n");

/* -- the DLL's entry point */
void LocksInit(void);
void LocaleInit(void);
void FacetsTidy(void);

int WINAPI MsvcpDllMain(void *instance, unsigned int reason, void *reserved)
{
    (void)instance;
    (void)reserved;
    if (reason == 1) {                      /* DLL_PROCESS_ATTACH */
        LocksInit();
        RttiInit();
        LocaleInit();
        StreamsInit();
        StreamsInitW();
    } else if (reason == 0) {               /* DLL_PROCESS_DETACH: what ios_base::Init's end does */
        StreamsFlush();
        StreamsFlushW();
        FacetsTidy();                       /* the lazily made facets */
    }
    return 1;
}
