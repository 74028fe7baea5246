/*
 * IoGuardCall(g): g->body(g) in a frame whose language handler is IoGuardHandler (ioguard.c).
 * Returns 0 when the body returns, 1 when the handler caught a C++ exception (the unwind resumes
 * at IoGuardCaught). g is kept at the frame's 0x28 for the handler.
 */
    .text
    .globl IoGuardCall
    .globl IoGuardCaught
    .def IoGuardCall; .scl 2; .type 32; .endef
    .seh_proc IoGuardCall
IoGuardCall:
    sub $0x38, %rsp
    .seh_stackalloc 0x38
    .seh_handler IoGuardHandler, @except, @unwind
    .seh_endprologue
    mov %rcx, 0x28(%rsp)
    call *(%rcx)
    xor %eax, %eax
    jmp 1f
IoGuardCaught:
    mov $1, %eax
1:  add $0x38, %rsp
    ret
    .seh_endproc
