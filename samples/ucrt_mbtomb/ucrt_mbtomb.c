/* crt_mbtomb against the UCRT (built by zig): the same conversions. */
#include "../crt_mbtomb/crt_mbtomb.c"
