/*
 * BaseRaiseGuarded(record): RtlRaiseException inside a frame whose handler (BaseGuardHandler in
 * debug_print.c) takes the DBG_PRINTEXCEPTION codes, as OutputDebugString's __try does on Windows.
 * Returns 0 when something else continued the exception (a debugger, a vectored handler), 1 when
 * the frame handler caught it (it resumes at BaseGuardCaught).
 */
    .text
    .globl BaseRaiseGuarded
    .globl BaseGuardCaught
    .def BaseRaiseGuarded; .scl 2; .type 32; .endef
    .seh_proc BaseRaiseGuarded
BaseRaiseGuarded:
    sub $0x28, %rsp
    .seh_stackalloc 0x28
    .seh_handler BaseGuardHandler, @except
    .seh_endprologue
    call *__imp_RtlRaiseException(%rip)
    xor %eax, %eax
    jmp 1f
BaseGuardCaught:
    mov $1, %eax
1:  add $0x28, %rsp
    ret
    .seh_endproc
