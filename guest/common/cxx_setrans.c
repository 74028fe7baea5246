/*
 * The structured-exception side of the C++ frame handlers (included by cxx_eh.c): a foreign
 * exception (not 0xE06D7363) in a /EHa function, at a state inside one of its try blocks, goes
 * first to the thread's _set_se_translator function, called as fn(code, EXCEPTION_POINTERS *)
 * inside a guard frame (CxxCallTranslator below). A C++ exception the translator throws reaches
 * the guard's handler first, which searches this same frame's try blocks for a catch of it: a
 * match unwinds to the catch (the frames between, their __finally blocks and destructors
 * included), marked as a translation's catch, so that `throw;` in it raises the structured
 * exception again (RethrowStructured in cxx_fh3.c), as MSVC's runtime does; no match drops the
 * translation and the structured exception goes on to the outer frames, whose try blocks call
 * the translator again (once per frame, as on Windows). A translator that returns leaves the
 * search to the try blocks' catch(...) clauses.
 */
#define STATUS_BREAKPOINT_ 0x80000003u  /* never translated nor caught */
#define CLR_EXCEPTION_CODE 0xE0434F4Du  /* the CLR's own exceptions, not the translator's */
#define CLR_EXCEPTION_CODE_V4 0xE0434352u

typedef void (*SeTranslator)(unsigned int, EXCEPTION_POINTERS *);

/* What the guard's handler needs of the frame whose try blocks called the translator. */
typedef struct {
    CONTEXT *context;
    DISPATCHER_CONTEXT *dc;
    const EhTables *t;
    int state, low, high;
    ULONG64 frame, target;
    EXCEPTION_RECORD *foreign;
} TranslatorGuard;

/* CxxCallTranslator(fn, code, pointers, guard): fn(code, pointers) in a frame whose handler is
 * CxxTranslatorGuard (the guard at [rsp+0x20], where the handler finds it from the establisher
 * frame). 0: the translator returned; 1: it threw something no catch of the frame takes (the
 * handler unwound to CxxTranslatorThrew with 1 in rax). */
ULONG CxxCallTranslator(SeTranslator fn, ULONG code, EXCEPTION_POINTERS *pointers, TranslatorGuard *guard)
    __asm__("CxxCallTranslator");
extern char CxxTranslatorThrew[] __asm__("CxxTranslatorThrew");
__asm__(
    ".text\n"
    ".globl CxxCallTranslator\n"
    ".def CxxCallTranslator; .scl 2; .type 32; .endef\n"
    ".seh_proc CxxCallTranslator\n"
    "CxxCallTranslator:\n"
    "    sub $0x28, %rsp\n"
    "    .seh_stackalloc 0x28\n"
    "    .seh_handler CxxTranslatorGuard, @except, @unwind\n"
    "    .seh_endprologue\n"
    "    mov %r9, 0x20(%rsp)\n"
    "    mov %rcx, %rax\n"
    "    mov %edx, %ecx\n"
    "    mov %r8, %rdx\n"
    "    call *%rax\n"
    "    xor %eax, %eax\n"
    "CxxTranslatorThrew:\n"
    "    nop\n"
    "    add $0x28, %rsp\n"
    "    ret\n"
    ".seh_endproc\n");

static void FindCatch(EXCEPTION_RECORD *rec, CONTEXT *context, DISPATCHER_CONTEXT *dc, const EhTables *t,
                      int state, int low, int high, ULONG64 frame, ULONG64 target, EXCEPTION_RECORD *foreign);

/* The guard frame's handler: an exception leaves the translator. */
static __attribute__((used)) EXCEPTION_DISPOSITION CxxTranslatorGuard(EXCEPTION_RECORD *rec, PVOID establisher,
                                                                     CONTEXT *context, DISPATCHER_CONTEXT *dc)
{
    if (rec->ExceptionFlags & EXCEPTION_UNWIND)
        return ExceptionContinueSearch;
    const TranslatorGuard *g = *(TranslatorGuard **)((char *)establisher + 0x20);
    if (!IsCxxException(rec))
        abort();                            /* a structured exception out of the translator */
    /* The C++ exception, searched for in the translating frame's try blocks (a match does not return). */
    FindCatch(rec, context, g->dc, g->t, g->state, g->low, g->high, g->frame, g->target, g->foreign);
    /* No catch here: the translation is dropped, the structured exception goes on. */
    int *in_flight = CxxProcessingThrow();
    if (*in_flight > 0)
        --*in_flight;
    RtlUnwindEx(establisher, CxxTranslatorThrew, rec, (PVOID)1, dc->ContextRecord, dc->HistoryTable);
    for (;;)
        terminate();
}

/* Is a try block within [low, high] around `state` (a catch funclet's frame: one inside it)? */
static BOOLEAN TryBlockAround(const EhTables *t, int state, int low, int high)
{
    for (ULONG i = 0; i < t->n_try_blocks; i++) {
        EhTryBlock tb;
        TablesTryBlock(t, i, &tb);
        if (state >= tb.tryLow && state <= tb.tryHigh && tb.tryLow >= low && tb.catchHigh <= high)
            return 1;
    }
    return 0;
}

/* Search the try blocks within [low, high] around `state` for a structured exception: the
 * translator first (a catch of what it throws does not return), then the catch(...) clause that
 * ends a try block, if it is not the standard's C++-only kind. */
static void FindForeignCatch(EXCEPTION_RECORD *rec, CONTEXT *context, DISPATCHER_CONTEXT *dc, const EhTables *t,
                             int state, int low, int high, ULONG64 frame, ULONG64 target)
{
    ULONG code = (ULONG)rec->ExceptionCode;
    if (code == STATUS_BREAKPOINT_ || !TryBlockAround(t, state, low, high))
        return;
    SeTranslator translator = (SeTranslator)*CxxSeTranslator();
    if (translator != NULL && code != CLR_EXCEPTION_CODE && code != CLR_EXCEPTION_CODE_V4) {
        TranslatorGuard guard = {context, dc, t, state, low, high, frame, target, rec};
        EXCEPTION_POINTERS pointers = {rec, context};
        if (CxxCallTranslator(translator, code, &pointers, &guard))
            return;                         /* translated, and nothing here catches the translation */
    }
    for (ULONG i = 0; i < t->n_try_blocks; i++) {
        EhTryBlock tb;
        TablesTryBlock(t, i, &tb);
        if (state < tb.tryLow || state > tb.tryHigh || tb.tryLow < low || tb.catchHigh > high || tb.nCatches == 0)
            continue;
        EhHandler h;
        TablesHandler(t, &tb, tb.nCatches - 1, &h);
        const TypeDescriptor *type = h.pType ? RVA(t->image_base, h.pType) : NULL;
        if ((type == NULL || type->name[0] == 0) && !(h.adjectives & HT_IsStdDotDot))
            CatchIt(rec, context, frame, target, dc, t, &tb, &h, NULL, NULL);
    }
}
