/* Slim reader/writer locks and condition variables, sleeping on the global keyed event
 * (NtWaitForKeyedEvent with a NULL handle, keyed by the lock's or the variable's address).
 * An SRW lock's word holds its owners in the low half (1 when held exclusively, twice the number
 * of shared owners otherwise) and in the high half the number of threads committed to sleep on
 * it; whoever frees the lock with sleepers counted wakes them all (NtReleaseKeyedEvent waits for
 * each sleeper to arrive), and each tries again; a reader woken into a shared lock wakes the sleepers again, since readers
 * among them can share it. A condition variable's word counts its sleepers;
 * a wake takes one from the count and releases one sleeper; a sleeper whose timeout passed takes
 * itself off the count, or, if a waker took it first, stays for that waker's release. Acquiring
 * is not fair (a thread arriving may take the lock before one woken for it). */
#include "rtl.h"

#define EXCLUSIVE 1

#define OWNERS 0xFFFFFFFFull
#define SLEEPER 0x100000000ull

NTSTATUS NTAPI NtWaitForKeyedEvent(HANDLE KeyedEvent, PVOID Key, BOOLEAN Alertable, LONG64 *Timeout);
NTSTATUS NTAPI NtReleaseKeyedEvent(HANDLE KeyedEvent, PVOID Key, BOOLEAN Alertable, LONG64 *Timeout);

static ULONG_PTR *Word(RTL_SRWLOCK *l) { return (ULONG_PTR *)&l->Ptr; }

/* One more sleeper counted on the lock word `v` (FALSE when the word moved first). */
static BOOLEAN CountAndSleep(RTL_SRWLOCK *l, ULONG_PTR v)
{
    if (!__atomic_compare_exchange_n(Word(l), &v, v + SLEEPER, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
        return 0;
    NtWaitForKeyedEvent(NULL, l, 0, NULL);
    return 1;
}

NTSYSAPI void NTAPI RtlInitializeSRWLock(RTL_SRWLOCK *l)
{
    l->Ptr = NULL;
}

NTSYSAPI BOOLEAN NTAPI RtlTryAcquireSRWLockExclusive(RTL_SRWLOCK *l)
{
    ULONG_PTR v = __atomic_load_n(Word(l), __ATOMIC_RELAXED);
    while (!(v & OWNERS))
        if (__atomic_compare_exchange_n(Word(l), &v, v | EXCLUSIVE, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return 1;
    return 0;
}

NTSYSAPI BOOLEAN NTAPI RtlTryAcquireSRWLockShared(RTL_SRWLOCK *l)
{
    ULONG_PTR v = __atomic_load_n(Word(l), __ATOMIC_RELAXED);
    while (!(v & EXCLUSIVE))
        if (__atomic_compare_exchange_n(Word(l), &v, v + 2, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return 1;
    return 0;
}

NTSYSAPI void NTAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *l)
{
    while (!RtlTryAcquireSRWLockExclusive(l)) {
        ULONG_PTR v = __atomic_load_n(Word(l), __ATOMIC_RELAXED);
        if (v & OWNERS)
            CountAndSleep(l, v);
    }
}

NTSYSAPI void NTAPI RtlAcquireSRWLockShared(RTL_SRWLOCK *l)
{
    BOOLEAN slept = 0;
    while (!RtlTryAcquireSRWLockShared(l)) {
        ULONG_PTR v = __atomic_load_n(Word(l), __ATOMIC_RELAXED);
        if (v & EXCLUSIVE)
            slept |= CountAndSleep(l, v);
    }
    if (!slept)
        return;
    /* woken into a shared lock: the other sleepers may be readers that can share it too */
    ULONG_PTR v = __atomic_load_n(Word(l), __ATOMIC_RELAXED), sleepers;
    do {
        sleepers = v / SLEEPER;
        if (!sleepers)
            return;
    } while (!__atomic_compare_exchange_n(Word(l), &v, v - sleepers * SLEEPER, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    while (sleepers--)
        NtReleaseKeyedEvent(NULL, l, 0, NULL);
}

/* Take `owners` off the word; the one who frees the lock wakes every counted sleeper, so that
 * shared waiters go in together (the others sleep again). */
static void Release(RTL_SRWLOCK *l, ULONG_PTR owners)
{
    ULONG_PTR v = __atomic_load_n(Word(l), __ATOMIC_RELAXED), n, sleepers;
    do {
        n = v - owners;
        sleepers = (n & OWNERS) ? 0 : n / SLEEPER;
        n -= sleepers * SLEEPER;
    } while (!__atomic_compare_exchange_n(Word(l), &v, n, 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED));
    while (sleepers--)
        NtReleaseKeyedEvent(NULL, l, 0, NULL);
}

NTSYSAPI void NTAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *l)
{
    Release(l, EXCLUSIVE);
}

NTSYSAPI void NTAPI RtlReleaseSRWLockShared(RTL_SRWLOCK *l)
{
    Release(l, 2);
}

NTSYSAPI void NTAPI RtlInitializeConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    cv->Ptr = NULL;
}

NTSYSAPI void NTAPI RtlWakeConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    ULONG_PTR *w = (ULONG_PTR *)&cv->Ptr, v = __atomic_load_n(w, __ATOMIC_RELAXED);
    while (v)
        if (__atomic_compare_exchange_n(w, &v, v - 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED)) {
            NtReleaseKeyedEvent(NULL, cv, 0, NULL);
            return;
        }
}

NTSYSAPI void NTAPI RtlWakeAllConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    for (ULONG_PTR n = __atomic_exchange_n((ULONG_PTR *)&cv->Ptr, 0, __ATOMIC_ACQ_REL); n; n--)
        NtReleaseKeyedEvent(NULL, cv, 0, NULL);
}

/* The sleep itself, once counted and with the lock let go: STATUS_TIMEOUT only when the
 * sleeper could take itself off the count. */
static NTSTATUS WaitForWake(RTL_CONDITION_VARIABLE *cv, LONG64 *Timeout)
{
    NTSTATUS status = NtWaitForKeyedEvent(NULL, cv, 0, Timeout);
    if (status != STATUS_TIMEOUT)
        return STATUS_SUCCESS;
    ULONG_PTR *w = (ULONG_PTR *)&cv->Ptr, v = __atomic_load_n(w, __ATOMIC_RELAXED);
    while (v)
        if (__atomic_compare_exchange_n(w, &v, v - 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
            return STATUS_TIMEOUT;
    NtWaitForKeyedEvent(NULL, cv, 0, NULL);     /* a waker counted this sleeper: take its release */
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlSleepConditionVariableCS(RTL_CONDITION_VARIABLE *cv, RTL_CRITICAL_SECTION *cs, LONG64 *Timeout)
{
    __atomic_add_fetch((ULONG_PTR *)&cv->Ptr, 1, __ATOMIC_ACQ_REL);
    LONG recursion = cs->RecursionCount;
    for (LONG i = 0; i < recursion; i++)
        RtlLeaveCriticalSection(cs);
    NTSTATUS status = WaitForWake(cv, Timeout);
    for (LONG i = 0; i < recursion; i++)
        RtlEnterCriticalSection(cs);
    return status;
}

#define CONDITION_VARIABLE_LOCKMODE_SHARED 1

NTSYSAPI NTSTATUS NTAPI RtlSleepConditionVariableSRW(RTL_CONDITION_VARIABLE *cv, RTL_SRWLOCK *l, LONG64 *Timeout, ULONG Flags)
{
    __atomic_add_fetch((ULONG_PTR *)&cv->Ptr, 1, __ATOMIC_ACQ_REL);
    int shared = Flags & CONDITION_VARIABLE_LOCKMODE_SHARED;
    if (shared) RtlReleaseSRWLockShared(l); else RtlReleaseSRWLockExclusive(l);
    NTSTATUS status = WaitForWake(cv, Timeout);
    if (shared) RtlAcquireSRWLockShared(l); else RtlAcquireSRWLockExclusive(l);
    return status;
}
