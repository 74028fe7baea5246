/*
 * MSVC C++ exceptions on x64: _CxxThrowException raises 0xE06D7363 with the object and its
 * ThrowInfo; __CxxFrameHandler3 finds the try block around the frame's state (its FuncInfo:
 * IP-to-state map, try-block map, unwind map), matches the catch clauses against the thrown
 * type's catchable types, and unwinds to the catch with STATUS_UNWIND_CONSOLIDATE, whose
 * callback (CxxCallCatchBlock) runs the catch funclet and returns where the function resumes.
 * Shared by vcruntime140 (guest/vcruntime/cxx_eh.c) and msvcrt (guest/crt/cxx_frame.c): the
 * includer defines CXX_EXPORT and provides, per thread, CxxCurrentException() (the record being
 * handled), CxxActiveCatches() (a pointer slot) and CxxProcessingThrow() (exceptions thrown and
 * not yet caught: std::uncaught_exceptions), and declares terminate().
 */
#ifndef NTAPI
#define NTAPI __stdcall
#endif
#ifndef WINAPI
#define WINAPI __stdcall
#endif
#ifndef NULL
#define NULL ((void *)0)
#endif

#define EH_EXCEPTION_NUMBER 0xE06D7363u
#define EH_MAGIC_NUMBER1 0x19930520u
#define EH_MAGIC_NUMBER2 0x19930521u
#define EH_MAGIC_NUMBER3 0x19930522u
#define FI_EHNOEXCEPT_FLAG 0x4

/* ThrowInfo and its catchable types (RVAs from the thrower's image base) */
#define TI_IsConst 0x1
#define TI_IsVolatile 0x2
#define CT_IsSimpleType 0x1
#define CT_ByReferenceOnly 0x2
#define CT_HasVirtualBase 0x4
typedef struct { int mdisp, pdisp, vdisp; } PMD;
typedef struct { ULONG properties; int pType; PMD thisDisplacement; int sizeOrOffset; int copyFunction; } CatchableType;
typedef struct { int nCatchableTypes; int arrayOfCatchableTypes[]; } CatchableTypeArray;
typedef struct { ULONG attributes; int pmfnUnwind; int pForwardCompat; int pCatchableTypeArray; } ThrowInfo;
typedef struct { void *pVFTable; void *spare; char name[]; } TypeDescriptor;

/* FuncInfo (the handler data of __CxxFrameHandler3, RVAs from the function's image base) */
#define HT_IsConst 0x1
#define HT_IsVolatile 0x2
#define HT_IsReference 0x8
#define HT_IsComplusEh 0x80000000u
#define HT_IsEllipsis 0x40
typedef struct { int toState; int action; } UnwindMapEntry;
typedef struct { ULONG adjectives; int pType; int dispCatchObj; int addressOfHandler; int dispFrame; } HandlerType;
typedef struct { int tryLow, tryHigh, catchHigh, nCatches; int pHandlerArray; } TryBlockMapEntry;
typedef struct { int ip; int state; } IPtoStateMapEntry;
typedef struct {
    ULONG magicNumber; int maxState; int pUnwindMap; ULONG nTryBlocks; int pTryBlockMap;
    ULONG nIPMapEntries; int pIPtoStateMap; int dispUnwindHelp; int pESTypeList; int EHFlags;
} FuncInfo;

/* The consolidation record __CxxFrameHandler3 hands RtlUnwindEx (private to this file). */
/* CONS_FRAME is the frame the catch funclet gets (the function's own), CONS_TARGET the frame the unwind
 * ends in and execution resumes in (the same, or a catch funclet's frame for a try inside a catch). */
enum { CONS_CALLBACK, CONS_FRAME, CONS_HANDLER, CONS_STATE, CONS_RECORD, CONS_CATCH_STATE, CONS_TARGET, CONS_HELP,
       CONS_COUNT };

__declspec(dllimport) void WINAPI RaiseException(unsigned int, unsigned int, unsigned int, const ULONG_PTR *);
__declspec(dllimport) PVOID NTAPI RtlPcToFileHeader(PVOID PcValue, PVOID *BaseOfImage);
__declspec(dllimport) void NTAPI RtlUnwindEx(PVOID, PVOID, EXCEPTION_RECORD *, PVOID, CONTEXT *,
                                             UNWIND_HISTORY_TABLE *);

#define RVA(base, rva) ((void *)((ULONG64)(base) + (ULONG)(rva)))

/* _CxxThrowException(object, ThrowInfo): `throw object;`, or with NULLs `throw;` (a rethrow of
 * the exception being handled, which the frame handler takes from the thread's data). */
CXX_EXPORT __attribute__((noreturn)) void _CxxThrowException(void *object, ThrowInfo *info)
{
    PVOID base = NULL;
    if (info != NULL)
        RtlPcToFileHeader(info, &base);
    ULONG_PTR args[4] = {EH_MAGIC_NUMBER1, (ULONG_PTR)object, (ULONG_PTR)info, (ULONG_PTR)base};
    ++*CxxProcessingThrow();                /* uncaught until a catch block starts */
    RaiseException(EH_EXCEPTION_NUMBER, EXCEPTION_NONCONTINUABLE, 4, args);
    for (;;)
        terminate();
}

static BOOLEAN IsCxxException(const EXCEPTION_RECORD *r)
{
    return r != NULL && (ULONG)r->ExceptionCode == EH_EXCEPTION_NUMBER && r->NumberParameters == 4
           && r->ExceptionInformation[0] >= EH_MAGIC_NUMBER1 && r->ExceptionInformation[0] <= EH_MAGIC_NUMBER3;
}

/* -- the catches running on this thread, innermost first (in vcrt_ptd.reserved[0]): a frame
 * whose catch block is running is searched from that catch's state, so that an exception
 * leaving the catch (a rethrow) goes to the try blocks around it, not to the same try again. */
typedef struct ActiveCatch { struct ActiveCatch *next; ULONG64 frame; int state; } ActiveCatch;
#define ACTIVE_CATCHES (*(ActiveCatch **)CxxActiveCatches())

static const ActiveCatch *FindActiveCatch(ULONG64 frame)
{
    for (const ActiveCatch *c = ACTIVE_CATCHES; c != NULL; c = c->next)
        if (c->frame == frame)
            return c;
    return NULL;
}

/* Is the code at ControlPc one of the frame's catch funclets (a function of its own in .pdata)?
 * Then which catch clause it is, and of which try block. */
static BOOLEAN InCatchFunclet(const FuncInfo *fi, DISPATCHER_CONTEXT *dc, const TryBlockMapEntry **block,
                              const HandlerType **handler)
{
    const TryBlockMapEntry *blocks = RVA(dc->ImageBase, fi->pTryBlockMap);
    for (ULONG i = 0; i < fi->nTryBlocks; i++) {
        const HandlerType *handlers = RVA(dc->ImageBase, blocks[i].pHandlerArray);
        for (int k = 0; k < blocks[i].nCatches; k++)
            if ((ULONG)handlers[k].addressOfHandler == dc->FunctionEntry->BeginAddress) {
                *block = &blocks[i];
                *handler = &handlers[k];
                return 1;
            }
    }
    return 0;
}

/* -- the frame's state */
static int *UnwindHelp(const FuncInfo *fi, ULONG64 frame)
{
    return fi->dispUnwindHelp ? (int *)(frame + fi->dispUnwindHelp) : NULL;
}

static int StateFromIp(const FuncInfo *fi, ULONG64 image_base, ULONG64 ip)
{
    const IPtoStateMapEntry *map = RVA(image_base, fi->pIPtoStateMap);
    ULONG rva = (ULONG)(ip - image_base);
    int state = -1;
    for (ULONG i = 0; i < fi->nIPMapEntries && (ULONG)map[i].ip <= rva; i++)
        state = map[i].state;
    return state;
}

static int CurrentState(const FuncInfo *fi, DISPATCHER_CONTEXT *dc, ULONG64 frame)
{
    int *help = UnwindHelp(fi, frame);
    if (help != NULL && *help != -2)        /* -2: not unwound yet, the IP says */
        return *help;
    return StateFromIp(fi, dc->ImageBase, dc->ControlPc);
}

/* Destroy what the frame built above `target`, most recent first, through the cleanup funclets
 * of the unwind map (each called with the establisher frame, as a funclet expects). */
static void UnwindStates(const FuncInfo *fi, DISPATCHER_CONTEXT *dc, ULONG64 frame, int state, int target,
                         int *help)
{
    const UnwindMapEntry *map = RVA(dc->ImageBase, fi->pUnwindMap);
    while (state > target && state < fi->maxState) {
        int next = map[state].toState;
        if (help != NULL)
            *help = next;                   /* a collided unwind must not run it twice */
        if (map[state].action)
            ((void (*)(void *, ULONG64))RVA(dc->ImageBase, map[state].action))(NULL, frame);
        state = next;
    }
    if (help != NULL)
        *help = state;
}

static void FrameUnwindToState(const FuncInfo *fi, DISPATCHER_CONTEXT *dc, ULONG64 frame, int target)
{
    UnwindStates(fi, dc, frame, CurrentState(fi, dc, frame), target, UnwindHelp(fi, frame));
}

/* -- matching a catch clause */
static BOOLEAN SameType(const TypeDescriptor *a, const TypeDescriptor *b)
{
    if (a == b)
        return 1;
    const char *x = a->name, *y = b->name;
    while (*x && *x == *y)
        x++, y++;
    return *x == *y;
}

static const CatchableType *MatchHandler(const HandlerType *h, ULONG64 image_base, const ThrowInfo *ti,
                                         ULONG64 ti_base, BOOLEAN *ellipsis)
{
    const TypeDescriptor *want = h->pType ? RVA(image_base, h->pType) : NULL;
    *ellipsis = want == NULL || want->name[0] == 0 || (h->adjectives & HT_IsEllipsis);
    if (*ellipsis)
        return NULL;
    const CatchableTypeArray *types = RVA(ti_base, ti->pCatchableTypeArray);
    for (int i = 0; i < types->nCatchableTypes; i++) {
        const CatchableType *ct = RVA(ti_base, types->arrayOfCatchableTypes[i]);
        if (!SameType(RVA(ti_base, ct->pType), want))
            continue;
        if ((ct->properties & CT_ByReferenceOnly) && !(h->adjectives & HT_IsReference))
            continue;
        if ((ti->attributes & TI_IsConst) && !(h->adjectives & HT_IsConst))
            continue;
        if ((ti->attributes & TI_IsVolatile) && !(h->adjectives & HT_IsVolatile))
            continue;
        return ct;
    }
    return NULL;
}

/* The address of the base-class subobject a catchable type describes. */
static char *AdjustPointer(char *object, const PMD *d)
{
    char *p = object + d->mdisp;
    if (d->pdisp >= 0)
        p += *(int *)(*(char **)(object + d->pdisp) + d->vdisp) + d->pdisp;
    return p;
}

/* Initialise the catch clause's parameter in the frame from the thrown object. */
static void BuildCatchObject(const HandlerType *h, ULONG64 frame, const CatchableType *ct, ULONG64 ti_base,
                             char *object)
{
    if (h->dispCatchObj == 0 || object == NULL)
        return;
    char *slot = (char *)(frame + h->dispCatchObj);
    if (h->adjectives & HT_IsReference) {
        *(char **)slot = AdjustPointer(object, &ct->thisDisplacement);
    } else if (ct->properties & CT_IsSimpleType) {
        __builtin_memcpy(slot, object, ct->sizeOrOffset);
        if (ct->sizeOrOffset == sizeof(void *) && *(char **)slot != NULL)
            *(char **)slot = AdjustPointer(*(char **)slot, &ct->thisDisplacement);
    } else if (ct->copyFunction == 0) {
        __builtin_memcpy(slot, AdjustPointer(object, &ct->thisDisplacement), ct->sizeOrOffset);
    } else if (ct->properties & CT_HasVirtualBase) {
        ((void (*)(void *, void *, int))RVA(ti_base, ct->copyFunction))(slot,
                                                                         AdjustPointer(object, &ct->thisDisplacement), 1);
    } else {
        ((void (*)(void *, void *))RVA(ti_base, ct->copyFunction))(slot, AdjustPointer(object, &ct->thisDisplacement));
    }
}

/* The STATUS_UNWIND_CONSOLIDATE callback: the frames below the catching one are unwound; run
 * the catch funclet with the exception as the thread's current one, then destroy the object
 * (unless the catch left by rethrowing it) and return where the function goes on. */
static PVOID CxxCallCatchBlock(EXCEPTION_RECORD *cons)
{
    EXCEPTION_RECORD *thrown = (EXCEPTION_RECORD *)cons->ExceptionInformation[CONS_RECORD];
    ULONG64 frame = cons->ExceptionInformation[CONS_FRAME], target = cons->ExceptionInformation[CONS_TARGET];
    /* Catches of frames at or below this one have ended (left by an exception). */
    ActiveCatch self = {ACTIVE_CATCHES, target, (int)(LONG64)cons->ExceptionInformation[CONS_CATCH_STATE]};
    while (self.next != NULL && self.next->frame <= target)
        self.next = self.next->next;
    ACTIVE_CATCHES = &self;
    int *in_flight = CxxProcessingThrow();
    if (*in_flight > 0)
        --*in_flight;                       /* caught: std::uncaught_exceptions() drops */
    void **current = CxxCurrentException();
    void *outer = *current;
    *current = thrown;
    PVOID resume = ((PVOID (*)(void *, ULONG64))cons->ExceptionInformation[CONS_HANDLER])(NULL, frame);
    /* The catch ended and the function goes on in its own code: its state comes from the IP again
     * (the unwind to the catch left the state it unwound to in UnwindHelp). */
    int *help = (int *)cons->ExceptionInformation[CONS_HELP];
    if (help != NULL)
        *help = -2;
    *CxxCurrentException() = outer;
    ACTIVE_CATCHES = self.next;
    const ThrowInfo *ti = (const ThrowInfo *)thrown->ExceptionInformation[2];
    void *object = (void *)thrown->ExceptionInformation[1];
    if (ti != NULL && ti->pmfnUnwind && object != NULL)
        ((void (*)(void *))RVA(thrown->ExceptionInformation[3], ti->pmfnUnwind))(object);
    return resume;
}

static __attribute__((noreturn)) void CatchIt(EXCEPTION_RECORD *thrown, ULONG64 frame, ULONG64 target,
                                              DISPATCHER_CONTEXT *dc, const FuncInfo *fi, const TryBlockMapEntry *tb,
                                              const HandlerType *h, const CatchableType *ct)
{
    ULONG64 ti_base = thrown->ExceptionInformation[3];
    if (ct != NULL)
        BuildCatchObject(h, frame, ct, ti_base, (char *)thrown->ExceptionInformation[1]);
    EXCEPTION_RECORD cons = {STATUS_UNWIND_CONSOLIDATE, EXCEPTION_NONCONTINUABLE, NULL, NULL, CONS_COUNT, {0}};
    cons.ExceptionInformation[CONS_CALLBACK] = (ULONG_PTR)CxxCallCatchBlock;
    cons.ExceptionInformation[CONS_FRAME] = frame;
    cons.ExceptionInformation[CONS_HANDLER] = (ULONG_PTR)RVA(dc->ImageBase, h->addressOfHandler);
    cons.ExceptionInformation[CONS_STATE] = (ULONG_PTR)(LONG64)tb->tryLow;
    cons.ExceptionInformation[CONS_CATCH_STATE] = (ULONG_PTR)(LONG64)tb->catchHigh;
    cons.ExceptionInformation[CONS_RECORD] = (ULONG_PTR)thrown;
    cons.ExceptionInformation[CONS_TARGET] = target;
    cons.ExceptionInformation[CONS_HELP] = (ULONG_PTR)(target == frame ? UnwindHelp(fi, frame) : NULL);
    RtlUnwindEx((PVOID)target, NULL, &cons, NULL, dc->ContextRecord, dc->HistoryTable);
    for (;;)
        terminate();
}

static BOOLEAN IsOurConsolidation(const EXCEPTION_RECORD *rec)
{
    return (ULONG)rec->ExceptionCode == (ULONG)STATUS_UNWIND_CONSOLIDATE && rec->NumberParameters == CONS_COUNT
           && rec->ExceptionInformation[CONS_CALLBACK] == (ULONG_PTR)CxxCallCatchBlock;
}

/* Search the try blocks that lie within [low, high] and contain `state` for a catch of the
 * exception; a match unwinds to `target` and does not return. The catch objects live in `frame`. */
static void FindCatch(EXCEPTION_RECORD *rec, DISPATCHER_CONTEXT *dc, const FuncInfo *fi, int state, int low,
                      int high, ULONG64 frame, ULONG64 target)
{
    EXCEPTION_RECORD *thrown = rec;
    if (rec->ExceptionInformation[2] == 0) {            /* throw; */
        thrown = *CxxCurrentException();
        if (!IsCxxException(thrown))
            terminate();                    /* nothing is being handled */
    }
    const ThrowInfo *ti = (const ThrowInfo *)thrown->ExceptionInformation[2];
    ULONG64 ti_base = thrown->ExceptionInformation[3];
    const TryBlockMapEntry *blocks = RVA(dc->ImageBase, fi->pTryBlockMap);
    for (ULONG i = 0; i < fi->nTryBlocks; i++) {
        const TryBlockMapEntry *tb = &blocks[i];
        if (state < tb->tryLow || state > tb->tryHigh || tb->tryLow < low || tb->catchHigh > high)
            continue;
        const HandlerType *handlers = RVA(dc->ImageBase, tb->pHandlerArray);
        for (int k = 0; k < tb->nCatches; k++) {
            BOOLEAN ellipsis;
            const CatchableType *ct = MatchHandler(&handlers[k], dc->ImageBase, ti, ti_base, &ellipsis);
            if (ct != NULL || ellipsis)
                CatchIt(thrown, frame, target, dc, fi, tb, &handlers[k], ct);
        }
    }
}

/* A catch funclet's own frame. The function's frame, whose objects and catch parameters the
 * funclet uses, is the one the funclet was called with; the funclet keeps it at its HandlerType's
 * dispFrame. Try blocks inside the catch block are searched here, and a match resumes in the
 * funclet; an exception leaving the catch block destroys the catch block's own objects here,
 * and the function's frame (reached next, through the consolidation frame) goes on from the
 * catch's state. */
static EXCEPTION_DISPOSITION CatchFuncletFrame(EXCEPTION_RECORD *rec, ULONG64 funclet, DISPATCHER_CONTEXT *dc,
                                               const FuncInfo *fi, const TryBlockMapEntry *outer,
                                               const HandlerType *own)
{
    ULONG64 frame = *(ULONG64 *)(funclet + own->dispFrame);
    const ActiveCatch *active = FindActiveCatch(funclet);
    int state = active != NULL ? active->state : StateFromIp(fi, dc->ImageBase, dc->ControlPc);
    if (rec->ExceptionFlags & EXCEPTION_UNWIND) {
        int target = outer->tryHigh;        /* the catch block's states lie above its try block's */
        if (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND)
            target = IsOurConsolidation(rec) ? (int)(LONG64)rec->ExceptionInformation[CONS_STATE]
                                             : StateFromIp(fi, dc->ImageBase, dc->TargetIp);
        if (state > outer->tryHigh && state <= outer->catchHigh)
            UnwindStates(fi, dc, frame, state, target, NULL);
        return ExceptionContinueSearch;
    }
    if (IsCxxException(rec))
        FindCatch(rec, dc, fi, state, outer->tryHigh + 1, outer->catchHigh, frame, funclet);
    return ExceptionContinueSearch;
}

/* __CxxFrameHandler3: the language handler of every MSVC function with try blocks or
 * objects to destroy (its handler data is the RVA of the FuncInfo). */
CXX_EXPORT EXCEPTION_DISPOSITION __CxxFrameHandler3(EXCEPTION_RECORD *rec, PVOID establisher, CONTEXT *ctx,
                                                 DISPATCHER_CONTEXT *dc)
{
    (void)ctx;
    const FuncInfo *fi = RVA(dc->ImageBase, *(ULONG *)dc->HandlerData);
    ULONG64 frame = (ULONG64)establisher;
    const TryBlockMapEntry *outer;
    const HandlerType *own;

    if (InCatchFunclet(fi, dc, &outer, &own))
        return CatchFuncletFrame(rec, frame, dc, fi, outer, own);

    if (rec->ExceptionFlags & EXCEPTION_UNWIND) {
        if (fi->maxState <= 0)
            return ExceptionContinueSearch;
        int target = -1;
        if (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND)
            target = IsOurConsolidation(rec) ? (int)(LONG64)rec->ExceptionInformation[CONS_STATE]
                                             : StateFromIp(fi, dc->ImageBase, dc->TargetIp);
        FrameUnwindToState(fi, dc, frame, target);
        return ExceptionContinueSearch;
    }

    if (!IsCxxException(rec))
        return ExceptionContinueSearch;     /* /EHs: SEH exceptions are not C++ catches' */
    const ActiveCatch *active = FindActiveCatch(frame);
    int state = active != NULL ? active->state : CurrentState(fi, dc, frame);
    FindCatch(rec, dc, fi, state, -0x7FFFFFFF, 0x7FFFFFFF, frame, frame);
    if (fi->magicNumber >= EH_MAGIC_NUMBER3 && (fi->EHFlags & FI_EHNOEXCEPT_FLAG))
        terminate();                        /* an exception leaves a noexcept function */
    return ExceptionContinueSearch;
}

#ifdef CXX_FRAME_HANDLER_MSVCRT
/* msvcrt's __CxxFrameHandler: the same tables (FuncInfo magic 0x19930520-22) under the name old
 * MSVC builds import. */
CXX_EXPORT EXCEPTION_DISPOSITION __CxxFrameHandler(EXCEPTION_RECORD *rec, PVOID establisher, CONTEXT *ctx,
                                                   DISPATCHER_CONTEXT *dc)
{
    return __CxxFrameHandler3(rec, establisher, ctx, dc);
}
#endif
