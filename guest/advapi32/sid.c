/* Security identifiers as advapi32 has them (building and comparing them is kernelbase's
 * security.c): their string form (S-1-5-21-..., and SDDL's abbreviations), and the account names of the SIDs this machine knows (LookupAccountSid/Name): the one user of
 * the process token (kernel/se/sids.py: "user" on the machine NTMINI) and the well-known SIDs a
 * token carries, with the names and domains Windows 10 (English) gives them. */
#include "advapi32.h"
#include <sddl.h>

const WCHAR AdvUserSid[] = L"S-1-5-21-1004336348-1177238915-682003330-1000";

typedef struct { const WCHAR *sid, *name, *domain; SID_NAME_USE use; } ACCOUNT;
static const ACCOUNT accounts[] = {
    {AdvUserSid, L"user", L"NTMINI", SidTypeUser},
    {L"S-1-5-21-1004336348-1177238915-682003330-500", L"Administrator", L"NTMINI", SidTypeUser},
    {L"S-1-5-21-1004336348-1177238915-682003330-513", L"None", L"NTMINI", SidTypeGroup},
    {L"S-1-5-21-1004336348-1177238915-682003330", L"NTMINI", L"NTMINI", SidTypeDomain},     /* the machine */
    {L"S-1-5-32", L"BUILTIN", L"BUILTIN", SidTypeDomain},
    {L"S-1-1-0", L"Everyone", L"", SidTypeWellKnownGroup},
    {L"S-1-2-0", L"LOCAL", L"", SidTypeWellKnownGroup},
    {L"S-1-2-1", L"CONSOLE LOGON", L"", SidTypeWellKnownGroup},
    {L"S-1-3-0", L"CREATOR OWNER", L"", SidTypeWellKnownGroup},
    {L"S-1-5-4", L"INTERACTIVE", L"NT AUTHORITY", SidTypeWellKnownGroup},
    {L"S-1-5-6", L"SERVICE", L"NT AUTHORITY", SidTypeWellKnownGroup},
    {L"S-1-5-11", L"Authenticated Users", L"NT AUTHORITY", SidTypeWellKnownGroup},
    {L"S-1-5-15", L"This Organization", L"NT AUTHORITY", SidTypeWellKnownGroup},
    {L"S-1-5-18", L"SYSTEM", L"NT AUTHORITY", SidTypeWellKnownGroup},
    {L"S-1-5-19", L"LOCAL SERVICE", L"NT AUTHORITY", SidTypeWellKnownGroup},
    {L"S-1-5-20", L"NETWORK SERVICE", L"NT AUTHORITY", SidTypeWellKnownGroup},
    {L"S-1-5-32-544", L"Administrators", L"BUILTIN", SidTypeAlias},
    {L"S-1-5-32-545", L"Users", L"BUILTIN", SidTypeAlias},
    {L"S-1-5-32-546", L"Guests", L"BUILTIN", SidTypeAlias},
    {L"S-1-5-64-10", L"NTLM Authentication", L"NT AUTHORITY", SidTypeWellKnownGroup},
    {L"S-1-5-113", L"Local account", L"NT AUTHORITY", SidTypeWellKnownGroup},
    {L"S-1-16-4096", L"Low Mandatory Level", L"Mandatory Label", SidTypeLabel},
    {L"S-1-16-8192", L"Medium Mandatory Level", L"Mandatory Label", SidTypeLabel},
    {L"S-1-16-12288", L"High Mandatory Level", L"Mandatory Label", SidTypeLabel},
    {L"S-1-16-16384", L"System Mandatory Level", L"Mandatory Label", SidTypeLabel},
};
#define ACCOUNTS (sizeof(accounts) / sizeof(accounts[0]))

/* -- the SID structure */

/* -- the string form */
static WCHAR *PutNumber(WCHAR *p, unsigned long long v)
{
    WCHAR digits[24];
    int n = 0;
    do { digits[n++] = (WCHAR)(L'0' + v % 10); v /= 10; } while (v);
    while (n) *p++ = digits[--n];
    return p;
}

/* "S-1-..." into out (at least 192 characters). */
void AdvFormatSid(const SID *s, WCHAR *out)
{
    WCHAR *p = out;
    *p++ = L'S';
    *p++ = L'-';
    p = PutNumber(p, s->Revision);
    *p++ = L'-';
    const BYTE *a = s->IdentifierAuthority.Value;
    if (a[0] || a[1]) {                 /* a 48-bit authority: hexadecimal, as Windows writes it */
        static const WCHAR hex[] = L"0123456789ABCDEF";
        *p++ = L'0';
        *p++ = L'x';
        for (int i = 0; i < 6; i++) {
            *p++ = hex[a[i] >> 4];
            *p++ = hex[a[i] & 15];
        }
    } else {
        p = PutNumber(p, ((DWORD)a[2] << 24) | ((DWORD)a[3] << 16) | ((DWORD)a[4] << 8) | a[5]);
    }
    for (BYTE i = 0; i < s->SubAuthorityCount; i++) {
        *p++ = L'-';
        p = PutNumber(p, s->SubAuthority[i]);
    }
    *p = 0;
}

ADVAPI BOOL WINAPI ConvertSidToStringSidW(PSID sid, LPWSTR *out)
{
    if (!out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (!IsValidSid(sid))
        return AdvFailError(ERROR_INVALID_SID);
    WCHAR text[192];
    AdvFormatSid(sid, text);
    SIZE_T n = (wcslen(text) + 1) * sizeof(WCHAR);
    *out = LocalAlloc(LMEM_FIXED, n);
    if (!*out)
        return AdvFailError(ERROR_NOT_ENOUGH_MEMORY);
    memcpy(*out, text, n);
    return TRUE;
}

ADVAPI BOOL WINAPI ConvertSidToStringSidA(PSID sid, LPSTR *out)
{
    WCHAR *wide;
    if (!out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (!ConvertSidToStringSidW(sid, &wide))
        return FALSE;
    SIZE_T n = wcslen(wide) + 1;
    *out = LocalAlloc(LMEM_FIXED, n);
    for (SIZE_T i = 0; *out && i < n; i++)
        (*out)[i] = (char)wide[i];
    LocalFree(wide);
    return *out ? TRUE : AdvFailError(ERROR_NOT_ENOUGH_MEMORY);
}

/* The SDDL abbreviations of the well-known SIDs a program may name (ConvertSecurityDescriptorTo
 * StringSecurityDescriptor writes these in place of the S- form). */
const AdvSddlName AdvSddlNames[] = {
    {L"WD", L"S-1-1-0"}, {L"CO", L"S-1-3-0"}, {L"CG", L"S-1-3-1"}, {L"OW", L"S-1-3-4"}, {L"NU", L"S-1-5-2"},
    {L"IU", L"S-1-5-4"}, {L"SU", L"S-1-5-6"}, {L"AN", L"S-1-5-7"}, {L"ED", L"S-1-5-9"}, {L"PS", L"S-1-5-10"},
    {L"AU", L"S-1-5-11"}, {L"RC", L"S-1-5-12"}, {L"SY", L"S-1-5-18"}, {L"LS", L"S-1-5-19"}, {L"NS", L"S-1-5-20"},
    {L"BA", L"S-1-5-32-544"}, {L"BU", L"S-1-5-32-545"}, {L"BG", L"S-1-5-32-546"}, {L"PU", L"S-1-5-32-547"},
    {L"AO", L"S-1-5-32-548"}, {L"SO", L"S-1-5-32-549"}, {L"PO", L"S-1-5-32-550"}, {L"BO", L"S-1-5-32-551"},
    {L"RE", L"S-1-5-32-552"}, {L"RU", L"S-1-5-32-554"}, {L"RD", L"S-1-5-32-555"}, {L"NO", L"S-1-5-32-556"},
    {L"MU", L"S-1-5-32-558"}, {L"LU", L"S-1-5-32-559"}, {L"IS", L"S-1-5-32-568"}, {L"CY", L"S-1-5-32-569"},
    {L"ER", L"S-1-5-32-573"}, {L"AC", L"S-1-15-2-1"}, {L"LW", L"S-1-16-4096"}, {L"ME", L"S-1-16-8192"},
    {L"MP", L"S-1-16-8448"}, {L"HI", L"S-1-16-12288"}, {L"SI", L"S-1-16-16384"}, {L"", NULL},
};
#define sddl_names AdvSddlNames

/* Parse "S-1-..." (or an SDDL abbreviation) into sid (room for 15 sub-authorities). */
BOOL AdvParseSid(const WCHAR *text, SID *sid)
{
    for (unsigned i = 0; sddl_names[i].sid; i++)
        if (text[0] == sddl_names[i].abbreviation[0] && text[1] == sddl_names[i].abbreviation[1] && !text[2])
            text = sddl_names[i].sid;
    if ((text[0] != L'S' && text[0] != L's') || text[1] != L'-')
        return FALSE;
    const WCHAR *p = text + 2;
    unsigned long long fields[17];
    int n = 0;
    for (;;) {
        unsigned long long v = 0;
        int digits = 0;
        if (n == 1 && p[0] == L'0' && (p[1] == L'x' || p[1] == L'X')) {
            p += 2;
            for (; (*p >= L'0' && *p <= L'9') || (*p >= L'a' && *p <= L'f') || (*p >= L'A' && *p <= L'F'); p++) {
                v = v * 16 + (*p <= L'9' ? *p - L'0' : (*p | 0x20) - L'a' + 10);
                digits++;
            }
        } else {
            for (; *p >= L'0' && *p <= L'9'; p++, digits++)
                v = v * 10 + (*p - L'0');
        }
        if (!digits || n >= 17 || (n != 1 && v > 0xFFFFFFFFull) || v > 0xFFFFFFFFFFFFull)
            return FALSE;
        fields[n++] = v;
        if (!*p)
            break;
        if (*p++ != L'-')
            return FALSE;
    }
    if (n < 2 || fields[0] != SID_REVISION || n - 2 > SID_MAX_SUB_AUTHORITIES)
        return FALSE;
    sid->Revision = SID_REVISION;
    sid->SubAuthorityCount = (BYTE)(n - 2);
    for (int i = 0; i < 6; i++)
        sid->IdentifierAuthority.Value[i] = (BYTE)(fields[1] >> (8 * (5 - i)));
    for (int i = 2; i < n; i++)
        sid->SubAuthority[i - 2] = (DWORD)fields[i];
    return TRUE;
}

ADVAPI BOOL WINAPI ConvertStringSidToSidW(LPCWSTR text, PSID *out)
{
    union { SID sid; BYTE raw[8 + 4 * SID_MAX_SUB_AUTHORITIES]; } buffer;
    if (!text || !out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (!AdvParseSid(text, &buffer.sid))
        return AdvFailError(ERROR_INVALID_SID);
    DWORD n = GetLengthSid(&buffer.sid);
    *out = LocalAlloc(LMEM_FIXED, n);
    if (!*out)
        return AdvFailError(ERROR_NOT_ENOUGH_MEMORY);
    memcpy(*out, &buffer.sid, n);
    return TRUE;
}

ADVAPI BOOL WINAPI ConvertStringSidToSidA(LPCSTR text, PSID *out)
{
    if (!text || !out)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    WCHAR *wide = AdvAnsiToWide(text);
    BOOL ok = ConvertStringSidToSidW(wide, out);
    AdvFree(wide);
    return ok;
}

/* -- accounts */
static int SameText(const WCHAR *a, const WCHAR *b, SIZE_T n)
{
    for (SIZE_T i = 0; i < n; i++)
        if (RtlUpcaseUnicodeChar(a[i]) != RtlUpcaseUnicodeChar(b[i]))
            return 0;
    return !b[n];
}

BOOL AdvAccountOfSid(PSID sid, const WCHAR **name, const WCHAR **domain, SID_NAME_USE *use)
{
    WCHAR text[192];
    if (!IsValidSid(sid))
        return FALSE;
    AdvFormatSid(sid, text);
    for (unsigned i = 0; i < ACCOUNTS; i++) {
        if (SameText(text, accounts[i].sid, wcslen(text))) {
            *name = accounts[i].name;
            *domain = accounts[i].domain;
            *use = accounts[i].use;
            return TRUE;
        }
    }
    return FALSE;
}

/* Copy a name out: *size is in characters, the terminator counted; too small -> the size needed. */
static BOOL PutName(const WCHAR *text, LPWSTR out, LPDWORD size, BOOL *short_buffer)
{
    DWORD n = (DWORD)wcslen(text);
    if (!out || *size <= n) {
        *size = n + 1;
        *short_buffer = TRUE;
        return FALSE;
    }
    memcpy(out, text, (n + 1) * sizeof(WCHAR));
    *size = n;
    return TRUE;
}

ADVAPI BOOL WINAPI LookupAccountSidW(LPCWSTR system, PSID sid, LPWSTR name, LPDWORD name_size, LPWSTR domain,
                                     LPDWORD domain_size, PSID_NAME_USE use)
{
    const WCHAR *account, *authority;
    SID_NAME_USE kind;
    if (!IsValidSid(sid) || !name_size || !domain_size)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    WCHAR logon[48];
    SID *s = sid;
    if (s->IdentifierAuthority.Value[5] == 5 && s->SubAuthorityCount == 3 && s->SubAuthority[0] == 5) {
        /* S-1-5-5-X-Y, a logon session's SID: NT AUTHORITY\LogonSessionId_X_Y */
        static const WCHAR prefix[] = L"LogonSessionId_";
        WCHAR *p = logon;
        for (const WCHAR *q = prefix; *q; q++)
            *p++ = *q;
        p = PutNumber(p, s->SubAuthority[1]);
        *p++ = L'_';
        *PutNumber(p, s->SubAuthority[2]) = 0;
        account = logon;
        authority = L"NT AUTHORITY";
        kind = SidTypeLogonSession;
    } else if (!AdvAccountOfSid(sid, &account, &authority, &kind)) {
        return AdvFailError(ERROR_NONE_MAPPED);
    }
    BOOL short_buffer = FALSE;
    DWORD n = *name_size, d = *domain_size;
    if (!name || n <= wcslen(account) || !domain || d <= wcslen(authority)) {
        *name_size = (DWORD)wcslen(account) + 1;
        *domain_size = (DWORD)wcslen(authority) + 1;
        return AdvFailError(ERROR_INSUFFICIENT_BUFFER);
    }
    PutName(account, name, name_size, &short_buffer);
    PutName(authority, domain, domain_size, &short_buffer);
    if (use)
        *use = kind;
    return TRUE;
}

static char *Narrow(const WCHAR *text, char *out)
{
    int i = 0;
    do out[i] = (char)text[i]; while (text[i++]);
    return out;
}

ADVAPI BOOL WINAPI LookupAccountSidA(LPCSTR system, PSID sid, LPSTR name, LPDWORD name_size, LPSTR domain,
                                     LPDWORD domain_size, PSID_NAME_USE use)
{
    WCHAR wname[64], wdomain[64];
    DWORD n = 64, d = 64;
    if (!name_size || !domain_size)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    if (!LookupAccountSidW(NULL, sid, wname, &n, wdomain, &d, use))
        return FALSE;
    if (!name || *name_size <= n || !domain || *domain_size <= d) {
        *name_size = n + 1;
        *domain_size = d + 1;
        return AdvFailError(ERROR_INSUFFICIENT_BUFFER);
    }
    Narrow(wname, name);
    Narrow(wdomain, domain);
    *name_size = n;
    *domain_size = d;
    return TRUE;
}

/* "name" or "DOMAIN\name", without regard to case. */
ADVAPI BOOL WINAPI LookupAccountNameW(LPCWSTR system, LPCWSTR account, PSID sid, LPDWORD sid_size, LPWSTR domain,
                                      LPDWORD domain_size, PSID_NAME_USE use)
{
    if (!account || !sid_size || !domain_size)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    const WCHAR *slash = account, *name = account;
    for (; *slash; slash++)
        if (*slash == L'\\')
            name = slash + 1;
    SIZE_T domain_chars = name == account ? 0 : (SIZE_T)(name - account - 1);
    for (unsigned i = 0; i < ACCOUNTS; i++) {
        const ACCOUNT *a = &accounts[i];
        if (!SameText(name, a->name, wcslen(name)))
            continue;
        if (name != account && !SameText(account, a->domain, domain_chars))
            continue;
        union { SID sid; BYTE raw[8 + 4 * SID_MAX_SUB_AUTHORITIES]; } buffer;
        AdvParseSid(a->sid, &buffer.sid);
        DWORD need = GetLengthSid(&buffer.sid), d = (DWORD)wcslen(a->domain);
        if (!sid || *sid_size < need || !domain || *domain_size <= d) {
            *sid_size = need;
            *domain_size = d + 1;
            return AdvFailError(ERROR_INSUFFICIENT_BUFFER);
        }
        memcpy(sid, &buffer.sid, need);
        *sid_size = need;
        memcpy(domain, a->domain, (d + 1) * sizeof(WCHAR));
        *domain_size = d;
        if (use)
            *use = a->use;
        return TRUE;
    }
    return AdvFailError(ERROR_NONE_MAPPED);
}

ADVAPI BOOL WINAPI LookupAccountNameA(LPCSTR system, LPCSTR account, PSID sid, LPDWORD sid_size, LPSTR domain,
                                      LPDWORD domain_size, PSID_NAME_USE use)
{
    WCHAR wdomain[64];
    DWORD d = 64;
    if (!account || !domain_size)
        return AdvFailError(ERROR_INVALID_PARAMETER);
    WCHAR *wide = AdvAnsiToWide(account);
    BOOL ok = LookupAccountNameW(NULL, wide, sid, sid_size, wdomain, &d, use);
    AdvFree(wide);
    if (!ok) {
        if (GetLastError() == ERROR_INSUFFICIENT_BUFFER)
            *domain_size = d;
        return FALSE;
    }
    if (!domain || *domain_size <= d) {
        *domain_size = d + 1;
        return AdvFailError(ERROR_INSUFFICIENT_BUFFER);
    }
    Narrow(wdomain, domain);
    *domain_size = d;
    return TRUE;
}
