/* Compute-bound: two threads of equal priority run a fixed arithmetic loop (the benchmark's
 * workload; the same loop runs without any kernel in tools/bench_sched.py). Argument: the
 * iterations per thread in millions (default 50). */
#include "../nt.h"

static ULONG Spin(PVOID parameter)
{
    unsigned long long n = (unsigned long long)parameter, acc = 0;
    /* 4 instructions per iteration: the loop the benchmark compares against. */
    __asm__ volatile ("1: add %%rcx, %%rax\n\t xor %%rax, %%rdx\n\t dec %%rcx\n\t jnz 1b"
                      : "+c"(n), "+a"(acc) : : "rdx", "cc");
    return (ULONG)acc;
}

int Entry(void)
{
    unsigned long long n = (unsigned long long)ArgNumber(0, 50) * 1000000;
    HANDLE t[2];
    t[0] = StartThread(Spin, (PVOID)n, 0);
    t[1] = StartThread(Spin, (PVOID)n, 0);
    NtWaitForMultipleObjects(2, t, 0, 0, 0);
    Print("done\n");
    return 0;
}
