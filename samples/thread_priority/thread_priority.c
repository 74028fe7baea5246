/* Changes its own priority through NtSetInformationThread and reads it back, with the errors
   Windows gives for a bad priority, a bad length and a bad handle. */
#include "../nt.h"

static void Show(const char *label)
{
    THREAD_BASIC_INFORMATION tbi;
    ULONG got;
    NtQueryInformationThread(NtCurrentThread(), 0, &tbi, sizeof(tbi), &got);
    Print(label);
    PrintHex(" priority ", tbi.Priority);
    PrintHex("  base priority ", tbi.BasePriority);
}

void Entry(void)
{
    int value;
    Show("start");
    value = 2;                                       /* THREAD_PRIORITY_HIGHEST */
    PrintHex("base +2: ", (ULONG)NtSetInformationThread(NtCurrentThread(), 3, &value, 4));
    Show("after ThreadBasePriority");
    value = 12;
    PrintHex("priority 12: ", (ULONG)NtSetInformationThread(NtCurrentThread(), 2, &value, 4));
    Show("after ThreadPriority");
    value = 0;
    PrintHex("priority 0: ", (ULONG)NtSetInformationThread(NtCurrentThread(), 2, &value, 4));
    value = 32;
    PrintHex("priority 32: ", (ULONG)NtSetInformationThread(NtCurrentThread(), 2, &value, 4));
    PrintHex("length 8: ", (ULONG)NtSetInformationThread(NtCurrentThread(), 2, &value, 8));
    value = 9;
    PrintHex("bad handle: ", (ULONG)NtSetInformationThread((HANDLE)0x1234, 2, &value, 4));
    Show("end");
    NtTerminateProcess(NtCurrentProcess(), 0);
}
