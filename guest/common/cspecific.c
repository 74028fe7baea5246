/*
 * __C_specific_handler: the language handler of C __try/__except/__finally on x64. Its handler
 * data is a SCOPE_TABLE; compiled into ntdll (guest/ntdll/cspecific.c) and meant for the C
 * runtimes' copies too (define CSPECIFIC_EXPORT, include "../ntdll/except.h" first).
 */
#ifndef CSPECIFIC_EXPORT
#define CSPECIFIC_EXPORT __declspec(dllexport)
#endif

CSPECIFIC_EXPORT EXCEPTION_DISPOSITION __C_specific_handler(EXCEPTION_RECORD *ExceptionRecord, PVOID EstablisherFrame,
                                                            CONTEXT *ContextRecord, DISPATCHER_CONTEXT *Dispatcher)
{
    ULONG64 image_base = Dispatcher->ImageBase;
    ULONG control_pc = (ULONG)(Dispatcher->ControlPc - image_base);
    SCOPE_TABLE *scopes = Dispatcher->HandlerData;

    if (!(ExceptionRecord->ExceptionFlags & EXCEPTION_UNWIND)) {
        /* Dispatch: the innermost __except scope around ControlPc whose filter says execute. */
        EXCEPTION_POINTERS pointers = {ExceptionRecord, ContextRecord};
        for (ULONG i = Dispatcher->ScopeIndex; i < scopes->Count; i++) {
            if (control_pc < scopes->ScopeRecord[i].BeginAddress || control_pc >= scopes->ScopeRecord[i].EndAddress
                || scopes->ScopeRecord[i].JumpTarget == 0)
                continue;                       /* not around ControlPc, or a __finally */
            LONG verdict = EXCEPTION_EXECUTE_HANDLER;
            if (scopes->ScopeRecord[i].HandlerAddress != EXCEPTION_EXECUTE_HANDLER) {
                PEXCEPTION_FILTER filter = (PEXCEPTION_FILTER)(image_base + scopes->ScopeRecord[i].HandlerAddress);
                verdict = filter(&pointers, EstablisherFrame);
            }
            if (verdict < 0)
                return ExceptionContinueExecution;
            if (verdict > 0) {
                /* The __except block runs in its frame after every inner frame is unwound;
                 * RAX holds the exception code there. */
                RtlUnwindEx(EstablisherFrame, (PVOID)(image_base + scopes->ScopeRecord[i].JumpTarget),
                            ExceptionRecord, (PVOID)(ULONG_PTR)(ULONG)ExceptionRecord->ExceptionCode,
                            Dispatcher->ContextRecord, Dispatcher->HistoryTable);
            }
        }
        return ExceptionContinueSearch;
    }

    /* Unwind: run the __finally blocks around ControlPc, innermost first, up to the target. */
    ULONG target_pc = (ULONG)(Dispatcher->TargetIp - image_base);
    for (ULONG i = Dispatcher->ScopeIndex; i < scopes->Count; i++) {
        if (control_pc < scopes->ScopeRecord[i].BeginAddress || control_pc >= scopes->ScopeRecord[i].EndAddress)
            continue;
        if (ExceptionRecord->ExceptionFlags & EXCEPTION_TARGET_UNWIND) {
            /* In the target frame, scopes that also enclose the target stay (same handler). */
            ULONG t;
            for (t = 0; t < scopes->Count; t++) {
                if (target_pc >= scopes->ScopeRecord[t].BeginAddress && target_pc < scopes->ScopeRecord[t].EndAddress
                    && scopes->ScopeRecord[t].JumpTarget == scopes->ScopeRecord[i].JumpTarget
                    && scopes->ScopeRecord[t].HandlerAddress == scopes->ScopeRecord[i].HandlerAddress)
                    break;
            }
            if (t != scopes->Count)
                break;
        }
        if (scopes->ScopeRecord[i].JumpTarget != 0) {
            if (target_pc == scopes->ScopeRecord[i].JumpTarget && (ExceptionRecord->ExceptionFlags & EXCEPTION_TARGET_UNWIND))
                break;                          /* the __except block being unwound to */
            continue;
        }
        /* A __finally: mark it done first, so a collided unwind does not run it twice. */
        Dispatcher->ScopeIndex = i + 1;
        PTERMINATION_HANDLER finally = (PTERMINATION_HANDLER)(image_base + scopes->ScopeRecord[i].HandlerAddress);
        finally(1, EstablisherFrame);
    }
    return ExceptionContinueSearch;
}
