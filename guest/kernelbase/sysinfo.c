/* Family 8 (system information): GetSystemInfo from KUSER_SHARED_DATA and the CPU's CPUID,
 * IsProcessorFeaturePresent from KUSER_SHARED_DATA.ProcessorFeatures, and the version a program
 * without a compatibility manifest is told (6.2.9200, as Windows 10 answers; RtlGetVersion
 * gives the real 10.0.19045). */
#include "kernelbase.h"

#define KUSER(type, offset) (*(volatile type *)(ULONG_PTR)(0x7FFE0000 + (offset)))
#define KUSER_PROCESSOR_FEATURES 0x274
#define KUSER_ACTIVE_PROCESSOR_COUNT 0x3C0

KBAPI VOID WINAPI GetSystemInfo(LPSYSTEM_INFO si)
{
    unsigned a, b, c, d;
    __asm__ volatile ("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(1), "c"(0));
    unsigned family = (a >> 8) & 0xF, model = (a >> 4) & 0xF, stepping = a & 0xF;
    if (family == 0xF) family += (a >> 20) & 0xFF;
    if (family >= 6) model |= ((a >> 16) & 0xF) << 4;
    DWORD cpus = KUSER(ULONG, KUSER_ACTIVE_PROCESSOR_COUNT);
    memset(si, 0, sizeof(*si));
    si->wProcessorArchitecture = PROCESSOR_ARCHITECTURE_AMD64;
    si->dwPageSize = 0x1000;
    si->lpMinimumApplicationAddress = (LPVOID)0x10000;
    si->lpMaximumApplicationAddress = (LPVOID)0x7FFFFFFEFFFF;
    si->dwActiveProcessorMask = cpus >= 64 ? ~(DWORD_PTR)0 : ((DWORD_PTR)1 << cpus) - 1;
    si->dwNumberOfProcessors = cpus;
    si->dwProcessorType = PROCESSOR_AMD_X8664;
    si->dwAllocationGranularity = 0x10000;
    si->wProcessorLevel = (WORD)family;
    si->wProcessorRevision = (WORD)((model << 8) | stepping);
}

KBAPI VOID WINAPI GetNativeSystemInfo(LPSYSTEM_INFO si)
{
    GetSystemInfo(si);
}

KBAPI DWORD WINAPI GetActiveProcessorCount(WORD group)
{
    if (group != 0 && group != ALL_PROCESSOR_GROUPS) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return KUSER(ULONG, KUSER_ACTIVE_PROCESSOR_COUNT);
}

KBAPI DWORD WINAPI GetMaximumProcessorCount(WORD group)
{
    return GetActiveProcessorCount(group);
}

KBAPI BOOL WINAPI IsProcessorFeaturePresent(DWORD feature)
{
    return feature < 64 ? KUSER(BYTE, KUSER_PROCESSOR_FEATURES + feature) != 0 : FALSE;
}

#define COMPAT_MAJOR 6
#define COMPAT_MINOR 2
#define COMPAT_BUILD 9200

KBAPI DWORD WINAPI GetVersion(void)
{
    return (COMPAT_BUILD << 16) | (COMPAT_MINOR << 8) | COMPAT_MAJOR;
}

KBAPI BOOL WINAPI GetVersionExW(LPOSVERSIONINFOW info)
{
    if (info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOW) && info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOEXW)) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    info->dwMajorVersion = COMPAT_MAJOR;
    info->dwMinorVersion = COMPAT_MINOR;
    info->dwBuildNumber = COMPAT_BUILD;
    info->dwPlatformId = VER_PLATFORM_WIN32_NT;
    memset(info->szCSDVersion, 0, sizeof(info->szCSDVersion));
    if (info->dwOSVersionInfoSize == sizeof(OSVERSIONINFOEXW)) {
        OSVERSIONINFOEXW *ex = (OSVERSIONINFOEXW *)info;
        ex->wServicePackMajor = ex->wServicePackMinor = 0;
        ex->wSuiteMask = VER_SUITE_SINGLEUSERTS;
        ex->wProductType = VER_NT_WORKSTATION;
        ex->wReserved = 0;
    }
    return TRUE;
}

KBAPI BOOL WINAPI GetVersionExA(LPOSVERSIONINFOA info)
{
    if (info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOA) && info->dwOSVersionInfoSize != sizeof(OSVERSIONINFOEXA)) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    OSVERSIONINFOEXW w;
    w.dwOSVersionInfoSize = sizeof(w);
    GetVersionExW((LPOSVERSIONINFOW)&w);
    info->dwMajorVersion = w.dwMajorVersion;
    info->dwMinorVersion = w.dwMinorVersion;
    info->dwBuildNumber = w.dwBuildNumber;
    info->dwPlatformId = w.dwPlatformId;
    memset(info->szCSDVersion, 0, sizeof(info->szCSDVersion));
    if (info->dwOSVersionInfoSize == sizeof(OSVERSIONINFOEXA)) {
        OSVERSIONINFOEXA *ex = (OSVERSIONINFOEXA *)info;
        ex->wServicePackMajor = ex->wServicePackMinor = 0;
        ex->wSuiteMask = w.wSuiteMask;
        ex->wProductType = w.wProductType;
        ex->wReserved = 0;
    }
    return TRUE;
}

NTDLL NTSTATUS NTAPI RtlpVerifyVersionAgainst(const OSVERSIONINFOEXW *, const OSVERSIONINFOEXW *, ULONG, ULONGLONG);

/* Against the version a program without a compatibility manifest is told (6.2.9200), as
 * Windows 10 answers it: a test for 8.1 or 10 fails with ERROR_OLD_WIN_VERSION. */
KBAPI BOOL WINAPI VerifyVersionInfoW(LPOSVERSIONINFOEXW want, DWORD type, DWORDLONG mask)
{
    OSVERSIONINFOEXW have;
    have.dwOSVersionInfoSize = sizeof(have);
    GetVersionExW((LPOSVERSIONINFOW)&have);
    NTSTATUS status = RtlpVerifyVersionAgainst(&have, want, type, mask);
    if (status == (NTSTATUS)0xC0000059) {       /* STATUS_REVISION_MISMATCH */
        SetLastError(ERROR_OLD_WIN_VERSION);
        return FALSE;
    }
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI VerifyVersionInfoA(LPOSVERSIONINFOEXA want, DWORD type, DWORDLONG mask)
{
    OSVERSIONINFOEXW w;
    memset(&w, 0, sizeof(w));
    w.dwOSVersionInfoSize = sizeof(w);
    w.dwMajorVersion = want->dwMajorVersion;
    w.dwMinorVersion = want->dwMinorVersion;
    w.dwBuildNumber = want->dwBuildNumber;
    w.dwPlatformId = want->dwPlatformId;
    w.wServicePackMajor = want->wServicePackMajor;
    w.wServicePackMinor = want->wServicePackMinor;
    w.wSuiteMask = want->wSuiteMask;
    w.wProductType = want->wProductType;
    return VerifyVersionInfoW(&w, type, mask);
}
