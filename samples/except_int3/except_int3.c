/* int3 at the entry point with a handler named in the exception directory, as
 * corkami's exceptions.exe does: the handler (found through .pdata) reports and exits. */
#include "../seh.h"

int EntryHandler(EXCEPTION_RECORD *r, PVOID frame, CONTEXT *c, DISPATCHER_CONTEXT *dc)
{
    (void)frame; (void)dc;
    Print(r->ExceptionCode == 0x80000003 && c->Rip == (unsigned long long)r->ExceptionAddress
          ? " * the handler ran for the int3 at the entry point\n" : " * wrong record\n");
    NtTerminateProcess(NtCurrentProcess(), 0);
    return ExceptionContinueSearch;
}

int Entry(void);
__asm__(
    ".globl Entry\n.def Entry; .scl 2; .type 32; .endef\n"
    ".seh_proc Entry\nEntry:\n  .seh_handler EntryHandler, @except\n  .seh_endprologue\n"
    "  int3\n  ret\n  .seh_endproc\n");
