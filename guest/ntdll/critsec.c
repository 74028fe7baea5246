/* RTL_CRITICAL_SECTION: a recursive lock owned by one thread, as RtlEnterCriticalSection keeps it
 * (LockCount starts at -1 and counts waiters; the wait is on an auto-reset event created on first
 * contention). PEB->LoaderLock is one. */
#include "ldrp.h"

static inline LONG InterlockedIncrement(LONG *p) { return __atomic_add_fetch(p, 1, __ATOMIC_SEQ_CST); }
static inline LONG InterlockedDecrement(LONG *p) { return __atomic_sub_fetch(p, 1, __ATOMIC_SEQ_CST); }

NTSYSAPI NTSTATUS NTAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    cs->DebugInfo = NULL;
    cs->LockCount = -1;
    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    cs->LockSemaphore = NULL;
    cs->SpinCount = 0;
    return STATUS_SUCCESS;
}

static HANDLE LockEvent(RTL_CRITICAL_SECTION *cs)
{
    if (cs->LockSemaphore == NULL) {
        HANDLE event = NULL;
        if (NtCreateEvent(&event, 0x1F0003, NULL, 1 /* SynchronizationEvent */, 0) < 0)
            return NULL;
        if (__atomic_compare_exchange_n(&cs->LockSemaphore, &(HANDLE){NULL}, event, 0, __ATOMIC_SEQ_CST,
                                        __ATOMIC_SEQ_CST) == 0)
            NtClose(event);
    }
    return cs->LockSemaphore;
}

NTSYSAPI NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    HANDLE me = NtCurrentTeb()->ClientId.UniqueThread;
    if (InterlockedIncrement(&cs->LockCount) != 0) {
        if (cs->OwningThread == me) {
            cs->RecursionCount++;
            return STATUS_SUCCESS;
        }
        NtWaitForSingleObject(LockEvent(cs), 0, NULL);
    }
    cs->OwningThread = me;
    cs->RecursionCount = 1;
    return STATUS_SUCCESS;
}

NTSYSAPI BOOLEAN NTAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    HANDLE me = NtCurrentTeb()->ClientId.UniqueThread;
    LONG expected = -1;
    if (__atomic_compare_exchange_n(&cs->LockCount, &expected, 0, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)) {
        cs->OwningThread = me;
        cs->RecursionCount = 1;
        return 1;
    }
    if (cs->OwningThread == me) {
        InterlockedIncrement(&cs->LockCount);
        cs->RecursionCount++;
        return 1;
    }
    return 0;
}

NTSYSAPI NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    if (--cs->RecursionCount) {
        InterlockedDecrement(&cs->LockCount);
        return STATUS_SUCCESS;
    }
    cs->OwningThread = NULL;
    if (InterlockedDecrement(&cs->LockCount) >= 0)
        NtSetEvent(LockEvent(cs), NULL);        /* a waiter: hand the lock on */
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlDeleteCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    if (cs->LockSemaphore)
        NtClose(cs->LockSemaphore);
    cs->LockSemaphore = NULL;
    cs->LockCount = -1;
    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    return STATUS_SUCCESS;
}
