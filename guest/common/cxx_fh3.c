/*
 * MSVC C++ exceptions on x64, the throw side and the FH3 tables: _CxxThrowException raises
 * 0xE06D7363 with the object and its ThrowInfo; __CxxFrameHandler3 reads its FuncInfo (plain
 * arrays: IP-to-state map, try-block map, unwind map, handler arrays) for the engine in cxx_eh.c.
 * Shared by vcruntime140 (guest/vcruntime/cxx_eh.c) and msvcrt (guest/crt/cxx_frame.c); the
 * includer provides what cxx_eh.c asks for.
 */
#include "cxx_eh.c"

#define FI_EHS_FLAG 0x1                 /* built /EHs: C++ exceptions only */
#define FI_EHNOEXCEPT_FLAG 0x4

/* FuncInfo (the handler data of __CxxFrameHandler3, RVAs from the function's image base) */
typedef struct { int toState; int action; } UnwindMapEntry;
typedef struct { ULONG adjectives; int pType; int dispCatchObj; int addressOfHandler; int dispFrame; } HandlerType;
typedef struct { int tryLow, tryHigh, catchHigh, nCatches; int pHandlerArray; } TryBlockMapEntry;
typedef struct { int ip; int state; } IPtoStateMapEntry;
typedef struct {
    ULONG magicNumber; int maxState; int pUnwindMap; ULONG nTryBlocks; int pTryBlockMap;
    ULONG nIPMapEntries; int pIPtoStateMap; int dispUnwindHelp; int pESTypeList; int EHFlags;
} FuncInfo;

/* `throw;` of a structured exception raises it again, as MSVC's runtime does when the rethrow
 * leaves the catch block: the one catch(...) caught, or the one the caught translation stands
 * for (the translation is destroyed). Returns if the exception being handled is a C++ one. */
static void RethrowStructured(void)
{
    ActiveCatch *c = ACTIVE_CATCHES;
    EXCEPTION_RECORD *current = *CxxCurrentException(), *foreign = NULL;
    if (c != NULL && c->foreign != NULL) {
        foreign = c->foreign;
        c->foreign = NULL;
        DestroyThrownObject(current);
    } else if (current != NULL && !IsCxxException(current)) {
        foreign = current;
    }
    if (foreign != NULL)
        RaiseException((ULONG)foreign->ExceptionCode, foreign->ExceptionFlags, foreign->NumberParameters,
                       foreign->ExceptionInformation);
}

/* _CxxThrowException(object, ThrowInfo): `throw object;`, or with NULLs `throw;` (a rethrow of
 * the exception being handled, which the frame handler takes from the thread's data). */
CXX_EXPORT __attribute__((noreturn)) void _CxxThrowException(void *object, ThrowInfo *info)
{
    if (info == NULL)
        RethrowStructured();                /* `throw;` of a structured exception or its translation */
    PVOID base = NULL;
    if (info != NULL)
        RtlPcToFileHeader(info, &base);
    ULONG_PTR args[4] = {EH_MAGIC_NUMBER1, (ULONG_PTR)object, (ULONG_PTR)info, (ULONG_PTR)base};
    ++*CxxProcessingThrow();                /* uncaught until a catch block starts */
    RaiseException(EH_EXCEPTION_NUMBER, EXCEPTION_NONCONTINUABLE, 4, args);
    for (;;)
        terminate();
}

/* -- the engine's lookups over FuncInfo's arrays */
static int TablesStateFromIp(const EhTables *t, ULONG64 ip)
{
    const FuncInfo *fi = t->info;
    const IPtoStateMapEntry *map = RVA(t->image_base, fi->pIPtoStateMap);
    ULONG rva = (ULONG)(ip - t->image_base);
    int state = -1;
    for (ULONG i = 0; i < fi->nIPMapEntries && (ULONG)map[i].ip <= rva; i++)
        state = map[i].state;
    return state;
}

static void TablesUnwindEntry(const EhTables *t, int state, EhUnwind *out)
{
    const UnwindMapEntry *e = (const UnwindMapEntry *)RVA(t->image_base, ((const FuncInfo *)t->info)->pUnwindMap) + state;
    out->toState = e->toState;
    out->kind = e->action ? UW_FUNCLET : UW_NONE;
    out->action = (ULONG)e->action;
    out->object = 0;
}

static void TablesTryBlock(const EhTables *t, ULONG index, EhTryBlock *out)
{
    const TryBlockMapEntry *e = (const TryBlockMapEntry *)RVA(t->image_base, ((const FuncInfo *)t->info)->pTryBlockMap)
                                + index;
    out->tryLow = e->tryLow;
    out->tryHigh = e->tryHigh;
    out->catchHigh = e->catchHigh;
    out->nCatches = (ULONG)e->nCatches;
    out->handlers = RVA(t->image_base, e->pHandlerArray);
}

static void TablesHandler(const EhTables *t, const EhTryBlock *tb, ULONG index, EhHandler *out)
{
    (void)t;
    const HandlerType *h = (const HandlerType *)tb->handlers + index;
    out->adjectives = h->adjectives;
    out->pType = h->pType;
    out->dispCatchObj = h->dispCatchObj;
    out->addressOfHandler = (ULONG)h->addressOfHandler;
    out->dispFrame = h->dispFrame;
    out->continuation[0] = out->continuation[1] = 0;    /* the funclet returns the address */
}

/* __CxxFrameHandler3: the language handler of every MSVC function with try blocks or
 * objects to destroy (its handler data is the RVA of the FuncInfo). */
CXX_EXPORT EXCEPTION_DISPOSITION __CxxFrameHandler3(EXCEPTION_RECORD *rec, PVOID establisher, CONTEXT *ctx,
                                                 DISPATCHER_CONTEXT *dc)
{
    const FuncInfo *fi = RVA(dc->ImageBase, *(ULONG *)dc->HandlerData);
    EhTables t = {0};
    t.image_base = dc->ImageBase;
    t.function_start = dc->FunctionEntry->BeginAddress;
    t.max_state = fi->maxState;
    t.n_try_blocks = fi->nTryBlocks;
    t.disp_unwind_help = fi->dispUnwindHelp;
    t.no_except = fi->magicNumber >= EH_MAGIC_NUMBER3 && (fi->EHFlags & FI_EHNOEXCEPT_FLAG);
    t.ehs = fi->magicNumber >= EH_MAGIC_NUMBER3 && (fi->EHFlags & FI_EHS_FLAG);
    t.may_be_catch = 1;                     /* the catch funclets share the function's FuncInfo */
    t.info = fi;
    return CxxHandleFrame(rec, ctx, (ULONG64)establisher, dc, &t);
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
