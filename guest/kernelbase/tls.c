/* Thread local storage: TlsAlloc over the PEB's TLS bitmap (64 slots in TEB.TlsSlots, then
 * 1024 in a per-thread TEB.TlsExpansionSlots array), and fiber local storage: FlsAlloc with
 * callbacks that run for a thread's non-NULL values at its exit and, for every thread, at
 * FlsFree. A thread that sets a TLS or FLS value gets a block, hung on TEB.FlsData and on a
 * process list (its FLS values, and the TEB whose TLS slots TlsFree clears). */
#include "kernelbase.h"

#define TLS_MINIMUM_AVAILABLE_ 64
#define TLS_EXPANSION_SLOTS 1024
#define FLS_SLOTS 128

static CRITICAL_SECTION BaseTlsLock;
static ULONG BaseTlsBits[(TLS_MINIMUM_AVAILABLE_ + TLS_EXPANSION_SLOTS) / 32];

typedef struct FLS_BLOCK { struct FLS_BLOCK *Next, *Prev; BYTE *Teb; PVOID Values[FLS_SLOTS]; } FLS_BLOCK;
static FLS_BLOCK BaseFlsHead = {&BaseFlsHead, &BaseFlsHead, NULL, {0}};
static PFLS_CALLBACK_FUNCTION BaseFlsCallbacks[FLS_SLOTS];
static ULONG BaseFlsBits[FLS_SLOTS / 32];

void BaseInitializeFls(void)
{
    RtlInitializeCriticalSectionEx(&BaseTlsLock, 0, 0);
}

static DWORD AllocateBit(ULONG *bits, DWORD count)
{
    for (DWORD i = 0; i < count; i++)
        if (!(bits[i / 32] & (1u << (i % 32)))) {
            bits[i / 32] |= 1u << (i % 32);
            return i;
        }
    return (DWORD)-1;
}

static BOOL BitSet(const ULONG *bits, DWORD i) { return (bits[i / 32] >> (i % 32)) & 1; }

KBAPI DWORD WINAPI TlsAlloc(void)
{
    RtlEnterCriticalSection(&BaseTlsLock);
    DWORD index = AllocateBit(BaseTlsBits, TLS_MINIMUM_AVAILABLE_ + TLS_EXPANSION_SLOTS);
    RtlLeaveCriticalSection(&BaseTlsLock);
    if (index == (DWORD)-1) {
        SetLastError(ERROR_NO_MORE_ITEMS);
        return TLS_OUT_OF_INDEXES;
    }
    return index;
}

KBAPI BOOL WINAPI TlsFree(DWORD index)
{
    BOOL ok = FALSE;
    RtlEnterCriticalSection(&BaseTlsLock);
    if (index < TLS_MINIMUM_AVAILABLE_ + TLS_EXPANSION_SLOTS && BitSet(BaseTlsBits, index)) {
        BaseTlsBits[index / 32] &= ~(1u << (index % 32));
        ok = TRUE;
        /* Every thread's value for the index goes back to NULL (ThreadZeroTlsCell on Windows). */
        for (FLS_BLOCK *b = BaseFlsHead.Next; b != &BaseFlsHead; b = b->Next) {
            PVOID *expansion = *(PVOID **)(b->Teb + TEB_TLS_EXPANSION_SLOTS);
            if (index < TLS_MINIMUM_AVAILABLE_)
                ((PVOID *)(b->Teb + TEB_TLS_SLOTS))[index] = NULL;
            else if (expansion)
                expansion[index - TLS_MINIMUM_AVAILABLE_] = NULL;
        }
    }
    RtlLeaveCriticalSection(&BaseTlsLock);
    if (!ok)
        SetLastError(ERROR_INVALID_PARAMETER);
    return ok;
}

KBAPI LPVOID WINAPI TlsGetValue(DWORD index)
{
    if (index < TLS_MINIMUM_AVAILABLE_) {
        TEB_LAST_ERROR() = NO_ERROR;
        return ((PVOID *)(TEB_() + TEB_TLS_SLOTS))[index];
    }
    if (index >= TLS_MINIMUM_AVAILABLE_ + TLS_EXPANSION_SLOTS) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    TEB_LAST_ERROR() = NO_ERROR;
    PVOID *expansion = *(PVOID **)(TEB_() + TEB_TLS_EXPANSION_SLOTS);
    return expansion ? expansion[index - TLS_MINIMUM_AVAILABLE_] : NULL;
}

KBAPI BOOL WINAPI TlsSetValue(DWORD index, LPVOID value)
{
    /* A thread joins the list (for TlsFree's clearing) the first time it sets a value. */
    if (*(PVOID *)(TEB_() + TEB_FLS_DATA) == NULL && !BaseTlsThreadAttach()) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    if (index < TLS_MINIMUM_AVAILABLE_) {
        ((PVOID *)(TEB_() + TEB_TLS_SLOTS))[index] = value;
        return TRUE;
    }
    if (index >= TLS_MINIMUM_AVAILABLE_ + TLS_EXPANSION_SLOTS) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    PVOID **slot = (PVOID **)(TEB_() + TEB_TLS_EXPANSION_SLOTS);
    if (*slot == NULL) {
        *slot = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, TLS_EXPANSION_SLOTS * sizeof(PVOID));
        if (*slot == NULL) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return FALSE;
        }
    }
    (*slot)[index - TLS_MINIMUM_AVAILABLE_] = value;
    return TRUE;
}

/* Index 0 is never handed out, as on Windows. */
KBAPI DWORD WINAPI FlsAlloc(PFLS_CALLBACK_FUNCTION callback)
{
    RtlEnterCriticalSection(&BaseTlsLock);
    BaseFlsBits[0] |= 1;
    DWORD index = AllocateBit(BaseFlsBits, FLS_SLOTS);
    if (index != (DWORD)-1) {
        BaseFlsCallbacks[index] = callback;
        for (FLS_BLOCK *b = BaseFlsHead.Next; b != &BaseFlsHead; b = b->Next)
            b->Values[index] = NULL;
    }
    RtlLeaveCriticalSection(&BaseTlsLock);
    if (index == (DWORD)-1) {
        SetLastError(ERROR_NO_MORE_ITEMS);
        return FLS_OUT_OF_INDEXES;
    }
    return index;
}

KBAPI BOOL WINAPI FlsFree(DWORD index)
{
    RtlEnterCriticalSection(&BaseTlsLock);
    if (index == 0 || index >= FLS_SLOTS || !BitSet(BaseFlsBits, index)) {
        RtlLeaveCriticalSection(&BaseTlsLock);
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    PFLS_CALLBACK_FUNCTION callback = BaseFlsCallbacks[index];
    for (FLS_BLOCK *b = BaseFlsHead.Next; b != &BaseFlsHead; b = b->Next) {
        PVOID value = b->Values[index];
        b->Values[index] = NULL;
        if (value && callback)
            callback(value);
    }
    BaseFlsCallbacks[index] = NULL;
    BaseFlsBits[index / 32] &= ~(1u << (index % 32));
    RtlLeaveCriticalSection(&BaseTlsLock);
    return TRUE;
}

KBAPI PVOID WINAPI FlsGetValue(DWORD index)
{
    if (index == 0 || index >= FLS_SLOTS || !BitSet(BaseFlsBits, index)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    FLS_BLOCK *b = *(FLS_BLOCK **)(TEB_() + TEB_FLS_DATA);
    TEB_LAST_ERROR() = NO_ERROR;
    return b ? b->Values[index] : NULL;
}

KBAPI BOOL WINAPI FlsSetValue(DWORD index, PVOID value)
{
    if (index == 0 || index >= FLS_SLOTS || !BitSet(BaseFlsBits, index)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    FLS_BLOCK **slot = (FLS_BLOCK **)(TEB_() + TEB_FLS_DATA);
    if (*slot == NULL && !BaseTlsThreadAttach()) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    (*slot)->Values[index] = value;
    return TRUE;
}

/* A thread's block joins the list the first time the thread sets a TLS or FLS value. */
BOOL BaseTlsThreadAttach(void)
{
    FLS_BLOCK *b = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, sizeof(FLS_BLOCK));
    if (b == NULL)
        return FALSE;
    b->Teb = TEB_();
    RtlEnterCriticalSection(&BaseTlsLock);
    b->Next = BaseFlsHead.Next;
    b->Prev = &BaseFlsHead;
    BaseFlsHead.Next->Prev = b;
    BaseFlsHead.Next = b;
    RtlLeaveCriticalSection(&BaseTlsLock);
    *(FLS_BLOCK **)(TEB_() + TEB_FLS_DATA) = b;
    return TRUE;
}

/* A thread's exit (DLL_THREAD_DETACH, and DLL_PROCESS_DETACH for the last thread): the callbacks
 * of its non-NULL values, then its block leaves the list. */
void BaseFlsThreadDetach(void)
{
    FLS_BLOCK **slot = (FLS_BLOCK **)(TEB_() + TEB_FLS_DATA);
    FLS_BLOCK *b = *slot;
    if (b == NULL)
        return;
    for (DWORD i = 1; i < FLS_SLOTS; i++) {
        PVOID value = b->Values[i];
        PFLS_CALLBACK_FUNCTION callback = BaseFlsCallbacks[i];
        b->Values[i] = NULL;
        if (value && callback && BitSet(BaseFlsBits, i))
            callback(value);
    }
    RtlEnterCriticalSection(&BaseTlsLock);
    b->Prev->Next = b->Next;
    b->Next->Prev = b->Prev;
    RtlLeaveCriticalSection(&BaseTlsLock);
    *slot = NULL;
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, b);
    PVOID *expansion = *(PVOID **)(TEB_() + TEB_TLS_EXPANSION_SLOTS);
    *(PVOID **)(TEB_() + TEB_TLS_EXPANSION_SLOTS) = NULL;
    if (expansion) RtlFreeHeap(PEB_PROCESS_HEAP(), 0, expansion);
}

KBAPI BOOL WINAPI IsThreadAFiber(void)
{
    return FALSE;
}
