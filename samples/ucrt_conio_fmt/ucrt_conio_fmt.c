/* crt_conio_fmt against the UCRT (built by zig): the headers call __conio_common_vcprintf*. */
#include "../crt_conio_fmt/crt_conio_fmt.c"
