/* 1000 threads created and joined: each adds its number to a shared total and ends with it
 * as its exit status; the main thread waits for them 64 at a time and checks every one. */
#include "../nt.h"

#define COUNT 1000
static volatile long long total;
static HANDLE threads[COUNT];

static ULONG Worker(PVOID parameter)
{
    __atomic_fetch_add(&total, (long long)(ULONG_PTR)parameter, __ATOMIC_SEQ_CST);
    return (ULONG)(ULONG_PTR)parameter;
}

int Entry(void)
{
    int created = 0, ok = 1;
    for (int i = 0; i < COUNT; i++) {
        threads[i] = StartThread(Worker, (PVOID)(ULONG_PTR)(i + 1), 0);
        created += threads[i] != 0;
    }
    for (int i = 0; i < COUNT; i += 64) {
        int n = COUNT - i < 64 ? COUNT - i : 64;
        if (NtWaitForMultipleObjects(n, &threads[i], 0, 0, 0) != 0)
            ok = 0;
    }
    for (int i = 0; i < COUNT; i++) {
        THREAD_BASIC_INFORMATION tbi;
        NtQueryInformationThread(threads[i], ThreadBasicInformation, &tbi, sizeof(tbi), 0);
        if ((ULONG)tbi.ExitStatus != (ULONG)(i + 1))
            ok = 0;
        NtClose(threads[i]);
    }
    PrintDec("created: ", created);
    PrintDec("total: ", total);
    Print(ok ? "every exit status matches: yes\n" : "every exit status matches: no\n");
    return created == COUNT && total == (long long)COUNT * (COUNT + 1) / 2 && ok ? 0 : 1;
}
