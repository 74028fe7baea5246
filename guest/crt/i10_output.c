/* $I10_OUTPUT (msvcrt.dll): an 80-bit long double (_LDOUBLE, ten bytes, passed by reference on
 * x64 as every aggregate of that size is) to the decimal digits _ecvt/_fcvt and printf's old
 * conversions start from. ndigits counts significant digits, or with flag bit 0 digits after the
 * decimal point; at most 21 are made, rounded half up on the next one, trailing zeros dropped.
 * The result: pos (the decimal exponent: value = 0.str * 10^pos), sign ('-' or ' '), len and str;
 * 1, or 0 for an infinity or NaN ("1#INF", "1#QNAN", "1#SNAN", "1#IND"). */
#include "crtbase.h"
#include "fltcvt.h"

#ifdef CRT_MSVCRT
void *malloc(size_t);
void free(void *);

typedef struct { unsigned char ld[10]; } crt_ldouble;
typedef struct {
    short pos;
    char sign;
    unsigned char len;
    char str[100];
} crt_i10_output_data;

#define I10_MAX_DIGITS 21

static int special(crt_i10_output_data *out, const char *text, int ret)
{
    int n = 0;
    while (text[n]) {
        out->str[n] = text[n];
        n++;
    }
    out->str[n] = 0;
    out->len = (unsigned char)n;
    out->pos = ret ? 0 : 1;
    return ret;
}

int crt_I10_OUTPUT(crt_ldouble ld, int ndigits, unsigned flags, crt_i10_output_data *out)
{
    uint64_t mant;
    __builtin_memcpy(&mant, ld.ld, 8);
    unsigned se = ld.ld[8] | ld.ld[9] << 8, bexp = se & 0x7FFF;
    out->sign = (se & 0x8000) ? '-' : ' ';

    /* infinities and NaNs: the explicit integer bit, then the quiet bit */
    if (bexp == 0x7FFF) {
        if ((mant << 1) == 0)
            return special(out, "1#INF", 0);
        if ((se & 0x8000) && mant == 0xC000000000000000ull)
            return special(out, "1#IND", 0);
        return special(out, (mant >> 62 & 1) ? "1#QNAN" : "1#SNAN", 0);
    }
    if (mant == 0)
        return special(out, "0", 1);

    /* the exact digits, one more than kept for the rounding */
    int e2 = (bexp ? (int)bexp : 1) - 16383 - 63, pos;
    uint32_t *limbs = malloc(CRT_LIMBS(e2) * sizeof *limbs);
    if (limbs == NULL)
        return special(out, "0", 1);
    char d[I10_MAX_DIGITS + 2];
    int n = crt_exact_digits_m(mant, e2, d, I10_MAX_DIGITS + 1, &pos, limbs);
    free(limbs);
    int prec = ndigits + ((flags & 1) ? pos : 0);
    if (prec > I10_MAX_DIGITS)
        prec = I10_MAX_DIGITS;
    if (prec <= 0)
        return special(out, "0", 1);
    for (int i = n; i <= prec; i++)
        d[i] = '0';

    /* round half up on digit prec, a carry out of the first digit moving pos */
    if (d[prec] >= '5') {
        int i = prec - 1;
        while (i >= 0 && d[i] == '9')
            d[i--] = '0';
        if (i >= 0) {
            d[i]++;
        } else {
            d[0] = '1';
            pos++;
        }
    }
    __builtin_memcpy(out->str, d, (size_t)prec + 1);
    int len = prec;
    while (len > 1 && out->str[len - 1] == '0')
        len--;
    out->str[len] = 0;
    out->len = (unsigned char)len;
    out->pos = (short)pos;
    return 1;
}
#endif
