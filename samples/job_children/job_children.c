/* Job objects and child processes (CreateProcessW): a child of a process in a job is in it;
 * the port sees NEW_PROCESS, EXIT_PROCESS, ABNORMAL_EXIT_PROCESS and ACTIVE_PROCESS_LIMIT;
 * CREATE_BREAKAWAY_FROM_JOB needs BREAKAWAY_OK (ERROR_ACCESS_DENIED without), SILENT_BREAKAWAY_OK
 * lets every child go; an ACTIVE_PROCESS limit of 1 makes CreateProcessW fail with
 * ERROR_NOT_ENOUGH_QUOTA; a child nested in a KILL_ON_JOB_CLOSE job ends when the job's last
 * handle is closed; TerminateJobObject ends a child with its code and signals the job.
 * The same image is the child: "exit" exits 7, "crash" writes to NULL, "wait" sleeps for ever.
 * Exit code: failed checks. */
#include "../k32.h"

static WCHAR self[MAX_PATH];
static HANDLE port;

static BOOL Spawn(const WCHAR *arg, DWORD flags, PROCESS_INFORMATION *pi)
{
    WCHAR cmd[MAX_PATH + 16];
    int n = 0;
    cmd[n++] = L'"';
    for (const WCHAR *p = self; *p; p++) cmd[n++] = *p;
    cmd[n++] = L'"';
    cmd[n++] = L' ';
    for (const WCHAR *p = arg; *p; p++) cmd[n++] = *p;
    cmd[n] = 0;
    STARTUPINFOW si = {sizeof(si)};
    return CreateProcessW(self, cmd, NULL, NULL, FALSE, flags, NULL, NULL, &si, pi);
}

static void Done(PROCESS_INFORMATION *pi)
{
    CloseHandle(pi->hThread);
    CloseHandle(pi->hProcess);
}

static void Expect(DWORD message, ULONG_PTR pid, const char *what)
{
    DWORD got = 0;
    ULONG_PTR key = 0;
    LPOVERLAPPED ov = NULL;
    BOOL ok = GetQueuedCompletionStatus(port, &got, &key, &ov, 0);
    Check(ok && got == message && key == 0x10B && (ULONG_PTR)ov == pid, what);
    if (!ok || got != message || (ULONG_PTR)ov != pid) {
        Print("     message ");
        PrintNum(ok ? got : 0xFFFFFFFF, 0);
        Print(" pid ");
        PrintNum((ULONG_PTR)ov, 0);
        Print("\n");
    }
}

static void SetFlags(HANDLE job, DWORD flags, DWORD active)
{
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION ext = {0};
    ext.BasicLimitInformation.LimitFlags = flags;
    ext.BasicLimitInformation.ActiveProcessLimit = active;
    Check(SetInformationJobObject(job, JobObjectExtendedLimitInformation, &ext, sizeof(ext)), "limits set");
}

static int ChildMode(void)
{
    const WCHAR *cmd = GetCommandLineW();
    int quoted = 0;
    while (*cmd && (quoted || *cmd != L' ')) { if (*cmd == L'"') quoted = !quoted; cmd++; }
    while (*cmd == L' ') cmd++;
    if (cmd[0] == L'e') ExitProcess(7);
    if (cmd[0] == L'c') { *(volatile int *)0 = 1; }
    if (cmd[0] == L'w') { Sleep(INFINITE); }
    return cmd[0] != 0;
}

void Entry(void)
{
    if (ChildMode())
        ExitProcess(97);
    GetModuleFileNameW(NULL, self, MAX_PATH);
    HANDLE job = CreateJobObjectW(NULL, NULL);
    port = CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 1);
    JOBOBJECT_ASSOCIATE_COMPLETION_PORT assoc = {(PVOID)0x10B, port};
    SetInformationJobObject(job, JobObjectAssociateCompletionPortInformation, &assoc, sizeof(assoc));
    Check(AssignProcessToJobObject(job, GetCurrentProcess()), "the parent in a job");
    DWORD me = GetCurrentProcessId();
    Expect(JOB_OBJECT_MSG_NEW_PROCESS, me, "NEW_PROCESS: the parent");

    /* A child is in its parent's job. */
    PROCESS_INFORMATION pi;
    BOOL in = FALSE;
    Check(Spawn(L"exit", 0, &pi), "CreateProcessW of a child");
    Check(IsProcessInJob(pi.hProcess, job, &in) && in, "the child is in the parent's job");
    Check(WaitForSingleObject(pi.hProcess, INFINITE) == WAIT_OBJECT_0, "the child exits");
    DWORD code = 0;
    Check(GetExitCodeProcess(pi.hProcess, &code) && code == 7, "with its own code, 7");
    Check(IsProcessInJob(pi.hProcess, job, &in) && in, "and is still in the job once it has exited");
    Expect(JOB_OBJECT_MSG_NEW_PROCESS, pi.dwProcessId, "NEW_PROCESS: the child");
    Expect(JOB_OBJECT_MSG_EXIT_PROCESS, pi.dwProcessId, "EXIT_PROCESS: the child");
    Done(&pi);
    JOBOBJECT_BASIC_ACCOUNTING_INFORMATION acct;
    Check(QueryInformationJobObject(job, JobObjectBasicAccountingInformation, &acct, sizeof(acct), NULL)
          && acct.TotalProcesses == 2 && acct.ActiveProcesses == 1, "accounting: two processes, one active");

    /* A child that crashes. */
    Check(Spawn(L"crash", 0, &pi), "a child that writes to NULL");
    WaitForSingleObject(pi.hProcess, INFINITE);
    Check(GetExitCodeProcess(pi.hProcess, &code) && code == EXCEPTION_ACCESS_VIOLATION, "ends with 0xC0000005");
    Expect(JOB_OBJECT_MSG_NEW_PROCESS, pi.dwProcessId, "NEW_PROCESS: the crashing child");
    Expect(JOB_OBJECT_MSG_ABNORMAL_EXIT_PROCESS, pi.dwProcessId, "ABNORMAL_EXIT_PROCESS: the crashing child");
    Done(&pi);

    /* Breaking away. */
    CheckError(!Spawn(L"exit", CREATE_BREAKAWAY_FROM_JOB, &pi), ERROR_ACCESS_DENIED,
               "CREATE_BREAKAWAY_FROM_JOB without BREAKAWAY_OK -> ERROR_ACCESS_DENIED");
    SetFlags(job, JOB_OBJECT_LIMIT_BREAKAWAY_OK, 0);
    Check(Spawn(L"exit", CREATE_BREAKAWAY_FROM_JOB, &pi), "with BREAKAWAY_OK it may");
    Check(IsProcessInJob(pi.hProcess, NULL, &in) && !in, "and that child is in no job");
    WaitForSingleObject(pi.hProcess, INFINITE);
    Done(&pi);
    SetFlags(job, JOB_OBJECT_LIMIT_SILENT_BREAKAWAY_OK, 0);
    Check(Spawn(L"exit", 0, &pi), "SILENT_BREAKAWAY_OK: a plain child");
    Check(IsProcessInJob(pi.hProcess, NULL, &in) && !in, "is in no job either");
    WaitForSingleObject(pi.hProcess, INFINITE);
    Done(&pi);

    /* An ACTIVE_PROCESS limit of 1: the parent is that one. */
    SetFlags(job, JOB_OBJECT_LIMIT_ACTIVE_PROCESS, 1);
    CheckError(!Spawn(L"exit", 0, &pi), ERROR_NOT_ENOUGH_QUOTA,
               "ACTIVE_PROCESS limit 1: CreateProcessW -> ERROR_NOT_ENOUGH_QUOTA");
    Expect(JOB_OBJECT_MSG_ACTIVE_PROCESS_LIMIT, 0, "ACTIVE_PROCESS_LIMIT on the port");
    Check(QueryInformationJobObject(job, JobObjectBasicAccountingInformation, &acct, sizeof(acct), NULL)
          && acct.TotalTerminatedProcesses == 1 && acct.TotalProcesses == 3,
          "the refused child counts as terminated for a limit, not as one of the job's");
    SetFlags(job, 0, 0);

    /* A child nested in a KILL_ON_JOB_CLOSE job ends when that job's last handle goes. */
    Check(Spawn(L"wait", 0, &pi), "a child that waits for ever");
    HANDLE kill = CreateJobObjectW(NULL, NULL);
    SetFlags(kill, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, 0);
    Check(AssignProcessToJobObject(kill, pi.hProcess), "nested in a KILL_ON_JOB_CLOSE job");
    Check(WaitForSingleObject(pi.hProcess, 50) == WAIT_TIMEOUT, "it waits");
    CloseHandle(kill);
    Check(WaitForSingleObject(pi.hProcess, 1000) == WAIT_OBJECT_0, "closing the job ends it");
    Check(GetExitCodeProcess(pi.hProcess, &code) && code == 0, "with exit code 0");
    Expect(JOB_OBJECT_MSG_NEW_PROCESS, pi.dwProcessId, "NEW_PROCESS: the waiting child");
    Expect(JOB_OBJECT_MSG_EXIT_PROCESS, pi.dwProcessId, "EXIT_PROCESS: the killed child");
    Done(&pi);

    /* TerminateJobObject on a nested job: its child ends with the code, the job is signalled. */
    Check(Spawn(L"wait", 0, &pi), "another waiting child");
    HANDLE inner = CreateJobObjectW(NULL, NULL);
    Check(AssignProcessToJobObject(inner, pi.hProcess), "nested in a second job");
    Check(TerminateJobObject(inner, 55), "TerminateJobObject(inner, 55)");
    Check(WaitForSingleObject(pi.hProcess, 1000) == WAIT_OBJECT_0 && GetExitCodeProcess(pi.hProcess, &code)
          && code == 55, "the child ends with 55");
    Check(WaitForSingleObject(inner, 0) == WAIT_OBJECT_0, "the inner job is signalled");
    Check(WaitForSingleObject(job, 0) == WAIT_TIMEOUT, "the outer one is not");
    Done(&pi);

    /* The process id list with two live children: too short for all is ERROR_MORE_DATA. */
    PROCESS_INFORMATION a, b;
    Check(Spawn(L"wait", 0, &a) && Spawn(L"wait", 0, &b), "two more waiting children");
    Check(AssignProcessToJobObject(inner, a.hProcess), "one goes into the signalled inner job");
    Check(WaitForSingleObject(inner, 0) == WAIT_OBJECT_0, "which stays signalled");
    struct { DWORD assigned, listed; ULONG_PTR ids[4]; } list = {42, 42, {0}};
    CheckError(!QueryInformationJobObject(job, JobObjectBasicProcessIdList, &list, 16, NULL), ERROR_MORE_DATA,
               "a list of one entry for three processes -> ERROR_MORE_DATA");
    DWORD ret = 0;
    Check(QueryInformationJobObject(job, JobObjectBasicProcessIdList, &list, 32, &ret) && ret == 32
          && list.assigned == 3 && list.listed == 3 && list.ids[0] == me && list.ids[1] == a.dwProcessId
          && list.ids[2] == b.dwProcessId, "with room for three: the parent and both children, in order");
    Check(TerminateJobObject(inner, 56) && WaitForSingleObject(a.hProcess, 1000) == WAIT_OBJECT_0,
          "TerminateJobObject(inner) again ends the one in it");
    Check(WaitForSingleObject(b.hProcess, 0) == WAIT_TIMEOUT, "not the other");
    TerminateProcess(b.hProcess, 3);
    WaitForSingleObject(b.hProcess, INFINITE);
    Done(&a);
    Done(&b);
    Check(QueryInformationJobObject(job, JobObjectBasicAccountingInformation, &acct, sizeof(acct), NULL)
          && acct.ActiveProcesses == 1 && acct.TotalProcesses == 7, "the outer job: seven processes, one active");
    CloseHandle(inner);
    CloseHandle(job);
    ExitProcess(failures);
}
