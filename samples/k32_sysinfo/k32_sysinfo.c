/* Families 8 and 10, system information, time and debugging: GetSystemInfo, processor features,
 * GetVersion(Ex) (6.2.9200 without a manifest) against RtlGetVersion (10.0.19045), the virtual
 * clock (2024-01-01 UTC at boot: the date printed is the same on every run), the performance
 * counter, time conversions, the UTC time zone, IsDebuggerPresent. Exit code: failed checks. */
#include "../k32.h"

__declspec(dllimport) LONG WINAPI RtlGetVersion(OSVERSIONINFOEXW *);
__declspec(dllimport) LONG WINAPI RtlVerifyVersionInfo(OSVERSIONINFOEXW *, ULONG, ULONGLONG);

static void Two(WORD v)
{
    if (v < 10)
        Print("0");
    PrintNum(v, 0);
}

static void PrintTime(const SYSTEMTIME *st)
{
    PrintNum(st->wYear, 0);
    Print("-");
    Two(st->wMonth);
    Print("-");
    Two(st->wDay);
    Print(" ");
    Two(st->wHour);
    Print(":");
    Two(st->wMinute);
    Print("\n");
}

void Entry(void)
{
    SYSTEM_INFO si;
    GetSystemInfo(&si);
    Check(si.wProcessorArchitecture == PROCESSOR_ARCHITECTURE_AMD64 && si.dwPageSize == 4096
          && si.dwAllocationGranularity == 0x10000 && si.lpMinimumApplicationAddress == (LPVOID)0x10000
          && si.lpMaximumApplicationAddress == (LPVOID)0x7FFFFFFEFFFF, "GetSystemInfo: AMD64, 4 KB pages, 64 KB granularity");
    Print("processors: ");
    PrintNum(si.dwNumberOfProcessors, 0);
    Print(", mask ");
    PrintNum(si.dwActiveProcessorMask, 1);
    Print("\n");
    Check(GetActiveProcessorCount(ALL_PROCESSOR_GROUPS) == si.dwNumberOfProcessors, "GetActiveProcessorCount agrees");
    Check(IsProcessorFeaturePresent(PF_XMMI64_INSTRUCTIONS_AVAILABLE) && IsProcessorFeaturePresent(PF_NX_ENABLED)
          && !IsProcessorFeaturePresent(PF_AVX512F_INSTRUCTIONS_AVAILABLE), "IsProcessorFeaturePresent: SSE2 and NX, no AVX-512");
    Check(!IsProcessorFeaturePresent(200), "an unknown feature is absent");

    DWORD v = GetVersion();
    Check((v & 0xFF) == 6 && ((v >> 8) & 0xFF) == 2 && (v >> 16) == 9200, "GetVersion: 6.2.9200 without a manifest");
    OSVERSIONINFOEXW ex = {sizeof(ex)};
    Check(GetVersionExW((OSVERSIONINFOW *)&ex) && ex.dwMajorVersion == 6 && ex.dwMinorVersion == 2
          && ex.wProductType == VER_NT_WORKSTATION, "GetVersionExW agrees");
    OSVERSIONINFOW small = {sizeof(small) - 4};
    CheckError(!GetVersionExW(&small), ERROR_INSUFFICIENT_BUFFER, "a wrong size -> ERROR_INSUFFICIENT_BUFFER");
    OSVERSIONINFOEXW real = {sizeof(real)};
    Check(RtlGetVersion(&real) == 0 && real.dwMajorVersion == 10 && real.dwMinorVersion == 0
          && real.dwBuildNumber == 19045, "RtlGetVersion: 10.0.19045");

    OSVERSIONINFOEXW want = {sizeof(want)};
    want.dwMajorVersion = 6;
    want.dwMinorVersion = 2;
    ULONGLONG ge = VerSetConditionMask(VerSetConditionMask(0, VER_MAJORVERSION, VER_GREATER_EQUAL),
                                      VER_MINORVERSION, VER_GREATER_EQUAL);
    Check(ge == 0x1B, "VerSetConditionMask packs three bits per type");
    Check(VerifyVersionInfoW(&want, VER_MAJORVERSION | VER_MINORVERSION, ge), "VerifyVersionInfo: at least 6.2");
    want.dwMajorVersion = 10;
    want.dwMinorVersion = 0;
    CheckError(!VerifyVersionInfoW(&want, VER_MAJORVERSION | VER_MINORVERSION, ge), ERROR_OLD_WIN_VERSION,
               "at least 10.0, without a manifest -> ERROR_OLD_WIN_VERSION");
    Check(RtlVerifyVersionInfo(&want, VER_MAJORVERSION | VER_MINORVERSION, ge) == 0, "RtlVerifyVersionInfo: at least 10.0");
    want.dwMajorVersion = 5;
    CheckError(!VerifyVersionInfoW(&want, VER_MAJORVERSION, VerSetConditionMask(0, VER_MAJORVERSION, VER_EQUAL)),
               ERROR_OLD_WIN_VERSION, "major version 5 exactly: no");

    SYSTEMTIME st;
    GetSystemTime(&st);
    Print("system time: ");
    PrintTime(&st);
    SYSTEMTIME local;
    GetLocalTime(&local);
    Check(local.wHour == st.wHour && local.wDay == st.wDay, "local time is UTC");
    TIME_ZONE_INFORMATION tz;
    Check(GetTimeZoneInformation(&tz) == TIME_ZONE_ID_UNKNOWN && tz.Bias == 0, "the time zone is UTC");
    FILETIME ft, back;
    GetSystemTimeAsFileTime(&ft);
    Check(ft.dwHighDateTime == 0x01DA3C45, "FILETIME near 2024-01-01");
    Check(FileTimeToSystemTime(&ft, &st) && SystemTimeToFileTime(&st, &back)
          && (((ULONGLONG)ft.dwHighDateTime << 32 | ft.dwLowDateTime) / 10000) ==
             (((ULONGLONG)back.dwHighDateTime << 32 | back.dwLowDateTime) / 10000), "SystemTime <-> FileTime round-trip");
    SYSTEMTIME leap = {2024, 2, 0, 29, 12, 0, 0, 0};
    Check(SystemTimeToFileTime(&leap, &ft) && FileTimeToSystemTime(&ft, &st) && st.wDayOfWeek == 4, "2024-02-29 was a Thursday");
    SYSTEMTIME bad = {2023, 2, 0, 29, 0, 0, 0, 0};
    CheckError(!SystemTimeToFileTime(&bad, &ft), ERROR_INVALID_PARAMETER, "2023-02-29 -> ERROR_INVALID_PARAMETER");
    WORD date, time;
    Check(SystemTimeToFileTime(&leap, &ft) && FileTimeToDosDateTime(&ft, &date, &time)
          && date == ((44 << 9) | (2 << 5) | 29) && time == (12 << 11), "FileTimeToDosDateTime");
    Check(DosDateTimeToFileTime(date, time, &back) && CompareFileTime(&ft, &back) == 0, "and back");
    FILETIME later = {ft.dwLowDateTime + 1, ft.dwHighDateTime};
    Check(CompareFileTime(&ft, &later) == -1 && CompareFileTime(&later, &ft) == 1, "CompareFileTime");

    LARGE_INTEGER freq, c1, c2;
    Check(QueryPerformanceFrequency(&freq) && freq.QuadPart == 10000000, "QueryPerformanceFrequency: 10 MHz");
    QueryPerformanceCounter(&c1);
    ULONGLONG t1 = GetTickCount64();
    Sleep(250);
    QueryPerformanceCounter(&c2);
    ULONGLONG t2 = GetTickCount64();
    Check(c2.QuadPart - c1.QuadPart >= 2500000 && c2.QuadPart - c1.QuadPart < 2700000, "Sleep(250) is 250 ms on the counter");
    Check(t2 - t1 >= 234 && t2 - t1 <= 266, "and on the tick count");
    Check((DWORD)t2 == GetTickCount() || (DWORD)t2 + 16 >= GetTickCount(), "GetTickCount is GetTickCount64's low half");

    Check(!IsDebuggerPresent(), "IsDebuggerPresent: no debugger");
    BOOL remote = TRUE;
    Check(CheckRemoteDebuggerPresent(GetCurrentProcess(), &remote) && !remote, "CheckRemoteDebuggerPresent");
    BOOL wow = TRUE;
    Check(IsWow64Process(GetCurrentProcess(), &wow) && !wow, "not a WOW64 process");
    Check(GetCurrentProcessId() != 0 && GetProcessId(GetCurrentProcess()) == GetCurrentProcessId(), "GetProcessId");
    Check(GetPriorityClass(GetCurrentProcess()) == NORMAL_PRIORITY_CLASS, "NORMAL_PRIORITY_CLASS");
    Check(SetPriorityClass(GetCurrentProcess(), HIGH_PRIORITY_CLASS)
          && GetPriorityClass(GetCurrentProcess()) == HIGH_PRIORITY_CLASS, "SetPriorityClass(HIGH)");
    STARTUPINFOW sw;
    GetStartupInfoW(&sw);
    Check(sw.cb == sizeof(sw) && sw.lpDesktop != NULL, "GetStartupInfoW");
    ExitProcess(failures);
}
