/* The folder, listing, diagnostic and math cases of cases.h over msvcrt.dll. */
#include "cases.h"

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "assert") == 0)
        assert_case(argc);
    folder_cases();
    diagnostic_cases();
    math_cases();
    return failures;
}
