/* crt_strftime against the UCRT (built by zig), where Windows' own results are known. */
#define USE_UCRT
#include "../crt_strftime/crt_strftime.c"
