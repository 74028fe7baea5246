/* Family 5, the heap inspection calls over ntdll's RtlWalkHeap and RtlValidateHeap: HeapWalk
 * (PROCESS_HEAP_ENTRY as Windows fills it: a PROCESS_HEAP_REGION entry per segment with its
 * committed size and first and last block, then its blocks, busy ones PROCESS_HEAP_ENTRY_BUSY with
 * the size asked for; ERROR_NO_MORE_ITEMS after the last), HeapValidate (the whole heap or one
 * block) and HeapSummary (allocated, committed and reserved bytes from a walk). */
#include "kernelbase.h"

typedef struct {                                /* ntdll's RTL_HEAP_WALK_ENTRY */
    PVOID DataAddress;
    SIZE_T DataSize;
    UCHAR OverheadBytes, SegmentIndex;
    USHORT Flags;
    union {
        struct { SIZE_T Settable; USHORT TagIndex, AllocatorBackTraceIndex; ULONG Reserved[2]; } Block;
        struct { ULONG CommittedSize, UnCommittedSize; PVOID FirstEntry, LastEntry; } Segment;
    };
} RTL_HEAP_WALK_ENTRY;
#define RTL_HEAP_BUSY 0x0001
#define RTL_HEAP_SEGMENT 0x0002
#define RTL_HEAP_UNCOMMITTED_RANGE 0x0100
#define STATUS_NO_MORE_ENTRIES_ ((NTSTATUS)0x8000001A)

NTDLL NTSTATUS NTAPI RtlWalkHeap(PVOID, RTL_HEAP_WALK_ENTRY *);
NTDLL BOOLEAN NTAPI RtlValidateHeap(PVOID, ULONG, PVOID);

KBAPI BOOL WINAPI HeapWalk(HANDLE heap, LPPROCESS_HEAP_ENTRY entry)
{
    /* The caller's entry is the cursor: turn it back into ntdll's form. */
    RTL_HEAP_WALK_ENTRY e = {0};
    e.DataAddress = entry->lpData;
    e.SegmentIndex = entry->iRegionIndex;
    if (entry->wFlags & PROCESS_HEAP_REGION) e.Flags |= RTL_HEAP_SEGMENT;
    if (entry->wFlags & PROCESS_HEAP_ENTRY_BUSY) e.Flags |= RTL_HEAP_BUSY;
    if (entry->wFlags & PROCESS_HEAP_UNCOMMITTED_RANGE) e.Flags |= RTL_HEAP_UNCOMMITTED_RANGE;
    NTSTATUS status = RtlWalkHeap(heap, &e);
    if (status == STATUS_NO_MORE_ENTRIES_) {
        SetLastError(ERROR_NO_MORE_ITEMS);
        return FALSE;
    }
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    memset(entry, 0, sizeof(*entry));
    entry->lpData = e.DataAddress;
    entry->cbData = (DWORD)e.DataSize;
    entry->cbOverhead = e.OverheadBytes;
    entry->iRegionIndex = e.SegmentIndex;
    if (e.Flags & RTL_HEAP_SEGMENT) {
        entry->wFlags = PROCESS_HEAP_REGION;
        entry->Region.dwCommittedSize = e.Segment.CommittedSize;
        entry->Region.dwUnCommittedSize = e.Segment.UnCommittedSize;
        entry->Region.lpFirstBlock = e.Segment.FirstEntry;
        entry->Region.lpLastBlock = e.Segment.LastEntry;
    } else if (e.Flags & RTL_HEAP_UNCOMMITTED_RANGE) {
        entry->wFlags = PROCESS_HEAP_UNCOMMITTED_RANGE;
    } else if (e.Flags & RTL_HEAP_BUSY) {
        entry->wFlags = PROCESS_HEAP_ENTRY_BUSY;
    }
    return TRUE;
}

KBAPI BOOL WINAPI HeapValidate(HANDLE heap, DWORD flags, LPCVOID block)
{
    return RtlValidateHeap(heap, flags, (PVOID)block);
}

KBAPI BOOL WINAPI HeapSummary(HANDLE heap, DWORD flags, LPHEAP_SUMMARY summary)
{
    (void)flags;
    if (summary == NULL || summary->cb != sizeof(*summary)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    RTL_HEAP_WALK_ENTRY e = {0};
    SIZE_T allocated = 0, committed = 0, reserved = 0;
    NTSTATUS status;
    while (NT_SUCCESS(status = RtlWalkHeap(heap, &e)) && status != STATUS_NO_MORE_ENTRIES_) {
        if (e.Flags & RTL_HEAP_SEGMENT) {
            committed += e.Segment.CommittedSize;
            reserved += e.Segment.CommittedSize + e.Segment.UnCommittedSize;
        } else if (e.Flags & RTL_HEAP_BUSY) {
            allocated += e.DataSize;
        }
    }
    if (status != STATUS_NO_MORE_ENTRIES_)
        return BaseFail(status);
    summary->cbAllocated = allocated;
    summary->cbCommitted = committed;
    summary->cbReserved = reserved;
    summary->cbMaxReserve = reserved;
    return TRUE;
}
