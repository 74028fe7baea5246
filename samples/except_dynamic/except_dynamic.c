/* Generated code with its unwind data registered at run time: RtlAddFunctionTable,
 * RtlInstallFunctionTableCallback and a growable table each let the dispatcher find the
 * handler of a faulting function written into fresh memory; RtlVirtualUnwind on it in its
 * prologue, body and epilogue; RtlCaptureStackBackTrace through it. */
#include "../seh.h"

static UCHAR *code;
static int handled;
static const UCHAR function[] = {
    0x48, 0x83, 0xEC, 0x28,             /* 0x00 sub rsp, 0x28 (the prologue) */
    0x31, 0xC9,                         /* 0x04 xor ecx, ecx */
    0x8B, 0x01,                         /* 0x06 mov eax, [rcx]: faults */
    0xB8, 0x2A, 0x00, 0x00, 0x00,       /* 0x08 mov eax, 42: where the handler resumes */
    0x48, 0x83, 0xC4, 0x28,             /* 0x0D add rsp, 0x28 (the epilogue) */
    0xC3,                               /* 0x11 ret */
};

int Handler(EXCEPTION_RECORD *r, PVOID frame, CONTEXT *c, DISPATCHER_CONTEXT *dc)
{
    (void)frame;
    if (r->ExceptionFlags & EXCEPTION_UNWINDING)
        return ExceptionContinueSearch;
    handled++;
    PrintHex("handler: code ", r->ExceptionCode);
    PrintHex("handler: ControlPc - code ", dc->ControlPc - (unsigned long long)code);
    c->Rip = (unsigned long long)code + 8;
    return ExceptionContinueExecution;
}

static RUNTIME_FUNCTION *table;
static RUNTIME_FUNCTION *Callback(unsigned long long pc, PVOID context)
{
    PrintHex("callback for offset ", pc - (unsigned long long)code);
    return context;
}

static void Call(const char *what)
{
    Print(what);
    int r = ((int (*)(void))code)();
    PrintHex("  returned ", r);
}

int Entry(void)
{
    PVOID base = 0;
    SIZE_T size = 0x1000;
    NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &size, 0x3000, 0x40);
    code = base;
    for (unsigned i = 0; i < sizeof(function); i++)
        code[i] = function[i];
    /* 0x20: jmp [rip] to Handler (the handler's RVA must be inside the range) */
    code[0x20] = 0xFF; code[0x21] = 0x25; *(ULONG *)(code + 0x22) = 0;
    *(unsigned long long *)(code + 0x26) = (unsigned long long)Handler;
    /* 0x40: UNWIND_INFO: version 1, UNW_FLAG_EHANDLER, prologue 4 bytes, one code
     * (offset 4: UWOP_ALLOC_SMALL 0x28), then the handler's RVA */
    UCHAR unwind[] = {0x09, 0x04, 0x01, 0x00, 0x04, 0x42, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00};
    for (unsigned i = 0; i < sizeof(unwind); i++)
        code[0x40 + i] = unwind[i];
    table = (RUNTIME_FUNCTION *)(code + 0x60);
    table->BeginAddress = 0;
    table->EndAddress = sizeof(function);
    table->UnwindData = 0x40;

    unsigned long long image_base = 0;
    Print(RtlLookupFunctionEntry((unsigned long long)code + 6, &image_base, 0) ? "found before adding\n"
                                                                             : "not found before adding\n");
    RtlAddFunctionTable(table, 1, (unsigned long long)code);
    RUNTIME_FUNCTION *found = RtlLookupFunctionEntry((unsigned long long)code + 6, &image_base, 0);
    Print(found == table && image_base == (unsigned long long)code ? "RtlAddFunctionTable: found\n" : "not found\n");
    Call("call with RtlAddFunctionTable\n");

    /* RtlVirtualUnwind: a frame 0x28 deep holding the return address 0x1234 */
    unsigned long long stack[8] = {0, 0, 0, 0, 0, 0x1234, 0x5678, 0};
    unsigned long long pcs[] = {0, 4, 6, 0x0D, 0x11};
    for (int i = 0; i < 5; i++) {
        CONTEXT c = {0};
        unsigned long long frame;
        PVOID data;
        int entered = pcs[i] >= 4 && pcs[i] < 0x11;          /* RSP was lowered by 0x28 */
        c.Rsp = (unsigned long long)(entered ? &stack[0] : &stack[5]);
        PVOID h = RtlVirtualUnwind(1, (unsigned long long)code, (unsigned long long)code + pcs[i], table, &c, &data,
                                   &frame, 0);
        PrintPair("unwind at offset / handler?", pcs[i], h != 0);
        PrintPair("  Rip, Rsp advance", c.Rip, c.Rsp - (unsigned long long)&stack[0]);
    }
    RtlDeleteFunctionTable(table);
    Print(RtlLookupFunctionEntry((unsigned long long)code + 6, &image_base, 0) ? "still found\n" : "deleted\n");

    Print(RtlInstallFunctionTableCallback((unsigned long long)code, (unsigned long long)code, 0x100, Callback, table, 0)
          ? "identifier without low bits accepted\n" : "identifier without low bits refused\n");
    RtlInstallFunctionTableCallback((unsigned long long)code | 3, (unsigned long long)code, 0x100, Callback, table, 0);
    Call("call with a function table callback\n");
    RtlDeleteFunctionTable((RUNTIME_FUNCTION *)((unsigned long long)code | 3));

    PVOID growable;
    RtlAddGrowableFunctionTable(&growable, table, 0, 4, (ULONG_PTR)code, (ULONG_PTR)code + 0x100);
    Print(RtlLookupFunctionEntry((unsigned long long)code + 6, &image_base, 0) ? "growable: found with 0 entries\n"
                                                                             : "growable: none with 0 entries\n");
    RtlGrowFunctionTable(growable, 1);
    Call("call with a growable table of 1 entry\n");
    RtlDeleteGrowableFunctionTable(growable);

    PVOID trace[4];
    ULONG hash;
    USHORT n = RtlCaptureStackBackTrace(0, 4, trace, &hash);
    unsigned long long entry = (unsigned long long)Entry;
    Print(n >= 1 && (unsigned long long)trace[0] > entry && (unsigned long long)trace[0] < entry + 0x1000
          ? "back trace starts in Entry\n" : "back trace wrong\n");
    PrintHex("handled: ", handled);
    return 0;
}
