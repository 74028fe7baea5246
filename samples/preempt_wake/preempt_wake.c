/* Preemption: a priority-12 thread waits on an event while a priority-8 thread computes. When
 * the busy thread sets the event half-way, the waiter runs at once, before the busy thread's
 * next instruction: it sees the counter exactly at the half-way mark. Then the waiter sleeps
 * 20 ms; its timer wakes it in the middle of the busy thread's loop, and it preempts again. */
#include "../nt.h"

#define LOOPS 3000000
static HANDLE event;
static volatile long long counter;
static volatile long long seen_at_set, seen_at_timer;

static ULONG Busy(PVOID unused)
{
    (void)unused;
    for (long long i = 1; i <= LOOPS; i++) {
        counter = i;
        if (i == LOOPS / 2)
            NtSetEvent(event, 0);
    }
    return 0;
}

static ULONG Waiter(PVOID unused)
{
    (void)unused;
    NtWaitForSingleObject(event, 0, 0);
    seen_at_set = counter;
    LARGE_INTEGER t = Ms(20);
    NtDelayExecution(0, &t);
    seen_at_timer = counter;
    return 0;
}

int Entry(void)
{
    OnProcessorZero();
    HANDLE t[2];
    NtCreateEvent(&event, 0x1F0003, 0, 1, 0);
    SetPriority(NtCurrentThread(), 15);
    t[0] = StartThread(Waiter, 0, 1);
    SetPriority(t[0], 12);
    t[1] = StartThread(Busy, 0, 1);
    SetPriority(t[1], 8);
    NtResumeThread(t[0], 0);
    NtResumeThread(t[1], 0);
    NtWaitForMultipleObjects(2, t, 0, 0, 0);
    PrintDec("counter when the waiter ran after the set: ", seen_at_set);
    Print(seen_at_timer > seen_at_set && seen_at_timer < LOOPS ? "timer wake preempted the busy loop: yes\n"
                                                               : "timer wake preempted the busy loop: no\n");
    return seen_at_set == LOOPS / 2 && seen_at_timer > seen_at_set && seen_at_timer < LOOPS ? 0 : 1;
}
