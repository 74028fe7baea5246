/* The legacy kernel32 calls programs still import: MulDiv's rounding and overflow, the undecorated
 * lstr* names, IsBad*Ptr over committed, reserved, no-access and guard pages, FlushInstructionCache
 * after code is rewritten, NeedCurrentDirectoryForExePath, the process and thread counters
 * (GetSystemTimes, GetProcessHandleCount, GetProcessVersion, the thread's priority boost, its stack
 * limits, the unbiased interrupt time, the installed memory), the processor topology of a
 * two-processor boot, and, in child copies of itself, RaiseFailFastException and FatalAppExit.
 * Exit code: failed checks. */
#include "../k32.h"
#include <psapi.h>

#undef lstrcat
#undef lstrcmp
#undef lstrcmpi
#undef lstrcpy
#undef lstrcpyn
#undef lstrlen
__declspec(dllimport) LPSTR WINAPI lstrcat(LPSTR, LPCSTR);
__declspec(dllimport) int WINAPI lstrcmp(LPCSTR, LPCSTR);
__declspec(dllimport) int WINAPI lstrcmpi(LPCSTR, LPCSTR);
__declspec(dllimport) LPSTR WINAPI lstrcpy(LPSTR, LPCSTR);
__declspec(dllimport) LPSTR WINAPI lstrcpyn(LPSTR, LPCSTR, int);
__declspec(dllimport) int WINAPI lstrlen(LPCSTR);

void Entry(void);

static ULONGLONG Ft(FILETIME f) { return ((ULONGLONG)f.dwHighDateTime << 32) | f.dwLowDateTime; }

/* Run this image again with one argument; its exit code. */
static DWORD Child(const WCHAR *arg)
{
    WCHAR cmd[MAX_PATH + 32];
    DWORD n = GetModuleFileNameW(NULL, cmd + 1, MAX_PATH);
    cmd[0] = L'"';
    cmd[n + 1] = L'"';
    cmd[n + 2] = L' ';
    int i = 0;
    while (arg[i]) { cmd[n + 3 + i] = arg[i]; i++; }
    cmd[n + 3 + i] = 0;
    STARTUPINFOW si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    if (!CreateProcessW(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi))
        return 0xFFFFFFFF;
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 0xFFFFFFFF;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hThread);
    CloseHandle(pi.hProcess);
    return code;
}

static LONG WINAPI Filter(EXCEPTION_POINTERS *e) { (void)e; Print("the filter ran\n"); return EXCEPTION_EXECUTE_HANDLER; }

static int EndsWith(const WCHAR *s, const WCHAR *tail)
{
    int a = 0, b = 0;
    while (s[a]) a++;
    while (tail[b]) b++;
    if (b > a) return 0;
    for (int i = 0; i < b; i++)
        if (s[a - b + i] != tail[i]) return 0;
    return 1;
}

static void Children(void)
{
    const WCHAR *cmd = GetCommandLineW();
    if (EndsWith(cmd, L" failfast")) {
        SetUnhandledExceptionFilter(Filter);
        EXCEPTION_RECORD r = { 0 };
        r.ExceptionCode = 0xE0000123;
        RaiseFailFastException(&r, NULL, 0);
        Print("RaiseFailFastException returned\n");
        ExitProcess(1);
    }
    if (EndsWith(cmd, L" failfast0")) {
        RaiseFailFastException(NULL, NULL, 0);
        ExitProcess(1);
    }
    if (EndsWith(cmd, L" fatal")) {
        FatalAppExitA(0, "the application cannot go on");
        Print("FatalAppExitA returned\n");
        ExitProcess(1);
    }
}

static void Arithmetic(void)
{
    Check(MulDiv(10, 3, 4) == 8 && MulDiv(-10, 3, 4) == -8 && MulDiv(-5, 1, -2) == 3 && MulDiv(7, 1, 2) == 4,
          "MulDiv rounds half away from zero");
    Check(MulDiv(10, 3, 5) == 6 && MulDiv(0x10000, 0x10000, 0x100) == 0x1000000,
          "MulDiv keeps the 64-bit product");
    Check(MulDiv(1, 1, 0) == -1 && MulDiv(0x7FFFFFFF, 2, 1) == -1 && MulDiv(0x7FFFFFFF, 2, 2) == 0x7FFFFFFF,
          "MulDiv: -1 for a zero divisor or an overflow");
    char buf[16];
    lstrcpy(buf, "ab");
    lstrcat(buf, "cD");
    Check(lstrlen(buf) == 4 && lstrcmp(buf, "abcD") == 0 && lstrcmpi(buf, "ABCD") == 0 && lstrcmp(buf, "abcd") != 0,
          "lstrcpy, lstrcat, lstrlen, lstrcmp, lstrcmpi");
    Check(lstrcpyn(buf, "hello", 3) == buf && lstrlen(buf) == 2, "lstrcpyn keeps n-1 characters");
}

static void Probes(void)
{
    int local = 0;
    Check(!IsBadReadPtr(NULL, 0) && IsBadReadPtr(NULL, 1) && IsBadWritePtr(NULL, 4), "NULL is bad unless the length is 0");
    Check(!IsBadReadPtr(&local, sizeof(local)) && !IsBadWritePtr(&local, sizeof(local)), "a stack variable is good");
    Check(!IsBadCodePtr((FARPROC)Entry) && !IsBadReadPtr((void *)Entry, 16) && IsBadWritePtr((void *)Entry, 1),
          "code: readable, not writable");
    BYTE *mem = VirtualAlloc(NULL, 0x4000, MEM_RESERVE, PAGE_READWRITE);
    VirtualAlloc(mem, 0x1000, MEM_COMMIT, PAGE_READWRITE);
    VirtualAlloc(mem + 0x2000, 0x1000, MEM_COMMIT, PAGE_NOACCESS);
    VirtualAlloc(mem + 0x3000, 0x1000, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD);
    Check(!IsBadWritePtr(mem, 0x1000) && IsBadReadPtr(mem, 0x1001), "a range running into reserved memory is bad");
    Check(IsBadReadPtr(mem + 0x1000, 1), "reserved memory is bad");
    Check(IsBadReadPtr(mem + 0x2000, 1) && IsBadWritePtr(mem + 0x2000, 1), "a PAGE_NOACCESS page is bad");
    Check(IsBadReadPtr(mem + 0x3000, 1), "a guard page is bad");
    MEMORY_BASIC_INFORMATION mbi;
    VirtualQuery(mem + 0x3000, &mbi, sizeof(mbi));
    Check(mbi.Protect == (PAGE_READWRITE | PAGE_GUARD), "and stays a guard page");
    Check(IsBadReadPtr((void *)~(ULONG_PTR)0xF, 0x20), "a range that wraps around is bad");
    DWORD old;
    VirtualProtect(mem, 0x1000, PAGE_READONLY, &old);
    Check(!IsBadReadPtr(mem, 0x1000) && IsBadWritePtr(mem, 1), "a read-only page: readable, not writable");
    char *tail = (char *)mem + 0xFFC;
    VirtualProtect(mem, 0x1000, PAGE_READWRITE, &old);
    tail[0] = 'a'; tail[1] = 'b'; tail[2] = 0; tail[3] = 'c';
    Check(!IsBadStringPtrA(tail, 100), "IsBadStringPtrA: a string ending before the page does is good");
    tail[2] = 'x';
    Check(IsBadStringPtrA(tail, 100) && !IsBadStringPtrA(tail, 4), "one running off the page is bad, unless max stops first");
    WCHAR *wtail = (WCHAR *)(mem + 0xFFC);
    wtail[0] = L'a'; wtail[1] = L'b';
    Check(IsBadStringPtrW(wtail, 3) && !IsBadStringPtrW(wtail, 2) && !IsBadStringPtrW(L"x", 50) && IsBadStringPtrW(NULL, 1),
          "IsBadStringPtrW");
    VirtualFree(mem, 0, MEM_RELEASE);
}

typedef int (*RETURNS)(void);

static void Code(void)
{
    BYTE *code = VirtualAlloc(NULL, 0x1000, MEM_COMMIT, PAGE_EXECUTE_READWRITE);
    static const BYTE one[] = { 0xB8, 1, 0, 0, 0, 0xC3 };           /* mov eax, 1; ret */
    for (unsigned i = 0; i < sizeof(one); i++) code[i] = one[i];
    Check(FlushInstructionCache(GetCurrentProcess(), code, sizeof(one)) && ((RETURNS)code)() == 1,
          "FlushInstructionCache, then the new code runs");
    code[1] = 2;
    Check(FlushInstructionCache(GetCurrentProcess(), code, sizeof(one)) && ((RETURNS)code)() == 2,
          "rewritten, flushed and run again");
    CheckError(!FlushInstructionCache((HANDLE)(ULONG_PTR)0x1234, code, 1), ERROR_INVALID_HANDLE,
               "FlushInstructionCache of a bad handle -> ERROR_INVALID_HANDLE");
    FlushProcessWriteBuffers();
    Check(Beep(750, 10), "Beep");
    Check(NeedCurrentDirectoryForExePathA("cmd.exe") && NeedCurrentDirectoryForExePathW(L"a\\b.exe"),
          "NeedCurrentDirectoryForExePath: TRUE by default");
    SetEnvironmentVariableA("NoDefaultCurrentDirectoryInExePath", "1");
    Check(!NeedCurrentDirectoryForExePathA("cmd.exe") && NeedCurrentDirectoryForExePathW(L".\\cmd.exe"),
          "with NoDefaultCurrentDirectoryInExePath set: FALSE, unless the name has a backslash");
    SetEnvironmentVariableA("NoDefaultCurrentDirectoryInExePath", NULL);
    VirtualFree(code, 0, MEM_RELEASE);
}

static DWORD WINAPI Spin(LPVOID p) { (void)p; return 0; }

static void Counters(void)
{
    FILETIME idle, kernel, user;
    Check(GetSystemTimes(&idle, &kernel, &user) && Ft(kernel) >= Ft(idle), "GetSystemTimes: kernel time includes idle");
    DWORD before = 0, after = 0, closed = 0;
    Check(GetProcessHandleCount(GetCurrentProcess(), &before) && before > 0, "GetProcessHandleCount");
    HANDLE ev = CreateEventW(NULL, FALSE, FALSE, NULL);
    GetProcessHandleCount(GetCurrentProcess(), &after);
    CloseHandle(ev);
    GetProcessHandleCount(GetCurrentProcess(), &closed);
    Check(after == before + 1 && closed == before, "one more with an event open, back after CloseHandle");
    CheckError(!GetProcessHandleCount((HANDLE)(ULONG_PTR)0x1234, &after), ERROR_INVALID_HANDLE,
               "GetProcessHandleCount of a bad handle -> ERROR_INVALID_HANDLE");
    Print("     process version ");
    PrintNum(GetProcessVersion(0), 1);
    Print("\n");
    Check(GetProcessVersion(GetCurrentProcessId()) == GetProcessVersion(0), "GetProcessVersion by id and by 0 agree");
    CheckError(GetProcessVersion(0x7FFFFFF0) == 0, ERROR_INVALID_PARAMETER, "GetProcessVersion of no process -> ERROR_INVALID_PARAMETER");

    BOOL disabled = TRUE;
    Check(GetThreadPriorityBoost(GetCurrentThread(), &disabled) && !disabled, "the thread's boost is on");
    Check(SetThreadPriorityBoost(GetCurrentThread(), TRUE) && GetThreadPriorityBoost(GetCurrentThread(), &disabled) && disabled,
          "SetThreadPriorityBoost(TRUE) switches it off");
    SetThreadPriorityBoost(GetCurrentThread(), FALSE);
    HANDLE t = CreateThread(NULL, 0, Spin, NULL, CREATE_SUSPENDED, NULL);
    SetProcessPriorityBoost(GetCurrentProcess(), TRUE);
    Check(GetThreadPriorityBoost(t, &disabled) && disabled, "SetProcessPriorityBoost reaches the process's threads");
    SetProcessPriorityBoost(GetCurrentProcess(), FALSE);
    ResumeThread(t);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);

    ULONG_PTR low = 0, high = 0;
    GetCurrentThreadStackLimits(&low, &high);
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)((BYTE *)GetModuleHandleW(NULL) + ((IMAGE_DOS_HEADER *)GetModuleHandleW(NULL))->e_lfanew);
    Check(low < (ULONG_PTR)&low && (ULONG_PTR)&low < high && high - low == nt->OptionalHeader.SizeOfStackReserve,
          "GetCurrentThreadStackLimits: the whole reservation, this frame inside it");
    ULONGLONG t0 = 0, t1 = 0;
    Check(QueryUnbiasedInterruptTime(&t0) && t0 > 0, "QueryUnbiasedInterruptTime");
    Sleep(50);
    QueryUnbiasedInterruptTime(&t1);
    Check(t1 - t0 >= 400000, "it advances by the time slept");
    ULONGLONG kb = 0;
    MEMORYSTATUSEX ms = { sizeof(ms) };
    GlobalMemoryStatusEx(&ms);
    Check(GetPhysicallyInstalledSystemMemory(&kb) && kb * 1024 >= ms.ullTotalPhys, "GetPhysicallyInstalledSystemMemory");
    CheckError(!GetPhysicallyInstalledSystemMemory(NULL), ERROR_INVALID_PARAMETER, "with NULL -> ERROR_INVALID_PARAMETER");

    DWORD ids[64], got = 0;
    int self = 0;
    Check(K32EnumProcesses(ids, sizeof(ids), &got) && got % 4 == 0 && got >= 8, "K32EnumProcesses");
    for (DWORD i = 0; i < got / 4; i++)
        self |= ids[i] == GetCurrentProcessId();
    Check(self && ids[0] == 0 && ids[1] == 4, "the Idle process, System, and this one");
    Check(K32EnumProcesses(ids, 4, &got) && got == 4, "a one-id buffer gets one id");
}

static void Topology(void)
{
    DWORD len = 0;
    CheckError(!GetLogicalProcessorInformation(NULL, &len), ERROR_INSUFFICIENT_BUFFER,
               "GetLogicalProcessorInformation(NULL) -> ERROR_INSUFFICIENT_BUFFER");
    SYSTEM_LOGICAL_PROCESSOR_INFORMATION info[64];
    Check(len % sizeof(info[0]) == 0 && len <= sizeof(info), "with the size needed");
    int cores = 0, packages = 0, nodes = 0, caches = 0;
    KAFFINITY all = 0;
    Check(GetLogicalProcessorInformation(info, &len), "GetLogicalProcessorInformation");
    for (DWORD i = 0; i < len / sizeof(info[0]); i++) {
        cores += info[i].Relationship == RelationProcessorCore;
        packages += info[i].Relationship == RelationProcessorPackage;
        nodes += info[i].Relationship == RelationNumaNode;
        caches += info[i].Relationship == RelationCache;
        if (info[i].Relationship == RelationProcessorCore) all |= info[i].ProcessorMask;
    }
    Check(cores == 2 && all == 3 && packages == 1 && nodes == 1, "two cores, one package, one NUMA node");
    BYTE ex[4096];
    len = 0;
    CheckError(!GetLogicalProcessorInformationEx(RelationAll, NULL, &len), ERROR_INSUFFICIENT_BUFFER,
               "GetLogicalProcessorInformationEx(NULL) -> ERROR_INSUFFICIENT_BUFFER");
    Check(len <= sizeof(ex) && GetLogicalProcessorInformationEx(RelationAll, (void *)ex, &len), "GetLogicalProcessorInformationEx(RelationAll)");
    int ex_cores = 0, ex_caches = 0, groups = 0, active = 0;
    for (DWORD at = 0; at < len; ) {
        SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *e = (void *)(ex + at);
        ex_cores += e->Relationship == RelationProcessorCore;
        ex_caches += e->Relationship == RelationCache;
        if (e->Relationship == RelationGroup) { groups++; active = e->Group.GroupInfo[0].ActiveProcessorCount; }
        at += e->Size;
    }
    Check(ex_cores == 2 && ex_caches == caches && groups == 1 && active == 2, "the same cores and caches, one group of two");
    len = sizeof(ex);
    Check(GetLogicalProcessorInformationEx(RelationProcessorCore, (void *)ex, &len) &&
          len == 2 * ((SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX *)ex)->Size, "RelationProcessorCore: the two cores only");
    Check(GetActiveProcessorGroupCount() == 1 && GetMaximumProcessorGroupCount() == 1, "one processor group");
    GROUP_AFFINITY ga, prev;
    Check(GetThreadGroupAffinity(GetCurrentThread(), &ga) && ga.Group == 0 && ga.Mask == 3, "GetThreadGroupAffinity: group 0, both");
    GROUP_AFFINITY one = { 0 };
    one.Mask = 2;
    Check(SetThreadGroupAffinity(GetCurrentThread(), &one, &prev) && prev.Mask == 3, "SetThreadGroupAffinity, the previous returned");
    Sleep(0);
    PROCESSOR_NUMBER pn;
    GetCurrentProcessorNumberEx(&pn);
    Check(pn.Group == 0 && pn.Number == 1, "GetCurrentProcessorNumberEx: on processor 1 now");
    one.Group = 1;
    CheckError(!SetThreadGroupAffinity(GetCurrentThread(), &one, NULL), ERROR_INVALID_PARAMETER,
               "group 1 -> ERROR_INVALID_PARAMETER");
    one.Group = 0;
    one.Mask = 3;
    SetThreadGroupAffinity(GetCurrentThread(), &one, NULL);
    USHORT count = 0, group_list[2] = { 9, 9 };
    CheckError(!GetProcessGroupAffinity(GetCurrentProcess(), &count, group_list) && count == 1, ERROR_INSUFFICIENT_BUFFER,
               "GetProcessGroupAffinity with no room -> ERROR_INSUFFICIENT_BUFFER, count 1");
    count = 2;
    Check(GetProcessGroupAffinity(GetCurrentProcess(), &count, group_list) && count == 1 && group_list[0] == 0,
          "GetProcessGroupAffinity: group 0");
}

static void Endings(void)
{
    Check(Child(L"failfast") == 0xE0000123, "RaiseFailFastException: the exit code is the record's, no filter ran");
    Check(Child(L"failfast0") == 0xC0000602, "without a record: STATUS_FAIL_FAST_EXCEPTION");
    Check(Child(L"fatal") == 0, "FatalAppExitA: the process ends");
}

void Entry(void)
{
    Children();
    Arithmetic();
    Probes();
    Code();
    Counters();
    Topology();
    Endings();
    ExitProcess(failures);
}
