/* The LSA's account rights (the user-rights assignment of local security policy): LsaEnumerate
 * AccountRights, LsaAddAccountRights, LsaRemoveAccountRights. A right is a privilege (SeXxxPrivilege,
 * token.c's names) or a logon right (SeXxxLogonRight); an account with none has no LSA account
 * object, STATUS_OBJECT_NAME_NOT_FOUND. The store starts with Windows 10's default assignment for
 * the groups a standard user belongs to (Everyone, BUILTIN\Users) and lives in this process; adding
 * or removing rights needs POLICY_CREATE_ACCOUNT, which only administrators are granted (lsa_policy.c). */
#include "lsa.h"

static const WCHAR *const logon_rights[] = {
    L"SeInteractiveLogonRight", L"SeNetworkLogonRight", L"SeBatchLogonRight", L"SeServiceLogonRight",
    L"SeDenyInteractiveLogonRight", L"SeDenyNetworkLogonRight", L"SeDenyBatchLogonRight",
    L"SeDenyServiceLogonRight", L"SeRemoteInteractiveLogonRight", L"SeDenyRemoteInteractiveLogonRight",
};
#define LOGON_RIGHTS (sizeof(logon_rights) / sizeof(logon_rights[0]))
#define LOGON_BIT 48                    /* privileges take bits 2..47 (their LUIDs), logon rights on */
#define BIT(n) (1ull << (n))
#define LOGON(i) BIT(LOGON_BIT + (i))

/* The default assignment: Everyone: network logon and SeChangeNotify (bypass traverse checking);
 * Users: those, local logon, SeShutdown, SeUndock, SeIncreaseWorkingSet and SeTimeZone. */
#define SE_SHUTDOWN 19
#define SE_CHANGE_NOTIFY 23
#define SE_UNDOCK 25
#define SE_INC_WORKING_SET 33
#define SE_TIME_ZONE 34
#define MAX_ACCOUNTS 32
typedef union { SID sid; BYTE raw[8 + 4 * SID_MAX_SUB_AUTHORITIES]; } SID_BUFFER;
static struct { SID_BUFFER sid; ULONGLONG rights; } accounts[MAX_ACCOUNTS];
static ULONG account_count;
static BOOL seeded;

static void Seed(void)
{
    if (seeded)
        return;
    seeded = TRUE;
    AdvParseSid(L"S-1-1-0", &accounts[0].sid.sid);
    accounts[0].rights = LOGON(1) | BIT(SE_CHANGE_NOTIFY);
    AdvParseSid(L"S-1-5-32-545", &accounts[1].sid.sid);
    accounts[1].rights = LOGON(0) | LOGON(1) | BIT(SE_SHUTDOWN) | BIT(SE_CHANGE_NOTIFY) | BIT(SE_UNDOCK) |
                         BIT(SE_INC_WORKING_SET) | BIT(SE_TIME_ZONE);
    account_count = 2;
}

/* A right's bit by name; 0 for no such right. */
static ULONGLONG RightBit(const LSA_UNICODE_STRING *name)
{
    WCHAR text[64];
    USHORT n = name->Length / sizeof(WCHAR);
    if (!name->Buffer || !n || n >= 64)
        return 0;
    memcpy(text, name->Buffer, n * sizeof(WCHAR));
    text[n] = 0;
    for (unsigned i = 0; i < LOGON_RIGHTS; i++) {
        const WCHAR *a = text, *b = logon_rights[i];
        while (*a && RtlUpcaseUnicodeChar(*a) == RtlUpcaseUnicodeChar(*b)) { a++; b++; }
        if (!*a && !*b)
            return LOGON(i);
    }
    LUID luid;
    DWORD error = GetLastError();
    BOOL known = LookupPrivilegeValueW(NULL, text, &luid);
    SetLastError(error);
    return known && luid.LowPart < LOGON_BIT ? BIT(luid.LowPart) : 0;
}

static int FindAccount(PSID sid)
{
    for (ULONG i = 0; i < account_count; i++)
        if (EqualSid(&accounts[i].sid, sid))
            return (int)i;
    return -1;
}

static NTSTATUS Check(LSA_HANDLE policy, PSID sid, ACCESS_MASK needed)
{
    ACCESS_MASK granted;
    if (!AdvLsaGranted(policy, &granted))
        return STATUS_INVALID_HANDLE_;
    if (!sid || !IsValidSid(sid))
        return STATUS_INVALID_PARAMETER_;
    if ((granted & needed) != needed)
        return STATUS_ACCESS_DENIED_;
    Seed();
    return STATUS_SUCCESS_;
}

ADVAPI NTSTATUS WINAPI LsaEnumerateAccountRights(LSA_HANDLE policy, PSID sid, LSA_UNICODE_STRING **rights,
                                                 PULONG count)
{
    if (!rights || !count)
        return STATUS_INVALID_PARAMETER_;
    *rights = NULL;
    *count = 0;
    NTSTATUS status = Check(policy, sid, POLICY_LOOKUP_NAMES);
    if (status)
        return status;
    int a = FindAccount(sid);
    if (a < 0 || !accounts[a].rights)
        return STATUS_OBJECT_NAME_NOT_FOUND_;
    /* one block: the strings, then their text; privileges first (by LUID), then logon rights */
    const WCHAR *names[64];
    WCHAR privilege[LOGON_BIT][64];
    ULONG n = 0;
    SIZE_T size = 0;
    for (unsigned bit = 0; bit < 64; bit++) {
        if (!(accounts[a].rights & BIT(bit)))
            continue;
        if (bit >= LOGON_BIT) {
            names[n] = logon_rights[bit - LOGON_BIT];
        } else {
            LUID luid = {bit, 0};
            DWORD length = 64;
            LookupPrivilegeNameW(NULL, &luid, privilege[bit], &length);
            names[n] = privilege[bit];
        }
        size += sizeof(LSA_UNICODE_STRING) + (wcslen(names[n]) + 1) * sizeof(WCHAR);
        n++;
    }
    LSA_UNICODE_STRING *out = AdvLsaAlloc(size);
    if (!out)
        return STATUS_NO_MEMORY_;
    BYTE *at = (BYTE *)(out + n);
    for (ULONG i = 0; i < n; i++) {
        AdvInitString(&out[i], names[i]);
        memcpy(at, names[i], out[i].MaximumLength);
        out[i].Buffer = (PWSTR)at;
        at += out[i].MaximumLength;
    }
    *rights = out;
    *count = n;
    return STATUS_SUCCESS_;
}

/* The rights named, as bits; STATUS_NO_SUCH_PRIVILEGE for an unknown name. */
static NTSTATUS RightBits(const LSA_UNICODE_STRING *rights, ULONG count, ULONGLONG *bits)
{
    *bits = 0;
    if (count && !rights)
        return STATUS_INVALID_PARAMETER_;
    for (ULONG i = 0; i < count; i++) {
        ULONGLONG bit = RightBit(&rights[i]);
        if (!bit)
            return STATUS_NO_SUCH_PRIVILEGE_;
        *bits |= bit;
    }
    return STATUS_SUCCESS_;
}

ADVAPI NTSTATUS WINAPI LsaAddAccountRights(LSA_HANDLE policy, PSID sid, LSA_UNICODE_STRING *rights, ULONG count)
{
    ULONGLONG bits;
    NTSTATUS status = Check(policy, sid, POLICY_LOOKUP_NAMES | POLICY_CREATE_ACCOUNT);
    if (!status)
        status = RightBits(rights, count, &bits);
    if (status)
        return status;
    int a = FindAccount(sid);
    if (a < 0) {
        if (account_count == MAX_ACCOUNTS)
            return STATUS_NO_MEMORY_;
        a = (int)account_count++;
        memcpy(&accounts[a].sid, sid, GetLengthSid(sid));
        accounts[a].rights = 0;
    }
    accounts[a].rights |= bits;
    return STATUS_SUCCESS_;
}

ADVAPI NTSTATUS WINAPI LsaRemoveAccountRights(LSA_HANDLE policy, PSID sid, BOOLEAN all, LSA_UNICODE_STRING *rights,
                                              ULONG count)
{
    ULONGLONG bits = ~0ull;
    NTSTATUS status = Check(policy, sid, POLICY_LOOKUP_NAMES | POLICY_CREATE_ACCOUNT);
    if (!status && !all)
        status = RightBits(rights, count, &bits);
    if (status)
        return status;
    int a = FindAccount(sid);
    if (a < 0 || !accounts[a].rights)
        return STATUS_OBJECT_NAME_NOT_FOUND_;
    accounts[a].rights &= ~bits;        /* with none left the account object is gone */
    return STATUS_SUCCESS_;
}

BOOL AdvLsaTokenHasRight(const WCHAR *right)
{
    LSA_UNICODE_STRING name;
    AdvInitString(&name, right);
    ULONGLONG bit = RightBit(&name);
    union { TOKEN_GROUPS groups; BYTE raw[2048]; } buffer;
    union { TOKEN_USER user; BYTE raw[128]; } user;
    HANDLE token;
    DWORD length;
    BOOL held = FALSE;
    Seed();
    if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
        return FALSE;
    if (GetTokenInformation(token, TokenUser, &user, sizeof(user), &length)) {
        int a = FindAccount(user.user.User.Sid);
        held = a >= 0 && (accounts[a].rights & bit);
    }
    if (!held && GetTokenInformation(token, TokenGroups, &buffer, sizeof(buffer), &length)) {
        for (DWORD i = 0; i < buffer.groups.GroupCount && !held; i++) {
            int a = (buffer.groups.Groups[i].Attributes & SE_GROUP_ENABLED) ? FindAccount(buffer.groups.Groups[i].Sid) : -1;
            held = a >= 0 && (accounts[a].rights & bit);
        }
    }
    CloseHandle(token);
    return held;
}
