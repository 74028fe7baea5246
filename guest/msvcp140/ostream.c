/* basic_ostream<char>'s exported members: the arithmetic inserters (formatted as the STL's
 * num_put formats them: a printf conversion built from the format flags, then padded to width()
 * with fill() on the adjustfield's side, width reset), put, write, flush, _Osfx and the
 * manipulator inserters. Each runs inside the sentry: the buffer's lock, the tied stream
 * flushed, good() checked; its end runs _Osfx (unitbuf flush) and unlocks. */
#include "msvcp.h"

int Uncaught_exceptions(void);                                   /* xthrow.c */

/* -- the sentry */
int OstreamPrefix(ostream *os)
{
    basic_ios *ios = OS_IOS(os);
    if (ios->mystrbuf != NULL)
        SB_CALL(ios->mystrbuf, SB_LOCK, void (*)(streambuf *))(ios->mystrbuf);
    if (ios->base.mystate != IOS_GOODBIT)
        return 0;
    if (ios->tiestr != NULL && ios->tiestr != os) {
        OstreamFlush(ios->tiestr);
        return ios->base.mystate == IOS_GOODBIT;
    }
    return 1;
}

/* opfx(): the sentry's test without its lock */
int OstreamOpfx(ostream *os)
{
    basic_ios *ios = OS_IOS(os);
    if (ios->base.mystate != IOS_GOODBIT)
        return 0;
    if (ios->tiestr != NULL && ios->tiestr != os)
        OstreamFlush(ios->tiestr);
    return ios->base.mystate == IOS_GOODBIT;
}

void OstreamOsfx(ostream *os)
{
    basic_ios *ios = OS_IOS(os);
    if (ios->base.mystate == IOS_GOODBIT && (ios->base.fmtfl & IOS_UNITBUF))
        if (StreambufPubsync(ios->mystrbuf) == -1)
            IosSetstate(ios, IOS_BADBIT, 0);
}

void OstreamSuffix(ostream *os)
{
    basic_ios *ios = OS_IOS(os);
    if (Uncaught_exceptions() == 0)
        OstreamOsfx(os);
    if (ios->mystrbuf != NULL)
        SB_CALL(ios->mystrbuf, SB_UNLOCK, void (*)(streambuf *))(ios->mystrbuf);
}

ostream *OstreamFlush(ostream *os)
{
    basic_ios *ios = OS_IOS(os);
    if (ios->mystrbuf == NULL)
        return os;
    if (OstreamPrefix(os) && StreambufPubsync(ios->mystrbuf) == -1)
        IosSetstate(ios, IOS_BADBIT, 0);
    OstreamSuffix(os);
    return os;
}

/* -- num_put's padding: fill before (right, the default), after (left), or after the sign and a
 * 0x prefix (internal); the field width is used up. Returns the state to set. */
static int PutField(basic_ios *ios, const char *s, size_t n)
{
    streambuf *sb = ios->mystrbuf;
    size_t fill = ios->base.wide > 0 && (size_t)ios->base.wide > n ? (size_t)ios->base.wide - n : 0;
    int adjust = ios->base.fmtfl & IOS_ADJUSTFIELD;
    size_t head = 0;
    if (adjust == IOS_INTERNAL) {
        if (n > 0 && (s[0] == '+' || s[0] == '-'))
            head = 1;
        if (n >= head + 2 && s[head] == '0' && (s[head + 1] == 'x' || s[head + 1] == 'X'))
            head += 2;
    } else if (adjust != IOS_LEFT) {
        head = 0;
    }
    int bad = 0;
    if (adjust == IOS_INTERNAL && head > 0)
        bad |= StreambufSputn(sb, s, (streamsize)head) != (streamsize)head;
    if (adjust != IOS_LEFT)
        for (; fill > 0 && !bad; fill--)
            bad |= StreambufSputc(sb, ios->fillch) == EOF;
    if (!bad)
        bad |= StreambufSputn(sb, s + head, (streamsize)(n - head)) != (streamsize)(n - head);
    for (; fill > 0 && !bad; fill--)
        bad |= StreambufSputc(sb, ios->fillch) == EOF;
    ios->base.wide = 0;
    return bad ? IOS_BADBIT : IOS_GOODBIT;
}

static ostream *Insert(ostream *os, const char *s, size_t n)
{
    basic_ios *ios = OS_IOS(os);
    int state = IOS_GOODBIT;
    if (OstreamPrefix(os))
        state = PutField(ios, s, n);
    IosSetstate(ios, state, 0);
    OstreamSuffix(os);
    return os;
}

/* An integer as num_put puts it: %d/%u, %o or %x/%X by basefield, + for showpos, # for showbase. */
static ostream *InsertInteger(ostream *os, unsigned long long v, int is_signed)
{
    int flags = OS_IOS(os)->base.fmtfl;
    char fmt[12], *f = fmt, buf[40];
    *f++ = '%';
    if (flags & IOS_SHOWPOS)
        *f++ = '+';
    if (flags & IOS_SHOWBASE)
        *f++ = '#';
    *f++ = 'l';
    *f++ = 'l';
    int base = flags & IOS_BASEFIELD;
    *f++ = base == IOS_OCT ? 'o' : base == IOS_HEX ? (flags & IOS_UPPERCASE ? 'X' : 'x') : is_signed ? 'd' : 'u';
    *f = 0;
    int n = Format(buf, sizeof buf, fmt, v);
    return Insert(os, buf, n > 0 ? (size_t)n : 0);
}

/* The STL widens int and short to long through their unsigned type for oct and hex. */
static int OctOrHex(ostream *os)
{
    int base = OS_IOS(os)->base.fmtfl & IOS_BASEFIELD;
    return base == IOS_OCT || base == IOS_HEX;
}

ostream *OstreamInt(ostream *os, int v)
{
    return InsertInteger(os, OctOrHex(os) ? (unsigned long long)(unsigned int)v : (unsigned long long)(long long)v, 1);
}

ostream *OstreamShort(ostream *os, short v)
{
    return InsertInteger(os, OctOrHex(os) ? (unsigned long long)(unsigned short)v : (unsigned long long)(long long)v, 1);
}

ostream *OstreamLong(ostream *os, long v)
{
    /* a long's hex and oct forms are those of its 32 bits, as %lx prints them */
    return InsertInteger(os, OctOrHex(os) ? (unsigned long long)(unsigned long)v : (unsigned long long)(long long)v, 1);
}

ostream *OstreamUInt(ostream *os, unsigned int v) { return InsertInteger(os, v, 0); }
ostream *OstreamUShort(ostream *os, unsigned short v) { return InsertInteger(os, v, 0); }
ostream *OstreamULong(ostream *os, unsigned long v) { return InsertInteger(os, v, 0); }
ostream *OstreamLongLong(ostream *os, long long v) { return InsertInteger(os, (unsigned long long)v, 1); }
ostream *OstreamULongLong(ostream *os, unsigned long long v) { return InsertInteger(os, v, 0); }

ostream *OstreamBool(ostream *os, unsigned char v)
{
    if (!(OS_IOS(os)->base.fmtfl & IOS_BOOLALPHA))
        return InsertInteger(os, v ? 1 : 0, 1);
    return v ? Insert(os, "true", 4) : Insert(os, "false", 5);
}

/* A floating-point value: %[+][#].*{f,e,g,a} (upper case for uppercase) with precision(); no
 * showpoint for infinities and NaNs. */
static ostream *InsertFloat(ostream *os, double v)
{
    int flags = OS_IOS(os)->base.fmtfl;
    int field = flags & IOS_FLOATFIELD;
    int upper = (flags & IOS_UPPERCASE) != 0;
    int finite = __builtin_isfinite(v);
    char fmt[12], *f = fmt;
    *f++ = '%';
    if (flags & IOS_SHOWPOS)
        *f++ = '+';
    if ((flags & IOS_SHOWPOINT) && finite)
        *f++ = '#';
    *f++ = '.';
    *f++ = '*';
    *f++ = field == IOS_FIXED ? 'f' : field == IOS_SCIENTIFIC ? (upper ? 'E' : 'e')
         : field == IOS_FLOATFIELD ? (upper ? 'A' : 'a') : (upper ? 'G' : 'g');
    *f = 0;
    streamsize prec = field == IOS_FLOATFIELD ? -1 : OS_IOS(os)->base.prec;
    int p = prec > 0x7fffffff ? 0x7fffffff : (int)prec;
    size_t cap = (p > 0 ? (size_t)p : 6) + 400;                 /* %f of the largest double */
    char small[512], *buf = cap <= sizeof small ? small : malloc(cap);
    if (buf == NULL) {
        IosSetstate(OS_IOS(os), IOS_BADBIT, 0);
        return os;
    }
    int n = Format(buf, cap, fmt, p, v);
    Insert(os, buf, n > 0 ? (size_t)n : 0);
    if (buf != small)
        free(buf);
    return os;
}

ostream *OstreamDouble(ostream *os, double v) { return InsertFloat(os, v); }
ostream *OstreamFloat(ostream *os, float v) { return InsertFloat(os, v); }
ostream *OstreamLongDouble(ostream *os, long double v) { return InsertFloat(os, (double)v); }

/* A pointer: %p, 16 upper-case hex digits */
ostream *OstreamPointer(ostream *os, const void *p)
{
    char buf[24];
    int n = Format(buf, sizeof buf, "%p", p);
    return Insert(os, buf, n > 0 ? (size_t)n : 0);
}

/* operator<<(basic_streambuf *): the other buffer's characters until its end; failbit if none */
ostream *OstreamStreambuf(ostream *os, streambuf *from)
{
    basic_ios *ios = OS_IOS(os);
    int state = IOS_GOODBIT, copied = 0;
    if (OstreamPrefix(os) && from != NULL) {
        for (int c = StreambufSgetc(from); c != EOF; c = StreambufSnextc(from)) {
            if (StreambufSputc(ios->mystrbuf, (char)c) == EOF)
                break;
            copied = 1;
        }
    }
    ios->base.wide = 0;
    if (!copied)
        state |= IOS_FAILBIT;
    IosSetstate(ios, state, 0);
    OstreamSuffix(os);
    return os;
}

ostream *OstreamPut(ostream *os, char c)
{
    basic_ios *ios = OS_IOS(os);
    int state = IOS_GOODBIT;
    if (!OstreamPrefix(os))
        state = IOS_BADBIT;
    else if (StreambufSputc(ios->mystrbuf, c) == EOF)
        state = IOS_BADBIT;
    IosSetstate(ios, state, 0);
    OstreamSuffix(os);
    return os;
}

ostream *OstreamWrite(ostream *os, const char *s, streamsize n)
{
    basic_ios *ios = OS_IOS(os);
    int state = IOS_GOODBIT;
    if (!OstreamPrefix(os))
        state = IOS_BADBIT;
    else if (StreambufSputn(ios->mystrbuf, s, n) != n)
        state = IOS_BADBIT;
    IosSetstate(ios, state, 0);
    OstreamSuffix(os);
    return os;
}

/* The manipulator inserters: f(*this), f(basic_ios part), f(ios_base part) */
ostream *OstreamManip(ostream *os, ostream *(*f)(ostream *)) { return f(os); }

ostream *OstreamManipIos(ostream *os, basic_ios *(*f)(basic_ios *))
{
    f(OS_IOS(os));
    return os;
}

ostream *OstreamManipIosBase(ostream *os, ios_base *(*f)(ios_base *))
{
    f(&OS_IOS(os)->base);
    return os;
}

/* std::endl, std::ends and std::flush for char streams, exported as functions too */
ostream *Endl(ostream *os)
{
    OstreamPut(os, IosWiden(OS_IOS(os), '\n'));
    return OstreamFlush(os);
}

ostream *Ends(ostream *os) { return OstreamPut(os, 0); }
ostream *Flush(ostream *os) { return OstreamFlush(os); }
