/* crt_bessel against the UCRT (built by zig): the same source and the same table. */
#include "../crt_bessel/crt_bessel.c"
