/* Family 7 (process): the dynamic priority boost a thread gets when its wait ends, switched off
 * or on for a whole process (SetProcessPriorityBoost / GetProcessPriorityBoost, through
 * ProcessPriorityBoost: KPROCESS.DisableBoost and its threads' KTHREAD.DisableBoost). */
#include "kernelbase.h"

#define ProcessPriorityBoost 22

KBAPI BOOL WINAPI SetProcessPriorityBoost(HANDLE process, BOOL disable)
{
    ULONG value = disable ? 1 : 0;
    NTSTATUS status = NtSetInformationProcess(process, ProcessPriorityBoost, &value, sizeof(value));
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI GetProcessPriorityBoost(HANDLE process, PBOOL disabled)
{
    ULONG value = 0;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessPriorityBoost, &value, sizeof(value), NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    *disabled = value != 0;
    return TRUE;
}
