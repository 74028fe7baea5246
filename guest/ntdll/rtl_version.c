/* RtlGetVersion and RtlGetNtVersionNumbers: the real version from the PEB (10.0.19045 on the
 * Windows build the executive lays out), whatever the image's manifest says; VerSetConditionMask
 * and RtlVerifyVersionInfo. */
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

/* A condition (VER_EQUAL ... VER_LESS_EQUAL, VER_AND/VER_OR for the suite) per VER_* type, three
 * bits each in the order of the type bits. */
NTSYSAPI ULONG64 NTAPI VerSetConditionMask(ULONG64 mask, ULONG type, UCHAR condition)
{
    if (type == 0 || condition == 0)
        return mask;
    condition &= 7;
    for (int i = 0; i < 8; i++)
        if (type & (1u << i))
            mask = (mask & ~(7ull << (i * 3))) | ((ULONG64)condition << (i * 3));
    return mask;
}

static int Compare(ULONG64 have, ULONG64 want, UCHAR condition)
{
    switch (condition) {
    case 1: return have == want;                /* VER_EQUAL */
    case 2: return have > want;                 /* VER_GREATER */
    case 3: return have >= want;                /* VER_GREATER_EQUAL */
    case 4: return have < want;                 /* VER_LESS */
    case 5: return have <= want;                /* VER_LESS_EQUAL */
    default: return 0;
    }
}

/* RtlVerifyVersionInfo against a given version (kernelbase passes the one a program is told). The
 * major, minor and service pack numbers compare as one number, under the condition of the most
 * significant of them the caller named, as Windows compares them. */
NTSYSAPI NTSTATUS NTAPI RtlpVerifyVersionAgainst(const RTL_OSVERSIONINFOEXW *have, const RTL_OSVERSIONINFOEXW *want,
                                                 ULONG type, ULONG64 mask)
{
    if (type == 0 || mask == 0)
        return STATUS_INVALID_PARAMETER;
#define COND(bit) ((UCHAR)((mask >> ((bit) * 3)) & 7))
    ULONG64 h = 0, w = 0;
    int cond = 0;
    static const int order[4] = {1, 0, 5, 4};  /* MAJOR, MINOR, SERVICEPACKMAJOR, SERVICEPACKMINOR */
    ULONG hv[4] = {have->dwMajorVersion, have->dwMinorVersion, have->wServicePackMajor, have->wServicePackMinor};
    ULONG wv[4] = {want->dwMajorVersion, want->dwMinorVersion, want->wServicePackMajor, want->wServicePackMinor};
    for (int i = 0; i < 4; i++) {
        h <<= 16; w <<= 16;
        if (type & (1u << order[i])) {
            h |= hv[i] & 0xFFFF;
            w |= wv[i] & 0xFFFF;
            if (cond == 0) cond = COND(order[i]);
        }
    }
    if (cond && !Compare(h, w, (UCHAR)cond)) return STATUS_REVISION_MISMATCH;
    if ((type & 4) && !Compare(have->dwBuildNumber, want->dwBuildNumber, COND(2))) return STATUS_REVISION_MISMATCH;
    if ((type & 8) && !Compare(have->dwPlatformId, want->dwPlatformId, COND(3))) return STATUS_REVISION_MISMATCH;
    if ((type & 0x80) && !Compare(have->wProductType, want->wProductType, COND(7))) return STATUS_REVISION_MISMATCH;
    if (type & 0x40) {
        USHORT suite = want->wSuiteMask;
        int ok = COND(6) == 6 /* VER_AND */ ? (have->wSuiteMask & suite) == suite : (have->wSuiteMask & suite) != 0;
        if (!ok) return STATUS_REVISION_MISMATCH;
    }
#undef COND
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlVerifyVersionInfo(RTL_OSVERSIONINFOEXW *want, ULONG type, ULONG64 mask)
{
    RTL_OSVERSIONINFOEXW have;
    have.dwOSVersionInfoSize = sizeof(have);
    RtlGetVersion(&have);
    return RtlpVerifyVersionAgainst(&have, want, type, mask);
}
