/* The secure, locale and conversion forms of ../crt_gap/cases.h over the UCRT (and its <uchar.h>). */
#define GAP_UCRT 1
#include "../crt_gap/cases.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "invalid") == 0)
        return invalid_case();
    return run_cases();
}
