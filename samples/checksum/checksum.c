/* Compute-bound with memory traffic: two threads each fill a 4 KB table and fold it into a
 * checksum, round after round (the trace benchmark's workload, and the trace tests' two-thread
 * sample). Argument: rounds per thread (default 4). Prints both checksums; exits 0. */
#include "../nt.h"

static unsigned int tables[2][1024];

static ULONG Fold(PVOID parameter)
{
    unsigned long long which = (unsigned long long)parameter;
    unsigned int *table = tables[which];
    long long rounds = ArgNumber(0, 4);
    unsigned int sum = (unsigned int)which + 1;
    for (long long r = 0; r < rounds; r++) {
        for (int i = 0; i < 1024; i++)
            table[i] = sum = sum * 1103515245u + 12345u + (unsigned int)i;
        for (int i = 0; i < 1024; i++)
            sum = (sum << 5 | sum >> 27) ^ table[i];
    }
    return sum;
}

int Entry(void)
{
    HANDLE t[2];
    t[0] = StartThread(Fold, (PVOID)0, 0);
    t[1] = StartThread(Fold, (PVOID)1, 0);
    NtWaitForMultipleObjects(2, t, 0, 0, 0);
    for (int n = 0; n < 2; n++) {
        THREAD_BASIC_INFORMATION info;
        NtQueryInformationThread(t[n], ThreadBasicInformation, &info, sizeof info, 0);
        PrintHex(n ? "checksum B: " : "checksum A: ", (unsigned int)info.ExitStatus);
    }
    return 0;
}
