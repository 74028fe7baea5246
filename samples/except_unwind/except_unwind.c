/* RtlUnwindEx beyond the plain case: a collided unwind (a __finally raises while an unwind
 * runs it; the second unwind takes over without running it twice) and STATUS_UNWIND_CONSOLIDATE
 * (the callback runs in a frame that unwinds straight to the target: it can return where the
 * target resumes, or raise an exception the target's own __except catches). */
#define SEH_TRY_EXCEPT
#include "../seh.h"

static long long ExecuteFilter(EXCEPTION_POINTERS *p, PVOID frame)
{
    (void)frame;
    PrintHex("filter: code ", p->ExceptionRecord->ExceptionCode);
    return EXCEPTION_EXECUTE_HANDLER;
}
long long ExecuteAny(EXCEPTION_POINTERS *p, PVOID frame) { return ExecuteFilter(p, frame); }

static __attribute__((noipa)) long long Deep(long long n)
{
    if (n == 0)
        return *(volatile int *)0;
    return Deep(n - 1) + 1;
}

/* -- collided unwind */
static int finally_runs;
void FinallyRaise(unsigned char abnormal, PVOID frame)
{
    (void)frame;
    finally_runs++;
    PrintHex("__finally runs, abnormal ", abnormal);
    EXCEPTION_RECORD r = {0xE0000007, 0, 0, 0, 0, {0}};
    RtlRaiseException(&r);
}
long long WithFinallyRaise(long long (*fn)(long long), long long arg);
__asm__(
    ".globl WithFinallyRaise\n.def WithFinallyRaise; .scl 2; .type 32; .endef\n"
    ".seh_proc WithFinallyRaise\nWithFinallyRaise:\n"
    "  push %rbx\n  .seh_pushreg %rbx\n  sub $0x20, %rsp\n  .seh_stackalloc 0x20\n"
    "  .seh_handler __C_specific_handler, @except, @unwind\n"
    "  .seh_handlerdata\n  .long 1\n  .rva WFR_try, WFR_end, FinallyRaise\n  .long 0\n  .text\n"
    "  .seh_endprologue\n"
    "  mov %rcx, %rax\n  mov %rdx, %rcx\n"
    "WFR_try: call *%rax\n  nop\n"
    "WFR_end: add $0x20, %rsp\n  pop %rbx\n  ret\n  .seh_endproc\n");
static long long Collide(long long n) { return WithFinallyRaise(Deep, n); }

/* -- consolidation */
long long ConsolidateTarget(long long mode);
void Unwinder(PVOID target_frame, PVOID resume, long long mode);
__asm__(
    ".globl ConsolidateTarget\n.def ConsolidateTarget; .scl 2; .type 32; .endef\n"
    ".seh_proc ConsolidateTarget\nConsolidateTarget:\n"
    "  push %rbx\n  .seh_pushreg %rbx\n  push %rsi\n  .seh_pushreg %rsi\n  sub $0x28, %rsp\n  .seh_stackalloc 0x28\n"
    "  .seh_handler __C_specific_handler, @except, @unwind\n"
    "  .seh_handlerdata\n  .long 1\n  .rva CT_try, CT_end, ExecuteAny, CT_except\n  .text\n"
    "  .seh_endprologue\n"
    "  mov $0x4444, %ebx\n  mov $0x5555, %esi\n"
    "  mov %rcx, %r8\n  mov %rsp, %rcx\n  lea CT_resume(%rip), %rdx\n"
    "CT_try: call Unwinder\n  nop\n"
    "CT_end: mov $1, %eax\n  jmp CT_out\n"
    "CT_resume: mov $2, %eax\n  jmp CT_check\n"
    "CT_except: mov %eax, %eax\n"
    "CT_check: cmp $0x4444, %rbx\n  jne CT_bad\n  cmp $0x5555, %rsi\n  je CT_out\n"
    "CT_bad: mov $-1, %rax\n"
    "CT_out: add $0x28, %rsp\n  pop %rsi\n  pop %rbx\n  ret\n  .seh_endproc\n");

static PVOID Callback(EXCEPTION_RECORD *r)
{
    PrintHex("consolidate callback, mode ", r->ExceptionInformation[2]);
    if (r->ExceptionInformation[2] == 1) {
        EXCEPTION_RECORD e = {0xE0000009, 0, 0, 0, 0, {0}};
        RtlRaiseException(&e);
    }
    return (PVOID)r->ExceptionInformation[1];
}

void Unwinder(PVOID target_frame, PVOID resume, long long mode)
{
    register long long clobber __asm__("rbx") = 0x1234;     /* the unwind must give RBX back */
    __asm__ volatile("" : "+r"(clobber));
    EXCEPTION_RECORD r = {0x80000029, 0, 0, 0, 3, {(ULONG_PTR)Callback, (ULONG_PTR)resume, (ULONG_PTR)mode}};
    CONTEXT context;
    RtlUnwindEx(target_frame, 0, &r, 0, &context, 0);
    Print("RtlUnwindEx returned\n");
}

int Entry(void)
{
    PrintHex("collided unwind returned ", TryExcept(Collide, 3, ExecuteFilter));
    PrintHex("__finally ran times: ", finally_runs);
    PrintHex("consolidate, continue at the target: ", ConsolidateTarget(0));
    PrintHex("consolidate, the callback raises: ", ConsolidateTarget(1));
    return 0;
}
