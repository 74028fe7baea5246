/* Family 2, the process and its console, redirected or not (the console itself answers, not the
 * standard handles): GetConsoleProcessList (a child on the same console comes first), AllocConsole
 * and AttachConsole while attached (ERROR_ACCESS_DENIED), FreeConsole, AttachConsole of a missing
 * process, AllocConsole again; the alias table of an exe name, the command history settings, the
 * input exe name, and the console's fixed facts (display mode, selection, mouse buttons, fonts).
 * Run with an argument "child <pid>" it checks the list [itself, pid] and exits 0. Exit code: failures. */
#include "../k32.h"

/* kernel32 exports these; the headers do not declare them */
DWORD WINAPI GetNumberOfConsoleFonts(void);
BOOL WINAPI VerifyConsoleIoHandle(HANDLE);
DWORD WINAPI GetConsoleInputExeNameW(DWORD, LPWSTR);
DWORD WINAPI GetConsoleInputExeNameA(DWORD, LPSTR);
BOOL WINAPI SetConsoleInputExeNameW(LPCWSTR);
BOOL WINAPI SetConsoleInputExeNameA(LPCSTR);

static DWORD ParseTail(const char *s)
{
    DWORD v = 0;
    const char *p = s + Len(s);
    while (p > s && p[-1] >= '0' && p[-1] <= '9') p--;
    while (*p >= '0' && *p <= '9') v = v * 10 + (DWORD)(*p++ - '0');
    return v;
}

static int Same(const WCHAR *a, const WCHAR *b, int n)
{
    for (int i = 0; i < n; i++) if (a[i] != b[i]) return 0;
    return 1;
}

/* The child: on its parent's console, then off it, then back through ATTACH_PARENT_PROCESS. */
static void Child(DWORD parent)
{
    DWORD list[8] = {0}, me = GetCurrentProcessId();
    DWORD n = GetConsoleProcessList(list, 8);
    int ok = n == 2 && list[0] == me && list[1] == parent;
    DWORD one[1] = {0};
    ok = ok && GetConsoleProcessList(one, 1) == 2 && one[0] == 0;        /* too small: the count, nothing stored */
    ok = ok && FreeConsole() && GetConsoleProcessList(list, 8) == 0 && GetLastError() == ERROR_INVALID_HANDLE;
    ok = ok && AttachConsole(ATTACH_PARENT_PROCESS) && GetConsoleProcessList(list, 8) == 2 && list[0] == me &&
         list[1] == parent;
    ExitProcess(ok ? 0 : 1);
}

static void Processes(void)
{
    DWORD list[8] = {0}, me = GetCurrentProcessId();
    Check(GetConsoleProcessList(list, 8) == 1 && list[0] == me, "GetConsoleProcessList: this process alone");
    SetLastError(0);
    CheckError(GetConsoleProcessList(NULL, 0) == 0, ERROR_INVALID_PARAMETER, "GetConsoleProcessList(NULL, 0) -> ERROR_INVALID_PARAMETER");

    /* A child of this image on the same console: the list is [child, parent] while it runs. */
    char line[MAX_PATH + 32] = "\"";
    char image[MAX_PATH];
    DWORD n = GetModuleFileNameA(NULL, image, MAX_PATH);
    int at = 1;
    for (DWORD i = 0; i < n; i++) line[at++] = image[i];
    const char *tail = "\" child ";
    for (const char *p = tail; *p; p++) line[at++] = *p;
    char digits[16];
    int d = 0;
    DWORD v = me;
    do { digits[d++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (d) line[at++] = digits[--d];
    line[at] = 0;
    STARTUPINFOA si = {sizeof(si)};
    PROCESS_INFORMATION pi;
    DWORD code = 99;
    if (CreateProcessA(NULL, line, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        WaitForSingleObject(pi.hProcess, 20000);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
    Check(code == 0, "a child on the console: GetConsoleProcessList is [child, parent]; freed and attached again");
    Check(GetConsoleProcessList(list, 1) == 1 && list[0] == me, "the child gone: this process alone again");

    SetLastError(0);
    CheckError(!AllocConsole(), ERROR_ACCESS_DENIED, "AllocConsole while attached -> ERROR_ACCESS_DENIED");
    SetLastError(0);
    CheckError(!AttachConsole(ATTACH_PARENT_PROCESS), ERROR_ACCESS_DENIED, "AttachConsole while attached -> ERROR_ACCESS_DENIED");
    Check(FreeConsole(), "FreeConsole");
    SetLastError(0);
    CheckError(GetConsoleProcessList(list, 8) == 0, ERROR_INVALID_HANDLE, "GetConsoleProcessList without a console -> ERROR_INVALID_HANDLE");
    Check(FreeConsole(), "FreeConsole without a console succeeds too");
    SetLastError(0);
    CheckError(!AttachConsole(0x7FFFFFF0), ERROR_INVALID_PARAMETER, "AttachConsole(no such process) -> ERROR_INVALID_PARAMETER");
    Check(AllocConsole() && GetConsoleProcessList(list, 8) == 1 && list[0] == me, "AllocConsole: on a console again");
}

static void Aliases(void)
{
    WCHAR target[64];
    Check(AddConsoleAliasW(L"ll", L"dir /w", L"probe.exe") && AddConsoleAliasW(L"cd..", L"cd ..", L"probe.exe"),
          "AddConsoleAliasW: two aliases of probe.exe");
    Check(GetConsoleAliasW(L"LL", target, sizeof(target), L"PROBE.EXE") == 14 && Same(target, L"dir /w", 7),
          "GetConsoleAliasW: found without case, 14 bytes with the terminator");
    SetLastError(0);
    CheckError(GetConsoleAliasW(L"ls", target, sizeof(target), L"probe.exe") == 0, ERROR_GEN_FAILURE,
               "GetConsoleAliasW(no such alias) -> ERROR_GEN_FAILURE");
    SetLastError(0);
    CheckError(GetConsoleAliasW(L"ll", target, 4, L"probe.exe") == 0, ERROR_INSUFFICIENT_BUFFER,
               "GetConsoleAliasW(4 bytes) -> ERROR_INSUFFICIENT_BUFFER");
    char all[64] = {0};
    DWORD length = GetConsoleAliasesLengthA("probe.exe");
    Check(length == 21 && GetConsoleAliasesA(all, sizeof(all), "probe.exe") == 21 &&
          all[0] == 'l' && all[9] == 0 && all[10] == 'c' && all[20] == 0,
          "GetConsoleAliasesA: \"ll=dir /w\\0cd..=cd ..\\0\", 21 bytes");
    WCHAR exes[32] = {0};
    Check(GetConsoleAliasExesLengthW() == 20 && GetConsoleAliasExesW(exes, sizeof(exes)) == 20 &&
          Same(exes, L"probe.exe", 10), "GetConsoleAliasExesW: \"probe.exe\\0\", 20 bytes");
    Check(AddConsoleAliasA("ll", NULL, "probe.exe") && GetConsoleAliasesLengthW(L"probe.exe") == 22,
          "AddConsoleAliasA(target NULL) removes it");
    SetLastError(0);
    CheckError(!AddConsoleAliasW(L"zz", NULL, L"probe.exe"), ERROR_GEN_FAILURE,
               "removing an alias that is not there -> ERROR_GEN_FAILURE");
    Check(GetConsoleAliasesLengthW(L"other.exe") == 0, "another exe name has no aliases");
}

static void History(void)
{
    CONSOLE_HISTORY_INFO info = {sizeof(info)};
    Check(GetConsoleHistoryInfo(&info) && info.HistoryBufferSize == 50 && info.NumberOfHistoryBuffers == 4 &&
          info.dwFlags == 0, "GetConsoleHistoryInfo: 50 commands, 4 buffers, no flags");
    CONSOLE_HISTORY_INFO set = {sizeof(set), 25, 2, HISTORY_NO_DUP_FLAG};
    Check(SetConsoleHistoryInfo(&set) && GetConsoleHistoryInfo(&info) && info.HistoryBufferSize == 25 &&
          info.NumberOfHistoryBuffers == 2 && info.dwFlags == HISTORY_NO_DUP_FLAG, "SetConsoleHistoryInfo");
    CONSOLE_HISTORY_INFO bad = {8};
    SetLastError(0);
    CheckError(!GetConsoleHistoryInfo(&bad), ERROR_INVALID_PARAMETER, "GetConsoleHistoryInfo(cbSize 8) -> ERROR_INVALID_PARAMETER");
    Check(SetConsoleNumberOfCommandsA(10, "probe.exe") && GetConsoleCommandHistoryLengthA("probe.exe") == 0,
          "SetConsoleNumberOfCommandsA; an empty history");
    ExpungeConsoleCommandHistoryW(L"probe.exe");

    WCHAR name[MAX_PATH];
    Check(GetConsoleInputExeNameW(MAX_PATH, name) && Same(name, L"k32_console_session.exe", 24),
          "GetConsoleInputExeNameW: the image's name");
    char small[4];
    SetLastError(0);
    CheckError(!GetConsoleInputExeNameA(4, small), ERROR_BUFFER_OVERFLOW, "GetConsoleInputExeNameA(4) -> ERROR_BUFFER_OVERFLOW");
    char back[16];
    Check(SetConsoleInputExeNameA("cmd.exe") && GetConsoleInputExeNameA(16, back) && back[0] == 'c' && back[7] == 0,
          "SetConsoleInputExeNameA(\"cmd.exe\")");
    SetLastError(0);
    CheckError(!SetConsoleInputExeNameW(L""), ERROR_INVALID_PARAMETER, "SetConsoleInputExeNameW(\"\") -> ERROR_INVALID_PARAMETER");
}

static void Facts(void)
{
    DWORD v = 99;
    Check(GetConsoleDisplayMode(&v) && v == 0, "GetConsoleDisplayMode: windowed (0)");
    COORD size;
    SetLastError(0);
    CheckError(!SetConsoleDisplayMode(GetStdHandle(STD_OUTPUT_HANDLE), CONSOLE_FULLSCREEN_MODE, &size),
               ERROR_CALL_NOT_IMPLEMENTED, "SetConsoleDisplayMode on x64 -> ERROR_CALL_NOT_IMPLEMENTED");
    CONSOLE_SELECTION_INFO sel;
    Check(GetConsoleSelectionInfo(&sel) && sel.dwFlags == CONSOLE_NO_SELECTION, "GetConsoleSelectionInfo: no selection");
    Check(GetNumberOfConsoleMouseButtons(&v) && v == 3, "GetNumberOfConsoleMouseButtons: 3");
    Check(!VerifyConsoleIoHandle(NULL) && !VerifyConsoleIoHandle(INVALID_HANDLE_VALUE), "VerifyConsoleIoHandle(NULL, -1) is FALSE");
}


void Entry(void)
{
    const char *line = GetCommandLineA();
    for (const char *p = line; *p; p++)
        if (p[0] == 'c' && p[1] == 'h' && p[2] == 'i' && p[3] == 'l' && p[4] == 'd' && p[5] == ' ')
            Child(ParseTail(line));
    Processes();
    Aliases();
    History();
    Facts();
    Check(GetNumberOfConsoleFonts() == 1, "GetNumberOfConsoleFonts: 1");
    ExitProcess((UINT)failures);
}
