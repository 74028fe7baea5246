/* KiUserApcDispatcher: where the kernel sends a thread to run a user APC (kernel/ke/apc.py).
 * RSP = a CONTEXT of the interrupted state whose home fields hold the call: P1Home NormalContext,
 * P2Home SystemArgument1, P3Home SystemArgument2, P4Home NormalRoutine. The routine runs with the
 * CONTEXT as its home space; NtContinue(CONTEXT, TestAlert=TRUE) resumes the interrupted service's
 * return (or delivers the next APC first). A MACHINE_FRAME (the interrupted Rip and Rsp) follows the
 * CONTEXT at +0x4D0, so this frame unwinds to the interrupted code. */
    .text
    .globl KiUserApcDispatcher
    .def KiUserApcDispatcher; .scl 2; .type 32; .endef
    .seh_proc KiUserApcDispatcher
KiUserApcDispatcher:
    .seh_pushframe
    .seh_stackalloc 0x4D0
    .seh_endprologue
    mov 0x00(%rsp), %rcx                    /* NormalContext */
    mov 0x08(%rsp), %rdx                    /* SystemArgument1 */
    mov 0x10(%rsp), %r8                     /* SystemArgument2 */
    mov 0x18(%rsp), %rax                    /* NormalRoutine */
    call *%rax
    mov %rsp, %rcx
    mov $1, %edx
    call NtContinue
    int3                                    /* NtContinue does not return */
    .seh_endproc

    .section .drectve
    .ascii " -export:KiUserApcDispatcher"
