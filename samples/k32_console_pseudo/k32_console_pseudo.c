/* Family 2, a pseudo console over two pipes: CreatePseudoConsole (argument checks too), a child of
 * this image created with PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE writes to its console (WriteFile and
 * WriteConsoleA, an 80 x 25 buffer, alone on it), ResizePseudoConsole, ClosePseudoConsole; then the
 * output pipe's bytes are printed with ESC as "\e" and BEL as "\a". Exit code: failures. */
#include "../k32.h"

#ifndef PSEUDOCONSOLE_INHERIT_CURSOR
typedef VOID *HPCON;
HRESULT WINAPI CreatePseudoConsole(COORD, HANDLE, HANDLE, DWORD, HPCON *);
HRESULT WINAPI ResizePseudoConsole(HPCON, COORD);
VOID WINAPI ClosePseudoConsole(HPCON);
#endif
#define ATTRIBUTE_PSEUDOCONSOLE 0x00020016

static void Child(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    CONSOLE_SCREEN_BUFFER_INFO info;
    DWORD list[4], mode, done;
    int ok = GetConsoleMode(out, &mode) && GetConsoleScreenBufferInfo(out, &info) && info.dwSize.X == 80 &&
             info.dwSize.Y == 25 && GetConsoleProcessList(list, 4) == 1 && list[0] == GetCurrentProcessId();
    WriteFile(out, "hello\n", 6, &done, NULL);
    WriteConsoleA(out, "world\r\n", 7, &done, NULL);
    ExitProcess(ok ? 0 : 1);
}

static void PrintEscaped(const char *p, DWORD n)
{
    char line[4096];
    int at = 0;
    for (DWORD i = 0; i < n && at < (int)sizeof(line) - 4; i++) {
        char c = p[i];
        if (c == 0x1b) { line[at++] = '\\'; line[at++] = 'e'; }
        else if (c == 7) { line[at++] = '\\'; line[at++] = 'a'; }
        else if (c == '\r') { line[at++] = '\\'; line[at++] = 'r'; }
        else if (c == '\n') { line[at++] = '\\'; line[at++] = 'n'; }
        else line[at++] = c;
    }
    line[at] = 0;
    Print(line);
    Print("\n");
}

void Entry(void)
{
    const char *cl = GetCommandLineA();
    int n = Len(cl);
    if (n > 6 && cl[n - 5] == 'c' && cl[n - 4] == 'h' && cl[n - 1] == 'd' && cl[n - 6] == ' ')
        Child();

    HANDLE in_read, in_write, out_read, out_write;
    CreatePipe(&in_read, &in_write, NULL, 0);
    CreatePipe(&out_read, &out_write, NULL, 0);
    HPCON pc = NULL;
    COORD size = {80, 25}, zero = {0, 25};
    Check(CreatePseudoConsole(zero, in_read, out_write, 0, &pc) == E_INVALIDARG && pc == NULL,
          "CreatePseudoConsole(0 x 25) -> E_INVALIDARG");
    Check(CreatePseudoConsole(size, in_read, out_write, 0, NULL) == E_INVALIDARG, "CreatePseudoConsole(NULL) -> E_INVALIDARG");
    Check(CreatePseudoConsole(size, in_read, out_write, 0, &pc) == S_OK && pc != NULL, "CreatePseudoConsole(80 x 25)");
    CloseHandle(in_read);                       /* the console holds its own */
    CloseHandle(out_write);

    SIZE_T bytes = 0;
    InitializeProcThreadAttributeList(NULL, 1, 0, &bytes);
    static BYTE storage[256];
    LPPROC_THREAD_ATTRIBUTE_LIST attributes = (LPPROC_THREAD_ATTRIBUTE_LIST)storage;
    STARTUPINFOEXA si = {{sizeof(si)}, attributes};
    Check(bytes <= sizeof(storage) && InitializeProcThreadAttributeList(attributes, 1, 0, &bytes) &&
          UpdateProcThreadAttribute(attributes, 0, ATTRIBUTE_PSEUDOCONSOLE, pc, sizeof(pc), NULL, NULL),
          "UpdateProcThreadAttribute(PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE)");
    char line[MAX_PATH + 16] = "\"";
    char image[MAX_PATH];
    DWORD len = GetModuleFileNameA(NULL, image, MAX_PATH), at = 1;
    for (DWORD i = 0; i < len; i++) line[at++] = image[i];
    const char *tail = "\" child";
    for (const char *p = tail; *p; p++) line[at++] = *p;
    line[at] = 0;
    PROCESS_INFORMATION pi;
    DWORD code = 99;
    if (CreateProcessA(NULL, line, NULL, NULL, FALSE, EXTENDED_STARTUPINFO_PRESENT, NULL, NULL, &si.StartupInfo, &pi)) {
        WaitForSingleObject(pi.hProcess, 20000);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
    Check(code == 0, "the child: a console of 80 x 25, alone on it");
    COORD bigger = {100, 30}, bad = {100, 0};
    Check(ResizePseudoConsole(pc, bigger) == S_OK, "ResizePseudoConsole(100 x 30)");
    Check(ResizePseudoConsole(pc, bad) == E_INVALIDARG, "ResizePseudoConsole(100 x 0) -> E_INVALIDARG");
    ClosePseudoConsole(pc);
    DeleteProcThreadAttributeList(attributes);

    static char output[4096];
    DWORD total = 0, got = 0;
    while (total < sizeof(output) && ReadFile(out_read, output + total, sizeof(output) - total, &got, NULL) && got)
        total += got;
    Check(GetLastError() == ERROR_BROKEN_PIPE, "the output pipe ends once the console is closed");
    Print("output: ");
    PrintEscaped(output, total);
    CloseHandle(out_read);
    CloseHandle(in_write);
    ExitProcess((UINT)failures);
}
