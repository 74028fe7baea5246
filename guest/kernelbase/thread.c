/* Family 6 (threads): CreateThread over NtCreateThreadEx (suspended, stack commit or
 * reservation), ExitThread, GetExitCodeThread, Suspend/ResumeThread, priorities and affinity,
 * GetThreadId, SwitchToThread, Sleep/SleepEx (GetThreadTimes is in handle.c). */
#include "kernelbase.h"

#define THREAD_CREATE_FLAGS_CREATE_SUSPENDED 1
#define ThreadBasicInformation 0
#define ThreadBasePriority 3
#define ThreadAffinityMask 4
#define ThreadIdealProcessor 13
#define THREAD_BASE_PRIORITY_LOWRT 15
#define THREAD_BASE_PRIORITY_IDLE (-15)

typedef struct {
    NTSTATUS ExitStatus; PVOID TebBaseAddress; CLIENT_ID ClientId; ULONG_PTR AffinityMask;
    LONG Priority, BasePriority;
} THREAD_BASIC_INFORMATION_;

static BOOL QueryThread(HANDLE thread, THREAD_BASIC_INFORMATION_ *info)
{
    NTSTATUS status = NtQueryInformationThread(thread, ThreadBasicInformation, info, sizeof(*info), NULL);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI HANDLE WINAPI CreateRemoteThreadEx(HANDLE process, LPSECURITY_ATTRIBUTES sa, SIZE_T stack,
                                         LPTHREAD_START_ROUTINE start, LPVOID param, DWORD flags,
                                         LPPROC_THREAD_ATTRIBUTE_LIST attributes, LPDWORD tid)
{
    (void)attributes;
    HANDLE h = NULL;
    SIZE_T commit = stack, reserve = 0;
    if (flags & STACK_SIZE_PARAM_IS_A_RESERVATION) {
        commit = 0;
        reserve = stack;
    }
    OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, NULL, (sa && sa->bInheritHandle) ? OBJ_INHERIT : 0,
                            sa ? sa->lpSecurityDescriptor : NULL, NULL};
    NTSTATUS status = NtCreateThreadEx(&h, THREAD_ALL_ACCESS, &oa, process, (PVOID)start, param,
                                       (flags & CREATE_SUSPENDED) ? THREAD_CREATE_FLAGS_CREATE_SUSPENDED : 0,
                                       0, commit, reserve, NULL);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    if (tid) {
        THREAD_BASIC_INFORMATION_ info;
        *tid = QueryThread(h, &info) ? (DWORD)(ULONG_PTR)info.ClientId.UniqueThread : 0;
    }
    return h;
}

KBAPI HANDLE WINAPI CreateRemoteThread(HANDLE process, LPSECURITY_ATTRIBUTES sa, SIZE_T stack,
                                       LPTHREAD_START_ROUTINE start, LPVOID param, DWORD flags, LPDWORD tid)
{
    return CreateRemoteThreadEx(process, sa, stack, start, param, flags, NULL, tid);
}

KBAPI HANDLE WINAPI CreateThread(LPSECURITY_ATTRIBUTES sa, SIZE_T stack, LPTHREAD_START_ROUTINE start,
                                 LPVOID param, DWORD flags, LPDWORD tid)
{
    return CreateRemoteThreadEx(GetCurrentProcess(), sa, stack, start, param, flags, NULL, tid);
}

KBAPI __attribute__((noreturn)) void WINAPI ExitThread(DWORD code)
{
    RtlExitUserThread((NTSTATUS)code);
}

KBAPI BOOL WINAPI TerminateThread(HANDLE thread, DWORD code)
{
    if (thread == NULL) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    NTSTATUS status = NtTerminateThread(thread, (NTSTATUS)code);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI GetExitCodeThread(HANDLE thread, LPDWORD code)
{
    THREAD_BASIC_INFORMATION_ info;
    if (!QueryThread(thread, &info))
        return FALSE;
    *code = (DWORD)info.ExitStatus;
    return TRUE;
}

KBAPI DWORD WINAPI GetThreadId(HANDLE thread)
{
    THREAD_BASIC_INFORMATION_ info;
    return QueryThread(thread, &info) ? (DWORD)(ULONG_PTR)info.ClientId.UniqueThread : 0;
}

KBAPI DWORD WINAPI GetProcessIdOfThread(HANDLE thread)
{
    THREAD_BASIC_INFORMATION_ info;
    return QueryThread(thread, &info) ? (DWORD)(ULONG_PTR)info.ClientId.UniqueProcess : 0;
}

KBAPI DWORD WINAPI SuspendThread(HANDLE thread)
{
    ULONG previous = 0;
    NTSTATUS status = NtSuspendThread(thread, &previous);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return (DWORD)-1;
    }
    return previous;
}

KBAPI DWORD WINAPI ResumeThread(HANDLE thread)
{
    ULONG previous = 0;
    NTSTATUS status = NtResumeThread(thread, &previous);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return (DWORD)-1;
    }
    return previous;
}

/* The Win32 priority is the base priority's distance from the process's; the ends of the class
 * (1 and 15, or 16 and 31) read as IDLE and TIME_CRITICAL. */
KBAPI int WINAPI GetThreadPriority(HANDLE thread)
{
    THREAD_BASIC_INFORMATION_ info;
    if (!QueryThread(thread, &info))
        return THREAD_PRIORITY_ERROR_RETURN;
    struct { NTSTATUS ExitStatus; PVOID Peb; ULONG_PTR Affinity; LONG BasePriority; ULONG_PTR Pid, Parent; } pbi;
    if (!NT_SUCCESS(NtQueryInformationProcess(GetCurrentProcess(), 0, &pbi, sizeof(pbi), NULL)))
        pbi.BasePriority = 8;
    LONG lo = pbi.BasePriority >= 16 ? 16 : 1, hi = pbi.BasePriority >= 16 ? 31 : 15;
    if (info.BasePriority == hi && hi - pbi.BasePriority > 2) return THREAD_PRIORITY_TIME_CRITICAL;
    if (info.BasePriority == lo && pbi.BasePriority - lo > 2) return THREAD_PRIORITY_IDLE;
    return info.BasePriority - pbi.BasePriority;
}

KBAPI BOOL WINAPI SetThreadPriority(HANDLE thread, int priority)
{
    LONG value = priority;
    if (priority == THREAD_PRIORITY_TIME_CRITICAL) value = THREAD_BASE_PRIORITY_LOWRT;
    else if (priority == THREAD_PRIORITY_IDLE) value = THREAD_BASE_PRIORITY_IDLE;
    else if (priority < -2 || priority > 2) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    NTSTATUS status = NtSetInformationThread(thread, ThreadBasePriority, &value, sizeof(value));
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI DWORD_PTR WINAPI SetThreadAffinityMask(HANDLE thread, DWORD_PTR mask)
{
    THREAD_BASIC_INFORMATION_ info;
    if (!QueryThread(thread, &info))
        return 0;
    KAFFINITY affinity = mask;
    NTSTATUS status = NtSetInformationThread(thread, ThreadAffinityMask, &affinity, sizeof(affinity));
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return 0;
    }
    return info.AffinityMask;
}

KBAPI DWORD WINAPI SetThreadIdealProcessor(HANDLE thread, DWORD number)
{
    NTSTATUS status = NtSetInformationThread(thread, ThreadIdealProcessor, &number, sizeof(number));
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return (DWORD)-1;
    }
    return (DWORD)status;                       /* the service returns the previous one */
}

KBAPI DWORD WINAPI GetCurrentProcessorNumber(void)
{
    return NtGetCurrentProcessorNumber();
}

#define STATUS_NO_YIELD_PERFORMED ((NTSTATUS)0x40000024)
#define STATUS_ALERTED ((NTSTATUS)0x00000101)

KBAPI BOOL WINAPI SwitchToThread(void)
{
    return NtYieldExecution() != STATUS_NO_YIELD_PERFORMED;
}

KBAPI DWORD WINAPI SleepEx(DWORD ms, BOOL alertable)
{
    LARGE_INTEGER interval, *timeout = BaseFormatTimeOut(&interval, ms);
    LARGE_INTEGER forever = {.QuadPart = (LONGLONG)0x8000000000000000ull};
    NTSTATUS status;
    do {
        status = NtDelayExecution((BOOLEAN)alertable, timeout ? timeout : &forever);
    } while (alertable && status == STATUS_ALERTED);
    return status == STATUS_USER_APC ? WAIT_IO_COMPLETION : 0;
}

KBAPI VOID WINAPI Sleep(DWORD ms)
{
    SleepEx(ms, FALSE);
}
