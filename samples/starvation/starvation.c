/* Starvation relief: on one processor a priority-10 thread computes for about six seconds of
 * virtual time, never waiting; a ready priority-6 thread would never run, but the balance set
 * manager boosts it to 15 after about four seconds, so it runs while the busy one is busy. */
#include "../nt.h"

static volatile long long progress;
static volatile int busy_done;
static volatile long long low_saw = -1, low_ms;

/* KUSER_SHARED_DATA.InterruptTime, read as real code reads it (no system call). */
static long long InterruptMs(void) { return *(volatile long long *)0x7FFE0008 / 10000; }

static ULONG Busy(PVOID unused)
{
    (void)unused;
    long long start = InterruptMs();
    while (InterruptMs() - start < 6000)
        progress++;
    busy_done = 1;
    return 0;
}

static ULONG Low(PVOID unused)
{
    (void)unused;
    low_saw = busy_done ? -1 : progress;
    low_ms = NowMs();
    return 0;
}

int Entry(void)
{
    OnProcessorZero();
    HANDLE t[2];
    SetPriority(NtCurrentThread(), 15);
    t[0] = StartThread(Busy, 0, 1);
    SetPriority(t[0], 10);
    t[1] = StartThread(Low, 0, 1);
    SetPriority(t[1], 6);
    long long start = NowMs();
    NtResumeThread(t[0], 0);
    NtResumeThread(t[1], 0);
    NtWaitForMultipleObjects(2, t, 0, 0, 0);
    long long after = low_ms - start;
    Print(low_saw > 0 ? "low thread ran while the busy one computed: yes\n"
                      : "low thread ran while the busy one computed: no\n");
    Print(after >= 3000 && after <= 5500 ? "after 3 to 5.5 s of virtual time: yes\n"
                                         : "after 3 to 5.5 s of virtual time: no\n");
    return low_saw > 0 && after >= 3000 && after <= 5500 ? 0 : 1;
}
