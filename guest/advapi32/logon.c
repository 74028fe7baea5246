/* LogonUser against this machine's account database (sid.c, netapi32's user.c): the one local
 * user "user", who has no password, and the built-in Administrator, disabled. A password that does
 * not match, or an unknown account, is ERROR_LOGON_FAILURE; the matching (blank) password is refused
 * with ERROR_ACCOUNT_RESTRICTION while local security policy limits blank passwords to console logons
 * (HKLM\SYSTEM\CurrentControlSet\Control\Lsa LimitBlankPasswordUse, 1 when absent, as on Windows);
 * a logon type whose right the account lacks (batch, service) is ERROR_LOGON_TYPE_NOT_GRANTED.
 * LOGON32_LOGON_NEW_CREDENTIALS checks nothing: it clones the caller's token, the credentials being
 * for outbound connections only. The token is the user's: a primary one, an impersonation one for a
 * network logon. */
#include "lsa.h"

#define LOGON32_PROVIDER_LAST 4         /* LOGON32_PROVIDER_VIRTUAL */

/* The account named: 0 the user, 1 the Administrator, -1 none. */
static int Account(const WCHAR *user, const WCHAR *domain)
{
    static const WCHAR *const names[] = {L"user", L"Administrator"};
    WCHAR full[300];
    const WCHAR *at = NULL;
    if (!user)
        return -1;
    for (const WCHAR *p = user; *p; p++)
        if (*p == L'@')
            at = p;
    if (at) {                           /* a UPN, "user@NTMINI": the domain after the '@' */
        SIZE_T n = (SIZE_T)(at - user);
        if (n >= 256)
            return -1;
        memcpy(full, user, n * sizeof(WCHAR));
        full[n] = 0;
        user = full;
        domain = at + 1;
    }
    if (domain && *domain && wcscmp(domain, L".")) {
        const WCHAR *a = domain, *b = L"NTMINI";
        while (*a && RtlUpcaseUnicodeChar(*a) == *b) { a++; b++; }
        if (*a || *b)
            return -1;
    }
    for (int i = 0; i < 2; i++) {
        const WCHAR *a = user, *b = names[i];
        while (*a && RtlUpcaseUnicodeChar(*a) == RtlUpcaseUnicodeChar(*b)) { a++; b++; }
        if (!*a && !*b)
            return i;
    }
    return -1;
}

static BOOL BlankPasswordsLimited(void)
{
    DWORD value = 1, size = sizeof(value);
    if (RegGetValueW(HKEY_LOCAL_MACHINE, L"SYSTEM\\CurrentControlSet\\Control\\Lsa", L"LimitBlankPasswordUse",
                     RRF_RT_REG_DWORD, NULL, &value, &size))
        value = 1;
    return value != 0;
}

static BOOL CloneToken(TOKEN_TYPE type, PHANDLE out)
{
    HANDLE self;
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_DUPLICATE | TOKEN_QUERY, &self))
        return FALSE;
    BOOL ok = DuplicateTokenEx(self, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation, type, out);
    DWORD error = GetLastError();
    CloseHandle(self);
    SetLastError(error);
    return ok;
}

ADVAPI BOOL WINAPI LogonUserW(LPCWSTR user, LPCWSTR domain, LPCWSTR password, DWORD type, DWORD provider,
                              PHANDLE token)
{
    if (!token)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    *token = NULL;
    if (type < LOGON32_LOGON_INTERACTIVE || type > LOGON32_LOGON_NEW_CREDENTIALS || type == 6 ||
        provider > LOGON32_PROVIDER_LAST)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (type == LOGON32_LOGON_NEW_CREDENTIALS)
        return CloneToken(TokenPrimary, token);
    /* step 1: the credentials: a known account and its password (none is set: only "" matches) */
    int account = Account(user, domain);
    if (account < 0 || (password && *password))
        return AdvFailError(ERROR_LOGON_FAILURE);
    if (account == 1)
        return AdvFailError(ERROR_ACCOUNT_DISABLED);
    /* step 2: local security policy: blank passwords, then the logon type's right */
    if (BlankPasswordsLimited())
        return AdvFailError(ERROR_ACCOUNT_RESTRICTION);
    static const WCHAR *const rights[] = {
        [LOGON32_LOGON_INTERACTIVE] = L"SeInteractiveLogonRight", [LOGON32_LOGON_NETWORK] = L"SeNetworkLogonRight",
        [LOGON32_LOGON_BATCH] = L"SeBatchLogonRight", [LOGON32_LOGON_SERVICE] = L"SeServiceLogonRight",
        [LOGON32_LOGON_UNLOCK] = L"SeInteractiveLogonRight", [LOGON32_LOGON_NETWORK_CLEARTEXT] = L"SeNetworkLogonRight",
    };
    if (!AdvLsaTokenHasRight(rights[type]))
        return AdvFailError(ERROR_LOGON_TYPE_NOT_GRANTED);
    return CloneToken(type == LOGON32_LOGON_NETWORK ? TokenImpersonation : TokenPrimary, token);
}

ADVAPI BOOL WINAPI LogonUserA(LPCSTR user, LPCSTR domain, LPCSTR password, DWORD type, DWORD provider, PHANDLE token)
{
    WCHAR *u = AdvAnsiToWide(user), *d = AdvAnsiToWide(domain), *p = AdvAnsiToWide(password);
    BOOL ok = LogonUserW(u, d, p, type, provider, token);
    DWORD error = GetLastError();
    AdvFree(u);
    AdvFree(d);
    if (p) {
        SecureZeroMemory(p, wcslen(p) * sizeof(WCHAR));
        AdvFree(p);
    }
    SetLastError(error);
    return ok;
}
