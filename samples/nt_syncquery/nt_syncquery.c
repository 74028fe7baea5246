/* ntdll's NtQueryEvent, NtQuerySemaphore, NtQueryMutant (their information classes, exact lengths,
 * access and type checks), NtGetNextProcess/NtGetNextThread (walking processes and threads by
 * handle) and NtSuspendProcess/NtResumeProcess on a child, reached through GetProcAddress. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

typedef LONG NTSTATUS;
typedef NTSTATUS (NTAPI *QueryFn)(HANDLE, ULONG, PVOID, ULONG, PULONG);
typedef NTSTATUS (NTAPI *NextProcessFn)(HANDLE, ACCESS_MASK, ULONG, ULONG, PHANDLE);
typedef NTSTATUS (NTAPI *NextThreadFn)(HANDLE, HANDLE, ACCESS_MASK, ULONG, ULONG, PHANDLE);
typedef NTSTATUS (NTAPI *ProcessFn)(HANDLE);

static QueryFn QueryEvent, QuerySemaphore, QueryMutant;
static HANDLE mutex;

static DWORD WINAPI TakeAndLeave(LPVOID p)
{
    (void)p;
    WaitForSingleObject(mutex, INFINITE);
    return 0;                               /* ends owning it: the mutex is abandoned */
}

static DWORD WINAPI Idle(LPVOID p)
{
    WaitForSingleObject((HANDLE)p, INFINITE);
    return 0;
}

static void Mutant(const char *what)
{
    struct { LONG count; BOOLEAN owned, abandoned; } info = { 99, 9, 9 };
    ULONG got = 0;
    NTSTATUS s = QueryMutant(mutex, 0, &info, sizeof info, &got);
    printf("%-28s 0x%08lX count %ld owned %d abandoned %d (%lu bytes)\n", what, s, info.count, info.owned,
           info.abandoned, got);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "child") == 0) {
        Sleep(50);
        return 7;
    }
    HMODULE nt = GetModuleHandleA("ntdll.dll");
    QueryEvent = (QueryFn)(void *)GetProcAddress(nt, "NtQueryEvent");
    QuerySemaphore = (QueryFn)(void *)GetProcAddress(nt, "NtQuerySemaphore");
    QueryMutant = (QueryFn)(void *)GetProcAddress(nt, "NtQueryMutant");
    NextProcessFn NextProcess = (NextProcessFn)(void *)GetProcAddress(nt, "NtGetNextProcess");
    NextThreadFn NextThread = (NextThreadFn)(void *)GetProcAddress(nt, "NtGetNextThread");
    ProcessFn SuspendProcess = (ProcessFn)(void *)GetProcAddress(nt, "NtSuspendProcess");
    ProcessFn ResumeProcess = (ProcessFn)(void *)GetProcAddress(nt, "NtResumeProcess");

    /* events */
    HANDLE manual = CreateEventA(NULL, TRUE, TRUE, "Local\\syncquery");
    HANDLE automatic = CreateEventA(NULL, FALSE, FALSE, NULL);
    struct { ULONG type; LONG state; } ev = { 9, 9 };
    ULONG got = 0;
    NTSTATUS s = QueryEvent(manual, 0, &ev, sizeof ev, &got);
    printf("manual event: 0x%08lX type %lu state %ld (%lu bytes)\n", s, ev.type, ev.state, got);
    s = QueryEvent(automatic, 0, &ev, sizeof ev, NULL);
    printf("auto event: 0x%08lX type %lu state %ld\n", s, ev.type, ev.state);
    printf("class 1: 0x%08lX, length 12: 0x%08lX\n", QueryEvent(manual, 1, &ev, sizeof ev, NULL),
           QueryEvent(manual, 0, &ev, 12, NULL));
    HANDLE sync_only = OpenEventA(SYNCHRONIZE, FALSE, "Local\\syncquery");
    printf("SYNCHRONIZE only: 0x%08lX\n", QueryEvent(sync_only, 0, &ev, sizeof ev, NULL));

    /* semaphores */
    HANDLE sem = CreateSemaphoreA(NULL, 2, 5, NULL);
    struct { LONG count, maximum; } si = { 9, 9 };
    ReleaseSemaphore(sem, 1, NULL);
    s = QuerySemaphore(sem, 0, &si, sizeof si, &got);
    printf("semaphore: 0x%08lX count %ld of %ld (%lu bytes)\n", s, si.count, si.maximum, got);
    printf("an event as a semaphore: 0x%08lX\n", QuerySemaphore(manual, 0, &si, sizeof si, NULL));

    /* mutants */
    mutex = CreateMutexA(NULL, FALSE, NULL);
    Mutant("free");
    WaitForSingleObject(mutex, INFINITE);
    Mutant("owned once");
    WaitForSingleObject(mutex, INFINITE);
    Mutant("owned twice");
    struct { ULONGLONG process, thread; } owner = { 9, 9 };
    s = QueryMutant(mutex, 1, &owner, sizeof owner, &got);
    printf("owner: 0x%08lX is us %d %d (%lu bytes)\n", s, owner.process == GetCurrentProcessId(),
           owner.thread == GetCurrentThreadId(), got);
    ReleaseMutex(mutex);
    ReleaseMutex(mutex);
    HANDLE t = CreateThread(NULL, 0, TakeAndLeave, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    Mutant("abandoned by its owner");
    printf("wait on it: 0x%lX\n", WaitForSingleObject(mutex, 0));
    Mutant("taken after abandonment");
    ReleaseMutex(mutex);

    /* walking the threads of this process */
    HANDLE stop = CreateEventA(NULL, TRUE, FALSE, NULL);
    HANDLE idle[2] = { CreateThread(NULL, 0, Idle, stop, 0, NULL), CreateThread(NULL, 0, Idle, stop, 0, NULL) };
    int threads = 0, us = 0;
    HANDLE th = NULL, next;
    while ((s = NextThread(GetCurrentProcess(), th, THREAD_QUERY_LIMITED_INFORMATION, 0, 0, &next)) == 0) {
        if (th)
            CloseHandle(th);
        th = next;
        threads++;
        us += GetThreadId(th) == GetCurrentThreadId();
    }
    if (th)
        CloseHandle(th);
    printf("threads of this process: %d, this one among them %d, the end 0x%08lX\n", threads, us, s);
    SetEvent(stop);
    WaitForMultipleObjects(2, idle, TRUE, INFINITE);

    /* walking the processes; a child suspended and resumed as a whole */
    char line[MAX_PATH + 16];
    snprintf(line, sizeof line, "\"%s\" child", argv[0]);
    STARTUPINFOA sinfo = { sizeof sinfo };
    PROCESS_INFORMATION pi;
    CreateProcessA(NULL, line, NULL, NULL, FALSE, 0, NULL, NULL, &sinfo, &pi);
    HANDLE ph = NULL;
    int processes = 0, first_pid = -1, saw_us = 0, saw_child = 0;
    while ((s = NextProcess(ph, PROCESS_QUERY_LIMITED_INFORMATION, 0, 0, &next)) == 0) {
        if (ph)
            CloseHandle(ph);
        ph = next;
        DWORD pid = GetProcessId(ph);
        if (processes++ == 0)
            first_pid = (int)pid;
        saw_us += pid == GetCurrentProcessId();
        saw_child += pid == pi.dwProcessId;
    }
    if (ph)
        CloseHandle(ph);
    printf("processes: first pid %d, this one %d, the child %d, the end 0x%08lX\n", first_pid, saw_us, saw_child, s);
    HANDLE last = NULL;
    s = NextProcess(NULL, PROCESS_QUERY_LIMITED_INFORMATION, 0, 1, &last);
    printf("backwards from the end: 0x%08lX, the newest is the child %d\n", s, GetProcessId(last) == pi.dwProcessId);
    CloseHandle(last);
    printf("flags 2: 0x%08lX\n", NextProcess(NULL, PROCESS_QUERY_LIMITED_INFORMATION, 0, 2, &last));

    HANDLE no_resume = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pi.dwProcessId);
    printf("suspend without PROCESS_SUSPEND_RESUME: 0x%08lX\n", SuspendProcess(no_resume));
    printf("NtSuspendProcess: 0x%08lX\n", SuspendProcess(pi.hProcess));
    printf("the suspended child ends within 500 ms: %d\n", WaitForSingleObject(pi.hProcess, 500) == WAIT_OBJECT_0);
    printf("its thread's suspend count: %lu\n", SuspendThread(pi.hThread));
    ResumeThread(pi.hThread);
    printf("NtResumeProcess: 0x%08lX\n", ResumeProcess(pi.hProcess));
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 0;
    GetExitCodeProcess(pi.hProcess, &code);
    printf("after the resume it ends with %lu\n", code);
    printf("suspend an ended process: 0x%08lX\n", SuspendProcess(pi.hProcess));
    return 0;
}
