/* Decimal (and the UCRT's hexadecimal, inf, nan) text to double or float, correctly rounded (half to
 * even) from every digit given: exact big-integer arithmetic, D * 10^E compared bit by bit;
 * overflow gives HUGE_VAL and a nonzero number rounding to 0 gives 0, both with ERANGE. */
#include "crtbase.h"
#include "strtod.h"

/* A big natural number in base 2^32, least significant limb first. */
typedef struct { uint32_t w[140]; int n; } big;

static void big_set(big *b, uint64_t v)
{
    b->n = 0;
    while (v) {
        b->w[b->n++] = (uint32_t)v;
        v >>= 32;
    }
}

static int big_mul_add(big *b, uint32_t m, uint32_t add)
{
    uint64_t carry = add;
    for (int i = 0; i < b->n; i++) {
        uint64_t v = (uint64_t)b->w[i] * m + carry;
        b->w[i] = (uint32_t)v;
        carry = v >> 32;
    }
    if (carry) {
        if (b->n == 140)
            return -1;
        b->w[b->n++] = (uint32_t)carry;
    }
    return 0;
}

static int big_bits(const big *b)
{
    if (b->n == 0)
        return 0;
    return (b->n - 1) * 32 + (32 - __builtin_clz(b->w[b->n - 1]));
}

static int big_bit(const big *b, int i)
{
    return i / 32 < b->n ? (b->w[i / 32] >> (i % 32)) & 1 : 0;
}

static int big_shl(big *b, int s)
{
    int limbs = s / 32, bits = s % 32;
    if (b->n == 0)
        return 0;
    if (b->n + limbs + 1 > 140)
        return -1;
    b->w[b->n + limbs] = 0;
    for (int i = b->n - 1; i >= 0; i--) {
        uint64_t v = (uint64_t)b->w[i] << bits;
        b->w[i + limbs + 1] |= (uint32_t)(v >> 32);
        b->w[i + limbs] = (uint32_t)v;
    }
    for (int i = 0; i < limbs; i++)
        b->w[i] = 0;
    b->n += limbs + 1;
    while (b->n && b->w[b->n - 1] == 0)
        b->n--;
    return 0;
}

static int big_cmp(const big *a, const big *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->w[i] != b->w[i])
            return a->w[i] < b->w[i] ? -1 : 1;
    return 0;
}

static void big_sub(big *a, const big *b)       /* a -= b, a >= b */
{
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t v = (int64_t)a->w[i] - (i < b->n ? b->w[i] : 0) - borrow;
        borrow = v < 0;
        a->w[i] = (uint32_t)(v + (borrow << 32));
    }
    while (a->n && a->w[a->n - 1] == 0)
        a->n--;
}

/* The binary formats a text can round to: double (strtod) and float (strtof). */
typedef struct { int mant, emin, bias, maxbiased, sign; } binfmt;
static const binfmt DOUBLE = { 53, -1022, 1023, 2047, 63 }, FLOAT = { 24, -126, 127, 255, 31 };
#define SIGN(f, neg) ((uint64_t)(neg) << (f)->sign)
#define INF(f, neg) (SIGN(f, neg) | ((uint64_t)(f)->maxbiased << ((f)->mant - 1)))
#define QNAN(f, neg) (INF(f, neg) | (1ull << ((f)->mant - 2)))

/* q * 2^e2 (with `sticky` for nonzero bits below q) rounded half to even into format f's bits. */
static uint64_t make_binary(uint64_t q, int e2, int sticky, int neg, int *range, const binfmt *f)
{
    if (q == 0)
        return SIGN(f, neg);
    int bl = 64 - __builtin_clzll(q);
    int exp = bl - 1 + e2;                      /* the value is in [2^exp, 2^(exp+1)) */
    int keep = exp >= f->emin ? f->mant : f->mant - (f->emin - exp);
    int drop = bl - keep;
    if (keep <= 0 && drop > 64) {
        *range = 1;                             /* below half the least subnormal */
        return SIGN(f, neg);
    }
    if (drop > 0) {
        uint64_t rem = drop >= 64 ? q : q & ((1ull << drop) - 1);
        uint64_t half = 1ull << (drop - 1);
        q = drop >= 64 ? 0 : q >> drop;
        if (rem > half || (rem == half && (sticky || (q & 1))))
            q++;
        e2 += drop;
    } else if (drop < 0) {
        q <<= -drop;
        e2 += drop;
    }
    if (q >> f->mant) {                         /* the rounding carried into a new bit */
        q >>= 1;
        e2++;
    }
    if (q == 0) {
        *range = 1;
        return SIGN(f, neg);
    }
    if (q >> (f->mant - 1)) {
        int biased = e2 + f->mant - 1 + f->bias;
        if (biased >= f->maxbiased) {
            *range = 1;
            return INF(f, neg);
        }
        return SIGN(f, neg) | ((uint64_t)biased << (f->mant - 1)) | (q & ((1ull << (f->mant - 1)) - 1));
    }
    return SIGN(f, neg) | q;                    /* subnormal: e2 is emin - (mant - 1) here */
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int match(const char *s, const char *word)
{
    int i = 0;
    for (; word[i]; i++)
        if (lower((unsigned char)s[i]) != word[i])
            return 0;
    return i;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = lower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

#define MAX_DIGITS 800

static uint64_t parse(const char *s, char **end, int *range, int ucrt_syntax, const binfmt *f)
{
    const char *p = s;
    *range = 0;
    if (end)
        *end = (char *)s;
    while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        p++;
    int neg = 0;
    if (*p == '-' || *p == '+')
        neg = *p++ == '-';
    if (ucrt_syntax) {
        int n;
        if ((n = match(p, "infinity")) || (n = match(p, "inf"))) {
            if (end) *end = (char *)p + n;
            return INF(f, neg);
        }
        if ((n = match(p, "nan"))) {
            p += n;
            if (*p == '(') {
                const char *q = p + 1;
                while ((*q >= '0' && *q <= '9') || (lower(*q) >= 'a' && lower(*q) <= 'z') || *q == '_')
                    q++;
                if (*q == ')')
                    p = q + 1;
            }
            if (end) *end = (char *)p;
            return QNAN(f, neg);
        }
        if (p[0] == '0' && lower(p[1]) == 'x' && (hexval(p[2]) >= 0 || (p[2] == '.' && hexval(p[3]) >= 0))) {
            /* hexadecimal: 0xh.hhhp+d */
            p += 2;
            uint64_t q = 0;
            int e2 = 0, sticky = 0, any = 0, point = 0;
            for (;; p++) {
                int v;
                if (*p == '.' && !point) { point = 1; continue; }
                if ((v = hexval(*p)) < 0) break;
                any = 1;
                if (q >> 60) { sticky |= v != 0; if (!point) e2 += 4; }
                else { q = q * 16 + v; if (point) e2 -= 4; }
            }
            if (!any)
                return 0;
            if (lower(*p) == 'p') {
                const char *e = p + 1;
                int eneg = 0;
                if (*e == '-' || *e == '+') eneg = *e++ == '-';
                if (*e >= '0' && *e <= '9') {
                    long x = 0;
                    while (*e >= '0' && *e <= '9') { if (x < 100000) x = x * 10 + (*e - '0'); e++; }
                    e2 += eneg ? -(int)x : (int)x;
                    p = e;
                }
            }
            if (end) *end = (char *)p;
            return make_binary(q, e2, sticky, neg, range, f);
        }
    }
    /* decimal: the significant digits, where the point is, the exponent */
    char digits[MAX_DIGITS + 1];
    int nd = 0, any = 0, point = 0, sticky = 0;
    long dexp = 0;
    for (;; p++) {
        if (*p == '.' && !point) { point = 1; continue; }
        if (*p < '0' || *p > '9') break;
        any = 1;
        if (nd == 0 && *p == '0') { if (point) dexp--; continue; }
        if (nd < MAX_DIGITS) { digits[nd++] = *p; if (point) dexp--; }
        else { sticky |= *p != '0'; if (!point) dexp++; }
    }
    if (!any)
        return 0;
    if (lower(*p) == 'e') {
        const char *e = p + 1;
        int eneg = 0;
        if (*e == '-' || *e == '+') eneg = *e++ == '-';
        if (*e >= '0' && *e <= '9') {
            long x = 0;
            while (*e >= '0' && *e <= '9') { if (x < 100000) x = x * 10 + (*e - '0'); e++; }
            dexp += eneg ? -x : x;
            p = e;
        }
    }
    if (end)
        *end = (char *)p;
    if (nd == 0) {
        return SIGN(f, neg);
    }
    if (sticky) {                               /* digits past the kept ones: one more '1' is enough */
        digits[nd++] = '1';
        dexp--;
    }
    if (dexp + nd > 310) {
        *range = 1;
        return INF(f, neg);
    }
    if (dexp + nd < -326) {
        *range = 1;
        return SIGN(f, neg);
    }
    big num, den;
    big_set(&num, 0);
    num.n = 0;
    for (int i = 0; i < nd; i++) {
        if (num.n == 0) big_set(&num, (uint64_t)(digits[i] - '0'));
        else big_mul_add(&num, 10, (uint32_t)(digits[i] - '0'));
    }
    if (dexp >= 0) {
        for (long i = 0; i < dexp; i++)
            big_mul_add(&num, 10, 0);
        int bl = big_bits(&num);
        uint64_t q = 0;
        int top = bl > 64 ? bl - 64 : 0;
        for (int i = bl - 1; i >= top; i--)
            q = q << 1 | (uint64_t)big_bit(&num, i);
        int st = 0;
        for (int i = 0; i < top && !st; i++)
            st = big_bit(&num, i);
        return make_binary(q, top, st, neg, range, f);
    }
    /* num / 10^k: shift num left so the quotient has 64 bits, divide bit by bit */
    big_set(&den, 1);
    for (long i = 0; i < -dexp; i++)
        big_mul_add(&den, 10, 0);
    int shift = big_bits(&den) - big_bits(&num) + 63;
    if (shift >= 0)
        big_shl(&num, shift);
    else
        big_shl(&den, -shift);                      /* a big quotient: scale the divisor instead */
    uint64_t q = 0;
    big sh;
    for (int i = 63; i >= 0; i--) {
        sh = den;
        big_shl(&sh, i);
        if (big_cmp(&num, &sh) >= 0) {
            big_sub(&num, &sh);
            q |= 1ull << i;
        }
    }
    return make_binary(q, -shift, num.n != 0, neg, range, f);
}

double crt_strtod(const char *s, char **end, int *range, int ucrt_syntax)
{
    union { uint64_t u; double d; } r = { parse(s, end, range, ucrt_syntax, &DOUBLE) };
    return r.d;
}

float crt_strtof(const char *s, char **end, int *range, int ucrt_syntax)
{
    union { uint32_t u; float f; } r = { (uint32_t)parse(s, end, range, ucrt_syntax, &FLOAT) };
    return r.f;
}
