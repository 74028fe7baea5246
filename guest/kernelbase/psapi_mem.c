/* The process status calls about memory and I/O (K32*, behind psapi.dll): a process's memory
 * counters (ProcessVmCounters), its I/O counters (ProcessIoCounters), its working set
 * (NtQueryVirtualMemory's working-set classes), the file a view maps, the system's performance
 * figures, and the working-set bounds (ProcessQuotaLimits) that Get/SetProcessWorkingSetSize(Ex)
 * read and set. */
#include "kernelbase.h"
#include <psapi.h>

#define ProcessQuotaLimits_ 1
#define ProcessIoCounters_ 2
#define ProcessVmCounters_ 3
#define MemoryWorkingSetInformation_ 1
#define MemoryMappedFilenameInformation_ 2
#define MemoryWorkingSetExInformation_ 4
#define SystemBasicInformation_ 0
#define SystemPerformanceInformation_ 2
#define STATUS_INFO_LENGTH_MISMATCH_ ((NTSTATUS)0xC0000004)

NTDLL NTSTATUS NTAPI NtQuerySystemInformation(ULONG, PVOID, ULONG, ULONG *);

typedef struct {                            /* VM_COUNTERS_EX */
    SIZE_T PeakVirtualSize, VirtualSize;
    ULONG PageFaultCount;
    SIZE_T PeakWorkingSetSize, WorkingSetSize, QuotaPeakPagedPoolUsage, QuotaPagedPoolUsage,
           QuotaPeakNonPagedPoolUsage, QuotaNonPagedPoolUsage, PagefileUsage, PeakPagefileUsage, PrivateUsage;
} VM_COUNTERS_EX_;

typedef struct {                            /* QUOTA_LIMITS_EX */
    SIZE_T PagedPoolLimit, NonPagedPoolLimit, MinimumWorkingSetSize, MaximumWorkingSetSize, PagefileLimit;
    LARGE_INTEGER TimeLimit;
    SIZE_T WorkingSetLimit, Reserved2, Reserved3, Reserved4;
    DWORD Flags, CpuRateLimit;
} QUOTA_LIMITS_EX_;

KBAPI BOOL WINAPI K32GetProcessMemoryInfo(HANDLE process, PPROCESS_MEMORY_COUNTERS counters, DWORD cb)
{
    if (cb < sizeof(PROCESS_MEMORY_COUNTERS)) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    VM_COUNTERS_EX_ vm;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessVmCounters_, &vm, sizeof(vm), NULL);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    PROCESS_MEMORY_COUNTERS_EX out;
    out.cb = cb >= sizeof(PROCESS_MEMORY_COUNTERS_EX) ? sizeof(PROCESS_MEMORY_COUNTERS_EX) : sizeof(PROCESS_MEMORY_COUNTERS);
    out.PageFaultCount = vm.PageFaultCount;
    out.PeakWorkingSetSize = vm.PeakWorkingSetSize;
    out.WorkingSetSize = vm.WorkingSetSize;
    out.QuotaPeakPagedPoolUsage = vm.QuotaPeakPagedPoolUsage;
    out.QuotaPagedPoolUsage = vm.QuotaPagedPoolUsage;
    out.QuotaPeakNonPagedPoolUsage = vm.QuotaPeakNonPagedPoolUsage;
    out.QuotaNonPagedPoolUsage = vm.QuotaNonPagedPoolUsage;
    out.PagefileUsage = vm.PagefileUsage;
    out.PeakPagefileUsage = vm.PeakPagefileUsage;
    out.PrivateUsage = vm.PrivateUsage;
    memcpy(counters, &out, out.cb);
    return TRUE;
}

KBAPI BOOL WINAPI GetProcessIoCounters(HANDLE process, PIO_COUNTERS counters)
{
    NTSTATUS status = NtQueryInformationProcess(process, ProcessIoCounters_, counters, sizeof(*counters), NULL);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

/* The system's commit, physical memory and object counts (SYSTEM_PERFORMANCE_INFORMATION's
 * head, SystemBasicInformation, the process list). */
KBAPI BOOL WINAPI K32GetPerformanceInfo(PPERFORMANCE_INFORMATION info, DWORD cb)
{
    if (cb < sizeof(*info)) { SetLastError(ERROR_BAD_LENGTH); return FALSE; }
    struct { ULONG Reserved, TimerResolution, PageSize, NumberOfPhysicalPages; BYTE Rest[0x30]; } basic;
    struct { LARGE_INTEGER Times[4]; ULONG Ops[3], AvailablePages, CommittedPages, CommitLimit, PeakCommitment;
             BYTE Rest[0x158 - 0x3C]; } perf;
    NTSTATUS s = NtQuerySystemInformation(SystemBasicInformation_, &basic, sizeof(basic), NULL);
    if (NT_SUCCESS(s))
        s = NtQuerySystemInformation(SystemPerformanceInformation_, &perf, sizeof(perf), NULL);
    if (!NT_SUCCESS(s)) return BaseFail(s);
    BYTE *list = BaseQueryProcesses();
    if (list == NULL) return FALSE;
    DWORD processes = 0, threads = 0, handles = 0;
    for (BYTE *at = list;; ) {
        processes++;
        threads += *(ULONG *)(at + 4);                  /* NumberOfThreads */
        handles += *(ULONG *)(at + 0x60);               /* HandleCount */
        if (!*(ULONG *)at) break;
        at += *(ULONG *)at;
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, list);
    memset(info, 0, sizeof(*info));
    info->cb = sizeof(*info);
    info->CommitTotal = perf.CommittedPages;
    info->CommitLimit = perf.CommitLimit;
    info->CommitPeak = perf.PeakCommitment;
    info->PhysicalTotal = basic.NumberOfPhysicalPages;
    info->PhysicalAvailable = perf.AvailablePages;
    info->PageSize = basic.PageSize;
    info->HandleCount = handles;
    info->ProcessCount = processes;
    info->ThreadCount = threads;
    return TRUE;
}

KBAPI BOOL WINAPI GetProcessWorkingSetSizeEx(HANDLE process, PSIZE_T minimum, PSIZE_T maximum, PDWORD flags)
{
    QUOTA_LIMITS_EX_ q;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessQuotaLimits_, &q, sizeof(q), NULL);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    *minimum = q.MinimumWorkingSetSize;
    *maximum = q.MaximumWorkingSetSize;
    *flags = q.Flags;
    return TRUE;
}

KBAPI BOOL WINAPI GetProcessWorkingSetSize(HANDLE process, PSIZE_T minimum, PSIZE_T maximum)
{
    DWORD flags;
    return GetProcessWorkingSetSizeEx(process, minimum, maximum, &flags);
}

KBAPI BOOL WINAPI SetProcessWorkingSetSizeEx(HANDLE process, SIZE_T minimum, SIZE_T maximum, DWORD flags)
{
    QUOTA_LIMITS_EX_ q;
    memset(&q, 0, sizeof(q));
    q.MinimumWorkingSetSize = minimum;
    q.MaximumWorkingSetSize = maximum;
    q.Flags = flags;
    /* Both 0: not a trim and not a size (the documented ERROR_INVALID_PARAMETER). */
    if (minimum == 0 && maximum == 0) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    NTSTATUS status = NtSetInformationProcess(process, ProcessQuotaLimits_, &q, sizeof(q));
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI SetProcessWorkingSetSize(HANDLE process, SIZE_T minimum, SIZE_T maximum)
{
    return SetProcessWorkingSetSizeEx(process, minimum, maximum, 0);
}

KBAPI BOOL WINAPI K32EmptyWorkingSet(HANDLE process)
{
    return SetProcessWorkingSetSize(process, (SIZE_T)-1, (SIZE_T)-1);
}

KBAPI BOOL WINAPI K32QueryWorkingSet(HANDLE process, PVOID buffer, DWORD cb)
{
    NTSTATUS status = NtQueryVirtualMemory(process, NULL, MemoryWorkingSetInformation_, buffer, cb, NULL);
    if (status == STATUS_INFO_LENGTH_MISMATCH_) { SetLastError(ERROR_BAD_LENGTH); return FALSE; }
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI K32QueryWorkingSetEx(HANDLE process, PVOID buffer, DWORD cb)
{
    NTSTATUS status = NtQueryVirtualMemory(process, NULL, MemoryWorkingSetExInformation_, buffer, cb, NULL);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

/* The NT path (\Device\HarddiskVolume1\...) of the file mapped at `address`, truncated to fit. */
KBAPI DWORD WINAPI K32GetMappedFileNameW(HANDLE process, LPVOID address, LPWSTR name, DWORD size)
{
    BYTE buffer[sizeof(UNICODE_STRING) + (MAX_PATH + 1) * 2 * 2];
    if (size == 0) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    NTSTATUS status = NtQueryVirtualMemory(process, address, MemoryMappedFilenameInformation_, buffer,
                                           sizeof(buffer), NULL);
    if (!NT_SUCCESS(status)) { BaseSetLastNTError(status); return 0; }
    UNICODE_STRING *s = (UNICODE_STRING *)buffer;
    DWORD len = s->Length / 2, n = len < size - 1 ? len : size - 1;
    memcpy(name, s->Buffer, n * 2);
    name[n] = 0;
    if (n < len) SetLastError(ERROR_INSUFFICIENT_BUFFER);
    return n;
}

KBAPI DWORD WINAPI K32GetMappedFileNameA(HANDLE process, LPVOID address, LPSTR name, DWORD size)
{
    WCHAR wide[MAX_PATH * 2 + 1];
    if (size == 0) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    DWORD len = K32GetMappedFileNameW(process, address, wide, sizeof(wide) / 2);
    if (len == 0) return 0;
    int n = WideCharToMultiByte(CP_ACP, 0, wide, (int)len, name, (int)size - 1, NULL, NULL);
    if (n == 0 && len) { n = (int)size - 1; WideCharToMultiByte(CP_ACP, 0, wide, n, name, n, NULL, NULL); }
    name[n] = 0;
    return (DWORD)n;
}

/* No paging file is configured (the commit limit is the physical pages): nothing to enumerate. */
KBAPI BOOL WINAPI K32EnumPageFilesW(PENUM_PAGE_FILE_CALLBACKW callback, LPVOID context)
{
    (void)callback; (void)context;
    return TRUE;
}

KBAPI BOOL WINAPI K32EnumPageFilesA(PENUM_PAGE_FILE_CALLBACKA callback, LPVOID context)
{
    (void)callback; (void)context;
    return TRUE;
}
