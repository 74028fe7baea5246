/*
 * __CxxFrameHandler4 (vcruntime140_1.dll): the handler data is the RVA of a FuncInfo4, whose
 * tables are byte streams of compressed unsigned integers and 4-byte RVAs, decoded here for the
 * engine in cxx_eh.c (the same catch matching, unwinding and consolidation as FH3).
 *
 * Compressed unsigned: the low bits of the first byte give the length: xxx0 one byte (value >> 1),
 * xx01 two (>> 2), x011 three (>> 3), 0111 four (>> 4), little-endian; 1111 five: the four bytes
 * after it. States are stored + 1 in the IP-to-state map (-1 is 0); try-block states as they are.
 *
 * FuncInfo4: header byte (isCatch 0x01, isSeparated 0x02, BBT 0x04, UnwindMap 0x08, TryBlockMap
 * 0x10, EHs 0x20, NoExcept 0x40), [bbtFlags: compressed if BBT], [unwind map RVA if UnwindMap],
 * [try-block map RVA if TryBlockMap], IP-to-state map RVA (of a segment table if isSeparated),
 * [dispFrame: compressed if isCatch: where a catch funclet keeps the function's frame].
 * Unwind map: count, then per state: (nextOffset << 2 | type) compressed (nextOffset: bytes back
 * from this entry to the entry of the state it goes to; before the first entry: -1), then for the
 * destructor types (1: object at a frame offset, 2: its pointer at one) the action RVA and the
 * compressed offset, for type 3 (a cleanup funclet) the RVA alone, for 0 nothing.
 * Try-block map: count, then tryLow, tryHigh, catchHigh compressed and the handler array's RVA.
 * Handler array: count, then per catch a header byte (adjectives 0x01, dispType 0x02,
 * dispCatchObj 0x04, contIsRVA 0x08, contAddr 0x30: 0-2 continuation addresses), [adjectives],
 * [type descriptor RVA], [dispCatchObj], the funclet's RVA, then the continuation addresses:
 * RVAs if contIsRVA, else compressed offsets from the start of the function the frame runs.
 * IP-to-state map: count, then (IP delta, state + 1) pairs, the IPs from the start of the
 * function (or funclet, or separated segment) and each from the one before. Separated: count,
 * then (segment start RVA, IP-to-state map RVA) pairs, the segment's map found by its start.
 * The frame keeps no state of its own (no UnwindHelp slot as FH3's): the IP says.
 */
#include "cxx_eh.c"

#define FI4_IS_CATCH 0x01
#define FI4_IS_SEPARATED 0x02
#define FI4_BBT 0x04
#define FI4_UNWIND_MAP 0x08
#define FI4_TRY_BLOCK_MAP 0x10
#define FI4_EHS 0x20
#define FI4_NO_EXCEPT 0x40

#define HT4_ADJECTIVES 0x01
#define HT4_DISP_TYPE 0x02
#define HT4_DISP_CATCH_OBJ 0x04
#define HT4_CONT_IS_RVA 0x08
#define HT4_CONT_ADDR_SHIFT 4

static ULONG ReadUnsigned(const UCHAR **p)
{
    const UCHAR *b = *p;
    ULONG v;
    if ((b[0] & 1) == 0) {
        v = b[0] >> 1;
        *p = b + 1;
    } else if ((b[0] & 3) == 1) {
        v = (b[0] >> 2) | ((ULONG)b[1] << 6);
        *p = b + 2;
    } else if ((b[0] & 7) == 3) {
        v = (b[0] >> 3) | ((ULONG)b[1] << 5) | ((ULONG)b[2] << 13);
        *p = b + 3;
    } else if ((b[0] & 15) == 7) {
        v = (b[0] >> 4) | ((ULONG)b[1] << 4) | ((ULONG)b[2] << 12) | ((ULONG)b[3] << 20);
        *p = b + 4;
    } else {
        v = b[1] | ((ULONG)b[2] << 8) | ((ULONG)b[3] << 16) | ((ULONG)b[4] << 24);
        *p = b + 5;
    }
    return v;
}

static ULONG ReadRva(const UCHAR **p)
{
    ULONG v;
    __builtin_memcpy(&v, *p, 4);
    *p += 4;
    return v;
}

/* A table's entries start after its count. */
static const UCHAR *TableStart(ULONG64 image_base, ULONG rva, ULONG *count)
{
    if (rva == 0) {
        *count = 0;
        return NULL;
    }
    const UCHAR *p = RVA(image_base, rva);
    *count = ReadUnsigned(&p);
    return p;
}

/* Read one unwind map entry, leaving *p after it. */
static void ReadUnwindEntry(const UCHAR **p, ULONG *next_offset, EhUnwind *out)
{
    ULONG head = ReadUnsigned(p);
    *next_offset = head >> 2;
    out->kind = (int)(head & 3);
    out->action = out->object = 0;
    if (out->kind == UW_DTOR_OBJECT || out->kind == UW_DTOR_POINTER) {
        out->action = ReadRva(p);
        out->object = ReadUnsigned(p);
    } else if (out->kind == UW_FUNCLET) {
        out->action = ReadRva(p);
    }
}

/* -- the engine's lookups, decoding the streams from their starts */
static int TablesStateFromIp(const EhTables *t, ULONG64 ip)
{
    const UCHAR *p = t->ip_map;
    ULONG64 at = t->image_base + t->function_start;
    int state = -1;
    for (ULONG i = 0; i < t->n_ip_entries; i++) {
        at += ReadUnsigned(&p);
        if (ip < at)
            break;
        state = (int)ReadUnsigned(&p) - 1;
    }
    return state;
}

static void TablesUnwindEntry(const EhTables *t, int state, EhUnwind *out)
{
    const UCHAR *p = t->unwind_map, *entry = p;
    ULONG next_offset = 0;
    for (int s = 0; s <= state; s++) {
        entry = p;
        ReadUnwindEntry(&p, &next_offset, out);
    }
    /* The state it goes to: the entry nextOffset bytes back, counted from the map's start. */
    const UCHAR *to = entry - next_offset;
    out->toState = -1;
    if (next_offset == 0 || to < t->unwind_map)
        return;
    const UCHAR *q = t->unwind_map;
    for (int s = 0; s < state; s++) {
        if (q == to) {
            out->toState = s;
            return;
        }
        EhUnwind skip;
        ULONG ignored;
        ReadUnwindEntry(&q, &ignored, &skip);
    }
}

static void TablesTryBlock(const EhTables *t, ULONG index, EhTryBlock *out)
{
    const UCHAR *p = t->try_map;
    for (ULONG i = 0; i <= index; i++) {
        out->tryLow = (int)ReadUnsigned(&p);
        out->tryHigh = (int)ReadUnsigned(&p);
        out->catchHigh = (int)ReadUnsigned(&p);
        ULONG handlers = ReadRva(&p);
        out->handlers = TableStart(t->image_base, handlers, &out->nCatches);
    }
}

static void TablesHandler(const EhTables *t, const EhTryBlock *tb, ULONG index, EhHandler *out)
{
    const UCHAR *p = tb->handlers;
    for (ULONG i = 0; i <= index; i++) {
        UCHAR header = *p++;
        out->adjectives = (header & HT4_ADJECTIVES) ? ReadUnsigned(&p) : 0;
        out->pType = (header & HT4_DISP_TYPE) ? (int)ReadRva(&p) : 0;
        out->dispCatchObj = (header & HT4_DISP_CATCH_OBJ) ? (int)ReadUnsigned(&p) : 0;
        out->addressOfHandler = ReadRva(&p);
        out->dispFrame = t->disp_frame;
        out->continuation[0] = out->continuation[1] = 0;
        ULONG count = (header >> HT4_CONT_ADDR_SHIFT) & 3;
        for (ULONG k = 0; k < count && k < 2; k++) {
            if (header & HT4_CONT_IS_RVA)
                out->continuation[k] = t->image_base + ReadRva(&p);
            else
                out->continuation[k] = t->image_base + t->function_start + ReadUnsigned(&p);
        }
    }
}

/* Decode the FuncInfo4 header for the frame's function (or funclet, or segment). */
static void DecodeFuncInfo4(EhTables *t, const UCHAR *p)
{
    UCHAR header = *p++;
    if (header & FI4_BBT)
        (void)ReadUnsigned(&p);             /* bbtFlags: nothing for the handler */
    ULONG unwind = (header & FI4_UNWIND_MAP) ? ReadRva(&p) : 0;
    ULONG tries = (header & FI4_TRY_BLOCK_MAP) ? ReadRva(&p) : 0;
    ULONG ip_map = ReadRva(&p);
    t->disp_frame = (header & FI4_IS_CATCH) ? (int)ReadUnsigned(&p) : 0;
    t->may_be_catch = (header & FI4_IS_CATCH) != 0;
    t->no_except = (header & FI4_NO_EXCEPT) != 0;
    t->ehs = (header & FI4_EHS) != 0;
    ULONG count;
    t->unwind_map = TableStart(t->image_base, unwind, &count);
    t->max_state = (int)count;
    t->try_map = TableStart(t->image_base, tries, &t->n_try_blocks);
    if (header & FI4_IS_SEPARATED) {
        /* The segment table: the map of the segment this frame runs in (none: no states). */
        ULONG segments;
        const UCHAR *s = TableStart(t->image_base, ip_map, &segments);
        ip_map = 0;
        for (ULONG i = 0; i < segments; i++) {
            ULONG start = ReadRva(&s), map = ReadRva(&s);
            if (start == t->function_start) {
                ip_map = map;
                break;
            }
        }
    }
    t->ip_map = TableStart(t->image_base, ip_map, &t->n_ip_entries);
}

/* __CxxFrameHandler4: the language handler of MSVC 2019+ functions with try blocks or objects
 * to destroy, and of their catch funclets (each with a FuncInfo4 of its own, isCatch set). */
CXX_EXPORT EXCEPTION_DISPOSITION __CxxFrameHandler4(EXCEPTION_RECORD *rec, PVOID establisher, CONTEXT *ctx,
                                                 DISPATCHER_CONTEXT *dc)
{
    EhTables t = {0};
    t.image_base = dc->ImageBase;
    t.function_start = dc->FunctionEntry->BeginAddress;
    DecodeFuncInfo4(&t, RVA(dc->ImageBase, *(ULONG *)dc->HandlerData));
    return CxxHandleFrame(rec, ctx, (ULONG64)establisher, dc, &t);
}
