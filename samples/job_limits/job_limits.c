/* The job limits that end the process, one per run, chosen by the first argument:
 *   process-time (the default)  a PROCESS_TIME limit of 100 ms; the process spins past it and
 *                               ends with ERROR_NOT_ENOUGH_QUOTA, as documented
 *   job-time                    a JOB_TIME limit of 100 ms: the same end, and the job signalled
 *   job-time-post               JOB_TIME with JOB_OBJECT_POST_AT_END_OF_JOB and a port: the port
 *                               gets END_OF_JOB_TIME, the limit is dropped, the process goes on (0)
 *   kill-on-close               KILL_ON_JOB_CLOSE: closing its own last handle to the job ends the
 *                               process (0), before it can print what follows
 *   active-limit                an ACTIVE_PROCESS limit of 0: assigning itself terminates the process
 *                               (STATUS_QUOTA_EXCEEDED)
 * Whatever comes after the end that should have come prints FAIL and exits 99. */
#include "../k32.h"

static int Is(const char *arg, const char *mode)
{
    int i = 0;
    while (mode[i] && arg[i] == mode[i]) i++;
    return mode[i] == 0 && (arg[i] == 0 || arg[i] == ' ');
}

static const char *Mode(void)
{
    const char *cmd = GetCommandLineA();
    int quoted = 0;
    while (*cmd && (quoted || *cmd != ' ')) { if (*cmd == '"') quoted = !quoted; cmd++; }
    while (*cmd == ' ') cmd++;
    return *cmd ? cmd : "process-time";
}

static LONGLONG JobUserTime(HANDLE job)
{
    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct;
    return QueryInformationJobObject(job, JobObjectBasicAccountingInformation, &acct, sizeof(acct), NULL)
        ? acct.TotalUserTime.QuadPart : -1;
}

/* Spin until the job has charged `limit` of user time (the limit should end it long before). */
static void Spin(HANDLE job, LONGLONG limit)
{
    volatile ULONG spin = 0;
    while (JobUserTime(job) < limit)
        for (int i = 0; i < 100000; i++) spin++;
}

static void SetLimits(HANDLE job, DWORD flags, LONGLONG process_time, LONGLONG job_time)
{
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION ext = {0};
    ext.BasicLimitInformation.LimitFlags = flags;
    ext.BasicLimitInformation.PerProcessUserTimeLimit.QuadPart = process_time;
    ext.BasicLimitInformation.PerJobUserTimeLimit.QuadPart = job_time;
    Check(SetInformationJobObject(job, JobObjectExtendedLimitInformation, &ext, sizeof(ext)), "limits set");
}

void Entry(void)
{
    const char *mode = Mode();
    HANDLE job = CreateJobObjectW(NULL, NULL);
    Check(job != NULL, "CreateJobObjectW");
    if (Is(mode, "process-time")) {
        SetLimits(job, JOB_OBJECT_LIMIT_PROCESS_TIME, 1000000, 0);
        Check(AssignProcessToJobObject(job, GetCurrentProcess()), "in a job with a 100 ms PROCESS_TIME limit");
        Print("spinning\n");
        Spin(job, 100000000);
    } else if (Is(mode, "job-time")) {
        SetLimits(job, JOB_OBJECT_LIMIT_JOB_TIME, 0, 1000000);
        Check(AssignProcessToJobObject(job, GetCurrentProcess()), "in a job with a 100 ms JOB_TIME limit");
        Print("spinning\n");
        Spin(job, 100000000);
    } else if (Is(mode, "job-time-post")) {
        HANDLE port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
        JOBOBJECT_ASSOCIATE_COMPLETION_PORT assoc = {(PVOID)7, port};
        SetInformationJobObject(job, JobObjectAssociateCompletionPortInformation, &assoc, sizeof(assoc));
        JOBOBJECT_END_OF_JOB_TIME_INFORMATION eoj = {JOB_OBJECT_POST_AT_END_OF_JOB};
        Check(SetInformationJobObject(job, JobObjectEndOfJobTimeInformation, &eoj, sizeof(eoj)),
              "JOB_OBJECT_POST_AT_END_OF_JOB");
        SetLimits(job, JOB_OBJECT_LIMIT_JOB_TIME, 0, 1000000);
        Check(AssignProcessToJobObject(job, GetCurrentProcess()), "in a job with a 100 ms JOB_TIME limit");
        DWORD message = 0;
        ULONG_PTR key = 0;
        LPOVERLAPPED ov = NULL;
        GetQueuedCompletionStatus(port, &message, &key, &ov, 0);
        Check(message == JOB_OBJECT_MSG_NEW_PROCESS, "NEW_PROCESS first");
        volatile ULONG spin = 0;
        while (!GetQueuedCompletionStatus(port, &message, &key, &ov, 0) && JobUserTime(job) < 100000000)
            for (int i = 0; i < 100000; i++) spin++;
        Check(message == JOB_OBJECT_MSG_END_OF_JOB_TIME && key == 7 && ov == NULL,
              "the port: END_OF_JOB_TIME, the key, no process");
        Check(JobUserTime(job) > 1000000, "past the limit, still running");
        JOBOBJECT_BASIC_LIMIT_INFORMATION basic;
        Check(QueryInformationJobObject(job, JobObjectBasicLimitInformation, &basic, sizeof(basic), NULL)
              && !(basic.LimitFlags & JOB_OBJECT_LIMIT_JOB_TIME), "and the limit is gone");
        Check(WaitForSingleObject(job, 0) == WAIT_TIMEOUT, "the job is not signalled");
        ExitProcess(failures);
    } else if (Is(mode, "kill-on-close")) {
        SetLimits(job, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, 0, 0);
        Check(AssignProcessToJobObject(job, GetCurrentProcess()), "in a KILL_ON_JOB_CLOSE job");
        Print("closing the last handle\n");
        CloseHandle(job);
    } else if (Is(mode, "active-limit")) {
        SetLimits(job, JOB_OBJECT_LIMIT_ACTIVE_PROCESS, 0, 0);
        Print("assigning itself to a job whose limit is 0 active processes\n");
        AssignProcessToJobObject(job, GetCurrentProcess());
    } else {
        Print("unknown mode\n");
        ExitProcess(98);
    }
    Print("FAIL still running\n");
    ExitProcess(99);
}
