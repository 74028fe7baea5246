/* RtlWalkHeap and RtlValidateHeap over heap.h's layout (HeapWalk, HeapValidate, HeapSummary).
 *
 * A walk visits each segment, oldest first: one segment entry (RTL_HEAP_SEGMENT, the segment's
 * first byte, the bytes before its first block, its committed size and its first and last
 * block), then each of its blocks, busy (RTL_HEAP_BUSY, the size asked for, the header and the
 * slack as overhead) or free; the caller's entry is the cursor, as on Windows. Segments are
 * committed whole, so no uncommitted range is ever reported. Validation checks every header a
 * block chain and the free list depend on: magic, sizes agreeing with both neighbours, the
 * sentinel at the segment's end, free-list links that point back. */
#include "heap.h"

#define RTL_HEAP_BUSY 0x0001
#define RTL_HEAP_SEGMENT 0x0002
#define MAX_SEGMENTS 64
#ifndef STATUS_NO_MORE_ENTRIES
#define STATUS_NO_MORE_ENTRIES ((NTSTATUS)0x8000001A)
#endif

typedef struct _RTL_HEAP_WALK_ENTRY {
    PVOID DataAddress;
    SIZE_T DataSize;
    UCHAR OverheadBytes;
    UCHAR SegmentIndex;
    USHORT Flags;
    union {
        struct { SIZE_T Settable; USHORT TagIndex, AllocatorBackTraceIndex; ULONG Reserved[2]; } Block;
        struct { ULONG CommittedSize, UnCommittedSize; PVOID FirstEntry, LastEntry; } Segment;
    };
} RTL_HEAP_WALK_ENTRY;

/* The segments oldest first (the heap keeps them newest first). */
static ULONG Segments(HEAP *heap, SEGMENT **out)
{
    ULONG n = 0;
    for (SEGMENT *s = heap->Segments; s != NULL && n < MAX_SEGMENTS; s = s->Next)
        out[n++] = s;
    for (ULONG i = 0; i < n / 2; i++) {
        SEGMENT *t = out[i];
        out[i] = out[n - 1 - i];
        out[n - 1 - i] = t;
    }
    return n;
}

static BLOCK *FirstBlock(SEGMENT *seg) { return (BLOCK *)((UCHAR *)seg + sizeof(SEGMENT)); }

static void SegmentEntry(HEAP *heap, SEGMENT *seg, ULONG index, RTL_HEAP_WALK_ENTRY *e)
{
    UCHAR *base = SegmentBase(heap, seg);
    memset(e, 0, sizeof(*e));
    e->DataAddress = base;
    e->DataSize = (UCHAR *)FirstBlock(seg) - base;
    e->SegmentIndex = (UCHAR)index;
    e->Flags = RTL_HEAP_SEGMENT;
    e->Segment.CommittedSize = (ULONG)seg->Size;
    e->Segment.FirstEntry = FirstBlock(seg);
    e->Segment.LastEntry = base + seg->Size;
}

static void BlockEntry(BLOCK *b, ULONG index, RTL_HEAP_WALK_ENTRY *e)
{
    memset(e, 0, sizeof(*e));
    e->DataAddress = b + 1;
    e->SegmentIndex = (UCHAR)index;
    SIZE_T room = (SIZE_T)b->Units * UNIT - sizeof(BLOCK);
    if (b->Flags & BUSY) {
        e->Flags = RTL_HEAP_BUSY;
        e->DataSize = room - b->Unused;
        SIZE_T overhead = sizeof(BLOCK) + b->Unused;
        e->OverheadBytes = (UCHAR)(overhead > 255 ? 255 : overhead);
    } else {
        e->DataSize = room;
        e->OverheadBytes = sizeof(BLOCK);
    }
}

NTSYSAPI NTSTATUS NTAPI RtlWalkHeap(PVOID HeapHandle, RTL_HEAP_WALK_ENTRY *Entry)
{
    HEAP *heap = HeapHandle;
    if (heap == NULL || heap->Signature != HEAP_SIGNATURE || Entry == NULL)
        return STATUS_INVALID_PARAMETER;
    BOOLEAN locked = RtlpLockHeap(heap, 0);
    SEGMENT *segs[MAX_SEGMENTS];
    ULONG count = Segments(heap, segs), index = Entry->SegmentIndex;
    NTSTATUS status = STATUS_SUCCESS;
    if (Entry->DataAddress == NULL) {                   /* the start: the first segment */
        SegmentEntry(heap, segs[0], 0, Entry);
    } else if (index >= count) {
        status = STATUS_INVALID_PARAMETER;
    } else {
        BLOCK *next = (Entry->Flags & RTL_HEAP_SEGMENT) ? FirstBlock(segs[index])
                                                         : NextBlock((BLOCK *)Entry->DataAddress - 1);
        if (next->Magic != MAGIC)
            status = STATUS_INVALID_PARAMETER;          /* the cursor is no block of this heap */
        else if (!(next->Flags & LAST))
            BlockEntry(next, index, Entry);
        else if (index + 1 < count)
            SegmentEntry(heap, segs[index + 1], index + 1, Entry);
        else
            status = STATUS_NO_MORE_ENTRIES;
    }
    RtlpUnlockHeap(heap, locked);
    return status;
}

/* One block's header against its neighbours inside [first, end). */
static BOOLEAN BlockValid(BLOCK *b, BLOCK *first, UCHAR *end)
{
    if (b->Magic != MAGIC || b->Units < 2 || (UCHAR *)b + (SIZE_T)b->Units * UNIT > end - sizeof(BLOCK))
        return 0;
    if (b == first ? b->PrevUnits != 0 : ((UCHAR *)b - (SIZE_T)b->PrevUnits * UNIT < (UCHAR *)first
                                          || ((BLOCK *)((UCHAR *)b - (SIZE_T)b->PrevUnits * UNIT))->Units
                                             != b->PrevUnits))
        return 0;
    BLOCK *next = NextBlock(b);
    return next->Magic == MAGIC && next->PrevUnits == b->Units && b->Unused < b->Units * UNIT;
}

static BOOLEAN SegmentValid(HEAP *heap, SEGMENT *seg)
{
    UCHAR *end = SegmentBase(heap, seg) + seg->Size;
    BLOCK *first = FirstBlock(seg), *b = first;
    while (!(b->Flags & LAST)) {
        if (!BlockValid(b, first, end))
            return 0;
        b = NextBlock(b);
    }
    return (UCHAR *)b == end - sizeof(BLOCK) && b->Magic == MAGIC && b->Units == 0;
}

static SEGMENT *SegmentOf(HEAP *heap, PVOID p)
{
    for (SEGMENT *s = heap->Segments; s != NULL; s = s->Next)
        if ((UCHAR *)p >= (UCHAR *)FirstBlock(s) && (UCHAR *)p < SegmentBase(heap, s) + s->Size)
            return s;
    return NULL;
}

NTSYSAPI BOOLEAN NTAPI RtlValidateHeap(PVOID HeapHandle, ULONG Flags, PVOID Block)
{
    HEAP *heap = HeapHandle;
    if (heap == NULL || heap->Signature != HEAP_SIGNATURE)
        return 0;
    BOOLEAN locked = RtlpLockHeap(heap, Flags), ok = 1;
    if (Block != NULL) {                                /* one busy block */
        BLOCK *b = RtlpHeapBlockOf(heap, Block);
        SEGMENT *seg = b ? SegmentOf(heap, b) : NULL;
        ok = seg != NULL && BlockValid(b, FirstBlock(seg), SegmentBase(heap, seg) + seg->Size);
    } else {
        for (SEGMENT *s = heap->Segments; s != NULL && ok; s = s->Next)
            ok = SegmentValid(heap, s);
        for (FREE_BLOCK *f = heap->FreeList.Next; f != &heap->FreeList && ok; f = f->Next)
            ok = f->Next->Prev == f && !(f->Header.Flags & BUSY) && f->Header.Magic == MAGIC
                 && SegmentOf(heap, f) != NULL;
    }
    RtlpUnlockHeap(heap, locked);
    return ok;
}
