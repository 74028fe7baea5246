/* Threads created and joined one after another (argument: how many, default 3000), far more
 * than could exist at once: each thread's kernel stack, TEB and user stack go back when it
 * ends, as on Windows. Each thread ends with its number as its exit status. */
#include "../nt.h"

static ULONG Worker(PVOID parameter)
{
    return (ULONG)(ULONG_PTR)parameter;
}

int Entry(void)
{
    int count = (int)ArgNumber(0, 3000), joined = 0;
    for (int i = 1; i <= count; i++) {
        HANDLE h = StartThread(Worker, (PVOID)(ULONG_PTR)i, 0);
        if (h == 0)
            break;
        THREAD_BASIC_INFORMATION tbi;
        NtWaitForSingleObject(h, 0, 0);
        NtQueryInformationThread(h, ThreadBasicInformation, &tbi, sizeof(tbi), 0);
        NtClose(h);
        if ((ULONG)tbi.ExitStatus != (ULONG)i)
            break;
        joined++;
    }
    PrintDec("joined: ", joined);
    return joined == count ? 0 : 1;
}
