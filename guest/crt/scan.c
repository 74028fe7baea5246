/* The scanf engine: whitespace and literal matching, %d %i %u %o %x %X %p %n %c %s %[set] and the
 * floating conversions (through crt_strtod), '*' suppression, widths, Microsoft's size prefixes,
 * the secure forms' buffer sizes; narrow or wide formats over any character source. */
#include "scan.h"
#include "strtod.h"

enum { SZ_NONE, SZ_HH, SZ_H, SZ_L, SZ_64, SZ_LD, SZ_W };

static int is_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int next(crt_in *in)
{
    int c = in->get(in);
    if (c >= 0)
        in->count++;
    return c;
}

static void back(crt_in *in, int c)
{
    if (c >= 0) {
        in->unget(in, c);
        in->count--;
    }
}

static int hexdigit(int c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* The characters of a number, up to `width`, into buf; returns how many were taken. */
static int take_integer(crt_in *in, char *buf, int width, int base)
{
    int n = 0, c = next(in);
    if ((c == '+' || c == '-') && n < width) {
        buf[n++] = (char)c;
        c = next(in);
    }
    if (c == '0' && n < width && (base == 16 || base == 0)) {
        buf[n++] = (char)c;
        c = next(in);
        if ((c | 0x20) == 'x' && n < width) {
            buf[n++] = (char)c;
            c = next(in);
            base = 16;
        } else if (base == 0)
            base = 8;
    }
    if (base == 0)
        base = 10;
    while (n < width && n < 80 && c >= 0) {
        int ok = base == 16 ? hexdigit(c) : base == 8 ? (c >= '0' && c <= '7') : (c >= '0' && c <= '9');
        if (!ok)
            break;
        buf[n++] = (char)c;
        c = next(in);
    }
    back(in, c);
    buf[n] = 0;
    return n;
}

static unsigned long long convert_integer(const char *s, int base, int *ok)
{
    int neg = 0;
    if (*s == '+' || *s == '-')
        neg = *s++ == '-';
    if (base == 0) {
        if (s[0] == '0' && (s[1] | 0x20) == 'x') { base = 16; s += 2; }
        else if (s[0] == '0') base = 8;
        else base = 10;
    } else if (base == 16 && s[0] == '0' && (s[1] | 0x20) == 'x')
        s += 2;
    unsigned long long v = 0;
    int any = 0;
    for (; *s; s++) {
        int d = *s <= '9' ? *s - '0' : (*s | 0x20) - 'a' + 10;
        v = v * base + d;
        any = 1;
    }
    *ok = any || (s[-1] == '0');
    return neg ? 0 - v : v;
}

/* A floating-point number's longest prefix, as strtod reads it. */
static int take_float(crt_in *in, char *buf, int width, int ucrt)
{
    int n = 0, c = next(in);
    if (width > 1000)
        width = 1000;
    if ((c == '+' || c == '-') && n < width) {
        buf[n++] = (char)c;
        c = next(in);
    }
    if (ucrt && ((c | 0x20) == 'i' || (c | 0x20) == 'n')) {
        const char *word = (c | 0x20) == 'i' ? "infinity" : "nan";
        for (int k = 0; word[k] && n < width && (c | 0x20) == word[k]; k++) {
            buf[n++] = (char)c;
            c = next(in);
        }
        back(in, c);
        buf[n] = 0;
        return n;
    }
    int digits = 0, hex = 0;
    if (c == '0' && n < width) {
        buf[n++] = (char)c;
        digits = 1;
        c = next(in);
        if (ucrt && (c | 0x20) == 'x' && n < width) {
            buf[n++] = (char)c;
            c = next(in);
            hex = 1;
        }
    }
    while (n < width && (hex ? hexdigit(c) : (c >= '0' && c <= '9'))) {
        buf[n++] = (char)c;
        digits = 1;
        c = next(in);
    }
    if (c == '.' && n < width) {
        buf[n++] = (char)c;
        c = next(in);
        while (n < width && (hex ? hexdigit(c) : (c >= '0' && c <= '9'))) {
            buf[n++] = (char)c;
            digits = 1;
            c = next(in);
        }
    }
    if (digits && n < width && ((c | 0x20) == (hex ? 'p' : 'e'))) {
        buf[n++] = (char)c;
        c = next(in);
        if ((c == '+' || c == '-') && n < width) {
            buf[n++] = (char)c;
            c = next(in);
        }
        while (n < width && c >= '0' && c <= '9') {
            buf[n++] = (char)c;
            c = next(in);
        }
    }
    back(in, c);
    buf[n] = 0;
    return digits ? n : 0;
}

static void store_integer(void *p, int size, unsigned long long v)
{
    switch (size) {
    case SZ_HH: *(char *)p = (char)v; break;
    case SZ_H: *(short *)p = (short)v; break;
    case SZ_64: *(long long *)p = (long long)v; break;
    default: *(int *)p = (int)v; break;
    }
}

/* The secure forms' buffer is too small for the field (with its terminator for %s and %[):
 * the conversion stops there with buf[0] = 0, and so does the scan. */
static int too_small(void *dest, int wide, unsigned cap, int assigned)
{
    if (cap > 0) {
        if (wide) *(crt_wchar *)dest = 0;
        else *(char *)dest = 0;
    }
    return assigned;
}

int crt_vscan(crt_in *in, const void *fmt, int fmt_wide, int secure, int ucrt, va_list ap)
{
#define FCH(i) (fmt_wide ? (unsigned)((const crt_wchar *)fmt)[i] : (unsigned)((const unsigned char *)fmt)[i])
    size_t i = 0;
    int assigned = 0, converted = 0;
    in->count = 0;
    for (;;) {
        unsigned f = FCH(i);
        if (!f)
            break;
        if (is_space((int)f)) {
            int c;
            while (is_space(c = next(in)))
                ;
            back(in, c);
            while (is_space((int)FCH(i)))
                i++;
            continue;
        }
        if (f != '%' || FCH(i + 1) == '%') {
            if (f == '%') {
                i++;
                int c;
                while (is_space(c = next(in)))
                    ;
                back(in, c);
            }
            int c = next(in);
            if (c < 0)
                return converted ? assigned : -1;
            if ((unsigned)c != FCH(i)) {
                back(in, c);
                return assigned;
            }
            i++;
            continue;
        }
        i++;
        int suppress = 0, width = 0, size = SZ_NONE;
        if (FCH(i) == '*') {
            suppress = 1;
            i++;
        }
        while (FCH(i) >= '0' && FCH(i) <= '9')
            width = width * 10 + (int)(FCH(i++) - '0');
        switch (FCH(i)) {
        case 'h': i++; size = SZ_H; if (FCH(i) == 'h') { i++; size = SZ_HH; } break;
        case 'l': i++; size = SZ_L; if (FCH(i) == 'l') { i++; size = SZ_64; } break;
        case 'L': i++; size = SZ_LD; break;
        case 'j': case 'z': case 't': i++; size = SZ_64; break;
        case 'w': i++; size = SZ_W; break;
        case 'I':
            i++;
            if (FCH(i) == '6' && FCH(i + 1) == '4') { i += 2; size = SZ_64; }
            else if (FCH(i) == '3' && FCH(i + 1) == '2') { i += 2; size = SZ_NONE; }
            else size = SZ_64;
            break;
        }
        unsigned conv = FCH(i);
        if (!conv)
            break;
        i++;
        if (conv != 'c' && conv != 'C' && conv != '[' && conv != 'n') {
            int c;
            while (is_space(c = next(in)))
                ;
            if (c < 0)
                return converted ? assigned : -1;
            back(in, c);
        }
        char buf[1024];
        switch (conv) {
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p': {
            int base = conv == 'd' || conv == 'u' ? 10 : conv == 'i' ? 0 : conv == 'o' ? 8 : 16;
            if (conv == 'p')
                size = SZ_64;
            int n = take_integer(in, buf, width ? width : 1000, base);
            int ok;
            unsigned long long v = n ? convert_integer(buf, base, &ok) : (ok = 0);
            if (!n || !ok)
                return assigned;
            converted = 1;
            if (!suppress) {
                store_integer(va_arg(ap, void *), size, v);
                assigned++;
            }
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A': {
            int n = take_float(in, buf, width ? width : 1000, ucrt);
            if (!n)
                return assigned;
            int range;
            double d = crt_strtod(buf, NULL, &range, ucrt);
            converted = 1;
            if (!suppress) {
                void *p = va_arg(ap, void *);
                if (size == SZ_L || size == SZ_LD)
                    *(double *)p = d;
                else if (ucrt)              /* the UCRT rounds the text once, to float */
                    *(float *)p = crt_strtof(buf, NULL, &range, ucrt);
                else
                    *(float *)p = (float)d;
                assigned++;
            }
            break;
        }
        case 'c': case 'C': case 's': case 'S': case '[': {
            int wide = size == SZ_H ? 0 : (size == SZ_L || size == SZ_W) ? 1
                     : ((conv == 'C' || conv == 'S') != fmt_wide);
            unsigned char set[256 / 8] = { 0 };
            int invert = 0;
            if (conv == '[') {
                if (FCH(i) == '^') { invert = 1; i++; }
                if (FCH(i) == ']') { set[']' / 8] |= 1 << (']' % 8); i++; }
                while (FCH(i) && FCH(i) != ']') {
                    unsigned a = FCH(i);
                    if (FCH(i + 1) == '-' && FCH(i + 2) && FCH(i + 2) != ']') {
                        unsigned b = FCH(i + 2);
                        if (a > b) { unsigned t = a; a = b; b = t; }
                        for (unsigned k = a; k <= b && k < 256; k++) set[k / 8] |= 1 << (k % 8);
                        i += 3;
                    } else {
                        if (a < 256) set[a / 8] |= 1 << (a % 8);
                        i++;
                    }
                }
                if (FCH(i) == ']')
                    i++;
            }
            int limit = width ? width : (conv == 'c' || conv == 'C') ? 1 : 0x7FFFFFFF;
            void *dest = suppress ? NULL : va_arg(ap, void *);
            unsigned cap = (secure && !suppress) ? va_arg(ap, unsigned) : 0xFFFFFFFFu;
            int n = 0, c = 0;
            for (; n < limit; n++) {
                c = next(in);
                if (c < 0)
                    break;
                int member = conv == '[' ? (c < 256 && (set[c / 8] >> (c % 8) & 1)) != invert
                           : (conv == 's' || conv == 'S') ? !is_space(c) : 1;
                if (!member) {
                    back(in, c);
                    break;
                }
                if (dest) {
                    if ((unsigned)n >= cap)
                        return too_small(dest, wide, cap, assigned);
                    if (wide) ((crt_wchar *)dest)[n] = (crt_wchar)c;
                    else ((char *)dest)[n] = (char)c;
                }
            }
            if (n == 0 || ((conv == 'c' || conv == 'C') && n < limit))
                return n == 0 && c < 0 && !converted ? -1 : assigned;
            converted = 1;
            if (dest) {
                if (conv != 'c' && conv != 'C') {
                    if ((unsigned)n >= cap)
                        return too_small(dest, wide, cap, assigned);
                    if (wide) ((crt_wchar *)dest)[n] = 0;
                    else ((char *)dest)[n] = 0;
                }
                assigned++;
            }
            break;
        }
        case 'n':
            if (!suppress)
                store_integer(va_arg(ap, void *), size, (unsigned long long)in->count);
            break;
        default:
            return assigned;
        }
    }
    return assigned;
#undef FCH
}
