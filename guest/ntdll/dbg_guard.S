/*
 * RtlpRaiseDebugPrint(record): RtlRaiseException inside a frame whose handler (RtlpDebugPrintHandler
 * in dbg_print.c) takes DBG_PRINTEXCEPTION_C, as the __try around user-mode DbgPrint's raise does on
 * Windows: a debugger or vectored handler sees it first; when nobody continues it, it is caught here.
 */
    .text
    .globl RtlpRaiseDebugPrint
    .globl RtlpDebugPrintCaught
    .def RtlpRaiseDebugPrint; .scl 2; .type 32; .endef
    .seh_proc RtlpRaiseDebugPrint
RtlpRaiseDebugPrint:
    sub $0x28, %rsp
    .seh_stackalloc 0x28
    .seh_handler RtlpDebugPrintHandler, @except
    .seh_endprologue
    call RtlRaiseException
    jmp 1f
RtlpDebugPrintCaught:
    nop
1:  add $0x28, %rsp
    ret
    .seh_endproc

/* DbgBreakPoint and DbgUserBreakPoint: a breakpoint exception at the int3. */
    .globl DbgBreakPoint
    .globl DbgUserBreakPoint
    .def DbgBreakPoint; .scl 2; .type 32; .endef
    .def DbgUserBreakPoint; .scl 2; .type 32; .endef
DbgBreakPoint:
DbgUserBreakPoint:
    int3
    ret
    .section .drectve
    .ascii " -export:DbgBreakPoint -export:DbgUserBreakPoint"
