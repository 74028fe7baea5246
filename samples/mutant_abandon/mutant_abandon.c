/* Mutants: recursion, ownership checks and abandonment. A thread takes the mutant and ends
 * without releasing it; the next waiter gets STATUS_ABANDONED_WAIT_0 and owns it. */
#include "../nt.h"

static HANDLE mutant;

static ULONG Taker(PVOID unused)
{
    (void)unused;
    NtWaitForSingleObject(mutant, 0, 0);
    return 0;                                   /* exits still owning it */
}

static ULONG Releaser(PVOID unused)
{
    (void)unused;
    return (ULONG)NtReleaseMutant(mutant, 0);   /* not the owner */
}

int Entry(void)
{
    int ok = 1;
    long previous;
    NtCreateMutant(&mutant, 0x1F0001, 0, 0);
    HANDLE t = StartThread(Taker, 0, 0);
    NtWaitForSingleObject(t, 0, 0);
    NtClose(t);
    NTSTATUS s = NtWaitForSingleObject(mutant, 0, 0);
    PrintHex("wait after the owner ended: ", (ULONG)s);
    ok &= s == STATUS_ABANDONED_WAIT_0;
    s = NtWaitForSingleObject(mutant, 0, 0);
    PrintHex("recursive wait: ", (ULONG)s);
    ok &= s == 0;

    t = StartThread(Releaser, 0, 0);
    NtWaitForSingleObject(t, 0, 0);
    THREAD_BASIC_INFORMATION tbi;
    NtQueryInformationThread(t, ThreadBasicInformation, &tbi, sizeof(tbi), 0);
    PrintHex("release by another thread: ", (ULONG)tbi.ExitStatus);
    ok &= (ULONG)tbi.ExitStatus == 0xC0000046;
    NtClose(t);

    NtReleaseMutant(mutant, &previous);
    PrintDec("first release, previous count: ", previous);
    ok &= previous == -1;
    NtReleaseMutant(mutant, &previous);
    PrintDec("second release, previous count: ", previous);
    ok &= previous == 0;
    s = NtReleaseMutant(mutant, &previous);
    PrintHex("third release: ", (ULONG)s);
    ok &= (ULONG)s == 0xC0000046;
    NtClose(mutant);
    return ok ? 0 : 1;
}
