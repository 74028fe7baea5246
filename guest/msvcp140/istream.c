/* basic_istream<char>'s exported members: _Ipfx (the sentry: the tied stream flushed, leading
 * white space skipped through the ctype facet unless noskip), the arithmetic extractors (the
 * characters num_get accepts for the base, converted by the UCRT's strto*: no digits or a value
 * out of range is failbit, running into the end eofbit), get, getline, ignore, peek, read,
 * unget, putback and gcount. */
#include "msvcp.h"

#define LLONG_MAX_ 0x7fffffffffffffffLL

int IstreamIpfx(istream *is, int noskip)
{
    basic_ios *ios = IS_IOS(is);
    if (ios->base.mystate != IOS_GOODBIT) {
        IosSetstate(ios, IOS_FAILBIT, 0);
        return 0;
    }
    if (ios->tiestr != NULL)
        OstreamFlush(ios->tiestr);
    if (!noskip && (ios->base.fmtfl & IOS_SKIPWS)) {
        const ctype_char *ct = StreamCtype(ios->base.ploc);
        int c = StreambufSgetc(ios->mystrbuf);
        while (c != EOF && (ct->ctype.table[(unsigned char)c] & CTYPE_SPACE))
            c = StreambufSnextc(ios->mystrbuf);
        if (c == EOF) {
            IosSetstate(ios, IOS_EOFBIT | IOS_FAILBIT, 0);
            return 0;
        }
    }
    return ios->base.mystate == IOS_GOODBIT;
}

void IstreamIsfx(istream *is) { (void)is; }

/* Collect a number's characters into buf: sign, digits of the base (0x after a 0 for hex and the
 * automatic base), and for a floating-point value a fraction and an exponent. */
static size_t Collect(istream *is, char *buf, size_t cap, int floating, int *state)
{
    basic_ios *ios = IS_IOS(is);
    streambuf *sb = ios->mystrbuf;
    int base = ios->base.fmtfl & IOS_BASEFIELD;
    size_t n = 0;
    int c = StreambufSgetc(sb);
#define TAKE() (buf[n++] = (char)c, c = StreambufSnextc(sb))
    if (c == '+' || c == '-')
        TAKE();
    int radix = floating ? 10 : base == IOS_OCT ? 8 : base == IOS_HEX ? 16 : base == 0 ? 0 : 10;
    if (!floating && (radix == 16 || radix == 0) && c == '0') {
        TAKE();
        if (c == 'x' || c == 'X') {
            TAKE();
            radix = 16;
        } else if (radix == 0) {
            radix = 8;
        }
    }
    if (radix == 0)
        radix = 10;
    for (; c != EOF && n + 1 < cap; TAKE()) {
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
        if (d >= radix)
            break;
    }
    if (floating) {
        if (c == '.' && n + 1 < cap)
            for (TAKE(); c >= '0' && c <= '9' && n + 1 < cap; TAKE()) {}
        if ((c == 'e' || c == 'E') && n + 1 < cap) {
            TAKE();
            if ((c == '+' || c == '-') && n + 1 < cap)
                TAKE();
            for (; c >= '0' && c <= '9' && n + 1 < cap; TAKE()) {}
        }
    }
#undef TAKE
    if (c == EOF)
        *state |= IOS_EOFBIT;
    buf[n] = 0;
    return n;
}

static int Radix(istream *is)
{
    int base = IS_IOS(is)->base.fmtfl & IOS_BASEFIELD;
    return base == IOS_OCT ? 8 : base == IOS_HEX ? 16 : base == 0 ? 0 : 10;
}

/* One extractor: v receives the converted value (0 when nothing matched, the limit on overflow). */
typedef enum { K_LONG, K_ULONG, K_LLONG, K_ULLONG, K_DOUBLE, K_FLOAT } kind;

static istream *Extract(istream *is, kind k, void *out, long long lo, long long hi)
{
    basic_ios *ios = IS_IOS(is);
    int state = IOS_GOODBIT;
    if (IstreamIpfx(is, 0)) {
        char buf[400], *end;
        size_t n = Collect(is, buf, sizeof buf, k >= K_DOUBLE, &state);
        *_errno() = 0;
        if (k == K_DOUBLE || k == K_FLOAT) {
            double d = n ? strtod(buf, &end) : 0;
            if (n == 0 || end != buf + n)
                state |= IOS_FAILBIT, d = 0;
            else if (*_errno() == 34 /* ERANGE */ && __builtin_fabs(d) > 1)
                state |= IOS_FAILBIT;
            if (k == K_DOUBLE)
                *(double *)out = d;
            else
                *(float *)out = (float)d;
        } else if (k == K_ULONG || k == K_ULLONG) {
            unsigned long long v = n ? strtoull(buf, &end, Radix(is)) : 0;
            if (n == 0 || end != buf + n)
                state |= IOS_FAILBIT, v = 0;
            else if (*_errno() == 34 || (unsigned long long)hi < v)
                state |= IOS_FAILBIT, v = (unsigned long long)hi;
            if (k == K_ULONG && hi == 0xFFFF)
                *(unsigned short *)out = (unsigned short)v;
            else if (k == K_ULONG)
                *(unsigned int *)out = (unsigned int)v;
            else
                *(unsigned long long *)out = v;
        } else {
            long long v = n ? strtoll(buf, &end, Radix(is)) : 0;
            if (n == 0 || end != buf + n)
                state |= IOS_FAILBIT, v = 0;
            else if (*_errno() == 34 || v < lo || v > hi)
                state |= IOS_FAILBIT, v = v < 0 ? lo : hi;
            if (hi == 0x7FFF)
                *(short *)out = (short)v;
            else if (k == K_LONG)
                *(int *)out = (int)v;
            else
                *(long long *)out = v;
        }
    }
    IosSetstate(ios, state, 0);
    return is;
}

istream *IstreamInt(istream *is, int *v) { return Extract(is, K_LONG, v, -0x80000000LL, 0x7FFFFFFF); }
istream *IstreamLong(istream *is, long *v) { return Extract(is, K_LONG, v, -0x80000000LL, 0x7FFFFFFF); }
istream *IstreamShort(istream *is, short *v) { return Extract(is, K_LONG, v, -0x8000, 0x7FFF); }
istream *IstreamUInt(istream *is, unsigned int *v) { return Extract(is, K_ULONG, v, 0, 0xFFFFFFFFLL); }
istream *IstreamULong(istream *is, unsigned long *v) { return Extract(is, K_ULONG, v, 0, 0xFFFFFFFFLL); }
istream *IstreamUShort(istream *is, unsigned short *v) { return Extract(is, K_ULONG, v, 0, 0xFFFF); }
istream *IstreamLongLong(istream *is, long long *v) { return Extract(is, K_LLONG, v, -LLONG_MAX_ - 1, LLONG_MAX_); }
istream *IstreamULongLong(istream *is, unsigned long long *v) { return Extract(is, K_ULLONG, v, 0, -1); }
istream *IstreamDouble(istream *is, double *v) { return Extract(is, K_DOUBLE, v, 0, 0); }
istream *IstreamFloat(istream *is, float *v) { return Extract(is, K_FLOAT, v, 0, 0); }

istream *IstreamLongDouble(istream *is, long double *v)
{
    double d;
    Extract(is, K_DOUBLE, &d, 0, 0);
    *v = d;
    return is;
}

/* bool: 0 or 1 (boolalpha: "true"/"false") */
istream *IstreamBool(istream *is, unsigned char *v)
{
    basic_ios *ios = IS_IOS(is);
    if (!(ios->base.fmtfl & IOS_BOOLALPHA)) {
        long long x;
        Extract(is, K_LLONG, &x, -LLONG_MAX_ - 1, LLONG_MAX_);
        if (!(ios->base.mystate & IOS_FAILBIT)) {
            if (x == 0 || x == 1)
                *v = (unsigned char)x;
            else
                *v = 1, IosSetstate(ios, IOS_FAILBIT, 0);
        }
        return is;
    }
    int state = IOS_GOODBIT;
    if (IstreamIpfx(is, 0)) {
        static const char *const names[2] = {"false", "true"};
        int c = StreambufSgetc(ios->mystrbuf), which = c == 't' ? 1 : c == 'f' ? 0 : -1;
        size_t i = 0;
        if (which >= 0)
            for (; names[which][i] && c == names[which][i]; i++)
                c = StreambufSnextc(ios->mystrbuf);
        if (c == EOF)
            state |= IOS_EOFBIT;
        if (which < 0 || names[which][i])
            state |= IOS_FAILBIT, *v = 0;
        else
            *v = (unsigned char)which;
    }
    IosSetstate(ios, state, 0);
    return is;
}

/* -- unformatted input: gcount() counts what the last one extracted */
int IstreamGet(istream *is)
{
    basic_ios *ios = IS_IOS(is);
    is->chcount = 0;
    int c = EOF;
    if (IstreamIpfx(is, 1)) {
        c = StreambufSbumpc(ios->mystrbuf);
        if (c == EOF)
            IosSetstate(ios, IOS_EOFBIT | IOS_FAILBIT, 0);
        else
            is->chcount = 1;
    }
    return c;
}

istream *IstreamGetChar(istream *is, char *out)
{
    int c = IstreamGet(is);
    if (c != EOF)
        *out = (char)c;
    return is;
}

/* getline(buf, n, delim): up to n - 1 characters; the delimiter is extracted, not stored;
 * failbit when nothing was extracted or the line did not fit */
istream *IstreamGetline(istream *is, char *buf, streamsize n, char delim)
{
    basic_ios *ios = IS_IOS(is);
    int state = IOS_GOODBIT;
    is->chcount = 0;
    streamsize stored = 0;
    if (n > 0 && IstreamIpfx(is, 1)) {
        int c = StreambufSgetc(ios->mystrbuf);
        for (;; c = StreambufSnextc(ios->mystrbuf)) {
            if (c == EOF) {
                state |= IOS_EOFBIT;
                break;
            }
            if ((char)c == delim) {
                is->chcount++;
                StreambufSbumpc(ios->mystrbuf);
                break;
            }
            if (stored >= n - 1) {
                state |= IOS_FAILBIT;
                break;
            }
            buf[stored++] = (char)c;
            is->chcount++;
        }
    }
    if (n > 0)
        buf[stored] = 0;
    if (is->chcount == 0)
        state |= IOS_FAILBIT;
    IosSetstate(ios, state, 0);
    return is;
}

istream *IstreamGetlineNl(istream *is, char *buf, streamsize n) { return IstreamGetline(is, buf, n, '\n'); }

/* get(buf, n, delim): as getline, the delimiter left in the stream */
istream *IstreamGetBuf(istream *is, char *buf, streamsize n, char delim)
{
    basic_ios *ios = IS_IOS(is);
    int state = IOS_GOODBIT;
    is->chcount = 0;
    if (n > 0 && IstreamIpfx(is, 1)) {
        for (int c = StreambufSgetc(ios->mystrbuf);; c = StreambufSnextc(ios->mystrbuf)) {
            if (c == EOF) {
                state |= IOS_EOFBIT;
                break;
            }
            if ((char)c == delim || is->chcount >= n - 1)
                break;
            buf[is->chcount++] = (char)c;
        }
    }
    if (n > 0)
        buf[is->chcount] = 0;
    if (is->chcount == 0)
        state |= IOS_FAILBIT;
    IosSetstate(ios, state, 0);
    return is;
}

/* ignore(n, delim): skip n characters (without a limit for LLONG_MAX) or through delim */
istream *IstreamIgnore(istream *is, streamsize n, int delim)
{
    basic_ios *ios = IS_IOS(is);
    int state = IOS_GOODBIT;
    is->chcount = 0;
    if (n > 0 && IstreamIpfx(is, 1)) {
        for (;;) {
            if (n != LLONG_MAX_ && is->chcount >= n)
                break;
            int c = StreambufSbumpc(ios->mystrbuf);
            if (c == EOF) {
                state |= IOS_EOFBIT;
                break;
            }
            is->chcount++;
            if (c == (delim == EOF ? EOF : (unsigned char)delim))
                break;
        }
    }
    IosSetstate(ios, state, 0);
    return is;
}

int IstreamPeek(istream *is)
{
    basic_ios *ios = IS_IOS(is);
    is->chcount = 0;
    int c = EOF;
    if (IstreamIpfx(is, 1) && (c = StreambufSgetc(ios->mystrbuf)) == EOF)
        IosSetstate(ios, IOS_EOFBIT, 0);
    return c;
}

istream *IstreamRead(istream *is, char *buf, streamsize n)
{
    basic_ios *ios = IS_IOS(is);
    is->chcount = 0;
    if (IstreamIpfx(is, 1)) {
        streamsize got = StreambufSgetn(ios->mystrbuf, buf, n);
        is->chcount = got;
        if (got != n)
            IosSetstate(ios, IOS_EOFBIT | IOS_FAILBIT, 0);
    }
    return is;
}

istream *IstreamUnget(istream *is)
{
    basic_ios *ios = IS_IOS(is);
    is->chcount = 0;
    ios->base.mystate &= ~IOS_EOFBIT;
    if (IstreamIpfx(is, 1)
        && SB_CALL(ios->mystrbuf, SB_PBACKFAIL, int (*)(streambuf *, int))(ios->mystrbuf, EOF) == EOF)
        IosSetstate(ios, IOS_BADBIT, 0);
    return is;
}

istream *IstreamPutback(istream *is, char c)
{
    basic_ios *ios = IS_IOS(is);
    is->chcount = 0;
    ios->base.mystate &= ~IOS_EOFBIT;
    if (IstreamIpfx(is, 1)
        && SB_CALL(ios->mystrbuf, SB_PBACKFAIL, int (*)(streambuf *, int))(ios->mystrbuf, (unsigned char)c) == EOF)
        IosSetstate(ios, IOS_BADBIT, 0);
    return is;
}

streamsize IstreamGcount(const istream *is) { return is->chcount; }

istream *IstreamManip(istream *is, istream *(*f)(istream *)) { return f(is); }

istream *IstreamManipIos(istream *is, basic_ios *(*f)(basic_ios *))
{
    f(IS_IOS(is));
    return is;
}

istream *IstreamManipIosBase(istream *is, ios_base *(*f)(ios_base *))
{
    f(&IS_IOS(is)->base);
    return is;
}

/* std::ws: skip white space */
istream *Ws(istream *is)
{
    basic_ios *ios = IS_IOS(is);
    if (IstreamIpfx(is, 1)) {
        const ctype_char *ct = StreamCtype(ios->base.ploc);
        int c = StreambufSgetc(ios->mystrbuf);
        while (c != EOF && (ct->ctype.table[(unsigned char)c] & CTYPE_SPACE))
            c = StreambufSnextc(ios->mystrbuf);
        if (c == EOF)
            IosSetstate(ios, IOS_EOFBIT, 0);
    }
    return is;
}
