/* Family 8 (system information), power and the clock's adjustment: a machine on AC power with no
 * system battery (GetSystemPowerStatus), the execution state a thread asks the power manager to
 * keep (SetThreadExecutionState: the previous state back, ES_CONTINUOUS keeping it until changed),
 * the clock's increment with no adjustment applied (GetSystemTimeAdjustment: the timer resolution
 * of SystemBasicInformation), and RestoreLastError. */
#include "kernelbase.h"

#define SystemBasicInformation_ 0
#define ES_VALID_ (ES_SYSTEM_REQUIRED | ES_DISPLAY_REQUIRED | ES_USER_PRESENT | ES_AWAYMODE_REQUIRED | ES_CONTINUOUS)

NTDLL NTSTATUS NTAPI NtQuerySystemInformation(ULONG, PVOID, ULONG, ULONG *);

KBAPI BOOL WINAPI GetSystemPowerStatus(LPSYSTEM_POWER_STATUS status)
{
    status->ACLineStatus = 1;                   /* online */
    status->BatteryFlag = 128;                  /* no system battery */
    status->BatteryLifePercent = 255;           /* unknown */
    status->Reserved1 = 0;                      /* SystemStatusFlag: battery saver off */
    status->BatteryLifeTime = (DWORD)-1;
    status->BatteryFullLifeTime = (DWORD)-1;
    return TRUE;
}

static EXECUTION_STATE ContinuousState = ES_CONTINUOUS;

/* The state before the call; 0 for flags that are not execution states. A call without
 * ES_CONTINUOUS resets the idle timers once and leaves the continuous state as it was. */
KBAPI EXECUTION_STATE WINAPI SetThreadExecutionState(EXECUTION_STATE flags)
{
    if (flags & ~ES_VALID_ || (flags & ES_USER_PRESENT)) return 0;
    if (flags & ES_CONTINUOUS) return (EXECUTION_STATE)InterlockedExchange((LONG *)&ContinuousState, (LONG)flags);
    return ContinuousState;
}

KBAPI BOOL WINAPI GetSystemTimeAdjustment(PDWORD adjustment, PDWORD increment, PBOOL disabled)
{
    struct { ULONG Reserved, TimerResolution; BYTE Rest[0x38]; } basic;
    NTSTATUS status = NtQuerySystemInformation(SystemBasicInformation_, &basic, sizeof(basic), NULL);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    *adjustment = basic.TimerResolution;
    *increment = basic.TimerResolution;
    *disabled = TRUE;                           /* the clock follows its own time */
    return TRUE;
}

KBAPI VOID WINAPI RestoreLastError(DWORD error)
{
    SetLastError(error);
}
