/* Family 2, process creation: CreateProcessW/A of this same image in a child role named on its
 * command line. Exit codes and waits, suspended creation, TerminateProcess, the child's output on
 * the same console, a pipe as its standard output, handle inheritance (all inheritable handles,
 * or a handle list), the environment (Unicode and ANSI), the current directory, the image search
 * with ".exe" added, STARTUPINFO's reserved bytes, the priority class, cross-process memory,
 * OpenProcess, and the documented errors. Exit code: failed checks. */
#include "../k32.h"
#include <psapi.h>
#include <tlhelp32.h>

#define ERROR_OBJECT_NAME_EXISTS_ 698

static volatile DWORD magic = 5;         /* the parent writes another value into a suspended child */

static const char *args[8];
static int nargs;

/* The command line's tokens after the program's name (no quotes in what the parent passes). */
static void SplitCommandLine(void)
{
    static char copy[1024];
    const char *cl = GetCommandLineA();
    int n = 0;
    while (cl[n] && n < (int)sizeof(copy) - 1) { copy[n] = cl[n]; n++; }
    copy[n] = 0;
    char *p = copy;
    if (*p == '"') { p++; while (*p && *p != '"') p++; if (*p) p++; }
    else while (*p && *p != ' ') p++;
    while (*p && nargs < 8) {
        while (*p == ' ') *p++ = 0;
        if (!*p) break;
        args[nargs++] = p;
        while (*p && *p != ' ') p++;
    }
    if (*p) *p = 0;
}

static int Eq(const char *a, const char *b) { while (*a && *a == *b) { a++; b++; } return *a == *b; }

static unsigned long long Num(const char *s)
{
    unsigned long long v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + (unsigned long long)(*s++ - '0');
    return v;
}

static int WEq(const WCHAR *a, const WCHAR *b) { while (*a && *a == *b) { a++; b++; } return *a == *b; }

/* -- the child's roles */
static DWORD Child(void)
{
    const char *role = args[1];
    if (Eq(role, "exit")) return (DWORD)Num(args[2]);
    if (Eq(role, "hello")) { Print("     the child speaks on the same console\n"); return 0; }
    if (Eq(role, "pipe")) {
        DWORD done;
        WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), "through the pipe", 16, &done, NULL);
        return GetFileType(GetStdHandle(STD_OUTPUT_HANDLE)) == FILE_TYPE_PIPE ? 0 : 1;
    }
    if (Eq(role, "inherit")) {                  /* args: an event to set, a handle that must not be open */
        DWORD flags;
        HANDLE ev = (HANDLE)(ULONG_PTR)Num(args[2]), absent = (HANDLE)(ULONG_PTR)Num(args[3]);
        DWORD r = 0;
        if (!SetEvent(ev)) r |= 1;
        if (SetEvent(absent) || GetLastError() != ERROR_INVALID_HANDLE) r |= 2;     /* not the parent's event */
        if (!GetHandleInformation(ev, &flags) || !(flags & HANDLE_FLAG_INHERIT)) r |= 4;
        return r;
    }
    if (Eq(role, "env")) {
        WCHAR v[16];
        DWORD r = 0;
        if (GetEnvironmentVariableW(L"FOO", v, 16) != 3 || !WEq(v, L"bar")) r |= 1;
        if (GetEnvironmentVariableW(L"PATH", v, 16) != 0 || GetLastError() != ERROR_ENVVAR_NOT_FOUND) r |= 2;
        if (GetEnvironmentVariableW(L"X2", v, 16) != 2 || !WEq(v, L"yz")) r |= 4;
        return r;
    }
    if (Eq(role, "cwd")) {
        WCHAR d[MAX_PATH];
        GetCurrentDirectoryW(MAX_PATH, d);
        return WEq(d, L"C:\\Windows") ? 0 : 1;
    }
    if (Eq(role, "magic")) return magic;
    if (Eq(role, "startup")) {
        STARTUPINFOW si;
        GetStartupInfoW(&si);
        DWORD r = 0;
        if (si.cbReserved2 != 5 || si.lpReserved2 == NULL || si.lpReserved2[0] != 'a' || si.lpReserved2[4] != 'e') r |= 1;
        if (si.lpTitle == NULL || !WEq(si.lpTitle, L"a title")) r |= 2;
        if (si.dwX != 11 || !(si.dwFlags & STARTF_USEPOSITION)) r |= 4;
        return r;
    }
    if (Eq(role, "crash")) { volatile ULONG_PTR where = 8; return *(volatile DWORD *)where; }
    if (Eq(role, "wait")) { Sleep(INFINITE); return 0; }
    if (Eq(role, "ready")) { SetEvent((HANDLE)(ULONG_PTR)Num(args[2])); Sleep(INFINITE); return 0; }
    return 100;
}

/* -- the parent's checks */
static WCHAR self[MAX_PATH];

/* A command line for this image in a child role. */
static WCHAR *Line(const WCHAR *role)
{
    static WCHAR buf[512];
    int n = 0;
    buf[n++] = '"';
    for (const WCHAR *p = self; *p; p++) buf[n++] = *p;
    buf[n++] = '"';
    buf[n++] = ' ';
    for (const char *p = "child "; *p; p++) buf[n++] = (WCHAR)*p;
    for (const WCHAR *p = role; *p; p++) buf[n++] = *p;
    buf[n] = 0;
    return buf;
}

static void AppendNum(WCHAR *s, unsigned long long v)
{
    while (*s) s++;
    char tmp[24];
    int i = 23;
    tmp[i] = 0;
    do { tmp[--i] = (char)('0' + v % 10); v /= 10; } while (v);
    *s++ = ' ';
    for (char *p = tmp + i; *p; p++) *s++ = (WCHAR)*p;
    *s = 0;
}

/* Run a child to its end; its exit code, or ~0 if it could not be created. */
static DWORD Run(WCHAR *cl, BOOL inherit, DWORD flags, LPVOID env, LPCWSTR dir, STARTUPINFOW *si)
{
    STARTUPINFOW plain = {sizeof(plain)};
    PROCESS_INFORMATION pi;
    if (!CreateProcessW(NULL, cl, NULL, NULL, inherit, flags, env, dir, si ? si : &plain, &pi))
        return ~0u;
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = ~1u;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return code;
}

static void Parent(void)
{
    GetModuleFileNameW(NULL, self, MAX_PATH);
    PROCESS_INFORMATION pi;
    STARTUPINFOW si = {sizeof(si)};

    /* Exit codes, ids and waits. */
    Check(CreateProcessW(NULL, Line(L"exit 42"), NULL, NULL, FALSE, CREATE_SUSPENDED, NULL, NULL, &si, &pi),
          "CreateProcessW(CREATE_SUSPENDED)");
    DWORD code = 0;
    Check(pi.dwProcessId && pi.dwThreadId && pi.dwProcessId != GetCurrentProcessId(), "new process and thread ids");
    Check(GetProcessId(pi.hProcess) == pi.dwProcessId && GetThreadId(pi.hThread) == pi.dwThreadId &&
          GetProcessIdOfThread(pi.hThread) == pi.dwProcessId, "the handles name them");
    Check(GetExitCodeProcess(pi.hProcess, &code) && code == STILL_ACTIVE, "STILL_ACTIVE while it has not run");
    Check(WaitForSingleObject(pi.hProcess, 0) == WAIT_TIMEOUT, "not signalled yet");
    Check(ResumeThread(pi.hThread) == 1, "ResumeThread: suspend count 1");
    Check(WaitForSingleObject(pi.hProcess, INFINITE) == WAIT_OBJECT_0, "the process is signalled when it ends");
    Check(GetExitCodeProcess(pi.hProcess, &code) && code == 42, "its exit code, 42");
    Check(WaitForSingleObject(pi.hThread, 0) == WAIT_OBJECT_0 && GetExitCodeThread(pi.hThread, &code) && code == 42,
          "its thread too");
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);

    /* TerminateProcess of a suspended child. */
    Check(CreateProcessW(NULL, Line(L"wait"), NULL, NULL, FALSE, CREATE_SUSPENDED | BELOW_NORMAL_PRIORITY_CLASS,
                         NULL, NULL, &si, &pi), "a second child, suspended, below normal");
    Check(GetPriorityClass(pi.hProcess) == BELOW_NORMAL_PRIORITY_CLASS, "GetPriorityClass: BELOW_NORMAL");
    HANDLE opened = OpenProcess(PROCESS_QUERY_INFORMATION | SYNCHRONIZE, FALSE, pi.dwProcessId);
    Check(opened != NULL, "OpenProcess by its id");
    WCHAR name[MAX_PATH];
    DWORD name_len = MAX_PATH;
    Check(QueryFullProcessImageNameW(opened, 0, name, &name_len) && WEq(name, L"C:\\app\\k32_process.exe") &&
          name_len == 22, "QueryFullProcessImageNameW: C:\\app\\k32_process.exe");
    name_len = MAX_PATH;
    Check(QueryFullProcessImageNameW(opened, PROCESS_NAME_NATIVE, name, &name_len) &&
          WEq(name, L"\\Device\\HarddiskVolume1\\app\\k32_process.exe"), "PROCESS_NAME_NATIVE: the device path");
    name_len = 5;
    CheckError(!QueryFullProcessImageNameW(opened, 0, name, &name_len), ERROR_INSUFFICIENT_BUFFER,
               "a short buffer -> ERROR_INSUFFICIENT_BUFFER");
    Check(TerminateProcess(pi.hProcess, 99), "TerminateProcess(99)");
    Check(WaitForSingleObject(opened, INFINITE) == WAIT_OBJECT_0 && GetExitCodeProcess(opened, &code) && code == 99,
          "ended with 99, seen through the opened handle");
    CloseHandle(opened);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    CheckError(OpenProcess(PROCESS_QUERY_INFORMATION, FALSE, 0xFFF0) == NULL, ERROR_INVALID_PARAMETER,
               "OpenProcess of an id that names nothing -> ERROR_INVALID_PARAMETER");

    /* The same console, and a pipe. */
    Check(Run(Line(L"hello"), FALSE, 0, NULL, NULL, NULL) == 0, "a child writes on the console it shares");
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, TRUE};
    HANDLE r, w;
    Check(CreatePipe(&r, &w, &sa, 0), "an inheritable pipe");
    SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOW piped = {sizeof(piped)};
    piped.dwFlags = STARTF_USESTDHANDLES;
    piped.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    piped.hStdOutput = w;
    piped.hStdError = w;
    Check(CreateProcessW(NULL, Line(L"pipe"), NULL, NULL, TRUE, 0, NULL, NULL, &piped, &pi),
          "STARTF_USESTDHANDLES with the pipe's write end");
    CloseHandle(w);
    char buf[64];
    DWORD got = 0, done;
    while (ReadFile(r, buf + got, sizeof(buf) - got, &done, NULL) && done) got += done;
    Check(GetLastError() == ERROR_BROKEN_PIPE, "read to the end: ERROR_BROKEN_PIPE once the child is gone");
    Check(got == 16 && buf[0] == 't' && buf[15] == 'e', "the child's output came through the pipe");
    WaitForSingleObject(pi.hProcess, INFINITE);
    Check(GetExitCodeProcess(pi.hProcess, &code) && code == 0, "and its standard output was the pipe");
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    CloseHandle(r);

    /* Inheritance: every inheritable handle, or only a handle list's. */
    HANDLE ev = CreateEventW(&sa, TRUE, FALSE, NULL), other = CreateEventW(&sa, TRUE, FALSE, NULL);
    HANDLE private_ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    WCHAR cl[512];
    memcpy(cl, Line(L"inherit"), sizeof(cl));
    AppendNum(cl, (ULONG_PTR)ev);
    AppendNum(cl, (ULONG_PTR)private_ev);
    Check(Run(cl, TRUE, 0, NULL, NULL, NULL) == 0, "an inheritable event is the child's at the same value; "
          "a private one is not");
    Check(WaitForSingleObject(ev, 0) == WAIT_OBJECT_0, "the child set the parent's event");
    ResetEvent(ev);
    Check(Run(cl, FALSE, 0, NULL, NULL, NULL) == 5, "without bInheritHandles nothing is inherited");
    SIZE_T size = 0;
    CheckError(!InitializeProcThreadAttributeList(NULL, 1, 0, &size) && size == 48, ERROR_INSUFFICIENT_BUFFER,
               "InitializeProcThreadAttributeList: 48 bytes for one attribute");
    static BYTE list_space[128];
    LPPROC_THREAD_ATTRIBUTE_LIST list = (LPPROC_THREAD_ATTRIBUTE_LIST)list_space;
    size = sizeof(list_space);
    Check(InitializeProcThreadAttributeList(list, 2, 0, &size) && size == 72, "initialised for two: 72 bytes");
    HANDLE only[1] = {other};
    Check(UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, only, sizeof(only), NULL, NULL),
          "PROC_THREAD_ATTRIBUTE_HANDLE_LIST with one of the two events");
    CheckError(!UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, only, sizeof(only), NULL, NULL),
               ERROR_OBJECT_NAME_EXISTS_, "the same attribute twice -> ERROR_OBJECT_NAME_EXISTS");
    CheckError(!UpdateProcThreadAttribute(list, 0, PROC_THREAD_ATTRIBUTE_PARENT_PROCESS, only, 4, NULL, NULL),
               ERROR_BAD_LENGTH, "a parent handle of 4 bytes -> ERROR_BAD_LENGTH");
    STARTUPINFOEXW six;
    memset(&six, 0, sizeof(six));
    six.StartupInfo.cb = sizeof(six);
    six.lpAttributeList = list;
    memcpy(cl, Line(L"inherit"), sizeof(cl));
    AppendNum(cl, (ULONG_PTR)other);
    AppendNum(cl, (ULONG_PTR)ev);
    Check(Run(cl, TRUE, EXTENDED_STARTUPINFO_PRESENT, NULL, NULL, &six.StartupInfo) == 0,
          "with the list, the listed event is inherited and the other is not");
    CheckError(Run(cl, FALSE, EXTENDED_STARTUPINFO_PRESENT, NULL, NULL, &six.StartupInfo) == ~0u,
               ERROR_INVALID_PARAMETER, "a handle list without bInheritHandles -> ERROR_INVALID_PARAMETER");
    DeleteProcThreadAttributeList(list);
    CloseHandle(ev);
    CloseHandle(other);
    CloseHandle(private_ev);

    /* The environment, the current directory, STARTUPINFO. */
    static const WCHAR env[] = L"FOO=bar\0X2=yz\0";
    Check(Run(Line(L"env"), FALSE, CREATE_UNICODE_ENVIRONMENT, (LPVOID)env, NULL, NULL) == 0,
          "a Unicode environment block is the child's environment");
    static const char env_a[] = "X2=yz\0FOO=bar\0";
    STARTUPINFOA sia = {sizeof(sia)};
    PROCESS_INFORMATION pia;
    char cla[512];
    int n = 0;
    for (const WCHAR *p = Line(L"env"); *p; p++) cla[n++] = (char)*p;
    cla[n] = 0;
    Check(CreateProcessA(NULL, cla, NULL, NULL, FALSE, 0, (LPVOID)env_a, NULL, &sia, &pia), "CreateProcessA");
    WaitForSingleObject(pia.hProcess, INFINITE);
    Check(GetExitCodeProcess(pia.hProcess, &code) && code == 0, "with an ANSI environment block");
    CloseHandle(pia.hThread);
    CloseHandle(pia.hProcess);
    Check(Run(Line(L"cwd"), FALSE, 0, NULL, L"C:\\Windows\\", NULL) == 0, "lpCurrentDirectory C:\\Windows");
    CheckError(Run(Line(L"cwd"), FALSE, 0, NULL, L"C:\\no such folder", NULL) == ~0u, ERROR_DIRECTORY,
               "a current directory that does not exist -> ERROR_DIRECTORY");
    STARTUPINFOW sis = {sizeof(sis)};
    static BYTE reserved[5] = {'a', 'b', 'c', 'd', 'e'};
    sis.cbReserved2 = 5;
    sis.lpReserved2 = reserved;
    sis.lpTitle = L"a title";
    sis.dwFlags = STARTF_USEPOSITION;
    sis.dwX = 11;
    Check(Run(Line(L"startup"), FALSE, 0, NULL, NULL, &sis) == 0,
          "GetStartupInfoW: the reserved bytes, the title and the position");

    /* Cross-process memory in a suspended child (the same image at the same base). */
    Check(CreateProcessW(NULL, Line(L"magic"), NULL, NULL, FALSE, CREATE_SUSPENDED, NULL, NULL, &si, &pi),
          "a suspended child");
    DWORD value = 0, mine = 77;
    SIZE_T moved = 0;
    Check(ReadProcessMemory(pi.hProcess, (LPCVOID)&magic, &value, 4, &moved) && value == 5 && moved == 4,
          "ReadProcessMemory: its variable");
    Check(WriteProcessMemory(pi.hProcess, (LPVOID)&magic, &mine, 4, &moved) && moved == 4, "WriteProcessMemory");
    CheckError(!ReadProcessMemory(pi.hProcess, (LPCVOID)(ULONG_PTR)0x10000000, &value, 4, &moved),
               ERROR_PARTIAL_COPY, "ReadProcessMemory of nothing -> ERROR_PARTIAL_COPY");
    ResumeThread(pi.hThread);
    WaitForSingleObject(pi.hProcess, INFINITE);
    Check(GetExitCodeProcess(pi.hProcess, &code) && code == 77, "the child ran with the value written");
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);

    /* Another process's modules, read from its PEB (psapi and Toolhelp). */
    HANDLE ready = CreateEventW(&sa, TRUE, FALSE, NULL);
    memcpy(cl, Line(L"ready"), sizeof(cl));
    AppendNum(cl, (ULONG_PTR)ready);
    Check(CreateProcessW(NULL, cl, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi) &&
          WaitForSingleObject(ready, INFINITE) == WAIT_OBJECT_0, "a child that has loaded its DLLs");
    HMODULE mods[16];
    DWORD needed = 0;
    Check(K32EnumProcessModules(pi.hProcess, mods, sizeof(mods), &needed) && needed >= 3 * sizeof(HMODULE) &&
          mods[0] == GetModuleHandleW(NULL), "K32EnumProcessModules of the child: its image first");
    Check(K32GetModuleBaseNameW(pi.hProcess, NULL, name, MAX_PATH) == 15 && WEq(name, L"k32_process.exe"),
          "K32GetModuleBaseNameW(NULL): the child's image");
    Check(K32GetModuleFileNameExW(pi.hProcess, GetModuleHandleW(L"kernel32.dll"), name, MAX_PATH) &&
          WEq(name, L"C:\\Windows\\System32\\kernel32.dll"), "K32GetModuleFileNameExW: kernel32 in the child");
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPMODULE, pi.dwProcessId);
    MODULEENTRY32W me = {sizeof(me)};
    Check(snap != INVALID_HANDLE_VALUE && Module32FirstW(snap, &me) && me.th32ProcessID == pi.dwProcessId &&
          WEq(me.szModule, L"k32_process.exe"), "a Toolhelp module snapshot of the child");
    CloseHandle(snap);
    TerminateProcess(pi.hProcess, 1);
    WaitForSingleObject(pi.hProcess, INFINITE);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    CloseHandle(ready);
    Check(CreateProcessW(NULL, Line(L"exit 0"), NULL, NULL, FALSE, CREATE_SUSPENDED, NULL, NULL, &si, &pi),
          "a suspended child");
    CheckError(!K32EnumProcessModules(pi.hProcess, mods, sizeof(mods), &needed), ERROR_PARTIAL_COPY,
               "its loader has not run: ERROR_PARTIAL_COPY");
    TerminateProcess(pi.hProcess, 0);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);

    /* The search, and failures. */
    WCHAR bare[64];
    memcpy(bare, L"k32_process child exit 7", sizeof(L"k32_process child exit 7"));
    Check(Run(bare, FALSE, 0, NULL, NULL, NULL) == 7, "a bare name is found in the application's folder, .exe added");
    Check(WinExec("k32_process child exit 0", SW_HIDE) > 31, "WinExec: above 31");
    Check(WinExec("no_such_program", SW_HIDE) == ERROR_FILE_NOT_FOUND, "WinExec of nothing: ERROR_FILE_NOT_FOUND");
    Check(Run(Line(L"crash"), FALSE, 0, NULL, NULL, NULL) == 0xC0000005, "a child's access violation is its exit code");
    WCHAR missing[] = L"no_such_program.exe";
    CheckError(Run(missing, FALSE, 0, NULL, NULL, NULL) == ~0u, ERROR_FILE_NOT_FOUND,
               "a program that is nowhere -> ERROR_FILE_NOT_FOUND");
    CheckError(!CreateProcessW(L"C:\\Windows\\System32\\kernel32.dll", NULL, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi),
               ERROR_BAD_EXE_FORMAT, "a DLL -> ERROR_BAD_EXE_FORMAT");
    HANDLE f = CreateFileW(L"C:\\Temp\\text.exe", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    WriteFile(f, "not a program", 13, &done, NULL);
    CloseHandle(f);
    CheckError(!CreateProcessW(L"C:\\Temp\\text.exe", NULL, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi),
               ERROR_BAD_EXE_FORMAT, "a text file -> ERROR_BAD_EXE_FORMAT");
    DeleteFileW(L"C:\\Temp\\text.exe");
    CheckError(!CreateProcessW(L"C:\\Windows", NULL, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi),
               ERROR_ACCESS_DENIED, "a folder -> ERROR_ACCESS_DENIED");
    CheckError(!CreateProcessW(NULL, NULL, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi), ERROR_INVALID_PARAMETER,
               "no name and no command line -> ERROR_INVALID_PARAMETER");
    CheckError(!CreateProcessW(NULL, Line(L"exit 0"), NULL, NULL, FALSE, DETACHED_PROCESS | CREATE_NEW_CONSOLE, NULL,
                               NULL, &si, &pi), ERROR_INVALID_PARAMETER,
               "DETACHED_PROCESS with CREATE_NEW_CONSOLE -> ERROR_INVALID_PARAMETER");
}

void Entry(void)
{
    SplitCommandLine();
    if (nargs >= 2 && Eq(args[0], "child"))
        ExitProcess(Child());
    if (nargs == 1 && Eq(args[0], "orphan")) {      /* leave a child waiting forever behind */
        GetModuleFileNameW(NULL, self, MAX_PATH);
        STARTUPINFOW si = {sizeof(si)};
        PROCESS_INFORMATION pi;
        ExitProcess(CreateProcessW(NULL, Line(L"wait"), NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi) ? 3 : 4);
    }
    Parent();
    ExitProcess((UINT)failures);
}
