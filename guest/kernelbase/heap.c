/* Family 5 (heaps): HeapCreate/HeapDestroy, the process heap, GetProcessHeaps and the heap
 * information calls over ntdll's Rtl heap, HeapLock/HeapUnlock. HeapAlloc, HeapFree, HeapReAlloc
 * and HeapSize are forwarders to ntdll (kernelbase.def), as on Windows. */
#include "kernelbase.h"

#define HEAP_CREATE_VALID_FLAGS (HEAP_NO_SERIALIZE | HEAP_GENERATE_EXCEPTIONS | HEAP_CREATE_ENABLE_EXECUTE)

KBAPI HANDLE WINAPI HeapCreate(DWORD options, SIZE_T initial, SIZE_T maximum)
{
    ULONG flags = (options & HEAP_CREATE_VALID_FLAGS) | (maximum == 0 ? HEAP_GROWABLE : 0);
    if (maximum && initial > maximum)
        maximum = initial;
    HANDLE heap = RtlCreateHeap(flags, NULL, maximum, initial, NULL, NULL);
    if (heap == NULL)
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return heap;
}

KBAPI BOOL WINAPI HeapDestroy(HANDLE heap)
{
    if (heap == PEB_PROCESS_HEAP()) {            /* the process heap is never destroyed */
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (RtlDestroyHeap(heap) != NULL) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

KBAPI HANDLE WINAPI GetProcessHeap(void)
{
    return PEB_PROCESS_HEAP();
}

KBAPI DWORD WINAPI GetProcessHeaps(DWORD count, PHANDLE heaps)
{
    return RtlGetProcessHeaps(count, heaps);
}

KBAPI BOOL WINAPI HeapSetInformation(HANDLE heap, HEAP_INFORMATION_CLASS cls, PVOID info, SIZE_T length)
{
    (void)heap;
    if (cls == HeapEnableTerminationOnCorruption)
        return TRUE;
    if (cls == HeapCompatibilityInformation && info && length >= sizeof(ULONG) && *(ULONG *)info == 2)
        return TRUE;                            /* asking for the low-fragmentation heap */
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

KBAPI BOOL WINAPI HeapQueryInformation(HANDLE heap, HEAP_INFORMATION_CLASS cls, PVOID info, SIZE_T length, PSIZE_T needed)
{
    (void)heap;
    if (cls != HeapCompatibilityInformation) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (needed) *needed = sizeof(ULONG);
    if (length < sizeof(ULONG)) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    *(ULONG *)info = 0;                         /* a standard heap, not the LFH */
    return TRUE;
}

NTDLL BOOLEAN NTAPI RtlLockHeap(PVOID);
NTDLL BOOLEAN NTAPI RtlUnlockHeap(PVOID);

/* HeapLock/HeapUnlock: the heap's own lock (a HEAP_NO_SERIALIZE heap has none to take). */
KBAPI BOOL WINAPI HeapLock(HANDLE heap)
{
    if (RtlLockHeap(heap))
        return TRUE;
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

KBAPI BOOL WINAPI HeapUnlock(HANDLE heap)
{
    if (RtlUnlockHeap(heap))
        return TRUE;
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}
