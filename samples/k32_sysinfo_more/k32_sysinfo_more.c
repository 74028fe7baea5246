/* Locked pages, flushed views, NUMA on a one-node machine, power status and execution state, the
 * clock's adjustment, and CONTEXT records laid out by InitializeContext. */
#include "../k32.h"

/* What Windows 10's SDK declares and this mingw-w64's headers do not. */
VOID WINAPI RestoreLastError(DWORD);
BOOL WINAPI IsProcessCritical(HANDLE, PBOOL);
#ifndef CONTEXT_XSTATE
#define CONTEXT_XSTATE (CONTEXT_AMD64 | 0x40)
#endif

void Entry(void)
{
    /* VirtualLock / VirtualUnlock. */
    BYTE *p = VirtualAlloc(NULL, 0x10000, MEM_RESERVE, PAGE_READWRITE);
    VirtualAlloc(p, 0x2000, MEM_COMMIT, PAGE_READWRITE);
    Check(VirtualLock(p, 0x2000), "VirtualLock of two committed pages");
    CheckError(!VirtualLock(p + 0x2000, 0x1000), ERROR_NOACCESS, "of a reserved page -> ERROR_NOACCESS");
    Check(VirtualUnlock(p, 0x1000), "VirtualUnlock of the first");
    CheckError(!VirtualUnlock(p, 0x1000), ERROR_NOT_LOCKED, "again -> ERROR_NOT_LOCKED");
    Check(VirtualUnlock(p + 0x1000, 0x1000), "the second");
    VirtualFree(p, 0, MEM_RELEASE);
    BYTE *big = VirtualAlloc(NULL, 0x100000, MEM_COMMIT, PAGE_READWRITE);
    CheckError(!VirtualLock(big, 0x100000), ERROR_WORKING_SET_QUOTA, "1 MB past the minimum working set -> ERROR_WORKING_SET_QUOTA");
    Check(SetProcessWorkingSetSize(GetCurrentProcess(), 0x200000, 0x400000) && VirtualLock(big, 0x100000),
          "after raising the minimum to 2 MB it locks");
    VirtualUnlock(big, 0x100000);
    VirtualFree(big, 0, MEM_RELEASE);

    /* FlushViewOfFile writes the view to its file. */
    char path[MAX_PATH];
    GetTempPathA(MAX_PATH, path);
    lstrcatA(path, "k32_more.bin");
    HANDLE f = CreateFileA(path, GENERIC_READ | GENERIC_WRITE, FILE_SHARE_READ, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD done;
    WriteFile(f, "................", 16, &done, NULL);
    HANDLE map = CreateFileMappingNumaA(f, NULL, PAGE_READWRITE, 0, 0, NULL, 0);
    char *view = MapViewOfFileExNuma(map, FILE_MAP_WRITE, 0, 0, 0, NULL, NUMA_NO_PREFERRED_NODE);
    Check(map && view, "CreateFileMappingNumaA and MapViewOfFileExNuma (node 0 / no preference)");
    lstrcpynA(view, "flushed!", 9);
    Check(FlushViewOfFile(view, 0), "FlushViewOfFile");
    HANDLE r = CreateFileA(path, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    char back[17] = { 0 };
    ReadFile(r, back, 16, &done, NULL);
    CloseHandle(r);
    Print("file: "); Print(back); Print("\n");
    Check(back[0] == 'f' && back[7] == '!', "the file has the view's bytes");
    CheckError(!FlushViewOfFile(&done, 4), ERROR_INVALID_ADDRESS, "of the stack -> ERROR_INVALID_ADDRESS");
    CheckError(!UnmapViewOfFileEx(view, 0x10), ERROR_INVALID_PARAMETER, "UnmapViewOfFileEx, unknown flag -> ERROR_INVALID_PARAMETER");
    Check(UnmapViewOfFileEx(view, 0), "UnmapViewOfFileEx");
    CloseHandle(map);
    CloseHandle(f);
    DeleteFileA(path);
    CheckError(!MapViewOfFileExNuma(NULL, FILE_MAP_READ, 0, 0, 0, NULL, 3), ERROR_INVALID_PARAMETER,
               "node 3 -> ERROR_INVALID_PARAMETER");

    /* NUMA: one node with every processor. */
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    ULONG highest = 9;
    ULONGLONG mask = 0, bytes = 0;
    UCHAR node = 9;
    Check(GetNumaHighestNodeNumber(&highest) && highest == 0, "GetNumaHighestNodeNumber: 0");
    Check(GetNumaNodeProcessorMask(0, &mask) && mask == si.dwActiveProcessorMask, "node 0 holds every processor");
    CheckError(!GetNumaNodeProcessorMask(1, &mask), ERROR_INVALID_PARAMETER, "node 1 -> ERROR_INVALID_PARAMETER");
    Check(GetNumaProcessorNode(0, &node) && node == 0, "processor 0 is on node 0");
    CheckError(!GetNumaProcessorNode(63, &node) && node == 0xFF, ERROR_INVALID_PARAMETER, "processor 63 -> node 0xFF, ERROR_INVALID_PARAMETER");
    Check(GetNumaAvailableMemoryNode(0, &bytes) && bytes > 0, "GetNumaAvailableMemoryNode(0)");
    Check(GetNumaProximityNode(0, &node) && node == 0, "proximity 0 is node 0");
    void *numa = VirtualAllocExNuma(GetCurrentProcess(), NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE, 0);
    Check(numa != NULL && VirtualFree(numa, 0, MEM_RELEASE), "VirtualAllocExNuma on node 0");
    Check(GetLargePageMinimum() == 0x200000, "GetLargePageMinimum: 2 MB");

    /* Power and the clock. */
    SYSTEM_POWER_STATUS ps;
    Check(GetSystemPowerStatus(&ps) && ps.ACLineStatus == 1 && ps.BatteryFlag == 128 && ps.BatteryLifePercent == 255,
          "on AC power, no system battery");
    Check(SetThreadExecutionState(ES_CONTINUOUS | ES_SYSTEM_REQUIRED) == ES_CONTINUOUS, "SetThreadExecutionState: was ES_CONTINUOUS");
    Check(SetThreadExecutionState(ES_DISPLAY_REQUIRED) == (ES_CONTINUOUS | ES_SYSTEM_REQUIRED), "a one-off keeps the continuous state");
    Check(SetThreadExecutionState(ES_CONTINUOUS) == (ES_CONTINUOUS | ES_SYSTEM_REQUIRED), "cleared back");
    Check(SetThreadExecutionState(0x10) == 0, "an unknown flag -> 0");
    DWORD adj = 0, inc = 0;
    BOOL disabled = FALSE;
    Check(GetSystemTimeAdjustment(&adj, &inc, &disabled) && adj == 156250 && inc == 156250 && disabled,
          "GetSystemTimeAdjustment: 15.625 ms, no adjustment");
    BOOL critical = TRUE;
    Check(IsProcessCritical(GetCurrentProcess(), &critical) && !critical, "IsProcessCritical: no");
    DWORD level = 0, sflags = 9;
    Check(GetProcessShutdownParameters(&level, &sflags) && level == 0x280 && sflags == 0, "shutdown level 0x280 by default");
    Check(SetProcessShutdownParameters(0x3FF, SHUTDOWN_NORETRY) && GetProcessShutdownParameters(&level, &sflags) &&
          level == 0x3FF && sflags == SHUTDOWN_NORETRY, "SetProcessShutdownParameters(0x3FF, NORETRY)");
    CheckError(!SetProcessShutdownParameters(0x50, 0), ERROR_INVALID_PARAMETER, "level 0x50 -> ERROR_INVALID_PARAMETER");
    RestoreLastError(1234);
    Check(GetLastError() == 1234, "RestoreLastError");

    /* CONTEXT records. */
    DWORD length = 0;
    PCONTEXT ctx = NULL;
    CheckError(!InitializeContext(NULL, CONTEXT_ALL, &ctx, &length), ERROR_INSUFFICIENT_BUFFER, "InitializeContext(NULL): the size");
    Print("context length "); PrintNum(length, 0); Print("\n");
    static BYTE buffer[2][0x600];
    PCONTEXT a, b;
    Check(InitializeContext(buffer[0] + 1, CONTEXT_ALL, &a, &length) && ((ULONG_PTR)a & 15) == 0 && a->ContextFlags == CONTEXT_ALL,
          "InitializeContext: 16-aligned, ContextFlags set");
    CheckError(!InitializeContext(buffer[1], CONTEXT_ALL | CONTEXT_XSTATE, &b, &length), ERROR_NOT_SUPPORTED,
               "CONTEXT_XSTATE -> ERROR_NOT_SUPPORTED");
    InitializeContext(buffer[1], CONTEXT_CONTROL, &b, &length);
    a->Rip = 0x1234; a->Rax = 0x5678; a->Rsp = 0x9ABC;
    Check(CopyContext(b, CONTEXT_ALL, a) && b->Rip == 0x1234 && b->Rax == 0x5678 && b->Rsp == 0x9ABC, "CopyContext");
    Check(GetEnabledXStateFeatures() == 3, "GetEnabledXStateFeatures: x87 and SSE");
    DWORD flen = 0;
    Check(LocateXStateFeature(a, 1, &flen) == (PVOID)a->FltSave.XmmRegisters && flen == 256, "LocateXStateFeature(SSE): the XMM registers");
    Check(LocateXStateFeature(a, 2, &flen) == NULL, "AVX: none");
    DWORD64 fm = 0;
    Check(GetXStateFeaturesMask(a, &fm) && fm == 3, "GetXStateFeaturesMask: 3");
    CheckError(!SetXStateFeaturesMask(a, 3), ERROR_INVALID_PARAMETER, "SetXStateFeaturesMask without CONTEXT_XSTATE -> ERROR_INVALID_PARAMETER");

    Print(failures ? "FAILED\n" : "all passed\n");
    ExitProcess(failures);
}
