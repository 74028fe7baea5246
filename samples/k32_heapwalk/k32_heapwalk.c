/* Family 5, heap inspection: HeapWalk over a private heap (a PROCESS_HEAP_REGION entry first, then
 * blocks; the three allocated ones busy with the sizes asked for, a freed one free; the end with
 * ERROR_NO_MORE_ITEMS), HeapValidate of the heap and of one block, both FALSE once a block header
 * is overwritten and TRUE again when it is restored, HeapSummary. Exit code: failed checks. */
#include "../k32.h"

void Entry(void)
{
    HANDLE heap = HeapCreate(0, 0, 0);
    char *a = HeapAlloc(heap, 0, 100), *b = HeapAlloc(heap, 0, 200), *c = HeapAlloc(heap, 0, 300);
    char *d = HeapAlloc(heap, 0, 50);
    HeapFree(heap, 0, b);

    PROCESS_HEAP_ENTRY e;
    e.lpData = NULL;
    Check(HeapWalk(heap, &e) && (e.wFlags & PROCESS_HEAP_REGION) && e.iRegionIndex == 0
          && e.Region.dwCommittedSize >= 0x10000 && (char *)e.Region.lpFirstBlock < a
          && (char *)e.Region.lpLastBlock > d, "the first entry is the heap's region");
    int busy = 0, sizes_ok = 1, saw_free_b = 0, entries = 1;
    while (HeapWalk(heap, &e)) {
        entries++;
        if (e.wFlags & PROCESS_HEAP_ENTRY_BUSY) {
            busy++;
            if (e.lpData == a) sizes_ok &= e.cbData == 100 && e.cbOverhead >= 16;
            else if (e.lpData == c) sizes_ok &= e.cbData == 300;
            else if (e.lpData == d) sizes_ok &= e.cbData == 50;
            else sizes_ok = 0;
        } else if (e.wFlags == 0 && e.lpData == b) {
            saw_free_b = e.cbData >= 200;
        }
    }
    CheckError(1, ERROR_NO_MORE_ITEMS, "the walk ends with ERROR_NO_MORE_ITEMS");
    Check(busy == 4 - 1 && sizes_ok, "three busy blocks, each with the size asked for");
    Check(saw_free_b, "the freed block is a free entry at its address");
    Check(entries >= 6, "region, three busy, the free one and the rest of the segment");

    Check(HeapValidate(heap, 0, NULL), "HeapValidate(heap)");
    Check(HeapValidate(heap, 0, c), "HeapValidate(one block)");
    Check(!HeapValidate(heap, 0, b), "HeapValidate(a freed block) is FALSE");
    Check(HeapValidate(GetProcessHeap(), 0, NULL), "HeapValidate(the process heap)");
    unsigned char saved[16];
    for (int i = 0; i < 16; i++) saved[i] = (unsigned char)c[i - 16];
    for (int i = 0; i < 16; i++) c[i - 16] = (char)0xCC;        /* a header overwritten */
    Check(!HeapValidate(heap, 0, NULL), "a corrupted block header: HeapValidate(heap) is FALSE");
    Check(!HeapValidate(heap, 0, c), "and HeapValidate(that block) is FALSE");
    for (int i = 0; i < 16; i++) c[i - 16] = (char)saved[i];
    Check(HeapValidate(heap, 0, NULL) && HeapValidate(heap, 0, c), "restored: TRUE again");

    HEAP_SUMMARY s;
    s.cb = 0;
    CheckError(!HeapSummary(heap, 0, &s), ERROR_INVALID_PARAMETER, "HeapSummary without cb -> ERROR_INVALID_PARAMETER");
    s.cb = sizeof(s);
    Check(HeapSummary(heap, 0, &s) && s.cbAllocated == 450 && s.cbCommitted >= 0x10000
          && s.cbReserved >= s.cbCommitted, "HeapSummary: 450 bytes allocated");

    HANDLE big = HeapCreate(0, 0, 0);
    for (int i = 0; i < 40; i++) HeapAlloc(big, 0, 4000);   /* more than one segment */
    int regions = 0, last_index = -1;
    e.lpData = NULL;
    while (HeapWalk(big, &e))
        if (e.wFlags & PROCESS_HEAP_REGION) { regions++; last_index = e.iRegionIndex; }
    Check(regions >= 2 && last_index == regions - 1, "a grown heap: one region per segment, numbered in order");
    HeapDestroy(big);
    HeapDestroy(heap);
    ExitProcess(failures);
}
