/*
 * The x64 unwinder: RtlLookupFunctionEntry (every loaded module's .pdata, then the dynamic
 * function tables), RtlVirtualUnwind (all unwind codes, chained info, epilogue detection),
 * RtlUnwindEx / RtlUnwind, RtlWalkFrameChain and RtlCaptureStackBackTrace.
 */
#include "ntdll.h"
#include "pe.h"

#define CONTAINING_RECORD(address, type, field) ((type *)((UCHAR *)(address) - __builtin_offsetof(type, field)))

PVOID NTAPI RtlAllocateHeap(PVOID HeapHandle, ULONG Flags, SIZE_T Size);
BOOLEAN NTAPI RtlFreeHeap(PVOID HeapHandle, ULONG Flags, PVOID p);
NTSTATUS NTAPI NtYieldExecution(void);

/* -- dynamic function tables (RtlAddFunctionTable and friends) */
enum { TABLE_STATIC, TABLE_CALLBACK, TABLE_GROWABLE };
typedef struct _DYNAMIC_FUNCTION_TABLE {
    LIST_ENTRY Links;
    RUNTIME_FUNCTION *FunctionTable;    /* or the TableIdentifier of a callback table */
    ULONG EntryCount, MaximumEntryCount, Type;
    ULONG64 BaseAddress, MinimumAddress, MaximumAddress;
    PGET_RUNTIME_FUNCTION_CALLBACK Callback;
    PVOID Context;
} DYNAMIC_FUNCTION_TABLE;

static LIST_ENTRY RtlpDynamicTables = {&RtlpDynamicTables, &RtlpDynamicTables};
static volatile LONG RtlpDynamicTablesLock;

static void RtlpLockTables(void)
{
    while (__atomic_exchange_n(&RtlpDynamicTablesLock, 1, __ATOMIC_ACQUIRE))
        NtYieldExecution();
}

static void RtlpUnlockTables(void)
{
    __atomic_store_n(&RtlpDynamicTablesLock, 0, __ATOMIC_RELEASE);
}

static PVOID RtlpProcessHeap(void)
{
    return NtCurrentTeb()->ProcessEnvironmentBlock->ProcessHeap;
}

static DYNAMIC_FUNCTION_TABLE *RtlpNewTable(ULONG type, RUNTIME_FUNCTION *table, ULONG count, ULONG64 base)
{
    DYNAMIC_FUNCTION_TABLE *t = RtlAllocateHeap(RtlpProcessHeap(), 8, sizeof(*t));
    if (t != NULL) {
        t->Type = type;
        t->FunctionTable = table;
        t->EntryCount = t->MaximumEntryCount = count;
        t->BaseAddress = base;
    }
    return t;
}

static void RtlpInsertTable(DYNAMIC_FUNCTION_TABLE *t)
{
    RtlpLockTables();
    t->Links.Flink = &RtlpDynamicTables;
    t->Links.Blink = RtlpDynamicTables.Blink;
    RtlpDynamicTables.Blink->Flink = &t->Links;
    RtlpDynamicTables.Blink = &t->Links;
    RtlpUnlockTables();
}

static BOOLEAN RtlpRemoveTable(PVOID key, ULONG type_mask)
{
    BOOLEAN found = 0;
    RtlpLockTables();
    for (LIST_ENTRY *le = RtlpDynamicTables.Flink; le != &RtlpDynamicTables; le = le->Flink) {
        DYNAMIC_FUNCTION_TABLE *t = CONTAINING_RECORD(le, DYNAMIC_FUNCTION_TABLE, Links);
        if (((1u << t->Type) & type_mask) && (t->FunctionTable == key || (PVOID)t == key)) {
            le->Blink->Flink = le->Flink;
            le->Flink->Blink = le->Blink;
            RtlFreeHeap(RtlpProcessHeap(), 0, t);
            found = 1;
            break;
        }
    }
    RtlpUnlockTables();
    return found;
}

NTSYSAPI BOOLEAN NTAPI RtlAddFunctionTable(RUNTIME_FUNCTION *FunctionTable, ULONG EntryCount, ULONG64 BaseAddress)
{
    DYNAMIC_FUNCTION_TABLE *t = RtlpNewTable(TABLE_STATIC, FunctionTable, EntryCount, BaseAddress);
    if (t == NULL)
        return 0;
    t->MinimumAddress = ~0ULL;
    for (ULONG i = 0; i < EntryCount; i++) {
        if (BaseAddress + FunctionTable[i].BeginAddress < t->MinimumAddress)
            t->MinimumAddress = BaseAddress + FunctionTable[i].BeginAddress;
        if (BaseAddress + FunctionTable[i].EndAddress > t->MaximumAddress)
            t->MaximumAddress = BaseAddress + FunctionTable[i].EndAddress;
    }
    RtlpInsertTable(t);
    return 1;
}

NTSYSAPI BOOLEAN NTAPI RtlInstallFunctionTableCallback(ULONG64 TableIdentifier, ULONG64 BaseAddress, ULONG Length,
                                                       PGET_RUNTIME_FUNCTION_CALLBACK Callback, PVOID Context,
                                                       const WCHAR *OutOfProcessCallbackDll)
{
    (void)OutOfProcessCallbackDll;
    if ((TableIdentifier & 3) != 3)     /* the two low bits mark a callback table's identifier */
        return 0;
    DYNAMIC_FUNCTION_TABLE *t = RtlpNewTable(TABLE_CALLBACK, (RUNTIME_FUNCTION *)TableIdentifier, 0, BaseAddress);
    if (t == NULL)
        return 0;
    t->MinimumAddress = BaseAddress;
    t->MaximumAddress = BaseAddress + Length;
    t->Callback = Callback;
    t->Context = Context;
    RtlpInsertTable(t);
    return 1;
}

NTSYSAPI BOOLEAN NTAPI RtlDeleteFunctionTable(RUNTIME_FUNCTION *FunctionTable)
{
    return RtlpRemoveTable(FunctionTable, 1u << TABLE_STATIC | 1u << TABLE_CALLBACK);
}

NTSYSAPI NTSTATUS NTAPI RtlAddGrowableFunctionTable(PVOID *DynamicTable, RUNTIME_FUNCTION *FunctionTable,
                                                    ULONG EntryCount, ULONG MaximumEntryCount,
                                                    ULONG_PTR RangeBase, ULONG_PTR RangeEnd)
{
    if (EntryCount > MaximumEntryCount)
        return (NTSTATUS)0xC000000D;    /* STATUS_INVALID_PARAMETER */
    DYNAMIC_FUNCTION_TABLE *t = RtlpNewTable(TABLE_GROWABLE, FunctionTable, EntryCount, RangeBase);
    if (t == NULL)
        return (NTSTATUS)0xC0000017;    /* STATUS_NO_MEMORY */
    t->MaximumEntryCount = MaximumEntryCount;
    t->MinimumAddress = RangeBase;
    t->MaximumAddress = RangeEnd;
    RtlpInsertTable(t);
    *DynamicTable = t;
    return 0;
}

NTSYSAPI void NTAPI RtlGrowFunctionTable(PVOID DynamicTable, ULONG NewEntryCount)
{
    DYNAMIC_FUNCTION_TABLE *t = DynamicTable;
    if (NewEntryCount >= t->EntryCount && NewEntryCount <= t->MaximumEntryCount)
        __atomic_store_n(&t->EntryCount, NewEntryCount, __ATOMIC_RELEASE);
}

NTSYSAPI void NTAPI RtlDeleteGrowableFunctionTable(PVOID DynamicTable)
{
    RtlpRemoveTable(DynamicTable, 1u << TABLE_GROWABLE);
}

/* -- RtlLookupFunctionEntry */
static RUNTIME_FUNCTION *RtlpSearchTable(RUNTIME_FUNCTION *table, ULONG count, ULONG rva, BOOLEAN sorted)
{
    if (!sorted) {
        for (ULONG i = 0; i < count; i++)
            if (rva >= table[i].BeginAddress && rva < table[i].EndAddress)
                return &table[i];
        return NULL;
    }
    LONG lo = 0, hi = (LONG)count - 1;
    while (lo <= hi) {
        LONG mid = (lo + hi) / 2;
        if (rva < table[mid].BeginAddress)
            hi = mid - 1;
        else if (rva >= table[mid].EndAddress)
            lo = mid + 1;
        else
            return &table[mid];
    }
    return NULL;
}

/* An entry whose UnwindData has bit 0 set points at another entry of the same table. */
static RUNTIME_FUNCTION *RtlpResolveIndirect(RUNTIME_FUNCTION *entry, ULONG64 base)
{
    if (entry != NULL && (entry->UnwindData & 1))
        entry = (RUNTIME_FUNCTION *)(base + entry->UnwindData - 1);
    return entry;
}

static RUNTIME_FUNCTION *RtlpLookupDynamic(ULONG64 pc, ULONG64 *ImageBase)
{
    RUNTIME_FUNCTION *found = NULL;
    DYNAMIC_FUNCTION_TABLE *callback_table = NULL;
    RtlpLockTables();
    for (LIST_ENTRY *le = RtlpDynamicTables.Flink; le != &RtlpDynamicTables; le = le->Flink) {
        DYNAMIC_FUNCTION_TABLE *t = CONTAINING_RECORD(le, DYNAMIC_FUNCTION_TABLE, Links);
        if (pc < t->MinimumAddress || pc >= t->MaximumAddress)
            continue;
        *ImageBase = t->BaseAddress;
        if (t->Type == TABLE_CALLBACK) {
            callback_table = t;
            break;
        }
        ULONG count = __atomic_load_n(&t->EntryCount, __ATOMIC_ACQUIRE);
        found = RtlpSearchTable(t->FunctionTable, count, (ULONG)(pc - t->BaseAddress), t->Type == TABLE_GROWABLE);
        if (found != NULL)
            break;
    }
    PGET_RUNTIME_FUNCTION_CALLBACK callback = callback_table ? callback_table->Callback : NULL;
    PVOID context = callback_table ? callback_table->Context : NULL;
    RtlpUnlockTables();
    if (callback != NULL)
        found = callback(pc, context);
    return found;
}

NTSYSAPI RUNTIME_FUNCTION *NTAPI RtlLookupFunctionEntry(ULONG64 ControlPc, ULONG64 *ImageBase,
                                                         UNWIND_HISTORY_TABLE *HistoryTable)
{
    (void)HistoryTable;                 /* a cache only: every lookup searches */
    PEB_LDR_DATA *ldr = NtCurrentTeb()->ProcessEnvironmentBlock->Ldr;
    for (LIST_ENTRY *le = ldr->InLoadOrderModuleList.Flink; le != &ldr->InLoadOrderModuleList; le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *mod = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InLoadOrderLinks);
        ULONG64 base = (ULONG64)mod->DllBase;
        if (ControlPc < base || ControlPc >= base + mod->SizeOfImage)
            continue;
        *ImageBase = base;
        ULONG size = 0;
        RUNTIME_FUNCTION *table = RtlImageDirectoryEntryToData(mod->DllBase, 1, IMAGE_DIRECTORY_ENTRY_EXCEPTION,
                                                                 &size);
        if (table == NULL)
            return NULL;
        return RtlpResolveIndirect(RtlpSearchTable(table, size / sizeof(RUNTIME_FUNCTION),
                                                   (ULONG)(ControlPc - base), 1), base);
    }
    return RtlpLookupDynamic(ControlPc, ImageBase);
}

/* -- RtlVirtualUnwind */
static ULONG64 *RtlpReg(CONTEXT *c, int n) { return &c->Rax + n; }
static M128A *RtlpXmm(CONTEXT *c, int n) { return &c->Xmm0 + n; }

static void RtlpRestoreReg(CONTEXT *c, int n, ULONG64 *from, KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    *RtlpReg(c, n) = *from;
    if (ptrs)
        ptrs->IntegerContext[n] = from;
}

static void RtlpRestoreXmm(CONTEXT *c, int n, M128A *from, KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    *RtlpXmm(c, n) = *from;
    if (ptrs)
        ptrs->FloatingContext[n] = from;
}

static int RtlpCodeSlots(UCHAR op, UCHAR info)
{
    switch (op) {
    case UWOP_ALLOC_LARGE: return info ? 3 : 2;
    case UWOP_SAVE_NONVOL: case UWOP_SAVE_XMM128: case UWOP_EPILOG: return 2;
    case UWOP_SAVE_NONVOL_FAR: case UWOP_SAVE_XMM128_FAR: case UWOP_SPARE_CODE: return 3;
    default: return 1;
    }
}

/* Is ControlPc in an epilogue? x64 epilogues are: add rsp,imm or lea rsp,[fp+disp] (optional),
 * pops of nonvolatile registers, then ret or a jmp out of the function. If so, the rest of the
 * epilogue is simulated on *c. */
static BOOLEAN RtlpUnwindEpilogue(ULONG64 pc, ULONG64 base, RUNTIME_FUNCTION *fn, int frame_reg, CONTEXT *c,
                                  KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    const UCHAR *p = (const UCHAR *)pc;
    ULONG64 rsp = c->Rsp;
    if (p[0] == 0x48 && p[1] == 0x83 && p[2] == 0xC4) {             /* add rsp, imm8 */
        rsp += (LONG64)(signed char)p[3];
        p += 4;
    } else if (p[0] == 0x48 && p[1] == 0x81 && p[2] == 0xC4) {      /* add rsp, imm32 */
        rsp += (LONG64)*(const LONG *)(p + 3);
        p += 7;
    } else if ((p[0] & 0xFE) == 0x48 && p[1] == 0x8D && frame_reg &&
               ((p[2] >> 3) & 7) == 4 && (p[2] & 7) == (frame_reg & 7) && (p[2] & 7) != 4 &&
               ((p[0] & 1) << 3 | (p[2] & 7)) == frame_reg) {        /* lea rsp, [fp + disp] */
        ULONG64 fp = *RtlpReg(c, frame_reg);
        if ((p[2] >> 6) == 1) { rsp = fp + (signed char)p[3]; p += 4; }
        else if ((p[2] >> 6) == 2) { rsp = fp + *(const LONG *)(p + 3); p += 7; }
        else return 0;
    }
    /* check the rest before changing anything */
    const UCHAR *q = p;
    for (;;) {
        if ((q[0] & 0xF8) == 0x58) { q += 1; continue; }
        if (q[0] == 0x41 && (q[1] & 0xF8) == 0x58) { q += 2; continue; }
        break;
    }
    ULONG64 begin = base + fn->BeginAddress, end = base + fn->EndAddress;
    BOOLEAN ends = 0;
    if (q[0] == 0xC3 || q[0] == 0xC2 || (q[0] == 0xF3 && q[1] == 0xC3))
        ends = 1;
    else if (q[0] == 0xE9) {
        ULONG64 target = (ULONG64)(q + 5) + *(const LONG *)(q + 1);
        ends = target < begin || target >= end;
    } else if (q[0] == 0xEB) {
        ULONG64 target = (ULONG64)(q + 2) + (signed char)q[1];
        ends = target < begin || target >= end;
    } else if (q[0] == 0xFF && q[1] == 0x25)
        ends = 1;
    else if ((q[0] & 0xF0) == 0x40 && q[1] == 0xFF && (q[2] & 0x38) == 0x20)
        ends = 1;                                                   /* rex jmp indirect */
    if (!ends)
        return 0;
    while (p < q) {
        int n = 0;
        if (p[0] == 0x41) { n = 8; p++; }
        n += p[0] & 7;
        RtlpRestoreReg(c, n, (ULONG64 *)rsp, ptrs);
        rsp += 8;
        p++;
    }
    c->Rip = *(ULONG64 *)rsp;
    c->Rsp = rsp + 8;
    return 1;
}

NTSYSAPI PEXCEPTION_ROUTINE NTAPI RtlVirtualUnwind(ULONG HandlerType, ULONG64 ImageBase, ULONG64 ControlPc,
                                                   RUNTIME_FUNCTION *FunctionEntry, CONTEXT *ContextRecord,
                                                   PVOID *HandlerData, ULONG64 *EstablisherFrame,
                                                   KNONVOLATILE_CONTEXT_POINTERS *ContextPointers)
{
    CONTEXT *c = ContextRecord;
    UNWIND_INFO *info = (UNWIND_INFO *)(ImageBase + FunctionEntry->UnwindData);
    ULONG64 offset = ControlPc - (ImageBase + FunctionEntry->BeginAddress);
    int frame_reg = info->FrameRegisterAndOffset & 15, frame_off = info->FrameRegisterAndOffset >> 4;
    BOOLEAN in_prolog = offset < info->SizeOfProlog;

    /* The establisher frame: the frame register (less its offset) once the prologue set it,
     * else RSP. Save offsets of the primary info are relative to it. */
    ULONG64 frame = c->Rsp;
    if (frame_reg) {
        BOOLEAN set = !in_prolog;
        for (int i = 0; !set && i < info->CountOfCodes; i += RtlpCodeSlots(info->UnwindCode[i] >> 8 & 15,
                                                                            info->UnwindCode[i] >> 12)) {
            if ((info->UnwindCode[i] >> 8 & 15) == UWOP_SET_FPREG && (info->UnwindCode[i] & 0xFF) <= offset)
                set = 1;
        }
        if (set)
            frame = *RtlpReg(c, frame_reg) - 16 * frame_off;
    }
    *EstablisherFrame = frame;
    *HandlerData = NULL;

    if (!in_prolog && RtlpUnwindEpilogue(ControlPc, ImageBase, FunctionEntry, frame_reg, c, ContextPointers))
        return NULL;

    BOOLEAN machine_frame = 0, primary = 1;
    ULONG64 base = frame;
    for (;;) {
        for (int i = 0; i < info->CountOfCodes;) {
            USHORT code = info->UnwindCode[i];
            UCHAR op = code >> 8 & 15, op_info = code >> 12, at = code & 0xFF;
            int slots = RtlpCodeSlots(op, op_info);
            if (op == UWOP_EPILOG || (primary && at > offset)) {     /* not executed yet */
                i += slots;
                continue;
            }
            USHORT *next = &info->UnwindCode[i + 1];
            switch (op) {
            case UWOP_PUSH_NONVOL:
                RtlpRestoreReg(c, op_info, (ULONG64 *)c->Rsp, ContextPointers);
                c->Rsp += 8;
                break;
            case UWOP_ALLOC_LARGE:
                c->Rsp += op_info ? (ULONG64)next[0] | (ULONG64)next[1] << 16 : (ULONG64)next[0] * 8;
                break;
            case UWOP_ALLOC_SMALL:
                c->Rsp += op_info * 8 + 8;
                break;
            case UWOP_SET_FPREG:
                c->Rsp = *RtlpReg(c, info->FrameRegisterAndOffset & 15) - 16 * (info->FrameRegisterAndOffset >> 4);
                break;
            case UWOP_SAVE_NONVOL:
                RtlpRestoreReg(c, op_info, (ULONG64 *)(base + next[0] * 8ULL), ContextPointers);
                break;
            case UWOP_SAVE_NONVOL_FAR:
                RtlpRestoreReg(c, op_info, (ULONG64 *)(base + (next[0] | (ULONG64)next[1] << 16)), ContextPointers);
                break;
            case UWOP_SAVE_XMM128:
                RtlpRestoreXmm(c, op_info, (M128A *)(base + next[0] * 16ULL), ContextPointers);
                break;
            case UWOP_SAVE_XMM128_FAR:
                RtlpRestoreXmm(c, op_info, (M128A *)(base + (next[0] | (ULONG64)next[1] << 16)), ContextPointers);
                break;
            case UWOP_PUSH_MACHFRAME:
                if (op_info)
                    c->Rsp += 8;                /* the error code */
                c->Rip = ((ULONG64 *)c->Rsp)[0];
                c->SegCs = (USHORT)((ULONG64 *)c->Rsp)[1];
                c->EFlags = (ULONG)((ULONG64 *)c->Rsp)[2];
                c->SegSs = (USHORT)((ULONG64 *)c->Rsp)[4];
                c->Rsp = ((ULONG64 *)c->Rsp)[3];
                machine_frame = 1;
                break;
            }
            i += slots;
        }
        if (!((info->VersionAndFlags >> 3) & UNW_FLAG_CHAININFO))
            break;
        /* Chained: the RUNTIME_FUNCTION of the parent follows the (even-padded) codes. */
        RUNTIME_FUNCTION *parent = (RUNTIME_FUNCTION *)&info->UnwindCode[(info->CountOfCodes + 1) & ~1];
        info = (UNWIND_INFO *)(ImageBase + parent->UnwindData);
        primary = 0;
        /* The parent's save offsets: from its frame register (less its offset), else from RSP. */
        base = info->FrameRegisterAndOffset & 15
               ? *RtlpReg(c, info->FrameRegisterAndOffset & 15) - 16 * (info->FrameRegisterAndOffset >> 4) : c->Rsp;
    }
    if (!machine_frame) {
        c->Rip = *(ULONG64 *)c->Rsp;
        c->Rsp += 8;
    }
    UCHAR flags = info->VersionAndFlags >> 3;
    if (in_prolog || !(flags & HandlerType & (UNW_FLAG_EHANDLER | UNW_FLAG_UHANDLER)))
        return NULL;
    ULONG *handler = (ULONG *)&info->UnwindCode[(info->CountOfCodes + 1) & ~1];
    *HandlerData = handler + 1;
    return (PEXCEPTION_ROUTINE)(ImageBase + *handler);
}

/* -- RtlUnwindEx */
static void RtlpCopyContext(CONTEXT *to, const CONTEXT *from)
{
    __builtin_memcpy(to, from, sizeof(CONTEXT));
}

/* Unwind the stack to TargetFrame, calling every termination handler (UNW_FLAG_UHANDLER) on the
 * way, then continue at TargetIp in the target frame with RAX = ReturnValue. TargetFrame NULL
 * is an exit unwind: every frame is unwound. */
NTSYSAPI __attribute__((noinline)) void NTAPI RtlUnwindEx(PVOID TargetFrame, PVOID TargetIp,
                                                          EXCEPTION_RECORD *ExceptionRecord, PVOID ReturnValue,
                                                          CONTEXT *ContextRecord, UNWIND_HISTORY_TABLE *HistoryTable)
{
    CONTEXT local, previous;
    EXCEPTION_RECORD record;
    CONTEXT *current = ContextRecord ? ContextRecord : &local;
    ULONG64 high = (ULONG64)NtCurrentTeb()->StackBase, target = (ULONG64)TargetFrame;

    RtlCaptureContext(current);
    if (ExceptionRecord == NULL) {
        record.ExceptionCode = STATUS_UNWIND;
        record.ExceptionFlags = 0;
        record.ExceptionRecord = NULL;
        record.ExceptionAddress = (PVOID)current->Rip;
        record.NumberParameters = 0;
        ExceptionRecord = &record;
    }
    ULONG flags = EXCEPTION_UNWINDING | (TargetFrame ? 0 : EXCEPTION_EXIT_UNWIND);
    DISPATCHER_CONTEXT dc;

    for (;;) {
        ULONG64 control_pc = current->Rip, image_base = 0, frame;
        PVOID handler_data = NULL;
        PEXCEPTION_ROUTINE handler = NULL;
        RUNTIME_FUNCTION *entry = RtlLookupFunctionEntry(control_pc, &image_base, HistoryTable);
        RtlpCopyContext(&previous, current);
        if (entry != NULL) {
            handler = RtlVirtualUnwind(UNW_FLAG_UHANDLER, image_base, control_pc, entry, &previous, &handler_data,
                                       &frame, NULL);
        } else {
            frame = previous.Rsp;
            previous.Rip = *(ULONG64 *)previous.Rsp;
            previous.Rsp += 8;
        }
        if (!RtlpIsStackFrame(frame) || (target && frame > target)) {
            if (!target && (control_pc == 0 || frame >= high))
                break;                          /* an exit unwind reached the end of the stack */
            RtlRaiseStatus(target && frame > target ? STATUS_INVALID_UNWIND_TARGET : STATUS_BAD_STACK);
        }
        if (handler != NULL) {
            dc.ControlPc = control_pc;
            dc.ImageBase = image_base;
            dc.FunctionEntry = entry;
            dc.EstablisherFrame = frame;
            dc.ContextRecord = current;
            dc.LanguageHandler = handler;
            dc.HandlerData = handler_data;
            dc.HistoryTable = HistoryTable;
            dc.ScopeIndex = 0;
            for (;;) {
                dc.TargetIp = (ULONG64)TargetIp;
                if (dc.EstablisherFrame == target)
                    flags |= EXCEPTION_TARGET_UNWIND;
                ExceptionRecord->ExceptionFlags = flags;
                current->Rax = (ULONG64)ReturnValue;
                EXCEPTION_DISPOSITION disposition = RtlpExecuteHandlerForUnwind(ExceptionRecord, dc.EstablisherFrame,
                                                                                current, &dc);
                flags &= ~(EXCEPTION_COLLIDED_UNWIND | EXCEPTION_TARGET_UNWIND);
                if (disposition == ExceptionContinueSearch)
                    break;
                if (disposition != ExceptionCollidedUnwind)
                    RtlRaiseStatus(STATUS_INVALID_DISPOSITION);
                /* Collided: another unwind was running this frame's handler; take over from it. */
                RtlpCopyContext(current, dc.ContextRecord);
                RtlpCopyContext(&previous, current);
                ULONG64 ignored;
                PVOID data;
                RtlVirtualUnwind(UNW_FLAG_NHANDLER, dc.ImageBase, dc.ControlPc, dc.FunctionEntry, &previous,
                                 &data, &ignored, NULL);
                frame = dc.EstablisherFrame;
                dc.ContextRecord = current;
                flags |= EXCEPTION_COLLIDED_UNWIND;
            }
        }
        if (frame == target)
            break;
        RtlpCopyContext(current, &previous);
    }
    if (!target) {                              /* nothing is left to continue in */
        ExceptionRecord->ExceptionFlags = flags;
        NtRaiseException(ExceptionRecord, current, 0);
    }
    if (ExceptionRecord->ExceptionCode != STATUS_UNWIND_CONSOLIDATE)
        current->Rip = (ULONG64)TargetIp;
    current->Rax = (ULONG64)ReturnValue;
    RtlRestoreContext(current, ExceptionRecord);
}

NTSYSAPI void NTAPI RtlUnwind(PVOID TargetFrame, PVOID TargetIp, EXCEPTION_RECORD *ExceptionRecord, PVOID ReturnValue)
{
    CONTEXT context;
    RtlUnwindEx(TargetFrame, TargetIp, ExceptionRecord, ReturnValue, &context, NULL);
}

/* -- stack walks */
static __attribute__((noinline)) ULONG RtlpWalk(PVOID *Callers, ULONG Skip, ULONG Count)
{
    CONTEXT c;
    ULONG n = 0;
    RtlCaptureContext(&c);
    while (n < Count) {
        ULONG64 image_base, frame;
        PVOID data;
        RUNTIME_FUNCTION *entry = RtlLookupFunctionEntry(c.Rip, &image_base, NULL);
        if (entry != NULL) {
            RtlVirtualUnwind(UNW_FLAG_NHANDLER, image_base, c.Rip, entry, &c, &data, &frame, NULL);
        } else {
            if (!RtlpIsStackFrame(c.Rsp))
                break;
            c.Rip = *(ULONG64 *)c.Rsp;
            c.Rsp += 8;
        }
        if (c.Rip == 0 || !RtlpIsStackFrame(c.Rsp))
            break;
        if (Skip)
            Skip--;
        else
            Callers[n++] = (PVOID)c.Rip;
    }
    return n;
}

/* RtlWalkFrameChain: the return addresses of the caller's callers; the first is where the
 * caller of RtlWalkFrameChain returns to. */
NTSYSAPI __attribute__((noinline, optimize("no-optimize-sibling-calls"))) ULONG NTAPI RtlWalkFrameChain(PVOID *Callers, ULONG Count, ULONG Flags)
{
    (void)Flags;
    return RtlpWalk(Callers, 1, Count);
}

/* RtlCaptureStackBackTrace: the first frame is the caller's own address (where
 * RtlCaptureStackBackTrace returns to), less FramesToSkip; the hash is the sum of the frames. */
NTSYSAPI __attribute__((noinline)) USHORT NTAPI RtlCaptureStackBackTrace(ULONG FramesToSkip, ULONG FramesToCapture,
                                                                         PVOID *BackTrace, ULONG *BackTraceHash)
{
    if (FramesToSkip + FramesToCapture >= 0xFFFF)
        return 0;
    ULONG n = RtlpWalk(BackTrace, 1 + FramesToSkip, FramesToCapture);
    if (BackTraceHash) {
        ULONG hash = 0;
        for (ULONG i = 0; i < n; i++)
            hash += (ULONG)(ULONG_PTR)BackTrace[i];
        *BackTraceHash = hash;
    }
    return (USHORT)n;
}
