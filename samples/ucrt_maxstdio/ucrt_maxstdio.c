/* crt_maxstdio against the UCRT (built by zig): its ceiling is 8192. */
#include "../crt_maxstdio/crt_maxstdio.c"
