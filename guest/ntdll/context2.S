/*
 * RtlCaptureContext2(CONTEXT *) (Windows 10 2004+): RtlCaptureContext's registers, and when the
 * caller initialised the record for CONTEXT_XSTATE (InitializeContext(2): a CONTEXT_EX after the
 * CONTEXT describing an XSTATE area), the extended state too (RtlpCaptureXState, rtl_context.c).
 */
#define CX_ContextFlags 0x30
#define CX_Rax 0x78
#define CX_Rsp 0x98
#define CX_Rip 0xF8

    .text
    .globl RtlCaptureContext2
    .def RtlCaptureContext2; .scl 2; .type 32; .endef
    .seh_proc RtlCaptureContext2
RtlCaptureContext2:
    pushq CX_ContextFlags(%rcx)             /* the flags the caller asked for (no flag changes here) */
    .seh_stackalloc 8
    lea -0x20(%rsp), %rsp
    .seh_stackalloc 0x20
    .seh_endprologue
    call RtlCaptureContext                  /* every register as the caller has it, but Rip and Rsp */
    mov 0x28(%rsp), %rax
    mov %rax, CX_Rip(%rcx)                  /* the return address */
    lea 0x30(%rsp), %rax
    mov %rax, CX_Rsp(%rcx)                  /* the caller's RSP after the return */
    mov CX_Rax(%rcx), %rax
    mov 0x20(%rsp), %edx
    add $0x28, %rsp
    jmp RtlpCaptureXState                   /* (context, requested flags), returning to the caller */
    .seh_endproc

    .section .drectve
    .ascii " -export:RtlCaptureContext2"
