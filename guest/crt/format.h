/* The printf engine (format.c): one formatter for the narrow and wide families of both
 * flavours, writing through a destination that is either char or wchar_t. */
#pragma once
#include "crtbase.h"

typedef struct crt_out {
    int wide;                                   /* destination elements: 0 char, 1 wchar_t */
    int (*write)(struct crt_out *o, const void *s, size_t n);   /* 0, or -1 on failure */
    void *ctx;                                  /* the destination's own state */
    long long count;                            /* elements written so far */
} crt_out;

typedef struct crt_fmtopts {
    int msvcrt_floats;      /* msvcrt.dll: 17 digits then zeros, ties away, 1.#INF/1.#QNAN/1.#IND */
    int exp_digits;         /* least number of exponent digits: 2 or 3 */
    int iso_wide;           /* in a wide format %s/%c take narrow strings (UCRT ISO mode) */
    int allow_n;            /* %n stores the count (msvcrt); the UCRT refuses it */
    int unknown_literal;    /* an unknown conversion prints its letter (msvcrt) */
    int positional;         /* the _p forms: arguments by number (%1$d), all or none */
} crt_fmtopts;

/* The flavour's defaults (exponent digits follow _set_output_format in msvcrt). */
void crt_fmtopts_default(crt_fmtopts *opt);
extern int crt_two_digit_exponent;      /* _set_output_format(_TWO_DIGIT_EXPONENT) */
extern int crt_printf_count_output;     /* _set_printf_count_output(1): the UCRT accepts %n */

/* Format `fmt` (narrow, or wide if fmt_wide) with `ap` into `o`; returns the number of elements
 * written or -1 (output error, unconvertible character, or a conversion the flavour refuses,
 * in which case *invalid is set when invalid is not NULL). */
int crt_vformat(crt_out *o, const void *fmt, int fmt_wide, const crt_fmtopts *opt, va_list ap, int *invalid);
