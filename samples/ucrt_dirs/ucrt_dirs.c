/* The folder, listing, diagnostic and math cases of ../crt_dirs/cases.h over the UCRT. */
#include "../crt_dirs/cases.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "assert") == 0)
        assert_case(argc);
    folder_cases();
    diagnostic_cases();
    math_cases();
    return failures;
}
