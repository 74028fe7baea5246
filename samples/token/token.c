/* The process token through advapi32: the user, its groups, privileges, integrity level and
 * elevation; privilege names; SIDs in and out of their string form; account names; the user
 * name; CryptoAPI's random bytes; and the documented error codes. Exit code: failed checks. */
#include "../k32.h"
#include <sddl.h>
#include <wincrypt.h>

static void ShowSid(const char *label, PSID sid)
{
    char *text = NULL;
    Print(label);
    Print(": ");
    if (ConvertSidToStringSidA(sid, &text)) {
        Print(text);
        LocalFree(text);
    }
    Print("\n");
}

void Entry(void)
{
    HANDLE token;
    BYTE buffer[1024];
    DWORD length = 0;
    char name[64], domain[64];
    DWORD name_size, domain_size;
    SID_NAME_USE use;

    Check(OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY | TOKEN_ADJUST_PRIVILEGES, &token), "OpenProcessToken");
    HANDLE thread_token;
    CheckError(!OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &thread_token), ERROR_NO_TOKEN,
               "OpenThreadToken: ERROR_NO_TOKEN");
    CheckError(!GetTokenInformation(token, TokenUser, NULL, 0, &length) && length > 16, ERROR_INSUFFICIENT_BUFFER,
               "TokenUser with no buffer: ERROR_INSUFFICIENT_BUFFER and the size");
    Check(GetTokenInformation(token, TokenUser, buffer, sizeof(buffer), &length), "TokenUser");
    BYTE user_sid[SECURITY_MAX_SID_SIZE];
    CopySid(sizeof(user_sid), user_sid, ((TOKEN_USER *)buffer)->User.Sid);
    PSID user = user_sid;
    ShowSid("user", user);
    name_size = domain_size = sizeof(name);
    Check(LookupAccountSidA(NULL, user, name, &name_size, domain, &domain_size, &use) && use == SidTypeUser
          && name_size == 4, "LookupAccountSidA");
    Print(domain);
    Print("\\");
    Print(name);
    Print("\n");
    name_size = 2;
    domain_size = sizeof(domain);
    CheckError(!LookupAccountSidA(NULL, user, name, &name_size, domain, &domain_size, &use) && name_size == 5,
               ERROR_INSUFFICIENT_BUFFER, "LookupAccountSid short: the size with the terminator");

    Check(GetTokenInformation(token, TokenGroups, buffer, sizeof(buffer), &length), "TokenGroups");
    TOKEN_GROUPS *groups = (TOKEN_GROUPS *)buffer;
    Print("groups:\n");
    for (DWORD i = 0; i < groups->GroupCount; i++) {
        WCHAR wname[64], wdomain[64];
        DWORD n = 64, d = 64;
        char *text;
        ConvertSidToStringSidA(groups->Groups[i].Sid, &text);
        Print("  ");
        Print(text);
        Print(" ");
        PrintNum(groups->Groups[i].Attributes, 1);
        if (LookupAccountSidW(NULL, groups->Groups[i].Sid, wname, &n, wdomain, &d, &use)) {
            Print(" ");
            for (DWORD k = 0; k < n; k++) {
                char c[2] = {(char)wname[k], 0};
                Print(c);
            }
        }
        Print("\n");
        LocalFree(text);
    }

    Check(GetTokenInformation(token, TokenPrivileges, buffer, sizeof(buffer), &length), "TokenPrivileges");
    TOKEN_PRIVILEGES *privileges = (TOKEN_PRIVILEGES *)buffer;
    Print("privileges:");
    for (DWORD i = 0; i < privileges->PrivilegeCount; i++) {
        name_size = sizeof(name);
        LookupPrivilegeNameA(NULL, &privileges->Privileges[i].Luid, name, &name_size);
        Print(" ");
        Print(name);
        Print(privileges->Privileges[i].Attributes & SE_PRIVILEGE_ENABLED ? "+" : "-");
    }
    Print("\n");

    DWORD value = 99;
    Check(GetTokenInformation(token, TokenElevation, &value, sizeof(value), &length) && value == 0 && length == 4,
          "TokenElevation: not elevated");
    Check(GetTokenInformation(token, TokenElevationType, &value, sizeof(value), &length) && value == TokenElevationTypeDefault,
          "TokenElevationType: default");
    Check(GetTokenInformation(token, TokenSessionId, &value, sizeof(value), &length) && value == 1, "TokenSessionId 1");
    Check(GetTokenInformation(token, TokenType, &value, sizeof(value), &length) && value == TokenPrimary,
          "TokenType: primary");
    Check(GetTokenInformation(token, TokenIntegrityLevel, buffer, sizeof(buffer), &length), "TokenIntegrityLevel");
    PSID label = ((TOKEN_MANDATORY_LABEL *)buffer)->Label.Sid;
    Check(*GetSidSubAuthority(label, *GetSidSubAuthorityCount(label) - 1) == SECURITY_MANDATORY_MEDIUM_RID,
          "medium integrity");
    Check(GetTokenInformation(token, TokenOwner, buffer, sizeof(buffer), &length)
          && EqualSid(((TOKEN_OWNER *)buffer)->Owner, user), "TokenOwner: the user");
    TOKEN_STATISTICS statistics;
    Check(GetTokenInformation(token, TokenStatistics, &statistics, sizeof(statistics), &length)
          && length == sizeof(statistics) && statistics.TokenType == TokenPrimary && statistics.PrivilegeCount == 5,
          "TokenStatistics");
    CheckError(!GetTokenInformation(token, TokenLinkedToken, buffer, sizeof(buffer), &length),
               ERROR_NO_SUCH_LOGON_SESSION, "TokenLinkedToken of an unsplit token: ERROR_NO_SUCH_LOGON_SESSION");
    CheckError(!GetTokenInformation(token, TokenImpersonationLevel, &value, sizeof(value), &length),
               ERROR_INVALID_PARAMETER, "TokenImpersonationLevel of a primary token: ERROR_INVALID_PARAMETER");

    /* -- privileges */
    LUID luid;
    Check(LookupPrivilegeValueA(NULL, "SeShutdownPrivilege", &luid) && luid.LowPart == 19, "LookupPrivilegeValue");
    CheckError(!LookupPrivilegeValueA(NULL, "SeNoSuchPrivilege", &luid), ERROR_NO_SUCH_PRIVILEGE,
               "an unknown privilege: ERROR_NO_SUCH_PRIVILEGE");
    name_size = 3;
    CheckError(!LookupPrivilegeNameA(NULL, &(LUID){20, 0}, name, &name_size) && name_size == 17,
               ERROR_INSUFFICIENT_BUFFER, "LookupPrivilegeName short: the size needed");
    TOKEN_PRIVILEGES change = {1, {{{19, 0}, SE_PRIVILEGE_ENABLED}}};
    Check(AdjustTokenPrivileges(token, FALSE, &change, 0, NULL, NULL) && GetLastError() == ERROR_SUCCESS,
          "AdjustTokenPrivileges enables a held privilege");
    LookupPrivilegeValueA(NULL, "SeDebugPrivilege", &change.Privileges[0].Luid);
    Check(AdjustTokenPrivileges(token, FALSE, &change, 0, NULL, NULL) && GetLastError() == ERROR_NOT_ALL_ASSIGNED,
          "one not held: success with ERROR_NOT_ALL_ASSIGNED");
    CloseHandle(token);

    /* -- SIDs */
    SID_IDENTIFIER_AUTHORITY nt = SECURITY_NT_AUTHORITY;
    PSID admins;
    BOOL member = TRUE;
    Check(AllocateAndInitializeSid(&nt, 2, SECURITY_BUILTIN_DOMAIN_RID, DOMAIN_ALIAS_RID_ADMINS, 0, 0, 0, 0, 0, 0,
                                   &admins) && IsValidSid(admins) && GetLengthSid(admins) == 16, "AllocateAndInitializeSid");
    ShowSid("administrators", admins);
    Check(CheckTokenMembership(NULL, admins, &member) && !member, "not an administrator");
    PSID users;
    Check(ConvertStringSidToSidA("S-1-5-32-545", &users) && CheckTokenMembership(NULL, users, &member) && member,
          "a member of BUILTIN\\Users");
    BYTE copy[64];
    Check(CopySid(sizeof(copy), copy, users) && EqualSid(copy, users) && !EqualSid(copy, admins), "CopySid, EqualSid");
    CheckError(!CopySid(4, copy, users), ERROR_INSUFFICIENT_BUFFER, "CopySid short: ERROR_INSUFFICIENT_BUFFER");
    LocalFree(users);
    Check(FreeSid(admins) == NULL, "FreeSid");
    PSID sid;
    CheckError(!ConvertStringSidToSidA("S-1-x", &sid), ERROR_INVALID_SID, "a bad string: ERROR_INVALID_SID");
    Check(ConvertStringSidToSidA("SY", &sid), "an SDDL abbreviation");
    ShowSid("SY", sid);
    LocalFree(sid);
    WCHAR wdomain[64];
    BYTE found[64];
    DWORD sid_size = sizeof(found), d = 64;
    Check(LookupAccountNameW(NULL, L"NTMINI\\USER", found, &sid_size, wdomain, &d, &use) && use == SidTypeUser
          && EqualSid(found, user), "LookupAccountNameW");
    sid_size = sizeof(found);
    d = 64;
    CheckError(!LookupAccountNameW(NULL, L"nobody", found, &sid_size, wdomain, &d, &use), ERROR_NONE_MAPPED,
               "an unknown account: ERROR_NONE_MAPPED");

    /* -- the user name */
    name_size = sizeof(name);
    Check(GetUserNameA(name, &name_size) && name_size == 5, "GetUserNameA: the size with the terminator");
    Print("GetUserName: ");
    Print(name);
    Print("\n");
    name_size = 2;
    CheckError(!GetUserNameA(name, &name_size) && name_size == 5, ERROR_INSUFFICIENT_BUFFER,
               "GetUserName short: ERROR_INSUFFICIENT_BUFFER and the size");
    WCHAR wname[32];
    name_size = 32;
    Check(GetUserNameW(wname, &name_size) && name_size == 5 && wname[0] == 'u', "GetUserNameW");

    /* -- CryptoAPI */
    HCRYPTPROV provider;
    BYTE random[16] = {0};
    Check(CryptAcquireContextA(&provider, NULL, NULL, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT), "CryptAcquireContext");
    Check(CryptGenRandom(provider, sizeof(random), random), "CryptGenRandom");
    int nonzero = 0;
    for (int i = 0; i < 16; i++) nonzero |= random[i];
    Check(nonzero != 0, "random bytes");
    Check(CryptReleaseContext(provider, 0), "CryptReleaseContext");
    CheckError(!CryptAcquireContextW(&provider, NULL, NULL, 999, CRYPT_VERIFYCONTEXT), (DWORD)NTE_PROV_TYPE_NOT_DEF,
               "an unknown provider type: NTE_PROV_TYPE_NOT_DEF");
    CheckError(!CryptAcquireContextW(&provider, L"c", NULL, PROV_RSA_FULL, 0), (DWORD)NTE_BAD_KEYSET,
               "no such key container: NTE_BAD_KEYSET");
    ExitProcess((UINT)failures);
}
