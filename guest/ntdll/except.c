/*
 * Exception dispatch in user mode: RtlDispatchException (vectored handlers, then the frame
 * handlers that RtlVirtualUnwind finds on the stack, then vectored continue handlers),
 * RtlRaiseException / RtlRaiseStatus, RtlRestoreContext, and the vectored handler lists.
 */
#include "ntdll.h"

PVOID NTAPI RtlAllocateHeap(PVOID HeapHandle, ULONG Flags, SIZE_T Size);
BOOLEAN NTAPI RtlFreeHeap(PVOID HeapHandle, ULONG Flags, PVOID p);
NTSTATUS NTAPI NtYieldExecution(void);
void RtlpConsolidate(CONTEXT *Target, EXCEPTION_RECORD *Record, PVOID Callback);

/* -- vectored exception and continue handlers */
typedef struct _VECTORED_HANDLER {
    LIST_ENTRY Links;
    LONG References;                /* the list's reference, plus one per call in progress */
    BOOLEAN Removed;
    PVECTORED_EXCEPTION_HANDLER Handler;
} VECTORED_HANDLER;

static LIST_ENTRY RtlpVectoredLists[2] = {
    {&RtlpVectoredLists[0], &RtlpVectoredLists[0]}, {&RtlpVectoredLists[1], &RtlpVectoredLists[1]},
};
static volatile LONG RtlpVectoredLock;

static void RtlpAcquire(volatile LONG *lock)
{
    while (__atomic_exchange_n(lock, 1, __ATOMIC_ACQUIRE))
        NtYieldExecution();
}

static void RtlpRelease(volatile LONG *lock)
{
    __atomic_store_n(lock, 0, __ATOMIC_RELEASE);
}

static void RtlpDereference(VECTORED_HANDLER *entry)
{
    if (--entry->References == 0)
        RtlFreeHeap(NtCurrentTeb()->ProcessEnvironmentBlock->ProcessHeap, 0, entry);
}

static PVOID RtlpAddVectoredHandler(int list, ULONG First, PVECTORED_EXCEPTION_HANDLER Handler)
{
    VECTORED_HANDLER *entry = RtlAllocateHeap(NtCurrentTeb()->ProcessEnvironmentBlock->ProcessHeap, 0,
                                              sizeof(*entry));
    if (entry == NULL)
        return NULL;
    entry->References = 1;
    entry->Removed = 0;
    entry->Handler = Handler;
    LIST_ENTRY *head = &RtlpVectoredLists[list];
    RtlpAcquire(&RtlpVectoredLock);
    if (First) {
        entry->Links.Flink = head->Flink;
        entry->Links.Blink = head;
        head->Flink->Blink = &entry->Links;
        head->Flink = &entry->Links;
    } else {
        entry->Links.Flink = head;
        entry->Links.Blink = head->Blink;
        head->Blink->Flink = &entry->Links;
        head->Blink = &entry->Links;
    }
    RtlpRelease(&RtlpVectoredLock);
    return entry;
}

static ULONG RtlpRemoveVectoredHandler(int list, PVOID Handle)
{
    LIST_ENTRY *head = &RtlpVectoredLists[list];
    ULONG found = 0;
    RtlpAcquire(&RtlpVectoredLock);
    for (LIST_ENTRY *le = head->Flink; le != head; le = le->Flink) {
        if (le == Handle) {
            VECTORED_HANDLER *entry = (VECTORED_HANDLER *)le;
            le->Blink->Flink = le->Flink;
            le->Flink->Blink = le->Blink;
            entry->Removed = 1;
            RtlpDereference(entry);
            found = 1;
            break;
        }
    }
    RtlpRelease(&RtlpVectoredLock);
    return found;
}

/* Call the list's handlers in order until one returns EXCEPTION_CONTINUE_EXECUTION. A handler
 * may add or remove handlers (itself included) while it runs. */
static BOOLEAN RtlpCallVectoredHandlers(int list, EXCEPTION_RECORD *ExceptionRecord, CONTEXT *ContextRecord)
{
    EXCEPTION_POINTERS pointers = {ExceptionRecord, ContextRecord};
    LIST_ENTRY *head = &RtlpVectoredLists[list];
    BOOLEAN handled = 0;
    RtlpAcquire(&RtlpVectoredLock);
    LIST_ENTRY *le = head->Flink;
    while (le != head) {
        VECTORED_HANDLER *entry = (VECTORED_HANDLER *)le;
        entry->References++;
        RtlpRelease(&RtlpVectoredLock);
        LONG result = entry->Handler(&pointers);
        RtlpAcquire(&RtlpVectoredLock);
        /* A removed entry keeps its Flink: it points to what followed it when it was unlinked. */
        LIST_ENTRY *next = entry->Links.Flink;
        RtlpDereference(entry);
        if (result == EXCEPTION_CONTINUE_EXECUTION) {
            handled = 1;
            break;
        }
        le = next;
    }
    RtlpRelease(&RtlpVectoredLock);
    return handled;
}

NTSYSAPI PVOID NTAPI RtlAddVectoredExceptionHandler(ULONG First, PVECTORED_EXCEPTION_HANDLER Handler)
{
    return RtlpAddVectoredHandler(0, First, Handler);
}

NTSYSAPI ULONG NTAPI RtlRemoveVectoredExceptionHandler(PVOID Handle)
{
    return RtlpRemoveVectoredHandler(0, Handle);
}

NTSYSAPI PVOID NTAPI RtlAddVectoredContinueHandler(ULONG First, PVECTORED_EXCEPTION_HANDLER Handler)
{
    return RtlpAddVectoredHandler(1, First, Handler);
}

NTSYSAPI ULONG NTAPI RtlRemoveVectoredContinueHandler(PVOID Handle)
{
    return RtlpRemoveVectoredHandler(1, Handle);
}

/* -- frame-based dispatch */
/* Is `frame` an aligned address of this thread's stack? The limit is read afresh each time:
 * the stack may have grown (through its guard page) since the caller last looked. */
BOOLEAN RtlpIsStackFrame(ULONG64 frame)
{
    volatile TEB *teb = NtCurrentTeb();
    return (frame & 7) == 0 && frame >= (ULONG64)teb->StackLimit && frame < (ULONG64)teb->StackBase;
}

static BOOLEAN RtlpHandled(EXCEPTION_RECORD *ExceptionRecord, CONTEXT *ContextRecord)
{
    RtlpCallVectoredHandlers(1, ExceptionRecord, ContextRecord);
    return 1;
}

/* Called by KiUserExceptionDispatcher and RtlRaiseException. TRUE: a handler asked to continue
 * with *ContextRecord (which it may have edited); FALSE: nobody handled the exception. */
NTSYSAPI BOOLEAN NTAPI RtlDispatchException(EXCEPTION_RECORD *ExceptionRecord, CONTEXT *ContextRecord)
{
    if (RtlpCallVectoredHandlers(0, ExceptionRecord, ContextRecord))
        return RtlpHandled(ExceptionRecord, ContextRecord);

    ULONG64 high = (ULONG64)NtCurrentTeb()->StackBase;
    CONTEXT context = *ContextRecord;       /* walks up the stack, one frame per iteration */
    DISPATCHER_CONTEXT dc;
    ULONG64 nested_frame = 0;

    /* The first frame may be at Rip 0 (a call through a null pointer): it is a leaf, as any
     * code without .pdata; above it, Rip 0 ends the walk (the thread's outermost frame). */
    for (BOOLEAN first = 1; first || (context.Rip != 0 && context.Rsp < high); first = 0) {
        ULONG64 control_pc = context.Rip, image_base = 0, frame = 0;
        PVOID handler_data = NULL;
        PEXCEPTION_ROUTINE handler = NULL;
        RUNTIME_FUNCTION *entry = RtlLookupFunctionEntry(control_pc, &image_base, NULL);
        if (entry != NULL) {
            handler = RtlVirtualUnwind(UNW_FLAG_EHANDLER, image_base, control_pc, entry, &context, &handler_data,
                                       &frame, NULL);
        } else {                            /* a leaf function: the return address is at RSP */
            frame = context.Rsp;
            context.Rip = *(ULONG64 *)context.Rsp;
            context.Rsp += 8;
        }
        if (!RtlpIsStackFrame(frame)) {
            ExceptionRecord->ExceptionFlags |= EXCEPTION_STACK_INVALID;
            return 0;
        }
        if (handler == NULL)
            continue;
        dc.ControlPc = control_pc;
        dc.ImageBase = image_base;
        dc.FunctionEntry = entry;
        dc.EstablisherFrame = frame;
        dc.TargetIp = 0;
        dc.ContextRecord = &context;
        dc.LanguageHandler = handler;
        dc.HandlerData = handler_data;
        dc.HistoryTable = NULL;
        dc.ScopeIndex = 0;
        for (;;) {
            EXCEPTION_DISPOSITION disposition = RtlpExecuteHandlerForException(ExceptionRecord, dc.EstablisherFrame,
                                                                               ContextRecord, &dc);
            if (nested_frame == dc.EstablisherFrame) {
                ExceptionRecord->ExceptionFlags &= ~EXCEPTION_NESTED_CALL;
                nested_frame = 0;
            }
            if (disposition == ExceptionContinueExecution) {
                if (ExceptionRecord->ExceptionFlags & EXCEPTION_NONCONTINUABLE) {
                    EXCEPTION_RECORD record = {STATUS_NONCONTINUABLE_EXCEPTION, EXCEPTION_NONCONTINUABLE,
                                               ExceptionRecord, NULL, 0, {0}};
                    RtlRaiseException(&record);
                }
                return RtlpHandled(ExceptionRecord, ContextRecord);
            }
            if (disposition == ExceptionContinueSearch)
                break;
            if (disposition == ExceptionNestedException) {
                /* dc.EstablisherFrame now names the frame of the dispatch this one interrupted. */
                ExceptionRecord->ExceptionFlags |= EXCEPTION_NESTED_CALL;
                if (dc.EstablisherFrame > nested_frame)
                    nested_frame = dc.EstablisherFrame;
                break;
            }
            if (disposition == ExceptionCollidedUnwind) {
                /* An unwind was in progress below: go on from the frame it had reached. */
                context = *dc.ContextRecord;
                context.Rip = dc.ControlPc;
                PVOID data;
                ULONG64 ignored;
                RtlVirtualUnwind(UNW_FLAG_NHANDLER, dc.ImageBase, dc.ControlPc, dc.FunctionEntry, &context, &data,
                                 &ignored, NULL);
                dc.ContextRecord = &context;
                continue;
            }
            EXCEPTION_RECORD record = {STATUS_INVALID_DISPOSITION, EXCEPTION_NONCONTINUABLE, ExceptionRecord, NULL, 0, {0}};
            RtlRaiseException(&record);
        }
    }
    return 0;
}

/* A handler called by RtlpExecuteHandlerForException raised an exception: it is nested in the
 * dispatch that called the handler, whose dispatcher context the stub kept at Frame + 0x20. */
EXCEPTION_DISPOSITION RtlpExceptionHandler(EXCEPTION_RECORD *ExceptionRecord, ULONG64 EstablisherFrame,
                                           CONTEXT *ContextRecord, DISPATCHER_CONTEXT *Dispatcher)
{
    (void)ContextRecord;
    if (ExceptionRecord->ExceptionFlags & EXCEPTION_UNWIND)
        return ExceptionContinueSearch;
    DISPATCHER_CONTEXT *outer = *(DISPATCHER_CONTEXT **)(EstablisherFrame + 0x20);
    Dispatcher->EstablisherFrame = outer->EstablisherFrame;
    return ExceptionNestedException;
}

/* A dispatch or unwind reached a termination handler's call during another unwind: it takes
 * over where that unwind was (a collided unwind). */
EXCEPTION_DISPOSITION RtlpUnwindHandler(EXCEPTION_RECORD *ExceptionRecord, ULONG64 EstablisherFrame,
                                        CONTEXT *ContextRecord, DISPATCHER_CONTEXT *Dispatcher)
{
    (void)ExceptionRecord; (void)ContextRecord;
    DISPATCHER_CONTEXT *outer = *(DISPATCHER_CONTEXT **)(EstablisherFrame + 0x20);
    Dispatcher->ControlPc = outer->ControlPc;
    Dispatcher->ImageBase = outer->ImageBase;
    Dispatcher->FunctionEntry = outer->FunctionEntry;
    Dispatcher->EstablisherFrame = outer->EstablisherFrame;
    Dispatcher->ContextRecord = outer->ContextRecord;
    Dispatcher->LanguageHandler = outer->LanguageHandler;
    Dispatcher->HandlerData = outer->HandlerData;
    Dispatcher->HistoryTable = outer->HistoryTable;
    Dispatcher->ScopeIndex = outer->ScopeIndex;
    return ExceptionCollidedUnwind;
}

/* -- the top-level filter of the thread start path */
static PVECTORED_EXCEPTION_HANDLER RtlpTopLevelFilter;

/* kernel32 installs its UnhandledExceptionFilter here when it initialises. */
NTSYSAPI void NTAPI RtlSetUnhandledExceptionFilter(PVECTORED_EXCEPTION_HANDLER Filter)
{
    __atomic_store_n(&RtlpTopLevelFilter, Filter, __ATOMIC_RELEASE);
}

/* The filter of RtlpExecuteThreadStart's __try (except_stub.S). Without a top-level filter the
 * search goes on: the exception is unhandled and its second chance ends the process. */
LONG RtlpUnhandledExceptionFilter(EXCEPTION_POINTERS *ExceptionPointers, PVOID EstablisherFrame)
{
    (void)EstablisherFrame;
    PVECTORED_EXCEPTION_HANDLER filter = __atomic_load_n(&RtlpTopLevelFilter, __ATOMIC_ACQUIRE);
    return filter != NULL ? filter(ExceptionPointers) : EXCEPTION_CONTINUE_SEARCH;
}

/* -- raising */

/* RtlRaiseException: the record is raised at the caller's return address with the caller's
 * registers; the kernel sees it (an event) and sends it back to KiUserExceptionDispatcher. */
NTSYSAPI __attribute__((noinline)) void NTAPI RtlRaiseException(EXCEPTION_RECORD *ExceptionRecord)
{
    CONTEXT context;
    RtlCaptureContext(&context);
    ULONG64 image_base, frame;
    PVOID data;
    RUNTIME_FUNCTION *entry = RtlLookupFunctionEntry(context.Rip, &image_base, NULL);
    if (entry != NULL)
        RtlVirtualUnwind(UNW_FLAG_NHANDLER, image_base, context.Rip, entry, &context, &data, &frame, NULL);
    ExceptionRecord->ExceptionAddress = (PVOID)context.Rip;
    NTSTATUS status = NtRaiseException(ExceptionRecord, &context, 1);
    RtlRaiseStatus(status);
}

NTSYSAPI __attribute__((noreturn)) void NTAPI RtlRaiseStatus(NTSTATUS Status)
{
    EXCEPTION_RECORD record = {Status, EXCEPTION_NONCONTINUABLE, NULL, NULL, 0, {0}};
    for (;;)
        RtlRaiseException(&record);
}

/* _JUMP_BUFFER of setjmp.h (x64): what longjmp's STATUS_LONGJUMP unwind restores. */
typedef struct {
    ULONG64 Frame, Rbx, Rsp, Rbp, Rsi, Rdi, R12, R13, R14, R15, Rip;
    ULONG MxCsr; USHORT FpCsr, Spare;
    M128A Xmm[10];                  /* Xmm6-Xmm15 */
} JUMP_BUFFER;

/* RtlRestoreContext: continue with *ContextRecord; for STATUS_LONGJUMP the registers come from
 * the jump buffer, for STATUS_UNWIND_CONSOLIDATE the callback in ExceptionInformation[0] runs
 * first (in a frame that unwinds to the target) and returns where the target resumes. */
NTSYSAPI void NTAPI RtlRestoreContext(CONTEXT *ContextRecord, EXCEPTION_RECORD *ExceptionRecord)
{
    if (ExceptionRecord != NULL && ExceptionRecord->NumberParameters >= 1) {
        if (ExceptionRecord->ExceptionCode == STATUS_LONGJUMP) {
            JUMP_BUFFER *jb = (JUMP_BUFFER *)ExceptionRecord->ExceptionInformation[0];
            ContextRecord->Rbx = jb->Rbx; ContextRecord->Rsp = jb->Rsp; ContextRecord->Rbp = jb->Rbp;
            ContextRecord->Rsi = jb->Rsi; ContextRecord->Rdi = jb->Rdi; ContextRecord->R12 = jb->R12;
            ContextRecord->R13 = jb->R13; ContextRecord->R14 = jb->R14; ContextRecord->R15 = jb->R15;
            ContextRecord->Rip = jb->Rip;
            ContextRecord->MxCsr = jb->MxCsr;
            ContextRecord->FltSave.MxCsr = jb->MxCsr;
            ContextRecord->FltSave.ControlWord = jb->FpCsr;
            for (int i = 0; i < 10; i++)
                (&ContextRecord->Xmm6)[i] = jb->Xmm[i];
        } else if (ExceptionRecord->ExceptionCode == STATUS_UNWIND_CONSOLIDATE) {
            RtlpConsolidate(ContextRecord, ExceptionRecord, (PVOID)ExceptionRecord->ExceptionInformation[0]);
        }
    }
    NtContinue(ContextRecord, 0);
}
