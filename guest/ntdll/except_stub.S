/*
 * The parts of exception dispatch that must be assembly: KiUserExceptionDispatcher (where the
 * kernel delivers a first-chance exception), RtlCaptureContext, the handler calls whose own
 * frame handlers detect nested exceptions and collided unwinds, and RcConsolidateFrames (the
 * STATUS_UNWIND_CONSOLIDATE callback's frame, which unwinds straight to the target frame).
 */

/* CONTEXT offsets */
#define CX_ContextFlags 0x30
#define CX_MxCsr 0x34
#define CX_EFlags 0x44
#define CX_Rax 0x78
#define CX_Rcx 0x80
#define CX_Rdx 0x88
#define CX_Rbx 0x90
#define CX_Rsp 0x98
#define CX_Rbp 0xA0
#define CX_Rsi 0xA8
#define CX_Rdi 0xB0
#define CX_R8 0xB8
#define CX_R9 0xC0
#define CX_R10 0xC8
#define CX_R11 0xD0
#define CX_R12 0xD8
#define CX_R13 0xE0
#define CX_R14 0xE8
#define CX_R15 0xF0
#define CX_Rip 0xF8
#define CX_FltSave 0x100
#define CX_Xmm6 0x200
#define CONTEXT_SIZE 0x4D0
#define EXCEPTION_FRAME_RECORD 0x4F0     /* CONTEXT, CONTEXT_EX, then the EXCEPTION_RECORD */
#define EXCEPTION_FRAME_MACHINE 0x590    /* the MACHINE_FRAME: Rip, SegCs, EFlags, Rsp, SegSs */
#define DC_LanguageHandler 0x30

    .text

/* KiUserExceptionDispatcher: RSP = the CONTEXT the kernel wrote, the record at +0x4F0, the
 * interrupted Rip/Rsp in the machine frame at +0x590 (so this frame unwinds to the fault). */
    .globl KiUserExceptionDispatcher
    .def KiUserExceptionDispatcher; .scl 2; .type 32; .endef
    .seh_proc KiUserExceptionDispatcher
KiUserExceptionDispatcher:
    .seh_pushframe
    .seh_stackalloc EXCEPTION_FRAME_MACHINE
    .seh_endprologue
    cld
    lea EXCEPTION_FRAME_RECORD(%rsp), %rcx
    mov %rsp, %rdx
    call RtlDispatchException
    test %al, %al
    jz 1f
    mov %rsp, %rcx
    xor %edx, %edx
    call RtlRestoreContext                  /* handled: resume the (possibly edited) context */
    jmp 2f
1:  lea EXCEPTION_FRAME_RECORD(%rsp), %rcx
    mov %rsp, %rdx
    xor %r8d, %r8d
    call NtRaiseException                   /* no handler: the second chance ends the process */
2:  mov %eax, %ecx
    call RtlRaiseStatus
    nop
    .seh_endproc

/* RtlCaptureContext(CONTEXT *): the caller's registers as they are at its call, Rip = the
 * return address, Rsp = the caller's RSP after the return. */
    .globl RtlCaptureContext
    .def RtlCaptureContext; .scl 2; .type 32; .endef
    .seh_proc RtlCaptureContext
RtlCaptureContext:
    pushfq
    .seh_stackalloc 8
    .seh_endprologue
    mov %rax, CX_Rax(%rcx)
    mov %rcx, CX_Rcx(%rcx)
    mov %rdx, CX_Rdx(%rcx)
    mov %rbx, CX_Rbx(%rcx)
    mov %rbp, CX_Rbp(%rcx)
    mov %rsi, CX_Rsi(%rcx)
    mov %rdi, CX_Rdi(%rcx)
    mov %r8, CX_R8(%rcx)
    mov %r9, CX_R9(%rcx)
    mov %r10, CX_R10(%rcx)
    mov %r11, CX_R11(%rcx)
    mov %r12, CX_R12(%rcx)
    mov %r13, CX_R13(%rcx)
    mov %r14, CX_R14(%rcx)
    mov %r15, CX_R15(%rcx)
    movw %cs, 0x38(%rcx)
    movw %ds, 0x3A(%rcx)
    movw %es, 0x3C(%rcx)
    movw %fs, 0x3E(%rcx)
    movw %gs, 0x40(%rcx)
    movw %ss, 0x42(%rcx)
    fxsave CX_FltSave(%rcx)
    stmxcsr CX_MxCsr(%rcx)
    mov (%rsp), %eax
    mov %eax, CX_EFlags(%rcx)
    lea 16(%rsp), %rax
    mov %rax, CX_Rsp(%rcx)
    mov 8(%rsp), %rax
    mov %rax, CX_Rip(%rcx)
    movl $0x10000F, CX_ContextFlags(%rcx)   /* CONTEXT_FULL | CONTEXT_SEGMENTS */
    mov CX_Rax(%rcx), %rax
    add $8, %rsp
    ret
    .seh_endproc

/* RtlpExecuteHandlerForException(Record, EstablisherFrame, Context, DispatcherContext): calls
 * DispatcherContext->LanguageHandler; an exception raised inside it reaches RtlpExceptionHandler
 * through this frame, which reports it as nested (ExceptionNestedException). */
    .globl RtlpExecuteHandlerForException
    .def RtlpExecuteHandlerForException; .scl 2; .type 32; .endef
    .seh_proc RtlpExecuteHandlerForException
RtlpExecuteHandlerForException:
    sub $0x28, %rsp
    .seh_stackalloc 0x28
    .seh_handler RtlpExceptionHandler, @except, @unwind
    .seh_endprologue
    mov %r9, 0x20(%rsp)                     /* the dispatcher context, for RtlpExceptionHandler */
    call *DC_LanguageHandler(%r9)
    nop
    add $0x28, %rsp
    ret
    .seh_endproc

/* RtlpExecuteHandlerForUnwind: the same for a termination handler during RtlUnwindEx; an
 * unwind that passes through this frame collides with the one in progress (RtlpUnwindHandler). */
    .globl RtlpExecuteHandlerForUnwind
    .def RtlpExecuteHandlerForUnwind; .scl 2; .type 32; .endef
    .seh_proc RtlpExecuteHandlerForUnwind
RtlpExecuteHandlerForUnwind:
    sub $0x28, %rsp
    .seh_stackalloc 0x28
    .seh_handler RtlpUnwindHandler, @except, @unwind
    .seh_endprologue
    mov %r9, 0x20(%rsp)
    call *DC_LanguageHandler(%r9)
    nop
    add $0x28, %rsp
    ret
    .seh_endproc

/* RtlpConsolidate(CONTEXT *Target, EXCEPTION_RECORD *Record, Callback): copy Target below the
 * current stack, give it a machine frame (Target's Rip and Rsp) and enter RcConsolidateFrames. */
    .globl RtlpConsolidate
RtlpConsolidate:
    mov %rdx, %rbx
    mov %r8, %r12
    sub $(CONTEXT_SIZE + 0x40), %rsp
    and $-16, %rsp
    mov %rcx, %rsi
    mov %rsp, %rdi
    mov $CONTEXT_SIZE, %ecx
    rep movsb
    mov CX_Rip(%rsp), %rax
    mov %rax, CONTEXT_SIZE(%rsp)            /* MACHINE_FRAME.Rip */
    movq $0x33, CONTEXT_SIZE+8(%rsp)
    mov CX_EFlags(%rsp), %eax
    mov %rax, CONTEXT_SIZE+16(%rsp)
    mov CX_Rsp(%rsp), %rax
    mov %rax, CONTEXT_SIZE+24(%rsp)         /* MACHINE_FRAME.Rsp */
    movq $0x2B, CONTEXT_SIZE+32(%rsp)
    jmp RcConsolidateFrames

/* RcConsolidateFrames: RSP = the CONTEXT copy. Its unwind codes restore every nonvolatile
 * register from that copy and pop the machine frame, so the callback's frames unwind straight
 * into the target frame. The callback returns where the target resumes. */
    .globl RcConsolidateFrames
    .def RcConsolidateFrames; .scl 2; .type 32; .endef
    .seh_proc RcConsolidateFrames
RcConsolidateFrames:
    .seh_pushframe
    .seh_stackalloc CONTEXT_SIZE
    .seh_savereg %rbx, CX_Rbx
    .seh_savereg %rbp, CX_Rbp
    .seh_savereg %rsi, CX_Rsi
    .seh_savereg %rdi, CX_Rdi
    .seh_savereg %r12, CX_R12
    .seh_savereg %r13, CX_R13
    .seh_savereg %r14, CX_R14
    .seh_savereg %r15, CX_R15
    .seh_savexmm %xmm6, CX_Xmm6
    .seh_savexmm %xmm7, CX_Xmm6+0x10
    .seh_savexmm %xmm8, CX_Xmm6+0x20
    .seh_savexmm %xmm9, CX_Xmm6+0x30
    .seh_savexmm %xmm10, CX_Xmm6+0x40
    .seh_savexmm %xmm11, CX_Xmm6+0x50
    .seh_savexmm %xmm12, CX_Xmm6+0x60
    .seh_savexmm %xmm13, CX_Xmm6+0x70
    .seh_savexmm %xmm14, CX_Xmm6+0x80
    .seh_savexmm %xmm15, CX_Xmm6+0x90
    .seh_endprologue
    mov %rbx, %rcx
    call *%r12
    mov %rax, CX_Rip(%rsp)
    mov %rsp, %rcx
    xor %edx, %edx
    call NtContinue
    nop
    .seh_endproc

/* The exports of this file (what __declspec(dllexport) says in C). */
    .section .drectve
    .ascii " -export:KiUserExceptionDispatcher -export:RtlCaptureContext -export:RcConsolidateFrames"

/* RtlpExecuteThreadStart(Start, Parameter): Start(Parameter) inside the thread's top-level
 * __try: its filter (RtlpUnhandledExceptionFilter) asks the filter kernel32 installed with
 * RtlSetUnhandledExceptionFilter; EXCEPTION_EXECUTE_HANDLER ends the process with the
 * exception's code. For RtlUserThreadStart: RtlExitUserThread(RtlpExecuteThreadStart(...)). */
    .text
    .globl RtlpExecuteThreadStart
    .def RtlpExecuteThreadStart; .scl 2; .type 32; .endef
    .seh_proc RtlpExecuteThreadStart
RtlpExecuteThreadStart:
    sub $0x28, %rsp
    .seh_stackalloc 0x28
    .seh_handler __C_specific_handler, @except, @unwind
    .seh_handlerdata
    .long 1
    .rva RtlpThreadStartTry, RtlpThreadStartTryEnd, RtlpUnhandledExceptionFilter, RtlpThreadStartExcept
    .text
    .seh_endprologue
    mov %rcx, %rax
    mov %rdx, %rcx
RtlpThreadStartTry:
    call *%rax
    nop
RtlpThreadStartTryEnd:
    add $0x28, %rsp
    ret
RtlpThreadStartExcept:
    mov %eax, %edx                          /* the exception code */
    mov $-1, %rcx                           /* NtCurrentProcess() */
    call NtTerminateProcess
    int3
    .seh_endproc
