/* The LSA's name translation over the account database of sid.c (LookupAccountSid/Name's):
 * LsaLookupSids, LsaLookupNames and LsaLookupNames2. Each answer is a referenced-domain list (the
 * domains the accounts belong to, each once, with its SID: the machine's, BUILTIN S-1-5-32, NT
 * AUTHORITY S-1-5 (a logon session's SID too), and for the authority-only groups such as Everyone the bare authority S-1-1)
 * and one translation per input; the status is STATUS_SUCCESS when all were mapped,
 * STATUS_SOME_NOT_MAPPED for some, STATUS_NONE_MAPPED for none. An unmapped SID is SidTypeUnknown
 * with its S-1-... string as its name and domain index -1; an unmapped name is SidTypeUnknown
 * with no SID. The policy handle needs POLICY_LOOKUP_NAMES. */
#include "lsa.h"

#define MAX_DOMAINS 16
typedef union { SID sid; BYTE raw[8 + 4 * SID_MAX_SUB_AUTHORITIES]; } SID_BUFFER;
typedef struct { ULONG count; const WCHAR *names[MAX_DOMAINS]; SID_BUFFER sids[MAX_DOMAINS]; } DOMAINS;

/* The SID of an account's domain, by the domain's name. */
static void DomainSid(const WCHAR *domain, const SID *account, SID_NAME_USE use, SID *out)
{
    if (use == SidTypeDomain) {
        memcpy(out, account, GetLengthSid((PSID)account));
    } else if (!wcscmp(domain, L"BUILTIN")) {
        AdvParseSid(L"S-1-5-32", out);
    } else if (!wcscmp(domain, L"NT AUTHORITY")) {
        AdvParseSid(L"S-1-5", out);
    } else if (!wcscmp(domain, L"NTMINI")) {
        AdvParseSid(L"S-1-5-21-1004336348-1177238915-682003330", out);
    } else {                            /* Everyone, LOCAL, the mandatory labels: the authority */
        memcpy(out, account, 8);
        out->SubAuthorityCount = 0;
    }
}

/* The index of a domain in the list, added the first time. */
static LONG DomainIndex(DOMAINS *d, const WCHAR *name, const SID *sid)
{
    for (ULONG i = 0; i < d->count; i++)
        if (!wcscmp(d->names[i], name))
            return (LONG)i;
    if (d->count == MAX_DOMAINS)
        return -1;
    d->names[d->count] = name;
    memcpy(&d->sids[d->count], sid, GetLengthSid((PSID)sid));
    return (LONG)d->count++;
}

/* The referenced-domain list as one block: the header, the entries, their names, their SIDs. */
static LSA_REFERENCED_DOMAIN_LIST *DomainList(const DOMAINS *d)
{
    SIZE_T size = sizeof(LSA_REFERENCED_DOMAIN_LIST) + d->count * sizeof(LSA_TRUST_INFORMATION);
    for (ULONG i = 0; i < d->count; i++)
        size += (wcslen(d->names[i]) + 1) * sizeof(WCHAR) + GetLengthSid((PSID)&d->sids[i]);
    LSA_REFERENCED_DOMAIN_LIST *list = AdvLsaAlloc(size);
    if (!list)
        return NULL;
    list->Entries = d->count;
    list->Domains = d->count ? (LSA_TRUST_INFORMATION *)(list + 1) : NULL;
    BYTE *at = (BYTE *)(list + 1) + d->count * sizeof(LSA_TRUST_INFORMATION);
    for (ULONG i = 0; i < d->count; i++) {
        LSA_TRUST_INFORMATION *t = &list->Domains[i];
        AdvInitString(&t->Name, d->names[i]);
        memcpy(at, d->names[i], t->Name.MaximumLength);
        t->Name.Buffer = (PWSTR)at;
        at += t->Name.MaximumLength;
        DWORD n = GetLengthSid((PSID)&d->sids[i]);
        memcpy(at, &d->sids[i], n);
        t->Sid = at;
        at += n;
    }
    return list;
}

static NTSTATUS CheckLookup(LSA_HANDLE policy, ULONG count, const void *input, void *domains, void *out)
{
    ACCESS_MASK granted;
    if (!domains || !out || (count && !input))
        return STATUS_INVALID_PARAMETER_;
    if (!AdvLsaGranted(policy, &granted))
        return STATUS_INVALID_HANDLE_;
    if (!(granted & POLICY_LOOKUP_NAMES))
        return STATUS_ACCESS_DENIED_;
    return STATUS_SUCCESS_;
}

static NTSTATUS Mapped(ULONG mapped, ULONG count)
{
    return mapped == count ? STATUS_SUCCESS_ : mapped ? STATUS_SOME_NOT_MAPPED_ : STATUS_NONE_MAPPED_;
}

/* The domain-name strings must outlive the loop: one static copy per known domain. */
static const WCHAR *DomainName(const WCHAR *domain)
{
    static const WCHAR *const known[] = {L"NTMINI", L"BUILTIN", L"NT AUTHORITY", L"Mandatory Label", L""};
    for (unsigned i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (!wcscmp(known[i], domain))
            return known[i];
    return L"";
}

ADVAPI NTSTATUS WINAPI LsaLookupSids(LSA_HANDLE policy, ULONG count, PSID *sids, LSA_REFERENCED_DOMAIN_LIST **domains,
                                     LSA_TRANSLATED_NAME **names)
{
    NTSTATUS status = CheckLookup(policy, count, sids, domains, names);
    if (status)
        return status;
    *domains = NULL;
    *names = NULL;
    for (ULONG i = 0; i < count; i++)
        if (!IsValidSid(sids[i]))
            return STATUS_INVALID_SID_;
    /* step 1: translate each SID, noting its domain; the names' text goes after the array */
    DOMAINS d = {0};
    LSA_TRANSLATED_NAME *out = AdvLsaAlloc(count * (sizeof(LSA_TRANSLATED_NAME) + 192 * sizeof(WCHAR)) + 1);
    if (!out)
        return STATUS_NO_MEMORY_;
    WCHAR *text = (WCHAR *)(out + count);
    ULONG mapped = 0;
    for (ULONG i = 0; i < count; i++) {
        WCHAR domain[64];
        DWORD name_size = 192, domain_size = 64;
        SID_NAME_USE use;
        SID_BUFFER domain_sid;
        if (LookupAccountSidW(NULL, sids[i], text, &name_size, domain, &domain_size, &use)) {
            const WCHAR *known = DomainName(domain);
            DomainSid(known, sids[i], use, &domain_sid.sid);
            out[i].Use = use;
            out[i].DomainIndex = DomainIndex(&d, known, &domain_sid.sid);
            mapped++;
        } else {
            out[i].Use = SidTypeUnknown;
            out[i].DomainIndex = -1;
            AdvFormatSid(sids[i], text);
        }
        AdvInitString(&out[i].Name, text);
        text += 192;
    }
    /* step 2: the domains they name */
    *domains = DomainList(&d);
    if (!*domains) {
        AdvFree(out);
        return STATUS_NO_MEMORY_;
    }
    *names = out;
    return Mapped(mapped, count);
}

/* One name (a counted string) looked up: its SID, use and domain; FALSE when unknown. */
static BOOL LookupName(const LSA_UNICODE_STRING *name, SID_BUFFER *sid, WCHAR *domain, SID_NAME_USE *use)
{
    WCHAR account[256];
    USHORT n = name->Length / sizeof(WCHAR);
    if (!name->Buffer || !n || n >= 256)
        return FALSE;
    memcpy(account, name->Buffer, n * sizeof(WCHAR));
    account[n] = 0;
    DWORD sid_size = sizeof(*sid), domain_size = 64;
    return LookupAccountNameW(NULL, account, sid, &sid_size, domain, &domain_size, use);
}

ADVAPI NTSTATUS WINAPI LsaLookupNames2(LSA_HANDLE policy, ULONG flags, ULONG count, LSA_UNICODE_STRING *names,
                                       LSA_REFERENCED_DOMAIN_LIST **domains, LSA_TRANSLATED_SID2 **sids)
{
    NTSTATUS status = CheckLookup(policy, count, names, domains, sids);
    if (status)
        return status;
    *domains = NULL;
    *sids = NULL;
    DOMAINS d = {0};
    LSA_TRANSLATED_SID2 *out = AdvLsaAlloc(count * (sizeof(LSA_TRANSLATED_SID2) + sizeof(SID_BUFFER)) + 1);
    if (!out)
        return STATUS_NO_MEMORY_;
    SID_BUFFER *store = (SID_BUFFER *)(out + count);
    ULONG mapped = 0;
    for (ULONG i = 0; i < count; i++) {
        WCHAR domain[64];
        SID_NAME_USE use;
        SID_BUFFER domain_sid;
        memset(&out[i], 0, sizeof(out[i]));
        if (LookupName(&names[i], &store[i], domain, &use)) {
            const WCHAR *known = DomainName(domain);
            DomainSid(known, &store[i].sid, use, &domain_sid.sid);
            out[i].Use = use;
            out[i].Sid = &store[i];
            out[i].DomainIndex = DomainIndex(&d, known, &domain_sid.sid);
            mapped++;
        } else {
            out[i].Use = SidTypeUnknown;
            out[i].DomainIndex = -1;
        }
    }
    *domains = DomainList(&d);
    if (!*domains) {
        AdvFree(out);
        return STATUS_NO_MEMORY_;
    }
    *sids = out;
    return Mapped(mapped, count);
}

/* The older form: each SID as its domain's index and its relative id (the last sub-authority). */
ADVAPI NTSTATUS WINAPI LsaLookupNames(LSA_HANDLE policy, ULONG count, LSA_UNICODE_STRING *names,
                                      LSA_REFERENCED_DOMAIN_LIST **domains, LSA_TRANSLATED_SID **sids)
{
    LSA_TRANSLATED_SID2 *full;
    if (!sids)
        return STATUS_INVALID_PARAMETER_;
    *sids = NULL;
    NTSTATUS status = LsaLookupNames2(policy, 0, count, names, domains, &full);
    if (!NT_SUCCESS(status) && status != STATUS_NONE_MAPPED_)
        return status;
    LSA_TRANSLATED_SID *out = full ? AdvLsaAlloc(count * sizeof(*out) + 1) : NULL;
    if (full && !out) {
        AdvFree(full);
        AdvFree(*domains);
        *domains = NULL;
        return STATUS_NO_MEMORY_;
    }
    for (ULONG i = 0; out && i < count; i++) {
        SID *s = full[i].Sid;
        out[i].Use = full[i].Use;
        out[i].DomainIndex = full[i].DomainIndex;
        out[i].RelativeId = s && s->SubAuthorityCount && full[i].Use != SidTypeDomain
                                ? s->SubAuthority[s->SubAuthorityCount - 1] : 0;
    }
    AdvFree(full);
    *sids = out;
    return status;
}
