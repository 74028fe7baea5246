/* kernel32's smaller Windows 8/10 surface, each call's results and documented errors: the Rtl
 * memory routines kernel32 forwards to NTDLL, the *FromApp memory calls, Get/SetThreadInformation
 * and Get/SetProcessInformation, the mitigation and DEP policies, GetBinaryType, ReplaceFile,
 * SetStdHandleEx, DnsHostnameToComputerName, LoadPackagedLibrary, application restart and
 * recovery, the WER registrations, the Ex resource enumerations, the firmware calls and the
 * power requests. */
#define _WIN32_WINNT 0x0A00
#include "../k32.h"
#undef RtlMoveMemory
#undef RtlZeroMemory
#undef RtlFillMemory
#undef RtlCopyMemory
#undef RtlCompareMemory

__declspec(dllimport) void WINAPI RtlMoveMemory(void *, const void *, SIZE_T);
__declspec(dllimport) void WINAPI RtlCopyMemory(void *, const void *, SIZE_T);
__declspec(dllimport) void WINAPI RtlZeroMemory(void *, SIZE_T);
__declspec(dllimport) void WINAPI RtlFillMemory(void *, SIZE_T, BYTE);
__declspec(dllimport) SIZE_T WINAPI RtlCompareMemory(const void *, const void *, SIZE_T);
__declspec(dllimport) BOOL WINAPI GetBinaryType(LPCSTR, LPDWORD);
__declspec(dllimport) BOOL WINAPI ReplaceFile(LPCSTR, LPCSTR, LPCSTR, DWORD, LPVOID, LPVOID);
__declspec(dllimport) PVOID WINAPI VirtualAllocFromApp(PVOID, SIZE_T, ULONG, ULONG);
__declspec(dllimport) BOOL WINAPI VirtualProtectFromApp(PVOID, SIZE_T, ULONG, PULONG);
__declspec(dllimport) HANDLE WINAPI CreateFileMappingFromApp(HANDLE, PSECURITY_ATTRIBUTES, ULONG, ULONG64, PCWSTR);
__declspec(dllimport) HANDLE WINAPI OpenFileMappingFromApp(ULONG, BOOL, PCWSTR);
__declspec(dllimport) PVOID WINAPI MapViewOfFileFromApp(HANDLE, ULONG, ULONG64, SIZE_T);
__declspec(dllimport) HRESULT WINAPI WerRegisterFile(PCWSTR, DWORD, DWORD);
__declspec(dllimport) HRESULT WINAPI WerUnregisterFile(PCWSTR);
__declspec(dllimport) HRESULT WINAPI WerRegisterMemoryBlock(PVOID, DWORD);
__declspec(dllimport) HRESULT WINAPI WerUnregisterMemoryBlock(PVOID);
__declspec(dllimport) HRESULT WINAPI WerRegisterRuntimeExceptionModule(PCWSTR, PVOID);
__declspec(dllimport) HRESULT WINAPI WerUnregisterRuntimeExceptionModule(PCWSTR, PVOID);

typedef struct { ULONG Version, ControlMask, StateMask; } THROTTLING;
#define WER_E_NOT_FOUND_ HRESULT_FROM_WIN32(ERROR_NOT_FOUND)
#define WER_E_LENGTH_EXCEEDED_ HRESULT_FROM_WIN32(ERROR_PARAMETER_QUOTA_EXCEEDED)

static int SameW(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

static void RtlMemory(void)
{
    char a[16], b[16];
    RtlFillMemory(a, sizeof a, 'x');
    Check(a[0] == 'x' && a[15] == 'x', "RtlFillMemory fills");
    RtlZeroMemory(a + 8, 8);
    Check(a[7] == 'x' && a[8] == 0 && a[15] == 0, "RtlZeroMemory clears its range only");
    for (int i = 0; i < 16; i++) a[i] = (char)i;
    RtlMoveMemory(a + 2, a, 8);
    Check(a[2] == 0 && a[9] == 7 && a[10] == 10, "RtlMoveMemory copies overlapping bytes as memmove");
    RtlCopyMemory(b, a, 16);
    b[12] = 99;
    Check(RtlCompareMemory(a, b, 16) == 12, "RtlCopyMemory copies; RtlCompareMemory counts the equal prefix");
}

static void FromApp(void)
{
    BYTE *p = VirtualAllocFromApp(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    Check(p != NULL, "VirtualAllocFromApp(PAGE_READWRITE)");
    p[0] = 0xC3;
    SetLastError(0);
    CheckError(VirtualAllocFromApp(NULL, 4096, MEM_COMMIT | MEM_RESERVE, PAGE_EXECUTE_READWRITE) == NULL,
               ERROR_INVALID_PARAMETER, "VirtualAllocFromApp(PAGE_EXECUTE_READWRITE) -> ERROR_INVALID_PARAMETER");
    ULONG old = 0;
    Check(VirtualProtectFromApp(p, 4096, PAGE_EXECUTE_READ, &old) && old == PAGE_READWRITE,
          "VirtualProtectFromApp(PAGE_EXECUTE_READ): the old protection back");
    CheckError(!VirtualProtectFromApp(p, 4096, PAGE_EXECUTE_READWRITE, &old), ERROR_INVALID_PARAMETER,
               "VirtualProtectFromApp(PAGE_EXECUTE_READWRITE) -> ERROR_INVALID_PARAMETER");
    VirtualFree(p, 0, MEM_RELEASE);

    HANDLE map = CreateFileMappingFromApp(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0x10000, L"k32_surface_map");
    Check(map != NULL && GetLastError() == 0, "CreateFileMappingFromApp: a named page-file section");
    char *view = MapViewOfFileFromApp(map, FILE_MAP_WRITE, 0, 0);
    Check(view != NULL, "MapViewOfFileFromApp(FILE_MAP_WRITE)");
    view[0x8000] = 'k';
    HANDLE again = OpenFileMappingFromApp(FILE_MAP_READ, FALSE, L"k32_surface_map");
    char *view2 = again ? MapViewOfFileFromApp(again, FILE_MAP_READ, 0x0, 0) : NULL;
    Check(view2 && view2[0x8000] == 'k', "OpenFileMappingFromApp: the same section");
    CheckError(OpenFileMappingFromApp(FILE_MAP_READ, FALSE, L"k32_surface_none") == NULL, ERROR_FILE_NOT_FOUND,
               "OpenFileMappingFromApp of no such name -> ERROR_FILE_NOT_FOUND");
    UnmapViewOfFile(view2);
    UnmapViewOfFile(view);
    CloseHandle(again);
    CloseHandle(map);
}

static DWORD WINAPI Idle(LPVOID arg)
{
    (void)arg;
    return 0;
}

static void ThreadAndProcessInformation(void)
{
    MEMORY_PRIORITY_INFORMATION mp = {0};
    Check(GetThreadInformation(GetCurrentThread(), ThreadMemoryPriority, &mp, sizeof mp)
          && mp.MemoryPriority == MEMORY_PRIORITY_NORMAL, "ThreadMemoryPriority: MEMORY_PRIORITY_NORMAL at first");
    mp.MemoryPriority = MEMORY_PRIORITY_LOW;
    Check(SetThreadInformation(GetCurrentThread(), ThreadMemoryPriority, &mp, sizeof mp), "SetThreadInformation(LOW)");
    mp.MemoryPriority = 0;
    Check(GetThreadInformation(GetCurrentThread(), ThreadMemoryPriority, &mp, sizeof mp)
          && mp.MemoryPriority == MEMORY_PRIORITY_LOW, "and read back");
    mp.MemoryPriority = 6;
    CheckError(!SetThreadInformation(GetCurrentThread(), ThreadMemoryPriority, &mp, sizeof mp),
               ERROR_INVALID_PARAMETER, "memory priority 6 -> ERROR_INVALID_PARAMETER");
    CheckError(!SetThreadInformation(GetCurrentThread(), ThreadMemoryPriority, &mp, 8), ERROR_INVALID_PARAMETER,
               "a wrong size -> ERROR_INVALID_PARAMETER");
    CheckError(!GetThreadInformation(GetCurrentThread(), (THREAD_INFORMATION_CLASS)77, &mp, sizeof mp),
               ERROR_INVALID_PARAMETER, "an unknown class -> ERROR_INVALID_PARAMETER");
    THROTTLING t = {1, 1, 1};
    Check(SetThreadInformation(GetCurrentThread(), ThreadPowerThrottling, &t, sizeof t),
          "ThreadPowerThrottling: EXECUTION_SPEED on");
    t.Version = 2;
    CheckError(!SetThreadInformation(GetCurrentThread(), ThreadPowerThrottling, &t, sizeof t), ERROR_INVALID_PARAMETER,
               "a throttling state of version 2 -> ERROR_INVALID_PARAMETER");
    t = (THROTTLING){1, 1, 3};
    CheckError(!SetThreadInformation(GetCurrentThread(), ThreadPowerThrottling, &t, sizeof t), ERROR_INVALID_PARAMETER,
               "a state bit outside the control mask -> ERROR_INVALID_PARAMETER");
    LONG priority = 0;
    Check(GetThreadInformation(GetCurrentThread(), ThreadAbsoluteCpuPriority, &priority, sizeof priority)
          && priority == 8, "ThreadAbsoluteCpuPriority: 8 in NORMAL_PRIORITY_CLASS");

    mp.MemoryPriority = 0;
    Check(GetProcessInformation(GetCurrentProcess(), ProcessMemoryPriority, &mp, sizeof mp)
          && mp.MemoryPriority == MEMORY_PRIORITY_NORMAL, "ProcessMemoryPriority: MEMORY_PRIORITY_NORMAL");
    mp.MemoryPriority = MEMORY_PRIORITY_MEDIUM;
    Check(SetProcessInformation(GetCurrentProcess(), ProcessMemoryPriority, &mp, sizeof mp),
          "SetProcessInformation(MEDIUM)");
    HANDLE thread = CreateThread(NULL, 0, Idle, NULL, CREATE_SUSPENDED, NULL);
    mp.MemoryPriority = 0;
    Check(GetThreadInformation(thread, ThreadMemoryPriority, &mp, sizeof mp) && mp.MemoryPriority == MEMORY_PRIORITY_MEDIUM,
          "a thread created after it starts at the process's memory priority");
    ResumeThread(thread);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    PROCESS_POWER_THROTTLING_STATE pt = {PROCESS_POWER_THROTTLING_CURRENT_VERSION,
                                         PROCESS_POWER_THROTTLING_IGNORE_TIMER_RESOLUTION, 0};
    Check(SetProcessInformation(GetCurrentProcess(), ProcessPowerThrottling, &pt, sizeof pt),
          "ProcessPowerThrottling: IGNORE_TIMER_RESOLUTION controlled, off");
    pt = (PROCESS_POWER_THROTTLING_STATE){0};
    Check(GetProcessInformation(GetCurrentProcess(), ProcessPowerThrottling, &pt, sizeof pt) && pt.Version == 1
          && pt.ControlMask == 4 && pt.StateMask == 0, "and read back");
    pt.ControlMask = 2;
    CheckError(!SetProcessInformation(GetCurrentProcess(), ProcessPowerThrottling, &pt, sizeof pt),
               ERROR_INVALID_PARAMETER, "an undefined throttling flag -> ERROR_INVALID_PARAMETER");
    PROCESS_PROTECTION_LEVEL_INFORMATION level = {0};
    Check(GetProcessInformation(GetCurrentProcess(), ProcessProtectionLevelInfo, &level, sizeof level)
          && level.ProtectionLevel == PROTECTION_LEVEL_NONE, "ProcessProtectionLevelInfo: PROTECTION_LEVEL_NONE");
    APP_MEMORY_INFORMATION app = {0};
    Check(GetProcessInformation(GetCurrentProcess(), ProcessAppMemoryInfo, &app, sizeof app)
          && app.PrivateCommitUsage > 0 && app.PeakPrivateCommitUsage >= app.PrivateCommitUsage
          && app.AvailableCommit > 0, "ProcessAppMemoryInfo: the private commit and what is left");
    CheckError(!GetProcessInformation(GetCurrentProcess(), ProcessMemoryPriority, &mp, 2), ERROR_INVALID_PARAMETER,
               "a short buffer -> ERROR_INVALID_PARAMETER");
    CheckError(!GetProcessInformation(NULL, ProcessMemoryPriority, &mp, sizeof mp), ERROR_INVALID_HANDLE,
               "no process -> ERROR_INVALID_HANDLE");
}

static void Mitigation(void)
{
    PROCESS_MITIGATION_DEP_POLICY dep = {0};
    Check(GetProcessMitigationPolicy(GetCurrentProcess(), ProcessDEPPolicy, &dep, sizeof dep) && dep.Enable
          && dep.Permanent, "ProcessDEPPolicy: enabled, permanent");
    Check(!SetProcessMitigationPolicy(ProcessDEPPolicy, &dep, sizeof dep), "and SetProcessMitigationPolicy cannot change it");
    /* The ASLR policy follows this image's DllCharacteristics. */
    BYTE *base = (BYTE *)GetModuleHandleW(NULL);
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)(base + ((IMAGE_DOS_HEADER *)base)->e_lfanew);
    WORD dc = nt->OptionalHeader.DllCharacteristics;
    PROCESS_MITIGATION_ASLR_POLICY aslr = {0};
    Check(GetProcessMitigationPolicy(GetCurrentProcess(), ProcessASLRPolicy, &aslr, sizeof aslr)
          && aslr.EnableBottomUpRandomization == !!(dc & IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE)
          && aslr.EnableHighEntropy == ((dc & 0x60) == 0x60) && !aslr.EnableForceRelocateImages,
          "ProcessASLRPolicy: as the image's DllCharacteristics say");
    aslr.Flags = 1;
    CheckError(!SetProcessMitigationPolicy(ProcessASLRPolicy, &aslr, sizeof aslr), ERROR_INVALID_PARAMETER,
               "EnableBottomUpRandomization is read-only -> ERROR_INVALID_PARAMETER");
    PROCESS_MITIGATION_EXTENSION_POINT_DISABLE_POLICY ext = {0};
    Check(GetProcessMitigationPolicy(GetCurrentProcess(), ProcessExtensionPointDisablePolicy, &ext, sizeof ext)
          && ext.Flags == 0, "ProcessExtensionPointDisablePolicy: off");
    ext.DisableExtensionPoints = 1;
    Check(SetProcessMitigationPolicy(ProcessExtensionPointDisablePolicy, &ext, sizeof ext), "turned on");
    ext.Flags = 0;
    Check(GetProcessMitigationPolicy(GetCurrentProcess(), ProcessExtensionPointDisablePolicy, &ext, sizeof ext)
          && ext.DisableExtensionPoints, "and read back");
    CheckError(!GetProcessMitigationPolicy(GetCurrentProcess(), ProcessDEPPolicy, &dep, 4), ERROR_INVALID_PARAMETER,
               "a short buffer -> ERROR_INVALID_PARAMETER");
    CheckError(!GetProcessMitigationPolicy(GetCurrentProcess(), (PROCESS_MITIGATION_POLICY)99, &ext, sizeof ext),
               ERROR_INVALID_PARAMETER, "an unknown policy -> ERROR_INVALID_PARAMETER");
    Check(GetSystemDEPPolicy() == DEPPolicyOptIn, "GetSystemDEPPolicy: OptIn");
    DWORD flags = 0;
    BOOL permanent = FALSE;
    CheckError(!GetProcessDEPPolicy(GetCurrentProcess(), &flags, &permanent), ERROR_NOT_SUPPORTED,
               "GetProcessDEPPolicy of a 64-bit process -> ERROR_NOT_SUPPORTED");
    CheckError(!SetProcessDEPPolicy(PROCESS_DEP_ENABLE), ERROR_NOT_SUPPORTED,
               "SetProcessDEPPolicy in a 64-bit process -> ERROR_NOT_SUPPORTED");
}

static void Files(void)
{
    char self[MAX_PATH];
    GetModuleFileNameA(NULL, self, MAX_PATH);
    DWORD type = 99;
    Check(GetBinaryType(self, &type) && type == SCS_64BIT_BINARY, "GetBinaryType (the ANSI alias): SCS_64BIT_BINARY");

    char dir[MAX_PATH], a[MAX_PATH], b[MAX_PATH];
    GetTempPathA(MAX_PATH, dir);
    GetTempFileNameA(dir, "rpa", 0, a);
    GetTempFileNameA(dir, "rpb", 0, b);
    HANDLE h = CreateFileA(b, GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD done;
    WriteFile(h, "new", 3, &done, NULL);
    CloseHandle(h);
    Check(ReplaceFile(a, b, NULL, 0, NULL, NULL), "ReplaceFile (the ANSI alias)");
    char text[8] = {0};
    h = CreateFileA(a, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    ReadFile(h, text, sizeof text, &done, NULL);
    CloseHandle(h);
    Check(done == 3 && text[0] == 'n' && GetFileAttributesA(b) == INVALID_FILE_ATTRIBUTES,
          "the replaced file has the replacement's bytes, the replacement's name is gone");
    DeleteFileA(a);

    HANDLE err = GetStdHandle(STD_ERROR_HANDLE), previous = NULL;
    Check(SetStdHandleEx(STD_ERROR_HANDLE, GetStdHandle(STD_OUTPUT_HANDLE), &previous) && previous == err
          && GetStdHandle(STD_ERROR_HANDLE) == GetStdHandle(STD_OUTPUT_HANDLE), "SetStdHandleEx: the previous handle back");
    SetStdHandleEx(STD_ERROR_HANDLE, err, NULL);
    CheckError(!SetStdHandleEx(7, err, &previous), ERROR_INVALID_HANDLE, "SetStdHandleEx(7) -> ERROR_INVALID_HANDLE");

    WCHAR name[32];
    DWORD size = 32;
    Check(DnsHostnameToComputerNameW(L"build-host.example.com", name, &size) && SameW(name, L"BUILD-HOST") && size == 10,
          "DnsHostnameToComputerNameW: the first label, upper case");
    size = 32;
    Check(DnsHostnameToComputerNameW(L"averyveryverylonghostname", name, &size) && size == MAX_COMPUTERNAME_LENGTH,
          "cut to MAX_COMPUTERNAME_LENGTH");
    char narrow[32];
    size = 4;
    CheckError(!DnsHostnameToComputerNameA("build-host", narrow, &size), ERROR_MORE_DATA,
               "DnsHostnameToComputerNameA with 4 characters -> ERROR_MORE_DATA");
    Check(size == 11, "and the size needed, 11");
    CheckError(!DnsHostnameToComputerNameW(NULL, name, &size), ERROR_INVALID_PARAMETER,
               "no host name -> ERROR_INVALID_PARAMETER");

    CheckError(LoadPackagedLibrary(L"k32_surface.dll", 0) == NULL, APPMODEL_ERROR_NO_PACKAGE,
               "LoadPackagedLibrary without a package -> APPMODEL_ERROR_NO_PACKAGE");
}

static DWORD WINAPI Recover(PVOID parameter)
{
    (void)parameter;
    return 0;
}

static void RestartAndWer(void)
{
    WCHAR line[32];
    DWORD chars = 32, flags = 0;
    Check(GetApplicationRestartSettings(GetCurrentProcess(), line, &chars, &flags) == HRESULT_FROM_WIN32(ERROR_NOT_FOUND),
          "GetApplicationRestartSettings before a registration -> ERROR_NOT_FOUND");
    Check(RegisterApplicationRestart(L"/restarted", RESTART_NO_REBOOT) == S_OK, "RegisterApplicationRestart");
    chars = 0;
    Check(GetApplicationRestartSettings(GetCurrentProcess(), NULL, &chars, NULL)
          == HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER) && chars == 11, "no buffer: the size, 11 characters");
    chars = 32;
    Check(GetApplicationRestartSettings(GetCurrentProcess(), line, &chars, &flags) == S_OK && SameW(line, L"/restarted")
          && flags == RESTART_NO_REBOOT, "the command line and flags back");
    Check(RegisterApplicationRestart(NULL, 0x100) == E_INVALIDARG, "an undefined flag -> E_INVALIDARG");
    Check(UnregisterApplicationRestart() == S_OK && GetApplicationRestartSettings(GetCurrentProcess(), line, &chars,
          &flags) == HRESULT_FROM_WIN32(ERROR_NOT_FOUND), "UnregisterApplicationRestart");

    Check(RegisterApplicationRecoveryCallback(Recover, (PVOID)42, 0, 0) == S_OK, "RegisterApplicationRecoveryCallback");
    APPLICATION_RECOVERY_CALLBACK callback = NULL;
    PVOID parameter = NULL;
    DWORD ping = 0;
    Check(GetApplicationRecoveryCallback(GetCurrentProcess(), &callback, &parameter, &ping, &flags) == S_OK
          && callback == Recover && parameter == (PVOID)42 && ping == RECOVERY_DEFAULT_PING_INTERVAL,
          "read back, the default ping interval");
    Check(RegisterApplicationRecoveryCallback(Recover, NULL, RECOVERY_MAX_PING_INTERVAL + 1, 0) == E_INVALIDARG,
          "a ping interval above the maximum -> E_INVALIDARG");
    BOOL cancelled;
    Check(FAILED(ApplicationRecoveryInProgress(&cancelled)), "ApplicationRecoveryInProgress outside a recovery fails");
    Check(UnregisterApplicationRecoveryCallback() == S_OK, "UnregisterApplicationRecoveryCallback");

    Check(WerRegisterFile(L"C:\\Temp\\k32_surface.log", 2, 0) == S_OK, "WerRegisterFile");
    Check(WerUnregisterFile(L"C:\\Temp\\k32_surface.log") == S_OK, "WerUnregisterFile");
    Check(WerUnregisterFile(L"C:\\Temp\\k32_surface.log") == WER_E_NOT_FOUND_, "a second time -> WER_E_NOT_FOUND");
    static char block[256];
    Check(WerRegisterMemoryBlock(block, sizeof block) == S_OK, "WerRegisterMemoryBlock");
    Check(WerUnregisterMemoryBlock(block) == S_OK && WerUnregisterMemoryBlock(block) == WER_E_NOT_FOUND_,
          "WerUnregisterMemoryBlock, then WER_E_NOT_FOUND");
    HRESULT hr = S_OK;
    int registered = 0;
    static WCHAR dll[] = L"C:\\Temp\\handlerA.dll";
    for (int i = 0; i < 20 && hr == S_OK; i++) {
        dll[15] = (WCHAR)(L'A' + i);
        hr = WerRegisterRuntimeExceptionModule(dll, (PVOID)(ULONG_PTR)i);
        registered += hr == S_OK;
    }
    Check(registered == 16 && hr == WER_E_LENGTH_EXCEEDED_,
          "WerRegisterRuntimeExceptionModule: 16 modules, then WER_E_LENGTH_EXCEEDED");
    dll[15] = L'A';
    Check(WerUnregisterRuntimeExceptionModule(dll, (PVOID)0) == S_OK
          && WerUnregisterRuntimeExceptionModule(dll, (PVOID)0) == WER_E_NOT_FOUND_,
          "WerUnregisterRuntimeExceptionModule, then WER_E_NOT_FOUND");
}

static BOOL CALLBACK CountType(HMODULE module, LPWSTR type, LONG_PTR count)
{
    (void)module;
    *(int *)count += 1 + (type == (LPWSTR)RT_VERSION) * 1000;
    return TRUE;
}

static BOOL CALLBACK CountName(HMODULE module, LPCWSTR type, LPWSTR name, LONG_PTR count)
{
    (void)module; (void)type; (void)name;
    ++*(int *)count;
    return TRUE;
}

static void ResourcesAndFirmware(void)
{
    HMODULE k32 = GetModuleHandleW(L"kernel32.dll");
    int plain = 0, ex = 0, names = 0;
    EnumResourceTypesW(k32, CountType, (LONG_PTR)&plain);
    Check(EnumResourceTypesExW(k32, CountType, (LONG_PTR)&ex, RESOURCE_ENUM_LN, 0) && ex >= 1001,
          "EnumResourceTypesExW(RESOURCE_ENUM_LN): kernel32's RT_VERSION");
    ex = 0;
    Check(EnumResourceTypesExW(k32, CountType, (LONG_PTR)&ex, 0, 0) && ex == plain,
          "with no flags: what EnumResourceTypesW finds");
    Check(EnumResourceNamesExW(k32, (LPCWSTR)RT_VERSION, CountName, (LONG_PTR)&names, RESOURCE_ENUM_LN, 0) && names == 1,
          "EnumResourceNamesExW: one version resource");
    CheckError(!EnumResourceTypesExW(k32, CountType, (LONG_PTR)&ex, 0x100, 0), ERROR_INVALID_PARAMETER,
               "an undefined flag -> ERROR_INVALID_PARAMETER");

    FIRMWARE_TYPE firmware = FirmwareTypeUnknown;
    Check(GetFirmwareType(&firmware) && firmware == FirmwareTypeBios, "GetFirmwareType: a legacy BIOS");
    BYTE value[16];
    CheckError(GetFirmwareEnvironmentVariableW(L"", L"{00000000-0000-0000-0000-000000000000}", value, sizeof value) == 0,
               ERROR_INVALID_FUNCTION, "GetFirmwareEnvironmentVariableW on BIOS -> ERROR_INVALID_FUNCTION");
    CheckError(GetFirmwareEnvironmentVariableA("", "{00000000-0000-0000-0000-000000000000}", value, sizeof value) == 0,
               ERROR_INVALID_FUNCTION, "GetFirmwareEnvironmentVariableA -> ERROR_INVALID_FUNCTION");
    DWORD attributes;
    CheckError(GetFirmwareEnvironmentVariableExW(L"BootOrder", L"{8BE4DF61-93CA-11D2-AA0D-00E098032B8C}", value,
               sizeof value, &attributes) == 0, ERROR_INVALID_FUNCTION,
               "GetFirmwareEnvironmentVariableExW -> ERROR_INVALID_FUNCTION");
}

static void PowerRequests(void)
{
    REASON_CONTEXT reason = {POWER_REQUEST_CONTEXT_VERSION, POWER_REQUEST_CONTEXT_SIMPLE_STRING,
                             {.SimpleReasonString = L"k32_surface is busy"}};
    HANDLE request = PowerCreateRequest(&reason);
    Check(request != INVALID_HANDLE_VALUE && request != NULL, "PowerCreateRequest(SIMPLE_STRING)");
    Check(PowerSetRequest(request, PowerRequestExecutionRequired), "PowerSetRequest(PowerRequestExecutionRequired)");
    Check(PowerClearRequest(request, PowerRequestExecutionRequired), "PowerClearRequest");
    CheckError(!PowerSetRequest(request, (POWER_REQUEST_TYPE)7), ERROR_INVALID_PARAMETER,
               "an unknown request type -> ERROR_INVALID_PARAMETER");
    HANDLE event = CreateEventW(NULL, FALSE, FALSE, NULL);
    CheckError(!PowerSetRequest(event, PowerRequestSystemRequired), ERROR_INVALID_HANDLE,
               "PowerSetRequest on an event -> ERROR_INVALID_HANDLE");
    CloseHandle(event);
    Check(CloseHandle(request), "CloseHandle ends the request");
    reason.Version = 1;
    CheckError(PowerCreateRequest(&reason) == INVALID_HANDLE_VALUE, ERROR_INVALID_PARAMETER,
               "a context of version 1 -> INVALID_HANDLE_VALUE, ERROR_INVALID_PARAMETER");
}

void Entry(void)
{
    RtlMemory();
    FromApp();
    ThreadAndProcessInformation();
    Mitigation();
    Files();
    RestartAndWer();
    ResourcesAndFirmware();
    PowerRequests();
    ExitProcess(failures);
}
