/* Creating a process in another security context: CreateProcessAsUser (a primary token the caller
 * holds; an impersonation token is ERROR_BAD_TOKEN_TYPE), CreateProcessWithTokenW (the caller needs
 * SeImpersonatePrivilege, which a standard user's token does not hold: ERROR_PRIVILEGE_NOT_HELD) and
 * CreateProcessWithLogonW (LogonUser's checks, logon.c, unless LOGON_NETCREDENTIALS_ONLY). Then
 * kernelbase's CreateProcessInternalW does the work with the token; every account this machine can
 * log on is the process token's own user (sid.c), so the child runs as that user. */
#include "lsa.h"

BOOL WINAPI CreateProcessInternalW(HANDLE token, LPCWSTR application, LPWSTR command_line,
                                   LPSECURITY_ATTRIBUTES process_sa, LPSECURITY_ATTRIBUTES thread_sa, BOOL inherit,
                                   DWORD flags, LPVOID environment, LPCWSTR current_directory, LPSTARTUPINFOW startup,
                                   LPPROCESS_INFORMATION info, PHANDLE new_token);

#define SE_IMPERSONATE_LUID 29

/* A token a new process may run with: an open token handle (ERROR_INVALID_HANDLE otherwise) of a
 * primary token. NULL means the caller's own, as for CreateProcess. */
static BOOL PrimaryToken(HANDLE token)
{
    TOKEN_TYPE type;
    DWORD length;
    if (!token)
        return TRUE;
    if (!GetTokenInformation(token, TokenType, &type, sizeof(type), &length))
        return FALSE;
    return type == TokenPrimary ? TRUE : AdvFailError(ERROR_BAD_TOKEN_TYPE);
}

ADVAPI BOOL WINAPI CreateProcessAsUserW(HANDLE token, LPCWSTR application, LPWSTR command_line,
                                        LPSECURITY_ATTRIBUTES process_sa, LPSECURITY_ATTRIBUTES thread_sa, BOOL inherit,
                                        DWORD flags, LPVOID environment, LPCWSTR current_directory,
                                        LPSTARTUPINFOW startup, LPPROCESS_INFORMATION info)
{
    if (!PrimaryToken(token))
        return FALSE;
    return CreateProcessInternalW(token, application, command_line, process_sa, thread_sa, inherit, flags,
                                  environment, current_directory, startup, info, NULL);
}

ADVAPI BOOL WINAPI CreateProcessAsUserA(HANDLE token, LPCSTR application, LPSTR command_line,
                                        LPSECURITY_ATTRIBUTES process_sa, LPSECURITY_ATTRIBUTES thread_sa, BOOL inherit,
                                        DWORD flags, LPVOID environment, LPCSTR current_directory,
                                        LPSTARTUPINFOA startup, LPPROCESS_INFORMATION info)
{
    if (!PrimaryToken(token))
        return FALSE;
    /* the token's user is the caller's (see above): CreateProcessA's conversions then the same work */
    return CreateProcessA(application, command_line, process_sa, thread_sa, inherit, flags, environment,
                          current_directory, startup, info);
}

/* Whether the process token holds a privilege (enabled or not). */
static BOOL HoldsPrivilege(DWORD luid)
{
    union { TOKEN_PRIVILEGES p; BYTE raw[512]; } buffer;
    HANDLE self;
    DWORD length;
    BOOL held = FALSE;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &self))
        return FALSE;
    if (GetTokenInformation(self, TokenPrivileges, &buffer, sizeof(buffer), &length))
        for (DWORD i = 0; i < buffer.p.PrivilegeCount; i++)
            held |= buffer.p.Privileges[i].Luid.LowPart == luid && !buffer.p.Privileges[i].Luid.HighPart;
    CloseHandle(self);
    return held;
}

ADVAPI BOOL WINAPI CreateProcessWithTokenW(HANDLE token, DWORD logon_flags, LPCWSTR application, LPWSTR command_line,
                                           DWORD flags, LPVOID environment, LPCWSTR current_directory,
                                           LPSTARTUPINFOW startup, LPPROCESS_INFORMATION info)
{
    if (logon_flags & ~(LOGON_WITH_PROFILE | LOGON_NETCREDENTIALS_ONLY) || !startup || !info)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (!token)
        return AdvFailError(ERROR_INVALID_HANDLE);
    if (!HoldsPrivilege(SE_IMPERSONATE_LUID))
        return AdvFailError(ERROR_PRIVILEGE_NOT_HELD);
    if (!PrimaryToken(token))
        return FALSE;
    return CreateProcessInternalW(token, application, command_line, NULL, NULL, FALSE, flags, environment,
                                  current_directory, startup, info, NULL);
}

ADVAPI BOOL WINAPI CreateProcessWithLogonW(LPCWSTR user, LPCWSTR domain, LPCWSTR password, DWORD logon_flags,
                                           LPCWSTR application, LPWSTR command_line, DWORD flags, LPVOID environment,
                                           LPCWSTR current_directory, LPSTARTUPINFOW startup,
                                           LPPROCESS_INFORMATION info)
{
    HANDLE token;
    if (logon_flags & ~(LOGON_WITH_PROFILE | LOGON_NETCREDENTIALS_ONLY) || !startup || !info || !user)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    DWORD type = logon_flags & LOGON_NETCREDENTIALS_ONLY ? LOGON32_LOGON_NEW_CREDENTIALS : LOGON32_LOGON_INTERACTIVE;
    if (!LogonUserW(user, domain, password, type, LOGON32_PROVIDER_DEFAULT, &token))
        return FALSE;
    BOOL ok = CreateProcessInternalW(token, application, command_line, NULL, NULL, FALSE, flags, environment,
                                     current_directory, startup, info, NULL);
    DWORD error = GetLastError();
    CloseHandle(token);
    SetLastError(error);
    return ok;
}
