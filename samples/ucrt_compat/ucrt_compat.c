/* crt_compat against the UCRT (built by zig). */
#define USE_UCRT
#include "../crt_compat/crt_compat.c"
