/* The heap's layout, shared by heap.c (allocation) and heap_walk.c (RtlWalkHeap, RtlValidateHeap). */
#pragma once
#include "rtl.h"

#define UNIT 16
#define BUSY 0x0001
#define LAST 0x0002                     /* the sentinel that ends a segment */
#define MAGIC 0x4870                    /* "pH": a header this heap wrote */
#define HEAP_SIGNATURE 0x50414548       /* "HEAP" */
#define MIN_SEGMENT 0x10000           /* commit is not yet demand-zero: keep segments small */

typedef struct BLOCK {
    ULONG Units;                        /* this block, header included */
    ULONG PrevUnits;                    /* the block before it in the segment (0 for the first) */
    ULONG Unused;                       /* bytes of the block past what was asked for */
    USHORT Flags, Magic;
} BLOCK;

typedef struct FREE_BLOCK { BLOCK Header; struct FREE_BLOCK *Next, *Prev; } FREE_BLOCK;
typedef struct SEGMENT { struct SEGMENT *Next; SIZE_T Size; UCHAR Pad[UNIT - 2 * sizeof(PVOID) % UNIT]; } SEGMENT;

typedef struct HEAP {
    ULONG Signature, Flags;
    SEGMENT *Segments;
    FREE_BLOCK FreeList;                /* sentinel of the free list */
    RTL_CRITICAL_SECTION Lock;
    UCHAR Pad[8];
} HEAP;

static inline BLOCK *NextBlock(BLOCK *b) { return (BLOCK *)((UCHAR *)b + (SIZE_T)b->Units * UNIT); }

/* A segment's first byte: the heap itself holds the first segment, right after its header. */
static inline UCHAR *SegmentBase(HEAP *heap, SEGMENT *seg)
{
    return (UCHAR *)seg == (UCHAR *)heap + sizeof(HEAP) ? (UCHAR *)heap : (UCHAR *)seg;
}

BOOLEAN RtlpLockHeap(HEAP *heap, ULONG flags);          /* FALSE: HEAP_NO_SERIALIZE, nothing taken */
void RtlpUnlockHeap(HEAP *heap, BOOLEAN locked);
BLOCK *RtlpHeapBlockOf(HEAP *heap, PVOID p);            /* a busy block's header, NULL if p is none */
