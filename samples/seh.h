/* What the exception samples need of ntdll's exception API (x64 layouts). */
#pragma once
#include "nt.h"

typedef struct __attribute__((aligned(16))) { unsigned long long Low; long long High; } M128A;
typedef struct __attribute__((aligned(16))) {
    unsigned long long P1Home, P2Home, P3Home, P4Home, P5Home, P6Home;
    ULONG ContextFlags, MxCsr;
    USHORT SegCs, SegDs, SegEs, SegFs, SegGs, SegSs;
    ULONG EFlags;
    unsigned long long Dr0, Dr1, Dr2, Dr3, Dr6, Dr7;
    unsigned long long Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi, R8, R9, R10, R11, R12, R13, R14, R15, Rip;
    UCHAR FltSave[512];
    M128A VectorRegister[26];
    unsigned long long VectorControl, DebugControl, LastBranchToRip, LastBranchFromRip;
    unsigned long long LastExceptionToRip, LastExceptionFromRip;
} CONTEXT;
typedef struct _EXCEPTION_RECORD {
    ULONG ExceptionCode, ExceptionFlags;
    struct _EXCEPTION_RECORD *ExceptionRecord;
    PVOID ExceptionAddress;
    ULONG NumberParameters;
    ULONG_PTR ExceptionInformation[15];
} EXCEPTION_RECORD;
typedef struct { EXCEPTION_RECORD *ExceptionRecord; CONTEXT *ContextRecord; } EXCEPTION_POINTERS;
typedef struct { ULONG BeginAddress, EndAddress, UnwindData; } RUNTIME_FUNCTION;
typedef struct {
    unsigned long long ControlPc, ImageBase; RUNTIME_FUNCTION *FunctionEntry;
    unsigned long long EstablisherFrame, TargetIp; CONTEXT *ContextRecord;
    PVOID LanguageHandler, HandlerData, HistoryTable; ULONG ScopeIndex, Fill0;
} DISPATCHER_CONTEXT;
#define EXCEPTION_CONTINUE_EXECUTION (-1)
#define EXCEPTION_CONTINUE_SEARCH 0
#define EXCEPTION_EXECUTE_HANDLER 1
#define EXCEPTION_NONCONTINUABLE 1
#define EXCEPTION_UNWINDING 2
#define EXCEPTION_TARGET_UNWIND 0x20
enum { ExceptionContinueExecution, ExceptionContinueSearch };

PVOID NTAPI RtlAddVectoredExceptionHandler(ULONG First, long (*Handler)(EXCEPTION_POINTERS *));
ULONG NTAPI RtlRemoveVectoredExceptionHandler(PVOID Handle);
PVOID NTAPI RtlAddVectoredContinueHandler(ULONG First, long (*Handler)(EXCEPTION_POINTERS *));
ULONG NTAPI RtlRemoveVectoredContinueHandler(PVOID Handle);
void NTAPI RtlRaiseException(EXCEPTION_RECORD *Record);
void NTAPI RtlUnwindEx(PVOID TargetFrame, PVOID TargetIp, EXCEPTION_RECORD *Record, PVOID ReturnValue,
                       CONTEXT *Context, PVOID HistoryTable);
void NTAPI RtlCaptureContext(CONTEXT *Context);
unsigned char NTAPI RtlAddFunctionTable(RUNTIME_FUNCTION *Table, ULONG Count, unsigned long long Base);
unsigned char NTAPI RtlDeleteFunctionTable(RUNTIME_FUNCTION *Table);
unsigned char NTAPI RtlInstallFunctionTableCallback(unsigned long long Id, unsigned long long Base, ULONG Length,
                                                    RUNTIME_FUNCTION *(*Callback)(unsigned long long, PVOID),
                                                    PVOID Context, const USHORT *Dll);
RUNTIME_FUNCTION *NTAPI RtlLookupFunctionEntry(unsigned long long Pc, unsigned long long *Base, PVOID History);
PVOID NTAPI RtlVirtualUnwind(ULONG Type, unsigned long long Base, unsigned long long Pc, RUNTIME_FUNCTION *Entry,
                             CONTEXT *Context, PVOID *HandlerData, unsigned long long *Frame, PVOID Pointers);
NTSTATUS NTAPI RtlAddGrowableFunctionTable(PVOID *Table, RUNTIME_FUNCTION *Entries, ULONG Count, ULONG Maximum,
                                           ULONG_PTR RangeBase, ULONG_PTR RangeEnd);
void NTAPI RtlGrowFunctionTable(PVOID Table, ULONG Count);
void NTAPI RtlDeleteGrowableFunctionTable(PVOID Table);
unsigned short NTAPI RtlCaptureStackBackTrace(ULONG Skip, ULONG Count, PVOID *Trace, ULONG *Hash);

static inline void PrintPair(const char *label, unsigned long long a, unsigned long long b)
{
    char buf[96]; int i = 0;
    while (*label) buf[i++] = *label++;
    unsigned long long v[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        buf[i++] = ' '; buf[i++] = '0'; buf[i++] = 'x';
        int started = 0;
        for (int shift = 60; shift >= 0; shift -= 4) {
            int d = (v[k] >> shift) & 0xF;
            if (d || started || shift == 0) { buf[i++] = "0123456789abcdef"[d]; started = 1; }
        }
    }
    buf[i++] = '\n'; buf[i] = 0;
    Print(buf);
}

#ifdef SEH_TRY_EXCEPT
/* TryExcept(fn, arg, filter): fn(arg) in a __try whose __except filter is `filter`; returns
 * fn's result, or the exception code (RAX at the __except block). RBX, RSI, R12 and XMM6 hold
 * markers across the call: the unwind must give them back. */
long long TryExcept(long long (*fn)(long long), long long arg, PVOID filter);
long long DispatchFilter(EXCEPTION_POINTERS *p, PVOID frame);
__asm__(
    ".globl TryExcept\n.def TryExcept; .scl 2; .type 32; .endef\n"
    ".seh_proc TryExcept\nTryExcept:\n"
    "  push %rbx\n  .seh_pushreg %rbx\n  push %rsi\n  .seh_pushreg %rsi\n  push %r12\n  .seh_pushreg %r12\n"
    "  sub $0x40, %rsp\n  .seh_stackalloc 0x40\n  movaps %xmm6, 0x20(%rsp)\n  .seh_savexmm %xmm6, 0x20\n"
    "  .seh_handler __C_specific_handler, @except, @unwind\n"
    "  .seh_handlerdata\n  .long 1\n  .rva TE_try, TE_end, DispatchFilter, TE_except\n  .text\n"
    "  .seh_endprologue\n"
    "  mov %r8, 0x30(%rsp)\n"
    "  mov $0x1111, %ebx\n  mov $0x2222, %esi\n  mov $0x3333, %r12d\n  movq %rbx, %xmm6\n"
    "  mov %rcx, %rax\n  mov %rdx, %rcx\n"
    "TE_try: call *%rax\n  nop\n"
    "TE_end: jmp 4f\n"
    "TE_except: mov %eax, %eax\n"
    "4: cmp $0x1111, %rbx\n  jne 5f\n  cmp $0x2222, %rsi\n  jne 5f\n  cmp $0x3333, %r12\n  jne 5f\n"
    "  movq %xmm6, %rdx\n  cmp $0x1111, %rdx\n  jne 5f\n"
    "  movaps 0x20(%rsp), %xmm6\n  add $0x40, %rsp\n  pop %r12\n  pop %rsi\n  pop %rbx\n  ret\n"
    "5: mov $-1, %rax\n  movaps 0x20(%rsp), %xmm6\n  add $0x40, %rsp\n  pop %r12\n  pop %rsi\n  pop %rbx\n  ret\n"
    "  .seh_endproc\n");

long long DispatchFilter(EXCEPTION_POINTERS *p, PVOID frame)
{
    PVOID filter = *(PVOID *)((char *)frame + 0x30);     /* TryExcept keeps it in its frame */
    return ((long long (*)(EXCEPTION_POINTERS *, PVOID))filter)(p, frame);
}
#endif
