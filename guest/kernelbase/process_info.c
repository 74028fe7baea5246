/* Family 7 (process and thread information): the counters a runtime reads about itself.
 * GetSystemTimes and K32EnumProcesses from NtQuerySystemInformation(SystemProcessInformation)
 * (the Idle process's time is the idle time; kernel time includes it, as Windows counts it),
 * GetProcessHandleCount (ProcessHandleCount), GetProcessVersion (the image's subsystem version),
 * Get/SetThreadPriorityBoost (ThreadPriorityBoost), GetCurrentThreadStackLimits (the TEB),
 * QueryUnbiasedInterruptTime (KUSER_SHARED_DATA) and GetPhysicallyInstalledSystemMemory. */
#include "kernelbase.h"

#define SystemProcessInformation_ 5
#define ProcessBasicInformation_ 0
#define ProcessHandleCount_ 20
#define ThreadPriorityBoost_ 14
#define STATUS_INFO_LENGTH_MISMATCH_ ((NTSTATUS)0xC0000004)
#define KUSER(type, offset) (*(volatile type *)(ULONG_PTR)(0x7FFE0000 + (offset)))
#define KUSER_INTERRUPT_TIME 0x08
#define KUSER_INTERRUPT_TIME_BIAS 0x3B0

NTDLL NTSTATUS NTAPI NtQuerySystemInformation(ULONG, PVOID, ULONG, ULONG *);

typedef struct {                            /* SYSTEM_PROCESS_INFORMATION's head, x64 */
    ULONG NextEntryOffset, NumberOfThreads;
    LARGE_INTEGER Reserved[3], CreateTime, UserTime, KernelTime;
    UNICODE_STRING ImageName;
    LONG BasePriority;
    HANDLE UniqueProcessId, InheritedFromUniqueProcessId;
} SPI_HEAD;

KBAPI BOOL WINAPI GetSystemTimes(PFILETIME idle, PFILETIME kernel, PFILETIME user)
{
    BYTE *list = BaseQueryProcesses();
    if (list == NULL)
        return FALSE;
    ULONGLONG idle_time = 0, kernel_time = 0, user_time = 0;
    for (BYTE *at = list;; ) {
        SPI_HEAD *p = (SPI_HEAD *)at;
        if (p->UniqueProcessId == 0)
            idle_time += p->KernelTime.QuadPart;
        kernel_time += p->KernelTime.QuadPart;
        user_time += p->UserTime.QuadPart;
        if (!p->NextEntryOffset) break;
        at += p->NextEntryOffset;
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, list);
    if (idle) { idle->dwLowDateTime = (DWORD)idle_time; idle->dwHighDateTime = (DWORD)(idle_time >> 32); }
    if (kernel) { kernel->dwLowDateTime = (DWORD)kernel_time; kernel->dwHighDateTime = (DWORD)(kernel_time >> 32); }
    if (user) { user->dwLowDateTime = (DWORD)user_time; user->dwHighDateTime = (DWORD)(user_time >> 32); }
    return TRUE;
}

/* K32EnumProcesses: the ids that fit in cb bytes; *returned the bytes written. */
KBAPI BOOL WINAPI K32EnumProcesses(DWORD *ids, DWORD cb, DWORD *returned)
{
    BYTE *list = BaseQueryProcesses();
    if (list == NULL)
        return FALSE;
    DWORD n = 0, capacity = cb / sizeof(DWORD);
    for (BYTE *at = list;; ) {
        SPI_HEAD *p = (SPI_HEAD *)at;
        if (n < capacity)
            ids[n++] = (DWORD)(ULONG_PTR)p->UniqueProcessId;
        if (!p->NextEntryOffset) break;
        at += p->NextEntryOffset;
    }
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, list);
    *returned = n * sizeof(DWORD);
    return TRUE;
}

KBAPI BOOL WINAPI GetProcessHandleCount(HANDLE process, PDWORD count)
{
    ULONG value = 0;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessHandleCount_, &value, sizeof(value), NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    *count = value;
    return TRUE;
}

/* GetProcessVersion: the Windows version the image was built for, MajorSubsystemVersion in the
 * high word; 0 (with the last error) for a process that cannot be opened or read. */
KBAPI DWORD WINAPI GetProcessVersion(DWORD pid)
{
    BYTE *base = NULL;
    HANDLE process = NULL;
    if (pid == 0 || pid == GetCurrentProcessId()) {
        base = PEB_IMAGE_BASE();
    } else {
        process = OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, FALSE, pid);
        if (process == NULL)
            return 0;
        struct { NTSTATUS ExitStatus; BYTE *Peb; ULONG_PTR Affinity, Priority, Pid, Parent; } pbi;
        NTSTATUS status = NtQueryInformationProcess(process, ProcessBasicInformation_, &pbi, sizeof(pbi), NULL);
        if (!NT_SUCCESS(status)) { CloseHandle(process); BaseSetLastNTError(status); return 0; }
        if (!ReadProcessMemory(process, pbi.Peb + 0x10, &base, sizeof(base), NULL)) { CloseHandle(process); return 0; }
    }
    IMAGE_DOS_HEADER dos;
    IMAGE_NT_HEADERS64 nt;
    BOOL ok;
    if (process == NULL) {
        dos = *(IMAGE_DOS_HEADER *)base;
        nt = *(IMAGE_NT_HEADERS64 *)(base + dos.e_lfanew);
        ok = TRUE;
    } else {
        ok = ReadProcessMemory(process, base, &dos, sizeof(dos), NULL) &&
             ReadProcessMemory(process, base + dos.e_lfanew, &nt, sizeof(nt), NULL);
        DWORD error = GetLastError();
        CloseHandle(process);
        SetLastError(error);
    }
    if (!ok)
        return 0;
    return ((DWORD)nt.OptionalHeader.MajorSubsystemVersion << 16) | nt.OptionalHeader.MinorSubsystemVersion;
}

KBAPI BOOL WINAPI GetThreadPriorityBoost(HANDLE thread, PBOOL disabled)
{
    ULONG value = 0;
    NTSTATUS status = NtQueryInformationThread(thread, ThreadPriorityBoost_, &value, sizeof(value), NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    *disabled = value != 0;
    return TRUE;
}

KBAPI BOOL WINAPI SetThreadPriorityBoost(HANDLE thread, BOOL disable)
{
    ULONG value = disable ? 1 : 0;
    NTSTATUS status = NtSetInformationThread(thread, ThreadPriorityBoost_, &value, sizeof(value));
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

/* The whole reservation of the stack: TEB.DeallocationStack up to NT_TIB.StackBase. */
KBAPI VOID WINAPI GetCurrentThreadStackLimits(PULONG_PTR low, PULONG_PTR high)
{
    BYTE *teb = TEB_();
    *low = *(ULONG_PTR *)(teb + 0x1478);
    *high = *(ULONG_PTR *)(teb + 0x08);
}

/* The interrupt time less the time spent asleep (none here: the bias stays zero), in 100 ns. */
KBAPI BOOL WINAPI QueryUnbiasedInterruptTime(PULONGLONG time)
{
    if (time == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    volatile ULONG *t = &KUSER(ULONG, KUSER_INTERRUPT_TIME);
    ULONG low, high;
    do {                                        /* KSYSTEM_TIME: High1Time, LowPart, then High2Time */
        high = t[1];
        low = t[0];
    } while (high != t[2]);
    *time = (((ULONGLONG)high << 32) | low) - KUSER(ULONGLONG, KUSER_INTERRUPT_TIME_BIAS);
    return TRUE;
}

/* The memory installed, in KB: every page the memory manager has (there is no firmware reserve). */
KBAPI BOOL WINAPI GetPhysicallyInstalledSystemMemory(PULONGLONG kilobytes)
{
    if (kilobytes == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    MEMORYSTATUSEX ms;
    ms.dwLength = sizeof(ms);
    if (!GlobalMemoryStatusEx(&ms))
        return FALSE;
    *kilobytes = ms.ullTotalPhys / 1024;
    return TRUE;
}
