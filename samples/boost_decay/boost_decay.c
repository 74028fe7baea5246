/* A boost that decays: a thread of base priority 8 waits on an event; the set gives it
 * EVENT_INCREMENT (priority 9). It then computes without waiting: at its first quantum end the
 * boost decays by one level, back to its base. */
#include "../nt.h"

static HANDLE event;
static volatile int at_wake, later, base;

static ULONG Worker(PVOID unused)
{
    (void)unused;
    NtWaitForSingleObject(event, 0, 0);
    at_wake = Priority(NtCurrentThread());
    for (volatile int i = 0; i < 2000000; i++)
        ;
    later = Priority(NtCurrentThread());
    THREAD_BASIC_INFORMATION tbi;
    NtQueryInformationThread(NtCurrentThread(), ThreadBasicInformation, &tbi, sizeof(tbi), 0);
    base = tbi.BasePriority;
    return 0;
}

int Entry(void)
{
    HANDLE worker;
    NtCreateEvent(&event, 0x1F0003, 0, 1, 0);
    worker = StartThread(Worker, 0, 0);
    LARGE_INTEGER t = Ms(10);
    NtDelayExecution(0, &t);                    /* the worker is waiting by now */
    NtSetEvent(event, 0);
    NtWaitForSingleObject(worker, 0, 0);
    PrintDec("base priority: ", base);
    PrintDec("priority after the wake: ", at_wake);
    PrintDec("priority after computing: ", later);
    return at_wake == base + 1 && later == base ? 0 : 1;
}
