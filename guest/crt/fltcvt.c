/* Binary to decimal for printf: the exact decimal expansion of a double, and rounding a digit
 * string at a given place (IEEE round-half-even for the UCRT, half away from zero on a 17-digit
 * string for msvcrt.dll, whose old conversion kept 17 significant digits and padded zeros). */
#include "fltcvt.h"

/* A big natural number in base 1e9, least significant limb first, in the caller's limbs. */
typedef struct { uint32_t *limb; int n; } big10;

static void big_mul_small(big10 *b, uint32_t m)
{
    uint64_t carry = 0;
    for (int i = 0; i < b->n; i++) {
        uint64_t v = (uint64_t)b->limb[i] * m + carry;
        b->limb[i] = (uint32_t)(v % 1000000000u);
        carry = v / 1000000000u;
    }
    while (carry) {
        b->limb[b->n++] = (uint32_t)(carry % 1000000000u);
        carry /= 1000000000u;
    }
}

/* Digits of b, most significant first, without leading zeros: the first `max` written to out;
 * returns how many there are. */
static int big_digits(const big10 *b, char *out, int max)
{
    int len = 0;
    for (int i = b->n - 1; i >= 0; i--) {
        char tmp[9];
        uint32_t v = b->limb[i];
        for (int k = 8; k >= 0; k--) { tmp[k] = (char)('0' + v % 10); v /= 10; }
        int start = 0;
        if (len == 0)
            while (start < 8 && tmp[start] == '0')
                start++;
        for (int k = start; k < 9; k++, len++)
            if (len < max)
                out[len] = tmp[k];
    }
    if (len == 0)
        out[len++] = '0';
    return len;
}

int crt_exact_digits(double x, char *out, int *decpt)
{
    union { double d; uint64_t u; } v = { x };
    uint64_t mant = v.u & 0xFFFFFFFFFFFFFull;
    int bexp = (int)((v.u >> 52) & 0x7FF);
    if (bexp != 0)
        mant |= 1ull << 52;
    uint32_t limbs[90];         /* the smallest denormal's m * 5^1074: 84 */
    return crt_exact_digits_m(mant, bexp ? bexp - 1075 : -1074, out, CRT_DIGITS_MAX, decpt, limbs);
}

int crt_exact_digits_m(uint64_t mant, int e2, char *out, int max, int *decpt, uint32_t *limbs)
{
    if (mant == 0) {
        out[0] = '0';
        *decpt = 1;
        return 1;
    }
    while ((mant & 1) == 0) {   /* fewer limbs to multiply */
        mant >>= 1;
        e2++;
    }
    big10 b = { limbs, 0 };
    while (mant) {
        b.limb[b.n++] = (uint32_t)(mant % 1000000000u);
        mant /= 1000000000u;
    }
    int scale = 0;              /* value = b * 10^-scale */
    if (e2 > 0) {
        for (int k = e2; k > 0; k -= 29)
            big_mul_small(&b, 1u << (k > 29 ? 29 : k));
    } else if (e2 < 0) {
        for (int k = -e2; k > 0; k -= 13) {
            uint32_t p = 1;
            for (int j = 0; j < (k > 13 ? 13 : k); j++)
                p *= 5;
            big_mul_small(&b, p);
        }
        scale = -e2;
    }
    int n = big_digits(&b, out, max);
    *decpt = n - scale;             /* value = 0.d1d2...dn * 10^decpt */
    if (n > max)
        n = max;
    while (n > 1 && out[n - 1] == '0')
        n--;
    return n;
}

int crt_round_digits(char *d, int n, int *decpt, int keep, int mode)
{
    if (keep >= n)
        return n;
    if (keep < 0)
        return 0;
    int up;
    if (mode == CRT_ROUND_AWAY)
        up = d[keep] >= '5';
    else if (d[keep] != '5')
        up = d[keep] > '5';
    else {
        up = keep > 0 && ((d[keep - 1] - '0') & 1);
        for (int i = keep + 1; i < n; i++)
            if (d[i] != '0')
                up = 1;
    }
    n = keep;
    if (!up)
        return n;
    int i = keep - 1;
    while (i >= 0 && d[i] == '9')
        d[i--] = '0';
    if (i >= 0) {
        d[i]++;
        return n;
    }
    d[0] = '1';             /* 9...9 carried out: one digit more on the left */
    (*decpt)++;
    return 1;
}
