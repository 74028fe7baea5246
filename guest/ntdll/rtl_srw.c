/* Slim reader/writer locks and condition variables. The lock word is 1 when held exclusively
 * and twice the number of shared owners otherwise; a condition variable's word counts wakes.
 * Blocked callers poll: they yield, then sleep a virtual millisecond between tries (no keyed
 * events exist yet), so waiting is correct but not fair; a sleeper may wake spuriously, which
 * the condition variable contract allows. */
#include "rtl.h"

#define EXCLUSIVE 1

static void Backoff(ULONG *tries)
{
    if (++*tries < 8) {
        NtYieldExecution();
    } else {
        LONG64 interval = -10000;               /* 1 ms */
        NtDelayExecution(0, &interval);
    }
}

NTSYSAPI void NTAPI RtlInitializeSRWLock(RTL_SRWLOCK *l)
{
    l->Ptr = NULL;
}

NTSYSAPI BOOLEAN NTAPI RtlTryAcquireSRWLockExclusive(RTL_SRWLOCK *l)
{
    ULONG_PTR expected = 0;
    return __atomic_compare_exchange_n((ULONG_PTR *)&l->Ptr, &expected, EXCLUSIVE, 0, __ATOMIC_ACQUIRE,
                                       __ATOMIC_RELAXED);
}

NTSYSAPI BOOLEAN NTAPI RtlTryAcquireSRWLockShared(RTL_SRWLOCK *l)
{
    ULONG_PTR v = __atomic_load_n((ULONG_PTR *)&l->Ptr, __ATOMIC_RELAXED);
    while (!(v & EXCLUSIVE))
        if (__atomic_compare_exchange_n((ULONG_PTR *)&l->Ptr, &v, v + 2, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return 1;
    return 0;
}

NTSYSAPI void NTAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *l)
{
    ULONG tries = 0;
    while (!RtlTryAcquireSRWLockExclusive(l))
        Backoff(&tries);
}

NTSYSAPI void NTAPI RtlAcquireSRWLockShared(RTL_SRWLOCK *l)
{
    ULONG tries = 0;
    while (!RtlTryAcquireSRWLockShared(l))
        Backoff(&tries);
}

NTSYSAPI void NTAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *l)
{
    __atomic_store_n((ULONG_PTR *)&l->Ptr, 0, __ATOMIC_RELEASE);
}

NTSYSAPI void NTAPI RtlReleaseSRWLockShared(RTL_SRWLOCK *l)
{
    __atomic_sub_fetch((ULONG_PTR *)&l->Ptr, 2, __ATOMIC_RELEASE);
}

NTSYSAPI void NTAPI RtlInitializeConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    cv->Ptr = NULL;
}

NTSYSAPI void NTAPI RtlWakeConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    __atomic_add_fetch((ULONG_PTR *)&cv->Ptr, 1, __ATOMIC_RELEASE);
}

NTSYSAPI void NTAPI RtlWakeAllConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    __atomic_add_fetch((ULONG_PTR *)&cv->Ptr, 1, __ATOMIC_RELEASE);
}

/* Poll until the wake count moves past `seen`; STATUS_TIMEOUT when Timeout (NT form: negative
 * relative, positive absolute, in 100 ns) passes first. */
static NTSTATUS WaitForWake(RTL_CONDITION_VARIABLE *cv, ULONG_PTR seen, LONG64 *Timeout)
{
    LONG64 start = 0, freq, now, limit = -1;
    if (Timeout) {
        NtQueryPerformanceCounter(&start, &freq);
        limit = *Timeout < 0 ? -*Timeout : 0;
        if (*Timeout > 0) {                     /* absolute: against the system time */
            LONG64 sys = *(volatile LONG64 *)(ULONG_PTR)0x7FFE0014;
            limit = *Timeout > sys ? *Timeout - sys : 0;
        }
    }
    ULONG tries = 0;
    while (__atomic_load_n((ULONG_PTR *)&cv->Ptr, __ATOMIC_ACQUIRE) == seen) {
        if (Timeout) {
            NtQueryPerformanceCounter(&now, &freq);
            if (now - start >= limit)
                return STATUS_TIMEOUT;
        }
        Backoff(&tries);
    }
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlSleepConditionVariableCS(RTL_CONDITION_VARIABLE *cv, RTL_CRITICAL_SECTION *cs, LONG64 *Timeout)
{
    ULONG_PTR seen = __atomic_load_n((ULONG_PTR *)&cv->Ptr, __ATOMIC_ACQUIRE);
    LONG recursion = cs->RecursionCount;
    for (LONG i = 0; i < recursion; i++)
        RtlLeaveCriticalSection(cs);
    NTSTATUS status = WaitForWake(cv, seen, Timeout);
    for (LONG i = 0; i < recursion; i++)
        RtlEnterCriticalSection(cs);
    return status;
}

#define CONDITION_VARIABLE_LOCKMODE_SHARED 1

NTSYSAPI NTSTATUS NTAPI RtlSleepConditionVariableSRW(RTL_CONDITION_VARIABLE *cv, RTL_SRWLOCK *l, LONG64 *Timeout, ULONG Flags)
{
    ULONG_PTR seen = __atomic_load_n((ULONG_PTR *)&cv->Ptr, __ATOMIC_ACQUIRE);
    int shared = Flags & CONDITION_VARIABLE_LOCKMODE_SHARED;
    if (shared) RtlReleaseSRWLockShared(l); else RtlReleaseSRWLockExclusive(l);
    NTSTATUS status = WaitForWake(cv, seen, Timeout);
    if (shared) RtlAcquireSRWLockShared(l); else RtlAcquireSRWLockExclusive(l);
    return status;
}
