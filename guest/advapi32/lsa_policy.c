/* The local security authority's policy object as a console program sees it: LsaOpenPolicy (the
 * local machine only; the access the policy's DACL gives the caller: everyone may look names up and
 * view the local information, POLICY_EXECUTE, and administrators have all of it), LsaClose,
 * LsaFreeMemory, LsaNtStatusToWinError, and LsaQueryInformationPolicy's domain classes for this
 * standalone workstation: the account domain is the machine's (NTMINI and its S-1-5-21 SID), the
 * primary domain the workgroup WORKGROUP (no SID; netapi32 names it too), no DNS domain. */
#include "lsa.h"

#define POLICY_MAGIC 0x4C4F5053u        /* 'SPOL' */
typedef struct { DWORD magic; ACCESS_MASK granted; } POLICY;

#define EVERYONE_ACCESS POLICY_EXECUTE_
#define WORKGROUP L"WORKGROUP"
#define COMPUTER L"NTMINI"

/* POLICY_INFORMATION_CLASS values used here */
enum { PolicyPrimaryDomainInformation_ = 3, PolicyAccountDomainInformation_ = 5, PolicyDnsDomainInformation_ = 12 };

void *AdvLsaAlloc(SIZE_T size) { return AdvAlloc(size); }

BOOL AdvLsaGranted(LSA_HANDLE handle, ACCESS_MASK *granted)
{
    POLICY *p = handle;
    if (!p || p->magic != POLICY_MAGIC)
        return FALSE;
    *granted = p->granted;
    return TRUE;
}

/* Whether the caller's token holds BUILTIN\Administrators enabled. */
static BOOL CallerIsAdministrator(void)
{
    SID_IDENTIFIER_AUTHORITY nt = {SECURITY_NT_AUTHORITY};
    PSID admins;
    BOOL member = FALSE;
    if (!AllocateAndInitializeSid(&nt, 2, SECURITY_BUILTIN_DOMAIN_RID, DOMAIN_ALIAS_RID_ADMINS, 0, 0, 0, 0, 0, 0,
                                  &admins))
        return FALSE;
    if (!CheckTokenMembership(NULL, admins, &member))
        member = FALSE;
    FreeSid(admins);
    return member;
}

/* A system name means this machine when it is empty or its NetBIOS name, with or without "\\". */
static BOOL IsLocalSystem(const LSA_UNICODE_STRING *name)
{
    if (!name || !name->Buffer || !name->Length)
        return TRUE;
    const WCHAR *p = name->Buffer;
    USHORT n = name->Length / sizeof(WCHAR);
    if (n >= 2 && p[0] == L'\\' && p[1] == L'\\') { p += 2; n -= 2; }
    if (n != wcslen(COMPUTER))
        return FALSE;
    for (USHORT i = 0; i < n; i++)
        if (RtlUpcaseUnicodeChar(p[i]) != COMPUTER[i])
            return FALSE;
    return TRUE;
}

ADVAPI NTSTATUS WINAPI LsaOpenPolicy(LSA_UNICODE_STRING *system, LSA_OBJECT_ATTRIBUTES *attributes,
                                     ACCESS_MASK access, LSA_HANDLE *handle)
{
    if (!handle)
        return STATUS_INVALID_PARAMETER_;
    *handle = NULL;
    if (!IsLocalSystem(system))
        return RPC_NT_SERVER_UNAVAILABLE_;
    /* step 1: generic rights to the policy's specific ones */
    if (access & GENERIC_READ) access |= POLICY_READ_;
    if (access & GENERIC_WRITE) access |= POLICY_WRITE_;
    if (access & GENERIC_EXECUTE) access |= POLICY_EXECUTE_;
    if (access & GENERIC_ALL) access |= POLICY_ALL_ACCESS_;
    access &= ~(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL);
    /* step 2: what the policy's DACL gives this caller; MAXIMUM_ALLOWED takes all of it */
    ACCESS_MASK allowed = CallerIsAdministrator() ? POLICY_ALL_ACCESS_ : EVERYONE_ACCESS;
    if (access & MAXIMUM_ALLOWED)
        access = (access & ~MAXIMUM_ALLOWED) | allowed;
    if (access & ~allowed)
        return STATUS_ACCESS_DENIED_;
    POLICY *p = AdvAlloc(sizeof(*p));
    if (!p)
        return STATUS_NO_MEMORY_;
    p->magic = POLICY_MAGIC;
    p->granted = access;
    *handle = p;
    return STATUS_SUCCESS_;
}

ADVAPI NTSTATUS WINAPI LsaClose(LSA_HANDLE handle)
{
    POLICY *p = handle;
    if (!p || p->magic != POLICY_MAGIC)
        return STATUS_INVALID_HANDLE_;
    p->magic = 0;
    AdvFree(p);
    return STATUS_SUCCESS_;
}

ADVAPI NTSTATUS WINAPI LsaFreeMemory(PVOID buffer)
{
    AdvFree(buffer);
    return STATUS_SUCCESS_;
}

ADVAPI ULONG WINAPI LsaNtStatusToWinError(NTSTATUS status)
{
    return RtlNtStatusToDosError(status);
}

/* One block: the record (head bytes), then each string's text, then the SID. */
static BYTE *Place(BYTE *at, LSA_UNICODE_STRING *s, const WCHAR *text)
{
    AdvInitString(s, text);
    if (!text || !*text) {
        s->Buffer = NULL;
        s->MaximumLength = 0;
        return at;
    }
    memcpy(at, text, s->MaximumLength);
    s->Buffer = (PWSTR)at;
    return at + s->MaximumLength;
}

ADVAPI NTSTATUS WINAPI LsaQueryInformationPolicy(LSA_HANDLE handle, int info_class, PVOID *buffer)
{
    ACCESS_MASK granted;
    if (!buffer)
        return STATUS_INVALID_PARAMETER_;
    *buffer = NULL;
    if (!AdvLsaGranted(handle, &granted))
        return STATUS_INVALID_HANDLE_;
    if (!(granted & POLICY_VIEW_LOCAL_INFORMATION))
        return STATUS_ACCESS_DENIED_;
    union { SID sid; BYTE raw[8 + 4 * SID_MAX_SUB_AUTHORITIES]; } machine;
    AdvParseSid(L"S-1-5-21-1004336348-1177238915-682003330", &machine.sid);
    SIZE_T text = 2 * (wcslen(WORKGROUP) + wcslen(COMPUTER) + 2) * sizeof(WCHAR), sid = GetLengthSid(&machine.sid);
    if (info_class == PolicyAccountDomainInformation_ || info_class == PolicyPrimaryDomainInformation_) {
        /* POLICY_ACCOUNT_DOMAIN_INFO and POLICY_PRIMARY_DOMAIN_INFO: { name, SID } */
        struct { LSA_UNICODE_STRING Name; PSID Sid; } *info = AdvLsaAlloc(sizeof(*info) + text + sid);
        if (!info)
            return STATUS_NO_MEMORY_;
        BYTE *at = (BYTE *)(info + 1);
        if (info_class == PolicyAccountDomainInformation_) {
            at = Place(at, &info->Name, COMPUTER);
            memcpy(at, &machine.sid, sid);
            info->Sid = at;
        } else {
            Place(at, &info->Name, WORKGROUP);        /* a workgroup has no SID */
            info->Sid = NULL;
        }
        *buffer = info;
        return STATUS_SUCCESS_;
    }
    if (info_class == PolicyDnsDomainInformation_) {
        /* POLICY_DNS_DOMAIN_INFO: the workgroup's name, no DNS domain or forest, no GUID or SID */
        struct { LSA_UNICODE_STRING Name, DnsDomainName, DnsForestName; GUID DomainGuid; PSID Sid; } *info =
            AdvLsaAlloc(sizeof(*info) + text);
        if (!info)
            return STATUS_NO_MEMORY_;
        memset(info, 0, sizeof(*info));
        Place((BYTE *)(info + 1), &info->Name, WORKGROUP);
        *buffer = info;
        return STATUS_SUCCESS_;
    }
    return STATUS_INVALID_INFO_CLASS_;
}
