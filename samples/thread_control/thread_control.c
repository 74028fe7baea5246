/* Thread control: suspend and resume counts, reading and changing a suspended thread's
 * registers (its next instruction becomes another function), duplicating a handle, a process
 * priority class change seen in a thread's base priority, and the errors for bad requests. */
#include "../nt.h"

typedef struct { UCHAR Foreground, PriorityClass; } PROCESS_PRIORITY_CLASS;

static volatile long long spins;
static volatile int detoured;

static ULONG Detour(PVOID unused)
{
    (void)unused;
    detoured = 1;
    NtTerminateThread(NtCurrentThread(), 0x77);
    return 0;
}

static ULONG Spinner(PVOID unused)
{
    (void)unused;
    for (;;)
        spins++;
    return 0;
}

int Entry(void)
{
    int ok = 1;
    ULONG previous = 99;
    HANDLE t = StartThread(Spinner, 0, 1);
    NtSuspendThread(t, &previous);
    PrintDec("suspend a new suspended thread, previous count: ", previous);
    ok &= previous == 1;
    NtResumeThread(t, &previous);
    NtResumeThread(t, &previous);
    PrintDec("second resume, previous count: ", previous);
    ok &= previous == 1;
    LARGE_INTEGER d = Ms(20);
    NtDelayExecution(0, &d);
    NtSuspendThread(t, &previous);
    long long a = spins;
    NtDelayExecution(0, &d);
    Print(spins == a && a > 0 ? "suspended thread stays still: yes\n" : "suspended thread stays still: no\n");
    ok &= spins == a && a > 0;

    UCHAR buffer[0x4D0 + 16];
    UCHAR *ctx = (UCHAR *)(((ULONG_PTR)buffer + 15) & ~15ull);
    for (int i = 0; i < 0x4D0; i++) ctx[i] = 0;
    *(ULONG *)(ctx + 0x30) = 0x10000B;                      /* CONTEXT_FULL */
    NTSTATUS s = NtGetContextThread(t, ctx);
    ULONG_PTR rip = *(ULONG_PTR *)(ctx + 0xF8), rsp = *(ULONG_PTR *)(ctx + 0x98);
    PrintHex("get context: ", (ULONG)s);
    ok &= s == 0 && rip >= (ULONG_PTR)Spinner && rip < (ULONG_PTR)Spinner + 64 && (rsp & 7) == 0;
    Print(rip >= (ULONG_PTR)Spinner && rip < (ULONG_PTR)Spinner + 64 ? "rip is inside the spin loop: yes\n"
                                                                    : "rip is inside the spin loop: no\n");
    *(ULONG_PTR *)(ctx + 0xF8) = (ULONG_PTR)Detour;
    *(ULONG_PTR *)(ctx + 0x98) = (rsp & ~15ull) - 8;
    s = NtSetContextThread(t, ctx);
    PrintHex("set context: ", (ULONG)s);
    NtResumeThread(t, 0);
    NtWaitForSingleObject(t, 0, 0);
    THREAD_BASIC_INFORMATION tbi;
    NtQueryInformationThread(t, ThreadBasicInformation, &tbi, sizeof(tbi), 0);
    PrintHex("it ran the new rip and ended with: ", (ULONG)tbi.ExitStatus);
    ok &= detoured && tbi.ExitStatus == 0x77;

    HANDLE copy = 0;
    s = NtDuplicateObject(NtCurrentProcess(), t, NtCurrentProcess(), &copy, 0, 0, 2);
    PrintHex("duplicate: ", (ULONG)s);
    NtQueryInformationThread(copy, ThreadBasicInformation, &tbi, sizeof(tbi), 0);
    ok &= s == 0 && copy != t && tbi.ExitStatus == 0x77;
    NtClose(t);
    s = NtQueryInformationThread(t, ThreadBasicInformation, &tbi, sizeof(tbi), 0);
    PrintHex("closed handle: ", (ULONG)s);
    ok &= (ULONG)s == 0xC0000008;
    NtClose(copy);

    PROCESS_PRIORITY_CLASS pc = {0, 3};                      /* High: base 13 */
    s = NtSetInformationProcess(NtCurrentProcess(), 18, &pc, sizeof(pc));
    NtQueryInformationThread(NtCurrentThread(), ThreadBasicInformation, &tbi, sizeof(tbi), 0);
    PrintDec("base priority after priority class High: ", tbi.BasePriority);
    ok &= s == 0 && tbi.BasePriority == 13;
    pc.PriorityClass = 9;
    s = NtSetInformationProcess(NtCurrentProcess(), 18, &pc, sizeof(pc));
    PrintHex("bad priority class: ", (ULONG)s);
    ok &= (ULONG)s == 0xC000000D;
    s = NtSuspendThread((HANDLE)0x1234, 0);
    PrintHex("suspend a bad handle: ", (ULONG)s);
    ok &= (ULONG)s == 0xC0000008;
    return ok ? 0 : 1;
}
