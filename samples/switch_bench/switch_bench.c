/* Context switches: N threads of equal priority (first argument, default 10) each yield the
 * processor until Y yields (second argument, default 20000) have been made in all, so every
 * yield is a switch. The threads start together once all exist. */
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

static HANDLE threads[1000];

int Entry(void)
{
    int n = (int)ArgNumber(0, 10);
    remaining = (long)ArgNumber(1, 20000);
    if (n < 1 || n > 1000)
        return 2;
    SetPriority(NtCurrentThread(), 15);
    NtCreateEvent(&start, 0x1F0003, 0, 0, 0);
    for (int i = 0; i < n; i++)
        threads[i] = StartThread(Yielder, 0, 0);
    NtSetEvent(start, 0);
    for (int i = 0; i < n; i += 64)
        NtWaitForMultipleObjects(n - i < 64 ? n - i : 64, &threads[i], 0, 0, 0);
    Print("done\n");
    return 0;
}
