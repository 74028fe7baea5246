/* crt_timenames against the UCRT (built by zig): its __crt_lc_time_data layout, the wide forms. */
#define USE_UCRT
#include "../crt_timenames/crt_timenames.c"
