/* setlocale in msvcrt.dll (cases.h); msvcrt has no UTF-8 locale and no locale names. */
#include "cases.h"

int main(void)
{
    common_cases();
    show(".UTF8", setlocale(LC_ALL, ".UTF8"));
    show("en-US", setlocale(LC_ALL, "en-US"));
    return 0;
}
