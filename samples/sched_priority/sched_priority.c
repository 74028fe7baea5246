/* Priority order: three threads of priorities 6, 10 and 8 are created suspended and resumed
 * while the main thread, at 15, keeps the processor; when it waits for them, they run highest
 * first, each to completion, because none ever waits. */
#include "../nt.h"

static volatile int order[3], next;

static ULONG Worker(PVOID parameter)
{
    int priority = (int)(ULONG_PTR)parameter;
    order[__atomic_fetch_add(&next, 1, __ATOMIC_SEQ_CST)] = priority;
    PrintDec("running at priority ", Priority(NtCurrentThread()));
    return 0;
}

int Entry(void)
{
    static const int priorities[3] = {6, 10, 8};
    HANDLE threads[3];
    SetPriority(NtCurrentThread(), 15);
    for (int i = 0; i < 3; i++) {
        threads[i] = StartThread(Worker, (PVOID)(ULONG_PTR)priorities[i], 1);
        SetPriority(threads[i], priorities[i]);
    }
    for (int i = 0; i < 3; i++)
        NtResumeThread(threads[i], 0);
    Print("all resumed; main waits\n");
    NTSTATUS s = NtWaitForMultipleObjects(3, threads, 0, 0, 0);
    PrintHex("wait all: ", (ULONG)s);
    for (int i = 0; i < 3; i++)
        NtClose(threads[i]);
    return order[0] == 10 && order[1] == 8 && order[2] == 6 ? 0 : 1;
}
