/* Family 8 (job objects): CreateJobObject and OpenJobObject A/W (names in the session's
 * BaseNamedObjects like every named object, named.c; ERROR_ALREADY_EXISTS when it was there),
 * AssignProcessToJobObject, IsProcessInJob, TerminateJobObject, QueryInformationJobObject and
 * SetInformationJobObject over the Nt*JobObject services. The executive keeps a job's priority
 * class as a PROCESS_PRIORITY_CLASS value; these two translate it to and from the Win32 class
 * (an unknown Win32 class reaches the executive as 0: ERROR_INVALID_PARAMETER). A wrong size is
 * ERROR_BAD_LENGTH, a process id list too short for every id ERROR_MORE_DATA. */
#include "kernelbase.h"
#include "named.h"

NTDLL NTSTATUS NTAPI NtCreateJobObject(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTDLL NTSTATUS NTAPI NtOpenJobObject(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *);
NTDLL NTSTATUS NTAPI NtAssignProcessToJobObject(HANDLE, HANDLE);
NTDLL NTSTATUS NTAPI NtIsProcessInJob(HANDLE, HANDLE);
NTDLL NTSTATUS NTAPI NtTerminateJobObject(HANDLE, NTSTATUS);
NTDLL NTSTATUS NTAPI NtQueryInformationJobObject(HANDLE, JOBOBJECTINFOCLASS, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtSetInformationJobObject(HANDLE, JOBOBJECTINFOCLASS, PVOID, ULONG);

#define STATUS_OBJECT_NAME_EXISTS_ ((NTSTATUS)0x40000000)
#define STATUS_PROCESS_NOT_IN_JOB_ ((NTSTATUS)0x00000123)
#define STATUS_PROCESS_IN_JOB_ ((NTSTATUS)0x00000124)

KBAPI HANDLE WINAPI CreateJobObjectW(LPSECURITY_ATTRIBUTES sa, LPCWSTR name)
{
    BASE_NAMED n;
    HANDLE h = NULL;
    OBJECT_ATTRIBUTES *oa = BaseFormatObjectAttributes(&n, sa, name, OBJ_OPENIF);
    if (!oa)
        return NULL;
    NTSTATUS status = NtCreateJobObject(&h, JOB_OBJECT_ALL_ACCESS, oa);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    SetLastError(status == STATUS_OBJECT_NAME_EXISTS_ ? ERROR_ALREADY_EXISTS : NO_ERROR);
    return h;
}

KBAPI HANDLE WINAPI CreateJobObjectA(LPSECURITY_ATTRIBUTES sa, LPCSTR name)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    return BaseWideObjectName(name, buffer, &wide) ? CreateJobObjectW(sa, wide) : NULL;
}

KBAPI HANDLE WINAPI OpenJobObjectW(DWORD access, BOOL inherit, LPCWSTR name)
{
    return BaseOpenNamedObject(NtOpenJobObject, access, inherit, name);
}

KBAPI HANDLE WINAPI OpenJobObjectA(DWORD access, BOOL inherit, LPCSTR name)
{
    WCHAR buffer[MAX_PATH + 1];
    LPCWSTR wide;
    if (!BaseWideObjectName(name, buffer, &wide))
        return NULL;
    return BaseOpenNamedObject(NtOpenJobObject, access, inherit, wide);
}

KBAPI BOOL WINAPI AssignProcessToJobObject(HANDLE job, HANDLE process)
{
    NTSTATUS status = NtAssignProcessToJobObject(job, process);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI IsProcessInJob(HANDLE process, HANDLE job, PBOOL result)
{
    NTSTATUS status = NtIsProcessInJob(process, job);
    if (status == STATUS_PROCESS_IN_JOB_ || status == STATUS_PROCESS_NOT_IN_JOB_) {
        *result = status == STATUS_PROCESS_IN_JOB_;
        return TRUE;
    }
    return BaseFail(status);
}

KBAPI BOOL WINAPI TerminateJobObject(HANDLE job, UINT code)
{
    NTSTATUS status = NtTerminateJobObject(job, (NTSTATUS)code);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

/* PROCESS_PRIORITY_CLASS values 1-6 and the Win32 classes they stand for. */
static const DWORD JobPriorityClasses[] = {0, IDLE_PRIORITY_CLASS, NORMAL_PRIORITY_CLASS, HIGH_PRIORITY_CLASS,
                                           REALTIME_PRIORITY_CLASS, BELOW_NORMAL_PRIORITY_CLASS,
                                           ABOVE_NORMAL_PRIORITY_CLASS};

static BOOL HasLimits(JOBOBJECTINFOCLASS cls, DWORD length)
{
    return (cls == JobObjectBasicLimitInformation && length == sizeof(JOBOBJECT_BASIC_LIMIT_INFORMATION))
        || (cls == JobObjectExtendedLimitInformation && length == sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION));
}

KBAPI BOOL WINAPI QueryInformationJobObject(HANDLE job, JOBOBJECTINFOCLASS cls, LPVOID info, DWORD length,
                                            LPDWORD returned)
{
    ULONG written = 0;
    NTSTATUS status = NtQueryInformationJobObject(job, cls, info, length, &written);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    if (HasLimits(cls, length)) {
        JOBOBJECT_BASIC_LIMIT_INFORMATION *basic = info;
        if (basic->LimitFlags & JOB_OBJECT_LIMIT_PRIORITY_CLASS && basic->PriorityClass < 7)
            basic->PriorityClass = JobPriorityClasses[basic->PriorityClass];
    }
    if (returned)
        *returned = written;
    return TRUE;
}

KBAPI BOOL WINAPI SetInformationJobObject(HANDLE job, JOBOBJECTINFOCLASS cls, LPVOID info, DWORD length)
{
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION copy;
    if (HasLimits(cls, length)) {
        memcpy(&copy, info, length);
        if (copy.BasicLimitInformation.LimitFlags & JOB_OBJECT_LIMIT_PRIORITY_CLASS) {
            DWORD win32 = copy.BasicLimitInformation.PriorityClass;
            copy.BasicLimitInformation.PriorityClass = 0;
            for (DWORD i = 1; i < 7; i++)
                if (JobPriorityClasses[i] == win32) copy.BasicLimitInformation.PriorityClass = i;
        }
        info = &copy;
    }
    NTSTATUS status = NtSetInformationJobObject(job, cls, info, length);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}
