/* The system calls newer Rust std (1.75-1.90) and Go (1.21-1.25) runtimes make at start-up and in
 * their sync/time/random/env paths, found as they find them: WaitOnAddress and WakeByAddress* from
 * api-ms-win-core-synch-l1-2-0, Set/GetThreadDescription, GetSystemTimePreciseAsFileTime,
 * ProcessPrng from bcryptprimitives, RtlGetVersion/RtlGetNtVersionNumbers, the stack-overflow
 * handler (AddVectoredExceptionHandler + SetThreadStackGuarantee), GetUserProfileDirectoryW with
 * GetCurrentProcessToken(), GetTempPath2W. Exit code: failed checks. */
#include "../k32.h"
#include <userenv.h>

typedef LONG NTSTATUS;
typedef BOOL (WINAPI *WaitOnAddressFn)(volatile void *, void *, SIZE_T, DWORD);
typedef void (WINAPI *WakeFn)(void *);
typedef BOOL (WINAPI *PrngFn)(PBYTE, SIZE_T);
typedef NTSTATUS (NTAPI *RtlGetVersionFn)(OSVERSIONINFOW *);
typedef void (NTAPI *RtlGetNtVersionNumbersFn)(DWORD *, DWORD *, DWORD *);
typedef HRESULT (WINAPI *SetDescFn)(HANDLE, PCWSTR);
typedef HRESULT (WINAPI *GetDescFn)(HANDLE, PWSTR *);
typedef DWORD (WINAPI *TempPath2Fn)(DWORD, LPWSTR);

static WaitOnAddressFn pWaitOnAddress;
static WakeFn pWakeSingle, pWakeAll;
static volatile LONG word, woken;

static DWORD WINAPI Waiter(LPVOID p)
{
    LONG zero = 0;
    (void)p;
    while (word == 0)
        pWaitOnAddress(&word, &zero, sizeof word, INFINITE);
    InterlockedIncrement(&woken);
    return 0;
}

static volatile LONG overflow_seen;
static LONG CALLBACK OverflowHandler(EXCEPTION_POINTERS *info)
{
    if (info->ExceptionRecord->ExceptionCode != EXCEPTION_STACK_OVERFLOW)
        return EXCEPTION_CONTINUE_SEARCH;
    /* Rust's handler prints its message here, on what the guarantee left of the stack. */
    char room[8192];
    room[0] = 1;
    room[sizeof room - 1] = 1;
    overflow_seen = room[0] + room[sizeof room - 1];
    ExitThread(0x5F);
}

#pragma GCC diagnostic ignored "-Winfinite-recursion"
__attribute__((noinline)) static int Recurse(volatile char *prev)
{
    volatile char frame[512];
    frame[0] = prev ? prev[0] + 1 : 0;
    return Recurse(frame) + frame[1];
}

static DWORD WINAPI Overflower(LPVOID p)
{
    ULONG size = 0x5000;
    (void)p;
    if (!SetThreadStackGuarantee(&size))
        return 1;
    return (DWORD)Recurse(NULL);
}

void Entry(void)
{
    /* Rust std's compat loading: the API set module by name, then GetProcAddress. */
    HMODULE synch = GetModuleHandleW(L"api-ms-win-core-synch-l1-2-0");
    Check(synch != NULL, "GetModuleHandleW(api-ms-win-core-synch-l1-2-0) resolves through the API set");
    HMODULE synch2 = LoadLibraryW(L"api-ms-win-core-synch-l1-2-0.dll");
    Check(synch2 == synch, "LoadLibraryW of it gives the same module");
    pWaitOnAddress = (WaitOnAddressFn)GetProcAddress(synch, "WaitOnAddress");
    pWakeSingle = (WakeFn)GetProcAddress(synch, "WakeByAddressSingle");
    pWakeAll = (WakeFn)GetProcAddress(synch, "WakeByAddressAll");
    Check(pWaitOnAddress && pWakeSingle && pWakeAll, "WaitOnAddress, WakeByAddressSingle/All found there");

    LONG v = 1, other = 2, same = 1;
    Check(pWaitOnAddress(&v, &other, sizeof v, INFINITE), "WaitOnAddress on a value already different: TRUE");
    SetLastError(0);
    CheckError(!pWaitOnAddress(&v, &same, sizeof v, 10), ERROR_TIMEOUT, "an equal value, 10 ms -> ERROR_TIMEOUT");
    HANDLE waiters[2];
    for (int i = 0; i < 2; i++)
        waiters[i] = CreateThread(NULL, 0, Waiter, NULL, 0, NULL);
    Sleep(20);
    word = 1;
    pWakeAll((void *)&word);
    Check(WaitForMultipleObjects(2, waiters, TRUE, 5000) == WAIT_OBJECT_0 && woken == 2,
          "WakeByAddressAll wakes both waiters");
    CloseHandle(waiters[0]);
    CloseHandle(waiters[1]);
    word = 0;
    woken = 0;
    waiters[0] = CreateThread(NULL, 0, Waiter, NULL, 0, NULL);
    Sleep(20);
    word = 1;
    pWakeSingle((void *)&word);
    Check(WaitForSingleObject(waiters[0], 5000) == WAIT_OBJECT_0 && woken == 1, "WakeByAddressSingle wakes one");
    CloseHandle(waiters[0]);

    /* Thread names (Rust's Thread::set_name, Go does not name threads). */
    HMODULE k32 = GetModuleHandleW(L"kernel32.dll");
    SetDescFn pSet = (SetDescFn)GetProcAddress(k32, "SetThreadDescription");
    GetDescFn pGet = (GetDescFn)GetProcAddress(k32, "GetThreadDescription");
    Check(pSet && pGet && pSet(GetCurrentThread(), L"main") == S_OK, "SetThreadDescription -> S_OK");
    PWSTR name = NULL;
    Check(pGet(GetCurrentThread(), &name) == S_OK && name && lstrcmpW(name, L"main") == 0,
          "GetThreadDescription reads it back");
    LocalFree(name);

    /* Time. */
    FILETIME coarse, precise;
    GetSystemTimeAsFileTime(&coarse);
    GetSystemTimePreciseAsFileTime(&precise);
    ULONGLONG c = ((ULONGLONG)coarse.dwHighDateTime << 32) | coarse.dwLowDateTime;
    ULONGLONG p = ((ULONGLONG)precise.dwHighDateTime << 32) | precise.dwLowDateTime;
    Check(p >= c && p - c < 10000000ULL, "GetSystemTimePreciseAsFileTime: not before the coarse time, within 1 s");

    /* Randomness: Go >= 1.22 and Rust >= 1.78 use ProcessPrng. */
    HMODULE prims = LoadLibraryExW(L"bcryptprimitives.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    PrngFn prng = prims ? (PrngFn)GetProcAddress(prims, "ProcessPrng") : NULL;
    BYTE a[32] = {0}, b[32] = {0};
    Check(prng && prng(a, sizeof a) && prng(b, sizeof b), "ProcessPrng from bcryptprimitives: TRUE");
    int differ = 0, nonzero = 0;
    for (int i = 0; i < 32; i++) {
        differ |= a[i] != b[i];
        nonzero |= a[i];
    }
    Check(differ && nonzero, "two draws differ and are not zero");

    /* Versions. */
    HMODULE nt = GetModuleHandleW(L"ntdll.dll");
    RtlGetVersionFn rgv = (RtlGetVersionFn)GetProcAddress(nt, "RtlGetVersion");
    RtlGetNtVersionNumbersFn rgn = (RtlGetNtVersionNumbersFn)GetProcAddress(nt, "RtlGetNtVersionNumbers");
    OSVERSIONINFOW vi = {0};
    vi.dwOSVersionInfoSize = sizeof vi;
    Check(rgv && rgv(&vi) == 0 && vi.dwMajorVersion == 10 && vi.dwMinorVersion == 0 && vi.dwBuildNumber >= 15063,
          "RtlGetVersion: 10.0, build >= 15063 (Go's long-path check)");
    DWORD major = 0, minor = 0, build = 0;
    rgn(&major, &minor, &build);
    Check(major == 10 && minor == 0 && (build & 0xF0000000) == 0xF0000000 && (build & 0xFFFF) == vi.dwBuildNumber,
          "RtlGetNtVersionNumbers: 10, 0, the build with 0xF0000000 set");

    /* Rust's stack-overflow handler. */
    Check(AddVectoredExceptionHandler(0, OverflowHandler) != NULL, "AddVectoredExceptionHandler");
    ULONG guarantee = 0x5000;
    Check(SetThreadStackGuarantee(&guarantee), "SetThreadStackGuarantee(0x5000)");
    guarantee = 0;
    Check(SetThreadStackGuarantee(&guarantee) && guarantee == 0x5000, "asking again reads back 0x5000");
    HANDLE t = CreateThread(NULL, 0, Overflower, NULL, 0, NULL);
    DWORD code = 0;
    Check(WaitForSingleObject(t, 30000) == WAIT_OBJECT_0 && GetExitCodeThread(t, &code) && code == 0x5F,
          "a runaway recursion reaches the handler as EXCEPTION_STACK_OVERFLOW");
    Check(overflow_seen == 2, "with 8 KiB of stack to run on");
    CloseHandle(t);

    /* env::home_dir without USERPROFILE: the profile of GetCurrentProcessToken(). */
    WCHAR home[MAX_PATH];
    DWORD size = 1;
    SetLastError(0);
    CheckError(!GetUserProfileDirectoryW((HANDLE)(LONG_PTR)-4, home, &size), ERROR_INSUFFICIENT_BUFFER,
               "GetUserProfileDirectoryW(GetCurrentProcessToken()), 1 char -> ERROR_INSUFFICIENT_BUFFER");
    DWORD need = size;
    size = MAX_PATH;
    Check(GetUserProfileDirectoryW((HANDLE)(LONG_PTR)-4, home, &size) && size == need
          && (DWORD)lstrlenW(home) + 1 == need && home[1] == L':', "and the path, with the size it asked for");

    /* The token pseudo-handles behind it. */
    BYTE user[128];
    DWORD got = 0;
    Check(GetTokenInformation((HANDLE)(LONG_PTR)-4, TokenUser, user, sizeof user, &got) && got > 0,
          "GetTokenInformation(GetCurrentProcessToken(), TokenUser)");
    Check(GetTokenInformation((HANDLE)(LONG_PTR)-6, TokenUser, user, sizeof user, &got),
          "GetCurrentThreadEffectiveToken(): the primary token when not impersonating");
    SetLastError(0);
    CheckError(!GetTokenInformation((HANDLE)(LONG_PTR)-5, TokenUser, user, sizeof user, &got), ERROR_NO_TOKEN,
               "GetCurrentThreadToken() without impersonation -> ERROR_NO_TOKEN");
    TOKEN_PRIVILEGES none = {0};
    SetLastError(0);
    CheckError(!AdjustTokenPrivileges((HANDLE)(LONG_PTR)-4, TRUE, &none, 0, NULL, NULL), ERROR_ACCESS_DENIED,
               "the pseudo-handle only queries: AdjustTokenPrivileges -> ERROR_ACCESS_DENIED");

    /* std::env::temp_dir: GetTempPath2W when present. */
    TempPath2Fn tp2 = (TempPath2Fn)GetProcAddress(k32, "GetTempPath2W");
    WCHAR t1[MAX_PATH + 1], t2[MAX_PATH + 1];
    DWORD n1 = tp2 ? tp2(MAX_PATH + 1, t1) : 0;
    DWORD n2 = GetTempPathW(MAX_PATH + 1, t2);
    Check(n1 && n1 == n2 && lstrcmpW(t1, t2) == 0 && t1[n1 - 1] == L'\\',
          "GetTempPath2W: as GetTempPathW for a user process, ending in a backslash");
    Check(tp2(0, NULL) == n1 + 1, "a zero-length buffer asks for the size with the terminator");

    ExitProcess(failures);
}
