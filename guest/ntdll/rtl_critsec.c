/* The critical-section calls around critsec.c's Enter/Leave: initialisation with a spin count
 * and flags (kept in SpinCount, as Windows keeps them), RtlSetCriticalSectionSpinCount,
 * RtlIsCriticalSectionLockedByThread, and the PEB lock that guards the environment. */
#include "rtl.h"

NTSYSAPI NTSTATUS NTAPI RtlInitializeCriticalSectionEx(RTL_CRITICAL_SECTION *cs, ULONG SpinCount, ULONG Flags)
{
    (void)Flags;
    RtlInitializeCriticalSection(cs);
    cs->SpinCount = SpinCount & 0x00FFFFFF;     /* the high byte holds flags */
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlInitializeCriticalSectionAndSpinCount(RTL_CRITICAL_SECTION *cs, ULONG SpinCount)
{
    return RtlInitializeCriticalSectionEx(cs, SpinCount, 0);
}

NTSYSAPI ULONG NTAPI RtlSetCriticalSectionSpinCount(RTL_CRITICAL_SECTION *cs, ULONG SpinCount)
{
    ULONG old = (ULONG)cs->SpinCount;
    cs->SpinCount = SpinCount & 0x00FFFFFF;
    return old;
}

NTSYSAPI ULONG NTAPI RtlIsCriticalSectionLockedByThread(RTL_CRITICAL_SECTION *cs)
{
    return cs->OwningThread == RtlpCurrentThreadId() && cs->RecursionCount > 0;
}

/* The PEB lock guards the environment block and the current directory. */
static RTL_CRITICAL_SECTION RtlpPebLock = {NULL, -1, 0, NULL, NULL, 0};

NTSYSAPI void NTAPI RtlAcquirePebLock(void)
{
    RtlEnterCriticalSection(&RtlpPebLock);
}

NTSYSAPI void NTAPI RtlReleasePebLock(void)
{
    RtlLeaveCriticalSection(&RtlpPebLock);
}
