/* Context switches: N threads of equal priority (first argument, default 10) each yield the
 * processor until Y yields (second argument, default 20000) have been made in all, so every
 * yield is a switch. The threads start together once all exist. With a third argument B
 * (default 0), B more threads wait in the ready queues one priority level below the yielders
 * the whole time: the ready queues hold N + B threads while N of them switch. */
#include "../nt.h"

static volatile long remaining;
static HANDLE start;

static ULONG Yielder(PVOID unused)
{
    (void)unused;
    NtWaitForSingleObject(start, 0, 0);
    while (__atomic_sub_fetch(&remaining, 1, __ATOMIC_SEQ_CST) > 0)
        NtYieldExecution();
    return 0;
}

static ULONG Background(PVOID unused)
{
    (void)unused;
    return 0;
}

static HANDLE threads[1000];

int Entry(void)
{
    int n = (int)ArgNumber(0, 10);
    remaining = (long)ArgNumber(1, 20000);
    int background = (int)ArgNumber(2, 0);
    if (n < 1 || n > 1000 || background < 0 || background > 1000)
        return 2;
    SetPriority(NtCurrentThread(), 15);
    NtCreateEvent(&start, 0x1F0003, 0, 0, 0);
    for (int i = 0; i < background; i++) {
        HANDLE h = StartThread(Background, 0, 0);
        SetPriority(h, 7);
        NtClose(h);
    }
    for (int i = 0; i < n; i++) {
        threads[i] = StartThread(Yielder, 0, 0);
        SetPriority(threads[i], 9);
    }
    NtSetEvent(start, 0);
    for (int i = 0; i < n; i += 64)
        NtWaitForMultipleObjects(n - i < 64 ? n - i : 64, &threads[i], 0, 0, 0);
    Print("done\n");
    return 0;
}
