/* Frame-based handlers found through .pdata: a language handler that resumes a fault,
 * __C_specific_handler scopes (__except with filters, __finally during the unwind, nested
 * scopes, an exception raised inside a filter), RtlRaiseException continued by a filter, and
 * nonvolatile registers restored by the unwind. The scoped functions are assembly with
 * .seh_handler / .seh_handlerdata, the way mingw-w64's __try1 emits them. */
#define SEH_TRY_EXCEPT
#include "../seh.h"

volatile unsigned long long resume;
static char line[160];
static int len;
static void Put(const char *s) { while (*s) line[len++] = *s++; }
static void PutHex(unsigned long long v)
{
    Put("0x");
    int started = 0;
    for (int shift = 60; shift >= 0; shift -= 4) {
        int d = (v >> shift) & 0xF;
        if (d || started || shift == 0) { line[len++] = "0123456789abcdef"[d]; started = 1; }
    }
}
static void Line(void) { line[len++] = '\n'; line[len] = 0; Print(line); len = 0; }

/* A language handler of our own: continue after the faulting load. */
int FrameHandler(EXCEPTION_RECORD *r, PVOID frame, CONTEXT *c, DISPATCHER_CONTEXT *dc)
{
    (void)frame;
    if (r->ExceptionFlags & EXCEPTION_UNWINDING)
        return ExceptionContinueSearch;
    Put("FrameHandler: code "); PutHex(r->ExceptionCode);
    Put(dc->ControlPc == c->Rip ? " at ControlPc" : " elsewhere"); Line();
    c->Rip = resume;
    return ExceptionContinueExecution;
}
int FaultWithHandler(void);
__asm__(
    ".globl FaultWithHandler\n.def FaultWithHandler; .scl 2; .type 32; .endef\n"
    ".seh_proc FaultWithHandler\nFaultWithHandler:\n"
    "  push %rbx\n  .seh_pushreg %rbx\n  sub $0x20, %rsp\n  .seh_stackalloc 0x20\n"
    "  .seh_handler FrameHandler, @except\n  .seh_endprologue\n"
    "  lea 1f(%rip), %rax\n  mov %rax, resume(%rip)\n  xor %ecx, %ecx\n  mov (%rcx), %eax\n"
    "1: mov $42, %eax\n  add $0x20, %rsp\n  pop %rbx\n  ret\n  .seh_endproc\n");

/* WithFinally(fn, arg): fn(arg) in a __try with a __finally (Finally below). */
long long WithFinally(long long (*fn)(long long), long long arg);
void Finally(unsigned char abnormal, PVOID frame)
{
    (void)frame;
    Put("__finally ran, abnormal "); PutHex(abnormal); Line();
}
__asm__(
    ".globl WithFinally\n.def WithFinally; .scl 2; .type 32; .endef\n"
    ".seh_proc WithFinally\nWithFinally:\n"
    "  push %rbx\n  .seh_pushreg %rbx\n  sub $0x20, %rsp\n  .seh_stackalloc 0x20\n"
    "  .seh_handler __C_specific_handler, @except, @unwind\n"
    "  .seh_handlerdata\n  .long 1\n  .rva WF_try, WF_end, Finally\n  .long 0\n  .text\n"
    "  .seh_endprologue\n"
    "  mov $0x7777, %ebx\n  mov %rcx, %rax\n  mov %rdx, %rcx\n"
    "WF_try: call *%rax\n  nop\n"
    "WF_end: add $0x20, %rsp\n  pop %rbx\n  ret\n  .seh_endproc\n");


static long long ExecuteFilter(EXCEPTION_POINTERS *p, PVOID frame)
{
    (void)frame;
    EXCEPTION_RECORD *r = p->ExceptionRecord;
    Put("filter: code "); PutHex(r->ExceptionCode); Put(" flags "); PutHex(r->ExceptionFlags);
    for (ULONG i = 0; i < r->NumberParameters; i++) { Put(" "); PutHex(r->ExceptionInformation[i]); }
    Line();
    return EXCEPTION_EXECUTE_HANDLER;
}

static long long Deep(long long n)
{
    volatile int *null = 0;
    if (n == 0)
        return *null;
    register long long keep __asm__("rbx") = n * 3;     /* clobber a nonvolatile on the way */
    __asm__ volatile("" : "+r"(keep));
    long long r = Deep(n - 1) + keep;
    __asm__ volatile("" : "+r"(keep));
    return r;
}

static long long Raise(long long code)
{
    EXCEPTION_RECORD r = {(ULONG)code, 0, 0, 0, 2, {0xAA, 0xBB}};
    RtlRaiseException(&r);
    return 5;                           /* reached when a filter continues the exception */
}

static long long ContinueFilter(EXCEPTION_POINTERS *p, PVOID frame)
{
    (void)frame;
    Put("continue filter: code "); PutHex(p->ExceptionRecord->ExceptionCode); Line();
    return EXCEPTION_CONTINUE_EXECUTION;
}

static long long SearchFilter(EXCEPTION_POINTERS *p, PVOID frame)
{
    (void)p; (void)frame;
    Print("inner filter: continue search\n");
    return EXCEPTION_CONTINUE_SEARCH;
}

static long long InnerSearch(long long n) { return TryExcept(Deep, n, SearchFilter); }
static long long InnerFinally(long long n) { return WithFinally(Deep, n); }

/* A filter that itself faults, unprotected: the second dispatch walks up through the first
 * one's frames and reaches the same scope again, now flagged EXCEPTION_NESTED_CALL. */
static int filter_calls;
static long long FaultingFilter(EXCEPTION_POINTERS *p, PVOID frame)
{
    (void)frame;
    Put("faulting filter call "); PutHex(++filter_calls);
    Put(", nested flag "); PutHex(p->ExceptionRecord->ExceptionFlags & 0x10); Line();
    if (filter_calls == 1)
        *(volatile int *)0 = 1;
    return EXCEPTION_EXECUTE_HANDLER;
}
static long long Middle(long long n) { return TryExcept(Deep, n, FaultingFilter); }

/* A call through a null pointer: the fault is at Rip 0, a frame without .pdata (a leaf). */
static long long CallNull(long long n)
{
    long long (*volatile fn)(long long) = 0;
    return fn(n) + 1;
}

int Entry(void)
{
    PrintHex("FaultWithHandler returned ", FaultWithHandler());
    PrintHex("TryExcept(Deep) returned ", TryExcept(Deep, 10, ExecuteFilter));
    PrintHex("TryExcept(Raise) returned ", TryExcept(Raise, 0xE0001234, ExecuteFilter));
    PrintHex("TryExcept(Raise, continue) returned ", TryExcept(Raise, 0x60000001, ContinueFilter));
    PrintHex("nested scopes returned ", TryExcept(InnerSearch, 3, ExecuteFilter));
    PrintHex("through a __finally returned ", TryExcept(InnerFinally, 3, ExecuteFilter));
    PrintHex("faulting filter returned ", TryExcept(Middle, 1, ExecuteFilter));
    PrintHex("TryExcept(CallNull) returned ", TryExcept(CallNull, 1, ExecuteFilter));
    return 0;
}
