/* __fastfail (int 0x29): no handler sees it, not even a vectored one; the process ends
 * with STATUS_STACK_BUFFER_OVERRUN. */
#include "../seh.h"

static long Handler(EXCEPTION_POINTERS *info)
{
    (void)info;
    Print("the vectored handler saw it\n");
    return EXCEPTION_CONTINUE_EXECUTION;
}

int Entry(void)
{
    RtlAddVectoredExceptionHandler(1, Handler);
    Print("fast fail 7\n");
    __asm__ volatile("mov $7, %%ecx\n int $0x29" ::: "rcx");
    Print("not reached\n");
    return 0;
}
