/* LdrpCallTlsCallback(Callback, DllBase, Reason): a TLS callback called as the loader calls them,
 * under an exception handler (LdrpTlsCallbackHandler): an exception the callback raises and does
 * not handle ends the callback, not the process. A callback that leaves its frame badly (a wrong
 * return, an unbalanced stack) lands at LdrpTlsCallbackResume too: the stack it will use is laid
 * with that address first, and the frame is restored from RBP there. */
    .text
    .globl LdrpCallTlsCallback
    .globl LdrpTlsCallbackResume
    .seh_proc LdrpCallTlsCallback
LdrpCallTlsCallback:
    push %rbp
    .seh_pushreg %rbp
    mov %rsp, %rbp
    .seh_setframe %rbp, 0
    sub $0x20, %rsp
    .seh_stackalloc 0x20
    .seh_handler LdrpTlsCallbackHandler, @except
    .seh_endprologue
    lea LdrpTlsCallbackResume(%rip), %rax
    lea -0x200(%rsp), %r10             /* the callback's stack, 64 slots below the call */
1:  mov %rax, (%r10)
    add $8, %r10
    cmp %rsp, %r10
    jb 1b
    mov %rcx, %rax
    mov %rdx, %rcx
    mov %r8d, %edx
    xor %r8d, %r8d
    call *%rax
LdrpTlsCallbackResume:
    lea (%rbp), %rsp
    pop %rbp
    ret
    .seh_endproc
