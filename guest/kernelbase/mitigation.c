/* Family 2, the process mitigation policies (Windows 8+) and the DEP calls. On x64, DEP is
 * always on and permanent; the ASLR policy follows the image's DllCharacteristics
 * (IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE: bottom-up randomization, with HIGH_ENTROPY_VA: high
 * entropy), both read-only once the process exists; every other policy starts off. What
 * SetProcessMitigationPolicy turns on for the calling process stays on: a call that would turn
 * a policy off again is ERROR_ACCESS_DENIED (kept in this DLL, so another process's policies read
 * as the image and creation made them). The 32-bit-only DEP calls fail with
 * ERROR_NOT_SUPPORTED on a 64-bit process, as documented; GetSystemDEPPolicy is OptIn, client
 * Windows' default. */
#include "kernelbase.h"

NTDLL NTSTATUS NTAPI NtReadVirtualMemory(HANDLE, PVOID, PVOID, SIZE_T, SIZE_T *);

#define ProcessBasicInformation_ 0
#define PEB_IMAGE_BASE_ADDRESS 0x10
#define ASLR_READ_ONLY 0x5                      /* EnableBottomUpRandomization | EnableHighEntropy */

/* The flags SetProcessMitigationPolicy turned on in this process, by policy. */
static DWORD enabled_flags[MaxProcessMitigationPolicy];

static BOOL Fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* The DllCharacteristics of the process's image, from its PEB and headers (another process's
 * through NtReadVirtualMemory). */
static BOOL ImageCharacteristics(HANDLE process, WORD *characteristics)
{
    struct { NTSTATUS ExitStatus; PBYTE Peb; ULONG_PTR rest[4]; } basic;
    NTSTATUS status = NtQueryInformationProcess(process, ProcessBasicInformation_, &basic, sizeof basic, NULL);
    PBYTE base = NULL;
    LONG e_lfanew = 0;
    if (NT_SUCCESS(status))
        status = NtReadVirtualMemory(process, basic.Peb + PEB_IMAGE_BASE_ADDRESS, &base, sizeof base, NULL);
    if (NT_SUCCESS(status))
        status = NtReadVirtualMemory(process, base + offsetof(IMAGE_DOS_HEADER, e_lfanew), &e_lfanew,
                                     sizeof e_lfanew, NULL);
    if (NT_SUCCESS(status))
        status = NtReadVirtualMemory(process, base + e_lfanew + offsetof(IMAGE_NT_HEADERS64,
                                     OptionalHeader.DllCharacteristics), characteristics, sizeof *characteristics, NULL);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

static SIZE_T PolicySize(PROCESS_MITIGATION_POLICY policy)
{
    return policy == ProcessDEPPolicy ? sizeof(PROCESS_MITIGATION_DEP_POLICY) : sizeof(DWORD);
}

/* The policies this process knows: all of the enumeration but the options mask (a bit array). */
static BOOL KnownPolicy(PROCESS_MITIGATION_POLICY policy)
{
    return (unsigned)policy < MaxProcessMitigationPolicy && policy != ProcessMitigationOptionsMask;
}

KBAPI BOOL WINAPI GetProcessMitigationPolicy(HANDLE process, PROCESS_MITIGATION_POLICY policy, PVOID buffer,
                                             SIZE_T length)
{
    if (!KnownPolicy(policy) || length != PolicySize(policy) || !buffer)
        return Fail(ERROR_INVALID_PARAMETER);
    WORD characteristics;
    if (!ImageCharacteristics(process, &characteristics))
        return FALSE;
    if (policy == ProcessDEPPolicy) {
        PROCESS_MITIGATION_DEP_POLICY *dep = buffer;
        dep->Flags = 0;
        dep->Enable = 1;
        dep->Permanent = TRUE;
        return TRUE;
    }
    DWORD flags = process == GetCurrentProcess() || GetProcessId(process) == GetCurrentProcessId()
                  ? enabled_flags[policy] : 0;
    if (policy == ProcessASLRPolicy && (characteristics & IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE)) {
        flags |= 0x1;                                                   /* EnableBottomUpRandomization */
        if (characteristics & IMAGE_DLLCHARACTERISTICS_HIGH_ENTROPY_VA)
            flags |= 0x4;                                               /* EnableHighEntropy */
    }
    *(DWORD *)buffer = flags;
    return TRUE;
}

KBAPI BOOL WINAPI SetProcessMitigationPolicy(PROCESS_MITIGATION_POLICY policy, PVOID buffer, SIZE_T length)
{
    if (!KnownPolicy(policy) || length != PolicySize(policy) || !buffer)
        return Fail(ERROR_INVALID_PARAMETER);
    if (policy == ProcessDEPPolicy)
        return Fail(ERROR_NOT_SUPPORTED);               /* x64: always on, permanent */
    DWORD flags = *(const DWORD *)buffer;
    if (policy == ProcessASLRPolicy && (flags & ASLR_READ_ONLY))
        return Fail(ERROR_INVALID_PARAMETER);           /* fixed when the process was created */
    if (policy == ProcessControlFlowGuardPolicy)
        return Fail(ERROR_INVALID_PARAMETER);           /* only the image and creation decide */
    if (enabled_flags[policy] & ~flags)
        return Fail(ERROR_ACCESS_DENIED);               /* a policy once on stays on */
    enabled_flags[policy] |= flags;
    return TRUE;
}

KBAPI DEP_SYSTEM_POLICY_TYPE WINAPI GetSystemDEPPolicy(void)
{
    return DEPPolicyOptIn;
}

KBAPI BOOL WINAPI GetProcessDEPPolicy(HANDLE process, LPDWORD flags, PBOOL permanent)
{
    WORD characteristics;
    if (!flags || !permanent)
        return Fail(ERROR_INVALID_PARAMETER);
    if (!ImageCharacteristics(process, &characteristics))
        return FALSE;
    return Fail(ERROR_NOT_SUPPORTED);                   /* a 64-bit process */
}

KBAPI BOOL WINAPI SetProcessDEPPolicy(DWORD flags)
{
    (void)flags;
    return Fail(ERROR_NOT_SUPPORTED);                   /* the caller is a 64-bit process */
}
