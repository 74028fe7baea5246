/* A chain of statically imported DLLs: DllMain runs for each in dependency order at attach
 * (c, b, a) and in reverse at detach, with a non-NULL lpReserved for static loads. */
#include "../ldr.h"

int a_value(void);

void Entry(void)
{
    Print("entry point\n");
    PrintDec("a_value = ", a_value());
    RtlExitUserProcess(0);                  /* the detach sequence, in reverse */
}
