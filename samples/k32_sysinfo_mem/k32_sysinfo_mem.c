/* A process's memory and I/O figures (psapi's GetProcessMemoryInfo, QueryWorkingSet(Ex),
 * GetMappedFileName, GetPerformanceInfo, EnumDeviceDrivers; GetProcessIoCounters; the
 * working-set bounds), its session and product, cycle times, and WOW64 as a native process sees it. */
#include "../k32.h"
#include <psapi.h>

static char wsbuf[1 << 16];

void Entry(void)
{
    HANDLE self = GetCurrentProcess();

    /* Memory counters: committing and touching 64 KB raises the working set and private usage by it. */
    PROCESS_MEMORY_COUNTERS_EX before, after;
    Check(GetProcessMemoryInfo(self, (PROCESS_MEMORY_COUNTERS *)&before, sizeof(before)), "GetProcessMemoryInfo");
    Check(before.cb == sizeof(before), "cb is the size filled (PROCESS_MEMORY_COUNTERS_EX)");
    Check(before.WorkingSetSize > 0 && before.PeakWorkingSetSize >= before.WorkingSetSize, "a working set, peak >= current");
    Check(before.PrivateUsage == before.PagefileUsage && before.PeakPagefileUsage >= before.PagefileUsage,
          "private usage is the pagefile usage, peak >= current");
    BYTE *p = VirtualAlloc(NULL, 0x10000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    for (int i = 0; i < 0x10000; i += 0x1000) p[i] = 1;
    Check(GetProcessMemoryInfo(self, (PROCESS_MEMORY_COUNTERS *)&after, sizeof(after)), "again after 64 KB");
    Check(after.WorkingSetSize - before.WorkingSetSize == 0x10000, "working set grew by 64 KB");
    Check(after.PrivateUsage - before.PrivateUsage == 0x10000, "private usage grew by 64 KB");
    VirtualFree(p, 0, MEM_RELEASE);
    PROCESS_MEMORY_COUNTERS small;
    Check(GetProcessMemoryInfo(self, &small, sizeof(small)) && small.cb == sizeof(small), "the short form: cb 72");
    SetLastError(0);
    CheckError(!GetProcessMemoryInfo(self, &small, 8), ERROR_INSUFFICIENT_BUFFER, "cb 8 -> ERROR_INSUFFICIENT_BUFFER");
    PROCESS_MEMORY_COUNTERS_EX freed;
    GetProcessMemoryInfo(self, (PROCESS_MEMORY_COUNTERS *)&freed, sizeof(freed));
    Check(freed.WorkingSetSize == before.WorkingSetSize && freed.PeakWorkingSetSize >= after.WorkingSetSize,
          "freed: back to where it was, the peak remembers");

    /* The working set page by page. */
    PSAPI_WORKING_SET_INFORMATION *ws = (PSAPI_WORKING_SET_INFORMATION *)wsbuf;
    CheckError(!QueryWorkingSet(self, ws, 8), ERROR_BAD_LENGTH, "QueryWorkingSet, 8 bytes -> ERROR_BAD_LENGTH");
    Check(ws->NumberOfEntries == freed.WorkingSetSize / 4096, "... with the entry count");
    Check(QueryWorkingSet(self, ws, sizeof(wsbuf)), "QueryWorkingSet");
    int found_image = 0, found_stack = 0;
    ULONG_PTR image = (ULONG_PTR)GetModuleHandleA(NULL), here = (ULONG_PTR)&ws & ~0xFFFull;
    for (ULONG_PTR i = 0; i < ws->NumberOfEntries; i++) {
        PSAPI_WORKING_SET_BLOCK b = ws->WorkingSetInfo[i];
        if (b.VirtualPage << 12 == image) found_image = b.Shared && b.Protection == 1;   /* headers: read-only */
        if (b.VirtualPage << 12 == here) found_stack = !b.Shared && b.Protection == 4;   /* read-write */
    }
    Check(found_image, "the image's header page: shared, read-only");
    Check(found_stack, "this stack page: private, read-write");
    PVOID reserved = VirtualAlloc(NULL, 0x10000, MEM_RESERVE, PAGE_READWRITE);
    PSAPI_WORKING_SET_EX_INFORMATION ex[2] = { { (PVOID)here }, { reserved } };
    Check(QueryWorkingSetEx(self, ex, sizeof(ex)), "QueryWorkingSetEx");
    Check(ex[0].VirtualAttributes.Valid && ex[0].VirtualAttributes.Win32Protection == PAGE_READWRITE &&
          !ex[0].VirtualAttributes.Shared, "the stack page: valid, PAGE_READWRITE, private");
    Check(!ex[1].VirtualAttributes.Valid, "a reserved page: not valid");

    /* The file a view maps. */
    char name[MAX_PATH];
    DWORD n = GetMappedFileNameA(self, (LPVOID)(image + 0x1000), name, sizeof(name));
    Print("mapped: "); Print(name); Print("\n");
    Check(n == (DWORD)Len(name), "GetMappedFileNameA of the image: the NT path");
    CheckError(!GetMappedFileNameA(self, &ws, name, sizeof(name)), ERROR_UNEXP_NET_ERR,
               "of the stack -> ERROR_UNEXP_NET_ERR (STATUS_INVALID_ADDRESS)");
    HANDLE map = CreateFileMappingA(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 4096, NULL);
    void *view = MapViewOfFile(map, FILE_MAP_WRITE, 0, 0, 0);
    CheckError(!GetMappedFileNameA(self, view, name, sizeof(name)), ERROR_FILE_INVALID,
               "of a pagefile-backed view -> ERROR_FILE_INVALID");
    UnmapViewOfFile(view);
    CloseHandle(map);

    /* I/O counters: two writes of 5 and 7 bytes to a file, one read of 12 back. */
    IO_COUNTERS io0, io1;
    BOOL got = GetProcessIoCounters(self, &io0);   /* nothing printed until io1 */
    char tmp[MAX_PATH];
    GetTempPathA(MAX_PATH, tmp);
    lstrcatA(tmp, "k32_sysinfo_mem.tmp");
    HANDLE f = CreateFileA(tmp, GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS,
                           FILE_FLAG_DELETE_ON_CLOSE, NULL);
    DWORD done;
    WriteFile(f, "hello", 5, &done, NULL);
    WriteFile(f, " world!", 7, &done, NULL);
    SetFilePointer(f, 0, NULL, FILE_BEGIN);
    char back[16];
    ReadFile(f, back, sizeof(back), &done, NULL);
    got = got && GetProcessIoCounters(self, &io1);
    CloseHandle(f);
    Check(got, "GetProcessIoCounters");
    Check(io1.WriteOperationCount - io0.WriteOperationCount == 2 && io1.WriteTransferCount - io0.WriteTransferCount == 12,
          "2 writes, 12 bytes");
    Check(io1.ReadOperationCount - io0.ReadOperationCount == 1 && io1.ReadTransferCount - io0.ReadTransferCount == 12,
          "1 read, 12 bytes");

    /* Working-set bounds. */
    SIZE_T lo, hi;
    DWORD flags;
    Check(GetProcessWorkingSetSize(self, &lo, &hi) && lo == 204800 && hi == 1413120, "default bounds 204800..1413120");
    Check(SetProcessWorkingSetSizeEx(self, 1 << 20, 8 << 20, QUOTA_LIMITS_HARDWS_MAX_ENABLE), "SetProcessWorkingSetSizeEx");
    Check(GetProcessWorkingSetSizeEx(self, &lo, &hi, &flags) && lo == 1 << 20 && hi == 8 << 20 &&
          flags == (QUOTA_LIMITS_HARDWS_MIN_DISABLE | QUOTA_LIMITS_HARDWS_MAX_ENABLE), "read back, with the flags");
    CheckError(!SetProcessWorkingSetSize(self, 8 << 20, 1 << 20), ERROR_INVALID_PARAMETER,
               "minimum above maximum -> ERROR_INVALID_PARAMETER");
    CheckError(!SetProcessWorkingSetSizeEx(self, 1 << 20, 8 << 20, 3), ERROR_INVALID_PARAMETER,
               "MIN_ENABLE with MIN_DISABLE -> ERROR_INVALID_PARAMETER");
    Check(EmptyWorkingSet(self), "EmptyWorkingSet");

    /* The system's figures. */
    PERFORMANCE_INFORMATION perf;
    CheckError(!GetPerformanceInfo(&perf, 8), ERROR_BAD_LENGTH, "GetPerformanceInfo, cb 8 -> ERROR_BAD_LENGTH");
    Check(GetPerformanceInfo(&perf, sizeof(perf)) && perf.cb == sizeof(perf) && perf.PageSize == 4096 &&
          perf.PhysicalTotal >= perf.PhysicalAvailable && perf.CommitPeak >= perf.CommitTotal && perf.ProcessCount >= 3 &&
          perf.ThreadCount >= 1, "GetPerformanceInfo");
    Print("processes "); PrintNum(perf.ProcessCount, 0); Print("\n");

    /* The kernel's images. */
    LPVOID drivers[16];
    DWORD needed;
    Check(EnumDeviceDrivers(drivers, sizeof(drivers), &needed) && needed == sizeof(LPVOID), "EnumDeviceDrivers: one");
    Check((ULONG_PTR)drivers[0] >= 0xFFFF800000000000ull, "a kernel address");
    Check(GetDeviceDriverBaseNameA(drivers[0], name, sizeof(name)) == 12, "GetDeviceDriverBaseNameA");
    Print(name); Print("\n");
    WCHAR wname[MAX_PATH];
    Check(GetDeviceDriverFileNameW(drivers[0], wname, MAX_PATH) == 33 && wname[0] == '\\' && wname[1] == 'S',
          "GetDeviceDriverFileNameW: \\SystemRoot\\system32\\ntoskrnl.exe");
    CheckError(!GetDeviceDriverBaseNameA((LPVOID)0x1234, name, sizeof(name)), ERROR_INVALID_HANDLE,
               "not a driver -> ERROR_INVALID_HANDLE");
    Check(EnumPageFilesW(NULL, NULL), "EnumPageFilesW: no paging file");

    /* Session and product. */
    DWORD session = 99;
    Check(ProcessIdToSessionId(GetCurrentProcessId(), &session) && session == 1, "ProcessIdToSessionId: session 1");
    CheckError(!ProcessIdToSessionId(0x7FFFFFF0, &session), ERROR_INVALID_PARAMETER, "no such process -> ERROR_INVALID_PARAMETER");
    Check(WTSGetActiveConsoleSessionId() == 1, "WTSGetActiveConsoleSessionId: 1");
    DWORD product = 0;
    Check(GetProductInfo(10, 0, 0, 0, &product) && product == PRODUCT_PROFESSIONAL, "GetProductInfo: PRODUCT_PROFESSIONAL");
    Check(!GetProductInfo(5, 1, 0, 0, &product) && product == PRODUCT_UNDEFINED, "XP: PRODUCT_UNDEFINED, FALSE");

    /* Cycle times of the virtual clock. */
    ULONG64 cycles = 0, tcycles = 0;
    volatile unsigned spin = 0;
    for (unsigned i = 0; i < 3000000; i++) spin += i;
    Check(QueryProcessCycleTime(self, &cycles) && cycles > 0, "QueryProcessCycleTime");
    Check(QueryThreadCycleTime(GetCurrentThread(), &tcycles) && tcycles > 0 && tcycles <= cycles, "QueryThreadCycleTime");

    /* WOW64 from a native process. */
    USHORT pm = 1, nm = 0;
    Check(IsWow64Process2(self, &pm, &nm) && pm == IMAGE_FILE_MACHINE_UNKNOWN && nm == IMAGE_FILE_MACHINE_AMD64,
          "IsWow64Process2: native AMD64");
    BOOL supported = TRUE;
    Check(IsWow64GuestMachineSupported(IMAGE_FILE_MACHINE_I386, &supported) == S_OK && !supported,
          "IsWow64GuestMachineSupported(I386): no 32-bit subsystem");
    PVOID old;
    CheckError(!Wow64DisableWow64FsRedirection(&old), ERROR_INVALID_FUNCTION, "Wow64DisableWow64FsRedirection -> ERROR_INVALID_FUNCTION");
    CheckError(!Wow64RevertWow64FsRedirection(old), ERROR_INVALID_FUNCTION, "Wow64RevertWow64FsRedirection -> ERROR_INVALID_FUNCTION");
    Check(GetSystemWow64DirectoryA(name, sizeof(name)) == 19, "GetSystemWow64DirectoryA");
    Print(name); Print("\n");
    Check(GetSystemWow64DirectoryW(wname, 5) == 20, "too small: the size needed with the NUL");

    Print(failures ? "FAILED\n" : "all passed\n");
    ExitProcess(failures);
}
