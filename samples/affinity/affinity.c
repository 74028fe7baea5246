/* Affinity on several processors (run with --cpus 4): four CPU-bound threads, each bound to
 * one processor, report every processor they were seen on; a fifth, bound to processors 2
 * and 3, may run on either but never on 0 or 1. */
#include "../nt.h"

static volatile ULONG seen[5];

static ULONG Spin(PVOID parameter)
{
    int me = (int)(ULONG_PTR)parameter;
    for (int i = 0; i < 300000; i++)
        if ((i & 1023) == 0)
            seen[me] |= 1u << NtGetCurrentProcessorNumber();
    return 0;
}

int Entry(void)
{
    HANDLE t[5];
    int ok = 1;
    SetPriority(NtCurrentThread(), 15);
    for (int i = 0; i < 5; i++) {
        t[i] = StartThread(Spin, (PVOID)(ULONG_PTR)i, 1);
        ULONG_PTR mask = i < 4 ? 1ull << i : 0xC;
        NTSTATUS s = NtSetInformationThread(t[i], ThreadAffinityMask, &mask, sizeof(mask));
        if (s != 0) {
            PrintHex("affinity refused: ", (ULONG)s);
            return 2;
        }
    }
    for (int i = 0; i < 5; i++)
        NtResumeThread(t[i], 0);
    NtWaitForMultipleObjects(5, t, 0, 0, 0);
    for (int i = 0; i < 5; i++) {
        char line[] = "thread 0 ran on processors mask ";
        line[7] = (char)('0' + i);
        PrintHex(line, seen[i]);
        ok &= i < 4 ? seen[i] == 1u << i : (seen[i] & ~0xCu) == 0 && seen[i] != 0;
    }
    ULONG_PTR bad = 1ull << 8;
    NTSTATUS s = NtSetInformationThread(t[0], ThreadAffinityMask, &bad, sizeof(bad));
    PrintHex("affinity outside the process: ", (ULONG)s);
    ok &= (ULONG)s == 0xC000000D;
    return ok ? 0 : 1;
}
