/* Family 5 (Global* and Local*): fixed blocks are plain process-heap blocks; a moveable block is
 * reached through a handle, the address of the data pointer in a small entry (8 modulo 16, so it
 * never looks like a heap block), which also counts locks. Global* and Local* are one family. */
#include "kernelbase.h"

#define ENTRY_MAGIC 0x4C48                      /* "HL" */
typedef struct { WORD Magic, Locks; DWORD Flags; PVOID Data; } ENTRY;

static ENTRY *EntryOf(HLOCAL h)
{
    if (((ULONG_PTR)h & 15) != 8)
        return NULL;
    ENTRY *e = (ENTRY *)((BYTE *)h - 8);
    return e->Magic == ENTRY_MAGIC ? e : NULL;
}

KBAPI HLOCAL WINAPI LocalAlloc(UINT flags, SIZE_T bytes)
{
    HANDLE heap = PEB_PROCESS_HEAP();
    DWORD zero = (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0;
    if (flags & ~(UINT)(LMEM_MOVEABLE | LMEM_ZEROINIT | LMEM_NOCOMPACT | LMEM_NODISCARD | LMEM_DISCARDABLE)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    if (!(flags & LMEM_MOVEABLE)) {
        PVOID p = RtlAllocateHeap(heap, zero, bytes);
        if (p == NULL) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return p;
    }
    ENTRY *e = RtlAllocateHeap(heap, 0, sizeof(ENTRY));
    if (e == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    e->Magic = ENTRY_MAGIC;
    e->Locks = 0;
    e->Flags = flags;
    e->Data = bytes ? RtlAllocateHeap(heap, zero, bytes) : NULL;   /* 0 bytes: a discarded block */
    if (bytes && e->Data == NULL) {
        RtlFreeHeap(heap, 0, e);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    return &e->Data;
}

KBAPI LPVOID WINAPI LocalLock(HLOCAL h)
{
    ENTRY *e = EntryOf(h);
    if (e == NULL)
        return h;                               /* a fixed block is its own address */
    if (e->Data == NULL) { SetLastError(ERROR_DISCARDED); return NULL; }
    if (e->Locks < 0xFF) e->Locks++;
    return e->Data;
}

KBAPI BOOL WINAPI LocalUnlock(HLOCAL h)
{
    ENTRY *e = EntryOf(h);
    if (e == NULL) { SetLastError(ERROR_NOT_LOCKED); return FALSE; }
    if (e->Locks == 0) { SetLastError(ERROR_NOT_LOCKED); return FALSE; }
    if (--e->Locks) return TRUE;
    SetLastError(NO_ERROR);
    return FALSE;
}

KBAPI HLOCAL WINAPI LocalFree(HLOCAL h)
{
    HANDLE heap = PEB_PROCESS_HEAP();
    if (h == NULL)
        return NULL;
    ENTRY *e = EntryOf(h);
    if (e) {
        if (e->Data) RtlFreeHeap(heap, 0, e->Data);
        e->Magic = 0;
        RtlFreeHeap(heap, 0, e);
        return NULL;
    }
    if (!RtlFreeHeap(heap, 0, h)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return h;
    }
    return NULL;
}

KBAPI SIZE_T WINAPI LocalSize(HLOCAL h)
{
    ENTRY *e = EntryOf(h);
    PVOID p = e ? e->Data : h;
    if (p == NULL) return 0;
    SIZE_T size = RtlSizeHeap(PEB_PROCESS_HEAP(), 0, p);
    if (size == (SIZE_T)-1) { SetLastError(ERROR_INVALID_HANDLE); return 0; }
    return size;
}

KBAPI UINT WINAPI LocalFlags(HLOCAL h)
{
    ENTRY *e = EntryOf(h);
    if (e == NULL) return 0;
    return e->Locks | (e->Data ? 0 : LMEM_DISCARDED) | (e->Flags & LMEM_DISCARDABLE);
}

KBAPI HLOCAL WINAPI LocalHandle(LPCVOID p)
{
    return (HLOCAL)p;                           /* moveable data is not traced back to its handle */
}

KBAPI HLOCAL WINAPI LocalReAlloc(HLOCAL h, SIZE_T bytes, UINT flags)
{
    HANDLE heap = PEB_PROCESS_HEAP();
    DWORD zero = (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0;
    ENTRY *e = EntryOf(h);
    if (flags & LMEM_MODIFY) {
        if (e) e->Flags = (e->Flags & ~LMEM_DISCARDABLE) | (flags & LMEM_DISCARDABLE);
        return h;
    }
    if (e == NULL) {
        /* A fixed block moves only when LMEM_MOVEABLE allows it. */
        PVOID p = RtlReAllocateHeap(heap, zero | ((flags & LMEM_MOVEABLE) ? 0 : HEAP_REALLOC_IN_PLACE_ONLY), h, bytes);
        if (p == NULL) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return p;
    }
    PVOID p = e->Data ? RtlReAllocateHeap(heap, zero | (e->Locks ? HEAP_REALLOC_IN_PLACE_ONLY : 0), e->Data, bytes)
                      : RtlAllocateHeap(heap, zero, bytes);
    if (p == NULL) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    e->Data = p;
    return h;
}

KBAPI HGLOBAL WINAPI GlobalAlloc(UINT flags, SIZE_T bytes) { return LocalAlloc(flags & (GMEM_MOVEABLE | GMEM_ZEROINIT), bytes); }
KBAPI LPVOID WINAPI GlobalLock(HGLOBAL h) { return LocalLock(h); }
KBAPI BOOL WINAPI GlobalUnlock(HGLOBAL h) { return LocalUnlock(h); }
KBAPI HGLOBAL WINAPI GlobalFree(HGLOBAL h) { return LocalFree(h); }
KBAPI SIZE_T WINAPI GlobalSize(HGLOBAL h) { return LocalSize(h); }
KBAPI UINT WINAPI GlobalFlags(HGLOBAL h) { return LocalFlags(h); }
KBAPI HGLOBAL WINAPI GlobalHandle(LPCVOID p) { return LocalHandle(p); }
KBAPI HGLOBAL WINAPI GlobalReAlloc(HGLOBAL h, SIZE_T bytes, UINT flags) { return LocalReAlloc(h, bytes, flags); }
