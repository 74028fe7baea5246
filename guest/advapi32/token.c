/* What advapi32 keeps of the token family (the rest is kernelbase's security.c): the privilege
 * names and their LUIDs (LookupPrivilegeValue/Name), and GetUserName, the account name of the
 * process token's user (kernel/se/token.py). */
#include "advapi32.h"

/* The privileges by LUID (SE_*_PRIVILEGE, winnt.h), from SeCreateTokenPrivilege (2) on. */
static const WCHAR *const privileges[] = {
    L"SeCreateTokenPrivilege", L"SeAssignPrimaryTokenPrivilege", L"SeLockMemoryPrivilege",
    L"SeIncreaseQuotaPrivilege", L"SeMachineAccountPrivilege", L"SeTcbPrivilege", L"SeSecurityPrivilege",
    L"SeTakeOwnershipPrivilege", L"SeLoadDriverPrivilege", L"SeSystemProfilePrivilege", L"SeSystemtimePrivilege",
    L"SeProfileSingleProcessPrivilege", L"SeIncreaseBasePriorityPrivilege", L"SeCreatePagefilePrivilege",
    L"SeCreatePermanentPrivilege", L"SeBackupPrivilege", L"SeRestorePrivilege", L"SeShutdownPrivilege",
    L"SeDebugPrivilege", L"SeAuditPrivilege", L"SeSystemEnvironmentPrivilege", L"SeChangeNotifyPrivilege",
    L"SeRemoteShutdownPrivilege", L"SeUndockPrivilege", L"SeSyncAgentPrivilege", L"SeEnableDelegationPrivilege",
    L"SeManageVolumePrivilege", L"SeImpersonatePrivilege", L"SeCreateGlobalPrivilege",
    L"SeTrustedCredManAccessPrivilege", L"SeRelabelPrivilege", L"SeIncreaseWorkingSetPrivilege",
    L"SeTimeZonePrivilege", L"SeCreateSymbolicLinkPrivilege", L"SeDelegateSessionUserImpersonatePrivilege",
};
#define FIRST_PRIVILEGE 2
#define PRIVILEGES (sizeof(privileges) / sizeof(privileges[0]))

static int SameName(const WCHAR *a, const WCHAR *b)
{
    while (*a && RtlUpcaseUnicodeChar(*a) == RtlUpcaseUnicodeChar(*b)) { a++; b++; }
    return !*a && !*b;
}

ADVAPI BOOL WINAPI LookupPrivilegeValueW(LPCWSTR system, LPCWSTR name, PLUID luid)
{
    if (!name || !luid)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    for (unsigned i = 0; i < PRIVILEGES; i++) {
        if (SameName(name, privileges[i])) {
            luid->LowPart = FIRST_PRIVILEGE + i;
            luid->HighPart = 0;
            return TRUE;
        }
    }
    return AdvFailError(ERROR_NO_SUCH_PRIVILEGE);
}

ADVAPI BOOL WINAPI LookupPrivilegeValueA(LPCSTR system, LPCSTR name, PLUID luid)
{
    if (!name)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    WCHAR *wide = AdvAnsiToWide(name);
    BOOL ok = LookupPrivilegeValueW(NULL, wide, luid);
    AdvFree(wide);
    return ok;
}

/* *size in characters: the terminator counted when too small, not on success. */
ADVAPI BOOL WINAPI LookupPrivilegeNameW(LPCWSTR system, PLUID luid, LPWSTR name, LPDWORD size)
{
    if (!luid || !size)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (luid->HighPart || luid->LowPart < FIRST_PRIVILEGE || luid->LowPart >= FIRST_PRIVILEGE + PRIVILEGES)
        return AdvFailError(ERROR_NO_SUCH_PRIVILEGE);
    const WCHAR *text = privileges[luid->LowPart - FIRST_PRIVILEGE];
    DWORD n = (DWORD)wcslen(text);
    if (!name || *size <= n) {
        *size = n + 1;
        return AdvFailError(ERROR_INSUFFICIENT_BUFFER);
    }
    memcpy(name, text, (n + 1) * sizeof(WCHAR));
    *size = n;
    return TRUE;
}

ADVAPI BOOL WINAPI LookupPrivilegeNameA(LPCSTR system, PLUID luid, LPSTR name, LPDWORD size)
{
    WCHAR wide[64];
    DWORD n = 64;
    if (!size)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (!LookupPrivilegeNameW(NULL, luid, wide, &n))
        return FALSE;
    if (!name || *size <= n) {
        *size = n + 1;
        return AdvFailError(ERROR_INSUFFICIENT_BUFFER);
    }
    for (DWORD i = 0; i <= n; i++)
        name[i] = (char)wide[i];
    *size = n;
    return TRUE;
}

/* The account name of the process token's user. */
static const WCHAR *UserName(void)
{
    HANDLE token;
    union { TOKEN_USER user; BYTE raw[128]; } buffer;
    DWORD length;
    const WCHAR *name = NULL, *domain;
    SID_NAME_USE use;
    if (!NT_SUCCESS(NtOpenProcessToken((HANDLE)-1, TOKEN_QUERY, &token)))
        return NULL;
    if (NT_SUCCESS(NtQueryInformationToken(token, TokenUser, &buffer, sizeof(buffer), &length)))
        AdvAccountOfSid(buffer.user.User.Sid, &name, &domain, &use);
    NtClose(token);
    return name;
}

/* *size in characters with the terminator, on success and when too small (then the size needed). */
ADVAPI BOOL WINAPI GetUserNameW(LPWSTR buffer, LPDWORD size)
{
    if (!size)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    const WCHAR *name = UserName();
    if (!name)
        return AdvFailError(ERROR_NONE_MAPPED);
    DWORD n = (DWORD)wcslen(name) + 1;
    if (!buffer || *size < n) {
        *size = n;
        return AdvFailError(ERROR_INSUFFICIENT_BUFFER);
    }
    memcpy(buffer, name, n * sizeof(WCHAR));
    *size = n;
    return TRUE;
}

ADVAPI BOOL WINAPI GetUserNameA(LPSTR buffer, LPDWORD size)
{
    if (!size)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    const WCHAR *name = UserName();
    if (!name)
        return AdvFailError(ERROR_NONE_MAPPED);
    int n = WideCharToMultiByte(CP_ACP, 0, name, -1, NULL, 0, NULL, NULL);
    if (!buffer || *size < (DWORD)n) {
        *size = (DWORD)n;
        return AdvFailError(ERROR_INSUFFICIENT_BUFFER);
    }
    WideCharToMultiByte(CP_ACP, 0, name, -1, buffer, n, NULL, NULL);
    *size = (DWORD)n;
    return TRUE;
}

/* Member when the SID is the token's user or one of its enabled groups (not deny-only). The
 * token given must be an impersonation token (ERROR_NO_IMPERSONATION_TOKEN); NULL means the
 * caller's identity, here always the process token's. */
