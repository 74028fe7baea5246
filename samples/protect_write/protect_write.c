/* Writes a page, makes it read-only with NtProtectVirtualMemory, writes again: the second
 * write must fault (0xC0000005) because the new protection takes effect at once. */
#include "../nt.h"

int Entry(void)
{
    PVOID base = 0;
    SIZE_T size = 0x1000;
    ULONG old;
    NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, 0x3000, 0x04);
    volatile int *p = base;
    p[0] = 1;
    Print("written while read-write\n");
    NtProtectVirtualMemory(NtCurrentProcess(), &base, &size, 0x02, &old);
    p[0] = 2;
    Print("not reached: written while read-only\n");
    return 0;
}
