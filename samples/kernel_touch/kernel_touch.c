/* Reads kernel memory from ring 3: the page tables say supervisor-only, so it must fault
 * and the process must end with STATUS_ACCESS_VIOLATION. */
#include "../nt.h"

int Entry(void)
{
    Print("touching kernel memory\n");
    volatile unsigned long long *kernel = (unsigned long long *)0xFFFFF78000000000ULL;
    unsigned long long value = *kernel;
    Print("not reached\n");
    return (int)value;
}
