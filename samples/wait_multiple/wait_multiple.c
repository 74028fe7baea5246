/* WaitAny and WaitAll over events and a semaphore: which index satisfies a wait-any, that a
 * wait-all needs every object, what a satisfied wait does to each kind of object, and the
 * errors for bad arguments. */
#include "../nt.h"

int Entry(void)
{
    HANDLE h[3], sem;
    int ok = 1;
    LARGE_INTEGER zero = {0};
    NtCreateEvent(&h[0], 0x1F0003, 0, 0, 0);    /* notification */
    NtCreateEvent(&h[1], 0x1F0003, 0, 1, 0);    /* synchronisation */
    NtCreateSemaphore(&sem, 0x1F0003, 0, 2, 2);
    h[2] = sem;

    NtResetEvent(h[0], 0);
    NtSetEvent(h[1], 0);
    NTSTATUS s = NtWaitForMultipleObjects(2, h, 1, 0, &zero);
    PrintHex("wait any, second set: ", (ULONG)s);
    ok &= s == 1;
    s = NtWaitForMultipleObjects(2, h, 1, 0, &zero);
    PrintHex("again (auto-reset took it): ", (ULONG)s);
    ok &= s == STATUS_TIMEOUT;

    NtSetEvent(h[0], 0);
    s = NtWaitForMultipleObjects(2, h, 0, 0, &zero);
    PrintHex("wait all, one of two set: ", (ULONG)s);
    ok &= s == STATUS_TIMEOUT;
    NtSetEvent(h[1], 0);
    s = NtWaitForMultipleObjects(3, h, 0, 0, &zero);
    PrintHex("wait all, all set: ", (ULONG)s);
    ok &= s == 0;
    s = NtWaitForMultipleObjects(3, h, 0, 0, &zero);
    PrintHex("wait all again (one semaphore unit left, event reset): ", (ULONG)s);
    ok &= s == STATUS_TIMEOUT;
    s = NtWaitForMultipleObjects(1, &h[2], 1, 0, &zero);
    PrintHex("semaphore, last unit: ", (ULONG)s);
    ok &= s == 0;
    s = NtWaitForMultipleObjects(1, &h[2], 1, 0, &zero);
    PrintHex("semaphore, empty: ", (ULONG)s);
    ok &= s == STATUS_TIMEOUT;
    long previous = -1;
    s = NtReleaseSemaphore(sem, 3, &previous);
    PrintHex("release 3 over a limit of 2: ", (ULONG)s);
    ok &= (ULONG)s == 0xC0000047;
    s = NtReleaseSemaphore(sem, 2, &previous);
    PrintDec("release 2, previous count: ", previous);
    ok &= s == 0 && previous == 0;

    HANDLE twice[2] = {h[0], h[0]};
    s = NtWaitForMultipleObjects(2, twice, 0, 0, &zero);
    PrintHex("wait all on one object twice: ", (ULONG)s);
    ok &= (ULONG)s == 0xC0000030;
    s = NtWaitForMultipleObjects(65, h, 1, 0, &zero);
    PrintHex("65 objects: ", (ULONG)s);
    ok &= (ULONG)s == 0xC00000EF;
    s = NtWaitForSingleObject((HANDLE)0x1234, 0, &zero);
    PrintHex("bad handle: ", (ULONG)s);
    ok &= (ULONG)s == 0xC0000008;
    s = NtSetEvent(sem, 0);
    PrintHex("set event on a semaphore: ", (ULONG)s);
    ok &= (ULONG)s == 0xC0000024;
    for (int i = 0; i < 3; i++)
        NtClose(h[i]);
    return ok ? 0 : 1;
}
