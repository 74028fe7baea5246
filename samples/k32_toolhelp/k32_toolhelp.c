/* Family 7, the Toolhelp snapshots: processes (the Idle process as [System Process], System, this
 * one by name with its thread count), threads (a suspended second thread shows up in the snapshot
 * taken after it), modules (the image first, then ntdll, kernel32 by name and path), the heap list
 * (the default heap flagged), and the documented errors. Exit code: failed checks. */
#include "../k32.h"
#include <tlhelp32.h>

static int Same(const char *a, const char *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static DWORD WINAPI Idle(LPVOID p) { (void)p; return 0; }

void Entry(void)
{
    DWORD self = GetCurrentProcessId();
    HANDLE extra = CreateThread(NULL, 0, Idle, NULL, CREATE_SUSPENDED, NULL);
    DWORD extra_id = GetThreadId(extra);

    /* Processes. */
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    Check(snap != INVALID_HANDLE_VALUE, "CreateToolhelp32Snapshot(SNAPPROCESS)");
    PROCESSENTRY32 pe;
    pe.dwSize = sizeof(pe) - 1;
    CheckError(!Process32First(snap, &pe), ERROR_BAD_LENGTH, "Process32First with a short dwSize -> ERROR_BAD_LENGTH");
    pe.dwSize = sizeof(pe);
    Check(Process32First(snap, &pe) && pe.th32ProcessID == 0 && Same(pe.szExeFile, "[System Process]"),
          "the first process is [System Process], id 0");
    Check(Process32Next(snap, &pe) && pe.th32ProcessID == 4 && Same(pe.szExeFile, "System"),
          "then System, id 4");
    int found = 0, count = 2;
    while (Process32Next(snap, &pe)) {
        count++;
        if (pe.th32ProcessID == self) {
            found = 1;
            Check(Same(pe.szExeFile, "k32_toolhelp.exe"), "this process by its image name");
            Check(pe.cntThreads == 2, "with its two threads");
            Check(pe.pcPriClassBase == 8, "normal priority class base 8");
        }
    }
    CheckError(1, ERROR_NO_MORE_FILES, "the walk ends with ERROR_NO_MORE_FILES");
    Check(found && count == 3, "three processes, this one among them");
    CheckError(!Process32Next(snap, &pe), ERROR_NO_MORE_FILES, "and stays at the end");
    PROCESSENTRY32W pw;
    pw.dwSize = sizeof(pw);
    Check(Process32FirstW(snap, &pw) && pw.th32ProcessID == 0 && pw.szExeFile[0] == '[', "Process32FirstW starts over");
    THREADENTRY32 te;
    te.dwSize = sizeof(te);
    CheckError(!Thread32First(snap, &te), ERROR_NO_MORE_FILES, "no threads in a process snapshot -> ERROR_NO_MORE_FILES");
    Check(CloseHandle(snap), "CloseHandle(snapshot)");

    /* Threads. */
    snap = CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0);
    int mine = 0, main_seen = 0, extra_seen = 0;
    for (BOOL ok = Thread32First(snap, &te); ok; ok = Thread32Next(snap, &te)) {
        if (te.th32OwnerProcessID != self) continue;
        mine++;
        main_seen |= te.th32ThreadID == GetCurrentThreadId();
        extra_seen |= te.th32ThreadID == extra_id;
        if (te.th32ThreadID == GetCurrentThreadId())
            Check(te.tpBasePri == 8 && te.dwSize == sizeof(te), "the main thread's base priority 8");
    }
    Check(mine == 2 && main_seen && extra_seen, "SNAPTHREAD: both of this process's threads");
    te.dwSize = 8;
    CheckError(!Thread32First(snap, &te), ERROR_BAD_LENGTH, "Thread32First with a short dwSize -> ERROR_BAD_LENGTH");
    CloseHandle(snap);

    /* Modules. */
    snap = CreateToolhelp32Snapshot(TH32CS_SNAPMODULE | TH32CS_SNAPMODULE32, 0);
    MODULEENTRY32 me;
    me.dwSize = sizeof(me);
    Check(Module32First(snap, &me) && Same(me.szModule, "k32_toolhelp.exe") && me.hModule == GetModuleHandleA(NULL)
          && me.th32ProcessID == self, "the first module is the image");
    Check(Module32Next(snap, &me) && Same(me.szModule, "ntdll.dll") && Same(me.szExePath, "C:\\Windows\\System32\\ntdll.dll"),
          "then ntdll, with its path");
    int k32 = 0;
    while (Module32Next(snap, &me))
        if (Same(me.szModule, "KERNEL32.DLL") || Same(me.szModule, "kernel32.dll"))
            k32 = me.hModule == GetModuleHandleA("kernel32.dll") && me.modBaseAddr == (BYTE *)me.hModule
                  && me.modBaseSize > 0;
    Check(k32, "kernel32 is among them, at its handle");
    CheckError(GetLastError() == ERROR_NO_MORE_FILES, ERROR_NO_MORE_FILES, "Module32Next ends with ERROR_NO_MORE_FILES");
    MODULEENTRY32W mw;
    mw.dwSize = sizeof(mw);
    Check(Module32FirstW(snap, &mw) && mw.szModule[0] == 'k', "Module32FirstW");
    CloseHandle(snap);
    CheckError(CreateToolhelp32Snapshot(TH32CS_SNAPMODULE, 0x7FFFFFF0) == INVALID_HANDLE_VALUE, ERROR_INVALID_PARAMETER,
               "SNAPMODULE of a process that does not exist -> ERROR_INVALID_PARAMETER");

    /* Heaps. */
    snap = CreateToolhelp32Snapshot(TH32CS_SNAPHEAPLIST, 0);
    HANDLE mine_heap = HeapCreate(0, 0, 0);
    HEAPLIST32 hl;
    hl.dwSize = sizeof(hl);
    Check(Heap32ListFirst(snap, &hl) && hl.th32HeapID == (ULONG_PTR)GetProcessHeap() && hl.dwFlags == HF32_DEFAULT,
          "the first heap is the default heap, HF32_DEFAULT");
    CheckError(!Heap32ListNext(snap, &hl) || hl.th32HeapID != (ULONG_PTR)mine_heap, ERROR_NO_MORE_FILES,
               "a heap created after the snapshot is not in it");
    CloseHandle(snap);
    ResumeThread(extra);
    WaitForSingleObject(extra, INFINITE);
    ExitProcess(failures);
}
