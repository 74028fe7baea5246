/* Family 2, GetThreadInformation/SetThreadInformation and GetProcessInformation/
 * SetProcessInformation (Windows 8+): the Win32 information classes over the native ones.
 * ThreadMemoryPriority / ProcessMemoryPriority are the page priority (ThreadPagePriority,
 * ProcessPagePriority), ThreadPowerThrottling / ProcessPowerThrottling the versioned throttling
 * masks, ThreadAbsoluteCpuPriority the thread's base priority, ThreadDynamicCodePolicy its
 * opt-out of the dynamic code policy (none here), ProcessProtectionLevelInfo the protection
 * level (no process is protected here), ProcessAppMemoryInfo its commit and what is left.
 * A wrong size or a class not listed is ERROR_INVALID_PARAMETER. */
#include "kernelbase.h"

#define ThreadBasicInformation_ 0
#define ThreadPagePriority_ 24
#define ThreadDynamicCodePolicyInfo_ 42
#define ThreadPowerThrottlingState_ 49
#define ProcessBasicInformation_ 0
#define ProcessVmCounters_ 3
#define ProcessPagePriority_ 39
#define ProcessPowerThrottlingState_ 77
#define PROTECTION_LEVEL_NONE_ 0xFFFFFFFE
#define THROTTLING_STATE_SIZE 12                /* {Version, ControlMask, StateMask} */

typedef struct {                            /* VM_COUNTERS_EX */
    SIZE_T PeakVirtualSize, VirtualSize;
    ULONG PageFaultCount;
    SIZE_T PeakWorkingSetSize, WorkingSetSize, QuotaPeakPagedPoolUsage, QuotaPagedPoolUsage,
           QuotaPeakNonPagedPoolUsage, QuotaNonPagedPoolUsage, PagefileUsage, PeakPagefileUsage, PrivateUsage;
} VM_COUNTERS_EX_;
typedef struct { NTSTATUS ExitStatus; PVOID Teb; CLIENT_ID ClientId; ULONG_PTR AffinityMask; LONG Priority, BasePriority; }
    THREAD_BASIC_INFORMATION_;

static BOOL Fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* A memory priority a caller may set: MEMORY_PRIORITY_LOWEST (0) to MEMORY_PRIORITY_NORMAL. */
static BOOL ValidMemoryPriority(const void *info)
{
    return ((const MEMORY_PRIORITY_INFORMATION *)info)->MemoryPriority <= MEMORY_PRIORITY_NORMAL;
}

KBAPI BOOL WINAPI SetThreadInformation(HANDLE thread, THREAD_INFORMATION_CLASS cls, LPVOID info, DWORD size)
{
    ULONG native;
    if (cls == ThreadMemoryPriority && size == sizeof(MEMORY_PRIORITY_INFORMATION)) {
        if (!ValidMemoryPriority(info))
            return Fail(ERROR_INVALID_PARAMETER);
        native = ThreadPagePriority_;
    } else if (cls == ThreadPowerThrottling && size == THROTTLING_STATE_SIZE) {
        native = ThreadPowerThrottlingState_;
    } else {
        return Fail(ERROR_INVALID_PARAMETER);
    }
    NTSTATUS status = NtSetInformationThread(thread, native, info, size);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI GetThreadInformation(HANDLE thread, THREAD_INFORMATION_CLASS cls, LPVOID info, DWORD size)
{
    NTSTATUS status;
    if (cls == ThreadMemoryPriority && size == sizeof(MEMORY_PRIORITY_INFORMATION)) {
        status = NtQueryInformationThread(thread, ThreadPagePriority_, info, size, NULL);
    } else if (cls == ThreadPowerThrottling && size == THROTTLING_STATE_SIZE) {
        status = NtQueryInformationThread(thread, ThreadPowerThrottlingState_, info, size, NULL);
    } else if (cls == ThreadAbsoluteCpuPriority && size == sizeof(LONG)) {
        THREAD_BASIC_INFORMATION_ basic;
        status = NtQueryInformationThread(thread, ThreadBasicInformation_, &basic, sizeof basic, NULL);
        if (NT_SUCCESS(status))
            *(LONG *)info = basic.BasePriority;
    } else if (cls == ThreadDynamicCodePolicy && size == sizeof(DWORD)) {
        /* Step: the handle must name a thread; no thread has opted out of a dynamic code policy. */
        THREAD_BASIC_INFORMATION_ basic;
        status = NtQueryInformationThread(thread, ThreadBasicInformation_, &basic, sizeof basic, NULL);
        if (NT_SUCCESS(status))
            *(DWORD *)info = 0;
    } else {
        return Fail(ERROR_INVALID_PARAMETER);
    }
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI SetProcessInformation(HANDLE process, PROCESS_INFORMATION_CLASS cls, LPVOID info, DWORD size)
{
    ULONG native;
    if (cls == ProcessMemoryPriority && size == sizeof(MEMORY_PRIORITY_INFORMATION)) {
        if (!ValidMemoryPriority(info))
            return Fail(ERROR_INVALID_PARAMETER);
        native = ProcessPagePriority_;
    } else if (cls == ProcessPowerThrottling && size == sizeof(PROCESS_POWER_THROTTLING_STATE)) {
        native = ProcessPowerThrottlingState_;
    } else {
        return Fail(ERROR_INVALID_PARAMETER);
    }
    NTSTATUS status = NtSetInformationProcess(process, native, info, size);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

/* ProcessAppMemoryInfo: the process's private commit (and its peak) from its VM counters, the
 * commit the system has left as what it may still take. */
static NTSTATUS AppMemoryInfo(HANDLE process, APP_MEMORY_INFORMATION *info)
{
    VM_COUNTERS_EX_ counters;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessVmCounters_, &counters, sizeof counters, NULL);
    if (!NT_SUCCESS(status))
        return status;
    MEMORYSTATUSEX memory = {.dwLength = sizeof memory};
    GlobalMemoryStatusEx(&memory);
    info->AvailableCommit = memory.ullAvailPageFile;
    info->PrivateCommitUsage = counters.PrivateUsage;
    info->PeakPrivateCommitUsage = counters.PeakPagefileUsage;
    info->TotalCommitUsage = counters.PrivateUsage;
    return 0;
}

KBAPI BOOL WINAPI GetProcessInformation(HANDLE process, PROCESS_INFORMATION_CLASS cls, LPVOID info, DWORD size)
{
    NTSTATUS status;
    if (cls == ProcessMemoryPriority && size == sizeof(MEMORY_PRIORITY_INFORMATION)) {
        status = NtQueryInformationProcess(process, ProcessPagePriority_, info, size, NULL);
    } else if (cls == ProcessPowerThrottling && size == sizeof(PROCESS_POWER_THROTTLING_STATE)) {
        status = NtQueryInformationProcess(process, ProcessPowerThrottlingState_, info, size, NULL);
    } else if (cls == ProcessProtectionLevelInfo && size == sizeof(PROCESS_PROTECTION_LEVEL_INFORMATION)) {
        struct { NTSTATUS ExitStatus; PVOID Peb; ULONG_PTR rest[4]; } basic;
        status = NtQueryInformationProcess(process, ProcessBasicInformation_, &basic, sizeof basic, NULL);
        if (NT_SUCCESS(status))
            ((PROCESS_PROTECTION_LEVEL_INFORMATION *)info)->ProtectionLevel = PROTECTION_LEVEL_NONE_;
    } else if (cls == ProcessAppMemoryInfo && size == sizeof(APP_MEMORY_INFORMATION)) {
        status = AppMemoryInfo(process, info);
    } else {
        return Fail(ERROR_INVALID_PARAMETER);
    }
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}
