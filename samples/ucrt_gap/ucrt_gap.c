/* The secure, locale and conversion forms of ../crt_gap/cases.h over the UCRT (and its <uchar.h>). */
#define GAP_UCRT 1
#define GAP_NAME "ucrt_gap"
#include "../crt_gap/cases.h"

__declspec(dllimport) __declspec(noreturn) void __cdecl __report_gsfailure(uintptr_t);

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "invalid") == 0)
        return invalid_case();
    if (argc > 1 && strcmp(argv[1], "gs") == 0)
        __report_gsfailure(0);                  /* a fast fail: the process ends here */
    return run_cases();
}
