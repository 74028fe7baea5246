/* Critical sections: the classic NT scheme. LockCount is -1 when free and counts the owner plus
 * the waiters; a contended section waits on an auto-reset event made the first time it is
 * needed (LockSemaphore), so each Leave with waiters hands the section to exactly one of them.
 * Recursion is counted for the owner; a spin count makes Enter retry before it waits. */
#include "rtl.h"

#define EVENT_ALL_ACCESS 0x1F0003
#define SynchronizationEvent 1
#define NO_DEBUG_INFO ((PVOID)(LONG64)-1)   /* Windows 8+: no RTL_CRITICAL_SECTION_DEBUG by default */

NTSYSAPI NTSTATUS NTAPI RtlInitializeCriticalSectionEx(RTL_CRITICAL_SECTION *cs, ULONG SpinCount, ULONG Flags)
{
    (void)Flags;
    cs->DebugInfo = NO_DEBUG_INFO;
    cs->LockCount = -1;
    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    cs->LockSemaphore = NULL;
    cs->SpinCount = SpinCount & 0x00FFFFFF;     /* the high byte holds flags */
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlInitializeCriticalSectionAndSpinCount(RTL_CRITICAL_SECTION *cs, ULONG SpinCount)
{
    return RtlInitializeCriticalSectionEx(cs, SpinCount, 0);
}

NTSYSAPI NTSTATUS NTAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    return RtlInitializeCriticalSectionEx(cs, 0, 0);
}

NTSYSAPI ULONG NTAPI RtlSetCriticalSectionSpinCount(RTL_CRITICAL_SECTION *cs, ULONG SpinCount)
{
    ULONG old = (ULONG)cs->SpinCount;
    cs->SpinCount = SpinCount & 0x00FFFFFF;
    return old;
}

static HANDLE LockEvent(RTL_CRITICAL_SECTION *cs)
{
    HANDLE event = __atomic_load_n(&cs->LockSemaphore, __ATOMIC_ACQUIRE);
    if (event)
        return event;
    if (NtCreateEvent(&event, EVENT_ALL_ACCESS, NULL, SynchronizationEvent, 0) < 0)
        return NULL;
    HANDLE expected = NULL;
    if (!__atomic_compare_exchange_n(&cs->LockSemaphore, &expected, event, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        NtClose(event);                         /* another waiter installed one first */
        return expected;
    }
    return event;
}

NTSYSAPI NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    HANDLE me = RtlpCurrentThreadId();
    if (cs->OwningThread == me) {
        __atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_ACQ_REL);
        cs->RecursionCount++;
        return STATUS_SUCCESS;
    }
    for (ULONG_PTR spin = cs->SpinCount; spin; spin--) {
        LONG expected = -1;
        if (__atomic_compare_exchange_n(&cs->LockCount, &expected, 0, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            goto owned;
        __builtin_ia32_pause();
    }
    if (__atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_ACQ_REL) != 0) {
        /* Owned by another thread: wait until a Leave hands it over. */
        HANDLE event;
        while ((event = LockEvent(cs)) == NULL)
            NtYieldExecution();
        NtWaitForSingleObject(event, 0, NULL);
    }
owned:
    cs->OwningThread = me;
    cs->RecursionCount = 1;
    return STATUS_SUCCESS;
}

NTSYSAPI BOOLEAN NTAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    HANDLE me = RtlpCurrentThreadId();
    LONG expected = -1;
    if (__atomic_compare_exchange_n(&cs->LockCount, &expected, 0, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        cs->OwningThread = me;
        cs->RecursionCount = 1;
        return 1;
    }
    if (cs->OwningThread == me) {
        __atomic_add_fetch(&cs->LockCount, 1, __ATOMIC_ACQ_REL);
        cs->RecursionCount++;
        return 1;
    }
    return 0;
}

NTSYSAPI NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    if (--cs->RecursionCount > 0) {
        __atomic_sub_fetch(&cs->LockCount, 1, __ATOMIC_ACQ_REL);
        return STATUS_SUCCESS;
    }
    cs->OwningThread = NULL;
    if (__atomic_sub_fetch(&cs->LockCount, 1, __ATOMIC_ACQ_REL) >= 0) {
        HANDLE event;
        while ((event = LockEvent(cs)) == NULL)
            NtYieldExecution();
        NtSetEvent(event, NULL);                /* one waiter takes it */
    }
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlDeleteCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    if (cs->LockSemaphore)
        NtClose(cs->LockSemaphore);
    cs->DebugInfo = NULL;
    cs->LockCount = -1;
    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    cs->LockSemaphore = NULL;
    cs->SpinCount = 0;
    return STATUS_SUCCESS;
}

NTSYSAPI ULONG NTAPI RtlIsCriticalSectionLockedByThread(RTL_CRITICAL_SECTION *cs)
{
    return cs->OwningThread == RtlpCurrentThreadId() && cs->RecursionCount > 0;
}

/* The PEB lock guards the environment block and the current directory. */
static RTL_CRITICAL_SECTION RtlpPebLock = {NO_DEBUG_INFO, -1, 0, NULL, NULL, 0};

NTSYSAPI void NTAPI RtlAcquirePebLock(void)
{
    RtlEnterCriticalSection(&RtlpPebLock);
}

NTSYSAPI void NTAPI RtlReleasePebLock(void)
{
    RtlLeaveCriticalSection(&RtlpPebLock);
}
