/* crt_cscanf against the UCRT (built by zig): the scans go to __conio_common_vc(w)scanf. */
#define USE_UCRT
#include "../crt_cscanf/crt_cscanf.c"
