/* Job objects through kernel32, in one process: a named job (created, opened, created again),
 * the current process assigned to it (IsProcessInJob before and after), the completion port's
 * NEW_PROCESS, limits set and queried back (and applied: the priority class), the documented
 * errors for wrong sizes, flags and rights, accounting that grows as the process runs,
 * JOB_MEMORY and PROCESS_MEMORY limits that make VirtualAlloc fail, nested jobs; at the end
 * TerminateJobObject ends the process with 42. Exit code: failed checks when any, else 42. */
#include "../k32.h"

static const WCHAR JobName[] = L"ntmini-job-basic";

static void Expect(HANDLE port, DWORD message, ULONG_PTR key, ULONG_PTR pid, const char *what)
{
    DWORD got = 0;
    ULONG_PTR k = 0;
    LPOVERLAPPED ov = NULL;
    BOOL ok = GetQueuedCompletionStatus(port, &got, &k, &ov, 0);
    Check(ok && got == message && k == key && (ULONG_PTR)ov == pid, what);
    if (!ok || got != message) {
        Print("     message ");
        PrintNum(ok ? got : 0xFFFFFFFF, 0);
        Print("\n");
    }
}

static ULONGLONG UserTime(HANDLE job)
{
    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct;
    DWORD ret = 0;
    if (!QueryInformationJobObject(job, JobObjectBasicAccountingInformation, &acct, sizeof(acct), &ret))
        return 0;
    return (ULONGLONG)acct.TotalUserTime.QuadPart;
}

void Entry(void)
{
    BOOL in = TRUE;
    Check(IsProcessInJob(GetCurrentProcess(), NULL, &in) && !in, "IsProcessInJob before: in no job");

    HANDLE job = CreateJobObjectW(NULL, JobName);
    Check(job != NULL && GetLastError() == NO_ERROR, "CreateJobObjectW with a name");
    HANDLE again = CreateJobObjectW(NULL, JobName);
    Check(again != NULL && GetLastError() == ERROR_ALREADY_EXISTS, "the same name again -> ERROR_ALREADY_EXISTS");
    CloseHandle(again);
    HANDLE query = OpenJobObjectW(JOB_OBJECT_QUERY, FALSE, JobName);
    Check(query != NULL, "OpenJobObjectW(JOB_OBJECT_QUERY) by name");
    CheckError(OpenJobObjectA(JOB_OBJECT_QUERY, FALSE, "ntmini-no-such-job") == NULL, ERROR_FILE_NOT_FOUND,
               "OpenJobObjectA of a name not there -> ERROR_FILE_NOT_FOUND");
    CheckError(OpenJobObjectW(JOB_OBJECT_QUERY, FALSE, NULL) == NULL, ERROR_INVALID_PARAMETER,
               "OpenJobObjectW without a name -> ERROR_INVALID_PARAMETER");
    Check(WaitForSingleObject(job, 0) == WAIT_TIMEOUT, "a new job is not signalled");

    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct;
    DWORD ret = 0;
    Check(QueryInformationJobObject(job, JobObjectBasicAccountingInformation, &acct, sizeof(acct), &ret)
          && ret == sizeof(acct) && acct.TotalProcesses == 0 && acct.ActiveProcesses == 0,
          "an empty job's accounting: no processes");

    /* The completion port, then the assignment: NEW_PROCESS with the key and the pid. */
    HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    JOBOBJECT_ASSOCIATE_COMPLETION_PORT assoc = {(PVOID)0x4A0B, port};
    Check(SetInformationJobObject(job, JobObjectAssociateCompletionPortInformation, &assoc, sizeof(assoc)),
          "associate a completion port");
    CheckError(!SetInformationJobObject(job, JobObjectAssociateCompletionPortInformation, &assoc, sizeof(assoc)),
               ERROR_INVALID_PARAMETER, "a second association -> ERROR_INVALID_PARAMETER");
    CheckError(!AssignProcessToJobObject(query, GetCurrentProcess()), ERROR_ACCESS_DENIED,
               "assign through a JOB_OBJECT_QUERY handle -> ERROR_ACCESS_DENIED");
    Check(AssignProcessToJobObject(job, GetCurrentProcess()), "AssignProcessToJobObject(current process)");
    Check(IsProcessInJob(GetCurrentProcess(), job, &in) && in, "IsProcessInJob(job) after: in it");
    Check(IsProcessInJob(GetCurrentProcess(), NULL, &in) && in, "IsProcessInJob(NULL) after: in a job");
    DWORD pid = GetCurrentProcessId();
    Expect(port, JOB_OBJECT_MSG_NEW_PROCESS, 0x4A0B, pid, "the port: JOB_OBJECT_MSG_NEW_PROCESS, key, pid");
    CheckError(!AssignProcessToJobObject(job, GetCurrentProcess()), ERROR_ACCESS_DENIED,
               "assigning it to its own job again -> ERROR_ACCESS_DENIED");

    /* The process id list: the header alone is too short, one entry is enough. */
    struct { DWORD assigned, listed; ULONG_PTR ids[4]; } list;
    CheckError(!QueryInformationJobObject(job, JobObjectBasicProcessIdList, &list, 8, &ret), ERROR_BAD_LENGTH,
               "a process id list of 8 bytes -> ERROR_BAD_LENGTH");
    Check(QueryInformationJobObject(job, JobObjectBasicProcessIdList, &list, 16, &ret) && ret == 16
          && list.assigned == 1 && list.listed == 1 && list.ids[0] == pid, "the process id list: this process");
    Check(QueryInformationJobObject(query, JobObjectBasicAccountingInformation, &acct, sizeof(acct), &ret)
          && acct.TotalProcesses == 1 && acct.ActiveProcesses == 1 && acct.TotalTerminatedProcesses == 0,
          "accounting: one process, active");

    /* Limits set and read back; the priority class holds for the process at once. */
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION ext = {0};
    ext.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_PRIORITY_CLASS | JOB_OBJECT_LIMIT_ACTIVE_PROCESS
        | JOB_OBJECT_LIMIT_PROCESS_TIME | JOB_OBJECT_LIMIT_BREAKAWAY_OK | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
    ext.BasicLimitInformation.PriorityClass = BELOW_NORMAL_PRIORITY_CLASS;
    ext.BasicLimitInformation.ActiveProcessLimit = 3;
    ext.BasicLimitInformation.PerProcessUserTimeLimit.QuadPart = 600000000;     /* a minute */
    Check(SetInformationJobObject(job, JobObjectExtendedLimitInformation, &ext, sizeof(ext)),
          "SetInformationJobObject(ExtendedLimitInformation)");
    Check(GetPriorityClass(GetCurrentProcess()) == BELOW_NORMAL_PRIORITY_CLASS,
          "the job's priority class is the process's now");
    JOBOBJECT_BASIC_LIMIT_INFORMATION basic;
    Check(QueryInformationJobObject(job, JobObjectBasicLimitInformation, &basic, sizeof(basic), &ret)
          && ret == sizeof(basic) && basic.LimitFlags == (JOB_OBJECT_LIMIT_PRIORITY_CLASS
          | JOB_OBJECT_LIMIT_ACTIVE_PROCESS | JOB_OBJECT_LIMIT_PROCESS_TIME)
          && basic.PriorityClass == BELOW_NORMAL_PRIORITY_CLASS && basic.ActiveProcessLimit == 3
          && basic.PerProcessUserTimeLimit.QuadPart == 600000000,
          "the basic limits read back (only the basic flags)");
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION back;
    Check(QueryInformationJobObject(job, JobObjectExtendedLimitInformation, &back, sizeof(back), &ret)
          && ret == sizeof(back) && back.BasicLimitInformation.LimitFlags == ext.BasicLimitInformation.LimitFlags,
          "the extended limits read back (every flag)");
    CheckError(!QueryInformationJobObject(job, JobObjectBasicLimitInformation, &basic, sizeof(basic) - 1, &ret),
               ERROR_BAD_LENGTH, "a basic limit buffer a byte short -> ERROR_BAD_LENGTH");
    CheckError(!SetInformationJobObject(job, JobObjectExtendedLimitInformation, &ext, sizeof(ext) + 8),
               ERROR_BAD_LENGTH, "an extended limit size 8 bytes long -> ERROR_BAD_LENGTH");
    basic.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    CheckError(!SetInformationJobObject(job, JobObjectBasicLimitInformation, &basic, sizeof(basic)),
               ERROR_INVALID_PARAMETER, "an extended flag through the basic class -> ERROR_INVALID_PARAMETER");
    basic.LimitFlags = JOB_OBJECT_LIMIT_JOB_TIME | JOB_OBJECT_LIMIT_PRESERVE_JOB_TIME;
    CheckError(!SetInformationJobObject(job, JobObjectBasicLimitInformation, &basic, sizeof(basic)),
               ERROR_INVALID_PARAMETER, "JOB_TIME with PRESERVE_JOB_TIME -> ERROR_INVALID_PARAMETER");
    basic.LimitFlags = JOB_OBJECT_LIMIT_PRIORITY_CLASS;
    basic.PriorityClass = 0x12345;
    CheckError(!SetInformationJobObject(job, JobObjectBasicLimitInformation, &basic, sizeof(basic)),
               ERROR_INVALID_PARAMETER, "a priority class that is none -> ERROR_INVALID_PARAMETER");
    CheckError(!SetInformationJobObject(query, JobObjectBasicLimitInformation, &basic, sizeof(basic)),
               ERROR_ACCESS_DENIED, "set through a JOB_OBJECT_QUERY handle -> ERROR_ACCESS_DENIED");
    CheckError(!TerminateJobObject(query, 1), ERROR_ACCESS_DENIED,
               "terminate through a JOB_OBJECT_QUERY handle -> ERROR_ACCESS_DENIED");
    JOBOBJECT_END_OF_JOB_TIME_INFORMATION eoj = {JOB_OBJECT_POST_AT_END_OF_JOB};
    Check(SetInformationJobObject(job, JobObjectEndOfJobTimeInformation, &eoj, sizeof(eoj)),
          "EndOfJobTimeAction = JOB_OBJECT_POST_AT_END_OF_JOB");
    eoj.EndOfJobTimeAction = 7;
    CheckError(!SetInformationJobObject(job, JobObjectEndOfJobTimeInformation, &eoj, sizeof(eoj)),
               ERROR_INVALID_PARAMETER, "an EndOfJobTimeAction that is none -> ERROR_INVALID_PARAMETER");
    Check(QueryInformationJobObject(job, JobObjectEndOfJobTimeInformation, &eoj, sizeof(eoj), &ret)
          && eoj.EndOfJobTimeAction == JOB_OBJECT_POST_AT_END_OF_JOB, "and it reads back");

    /* The job's user time grows as the process runs. */
    ULONGLONG before = UserTime(job);
    volatile ULONG spin = 0;
    while (UserTime(job) < before + 3 * 156250)      /* three clock ticks */
        for (int i = 0; i < 100000; i++) spin++;
    JOBOBJECT_BASIC_AND_IO_ACCOUNTING_INFORMATION io;
    Check(QueryInformationJobObject(job, JobObjectBasicAndIoAccountingInformation, &io, sizeof(io), &ret)
          && ret == sizeof(io) && io.BasicInfo.TotalUserTime.QuadPart >= (LONGLONG)(before + 3 * 156250)
          && io.BasicInfo.TotalUserTime.QuadPart % 156250 == 0,
          "TotalUserTime grows as the process spins, in whole ticks");

    /* A JOB_MEMORY limit a little above what the process has committed. */
    Check(QueryInformationJobObject(job, JobObjectExtendedLimitInformation, &back, sizeof(back), &ret)
          && back.PeakJobMemoryUsed > 0 && back.PeakProcessMemoryUsed == back.PeakJobMemoryUsed,
          "peak memory recorded (one process: the job's peak is the process's)");
    ext.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_JOB_MEMORY;
    ext.JobMemoryLimit = back.PeakJobMemoryUsed + 0x80000;
    Check(SetInformationJobObject(job, JobObjectExtendedLimitInformation, &ext, sizeof(ext)),
          "a JOB_MEMORY limit: 512 KB above the peak");
    SetLastError(0);
    CheckError(VirtualAlloc(NULL, 0x100000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE) == NULL,
               ERROR_COMMITMENT_LIMIT, "committing 1 MB past it -> ERROR_COMMITMENT_LIMIT");
    Expect(port, JOB_OBJECT_MSG_JOB_MEMORY_LIMIT, 0x4A0B, pid, "the port: JOB_OBJECT_MSG_JOB_MEMORY_LIMIT, pid");
    void *small = VirtualAlloc(NULL, 0x10000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    Check(small != NULL, "64 KB still fits");
    void *reserved = VirtualAlloc(NULL, 0x1000000, MEM_RESERVE, PAGE_READWRITE);
    Check(reserved != NULL, "reserving 16 MB commits nothing: it fits");
    JOBOBJECT_LIMIT_VIOLATION_INFORMATION violation;
    Check(QueryInformationJobObject(job, JobObjectLimitViolationInformation, &violation, sizeof(violation), &ret)
          && violation.ViolationLimitFlags == JOB_OBJECT_LIMIT_JOB_MEMORY
          && violation.JobMemoryLimit == ext.JobMemoryLimit, "LimitViolationInformation: JOB_MEMORY");
    VirtualFree(small, 0, MEM_RELEASE);
    /* And a PROCESS_MEMORY limit the same way. */
    QueryInformationJobObject(job, JobObjectExtendedLimitInformation, &back, sizeof(back), &ret);
    ext.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_PROCESS_MEMORY;
    ext.ProcessMemoryLimit = back.PeakProcessMemoryUsed + 0x80000;
    Check(SetInformationJobObject(job, JobObjectExtendedLimitInformation, &ext, sizeof(ext)),
          "a PROCESS_MEMORY limit: 512 KB above the peak");
    CheckError(VirtualAlloc(NULL, 0x100000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE) == NULL,
               ERROR_COMMITMENT_LIMIT, "committing 1 MB past it -> ERROR_COMMITMENT_LIMIT");
    Expect(port, JOB_OBJECT_MSG_PROCESS_MEMORY_LIMIT, 0x4A0B, pid,
           "the port: JOB_OBJECT_MSG_PROCESS_MEMORY_LIMIT, pid");
    Check(QueryInformationJobObject(job, JobObjectExtendedLimitInformation, &back, sizeof(back), &ret)
          && back.ProcessMemoryLimit == ext.ProcessMemoryLimit && back.JobMemoryLimit == 0,
          "ProcessMemoryLimit reads back, JobMemoryLimit is gone with its flag");
    ext.BasicLimitInformation.LimitFlags = 0;
    Check(SetInformationJobObject(job, JobObjectExtendedLimitInformation, &ext, sizeof(ext)), "limits cleared");
    Check(VirtualAlloc(NULL, 0x100000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE) != NULL,
          "and 1 MB commits again");

    /* A second, empty job: the process goes into it, which nests it in the first. */
    HANDLE inner = CreateJobObjectW(NULL, NULL);
    Check(AssignProcessToJobObject(inner, GetCurrentProcess()), "assign to an empty second job: nested");
    Check(IsProcessInJob(GetCurrentProcess(), inner, &in) && in, "in the inner job");
    Check(IsProcessInJob(GetCurrentProcess(), job, &in) && in, "and still in the outer one");
    Check(QueryInformationJobObject(inner, JobObjectBasicAccountingInformation, &acct, sizeof(acct), &ret)
          && acct.TotalProcesses == 1 && acct.ActiveProcesses == 1, "the inner job counts it");
    Check(QueryInformationJobObject(job, JobObjectBasicAccountingInformation, &acct, sizeof(acct), &ret)
          && acct.TotalProcesses == 1 && acct.ActiveProcesses == 1, "the outer one still once");
    Check(QueryInformationJobObject(NULL, JobObjectBasicAccountingInformation, &acct, sizeof(acct), &ret)
          && acct.TotalUserTime.QuadPart > 0, "a NULL job handle is the process's own (innermost) job");
    HANDLE other = CreateJobObjectW(NULL, NULL);
    HANDLE third = CreateJobObjectW(NULL, NULL);
    Check(AssignProcessToJobObject(other, GetCurrentProcess()), "and an empty third one nests below the second");
    CheckError(!AssignProcessToJobObject(inner, GetCurrentProcess()), ERROR_ACCESS_DENIED,
               "back into an ancestor -> ERROR_ACCESS_DENIED");
    CloseHandle(third);

    CloseHandle(query);
    if (failures)
        ExitProcess(failures);
    Print("TerminateJobObject(job, 42)\n");
    TerminateJobObject(job, 42);
    Print("FAIL still running after TerminateJobObject\n");
    ExitProcess(100);
}
