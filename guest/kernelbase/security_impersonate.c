/* Family 21 (security), impersonation and access checks over the native services: DuplicateToken(Ex)
 * (NtDuplicateToken with a SECURITY_QUALITY_OF_SERVICE for the level), ImpersonateSelf,
 * SetThreadToken, ImpersonateLoggedOnUser and RevertToSelf (NtSetInformationThread's
 * ThreadImpersonationToken), AccessCheck (NtAccessCheck: TRUE when the check ran, the verdict in
 * AccessStatus), PrivilegeCheck, AreAll/AreAnyAccessesGranted and AllocateLocallyUniqueId. */
#include "registry.h"                 /* the security-base declarations without dllimport */

#define ThreadImpersonationToken 5
#define TokenType_ 8

NTDLL NTSTATUS NTAPI NtDuplicateToken(HANDLE, ACCESS_MASK, OBJECT_ATTRIBUTES *, BOOLEAN, TOKEN_TYPE, HANDLE *);
NTDLL NTSTATUS NTAPI NtOpenProcessToken(HANDLE, ACCESS_MASK, HANDLE *);
NTDLL NTSTATUS NTAPI NtQueryInformationToken(HANDLE, ULONG, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtAccessCheck(PSECURITY_DESCRIPTOR, HANDLE, ACCESS_MASK, PGENERIC_MAPPING, PPRIVILEGE_SET,
                                   ULONG *, ACCESS_MASK *, NTSTATUS *);
NTDLL NTSTATUS NTAPI NtPrivilegeCheck(HANDLE, PPRIVILEGE_SET, BOOLEAN *);
NTDLL NTSTATUS NTAPI NtAllocateLocallyUniqueId(LUID *);
NTDLL ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);

KBAPI BOOL WINAPI DuplicateTokenEx(HANDLE existing, DWORD access, LPSECURITY_ATTRIBUTES sa,
                                   SECURITY_IMPERSONATION_LEVEL level, TOKEN_TYPE type, PHANDLE out)
{
    SECURITY_QUALITY_OF_SERVICE qos = {sizeof(qos), level, SECURITY_STATIC_TRACKING, FALSE};
    OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, NULL, 0, NULL, &qos};
    if (sa) {
        oa.SecurityDescriptor = sa->lpSecurityDescriptor;
        if (sa->bInheritHandle) oa.Attributes |= 0x2;          /* OBJ_INHERIT */
    }
    NTSTATUS status = NtDuplicateToken(existing, access, &oa, FALSE, type, out);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

/* An impersonation token at the level asked for, with the access Windows gives it. */
KBAPI BOOL WINAPI DuplicateToken(HANDLE existing, SECURITY_IMPERSONATION_LEVEL level, PHANDLE out)
{
    return DuplicateTokenEx(existing, TOKEN_IMPERSONATE | TOKEN_QUERY, NULL, level, TokenImpersonation, out);
}

static BOOL SetImpersonation(HANDLE thread, HANDLE token)
{
    NTSTATUS status = NtSetInformationThread(thread, ThreadImpersonationToken, &token, sizeof(token));
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI SetThreadToken(PHANDLE thread, HANDLE token)
{
    return SetImpersonation(thread ? *thread : GetCurrentThread(), token);
}

KBAPI BOOL WINAPI RevertToSelf(void)
{
    return SetImpersonation(GetCurrentThread(), NULL);
}

/* The calling thread impersonates a copy of its process's own token. */
KBAPI BOOL WINAPI ImpersonateSelf(SECURITY_IMPERSONATION_LEVEL level)
{
    HANDLE primary, copy;
    NTSTATUS status = NtOpenProcessToken(GetCurrentProcess(), TOKEN_DUPLICATE, &primary);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    BOOL ok = DuplicateTokenEx(primary, TOKEN_IMPERSONATE | TOKEN_QUERY, NULL, level, TokenImpersonation, &copy);
    CloseHandle(primary);
    if (!ok)
        return FALSE;
    ok = SetImpersonation(GetCurrentThread(), copy);
    DWORD error = GetLastError();
    CloseHandle(copy);
    SetLastError(error);
    return ok;
}

/* A primary token is impersonated through an impersonation copy; an impersonation one directly. */
KBAPI BOOL WINAPI ImpersonateLoggedOnUser(HANDLE token)
{
    TOKEN_TYPE type;
    ULONG got;
    NTSTATUS status = NtQueryInformationToken(token, TokenType_, &type, sizeof(type), &got);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    if (type == TokenImpersonation)
        return SetImpersonation(GetCurrentThread(), token);
    HANDLE copy;
    if (!DuplicateTokenEx(token, TOKEN_IMPERSONATE | TOKEN_QUERY, NULL, SecurityImpersonation, TokenImpersonation,
                          &copy))
        return FALSE;
    BOOL ok = SetImpersonation(GetCurrentThread(), copy);
    DWORD error = GetLastError();
    CloseHandle(copy);
    SetLastError(error);
    return ok;
}

KBAPI BOOL WINAPI AccessCheck(PSECURITY_DESCRIPTOR sd, HANDLE token, DWORD desired, PGENERIC_MAPPING mapping,
                              PPRIVILEGE_SET privileges, LPDWORD privileges_length, LPDWORD granted, LPBOOL access_status)
{
    NTSTATUS verdict;
    NTSTATUS status = NtAccessCheck(sd, token, desired, mapping, privileges, privileges_length, granted, &verdict);
    if (!NT_SUCCESS(status))
        return BaseFail(status);                /* the check did not run: the outputs stay as they were */
    if (!NT_SUCCESS(verdict)) {
        SetLastError(RtlNtStatusToDosError(verdict));
        *access_status = FALSE;
    } else {
        *access_status = TRUE;
    }
    return TRUE;
}

KBAPI BOOL WINAPI PrivilegeCheck(HANDLE token, PPRIVILEGE_SET required, LPBOOL result)
{
    BOOLEAN held = FALSE;
    NTSTATUS status = NtPrivilegeCheck(token, required, &held);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    *result = held;
    return TRUE;
}

KBAPI BOOL WINAPI AreAllAccessesGranted(DWORD granted, DWORD desired) { return (granted & desired) == desired; }
KBAPI BOOL WINAPI AreAnyAccessesGranted(DWORD granted, DWORD desired) { return (granted & desired) != 0; }

KBAPI BOOL WINAPI AllocateLocallyUniqueId(PLUID luid)
{
    NTSTATUS status = NtAllocateLocallyUniqueId(luid);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}
