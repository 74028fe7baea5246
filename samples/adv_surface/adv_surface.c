/* advapi32's less common surface as console programs call it: IsTextUnicode's tests and result mask,
 * the LSA policy (domains of a standalone workstation, name translation, account rights, the access a
 * standard user gets), LogonUser's answers for this machine's accounts, restricted tokens, the
 * process-creation calls that take a token, and the credential manager. Exit code: failed checks. */
#include "../k32.h"
#include <ntsecapi.h>
#include <wincred.h>
#include <sddl.h>

static void Line(const char *label, unsigned long long v, int hex)
{
    Print(label);
    PrintNum(v, hex);
    Print("\n");
}

static void PrintWide(const WCHAR *s, int n)
{
    char buf[256];
    int i = 0;
    for (; i < n && i < 255; i++)
        buf[i] = (char)s[i];
    buf[i] = 0;
    Print(buf);
}

static void TextUnicode(void)
{
    static const char ascii[] = "A simple string";
    static const WCHAR unicode[] = L"A Unicode string";
    static const WCHAR bom[] = {0xFEFF, 'h', 'i', 0};
    static const WCHAR no_controls[] = L"AUnicodestring";
    WCHAR reversed[32];
    int i, flags;
    for (i = 0; i < 17; i++)
        reversed[i] = (WCHAR)((unicode[i] >> 8) | (unicode[i] << 8));
    Check(!IsTextUnicode(ascii, sizeof(ascii), NULL), "IsTextUnicode: ANSI text is not Unicode");
    Check(IsTextUnicode(unicode, sizeof(unicode), NULL), "IsTextUnicode: UTF-16 text is");
    Check(!IsTextUnicode(unicode, sizeof(unicode) - 1, NULL), "IsTextUnicode: an odd length is not");
    flags = IS_TEXT_UNICODE_UNICODE_MASK;
    Check(IsTextUnicode(unicode, sizeof(unicode), &flags) && flags == (IS_TEXT_UNICODE_STATISTICS | IS_TEXT_UNICODE_CONTROLS),
          "IsTextUnicode(UNICODE_MASK): STATISTICS | CONTROLS");
    Line("  mask: ", (unsigned)flags, 1);
    flags = IS_TEXT_UNICODE_REVERSE_MASK;
    Check(!IsTextUnicode(unicode, sizeof(unicode), &flags) && flags == 0, "IsTextUnicode(REVERSE_MASK) on UTF-16: 0");
    flags = IS_TEXT_UNICODE_REVERSE_CONTROLS;
    Check(!IsTextUnicode(reversed, sizeof(unicode), &flags) && flags == IS_TEXT_UNICODE_REVERSE_CONTROLS,
          "IsTextUnicode(REVERSE_CONTROLS) on byte-swapped text: FALSE, the test passed");
    flags = IS_TEXT_UNICODE_ODD_LENGTH;
    Check(!IsTextUnicode(unicode, sizeof(unicode) - 1, &flags) && flags == IS_TEXT_UNICODE_ODD_LENGTH,
          "IsTextUnicode(ODD_LENGTH)");
    flags = IS_TEXT_UNICODE_SIGNATURE;
    Check(IsTextUnicode(bom, sizeof(bom), &flags) && flags == IS_TEXT_UNICODE_SIGNATURE, "IsTextUnicode(SIGNATURE)");
    flags = IS_TEXT_UNICODE_CONTROLS;
    Check(!IsTextUnicode(no_controls, sizeof(no_controls), &flags) && flags == 0,
          "IsTextUnicode(CONTROLS) without spaces: 0");
    flags = IS_TEXT_UNICODE_NOT_UNICODE_MASK;
    Check(!IsTextUnicode(unicode, sizeof(unicode) - 1, &flags) && flags == IS_TEXT_UNICODE_ODD_LENGTH,
          "IsTextUnicode(NOT_UNICODE_MASK) odd: ODD_LENGTH");
    flags = -1;
    Check(!IsTextUnicode(unicode, 1, &flags) && flags == 0, "IsTextUnicode: one byte, nothing passes");
}

static void Lsa(void)
{
    LSA_OBJECT_ATTRIBUTES attributes = {0};
    LSA_HANDLE policy;
    NTSTATUS status = LsaOpenPolicy(NULL, &attributes, POLICY_ALL_ACCESS, &policy);
    Check(status == (NTSTATUS)0xC0000022 && LsaNtStatusToWinError(status) == ERROR_ACCESS_DENIED,
          "LsaOpenPolicy(POLICY_ALL_ACCESS) as a standard user: STATUS_ACCESS_DENIED");
    status = LsaOpenPolicy(NULL, &attributes, POLICY_VIEW_LOCAL_INFORMATION | POLICY_LOOKUP_NAMES, &policy);
    Check(status == 0, "LsaOpenPolicy(VIEW_LOCAL_INFORMATION | LOOKUP_NAMES)");
    if (status)
        return;
    POLICY_ACCOUNT_DOMAIN_INFO *account;
    Check(!LsaQueryInformationPolicy(policy, PolicyAccountDomainInformation, (PVOID *)&account),
          "LsaQueryInformationPolicy(PolicyAccountDomainInformation)");
    LPSTR text;
    Print("  account domain: ");
    PrintWide(account->DomainName.Buffer, account->DomainName.Length / 2);
    if (ConvertSidToStringSidA(account->DomainSid, &text)) {
        Print(" ");
        Print(text);
        LocalFree(text);
    }
    Print("\n");
    POLICY_PRIMARY_DOMAIN_INFO *primary;
    Check(!LsaQueryInformationPolicy(policy, PolicyPrimaryDomainInformation, (PVOID *)&primary) && !primary->Sid,
          "PolicyPrimaryDomainInformation: a workgroup, no SID");
    Print("  primary domain: ");
    PrintWide(primary->Name.Buffer, primary->Name.Length / 2);
    Print("\n");
    POLICY_DNS_DOMAIN_INFO *dns;
    Check(!LsaQueryInformationPolicy(policy, PolicyDnsDomainInformation, (PVOID *)&dns) && !dns->Sid &&
          !dns->DnsDomainName.Length && !dns->DnsForestName.Length,
          "PolicyDnsDomainInformation: no DNS domain");
    LsaFreeMemory(account);
    LsaFreeMemory(primary);
    LsaFreeMemory(dns);

    /* name translation */
    PSID sids[4];
    ConvertStringSidToSidA("S-1-5-32-544", &sids[0]);
    ConvertStringSidToSidA("S-1-1-0", &sids[1]);
    ConvertStringSidToSidA("S-1-5-21-1-2-3-4", &sids[2]);
    ConvertStringSidToSidA("S-1-5-5-0-174593", &sids[3]);
    LSA_REFERENCED_DOMAIN_LIST *domains;
    LSA_TRANSLATED_NAME *names;
    status = LsaLookupSids(policy, 4, sids, &domains, &names);
    Check(status == 0x00000107, "LsaLookupSids: STATUS_SOME_NOT_MAPPED");
    for (int i = 0; i < 4 && status >= 0; i++) {
        Print("  ");
        if (names[i].DomainIndex >= 0) {
            PrintWide(domains->Domains[names[i].DomainIndex].Name.Buffer,
                      domains->Domains[names[i].DomainIndex].Name.Length / 2);
            Print("\\");
        }
        PrintWide(names[i].Name.Buffer, names[i].Name.Length / 2);
        Line(" use ", names[i].Use, 0);
    }
    if (status >= 0) {
        LsaFreeMemory(domains);
        LsaFreeMemory(names);
    }
    LSA_UNICODE_STRING lookup[2] = {{8, 10, L"user"}, {14, 16, L"nobody1"}};
    LSA_TRANSLATED_SID2 *translated;
    status = LsaLookupNames2(policy, 0, 2, lookup, &domains, &translated);
    Check(status == 0x00000107 && translated[0].Use == SidTypeUser && translated[1].Use == SidTypeUnknown &&
          translated[1].DomainIndex == -1, "LsaLookupNames2: the user, an unknown name");
    if (status >= 0 && ConvertSidToStringSidA(translated[0].Sid, &text)) {
        Print("  user: ");
        Print(text);
        Print("\n");
        LocalFree(text);
        LsaFreeMemory(domains);
        LsaFreeMemory(translated);
    }
    status = LsaLookupNames2(policy, 0, 1, &lookup[1], &domains, &translated);
    Check(status == (NTSTATUS)0xC0000073, "LsaLookupNames2 of an unknown name: STATUS_NONE_MAPPED");

    /* account rights */
    LSA_UNICODE_STRING *rights;
    ULONG count;
    PSID user;
    ConvertStringSidToSidA("S-1-5-21-1004336348-1177238915-682003330-1000", &user);
    status = LsaEnumerateAccountRights(policy, user, &rights, &count);
    Check(status == (NTSTATUS)0xC0000034 && LsaNtStatusToWinError(status) == ERROR_FILE_NOT_FOUND,
          "LsaEnumerateAccountRights, an account with none: STATUS_OBJECT_NAME_NOT_FOUND");
    status = LsaEnumerateAccountRights(policy, sids[1], &rights, &count);
    Check(status == 0 && count >= 1, "LsaEnumerateAccountRights(Everyone)");
    for (ULONG i = 0; status == 0 && i < count; i++) {
        Print("  ");
        PrintWide(rights[i].Buffer, rights[i].Length / 2);
        Print("\n");
    }
    if (status == 0)
        LsaFreeMemory(rights);
    LSA_UNICODE_STRING right = {sizeof(L"SeBatchLogonRight") - 2, sizeof(L"SeBatchLogonRight"), L"SeBatchLogonRight"};
    Check(LsaAddAccountRights(policy, user, &right, 1) == (NTSTATUS)0xC0000022,
          "LsaAddAccountRights without POLICY_CREATE_ACCOUNT: STATUS_ACCESS_DENIED");
    LSA_UNICODE_STRING key = {sizeof(L"L$adv_surface") - 2, sizeof(L"L$adv_surface"), L"L$adv_surface"};
    LSA_UNICODE_STRING *secret;
    Check(LsaStorePrivateData(policy, &key, &key) == (NTSTATUS)0xC0000022,
          "LsaStorePrivateData without POLICY_CREATE_SECRET: STATUS_ACCESS_DENIED");
    Check(LsaRetrievePrivateData(policy, &key, &secret) == (NTSTATUS)0xC0000022,
          "LsaRetrievePrivateData without POLICY_GET_PRIVATE_INFORMATION: STATUS_ACCESS_DENIED");
    Check(LsaClose(policy) == 0, "LsaClose");
    for (int i = 0; i < 4; i++)
        LocalFree(sids[i]);
    LocalFree(user);
}

/* Whether an impersonation copy of the token is granted FILE_GENERIC_READ by a DACL allowing it
 * to first and (when not NULL) second. */
static BOOL Granted(HANDLE token, PSID first, PSID second)
{
    SECURITY_DESCRIPTOR sd;
    BYTE acl_buffer[256], privileges[64];
    ACL *acl = (ACL *)acl_buffer;
    GENERIC_MAPPING mapping = {FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_GENERIC_EXECUTE, FILE_ALL_ACCESS};
    DWORD length = sizeof(privileges), granted = 0;
    BOOL status = FALSE;
    HANDLE client;
    InitializeSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION);
    InitializeAcl(acl, sizeof(acl_buffer), ACL_REVISION);
    AddAccessAllowedAce(acl, ACL_REVISION, FILE_GENERIC_READ, first);
    if (second)
        AddAccessAllowedAce(acl, ACL_REVISION, FILE_GENERIC_READ, second);
    SetSecurityDescriptorDacl(&sd, TRUE, acl, FALSE);
    SetSecurityDescriptorOwner(&sd, first, FALSE);
    SetSecurityDescriptorGroup(&sd, first, FALSE);
    if (!DuplicateTokenEx(token, TOKEN_QUERY | TOKEN_IMPERSONATE, NULL, SecurityImpersonation, TokenImpersonation, &client))
        return FALSE;
    if (!AccessCheck(&sd, client, FILE_GENERIC_READ, &mapping, (PRIVILEGE_SET *)privileges, &length, &granted, &status))
        status = FALSE;
    CloseHandle(client);
    return status && granted == FILE_GENERIC_READ;
}

/* A process a check did not expect to start: ended before it runs. */
static void Reap(BOOL started, PROCESS_INFORMATION *pi)
{
    if (!started)
        return;
    TerminateProcess(pi->hProcess, 1);
    CloseHandle(pi->hThread);
    CloseHandle(pi->hProcess);
}

static void Logon(void)
{
    HANDLE token;
    CheckError(!LogonUserA("user", ".", "secret", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &token),
               ERROR_LOGON_FAILURE, "LogonUser with a wrong password: ERROR_LOGON_FAILURE");
    CheckError(!LogonUserA("nobody1", NULL, "", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &token),
               ERROR_LOGON_FAILURE, "LogonUser of an unknown account: ERROR_LOGON_FAILURE");
    CheckError(!LogonUserW(L"user", L"NTMINI", L"", LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &token),
               ERROR_ACCOUNT_RESTRICTION, "LogonUser with the blank password: ERROR_ACCOUNT_RESTRICTION");
    CheckError(!LogonUserW(L"user", NULL, L"", 42, LOGON32_PROVIDER_DEFAULT, &token), ERROR_INVALID_PARAMETER,
               "LogonUser with an unknown logon type: ERROR_INVALID_PARAMETER");
    Check(LogonUserW(L"someone", L"ELSEWHERE", L"pw", LOGON32_LOGON_NEW_CREDENTIALS, LOGON32_PROVIDER_WINNT50, &token),
          "LogonUser(LOGON32_LOGON_NEW_CREDENTIALS) clones the caller's token");
    TOKEN_TYPE type = 0;
    DWORD length;
    Check(GetTokenInformation(token, TokenType, &type, sizeof(type), &length) && type == TokenPrimary,
          "  a primary token");
    CloseHandle(token);

    /* restricted tokens */
    HANDLE self, restricted;
    OpenProcessToken(GetCurrentProcess(), TOKEN_ALL_ACCESS, &self);
    Check(!IsTokenRestricted(self), "IsTokenRestricted(process token): FALSE");
    SID_AND_ATTRIBUTES restricting = {0};
    ConvertStringSidToSidA("S-1-5-32-545", &restricting.Sid);
    SID_AND_ATTRIBUTES disable = {0};
    ConvertStringSidToSidA("S-1-5-11", &disable.Sid);
    Check(CreateRestrictedToken(self, DISABLE_MAX_PRIVILEGE, 1, &disable, 0, NULL, 1, &restricting, &restricted),
          "CreateRestrictedToken(DISABLE_MAX_PRIVILEGE, a deny-only SID, a restricting SID)");
    Check(IsTokenRestricted(restricted), "IsTokenRestricted(it): TRUE");
    union { TOKEN_PRIVILEGES p; BYTE raw[256]; } privileges;
    union { TOKEN_GROUPS g; BYTE raw[2048]; } groups;
    Check(GetTokenInformation(restricted, TokenPrivileges, &privileges, sizeof(privileges), &length) &&
          privileges.p.PrivilegeCount == 1 && privileges.p.Privileges[0].Luid.LowPart == 23,
          "  only SeChangeNotifyPrivilege is left");
    DWORD deny_only = 0;
    if (GetTokenInformation(restricted, TokenGroups, &groups, sizeof(groups), &length))
        for (DWORD i = 0; i < groups.g.GroupCount; i++)
            if (EqualSid(groups.g.Groups[i].Sid, disable.Sid))
                deny_only = groups.g.Groups[i].Attributes;
    Line("  Authenticated Users: ", deny_only, 1);
    Check(GetTokenInformation(restricted, TokenRestrictedSids, &groups, sizeof(groups), &length) &&
          groups.g.GroupCount == 1 && EqualSid(groups.g.Groups[0].Sid, restricting.Sid), "  TokenRestrictedSids: Users");
    DWORD has = 0;
    Check(GetTokenInformation(restricted, TokenHasRestrictions, &has, sizeof(has), &length) && has,
          "  TokenHasRestrictions");

    /* an access check with it: granted only what the restricting SID (Users) is granted too */
    PSID user;
    ConvertStringSidToSidA("S-1-5-21-1004336348-1177238915-682003330-1000", &user);
    Check(Granted(self, user, restricting.Sid) && Granted(self, user, NULL), "AccessCheck, the full token: the user is granted");
    Check(Granted(restricted, user, restricting.Sid) && !Granted(restricted, user, NULL),
          "AccessCheck, the restricted token: only with Users granted too");
    HANDLE filtered;
    Check(CreateRestrictedToken(self, 0, 1, &disable, 0, NULL, 0, NULL, &filtered) && !IsTokenRestricted(filtered),
          "CreateRestrictedToken with a deny-only SID only: not a restricted token");
    Check(Granted(self, disable.Sid, NULL) && !Granted(filtered, disable.Sid, NULL),
          "AccessCheck: Authenticated Users grants the full token, not the one where it is deny-only");
    CloseHandle(filtered);
    LocalFree(user);

    /* processes with a token */
    STARTUPINFOW si = {sizeof(si)};
    PROCESS_INFORMATION pi;
    HANDLE impersonation;
    DuplicateTokenEx(self, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation, TokenImpersonation, &impersonation);
    /* should one of these start the child after all, it is suspended and ends at once ("child") */
    WCHAR command[] = L"adv_surface.exe child";
    BOOL started = CreateProcessAsUserW(impersonation, NULL, command, NULL, NULL, FALSE, CREATE_SUSPENDED, NULL,
                                        NULL, &si, &pi);
    CheckError(!started, ERROR_BAD_TOKEN_TYPE, "CreateProcessAsUser with an impersonation token: ERROR_BAD_TOKEN_TYPE");
    Reap(started, &pi);
    started = CreateProcessWithTokenW(self, 0, NULL, command, CREATE_SUSPENDED, NULL, NULL, &si, &pi);
    CheckError(!started, ERROR_PRIVILEGE_NOT_HELD,
               "CreateProcessWithTokenW without SeImpersonatePrivilege: ERROR_PRIVILEGE_NOT_HELD");
    Reap(started, &pi);
    started = CreateProcessWithLogonW(L"user", L".", L"wrong", 0, NULL, command, CREATE_SUSPENDED, NULL, NULL, &si, &pi);
    CheckError(!started, ERROR_LOGON_FAILURE, "CreateProcessWithLogonW with a wrong password: ERROR_LOGON_FAILURE");
    Reap(started, &pi);
    started = CreateProcessAsUserW(self, NULL, command, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    DWORD code = 1;
    Check(started && WaitForSingleObject(pi.hProcess, 10000) == WAIT_OBJECT_0 &&
          GetExitCodeProcess(pi.hProcess, &code) && code == 7, "CreateProcessAsUser with the primary token: the child ran");
    if (started) {
        CloseHandle(pi.hThread);
        CloseHandle(pi.hProcess);
    }
    CloseHandle(impersonation);
    CloseHandle(restricted);
    CloseHandle(self);
    LocalFree(restricting.Sid);
    LocalFree(disable.Sid);
}

static void Credentials(void)
{
    CREDENTIALW c = {0};
    BYTE secret[] = {'p', 0, 'w', 0};
    CREDENTIAL_ATTRIBUTEW attribute = {L"colour", 0, 3, (BYTE *)"red"};
    PCREDENTIALW read;
    PCREDENTIALA narrow;
    CheckError(!CredReadW(L"adv_surface/none", CRED_TYPE_GENERIC, 0, &read), ERROR_NOT_FOUND,
               "CredReadW of a missing target: ERROR_NOT_FOUND");
    c.Type = CRED_TYPE_GENERIC;
    c.TargetName = L"adv_surface/one";
    c.Persist = CRED_PERSIST_LOCAL_MACHINE;
    CheckError(!CredWriteW(&c, CRED_PRESERVE_CREDENTIAL_BLOB), ERROR_NOT_FOUND,
               "CredWriteW(CRED_PRESERVE_CREDENTIAL_BLOB) with nothing to preserve: ERROR_NOT_FOUND");
    c.Persist = CRED_PERSIST_LOCAL_MACHINE;
    c.UserName = L"alice";
    c.Comment = L"a test";
    c.CredentialBlob = secret;
    c.CredentialBlobSize = sizeof(secret);
    c.AttributeCount = 1;
    c.Attributes = &attribute;
    Check(CredWriteW(&c, 0), "CredWriteW(CRED_TYPE_GENERIC)");
    CheckError(!CredWriteW(&c, 0x80), ERROR_INVALID_FLAGS, "CredWriteW with an unknown flag: ERROR_INVALID_FLAGS");
    c.Type = CRED_TYPE_DOMAIN_PASSWORD;
    c.TargetName = L"server1";
    c.UserName = NULL;
    c.AttributeCount = 0;
    CheckError(!CredWriteW(&c, 0), ERROR_BAD_USERNAME, "CredWriteW(DOMAIN_PASSWORD) without a user: ERROR_BAD_USERNAME");
    Check(CredReadW(L"ADV_SURFACE/ONE", CRED_TYPE_GENERIC, 0, &read) && read->CredentialBlobSize == 4 &&
          read->AttributeCount == 1 && read->Attributes[0].ValueSize == 3 && !lstrcmpW(read->UserName, L"alice") &&
          !lstrcmpW(read->Comment, L"a test") && read->Persist == CRED_PERSIST_LOCAL_MACHINE &&
          !lstrcmpW(read->TargetName, L"adv_surface/one"),
          "CredReadW, the target in other case: the fields written, the name as written");
    if (GetLastError() == 0 || read)
        CredFree(read);
    CheckError(!CredReadW(L"adv_surface/one", CRED_TYPE_GENERIC, 1, &read), ERROR_INVALID_FLAGS,
               "CredReadW with flags: ERROR_INVALID_FLAGS");
    Check(CredReadA("adv_surface/one", CRED_TYPE_GENERIC, 0, &narrow) && !lstrcmpA(narrow->UserName, "alice") &&
          narrow->CredentialBlobSize == 4 && narrow->CredentialBlob[2] == 'w', "CredReadA");
    CredFree(narrow);
    CREDENTIALA second = {0};
    second.Type = CRED_TYPE_GENERIC;
    second.TargetName = "adv_surface/two";
    second.Persist = CRED_PERSIST_SESSION;
    Check(CredWriteA(&second, 0), "CredWriteA");
    DWORD count = 0;
    PCREDENTIALW *list;
    Check(CredEnumerateW(L"adv_surface/*", 0, &count, &list) && count == 2, "CredEnumerateW(\"adv_surface/*\"): two");
    for (DWORD i = 0; i < count; i++) {
        Print("  ");
        PrintWide(list[i]->TargetName, lstrlenW(list[i]->TargetName));
        Line(" persist ", list[i]->Persist, 0);
    }
    if (count)
        CredFree(list);
    PCREDENTIALA *narrow_list;
    Check(CredEnumerateA("adv_surface/t*", 0, &count, &narrow_list) && count == 1 &&
          !lstrcmpA(narrow_list[0]->TargetName, "adv_surface/two"), "CredEnumerateA(\"adv_surface/t*\"): one");
    if (count)
        CredFree(narrow_list);
    CheckError(!CredEnumerateW(L"nothing*", 0, &count, &list), ERROR_NOT_FOUND, "CredEnumerateW, no match: ERROR_NOT_FOUND");
    Check(CredDeleteW(L"adv_surface/one", CRED_TYPE_GENERIC, 0) && CredDeleteA("adv_surface/two", CRED_TYPE_GENERIC, 0),
          "CredDeleteW, CredDeleteA");
    CheckError(!CredDeleteW(L"adv_surface/one", CRED_TYPE_GENERIC, 0), ERROR_NOT_FOUND,
               "CredDeleteW again: ERROR_NOT_FOUND");
    DWORD persist[7];
    Check(CredGetSessionTypes(7, persist) && persist[CRED_TYPE_GENERIC] >= CRED_PERSIST_LOCAL_MACHINE,
          "CredGetSessionTypes: generic credentials persist");
}

void Entry(void)
{
    const WCHAR *args = GetCommandLineW();
    for (; *args; args++)
        if (args[0] == L' ' && args[1] == L'c' && args[2] == L'h' && args[3] == L'i' && args[4] == L'l' && args[5] == L'd')
            ExitProcess(7);             /* the child of the process-creation checks */
    TextUnicode();
    Lsa();
    Logon();
    Credentials();
    ExitProcess(failures);
}
