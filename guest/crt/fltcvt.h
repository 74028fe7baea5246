/* Binary to decimal digit strings for the printf engine (fltcvt.c). */
#pragma once
#include "crtbase.h"

#define CRT_ROUND_EVEN 0    /* IEEE round-half-even on the exact expansion (UCRT) */
#define CRT_ROUND_AWAY 1    /* up when the first dropped digit is '5' or more (msvcrt) */
#define CRT_DIGITS_MAX 800  /* 767 significant digits at most for a double */

/* The exact decimal digits of |x|, most significant first, no trailing zeros (at least one
 * digit); the value is 0.d1d2... * 10^*decpt. */
int crt_exact_digits(double x, char *out, int *decpt);

/* Round d[0..n) (value 0.d * 10^*decpt) to its first `keep` digits; returns the digit count
 * left (digits past it read as zeros; 0 means the value rounded to zero). */
int crt_round_digits(char *d, int n, int *decpt, int keep, int mode);
