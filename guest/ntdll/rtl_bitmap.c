/* Rtl bitmaps: an RTL_BITMAP names SizeOfBitMap bits in a ULONG buffer, bit n being bit (n % 32)
 * of ULONG n / 32. Set/clear/test single bits and ranges, count them, find runs of clear or set
 * bits (wrapping round from a hint as Windows does), and the most/least significant bit helpers. */
#include "rtl.h"

typedef struct _RTL_BITMAP { ULONG SizeOfBitMap; ULONG *Buffer; } RTL_BITMAP;
#define NOT_FOUND 0xFFFFFFFFu

static int Bit(const RTL_BITMAP *bm, ULONG n) { return (bm->Buffer[n >> 5] >> (n & 31)) & 1; }

NTSYSAPI void NTAPI RtlInitializeBitMap(RTL_BITMAP *bm, ULONG *buffer, ULONG size)
{
    bm->SizeOfBitMap = size;
    bm->Buffer = buffer;
}

static void Fill(RTL_BITMAP *bm, ULONG value)
{
    ULONG n = (bm->SizeOfBitMap + 31) / 32;
    for (ULONG i = 0; i < n; i++) bm->Buffer[i] = value;
}

NTSYSAPI void NTAPI RtlClearAllBits(RTL_BITMAP *bm) { Fill(bm, 0); }
NTSYSAPI void NTAPI RtlSetAllBits(RTL_BITMAP *bm) { Fill(bm, 0xFFFFFFFFu); }

NTSYSAPI void NTAPI RtlSetBit(RTL_BITMAP *bm, ULONG n) { bm->Buffer[n >> 5] |= 1u << (n & 31); }
NTSYSAPI void NTAPI RtlClearBit(RTL_BITMAP *bm, ULONG n) { bm->Buffer[n >> 5] &= ~(1u << (n & 31)); }
NTSYSAPI BOOLEAN NTAPI RtlTestBit(const RTL_BITMAP *bm, ULONG n) { return (BOOLEAN)Bit(bm, n); }

NTSYSAPI void NTAPI RtlSetBits(RTL_BITMAP *bm, ULONG start, ULONG count)
{
    for (ULONG i = 0; i < count; i++) RtlSetBit(bm, start + i);
}

NTSYSAPI void NTAPI RtlClearBits(RTL_BITMAP *bm, ULONG start, ULONG count)
{
    for (ULONG i = 0; i < count; i++) RtlClearBit(bm, start + i);
}

/* TRUE when every bit of a non-empty range inside the map has the value wanted. */
static BOOLEAN RangeIs(const RTL_BITMAP *bm, ULONG start, ULONG count, int value)
{
    if (count == 0 || start >= bm->SizeOfBitMap || count > bm->SizeOfBitMap - start)
        return 0;
    for (ULONG i = 0; i < count; i++)
        if (Bit(bm, start + i) != value) return 0;
    return 1;
}

NTSYSAPI BOOLEAN NTAPI RtlAreBitsSet(const RTL_BITMAP *bm, ULONG start, ULONG count) { return RangeIs(bm, start, count, 1); }
NTSYSAPI BOOLEAN NTAPI RtlAreBitsClear(const RTL_BITMAP *bm, ULONG start, ULONG count) { return RangeIs(bm, start, count, 0); }

NTSYSAPI ULONG NTAPI RtlNumberOfSetBits(const RTL_BITMAP *bm)
{
    ULONG n = 0;
    for (ULONG i = 0; i < bm->SizeOfBitMap; i++) n += Bit(bm, i);
    return n;
}

NTSYSAPI ULONG NTAPI RtlNumberOfClearBits(const RTL_BITMAP *bm) { return bm->SizeOfBitMap - RtlNumberOfSetBits(bm); }

/* The first run of count bits of the value from the hint to the end, then from 0 to the hint. */
static ULONG FindRun(const RTL_BITMAP *bm, ULONG count, ULONG hint, int value)
{
    ULONG size = bm->SizeOfBitMap;
    if (count > size)
        return NOT_FOUND;
    if (hint >= size) hint = 0;
    if (count == 0)
        return hint;
    for (int pass = 0; pass < 2; pass++) {
        ULONG from = pass ? 0 : hint, to = pass ? hint + count - 1 : size;
        if (to > size) to = size;
        ULONG run = 0;
        for (ULONG i = from; i < to; i++) {
            run = Bit(bm, i) == value ? run + 1 : 0;
            if (run == count)
                return i + 1 - count;
        }
    }
    return NOT_FOUND;
}

NTSYSAPI ULONG NTAPI RtlFindClearBits(const RTL_BITMAP *bm, ULONG count, ULONG hint) { return FindRun(bm, count, hint, 0); }
NTSYSAPI ULONG NTAPI RtlFindSetBits(const RTL_BITMAP *bm, ULONG count, ULONG hint) { return FindRun(bm, count, hint, 1); }

NTSYSAPI ULONG NTAPI RtlFindClearBitsAndSet(RTL_BITMAP *bm, ULONG count, ULONG hint)
{
    ULONG at = FindRun(bm, count, hint, 0);
    if (at != NOT_FOUND) RtlSetBits(bm, at, count);
    return at;
}

NTSYSAPI ULONG NTAPI RtlFindSetBitsAndClear(RTL_BITMAP *bm, ULONG count, ULONG hint)
{
    ULONG at = FindRun(bm, count, hint, 1);
    if (at != NOT_FOUND) RtlClearBits(bm, at, count);
    return at;
}

/* The clear run that starts at or after from: its length, and its start in *index. */
NTSYSAPI ULONG NTAPI RtlFindNextForwardRunClear(const RTL_BITMAP *bm, ULONG from, ULONG *index)
{
    ULONG size = bm->SizeOfBitMap, i = from;
    while (i < size && Bit(bm, i)) i++;
    *index = i;
    ULONG start = i;
    while (i < size && !Bit(bm, i)) i++;
    return i - start;
}

/* The clear run that ends at or before from: its length, and its start in *index. */
NTSYSAPI ULONG NTAPI RtlFindLastBackwardRunClear(const RTL_BITMAP *bm, ULONG from, ULONG *index)
{
    if (bm->SizeOfBitMap == 0) { *index = 0; return 0; }
    if (from >= bm->SizeOfBitMap) from = bm->SizeOfBitMap - 1;
    LONG i = (LONG)from;
    while (i >= 0 && Bit(bm, (ULONG)i)) i--;
    if (i < 0) { *index = 0; return 0; }
    LONG end = i;
    while (i >= 0 && !Bit(bm, (ULONG)i)) i--;
    *index = (ULONG)(i + 1);
    return (ULONG)(end - i);
}

NTSYSAPI ULONG NTAPI RtlFindLongestRunClear(const RTL_BITMAP *bm, ULONG *index)
{
    ULONG best = 0, at = 0, from = 0;
    *index = 0;
    while (from < bm->SizeOfBitMap) {
        ULONG len = RtlFindNextForwardRunClear(bm, from, &at);
        if (len > best) { best = len; *index = at; }
        from = at + len + 1;
    }
    return best;
}

NTSYSAPI char NTAPI RtlFindMostSignificantBit(ULONG64 value)
{
    if (value == 0) return -1;
    return (char)(63 - __builtin_clzll(value));
}

NTSYSAPI char NTAPI RtlFindLeastSignificantBit(ULONG64 value)
{
    if (value == 0) return -1;
    return (char)__builtin_ctzll(value);
}

NTSYSAPI ULONG NTAPI RtlNumberOfSetBitsUlongPtr(ULONG_PTR value)
{
    ULONG n = 0;
    for (; value; value &= value - 1) n++;          /* ntdll links no libgcc: no popcount helper */
    return n;
}
