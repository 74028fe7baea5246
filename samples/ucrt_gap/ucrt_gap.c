/* The secure, locale and conversion forms of ../crt_gap/cases.h over the UCRT (and its <uchar.h>). */
#define GAP_UCRT 1
#include "../crt_gap/cases.h"

int main(void)
{
    return run_cases();
}
