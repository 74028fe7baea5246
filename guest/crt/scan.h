/* The scanf engine (scan.c) over a character source. */
#pragma once
#include "crtbase.h"

typedef struct crt_in {
    int (*get)(struct crt_in *in);          /* the next character, or -1 at the end */
    void (*unget)(struct crt_in *in, int c);
    void *ctx;
    long long count;                        /* characters consumed, for %n */
} crt_in;

/* Returns the number of fields assigned, or -1 if the input ended before the first conversion.
 * secure: %c %s %[ take a buffer size after the pointer (scanf_s); ucrt: inf/nan/hex floats. */
int crt_vscan(crt_in *in, const void *fmt, int fmt_wide, int secure, int ucrt, va_list ap);
