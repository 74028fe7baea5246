/* Interlocked singly linked lists (SLIST_HEADER, x64 layout: Depth:16 Sequence:48 in the low
 * quadword, the 16-byte aligned first entry >> 4 in the high one), updated with cmpxchg16b so a
 * pop cannot be fooled by an entry popped and pushed back in between (the sequence moves). */
#include "rtl.h"

typedef unsigned __int128 U128;

/* A torn read only makes the following cmpxchg16b fail and retry. */
static U128 Load(SLIST_HEADER *h)
{
    volatile ULONG64 *q = (volatile ULONG64 *)h;
    ULONG64 lo = q[0], hi = q[1];
    return ((U128)hi << 64) | lo;
}

static int CompareExchange16(SLIST_HEADER *h, U128 expected, U128 desired)
{
    ULONG64 lo = (ULONG64)expected, hi = (ULONG64)(expected >> 64);
    UCHAR ok;
    __asm__ volatile ("lock cmpxchg16b %1; sete %0"
                      : "=q"(ok), "+m"(*(volatile U128 *)h), "+a"(lo), "+d"(hi)
                      : "b"((ULONG64)desired), "c"((ULONG64)(desired >> 64)) : "memory", "cc");
    return ok;
}

static U128 Pack(ULONG64 depth, ULONG64 sequence, SLIST_ENTRY *first)
{
    ULONG64 lo = (depth & 0xFFFF) | (sequence << 16), hi = ((ULONG64)(ULONG_PTR)first >> 4) << 4;
    return ((U128)hi << 64) | lo;
}

static SLIST_ENTRY *First(U128 v) { return (SLIST_ENTRY *)(ULONG_PTR)(((ULONG64)(v >> 64) >> 4) << 4); }
static ULONG64 Depth(U128 v) { return (ULONG64)v & 0xFFFF; }
static ULONG64 Sequence(U128 v) { return ((ULONG64)v >> 16) & 0xFFFFFFFFFFFFull; }

static int Swap(SLIST_HEADER *h, U128 *old, U128 new)
{
    return CompareExchange16(h, *old, new) || ((*old = Load(h)), 0);
}

NTSYSAPI void NTAPI RtlInitializeSListHead(SLIST_HEADER *h)
{
    h->Alignment = 0;
    h->Region = 0;
}

NTSYSAPI SLIST_ENTRY *NTAPI RtlFirstEntrySList(const SLIST_HEADER *h)
{
    return First(Load((SLIST_HEADER *)h));
}

NTSYSAPI USHORT NTAPI RtlQueryDepthSList(SLIST_HEADER *h)
{
    return (USHORT)Depth(Load(h));
}

NTSYSAPI SLIST_ENTRY *NTAPI RtlInterlockedPushEntrySList(SLIST_HEADER *h, SLIST_ENTRY *e)
{
    U128 old = Load(h);
    do {
        e->Next = First(old);
    } while (!Swap(h, &old, Pack(Depth(old) + 1, Sequence(old) + 1, e)));
    return First(old);
}

NTSYSAPI SLIST_ENTRY *NTAPI RtlInterlockedPopEntrySList(SLIST_HEADER *h)
{
    U128 old = Load(h);
    SLIST_ENTRY *first;
    do {
        first = First(old);
        if (first == NULL)
            return NULL;
    } while (!Swap(h, &old, Pack(Depth(old) - 1, Sequence(old) + 1, first->Next)));
    return first;
}

NTSYSAPI SLIST_ENTRY *NTAPI RtlInterlockedFlushSList(SLIST_HEADER *h)
{
    U128 old = Load(h);
    do {
        if (First(old) == NULL)
            return NULL;
    } while (!Swap(h, &old, Pack(0, Sequence(old), NULL)));
    return First(old);
}
