/* RtlGetVersion and RtlGetNtVersionNumbers: the real version from the PEB (10.0.19045 on the
 * Windows build the executive lays out), whatever the image's manifest says. */
#include "rtl.h"

#define PEB_FIELD(type, offset) (*(type *)((UCHAR *)NtCurrentTeb()->ProcessEnvironmentBlock + (offset)))

NTSYSAPI NTSTATUS NTAPI RtlGetVersion(RTL_OSVERSIONINFOEXW *info)
{
    info->dwMajorVersion = PEB_FIELD(ULONG, 0x118);         /* PEB.OSMajorVersion */
    info->dwMinorVersion = PEB_FIELD(ULONG, 0x11C);         /* PEB.OSMinorVersion */
    info->dwBuildNumber = PEB_FIELD(USHORT, 0x120);         /* PEB.OSBuildNumber */
    info->dwPlatformId = 2;                                 /* VER_PLATFORM_WIN32_NT */
    memset(info->szCSDVersion, 0, sizeof(info->szCSDVersion));
    if (info->dwOSVersionInfoSize >= sizeof(RTL_OSVERSIONINFOEXW)) {
        info->wServicePackMajor = info->wServicePackMinor = 0;
        info->wSuiteMask = 0x0100;                          /* VER_SUITE_SINGLEUSERTS */
        info->wProductType = 1;                             /* VER_NT_WORKSTATION */
        info->wReserved = 0;
    }
    return STATUS_SUCCESS;
}

NTSYSAPI void NTAPI RtlGetNtVersionNumbers(ULONG *Major, ULONG *Minor, ULONG *Build)
{
    if (Major) *Major = PEB_FIELD(ULONG, 0x118);
    if (Minor) *Minor = PEB_FIELD(ULONG, 0x11C);
    if (Build) *Build = PEB_FIELD(USHORT, 0x120) | 0xF0000000u;   /* the "free build" mark */
}
