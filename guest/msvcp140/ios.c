/* ios_base and basic_ios<char>: the state, format and locale members (inline in the headers,
 * exported all the same), and the standard stream objects cout, cerr, clog and cin with the STL's
 * layout: basic_ostream is a vbtable pointer and its virtual base basic_ios (at the offset the
 * vbtable's second entry gives), basic_istream adds its extraction count before the base.
 * cin and cerr are tied to cout, cerr is unitbuf. ios_base::Init counts the users of the objects;
 * the last one's destruction flushes them. The DLL's entry point sets all this up. */
#include "msvcp.h"

/* -- ios_base */
int IosGood(const ios_base *b) { return b->mystate == IOS_GOODBIT; }
int IosEof(const ios_base *b) { return (b->mystate & IOS_EOFBIT) != 0; }
int IosFail(const ios_base *b) { return (b->mystate & (IOS_BADBIT | IOS_FAILBIT)) != 0; }
int IosBad(const ios_base *b) { return (b->mystate & IOS_BADBIT) != 0; }
int IosRdstate(const ios_base *b) { return b->mystate; }
int IosExceptions(const ios_base *b) { return b->except; }
int IosFlags(const ios_base *b) { return b->fmtfl; }

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

/* clear(state, reraise): the new state; the exception mask is kept but not thrown (the
 * standard streams' mask is empty) */
void IosBaseClear(ios_base *b, int state, int reraise)
{
    (void)reraise;
    b->mystate = state & IOS_STATMASK;
}

void IosBaseSetstate(ios_base *b, int state, int reraise)
{
    if (state != IOS_GOODBIT)
        IosBaseClear(b, b->mystate | state, reraise);
}

/* -- basic_ios<char> */
void IosClear(basic_ios *ios, int state, int reraise)
{
    IosBaseClear(&ios->base, ios->mystrbuf != NULL ? state : state | IOS_BADBIT, reraise);
}

void IosSetstate(basic_ios *ios, int state, int reraise)
{
    if (state != IOS_GOODBIT)
        IosClear(ios, ios->base.mystate | state, reraise);
}

ostream *IosTie(const basic_ios *ios) { return ios->tiestr; }

ostream *IosTieSet(basic_ios *ios, ostream *tie)
{
    ostream *old = ios->tiestr;
    ios->tiestr = tie;
    return old;
}

streambuf *IosRdbuf(const basic_ios *ios) { return ios->mystrbuf; }

streambuf *IosRdbufSet(basic_ios *ios, streambuf *sb)
{
    streambuf *old = ios->mystrbuf;
    ios->mystrbuf = sb;
    IosClear(ios, IOS_GOODBIT, 0);
    return old;
}

char IosFill(const basic_ios *ios) { return ios->fillch; }

char IosFillSet(basic_ios *ios, char c)
{
    char old = ios->fillch;
    ios->fillch = c;
    return old;
}

/* widen and narrow through the stream locale's ctype<char> facet (its virtual do_widen/do_narrow) */
char IosWiden(const basic_ios *ios, char c)
{
    const ctype_char *ct = StreamCtype(ios->base.ploc);
    return ((char (*)(const ctype_char *, char))ct->base.vftable[8])(ct, c);
}

char IosNarrow(const basic_ios *ios, char c, char dflt)
{
    const ctype_char *ct = StreamCtype(ios->base.ploc);
    return ((char (*)(const ctype_char *, char, char))ct->base.vftable[10])(ct, c, dflt);
}

void IosInit(basic_ios *ios, streambuf *sb, ostream *tie, int flags)
{
    ios->base.mystate = sb != NULL ? IOS_GOODBIT : IOS_BADBIT;
    ios->base.except = IOS_GOODBIT;
    ios->base.fmtfl = IOS_SKIPWS | IOS_DEC | flags;
    ios->base.prec = 6;
    ios->base.wide = 0;
    ios->base.arr = ios->base.calls = NULL;
    ios->base.ploc = LocaleNew();
    ios->mystrbuf = sb;
    ios->tiestr = tie;
    ios->fillch = IosWiden(ios, ' ');
}

/* -- the standard objects */
static const int ostream_vbtable[2] = {0, 8};
static const int istream_vbtable[2] = {0, 16};

/* The basic_ios subobject's vftable: the complete object's scalar deleting destructor, reached
 * with `this` at the subobject (the standard objects are never deleted). */
static void *StdObjectDelete(basic_ios *ios, unsigned int flags) { (void)flags; return ios; }
static const void *const std_ios_vftable[1] = {StdObjectDelete};

ostream std_cout, std_cerr, std_clog;
istream std_cin;
ostream *ptr_cout = &std_cout, *ptr_cerr = &std_cerr, *ptr_clog = &std_clog;
istream *ptr_cin = &std_cin;

static void InitOstream(ostream *os, streambuf *sb, ostream *tie, int flags, size_t index)
{
    os->vbtable = ostream_vbtable;
    os->ios.base.vftable = std_ios_vftable;
    os->ios.base.stdstr = index;
    IosInit(&os->ios, sb, tie, flags);
}

void StreamsInit(void)
{
    InitOstream(&std_cout, StdioStreambuf(0, __acrt_iob_func(1)), NULL, 0, 1);
    InitOstream(&std_cerr, StdioStreambuf(1, __acrt_iob_func(2)), &std_cout, IOS_UNITBUF, 3);
    InitOstream(&std_clog, StdioStreambuf(2, __acrt_iob_func(2)), NULL, 0, 4);
    std_cin.vbtable = istream_vbtable;
    std_cin.chcount = 0;
    std_cin.ios.base.vftable = std_ios_vftable;
    std_cin.ios.base.stdstr = 2;
    IosInit(&std_cin.ios, StdioStreambuf(3, __acrt_iob_func(0)), &std_cout, 0);
}

void StreamsFlush(void)
{
    OstreamFlush(&std_cout);
    OstreamFlush(&std_clog);
}

/* ios_base::Init and _Winit: counted users of the standard streams */
static long init_count;
void *IosInitCtor(void *self) { __atomic_add_fetch(&init_count, 1, __ATOMIC_RELAXED); return self; }

void IosInitDtor(void *self)
{
    (void)self;
    if (__atomic_sub_fetch(&init_count, 1, __ATOMIC_ACQ_REL) == 0)
        StreamsFlush();
}

/* -- the DLL's entry point */
void LocksInit(void);
void LocaleInit(void);

int WINAPI MsvcpDllMain(void *instance, unsigned int reason, void *reserved)
{
    (void)instance;
    (void)reserved;
    if (reason == 1) {                      /* DLL_PROCESS_ATTACH */
        LocksInit();
        LocaleInit();
        StreamsInit();
    } else if (reason == 0) {               /* DLL_PROCESS_DETACH: what ios_base::Init's end does */
        StreamsFlush();
    }
    return 1;
}
