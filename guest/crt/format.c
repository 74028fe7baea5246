/* The printf engine: flags, width, precision, Microsoft's size prefixes (h hh l ll L I I32 I64 j z
 * t w) and every conversion, for narrow and wide formats and destinations. Floating point goes
 * through fltcvt.c: exact digits, rounded as the flavour rounds. */
#include "format.h"
#include "fltcvt.h"

int crt_two_digit_exponent;
int crt_printf_count_output;            /* _set_printf_count_output: the UCRT's %n switch */

void crt_fmtopts_default(crt_fmtopts *opt)
{
#ifdef CRT_MSVCRT
    opt->msvcrt_floats = 1;
    opt->exp_digits = crt_two_digit_exponent ? 2 : 3;
    opt->allow_n = 1;
    opt->unknown_literal = 1;
#else
    opt->msvcrt_floats = 0;
    opt->exp_digits = 2;
    opt->allow_n = crt_printf_count_output;
    opt->unknown_literal = 0;
#endif
    opt->iso_wide = 0;
    opt->positional = 0;
}

enum { F_LEFT = 1, F_PLUS = 2, F_SPACE = 4, F_ALT = 8, F_ZERO = 16 };
enum { SZ_NONE, SZ_HH, SZ_H, SZ_L, SZ_64, SZ_32, SZ_LD, SZ_W };

/* ---- output helpers: narrow text, wide text, padding ---- */

static int out_a(crt_out *o, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    o->count += n;
    if (!o->wide)
        return o->write(o, s, n);
    crt_wchar tmp[64];
    while (n) {
        size_t k = n < 64 ? n : 64;
        for (size_t i = 0; i < k; i++)
            tmp[i] = (unsigned char)s[i];       /* the "C" locale maps bytes one to one */
        if (o->write(o, tmp, k))
            return -1;
        s += k;
        n -= k;
    }
    return 0;
}

static int out_w(crt_out *o, const crt_wchar *s, size_t n)
{
    if (n == 0)
        return 0;
    o->count += n;
    if (o->wide)
        return o->write(o, s, n);
    char tmp[64];
    while (n) {
        size_t k = n < 64 ? n : 64;
        for (size_t i = 0; i < k; i++) {
            if (s[i] > 0xFF)
                return -1;                      /* no "C" locale multibyte form */
            tmp[i] = (char)s[i];
        }
        if (o->write(o, tmp, k))
            return -1;
        s += k;
        n -= k;
    }
    return 0;
}

static int out_pad(crt_out *o, char c, long long n)
{
    char tmp[32];
    for (int i = 0; i < 32; i++)
        tmp[i] = c;
    while (n > 0) {
        int k = n < 32 ? (int)n : 32;
        if (out_a(o, tmp, k))
            return -1;
        n -= k;
    }
    return 0;
}

/* d[from .. from+count) where positions outside [0, n) read as '0'. */
static int out_digits(crt_out *o, const char *d, int n, long long from, long long count)
{
    while (count > 0) {
        if (from < 0 || from >= n) {
            long long zeros = from < 0 ? -from : count;
            if (zeros > count)
                zeros = count;
            if (out_pad(o, '0', zeros))
                return -1;
            from += zeros;
            count -= zeros;
        } else {
            long long k = n - from < count ? n - from : count;
            if (out_a(o, d + from, (size_t)k))
                return -1;
            from += k;
            count -= k;
        }
    }
    return 0;
}

/* Width padding around a body of `len` elements with a sign/prefix of `plen`. */
static int pad_before(crt_out *o, int flags, int width, long long len)
{
    if (!(flags & F_LEFT) && width > len)
        return out_pad(o, (flags & F_ZERO) ? '0' : ' ', width - len);
    return 0;
}

static int pad_after(crt_out *o, int flags, int width, long long len)
{
    if ((flags & F_LEFT) && width > len)
        return out_pad(o, ' ', width - len);
    return 0;
}

/* Sign and prefix first, then zeros (if '0'), or spaces then sign and prefix. */
static int out_field(crt_out *o, int flags, int width, const char *prefix, int plen, long long body)
{
    long long len = plen + body;
    if (flags & F_ZERO) {
        if (out_a(o, prefix, plen) || pad_before(o, flags, width, len))
            return -1;
    } else if (pad_before(o, flags, width, len) || out_a(o, prefix, plen))
        return -1;
    return 0;
}

/* ---- integers ---- */

static int fmt_integer(crt_out *o, unsigned long long v, int negative, int conv, int flags, int width, int prec)
{
    char buf[72], prefix[4];
    int plen = 0, len = 0;
    const char *hex = conv == 'X' || conv == 'p' ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X' || conv == 'p') ? 16 : 10;
    int nonzero = v != 0;
    while (v) {
        buf[sizeof buf - 1 - len++] = hex[v % base];
        v /= base;
    }
    if (prec < 0)
        prec = 1;
    else
        flags &= ~F_ZERO;
    if (conv == 'o' && (flags & F_ALT) && len >= prec)
        prec = len + 1;
    if (negative)
        prefix[plen++] = '-';
    else if ((conv == 'd' || conv == 'i') && (flags & F_PLUS))
        prefix[plen++] = '+';
    else if ((conv == 'd' || conv == 'i') && (flags & F_SPACE))
        prefix[plen++] = ' ';
    if ((conv == 'x' || conv == 'X') && (flags & F_ALT) && nonzero) {
        prefix[plen++] = '0';
        prefix[plen++] = (char)conv;
    }
    long long body = len > prec ? len : prec;
    if (out_field(o, flags, width, prefix, plen, body) || out_pad(o, '0', body - len)
        || out_a(o, buf + sizeof buf - len, len))
        return -1;
    return pad_after(o, flags, width, plen + body);
}

/* ---- floating point ---- */

static int out_exponent(crt_out *o, int conv, int e, int mindigits)
{
    char buf[8];
    int len = 0;
    unsigned ue = e < 0 ? -e : e;
    char tmp[6];
    int t = 0;
    do {
        tmp[t++] = (char)('0' + ue % 10);
        ue /= 10;
    } while (ue);
    while (t < mindigits)
        tmp[t++] = '0';
    buf[len++] = (char)conv;
    buf[len++] = e < 0 ? '-' : '+';
    while (t)
        buf[len++] = tmp[--t];
    return out_a(o, buf, len);
}

static int exponent_len(int e, int mindigits)
{
    unsigned ue = e < 0 ? -e : e;
    int t = 0;
    do {
        t++;
        ue /= 10;
    } while (ue);
    return 2 + (t < mindigits ? mindigits : t);
}

/* Hexadecimal floating point (%a): 1.hhh or 0.hhh for subnormals, 13 digits by default. */
static int fmt_hexfloat(crt_out *o, uint64_t bits, int conv, int flags, int width, int prec, char *prefix, int plen)
{
    uint64_t mant = bits & 0xFFFFFFFFFFFFFull;
    int bexp = (int)((bits >> 52) & 0x7FF);
    int lead = bexp != 0;
    int e = bexp == 0 ? (mant ? -1022 : 0) : bexp - 1023;
    const char *hex = conv == 'A' ? "0123456789ABCDEF" : "0123456789abcdef";
    if (prec < 0)
        prec = 13;
    if (prec < 13) {                            /* round half to even at the cut */
        int drop = (13 - prec) * 4;
        uint64_t rest = mant & ((1ull << drop) - 1), half = 1ull << (drop - 1);
        mant >>= drop;
        if (rest > half || (rest == half && (((prec ? mant : (uint64_t)lead)) & 1)))
            mant++;
        if (prec == 0 ? mant != 0 : (mant >> (prec * 4)) != 0) {
            lead++;
            mant &= prec ? (1ull << (prec * 4)) - 1 : 0;
        }
        mant <<= drop;
    }
    char body[32];
    int blen = 0;
    body[blen++] = (char)('0' + lead);
    if (prec > 0 || (flags & F_ALT))
        body[blen++] = '.';
    int shown = prec < 13 ? prec : 13;
    for (int i = 0; i < shown; i++)
        body[blen++] = hex[(mant >> (48 - 4 * i)) & 0xF];
    prefix[plen++] = '0';
    prefix[plen++] = conv == 'A' ? 'X' : 'x';
    long long total = blen + (prec > 13 ? prec - 13 : 0) + exponent_len(e, 1);
    if (out_field(o, flags, width, prefix, plen, total) || out_a(o, body, blen)
        || out_pad(o, '0', prec > 13 ? prec - 13 : 0) || out_exponent(o, conv == 'A' ? 'P' : 'p', e, 1))
        return -1;
    return pad_after(o, flags, width, plen + total);
}

/* %e %f %g %a and their capitals, for one double. */
static int fmt_float(crt_out *o, double x, int conv, int flags, int width, int prec, const crt_fmtopts *opt)
{
    union { double d; uint64_t u; } v = { x };
    int negative = (int)(v.u >> 63);
    int bexp = (int)((v.u >> 52) & 0x7FF);
    uint64_t mant = v.u & 0xFFFFFFFFFFFFFull;
    int upper = conv == 'E' || conv == 'F' || conv == 'G' || conv == 'A';
    char prefix[4];
    int plen = 0;
    if (negative)
        prefix[plen++] = '-';
    else if (flags & F_PLUS)
        prefix[plen++] = '+';
    else if (flags & F_SPACE)
        prefix[plen++] = ' ';

    char d[CRT_DIGITS_MAX];
    int n, decpt;
    if (bexp == 0x7FF && !opt->msvcrt_floats) {
        /* The UCRT's spellings: inf, nan, nan(snan), -nan(ind) for the default NaN. */
        const char *s;
        if (mant == 0)
            s = upper ? "INF" : "inf";
        else if (!(mant & (1ull << 51)))
            s = upper ? "NAN(SNAN)" : "nan(snan)";
        else if (negative && mant == (1ull << 51))
            s = upper ? "NAN(IND)" : "nan(ind)";
        else
            s = upper ? "NAN" : "nan";
        int len = 0;
        while (s[len])
            len++;
        flags &= ~F_ZERO;
        if (out_field(o, flags, width, prefix, plen, len) || out_a(o, s, len))
            return -1;
        return pad_after(o, flags, width, plen + len);
    }
    if (conv == 'a' || conv == 'A')
        return fmt_hexfloat(o, v.u, conv, flags, width, prec, prefix, plen);
    if (prec < 0)
        prec = 6;
    int mode = opt->msvcrt_floats ? CRT_ROUND_AWAY : CRT_ROUND_EVEN;
    if (bexp == 0x7FF) {
        /* msvcrt.dll formats its special values as the digit string "1#INF" (and #QNAN, #SNAN,
         * #IND) with the point after the 1: so "1.#INF00", "1.#INF00e+000", "%.1f" gives "1.$". */
        const char *s = mant == 0 ? "1#INF" : !(mant & (1ull << 51)) ? "1#SNAN"
                      : (negative && mant == (1ull << 51)) ? "1#IND" : "1#QNAN";
        for (n = 0; s[n]; n++)
            d[n] = s[n];
        decpt = 1;
    } else {
        n = crt_exact_digits(x, d, &decpt);
        if (opt->msvcrt_floats)
            n = crt_round_digits(d, n, &decpt, 17, mode);
    }
    int iszero = n == 1 && d[0] == '0';
    int style = conv | 0x20;                   /* 'e', 'f' or 'g' */
    int fracdigits = prec;
    if (style == 'g') {
        int p = prec == 0 ? 1 : prec;
        if (!iszero)
            n = crt_round_digits(d, n, &decpt, p, mode);
        int x10 = iszero ? 0 : decpt - 1;
        if (x10 < -4 || x10 >= p) {
            style = 'e';
            fracdigits = p - 1;
        } else {
            style = 'f';
            fracdigits = p - 1 - x10;
        }
        if (!(flags & F_ALT)) {
            while (n > 1 && d[n - 1] == '0')
                n--;
            int have = style == 'e' ? n - 1 : n - decpt;
            if (iszero)
                have = 0;
            if (have < 0)
                have = 0;
            if (fracdigits > have)
                fracdigits = have;
        }
    } else if (!iszero) {
        n = crt_round_digits(d, n, &decpt, style == 'e' ? prec + 1 : decpt + prec, mode);
        if (n == 0) {                            /* rounded to nothing: 0.000 */
            d[0] = '0';
            n = 1;
            decpt = 1;
            iszero = 1;
        }
    }
    int point = fracdigits > 0 || (flags & F_ALT);
    long long body;
    int expo = iszero ? 0 : decpt - 1;
    int expdigits = opt->exp_digits;
    if (style == 'e')
        body = 1 + point + fracdigits + exponent_len(expo, expdigits);
    else {
        int intlen = iszero || decpt <= 0 ? 1 : decpt;
        body = intlen + point + fracdigits;
    }
    if (out_field(o, flags, width, prefix, plen, body))
        return -1;
    if (style == 'e') {
        if (out_digits(o, d, n, 0, 1) || (point && out_a(o, ".", 1)) || out_digits(o, d, n, 1, fracdigits)
            || out_exponent(o, upper ? 'E' : 'e', expo, expdigits))
            return -1;
    } else {
        if (iszero || decpt <= 0) {
            if (out_a(o, "0", 1))
                return -1;
        } else if (out_digits(o, d, n, 0, decpt))
            return -1;
        if ((point && out_a(o, ".", 1)) || out_digits(o, d, iszero ? 0 : n, iszero ? 0 : decpt, fracdigits))
            return -1;
    }
    return pad_after(o, flags, width, plen + body);
}

/* ---- strings and characters ---- */

static const char null_text[] = "(null)";
static const crt_wchar null_wtext[] = { '(', 'n', 'u', 'l', 'l', ')', 0 };

static int fmt_string(crt_out *o, const void *s, int wide, long long len, int flags, int width, int prec)
{
    if (len < 0) {
        if (s == NULL) {
            s = wide ? (const void *)null_wtext : (const void *)null_text;
        }
        len = 0;
        if (wide)
            while ((prec < 0 || len < prec) && ((const crt_wchar *)s)[len])
                len++;
        else
            while ((prec < 0 || len < prec) && ((const char *)s)[len])
                len++;
    } else if (prec >= 0 && len > prec)
        len = prec;
    flags &= ~F_ZERO;
    if (pad_before(o, flags, width, len))
        return -1;
    if (wide ? out_w(o, s, len) : out_a(o, s, len))
        return -1;
    return pad_after(o, flags, width, len);
}

/* ---- the format walk ---- */

/* ---- where the arguments come from: in order from the va_list, or by position (%n$) ----
 * The positional forms (_printf_p and friends) take every argument by its number, 1-100: a
 * first pass over the format records each number's type, the arguments are then read in
 * number order, and the second pass formats from that table. A format mixing the two ways,
 * leaving a number out or giving one two types is refused. */
enum { A_NONE, A_INT, A_I64, A_DBL, A_PTR };
#define ARG_MAX 100
typedef struct {
    va_list ap;
    int mode;                       /* 0 in order, 1 recording the types, 2 from the table */
    int bad;
    int max;
    unsigned char type[ARG_MAX + 1];
    union { long long i; double d; void *p; } v[ARG_MAX + 1];
} crt_args;

static long long arg_i(crt_args *a, int pos, int type)
{
    if (a->mode == 0)
        return type == A_I64 ? va_arg(a->ap, long long) : va_arg(a->ap, int);
    if (a->mode == 1) {
        if (pos < 1 || (a->type[pos] && a->type[pos] != type))
            a->bad = 1;
        else {
            a->type[pos] = (unsigned char)type;
            if (pos > a->max) a->max = pos;
        }
        return 0;
    }
    return type == A_I64 ? a->v[pos].i : (int)a->v[pos].i;
}

static double arg_d(crt_args *a, int pos)
{
    if (a->mode == 0)
        return va_arg(a->ap, double);
    if (a->mode == 1) {
        arg_i(a, pos, A_DBL);
        return 0.0;
    }
    return a->v[pos].d;
}

static void *arg_p(crt_args *a, int pos)
{
    if (a->mode == 0)
        return va_arg(a->ap, void *);
    if (a->mode == 1) {
        arg_i(a, pos, A_PTR);
        return NULL;
    }
    return a->v[pos].p;
}

/* After a '*': in a positional format the number of the argument that holds it ("*m$"). */
static int star_pos(const void *fmt, int fmt_wide, size_t *i, crt_args *a)
{
    if (a->mode == 0)
        return 0;
    int pos = 0;
    size_t j = *i;
    for (;; j++) {
        unsigned c = fmt_wide ? ((const crt_wchar *)fmt)[j] : ((const unsigned char *)fmt)[j];
        if (c < '0' || c > '9') {
            if (c != '$' || j == *i)
                a->bad = 1;
            else
                *i = j + 1;
            return pos;
        }
        pos = pos * 10 + (int)(c - '0');
    }
}

static int discard(crt_out *o, const void *s, size_t n) { (void)o; (void)s; (void)n; return 0; }
static int vformat(crt_out *o, const void *fmt, int fmt_wide, const crt_fmtopts *opt, crt_args *a, int *invalid);

int crt_vformat(crt_out *o, const void *fmt, int fmt_wide, const crt_fmtopts *opt, va_list ap, int *invalid)
{
    static crt_args zero;
    crt_args a = zero;
    va_copy(a.ap, ap);
    if (opt->positional) {
        crt_out scan = { o->wide, discard, NULL, 0 };
        a.mode = 1;
        vformat(&scan, fmt, fmt_wide, opt, &a, invalid);
        if (a.max) {
            for (int i = 1; i <= a.max; i++) {
                if (a.type[i] == A_NONE)
                    a.bad = 1;
                else if (a.type[i] == A_DBL)
                    a.v[i].d = va_arg(a.ap, double);
                else if (a.type[i] == A_PTR)
                    a.v[i].p = va_arg(a.ap, void *);
                else
                    a.v[i].i = a.type[i] == A_I64 ? va_arg(a.ap, long long) : va_arg(a.ap, int);
            }
            if (a.bad) {
                va_end(a.ap);
                if (invalid)
                    *invalid = 1;
                return -1;
            }
            a.mode = 2;
        } else {
            va_end(a.ap);
            va_copy(a.ap, ap);              /* no %n$ at all: an ordinary format */
            a.mode = 0;
        }
    }
    int r = vformat(o, fmt, fmt_wide, opt, &a, invalid);
    va_end(a.ap);
    return r;
}

static int vformat(crt_out *o, const void *fmt, int fmt_wide, const crt_fmtopts *opt, crt_args *a, int *invalid)
{
#define FCH(i) (fmt_wide ? (unsigned)((const crt_wchar *)fmt)[i] : (unsigned)((const unsigned char *)fmt)[i])
    size_t i = 0;
    o->count = 0;
    for (;;) {
        size_t start = i;
        while (FCH(i) && FCH(i) != '%')
            i++;
        if (i > start) {
            int r = fmt_wide ? out_w(o, (const crt_wchar *)fmt + start, i - start)
                             : out_a(o, (const char *)fmt + start, i - start);
            if (r)
                return -1;
        }
        if (!FCH(i))
            break;
        i++;                                    /* the '%' */
        int flags = 0, width = 0, prec = -1, size = SZ_NONE, pos = 0;
        if (a->mode && FCH(i) != '%') {         /* the argument's number: n$ */
            size_t j = i;
            while (FCH(j) >= '0' && FCH(j) <= '9')
                pos = pos * 10 + (int)(FCH(j++) - '0');
            if (j == i || FCH(j) != '$' || pos > ARG_MAX) {
                a->bad = 1;
                pos = 0;
                if (a->mode == 2)
                    goto refuse;
            } else
                i = j + 1;
        }
        for (;; i++) {
            unsigned c = FCH(i);
            if (c == '-') flags |= F_LEFT;
            else if (c == '+') flags |= F_PLUS;
            else if (c == ' ') flags |= F_SPACE;
            else if (c == '#') flags |= F_ALT;
            else if (c == '0') flags |= F_ZERO;
            else break;
        }
        if (FCH(i) == '*') {
            i++;
            width = (int)arg_i(a, star_pos(fmt, fmt_wide, &i, a), A_INT);
            if (width < 0) {
                flags |= F_LEFT;
                width = -width;
            }
        } else
            while (FCH(i) >= '0' && FCH(i) <= '9')
                width = width * 10 + (int)(FCH(i++) - '0');
        if (FCH(i) == '.') {
            i++;
            prec = 0;
            if (FCH(i) == '*') {
                i++;
                prec = (int)arg_i(a, star_pos(fmt, fmt_wide, &i, a), A_INT);
                if (prec < 0)
                    prec = -1;
            } else
                while (FCH(i) >= '0' && FCH(i) <= '9')
                    prec = prec * 10 + (int)(FCH(i++) - '0');
        }
        switch (FCH(i)) {
        case 'h': i++; size = SZ_H; if (FCH(i) == 'h') { i++; size = SZ_HH; } break;
        case 'l': i++; size = SZ_L; if (FCH(i) == 'l') { i++; size = SZ_64; } break;
        case 'L': i++; size = SZ_LD; break;
        case 'j': case 'z': case 't': i++; size = SZ_64; break;
        case 'w': i++; size = SZ_W; break;
        case 'I':
            i++;
            if (FCH(i) == '6' && FCH(i + 1) == '4') { i += 2; size = SZ_64; }
            else if (FCH(i) == '3' && FCH(i + 1) == '2') { i += 2; size = SZ_32; }
            else size = SZ_64;
            break;
        }
        unsigned conv = FCH(i);
        if (!conv)
            break;
        i++;
        int r = 0;
        /* Which width a string or character conversion takes: %s/%c follow the format's own
         * width (narrow in printf, wide in wprintf unless ISO mode), %S/%C the other one,
         * h forces narrow, l and w force wide. */
        int natural_wide = fmt_wide && !opt->iso_wide;
        switch (conv) {
        case 'd': case 'i': {
            long long val;
            if (size == SZ_64) val = arg_i(a, pos, A_I64);
            else if (size == SZ_H) val = (short)arg_i(a, pos, A_INT);
            else if (size == SZ_HH) val = (signed char)arg_i(a, pos, A_INT);
            else val = arg_i(a, pos, A_INT);
            r = fmt_integer(o, val < 0 ? 0ull - (unsigned long long)val : (unsigned long long)val, val < 0,
                            (int)conv, flags, width, prec);
            break;
        }
        case 'u': case 'o': case 'x': case 'X': {
            unsigned long long val;
            if (size == SZ_64) val = (unsigned long long)arg_i(a, pos, A_I64);
            else if (size == SZ_H) val = (unsigned short)arg_i(a, pos, A_INT);
            else if (size == SZ_HH) val = (unsigned char)arg_i(a, pos, A_INT);
            else val = (unsigned int)arg_i(a, pos, A_INT);
            r = fmt_integer(o, val, 0, (int)conv, flags, width, prec);
            break;
        }
        case 'p':
            r = fmt_integer(o, (unsigned long long)(uintptr_t)arg_p(a, pos), 0, 'p', flags & F_LEFT,
                            width, 16);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            r = fmt_float(o, arg_d(a, pos), (int)conv, flags, width, prec, opt);
            break;
        case 'c': case 'C': {
            int wide = size == SZ_H ? 0 : (size == SZ_L || size == SZ_W) ? 1 : (conv == 'C') != natural_wide;
            int ch = (int)arg_i(a, pos, A_INT);
            if (wide) {
                crt_wchar w = (crt_wchar)ch;
                r = fmt_string(o, &w, 1, 1, flags, width, -1);
            } else {
                char c = (char)ch;
                r = fmt_string(o, &c, 0, 1, flags, width, -1);
            }
            break;
        }
        case 's': case 'S': {
            int wide = size == SZ_H ? 0 : (size == SZ_L || size == SZ_W) ? 1 : (conv == 'S') != natural_wide;
            r = fmt_string(o, arg_p(a, pos), wide, -1, flags, width, prec);
            break;
        }
        case 'Z': {                             /* ANSI_STRING, or UNICODE_STRING with l/w */
            const struct { unsigned short Length, MaximumLength; const void *Buffer; } *str
                = arg_p(a, pos);
            int wide = size == SZ_L || size == SZ_W;
            if (str == NULL || str->Buffer == NULL)
                r = fmt_string(o, null_text, 0, 6, flags, width, prec);
            else
                r = fmt_string(o, str->Buffer, wide, wide ? str->Length / 2 : str->Length, flags, width, prec);
            break;
        }
        case 'n': {
            void *p = arg_p(a, pos);
            if (!opt->allow_n) {
                if (invalid)
                    *invalid = 1;
                return -1;
            }
            if (a->mode == 1)
                break;                          /* the positional first pass stores nothing */
            if (size == SZ_64) *(long long *)p = o->count;
            else if (size == SZ_H) *(short *)p = (short)o->count;
            else if (size == SZ_HH) *(char *)p = (char)o->count;
            else *(int *)p = (int)o->count;
            break;
        }
        case '%':
            r = out_a(o, "%", 1);
            break;
        default:
            if (!opt->unknown_literal) {
            refuse:
                if (invalid)
                    *invalid = 1;
                return -1;
            }
            {
                crt_wchar w = (crt_wchar)conv;
                char c = (char)conv;
                r = fmt_wide ? out_w(o, &w, 1) : out_a(o, &c, 1);
            }
        }
        if (r)
            return -1;
    }
    return o->count > 0x7FFFFFFF ? -1 : (int)o->count;
#undef FCH
}
