/* Family 5 (memory): GlobalMemoryStatusEx and GlobalMemoryStatus from
 * NtQuerySystemInformation(SystemBasicInformation, SystemPerformanceInformation) and the
 * process's own address space: physical memory is the machine's page frames, the "page file"
 * figures are the commit limit and what is left of it (no paging file: the physical pages), the
 * virtual figures are the user address range and its free regions (VirtualQuery's MEM_FREE). */
#include "kernelbase.h"

#define SystemBasicInformation 0
#define SystemPerformanceInformation 2

NTDLL NTSTATUS NTAPI NtQuerySystemInformation(ULONG, PVOID, ULONG, ULONG *);

typedef struct {
    ULONG Reserved, TimerResolution, PageSize, NumberOfPhysicalPages, LowestPhysicalPageNumber,
          HighestPhysicalPageNumber, AllocationGranularity;
    ULONG_PTR MinimumUserModeAddress, MaximumUserModeAddress, ActiveProcessorsAffinityMask;
    CHAR NumberOfProcessors;
} SYSTEM_BASIC_INFORMATION_;

typedef struct {
    LARGE_INTEGER IdleProcessTime, IoReadTransferCount, IoWriteTransferCount, IoOtherTransferCount;
    ULONG IoReadOperationCount, IoWriteOperationCount, IoOtherOperationCount, AvailablePages, CommittedPages,
          CommitLimit, PeakCommitment;
    BYTE Rest[0x158 - 0x3C];
} SYSTEM_PERFORMANCE_INFORMATION_;

/* The free bytes of the user address range. */
static ULONGLONG FreeVirtual(ULONG_PTR low, ULONG_PTR high)
{
    ULONGLONG free = 0;
    MEMORY_BASIC_INFORMATION mbi;
    for (ULONG_PTR at = low; at < high;) {
        if (!VirtualQuery((LPCVOID)at, &mbi, sizeof(mbi)) || !mbi.RegionSize)
            break;
        ULONG_PTR end = (ULONG_PTR)mbi.BaseAddress + mbi.RegionSize;
        if (mbi.State == MEM_FREE)
            free += (end > high + 1 ? high + 1 : end) - at;
        at = end;
    }
    return free;
}

KBAPI BOOL WINAPI GlobalMemoryStatusEx(LPMEMORYSTATUSEX status)
{
    if (status->dwLength != sizeof(*status)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    SYSTEM_BASIC_INFORMATION_ basic;
    SYSTEM_PERFORMANCE_INFORMATION_ perf;
    NTSTATUS s = NtQuerySystemInformation(SystemBasicInformation, &basic, sizeof(basic), NULL);
    if (NT_SUCCESS(s))
        s = NtQuerySystemInformation(SystemPerformanceInformation, &perf, sizeof(perf), NULL);
    if (!NT_SUCCESS(s))
        return BaseFail(s);
    ULONGLONG page = basic.PageSize;
    status->ullTotalPhys = basic.NumberOfPhysicalPages * page;
    status->ullAvailPhys = perf.AvailablePages * page;
    status->dwMemoryLoad = basic.NumberOfPhysicalPages
        ? (DWORD)((basic.NumberOfPhysicalPages - perf.AvailablePages) * 100ULL / basic.NumberOfPhysicalPages) : 0;
    status->ullTotalPageFile = perf.CommitLimit * page;
    status->ullAvailPageFile = (perf.CommitLimit > perf.CommittedPages ? perf.CommitLimit - perf.CommittedPages : 0)
                               * page;
    status->ullTotalVirtual = basic.MaximumUserModeAddress - basic.MinimumUserModeAddress + 1;
    status->ullAvailVirtual = FreeVirtual(basic.MinimumUserModeAddress, basic.MaximumUserModeAddress);
    status->ullAvailExtendedVirtual = 0;
    return TRUE;
}

KBAPI VOID WINAPI GlobalMemoryStatus(LPMEMORYSTATUS status)
{
    MEMORYSTATUSEX ex = {.dwLength = sizeof(ex)};
    if (!GlobalMemoryStatusEx(&ex))
        return;
    status->dwLength = sizeof(*status);
    status->dwMemoryLoad = ex.dwMemoryLoad;
    status->dwTotalPhys = (SIZE_T)ex.ullTotalPhys;
    status->dwAvailPhys = (SIZE_T)ex.ullAvailPhys;
    status->dwTotalPageFile = (SIZE_T)ex.ullTotalPageFile;
    status->dwAvailPageFile = (SIZE_T)ex.ullAvailPageFile;
    status->dwTotalVirtual = (SIZE_T)ex.ullTotalVirtual;
    status->dwAvailVirtual = (SIZE_T)ex.ullAvailVirtual;
}
