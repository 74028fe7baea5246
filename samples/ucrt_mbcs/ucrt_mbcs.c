/* crt_mbcs's checks against the UCRT (built by zig): the same source, whose conversions round
 * half to even and write two-digit exponents here. */
#include "../crt_mbcs/crt_mbcs.c"
