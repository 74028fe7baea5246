/*
 * BaseSwitchFiberStack(save_rsp, new_rsp): the nonvolatile registers (rbp, rbx, rdi, rsi, r12-r15,
 * xmm6-xmm15) pushed on the current stack, its rsp stored at *save_rsp, then the other fiber's
 * registers popped from new_rsp and a return into it. A new fiber's stack is laid out the same way
 * with BaseFiberStart as the return address.
 */
    .text
    .globl BaseSwitchFiberStack
    .globl BaseFiberStart
    .def BaseSwitchFiberStack; .scl 2; .type 32; .endef
BaseSwitchFiberStack:
    push %rbp
    push %rbx
    push %rdi
    push %rsi
    push %r12
    push %r13
    push %r14
    push %r15
    sub $0xa8, %rsp
    movaps %xmm6, 0x00(%rsp)
    movaps %xmm7, 0x10(%rsp)
    movaps %xmm8, 0x20(%rsp)
    movaps %xmm9, 0x30(%rsp)
    movaps %xmm10, 0x40(%rsp)
    movaps %xmm11, 0x50(%rsp)
    movaps %xmm12, 0x60(%rsp)
    movaps %xmm13, 0x70(%rsp)
    movaps %xmm14, 0x80(%rsp)
    movaps %xmm15, 0x90(%rsp)
    mov %rsp, (%rcx)
    mov %rdx, %rsp
    movaps 0x00(%rsp), %xmm6
    movaps 0x10(%rsp), %xmm7
    movaps 0x20(%rsp), %xmm8
    movaps 0x30(%rsp), %xmm9
    movaps 0x40(%rsp), %xmm10
    movaps 0x50(%rsp), %xmm11
    movaps 0x60(%rsp), %xmm12
    movaps 0x70(%rsp), %xmm13
    movaps 0x80(%rsp), %xmm14
    movaps 0x90(%rsp), %xmm15
    add $0xa8, %rsp
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %rsi
    pop %rdi
    pop %rbx
    pop %rbp
    ret

/* A new fiber's first instructions (rsp 16-aligned after the return): BaseFiberMain, which does not return. */
    .def BaseFiberStart; .scl 2; .type 32; .endef
BaseFiberStart:
    sub $0x20, %rsp
    call BaseFiberMain
    int3
