/* Round robin: two CPU-bound threads of equal priority that never yield or wait. Each notes
 * when it finds that the other ran since its last look; the quantum end (two clock ticks)
 * alternates them, so the log reads A B A B ... */
#include "../nt.h"

#define LOOPS 4000000
static volatile char log[64];
static volatile int entries, last;
static volatile unsigned long long counters[2];

static ULONG Spin(PVOID parameter)
{
    int me = (int)(ULONG_PTR)parameter;
    for (int i = 0; i < LOOPS; i++) {
        if (last != me) {
            last = me;
            int n = __atomic_fetch_add(&entries, 1, __ATOMIC_SEQ_CST);
            if (n < 63)
                log[n] = me == 1 ? 'A' : 'B';
        }
        counters[me - 1]++;
    }
    return 0;
}

int Entry(void)
{
    OnProcessorZero();
    HANDLE t[2];
    SetPriority(NtCurrentThread(), 15);         /* main only creates and waits */
    t[0] = StartThread(Spin, (PVOID)1, 0);
    t[1] = StartThread(Spin, (PVOID)2, 0);
    NtWaitForMultipleObjects(2, t, 0, 0, 0);
    char line[80] = "turns: ";
    int n = entries < 63 ? entries : 63, i = 7;
    for (int k = 0; k < n && k < 16; k++) { line[i++] = log[k]; line[i++] = ' '; }
    line[i++] = '\n'; line[i] = 0;
    Print(line);
    PrintDec("switches seen: ", entries);
    int alternating = 1;
    for (int k = 1; k < n; k++)
        if (log[k] == log[k - 1]) alternating = 0;
    Print(alternating && entries >= 6 ? "alternating: yes\n" : "alternating: no\n");
    return alternating && entries >= 6 ? 0 : 1;
}
