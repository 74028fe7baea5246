/* The secure, locale and conversion forms of cases.h over msvcrt.dll. */
#include "cases.h"

int main(void)
{
    return run_cases();
}
