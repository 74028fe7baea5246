/* Binary to decimal digit strings for the printf engine (fltcvt.c). */
#pragma once
#include "crtbase.h"

#define CRT_ROUND_EVEN 0    /* IEEE round-half-even on the exact expansion (UCRT) */
#define CRT_ROUND_AWAY 1    /* up when the first dropped digit is '5' or more (msvcrt) */
#define CRT_DIGITS_MAX 800  /* 767 significant digits at most for a double */

/* The exact decimal digits of |x|, most significant first, no trailing zeros (at least one
 * digit); the value is 0.d1d2... * 10^*decpt. */
int crt_exact_digits(double x, char *out, int *decpt);
/* The same for mant * 2^e2 (a long double's 64-bit mantissa), the first `max` digits only, over
 * CRT_LIMBS(e2) limbs of the caller's. */
#define CRT_LIMBS(e2) ((e2) < 0 ? 8 + -(e2) * 7 / 90 : 8 + (e2) / 29)
int crt_exact_digits_m(uint64_t mant, int e2, char *out, int max, int *decpt, uint32_t *limbs);

/* Round d[0..n) (value 0.d * 10^*decpt) to its first `keep` digits; returns the digit count
 * left (digits past it read as zeros; 0 means the value rounded to zero). */
int crt_round_digits(char *d, int n, int *decpt, int keep, int mode);
