/* Yields twice, printing its process id around each NtYieldExecution and what it returned:
 * STATUS_NO_YIELD_PERFORMED (0x40000024) when no other thread was ready, 0 when one ran. */
#include "../nt.h"

static unsigned long long Pid(void)
{
    unsigned long long pid;
    __asm__ volatile ("mov %%gs:0x40, %0" : "=r"(pid));     /* TEB.ClientId.UniqueProcess */
    return pid;
}

int Entry(void)
{
    PrintHex("before, pid ", Pid());
    PrintHex("yield 1 status ", (ULONG)NtYieldExecution());
    PrintHex("yield 2 status ", (ULONG)NtYieldExecution());
    PrintHex("after, pid ", Pid());
    return 0;
}
