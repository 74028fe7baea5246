/* The process heap: RtlCreateHeap, RtlAllocateHeap, RtlFreeHeap, RtlReAllocateHeap, RtlSizeHeap,
 * RtlDestroyHeap, RtlGetProcessHeaps, RtlLockHeap, RtlUnlockHeap.
 *
 * A heap is a chain of segments obtained from NtAllocateVirtualMemory. A segment holds blocks,
 * each with a 16-byte header giving its size and its predecessor's size in 16-byte units, so a
 * freed block merges with free neighbours on both sides. Free blocks sit on one list, searched
 * first fit; a request that fits nowhere adds a segment when the heap is growable.
 * Each heap has a lock (a critical section in its header, as Windows' HEAP.LockVariable) that
 * every call takes unless HEAP_NO_SERIALIZE is the heap's or the call's; RtlLockHeap and
 * RtlUnlockHeap take it for the caller (HeapLock, HeapUnlock). The layout is heap.h's; RtlWalkHeap
 * and RtlValidateHeap are heap_walk.c's. */

#include "heap.h"

/* The lock, unless HEAP_NO_SERIALIZE says the caller serialises. */
BOOLEAN RtlpLockHeap(HEAP *heap, ULONG flags)
{
    if ((flags | heap->Flags) & HEAP_NO_SERIALIZE)
        return 0;
    RtlEnterCriticalSection(&heap->Lock);
    return 1;
}

void RtlpUnlockHeap(HEAP *heap, BOOLEAN locked)
{
    if (locked)
        RtlLeaveCriticalSection(&heap->Lock);
}

_Static_assert(sizeof(BLOCK) == UNIT && sizeof(SEGMENT) % UNIT == 0 && sizeof(HEAP) % UNIT == 0,
               "blocks stay 16-byte aligned");

static PVOID RtlpProcessHeapsList[16];

static BLOCK *PrevBlock(BLOCK *b) { return (BLOCK *)((UCHAR *)b - (SIZE_T)b->PrevUnits * UNIT); }

static void Unlink(FREE_BLOCK *f) { f->Prev->Next = f->Next; f->Next->Prev = f->Prev; }

static void Link(HEAP *heap, FREE_BLOCK *f)
{
    f->Next = heap->FreeList.Next;
    f->Prev = &heap->FreeList;
    heap->FreeList.Next->Prev = f;
    heap->FreeList.Next = f;
}

/* Carve a segment into one free block and the sentinel. */
static int AddSegment(HEAP *heap, PVOID base, SIZE_T size, SIZE_T used)
{
    SEGMENT *seg = (SEGMENT *)((UCHAR *)base + used);
    seg->Next = heap->Segments;
    seg->Size = size;
    heap->Segments = seg;
    UCHAR *first = (UCHAR *)seg + sizeof(SEGMENT);
    SIZE_T units = ((UCHAR *)base + size - first) / UNIT - 1;
    FREE_BLOCK *f = (FREE_BLOCK *)first;
    f->Header = (BLOCK){(ULONG)units, 0, 0, 0, MAGIC};
    BLOCK *end = NextBlock(&f->Header);
    *end = (BLOCK){0, (ULONG)units, 0, BUSY | LAST, MAGIC};
    Link(heap, f);
    return 1;
}

static PVOID ReserveAndCommit(SIZE_T *size)
{
    PVOID base = NULL;
    if (NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, size, 0x3000 /* MEM_RESERVE|MEM_COMMIT */,
                                0x04 /* PAGE_READWRITE */) < 0)
        return NULL;
    return base;
}

NTSYSAPI PVOID NTAPI RtlCreateHeap(ULONG Flags, PVOID Base, SIZE_T Reserve, SIZE_T Commit, PVOID Lock, PVOID Parameters)
{
    (void)Lock; (void)Parameters;
    if (Base != NULL)                   /* caller-supplied memory is not supported */
        return NULL;
    (void)Reserve;                      /* segments are committed whole: start from the commit size */
    SIZE_T size = Commit < MIN_SEGMENT ? MIN_SEGMENT : (Commit + 0xFFFF) & ~(SIZE_T)0xFFFF;
    HEAP *heap = ReserveAndCommit(&size);
    if (heap == NULL)
        return NULL;
    heap->Signature = HEAP_SIGNATURE;
    heap->Flags = Flags | HEAP_GROWABLE;
    heap->Segments = NULL;
    heap->FreeList.Next = heap->FreeList.Prev = &heap->FreeList;
    RtlInitializeCriticalSection(&heap->Lock);
    AddSegment(heap, heap, size, sizeof(HEAP));
    return heap;
}

NTSYSAPI PVOID NTAPI RtlDestroyHeap(PVOID HeapHandle)
{
    HEAP *heap = HeapHandle;
    if (heap == NULL || heap->Signature != HEAP_SIGNATURE)
        return HeapHandle;
    PEB *peb = NtCurrentTeb()->ProcessEnvironmentBlock;
    if (HeapHandle == peb->ProcessHeap)
        return HeapHandle;              /* the process heap lives as long as the process */
    SEGMENT *seg = heap->Segments;
    heap->Signature = 0;
    RtlDeleteCriticalSection(&heap->Lock);
    while (seg != NULL) {
        SEGMENT *next = seg->Next;
        PVOID base = (UCHAR *)seg == (UCHAR *)heap + sizeof(HEAP) ? (PVOID)heap : (PVOID)seg;
        SIZE_T zero = 0;
        NtFreeVirtualMemory(NtCurrentProcess(), &base, &zero, 0x8000 /* MEM_RELEASE */);
        seg = next;
    }
    return NULL;
}

BLOCK *RtlpHeapBlockOf(HEAP *heap, PVOID p)
{
    if (heap == NULL || heap->Signature != HEAP_SIGNATURE || p == NULL || ((ULONG_PTR)p & (UNIT - 1)))
        return NULL;
    BLOCK *b = (BLOCK *)p - 1;
    return b->Magic == MAGIC && (b->Flags & (BUSY | LAST)) == BUSY ? b : NULL;
}

static PVOID Allocate(HEAP *heap, ULONG Flags, SIZE_T Size)
{
    SIZE_T units = (Size + sizeof(BLOCK) + UNIT - 1) / UNIT;
    if (units < 2)
        units = 2;
    for (int attempt = 0; attempt < 2; attempt++) {
        for (FREE_BLOCK *f = heap->FreeList.Next; f != &heap->FreeList; f = f->Next) {
            BLOCK *b = &f->Header;
            if (b->Units < units)
                continue;
            Unlink(f);
            if (b->Units - units >= 2) {            /* split: the tail stays free */
                BLOCK *rest = (BLOCK *)((UCHAR *)b + units * UNIT);
                *rest = (BLOCK){b->Units - (ULONG)units, (ULONG)units, 0, 0, MAGIC};
                NextBlock(rest)->PrevUnits = rest->Units;
                b->Units = (ULONG)units;
                Link(heap, (FREE_BLOCK *)rest);
            }
            b->Flags = BUSY;
            b->Unused = (ULONG)((SIZE_T)b->Units * UNIT - sizeof(BLOCK) - Size);
            PVOID p = b + 1;
            if ((Flags | heap->Flags) & HEAP_ZERO_MEMORY)
                memset(p, 0, Size);
            return p;
        }
        if (attempt || !(heap->Flags & HEAP_GROWABLE))
            break;
        SIZE_T size = (units * UNIT + sizeof(SEGMENT) + 2 * UNIT + 0xFFFF) & ~(SIZE_T)0xFFFF;
        if (size < 4 * MIN_SEGMENT)
            size = 4 * MIN_SEGMENT;
        PVOID base = ReserveAndCommit(&size);
        if (base == NULL)
            return NULL;
        AddSegment(heap, base, size, 0);
    }
    return NULL;
}

NTSYSAPI PVOID NTAPI RtlAllocateHeap(PVOID HeapHandle, ULONG Flags, SIZE_T Size)
{
    HEAP *heap = HeapHandle;
    if (heap == NULL || heap->Signature != HEAP_SIGNATURE || Size > 0x7FFFFFFF000ULL)
        return NULL;
    BOOLEAN locked = RtlpLockHeap(heap, Flags);
    PVOID p = Allocate(heap, Flags, Size);
    RtlpUnlockHeap(heap, locked);
    return p;
}

static void Free(HEAP *heap, BLOCK *b)
{
    b->Flags = 0;
    BLOCK *next = NextBlock(b);
    if (!(next->Flags & BUSY)) {                    /* merge with the free block after */
        Unlink((FREE_BLOCK *)next);
        b->Units += next->Units;
        NextBlock(b)->PrevUnits = b->Units;
    }
    if (b->PrevUnits) {
        BLOCK *prev = PrevBlock(b);
        if (!(prev->Flags & BUSY)) {                /* merge into the free block before */
            Unlink((FREE_BLOCK *)prev);
            prev->Units += b->Units;
            NextBlock(prev)->PrevUnits = prev->Units;
            b = prev;
        }
    }
    Link(heap, (FREE_BLOCK *)b);
}

NTSYSAPI BOOLEAN NTAPI RtlFreeHeap(PVOID HeapHandle, ULONG Flags, PVOID p)
{
    if (p == NULL)
        return 1;
    HEAP *heap = HeapHandle;
    if (heap == NULL || heap->Signature != HEAP_SIGNATURE)
        return 0;
    BOOLEAN locked = RtlpLockHeap(heap, Flags);
    BLOCK *b = RtlpHeapBlockOf(heap, p);
    if (b != NULL)
        Free(heap, b);
    RtlpUnlockHeap(heap, locked);
    return b != NULL;
}

NTSYSAPI SIZE_T NTAPI RtlSizeHeap(PVOID HeapHandle, ULONG Flags, PVOID p)
{
    HEAP *heap = HeapHandle;
    if (heap == NULL || heap->Signature != HEAP_SIGNATURE)
        return (SIZE_T)-1;
    BOOLEAN locked = RtlpLockHeap(heap, Flags);
    BLOCK *b = RtlpHeapBlockOf(heap, p);
    SIZE_T size = b == NULL ? (SIZE_T)-1 : (SIZE_T)b->Units * UNIT - sizeof(BLOCK) - b->Unused;
    RtlpUnlockHeap(heap, locked);
    return size;
}

static PVOID ReAllocate(HEAP *heap, ULONG Flags, PVOID p, SIZE_T Size)
{
    BLOCK *b = RtlpHeapBlockOf(heap, p);
    if (b == NULL || Size > 0x7FFFFFFF000ULL)
        return NULL;
    SIZE_T old = (SIZE_T)b->Units * UNIT - sizeof(BLOCK) - b->Unused;
    if (Size <= (SIZE_T)b->Units * UNIT - sizeof(BLOCK)) {      /* fits where it is */
        b->Unused = (ULONG)((SIZE_T)b->Units * UNIT - sizeof(BLOCK) - Size);
        if (Size > old && ((Flags | heap->Flags) & HEAP_ZERO_MEMORY))
            memset((UCHAR *)p + old, 0, Size - old);
        return p;
    }
    if (Flags & HEAP_REALLOC_IN_PLACE_ONLY)
        return NULL;
    UCHAR *q = Allocate(heap, Flags, Size);
    if (q == NULL)
        return NULL;
    memcpy(q, p, old);
    Free(heap, b);
    return q;
}

NTSYSAPI PVOID NTAPI RtlReAllocateHeap(PVOID HeapHandle, ULONG Flags, PVOID p, SIZE_T Size)
{
    HEAP *heap = HeapHandle;
    if (p == NULL || heap == NULL || heap->Signature != HEAP_SIGNATURE)
        return NULL;
    BOOLEAN locked = RtlpLockHeap(heap, Flags);
    PVOID q = ReAllocate(heap, Flags, p, Size);
    RtlpUnlockHeap(heap, locked);
    return q;
}

/* HeapLock / HeapUnlock: the heap's lock held across calls (a HEAP_NO_SERIALIZE heap has none
 * to take); FALSE for what is no heap. */
NTSYSAPI BOOLEAN NTAPI RtlLockHeap(PVOID HeapHandle)
{
    HEAP *heap = HeapHandle;
    if (heap == NULL || heap->Signature != HEAP_SIGNATURE)
        return 0;
    RtlpLockHeap(heap, 0);
    return 1;
}

NTSYSAPI BOOLEAN NTAPI RtlUnlockHeap(PVOID HeapHandle)
{
    HEAP *heap = HeapHandle;
    if (heap == NULL || heap->Signature != HEAP_SIGNATURE)
        return 0;
    RtlpUnlockHeap(heap, !(heap->Flags & HEAP_NO_SERIALIZE));
    return 1;
}

NTSYSAPI ULONG NTAPI RtlGetProcessHeaps(ULONG Count, PVOID *Heaps)
{
    PEB *peb = NtCurrentTeb()->ProcessEnvironmentBlock;
    for (ULONG i = 0; i < Count && i < peb->NumberOfHeaps; i++)
        Heaps[i] = peb->ProcessHeaps[i];
    return peb->NumberOfHeaps;
}

/* LdrpInitializeProcess's first step: the process heap, sized by the image's header values the
 * kernel copied into the PEB. */
void RtlpInitializeHeapManager(PEB *peb)
{
    peb->ProcessHeaps = RtlpProcessHeapsList;
    peb->MaximumNumberOfHeaps = sizeof(RtlpProcessHeapsList) / sizeof(RtlpProcessHeapsList[0]);
    peb->NumberOfHeaps = 0;
    PVOID heap = RtlCreateHeap(HEAP_GROWABLE, NULL, peb->HeapSegmentReserve, peb->HeapSegmentCommit, NULL, NULL);
    if (heap == NULL)
        NtTerminateProcess(NtCurrentProcess(), (NTSTATUS)0xC0000017);   /* STATUS_NO_MEMORY */
    peb->ProcessHeap = heap;
    RtlpProcessHeapsList[peb->NumberOfHeaps++] = heap;
}
