/* Unbounded recursion with no handler: the process ends with STATUS_STACK_OVERFLOW. */
#include "../nt.h"

static __attribute__((noipa)) long long Forever(long long n)
{
    volatile char frame[1000];
    frame[0] = (char)n;
    if (frame[0] == 0x7F && n < 0)      /* never: keeps the compiler from calling it infinite */
        return 0;
    return Forever(n + 1) + frame[0];
}

int Entry(void)
{
    Print("recursing\n");
    return (int)Forever(0);
}
