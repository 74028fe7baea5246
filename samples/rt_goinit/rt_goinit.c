/* Go's runtime start-up on Windows (1.21-1.25, runtime/os_windows.go's osinit and minit) as a
 * probe: every kernel32 function it imports at load time, WerGetFlags/WerSetFlags among them
 * (a missing one stops the image loading), preventErrorDialogs, loadOptionalSyscalls with
 * LOAD_LIBRARY_SEARCH_SYSTEM32, initSysDirectory, initLongPathSupport's PEB bit, the CPU count,
 * wintls's TLS slot read through GS, and minit's thread handle and stack bounds.
 * Exit code: failed checks. */
#include "../k32.h"

/* werapi.h's two (its header needs more than this sample's WIN32_LEAN_AND_MEAN gives). */
__declspec(dllimport) HRESULT WINAPI WerSetFlags(DWORD);
__declspec(dllimport) HRESULT WINAPI WerGetFlags(HANDLE, PDWORD);
#ifndef CREATE_WAITABLE_TIMER_HIGH_RESOLUTION
#define CREATE_WAITABLE_TIMER_HIGH_RESOLUTION 0x2
#endif

typedef LONG NTSTATUS;
typedef NTSTATUS (NTAPI *RtlGetVersionFn)(OSVERSIONINFOW *);
typedef BYTE *(NTAPI *RtlGetCurrentPebFn)(void);
#ifndef WER_FAULT_REPORTING_NO_UI
#define WER_FAULT_REPORTING_NO_UI 0x20
#endif

/* A TEB field through GS, as Go's assembly reads it. */
static ULONG_PTR Gs(ULONG_PTR offset)
{
    ULONG_PTR v;
    __asm__ volatile("movq %%gs:(%1), %0" : "=r"(v) : "r"(offset));
    return v;
}

static LONG CALLBACK Continue(EXCEPTION_POINTERS *e) { (void)e; return EXCEPTION_CONTINUE_SEARCH; }
static BOOL WINAPI Ctrl(DWORD type) { (void)type; return TRUE; }

void Entry(void)
{
    /* preventErrorDialogs. */
    UINT mode = GetErrorMode();
    SetErrorMode(mode | SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
    Check(GetErrorMode() == (mode | SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX),
          "SetErrorMode/GetErrorMode");
    DWORD wer = 0xFFFF;
    Check(WerGetFlags(GetCurrentProcess(), &wer) == S_OK && wer == 0, "WerGetFlags: none set yet");
    Check(WerSetFlags(wer | WER_FAULT_REPORTING_NO_UI) == S_OK, "WerSetFlags(WER_FAULT_REPORTING_NO_UI)");
    Check(WerGetFlags(GetCurrentProcess(), &wer) == S_OK && wer == WER_FAULT_REPORTING_NO_UI, "read back");

    /* initExceptionHandler. */
    Check(AddVectoredExceptionHandler(1, Continue) && AddVectoredContinueHandler(1, Continue),
          "AddVectoredExceptionHandler and AddVectoredContinueHandler");
    SetUnhandledExceptionFilter(NULL);

    /* loadOptionalSyscalls. */
    HMODULE prims = LoadLibraryExW(L"bcryptprimitives.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    HMODULE nt = LoadLibraryExW(L"ntdll.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    Check(prims && GetProcAddress(prims, "ProcessPrng"), "bcryptprimitives!ProcessPrng from System32");
    RtlGetCurrentPebFn peb = (RtlGetCurrentPebFn)GetProcAddress(nt, "RtlGetCurrentPeb");
    RtlGetVersionFn version = (RtlGetVersionFn)GetProcAddress(nt, "RtlGetVersion");
    Check(nt && peb && version && GetProcAddress(nt, "NtCreateWaitCompletionPacket"),
          "ntdll!RtlGetCurrentPeb, RtlGetVersion, NtCreateWaitCompletionPacket");
    BYTE *p = peb();
    Check(p == (BYTE *)Gs(0x60), "RtlGetCurrentPeb is TEB.ProcessEnvironmentBlock");

    /* initHighResTimer: the timer is made and closed at once. */
    HANDLE t = CreateWaitableTimerExW(NULL, NULL, CREATE_WAITABLE_TIMER_HIGH_RESOLUTION,
                                      SYNCHRONIZE | TIMER_QUERY_STATE | TIMER_MODIFY_STATE);
    Check(t && CloseHandle(t), "a high-resolution timer: no winmm.dll needed");

    /* initSysDirectory. */
    char sys[MAX_PATH + 1];
    UINT n = GetSystemDirectoryA(sys, MAX_PATH);
    Check(n > 3 && n < MAX_PATH && sys[1] == ':' && sys[n] == 0, "GetSystemDirectoryA");

    /* initLongPathSupport: 10.0.15063 or later, then PEB byte 3 |= 0x80. */
    OSVERSIONINFOW vi = {0};
    vi.dwOSVersionInfoSize = sizeof vi;
    version(&vi);
    Check(vi.dwMajorVersion == 10 && vi.dwBuildNumber >= 15063, "RtlGetVersion says long paths can be enabled");
    p[3] |= 0x80;
    Check(p[3] & 0x80, "PEB.IsLongPathAwareProcess set");

    /* getCPUCount, getPageSize, SetProcessPriorityBoost. */
    DWORD_PTR mask = 0, sysmask = 0;
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    Check(GetProcessAffinityMask(GetCurrentProcess(), &mask, &sysmask) && mask && (mask & ~sysmask) == 0
          && si.dwPageSize == 4096 && si.dwNumberOfProcessors >= 1, "affinity masks and GetSystemInfo");
    Check(SetProcessPriorityBoost(GetCurrentProcess(), TRUE), "SetProcessPriorityBoost(TRUE)");

    /* wintls: a slot below 64, read through GS:[0x1480 + 8 * index]. */
    DWORD slot = TlsAlloc();
    Check(slot < 64, "TlsAlloc gives a slot of TEB.TlsSlots");
    TlsSetValue(slot, (LPVOID)0x1234);
    Check(Gs(0x1480 + 8 * slot) == 0x1234, "TlsSetValue lands in TEB.TlsSlots");

    /* minit: a real handle to this thread, and the stack's reservation. */
    HANDLE self = NULL;
    Check(DuplicateHandle(GetCurrentProcess(), GetCurrentThread(), GetCurrentProcess(), &self, 0, FALSE,
                          DUPLICATE_SAME_ACCESS) && self, "DuplicateHandle(GetCurrentThread())");
    MEMORY_BASIC_INFORMATION mbi;
    Check(VirtualQuery(&mbi, &mbi, sizeof mbi) == sizeof mbi, "VirtualQuery of the stack");
    ULONG_PTR base = (ULONG_PTR)mbi.AllocationBase + 16 * 1024, hi = Gs(0x08);
    Check(base < hi && hi - base <= 64 << 20 && base < (ULONG_PTR)&mbi, "the g0 stack bounds Go derives are sane");
    CloseHandle(self);

    /* goenvs and the console handler. */
    WCHAR *env = GetEnvironmentStringsW();
    Check(env && env[0], "GetEnvironmentStringsW");
    FreeEnvironmentStringsW(env);
    Check(SetConsoleCtrlHandler(Ctrl, TRUE), "SetConsoleCtrlHandler");
    HMODULE powrprof = LoadLibraryExW(L"powrprof.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    Check(powrprof == NULL || GetProcAddress(powrprof, "PowerRegisterSuspendResumeNotification") != NULL,
          "powrprof.dll: absent (Go then skips it) or with PowerRegisterSuspendResumeNotification");
    ExitProcess(failures);
}
