/* The secure, locale and conversion forms of cases.h over msvcrt.dll. */
#define GAP_NAME "crt_gap"
#include "cases.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "invalid") == 0)
        return invalid_case();
    return run_cases();
}
