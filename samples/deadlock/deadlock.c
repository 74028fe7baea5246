/* A deadlock: two threads each hold a mutant and wait for the other's; the main thread waits
 * for both. Nothing can wake any of them, so the kernel ends the run and says so. */
#include "../nt.h"

static HANDLE m[2], ready;

static ULONG Locker(PVOID parameter)
{
    int me = (int)(ULONG_PTR)parameter;
    NtWaitForSingleObject(m[me], 0, 0);
    NtReleaseSemaphore(ready, 1, 0);
    LARGE_INTEGER t = Ms(10);
    NtDelayExecution(0, &t);
    NtWaitForSingleObject(m[1 - me], 0, 0);
    return 0;
}

int Entry(void)
{
    HANDLE t[2];
    NtCreateMutant(&m[0], 0x1F0001, 0, 0);
    NtCreateMutant(&m[1], 0x1F0001, 0, 0);
    NtCreateSemaphore(&ready, 0x1F0003, 0, 0, 2);
    t[0] = StartThread(Locker, (PVOID)0, 0);
    t[1] = StartThread(Locker, (PVOID)1, 0);
    Print("waiting for two threads that wait for each other\n");
    NtWaitForMultipleObjects(2, t, 0, 0, 0);
    Print("not reached\n");
    return 0;
}
