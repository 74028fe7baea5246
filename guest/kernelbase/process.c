/* Family 7 (the process half): the current process and thread, ExitProcess (ntdll's detach
 * sequence), TerminateProcess, GetExitCodeProcess, GetStartupInfoA/W from the process
 * parameters, priority class and affinity. */
#include "kernelbase.h"

#define ProcessBasicInformation 0
#define ProcessPriorityClass 18
#define ProcessAffinityMask 21

typedef struct {
    NTSTATUS ExitStatus; PVOID PebBaseAddress; ULONG_PTR AffinityMask; LONG BasePriority;
    ULONG_PTR UniqueProcessId, InheritedFromUniqueProcessId;
} PROCESS_BASIC_INFORMATION_;

KBAPI HANDLE WINAPI GetCurrentProcess(void) { return (HANDLE)(LONG_PTR)-1; }
KBAPI HANDLE WINAPI GetCurrentThread(void) { return (HANDLE)(LONG_PTR)-2; }
KBAPI DWORD WINAPI GetCurrentProcessId(void) { return (DWORD)(ULONG_PTR)((CLIENT_ID *)(TEB_() + TEB_CLIENT_ID))->UniqueProcess; }
KBAPI DWORD WINAPI GetCurrentThreadId(void) { return (DWORD)(ULONG_PTR)((CLIENT_ID *)(TEB_() + TEB_CLIENT_ID))->UniqueThread; }

KBAPI __attribute__((noreturn)) void WINAPI ExitProcess(UINT code)
{
    RtlExitUserProcess((NTSTATUS)code);
}

KBAPI BOOL WINAPI TerminateProcess(HANDLE process, UINT code)
{
    if (process == NULL) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    NTSTATUS status = NtTerminateProcess(process, (NTSTATUS)code);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI GetExitCodeProcess(HANDLE process, LPDWORD code)
{
    PROCESS_BASIC_INFORMATION_ info;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessBasicInformation, &info, sizeof(info), NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    *code = (DWORD)info.ExitStatus;
    return TRUE;
}

KBAPI DWORD WINAPI GetProcessId(HANDLE process)
{
    PROCESS_BASIC_INFORMATION_ info;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessBasicInformation, &info, sizeof(info), NULL);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return 0;
    }
    return (DWORD)info.UniqueProcessId;
}

KBAPI BOOL WINAPI GetProcessAffinityMask(HANDLE process, PDWORD_PTR process_mask, PDWORD_PTR system_mask)
{
    PROCESS_BASIC_INFORMATION_ info;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessBasicInformation, &info, sizeof(info), NULL);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    *process_mask = info.AffinityMask;
    *system_mask = si.dwActiveProcessorMask;
    return TRUE;
}

KBAPI BOOL WINAPI SetProcessAffinityMask(HANDLE process, DWORD_PTR mask)
{
    KAFFINITY affinity = mask;
    NTSTATUS status = NtSetInformationProcess(process, ProcessAffinityMask, &affinity, sizeof(affinity));
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

static void FillStartupInfo(STARTUPINFOW *si)
{
    memset(si, 0, sizeof(*si));
    si->cb = sizeof(*si);
    si->lpDesktop = ((UNICODE_STRING *)(PEB_PROCESS_PARAMETERS() + PP_DESKTOP_INFO))->Buffer;
    si->lpTitle = ((UNICODE_STRING *)(PEB_PROCESS_PARAMETERS() + PP_WINDOW_TITLE))->Buffer;
    si->dwX = PP_FIELD(DWORD, 0x88);            /* StartingX, StartingY, CountX, CountY, ... */
    si->dwY = PP_FIELD(DWORD, 0x8C);
    si->dwXSize = PP_FIELD(DWORD, 0x90);
    si->dwYSize = PP_FIELD(DWORD, 0x94);
    si->dwXCountChars = PP_FIELD(DWORD, 0x98);
    si->dwYCountChars = PP_FIELD(DWORD, 0x9C);
    si->dwFillAttribute = PP_FIELD(DWORD, 0xA0);
    si->dwFlags = PP_FIELD(DWORD, 0xA4);
    si->wShowWindow = (WORD)PP_FIELD(DWORD, 0xA8);
    const UNICODE_STRING *shell = (UNICODE_STRING *)(PEB_PROCESS_PARAMETERS() + 0xD0);
    const UNICODE_STRING *runtime = (UNICODE_STRING *)(PEB_PROCESS_PARAMETERS() + 0xE0);
    si->lpReserved = shell->Length ? shell->Buffer : NULL;
    si->cbReserved2 = runtime->Length;          /* what the creator gave as lpReserved2 (the C runtime's) */
    si->lpReserved2 = runtime->Length ? (LPBYTE)runtime->Buffer : NULL;
    if (si->dwFlags & (STARTF_USESTDHANDLES | STARTF_USEHOTKEY)) {
        si->hStdInput = PP_FIELD(HANDLE, PP_STDIN);
        si->hStdOutput = PP_FIELD(HANDLE, PP_STDOUT);
        si->hStdError = PP_FIELD(HANDLE, PP_STDERR);
    }
}

KBAPI VOID WINAPI GetStartupInfoW(LPSTARTUPINFOW si)
{
    FillStartupInfo(si);
}

static char *BaseDesktopA, *BaseTitleA;

static char *Ansi(const WCHAR *w)
{
    int n = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
    char *a = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, (SIZE_T)n);
    if (a) WideCharToMultiByte(CP_ACP, 0, w, -1, a, n, NULL, NULL);
    return a;
}

KBAPI VOID WINAPI GetStartupInfoA(LPSTARTUPINFOA si)
{
    STARTUPINFOW w;
    FillStartupInfo(&w);
    if (BaseDesktopA == NULL) BaseDesktopA = Ansi(w.lpDesktop);
    if (BaseTitleA == NULL) BaseTitleA = Ansi(w.lpTitle);
    memcpy(si, &w, sizeof(*si));                /* the same layout, but for the two strings */
    si->lpReserved = NULL;
    si->lpDesktop = BaseDesktopA;
    si->lpTitle = BaseTitleA;
}

/* PROCESS_PRIORITY_CLASS.PriorityClass values and the Win32 classes they stand for. */
static const DWORD BasePriorityClasses[] = {0, IDLE_PRIORITY_CLASS, NORMAL_PRIORITY_CLASS, HIGH_PRIORITY_CLASS,
                                            REALTIME_PRIORITY_CLASS, BELOW_NORMAL_PRIORITY_CLASS,
                                            ABOVE_NORMAL_PRIORITY_CLASS};

KBAPI DWORD WINAPI GetPriorityClass(HANDLE process)
{
    struct { BOOLEAN Foreground; UCHAR PriorityClass; } pc = {0, 0};
    NTSTATUS status = NtQueryInformationProcess(process, ProcessPriorityClass, &pc, sizeof(pc), NULL);
    if (NT_SUCCESS(status) && pc.PriorityClass < 7 && pc.PriorityClass)
        return BasePriorityClasses[pc.PriorityClass];
    PROCESS_BASIC_INFORMATION_ info;            /* fall back on the base priority */
    status = NtQueryInformationProcess(process, ProcessBasicInformation, &info, sizeof(info), NULL);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return 0;
    }
    switch (info.BasePriority) {
    case 4: return IDLE_PRIORITY_CLASS;
    case 6: return BELOW_NORMAL_PRIORITY_CLASS;
    case 10: return ABOVE_NORMAL_PRIORITY_CLASS;
    case 13: return HIGH_PRIORITY_CLASS;
    case 24: return REALTIME_PRIORITY_CLASS;
    default: return NORMAL_PRIORITY_CLASS;
    }
}

KBAPI BOOL WINAPI SetPriorityClass(HANDLE process, DWORD cls)
{
    struct { BOOLEAN Foreground; UCHAR PriorityClass; } pc = {0, 0};
    for (UCHAR i = 1; i < 7; i++)
        if (BasePriorityClasses[i] == cls) pc.PriorityClass = i;
    if (pc.PriorityClass == 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    NTSTATUS status = NtSetInformationProcess(process, ProcessPriorityClass, &pc, sizeof(pc));
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI IsWow64Process(HANDLE process, PBOOL wow64)
{
    (void)process;
    *wow64 = FALSE;                             /* a 64-bit process on a 64-bit system */
    return TRUE;
}
