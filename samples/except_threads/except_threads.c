/* Four threads raise and catch at once, preempted in the middle of dispatch and unwinding
 * (a 1000-instruction tick): each thread's exceptions stay its own, and a vectored handler
 * added and removed by one thread while the others dispatch keeps the list consistent. */
#define SEH_TRY_EXCEPT
#include "../seh.h"

static volatile long caught[4], seen;

static long Counter(EXCEPTION_POINTERS *p) { (void)p; __atomic_add_fetch(&seen, 1, __ATOMIC_RELAXED); return 0; }

static __attribute__((noipa)) long long Raise(long long id)
{
    EXCEPTION_RECORD r = {0xE0000100 + (ULONG)id, 0, 0, 0, 1, {(ULONG_PTR)id}};
    RtlRaiseException(&r);
    return -1;
}

static __attribute__((noipa)) long long Deep(long long id)
{
    volatile char pad[200];
    pad[0] = (char)id;
    return Raise(id) + pad[0];
}

static long long Filter(EXCEPTION_POINTERS *p, PVOID frame)
{
    (void)frame;
    EXCEPTION_RECORD *r = p->ExceptionRecord;
    return r->ExceptionCode == 0xE0000100 + r->ExceptionInformation[0] ? EXCEPTION_EXECUTE_HANDLER
                                                                      : EXCEPTION_CONTINUE_SEARCH;
}

static ULONG NTAPI Worker(PVOID arg)
{
    long long id = (long long)arg;
    for (int i = 0; i < 40; i++) {
        if (id == 0 && i % 4 == 0) {
            PVOID h = RtlAddVectoredExceptionHandler(i & 8, Counter);
            RtlRemoveVectoredExceptionHandler(h);
        }
        if (TryExcept(Deep, id, Filter) == 0xE0000100 + id)
            caught[id]++;
    }
    NtTerminateThread(NtCurrentThread(), 0);
    return 0;
}

int Entry(void)
{
    HANDLE threads[4];
    for (long long i = 0; i < 4; i++)
        NtCreateThreadEx(&threads[i], 0x1FFFFF, 0, NtCurrentProcess(), (PVOID)Worker, (PVOID)i, 0, 0, 0, 0, 0);
    NtWaitForMultipleObjects(4, threads, 0, 0, 0);
    for (int i = 0; i < 4; i++)
        PrintHex("thread caught its own exceptions: ", caught[i]);
    return 0;
}
