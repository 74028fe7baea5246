/* Calls a cheap service (NtYieldExecution) 200000 times: the system-call round trip benchmark. */
#include "../nt.h"

int Entry(void)
{
    for (int i = 0; i < 200000; i++)
        NtYieldExecution();
    return 0;
}
