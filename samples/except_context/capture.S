/* CaptureWithMarkers(CONTEXT *): RtlCaptureContext2 called with a marker in every nonvolatile
 * register; CapturedRsp gets RSP as it is after that call returns, CaptureReturn labels where. */
    .text
    .globl CaptureWithMarkers
    .globl CaptureReturn
    .def CaptureWithMarkers; .scl 2; .type 32; .endef
    .seh_proc CaptureWithMarkers
CaptureWithMarkers:
    push %rbx
    .seh_pushreg %rbx
    push %rbp
    .seh_pushreg %rbp
    push %rsi
    .seh_pushreg %rsi
    push %rdi
    .seh_pushreg %rdi
    push %r12
    .seh_pushreg %r12
    push %r13
    .seh_pushreg %r13
    push %r14
    .seh_pushreg %r14
    push %r15
    .seh_pushreg %r15
    sub $0x28, %rsp
    .seh_stackalloc 0x28
    .seh_endprologue
    movabs $0x1111111111111111, %rbx
    movabs $0x2222222222222222, %rbp
    movabs $0x3333333333333333, %rsi
    movabs $0x4444444444444444, %rdi
    movabs $0x5555555555555555, %r12
    movabs $0x6666666666666666, %r13
    movabs $0x7777777777777777, %r14
    movabs $0x0123456789ABCDEF, %r15
    call RtlCaptureContext2
CaptureReturn:
    mov %rsp, CapturedRsp(%rip)
    add $0x28, %rsp
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rdi
    pop %rsi
    pop %rbp
    pop %rbx
    ret
    .seh_endproc

    .data
    .globl CapturedRsp
CapturedRsp:
    .quad 0
