/*
 * The engine of MSVC's C++ exceptions on x64, shared by __CxxFrameHandler3 (cxx_fh3.c: its
 * FuncInfo arrays) and __CxxFrameHandler4 (cxx_fh4.c: its compressed FuncInfo4). A frame handler
 * finds the try block around the frame's state, matches the catch clauses against the thrown type's
 * catchable types, and unwinds to the catch with STATUS_UNWIND_CONSOLIDATE, whose callback
 * (CxxCallCatchBlock) runs the catch funclet and returns where the function resumes.
 *
 * The engine walks a function's tables through EhTables and four lookups the including table
 * format defines (TablesStateFromIp, TablesUnwindEntry, TablesTryBlock, TablesHandler), each
 * giving the decoded shapes below. The includer of the format's file defines CXX_EXPORT and
 * provides, per thread, CxxCurrentException() (the record being handled) and
 * CxxCurrentExceptionContext() (its CONTEXT), CxxActiveCatches() (a pointer slot) and
 * CxxProcessingThrow() (exceptions thrown and not yet caught: std::uncaught_exceptions),
 * and CxxSeTranslator() (the thread's _set_se_translator slot), and declares terminate() and
 * abort().
 *
 * A structured exception (any code but 0xE06D7363) reaches a frame's C++ handler only if the
 * function was built /EHa (FH3: EHFlags without FI_EHS_FLAG, or a FuncInfo older than
 * 0x19930522; FH4: no EHs bit; a /EHs frame is not even unwound for one, as MSVC's runtime
 * does): a function with try blocks then calls the thread's translator
 * (cxx_setrans.c), and if it returns, the try blocks' catch(...) clauses (those without
 * HT_IsStdDotDot, the standard's C++-only kind) around the state catch it.
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

/* A catch clause's adjectives (the same bits in FH3's HandlerType and FH4's HandlerType4) */
#define HT_IsConst 0x1
#define HT_IsVolatile 0x2
#define HT_IsReference 0x8
#define HT_IsStdDotDot 0x40            /* catch(...) of C++ exceptions only */
#define HT_IsComplusEh 0x80000000u

/* -- a function's tables as the engine sees them, decoded by the table format's lookups */
enum { UW_NONE, UW_DTOR_OBJECT, UW_DTOR_POINTER, UW_FUNCLET };
typedef struct {
    int toState;                    /* the state the action leaves the frame in */
    int kind;                       /* UW_*: what `action` is and how it is called */
    ULONG action;                   /* RVA of a destructor (called with the object) or of a cleanup funclet */
    ULONG object;                   /* the object's (or its pointer's) offset in the frame */
} EhUnwind;
typedef struct {
    int tryLow, tryHigh, catchHigh; /* the try's states [tryLow, tryHigh], its catches' (tryHigh, catchHigh] */
    ULONG nCatches;
    const void *handlers;           /* the format's handler array */
} EhTryBlock;
typedef struct {
    ULONG adjectives;
    int pType;                      /* RVA of the type descriptor, 0 for catch(...) */
    int dispCatchObj;               /* the catch parameter's offset in the frame, 0 for none */
    ULONG addressOfHandler;         /* RVA of the catch funclet */
    int dispFrame;                  /* where the funclet keeps the function's frame in its own */
    ULONG64 continuation[2];        /* where the function goes on after the catch (FH4), 0: none */
} EhHandler;

typedef struct EhTables {
    ULONG64 image_base;
    ULONG function_start;           /* BeginAddress of the .pdata entry the frame runs in */
    int max_state;                  /* states are -1 .. max_state - 1 */
    ULONG n_try_blocks;
    int disp_unwind_help;           /* FH3: the frame's state slot (-2: from the IP), 0: none */
    BOOLEAN no_except;              /* an exception leaving the function calls terminate() */
    BOOLEAN may_be_catch;           /* the frame may be a catch funclet's */
    BOOLEAN ehs;                    /* built /EHs: structured exceptions are not its business */
    const void *info;               /* FH3: the FuncInfo */
    const UCHAR *unwind_map, *try_map, *ip_map; /* FH4: each after its count */
    ULONG n_ip_entries;
    int disp_frame;                 /* FH4 catch funclets: the function's frame in the funclet's */
} EhTables;

static int TablesStateFromIp(const EhTables *t, ULONG64 ip);
static void TablesUnwindEntry(const EhTables *t, int state, EhUnwind *out);
static void TablesTryBlock(const EhTables *t, ULONG index, EhTryBlock *out);
static void TablesHandler(const EhTables *t, const EhTryBlock *tb, ULONG index, EhHandler *out);

/* The consolidation record a frame handler hands RtlUnwindEx (private to this file). CONS_FRAME
 * is the frame the catch funclet gets (the function's own), CONS_TARGET the frame the unwind ends
 * in and execution resumes in (the same, or a catch funclet's frame for a try inside a catch). */
enum { CONS_CALLBACK, CONS_FRAME, CONS_HANDLER, CONS_STATE, CONS_RECORD, CONS_CATCH_STATE, CONS_TARGET, CONS_HELP,
       CONS_CONTINUATION0, CONS_CONTINUATION1, CONS_CONTEXT, CONS_FOREIGN, CONS_COUNT };

__declspec(dllimport) void WINAPI RaiseException(unsigned int, unsigned int, unsigned int, const ULONG_PTR *);
__declspec(dllimport) PVOID NTAPI RtlPcToFileHeader(PVOID PcValue, PVOID *BaseOfImage);
__declspec(dllimport) void NTAPI RtlUnwindEx(PVOID, PVOID, EXCEPTION_RECORD *, PVOID, CONTEXT *,
                                             UNWIND_HISTORY_TABLE *);

#define RVA(base, rva) ((void *)((ULONG64)(base) + (ULONG)(rva)))

static BOOLEAN IsCxxException(const EXCEPTION_RECORD *r)
{
    return r != NULL && (ULONG)r->ExceptionCode == EH_EXCEPTION_NUMBER && r->NumberParameters == 4
           && r->ExceptionInformation[0] >= EH_MAGIC_NUMBER1 && r->ExceptionInformation[0] <= EH_MAGIC_NUMBER3;
}

/* -- the catches running on this thread, innermost first: a frame whose catch block is running
 * is searched from that catch's state, so that an exception leaving the catch (a rethrow) goes to
 * the try blocks around it, not to the same try again, and unwound from the state the unwind to
 * the catch left it in (its try's tryLow). */
typedef struct ActiveCatch {
    struct ActiveCatch *next;
    ULONG64 frame;
    int state, unwound;
    EXCEPTION_RECORD *foreign;      /* a translated exception's catch: the structured exception */
} ActiveCatch;
#define ACTIVE_CATCHES (*(ActiveCatch **)CxxActiveCatches())

static const ActiveCatch *FindActiveCatch(ULONG64 frame)
{
    for (const ActiveCatch *c = ACTIVE_CATCHES; c != NULL; c = c->next)
        if (c->frame == frame)
            return c;
    return NULL;
}

/* Is the code the frame runs one of the function's catch funclets (a function of its own in
 * .pdata)? Then which catch clause it is, and of which try block. */
static BOOLEAN InCatchFunclet(const EhTables *t, EhTryBlock *block, EhHandler *handler)
{
    if (!t->may_be_catch)
        return 0;
    for (ULONG i = 0; i < t->n_try_blocks; i++) {
        TablesTryBlock(t, i, block);
        for (ULONG k = 0; k < block->nCatches; k++) {
            TablesHandler(t, block, k, handler);
            if (handler->addressOfHandler == t->function_start)
                return 1;
        }
    }
    return 0;
}

/* -- the frame's state */
static int *UnwindHelp(const EhTables *t, ULONG64 frame)
{
    return t->disp_unwind_help ? (int *)(frame + t->disp_unwind_help) : NULL;
}

static int CurrentState(const EhTables *t, DISPATCHER_CONTEXT *dc, ULONG64 frame)
{
    int *help = UnwindHelp(t, frame);
    if (help != NULL && *help != -2)        /* -2: not unwound yet, the IP says */
        return *help;
    return TablesStateFromIp(t, dc->ControlPc);
}

/* Destroy what the frame built above `target`, most recent first, through the unwind map's
 * actions: a destructor called with its object, or a cleanup funclet called as MSVC's runtime
 * calls funclets: with its own address and the establisher frame. */
static void UnwindStates(const EhTables *t, ULONG64 frame, int state, int target, int *help)
{
    while (state > target && state < t->max_state) {
        EhUnwind u;
        TablesUnwindEntry(t, state, &u);
        if (help != NULL)
            *help = u.toState;              /* a collided unwind must not run it twice */
        void *action = u.action ? RVA(t->image_base, u.action) : NULL;
        if (u.kind == UW_FUNCLET && action != NULL)
            ((void (*)(void *, ULONG64))action)(action, frame);
        else if (u.kind == UW_DTOR_OBJECT && action != NULL)
            ((void (*)(void *, ULONG64))action)((void *)(frame + u.object), frame);
        else if (u.kind == UW_DTOR_POINTER && action != NULL)
            ((void (*)(void *, ULONG64))action)(*(void **)(frame + u.object), frame);
        state = u.toState;
    }
    if (help != NULL)
        *help = state;
}

/* A frame whose catch block is running was unwound to its try's tryLow before the catch began:
 * FH3 keeps that in UnwindHelp, FH4 (no state in the frame, and an IP still inside the try) in
 * the running catch. */
static void FrameUnwindToState(const EhTables *t, DISPATCHER_CONTEXT *dc, ULONG64 frame, int target)
{
    int *help = UnwindHelp(t, frame);
    const ActiveCatch *active = help == NULL ? FindActiveCatch(frame) : NULL;
    int state = active != NULL ? active->unwound : CurrentState(t, dc, frame);
    UnwindStates(t, frame, state, target, help);
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

static const CatchableType *MatchHandler(const EhHandler *h, ULONG64 image_base, const ThrowInfo *ti,
                                         ULONG64 ti_base, BOOLEAN *ellipsis)
{
    const TypeDescriptor *want = h->pType ? RVA(image_base, h->pType) : NULL;
    *ellipsis = want == NULL || want->name[0] == 0;
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
static void BuildCatchObject(const EhHandler *h, ULONG64 frame, const CatchableType *ct, ULONG64 ti_base,
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
 * (unless the catch left by rethrowing it) and return where the function goes on: the address
 * the funclet returns, or, when it returns 0 or 1, that continuation address of its catch
 * clause (FH4's tables keep them; a funclet then returns the index). */
/* Destroy a thrown C++ object (its ThrowInfo's destructor), for a record that is a throw's. */
static void DestroyThrownObject(const EXCEPTION_RECORD *thrown)
{
    if (!IsCxxException(thrown))
        return;
    const ThrowInfo *ti = (const ThrowInfo *)thrown->ExceptionInformation[2];
    void *object = (void *)thrown->ExceptionInformation[1];
    if (ti != NULL && ti->pmfnUnwind && object != NULL)
        ((void (*)(void *))RVA(thrown->ExceptionInformation[3], ti->pmfnUnwind))(object);
}

static PVOID CxxCallCatchBlock(EXCEPTION_RECORD *cons)
{
    EXCEPTION_RECORD *thrown = (EXCEPTION_RECORD *)cons->ExceptionInformation[CONS_RECORD];
    ULONG64 frame = cons->ExceptionInformation[CONS_FRAME], target = cons->ExceptionInformation[CONS_TARGET];
    /* Catches of frames at or below this one have ended (left by an exception). */
    ActiveCatch self = {ACTIVE_CATCHES, target, (int)(LONG64)cons->ExceptionInformation[CONS_CATCH_STATE],
                        (int)(LONG64)cons->ExceptionInformation[CONS_STATE],
                        (EXCEPTION_RECORD *)cons->ExceptionInformation[CONS_FOREIGN]};
    while (self.next != NULL && self.next->frame <= target)
        self.next = self.next->next;
    ACTIVE_CATCHES = &self;
    int *in_flight = CxxProcessingThrow();
    if (*in_flight > 0 && IsCxxException(thrown))
        --*in_flight;                       /* caught: std::uncaught_exceptions() drops */
    void **current = CxxCurrentException(), **current_context = CxxCurrentExceptionContext();
    void *outer = *current, *outer_context = *current_context;
    *current = thrown;
    *current_context = (void *)cons->ExceptionInformation[CONS_CONTEXT];
    void *funclet = (void *)cons->ExceptionInformation[CONS_HANDLER];
    PVOID resume = ((PVOID (*)(void *, ULONG64))funclet)(funclet, frame);
    if ((ULONG64)resume < 2) {
        resume = (PVOID)cons->ExceptionInformation[CONS_CONTINUATION0 + (ULONG64)resume];
        if (resume == NULL)
            terminate();                    /* an index with no continuation address behind it */
    }
    /* The catch ended and the function goes on in its own code: its state comes from the IP again
     * (the unwind to the catch left the state it unwound to in UnwindHelp). */
    int *help = (int *)cons->ExceptionInformation[CONS_HELP];
    if (help != NULL)
        *help = -2;
    *CxxCurrentException() = outer;
    *CxxCurrentExceptionContext() = outer_context;
    ACTIVE_CATCHES = self.next;
    DestroyThrownObject(thrown);            /* a structured exception (catch(...)) has none */
    return resume;
}

static __attribute__((noreturn)) void CatchIt(EXCEPTION_RECORD *thrown, CONTEXT *context, ULONG64 frame,
                                              ULONG64 target, DISPATCHER_CONTEXT *dc, const EhTables *t,
                                              const EhTryBlock *tb, const EhHandler *h, const CatchableType *ct,
                                              EXCEPTION_RECORD *foreign)
{
    ULONG64 ti_base = thrown->ExceptionInformation[3];
    if (ct != NULL)
        BuildCatchObject(h, frame, ct, ti_base, (char *)thrown->ExceptionInformation[1]);
    EXCEPTION_RECORD cons = {STATUS_UNWIND_CONSOLIDATE, EXCEPTION_NONCONTINUABLE, NULL, NULL, CONS_COUNT, {0}};
    cons.ExceptionInformation[CONS_CALLBACK] = (ULONG_PTR)CxxCallCatchBlock;
    cons.ExceptionInformation[CONS_FRAME] = frame;
    cons.ExceptionInformation[CONS_HANDLER] = (ULONG_PTR)RVA(t->image_base, h->addressOfHandler);
    cons.ExceptionInformation[CONS_STATE] = (ULONG_PTR)(LONG64)tb->tryLow;
    cons.ExceptionInformation[CONS_CATCH_STATE] = (ULONG_PTR)(LONG64)tb->catchHigh;
    cons.ExceptionInformation[CONS_RECORD] = (ULONG_PTR)thrown;
    cons.ExceptionInformation[CONS_TARGET] = target;
    cons.ExceptionInformation[CONS_HELP] = (ULONG_PTR)(target == frame ? UnwindHelp(t, frame) : NULL);
    cons.ExceptionInformation[CONS_CONTINUATION0] = h->continuation[0];
    cons.ExceptionInformation[CONS_CONTINUATION1] = h->continuation[1];
    cons.ExceptionInformation[CONS_CONTEXT] = (ULONG_PTR)context;
    cons.ExceptionInformation[CONS_FOREIGN] = (ULONG_PTR)foreign;     /* a translation's: the original */
    RtlUnwindEx((PVOID)target, NULL, &cons, NULL, dc->ContextRecord, dc->HistoryTable);
    for (;;)
        terminate();
}

static BOOLEAN IsOurConsolidation(const EXCEPTION_RECORD *rec)
{
    return (ULONG)rec->ExceptionCode == (ULONG)STATUS_UNWIND_CONSOLIDATE && rec->NumberParameters == CONS_COUNT
           && rec->ExceptionInformation[CONS_CALLBACK] == (ULONG_PTR)CxxCallCatchBlock;
}

#include "cxx_setrans.c"

/* Search the try blocks that lie within [low, high] and contain `state` for a catch of the C++
 * exception; a match unwinds to `target` and does not return. The catch objects live in `frame`.
 * `foreign`: the exception is a translator's translation of that structured exception. */
static void FindCatch(EXCEPTION_RECORD *rec, CONTEXT *context, DISPATCHER_CONTEXT *dc, const EhTables *t,
                      int state, int low, int high, ULONG64 frame, ULONG64 target, EXCEPTION_RECORD *foreign)
{
    EXCEPTION_RECORD *thrown = rec;
    if (rec->ExceptionInformation[2] == 0) {            /* throw; */
        thrown = *CxxCurrentException();
        context = *CxxCurrentExceptionContext();
        if (thrown == NULL)
            terminate();                    /* nothing is being handled */
        if (!IsCxxException(thrown)) {      /* a structured exception caught by catch(...) */
            FindForeignCatch(thrown, context, dc, t, state, low, high, frame, target);
            return;
        }
    }
    const ThrowInfo *ti = (const ThrowInfo *)thrown->ExceptionInformation[2];
    ULONG64 ti_base = thrown->ExceptionInformation[3];
    for (ULONG i = 0; i < t->n_try_blocks; i++) {
        EhTryBlock tb;
        TablesTryBlock(t, i, &tb);
        if (state < tb.tryLow || state > tb.tryHigh || tb.tryLow < low || tb.catchHigh > high)
            continue;
        for (ULONG k = 0; k < tb.nCatches; k++) {
            EhHandler h;
            BOOLEAN ellipsis;
            TablesHandler(t, &tb, k, &h);
            const CatchableType *ct = MatchHandler(&h, t->image_base, ti, ti_base, &ellipsis);
            if (ct != NULL || ellipsis)
                CatchIt(thrown, context, frame, target, dc, t, &tb, &h, ct, foreign);
        }
    }
}

/* A catch funclet's own frame. The function's frame, whose objects and catch parameters the
 * funclet uses, is the one the funclet was called with; the funclet keeps it at dispFrame. Try
 * blocks inside the catch block are searched here, and a match resumes in the funclet; an
 * exception leaving the catch block destroys the catch block's own objects here, and the
 * function's frame (reached next, through the consolidation frame) goes on from the catch's state. */
static EXCEPTION_DISPOSITION CatchFuncletFrame(EXCEPTION_RECORD *rec, CONTEXT *context, ULONG64 funclet,
                                               DISPATCHER_CONTEXT *dc, const EhTables *t, const EhTryBlock *outer,
                                               const EhHandler *own)
{
    ULONG64 frame = *(ULONG64 *)(funclet + own->dispFrame);
    const ActiveCatch *active = FindActiveCatch(funclet);
    int state = active != NULL ? active->state : TablesStateFromIp(t, dc->ControlPc);
    if (rec->ExceptionFlags & EXCEPTION_UNWIND) {
        if (active != NULL)
            state = active->unwound;        /* a catch inside this one runs: its try was unwound already */
        int target = outer->tryHigh;        /* the catch block's states lie above its try block's */
        if (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND)
            target = IsOurConsolidation(rec) ? (int)(LONG64)rec->ExceptionInformation[CONS_STATE]
                                             : TablesStateFromIp(t, dc->TargetIp);
        if (state > outer->tryHigh && state <= outer->catchHigh)
            UnwindStates(t, frame, state, target, NULL);
        return ExceptionContinueSearch;
    }
    if (IsCxxException(rec))
        FindCatch(rec, context, dc, t, state, outer->tryHigh + 1, outer->catchHigh, frame, funclet, NULL);
    else
        FindForeignCatch(rec, context, dc, t, state, outer->tryHigh + 1, outer->catchHigh, frame, funclet);
    return ExceptionContinueSearch;
}

/* The frame handler over one frame's tables: a catch funclet's frame, or the function's own
 * (unwinding its states, or searching its try blocks). `context` is the exception's. */
static EXCEPTION_DISPOSITION CxxHandleFrame(EXCEPTION_RECORD *rec, CONTEXT *context, ULONG64 frame,
                                            DISPATCHER_CONTEXT *dc, const EhTables *t)
{
    /* A /EHs function leaves structured exceptions alone, their unwinds too (its objects are not
     * destroyed); a C++ catch's consolidation (of any runtime) and longjmp's unwind are its business. */
    ULONG code = (ULONG)rec->ExceptionCode;
    if (t->ehs && !IsCxxException(rec) && code != (ULONG)STATUS_UNWIND_CONSOLIDATE && code != (ULONG)STATUS_LONGJUMP)
        return ExceptionContinueSearch;
    EhTryBlock outer;
    EhHandler own;
    if (InCatchFunclet(t, &outer, &own))
        return CatchFuncletFrame(rec, context, frame, dc, t, &outer, &own);

    if (rec->ExceptionFlags & EXCEPTION_UNWIND) {
        if (t->max_state <= 0)
            return ExceptionContinueSearch;
        int target = -1;
        if (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND)
            target = IsOurConsolidation(rec) ? (int)(LONG64)rec->ExceptionInformation[CONS_STATE]
                                             : TablesStateFromIp(t, dc->TargetIp);
        FrameUnwindToState(t, dc, frame, target);
        return ExceptionContinueSearch;
    }

    const ActiveCatch *active = FindActiveCatch(frame);
    int state = active != NULL ? active->state : CurrentState(t, dc, frame);
    if (!IsCxxException(rec)) {
        FindForeignCatch(rec, context, dc, t, state, -0x7FFFFFFF, 0x7FFFFFFF, frame, frame);
        return ExceptionContinueSearch;     /* a noexcept function does not end for them */
    }
    FindCatch(rec, context, dc, t, state, -0x7FFFFFFF, 0x7FFFFFFF, frame, frame, NULL);
    if (t->no_except)
        terminate();                        /* an exception leaves a noexcept function */
    return ExceptionContinueSearch;
}
