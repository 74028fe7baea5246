/* Stacks as Windows grows them: touching the guard page below the committed part commits it
 * and moves the guard down (TEB StackLimit follows); unbounded recursion ends in
 * STATUS_STACK_OVERFLOW, raised to user mode and caught by a __except, with the reservation's
 * last page never committed and nothing outside the reservation written. */
#define SEH_TRY_EXCEPT
#include "../seh.h"

static unsigned long long Teb(int offset)
{
    unsigned long long v;
    __asm__ volatile ("mov %%gs:(%1), %0" : "=r"(v) : "r"((long long)offset));
    return v;
}
#define StackBase() Teb(0x08)
#define StackLimit() Teb(0x10)
#define DeallocationStack() Teb(0x1478)

static volatile int depth;
static __attribute__((noipa)) long long Recurse(long long n)
{
    volatile char frame[1000];
    frame[0] = (char)n;
    depth++;
    if (n == 0)
        return frame[0];
    return Recurse(n - 1) + frame[0];
}

static __attribute__((noipa)) long long Forever(long long n)
{
    volatile char frame[1000];
    frame[0] = (char)n;
    depth++;
    if (frame[0] == 0x7F && n < 0)      /* never: keeps the compiler from calling it infinite */
        return 0;
    return Forever(n + 1) + frame[0];
}

static long long OverflowFilter(EXCEPTION_POINTERS *p, PVOID frame)
{
    (void)frame;
    PrintHex("filter: code ", p->ExceptionRecord->ExceptionCode);
    return EXCEPTION_EXECUTE_HANDLER;
}

static volatile int guaranteed_depth;
static ULONG NTAPI GuaranteedThread(PVOID arg)
{
    (void)arg;
    *(ULONG *)(Teb(0x30) + 0x1748) = 0x10000;             /* TEB.GuaranteedStackBytes */
    depth = 0;
    TryExcept(Forever, 0, OverflowFilter);
    guaranteed_depth = depth;
    NtTerminateThread(NtCurrentThread(), 0);
    return 0;
}

int Entry(void)
{
    unsigned long long base = StackBase(), bottom = DeallocationStack();
    UCHAR *peb;
    __asm__ volatile ("mov %%gs:0x60, %0" : "=r"(peb));
    ULONG *params = *(ULONG **)(peb + 0x20);
    ULONG params_head[2] = {params[0], params[1]};
    PrintHex("reserved: ", base - bottom);
    PrintHex("committed at start: ", base - StackLimit());
    Recurse(100);
    PrintHex("committed after 100 frames of 1000 bytes: ", base - StackLimit());
    depth = 0;
    PrintHex("TryExcept(Forever) returned ", TryExcept(Forever, 0, OverflowFilter));
    PrintHex("StackLimit - DeallocationStack: ", StackLimit() - bottom);
    Print(depth > 900 ? "recursed more than 900 frames\n" : "recursed too little\n");
    PrintHex("depth ", depth);
    MEMORY_BASIC_INFORMATION mbi;
    SIZE_T got;
    NtQueryVirtualMemory(NtCurrentProcess(), (PVOID)bottom, 0, &mbi, sizeof(mbi), &got);
    PrintHex("last page state: ", mbi.State);
    /* A thread's stack guarantee (TEB.GuaranteedStackBytes, what SetThreadStackGuarantee sets)
     * is kept free for the overflow handler: in a new thread with 64 KB guaranteed, the overflow
     * comes about 64 frames of 1000 bytes earlier than without. */
    int first = depth;
    HANDLE thread;
    NtCreateThreadEx(&thread, 0x1FFFFF, 0, NtCurrentProcess(), (PVOID)GuaranteedThread, 0, 0, 0, 0, 0, 0);
    NtWaitForSingleObject(thread, 0, 0);
    Print(guaranteed_depth > 0 && first - guaranteed_depth > 55 && first - guaranteed_depth < 75
          ? "with a 64 KB guarantee the overflow comes about 64 frames earlier\n" : "the guarantee made no difference\n");
    Print(params[0] == params_head[0] && params[1] == params_head[1] ? "process parameters intact\n"
                                                                    : "process parameters overwritten\n");
    return 0;
}
