/*
 * Ring-0 entry and exit points of the mini-kernel, named as in NT.
 *
 * The executive is Python: each path below saves the interrupted state in a KTRAP_FRAME on
 * the thread's kernel stack and then passes one "gate" instruction, a nop on which the
 * executive has its hook. When the hook returns, the frame says how to leave: sysretq on
 * the system-service fast path, iretq when the executive rewrote the frame
 * (ExceptionActive = 1: a new thread, NtContinue, a dispatched exception).
 */
#include "ktrap.inc"

    .text

/* KiSystemCall64: LSTAR points here. SYSCALL has put the user RIP in RCX and RFLAGS in R11. */
    .globl KiSystemCall64
KiSystemCall64:
    swapgs
    mov %rsp, %gs:PcUserRsp
    mov %gs:PcRspBase, %rsp
    push $0x2b                      /* SegSs */
    pushq %gs:PcUserRsp             /* Rsp */
    push %r11                       /* EFlags */
    push $0x33                      /* SegCs */
    push %rcx                       /* Rip */
    sub $(KTRAP_FRAME_LENGTH - 0x28), %rsp
    mov %rax, TF_Rax(%rsp)
    mov %rcx, TF_Rcx(%rsp)
    mov %rdx, TF_Rdx(%rsp)
    mov %r8, TF_R8(%rsp)
    mov %r9, TF_R9(%rsp)
    mov %r10, TF_R10(%rsp)
    mov %r11, TF_R11(%rsp)
    mov %rbx, TF_Rbx(%rsp)
    mov %rdi, TF_Rdi(%rsp)
    mov %rsi, TF_Rsi(%rsp)
    mov %rbp, TF_Rbp(%rsp)
    movb $1, TF_PreviousMode(%rsp)
    movb $0, TF_ExceptionActive(%rsp)
    .globl KiSystemServiceGate
KiSystemServiceGate:
    nop                             /* the executive runs the service here */
    cmpb $0, TF_ExceptionActive(%rsp)
    jne KiExceptionExit
    .globl KiSystemServiceExit
KiSystemServiceExit:
    mov TF_Rax(%rsp), %rax
    mov TF_Rip(%rsp), %rcx
    mov TF_EFlags(%rsp), %r11
    mov TF_Rsp(%rsp), %rsp
    swapgs
    sysretq

/* Trap and fault entries: the processor has pushed SS, RSP, RFLAGS, CS, RIP (+ error code). */
.macro TRAP_ENTRY name, vector, has_error
    .globl \name
\name:
    .if \has_error == 0
    push $0
    .endif
    sub $(KTRAP_FRAME_LENGTH - 0x30), %rsp
    mov %rax, TF_Rax(%rsp)
    mov $\vector, %eax
    jmp KiTrapCommon
.endm

    TRAP_ENTRY KiDivideErrorFault, 0x00, 0
    TRAP_ENTRY KiDebugTrapOrFault, 0x01, 0
    TRAP_ENTRY KiNmiInterrupt, 0x02, 0
    TRAP_ENTRY KiBreakpointTrap, 0x03, 0
    TRAP_ENTRY KiOverflowTrap, 0x04, 0
    TRAP_ENTRY KiBoundFault, 0x05, 0
    TRAP_ENTRY KiInvalidOpcodeFault, 0x06, 0
    TRAP_ENTRY KiNpxNotAvailableFault, 0x07, 0
    TRAP_ENTRY KiDoubleFaultAbort, 0x08, 1
    TRAP_ENTRY KiNpxSegmentOverrunAbort, 0x09, 0
    TRAP_ENTRY KiInvalidTssFault, 0x0A, 1
    TRAP_ENTRY KiSegmentNotPresentFault, 0x0B, 1
    TRAP_ENTRY KiStackFault, 0x0C, 1
    TRAP_ENTRY KiGeneralProtectionFault, 0x0D, 1
    TRAP_ENTRY KiPageFault, 0x0E, 1
    TRAP_ENTRY KiFloatingErrorFault, 0x10, 0
    TRAP_ENTRY KiAlignmentFault, 0x11, 1
    TRAP_ENTRY KiMcheckAbort, 0x12, 0
    TRAP_ENTRY KiXmmException, 0x13, 0
    TRAP_ENTRY KiRaiseSecurityCheckFailure, 0x29, 0
    TRAP_ENTRY KiRaiseAssertion, 0x2C, 0
    TRAP_ENTRY KiDebugServiceTrap, 0x2D, 0

KiTrapCommon:
    mov %rax, TF_P1Home(%rsp)       /* the vector, for the executive */
    mov %rcx, TF_Rcx(%rsp)
    mov %rdx, TF_Rdx(%rsp)
    mov %r8, TF_R8(%rsp)
    mov %r9, TF_R9(%rsp)
    mov %r10, TF_R10(%rsp)
    mov %r11, TF_R11(%rsp)
    mov %rbx, TF_Rbx(%rsp)
    mov %rdi, TF_Rdi(%rsp)
    mov %rsi, TF_Rsi(%rsp)
    mov %rbp, TF_Rbp(%rsp)
    movb $0, TF_ExceptionActive(%rsp)
    cmp $0x0E, %eax
    jne 3f
    mov %cr2, %rcx                  /* KiPageFault: the faulting address */
    mov %rcx, TF_FaultAddress(%rsp)
3:
    testb $1, TF_SegCs(%rsp)
    jz 1f
    swapgs
    movb $1, TF_PreviousMode(%rsp)
1:
    .globl KiTrapGate
KiTrapGate:
    nop                             /* the executive handles the trap here */
    jmp KiExceptionExit

/* KiStartUserThread: a new thread's first instructions. Its kernel stack holds a trap frame
 * with the initial user context; PspUserThreadStartup runs at the gate. */
    .globl KiStartUserThread
KiStartUserThread:
    .globl KiStartUserThreadGate
KiStartUserThreadGate:
    nop                             /* PspUserThreadStartup */
    jmp KiExceptionExit

/* KiExceptionExit: leave to whatever the trap frame holds, through iretq. */
    .globl KiExceptionExit
KiExceptionExit:
    testb $1, TF_SegCs(%rsp)
    jz 2f
    swapgs
2:
    mov TF_Rax(%rsp), %rax
    mov TF_Rcx(%rsp), %rcx
    mov TF_Rdx(%rsp), %rdx
    mov TF_R8(%rsp), %r8
    mov TF_R9(%rsp), %r9
    mov TF_R10(%rsp), %r10
    mov TF_R11(%rsp), %r11
    mov TF_Rbx(%rsp), %rbx
    mov TF_Rdi(%rsp), %rdi
    mov TF_Rsi(%rsp), %rsi
    mov TF_Rbp(%rsp), %rbp
    add $TF_Rip, %rsp
    iretq

/* KiIdleLoop: where a processor with nothing to run would wait (the dispatcher idles
 * a processor in virtual time instead; nothing jumps here). */
    .globl KiIdleLoop
KiIdleLoop:
    nop
    nop
    int3

    .globl KiSystemStartup
KiSystemStartup:
    ret
