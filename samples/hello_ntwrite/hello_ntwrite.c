/* Writes through NtWriteFile on the standard output handle and ends with NtTerminateProcess. */
#include "../nt.h"

void Entry(void)
{
    Print("Hello from ring 3 through NtWriteFile\n");
    Print("second line\n");
    NtTerminateProcess(NtCurrentProcess(), 7);
}
