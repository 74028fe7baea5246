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

/* Power requests (Windows 7+): PowerCreateRequest makes a PowerRequest object from a
 * REASON_CONTEXT (POWER_REQUEST_CONTEXT_VERSION, one of SIMPLE_STRING or DETAILED_STRING),
 * PowerSetRequest / PowerClearRequest count one request type up or down on it
 * (NtPowerInformation's PowerRequestCreate and PowerRequestAction); CloseHandle ends it. */
#define PowerRequestCreate_ 43
#define PowerRequestAction_ 44

NTDLL NTSTATUS NTAPI NtPowerInformation(ULONG, PVOID, ULONG, PVOID, ULONG);

typedef struct {
    ULONG Version, Flags;
    union {
        struct { UNICODE_STRING ResourceFileName; USHORT ResourceReasonId; ULONG StringCount; UNICODE_STRING *ReasonStrings; };
        UNICODE_STRING SimpleString;
    };
} COUNTED_REASON_CONTEXT_;

typedef struct { HANDLE PowerRequestHandle; ULONG RequestType; BOOLEAN SetAction; HANDLE ProcessHandle; } POWER_REQUEST_ACTION_;

static void CountString(UNICODE_STRING *out, LPCWSTR text)
{
    SIZE_T n = text ? wcslen(text) * sizeof(WCHAR) : 0;
    out->Length = (USHORT)n;
    out->MaximumLength = (USHORT)(text ? n + sizeof(WCHAR) : 0);
    out->Buffer = (PWSTR)text;
}

KBAPI HANDLE WINAPI PowerCreateRequest(PREASON_CONTEXT context)
{
    COUNTED_REASON_CONTEXT_ counted = {0};
    UNICODE_STRING strings[16];
    if (!context || context->Version != POWER_REQUEST_CONTEXT_VERSION) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    counted.Version = context->Version;
    counted.Flags = context->Flags;
    if (context->Flags == POWER_REQUEST_CONTEXT_SIMPLE_STRING) {
        CountString(&counted.SimpleString, context->Reason.SimpleReasonString);
    } else if (context->Flags == POWER_REQUEST_CONTEXT_DETAILED_STRING) {
        ULONG count = context->Reason.Detailed.ReasonStringCount;
        if (count > 16) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return INVALID_HANDLE_VALUE;
        }
        CountString(&counted.ResourceFileName, NULL);
        counted.ResourceReasonId = (USHORT)context->Reason.Detailed.LocalizedReasonId;
        counted.StringCount = count;
        for (ULONG i = 0; i < count; i++)
            CountString(&strings[i], context->Reason.Detailed.ReasonStrings[i]);
        counted.ReasonStrings = strings;
    }
    HANDLE request = NULL;
    NTSTATUS status = NtPowerInformation(PowerRequestCreate_, &counted, sizeof counted, &request, sizeof request);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return INVALID_HANDLE_VALUE;
    }
    return request;
}

static BOOL PowerRequestActionOn(HANDLE request, POWER_REQUEST_TYPE type, BOOLEAN set)
{
    POWER_REQUEST_ACTION_ action = {request, (ULONG)type, set, NULL};
    NTSTATUS status = NtPowerInformation(PowerRequestAction_, &action, sizeof action, NULL, 0);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI PowerSetRequest(HANDLE request, POWER_REQUEST_TYPE type)
{
    return PowerRequestActionOn(request, type, TRUE);
}

KBAPI BOOL WINAPI PowerClearRequest(HANDLE request, POWER_REQUEST_TYPE type)
{
    return PowerRequestActionOn(request, type, FALSE);
}
