/* The trustee and explicit-access layer over ACLs (aclapi.h): BuildTrusteeWithSid/Name,
 * BuildExplicitAccessWithName, SetEntriesInAcl (a new ACL in LocalAlloc'd memory from an old one
 * and a list of GRANT/SET/DENY/REVOKE entries, in canonical order: explicit denied ACEs, explicit
 * allowed ones, then the inherited ones the old ACL had; GRANT merges its rights into the
 * trustee's allowed ACE of the same inheritance, SET and REVOKE drop the trustee's explicit ACEs
 * first) and GetExplicitEntriesFromAcl. Trustees by SID or by account name (LookupAccountName;
 * "CURRENT_USER" is the token's user; an unknown name is ERROR_NONE_MAPPED). */
#include "advapi32.h"
#include <aclapi.h>

ADVAPI VOID WINAPI BuildTrusteeWithSidW(PTRUSTEEW trustee, PSID sid)
{
    memset(trustee, 0, sizeof(*trustee));
    trustee->MultipleTrusteeOperation = NO_MULTIPLE_TRUSTEE;
    trustee->TrusteeForm = TRUSTEE_IS_SID;
    trustee->TrusteeType = TRUSTEE_IS_UNKNOWN;
    trustee->ptstrName = (LPWSTR)sid;
}

ADVAPI VOID WINAPI BuildTrusteeWithSidA(PTRUSTEEA trustee, PSID sid)
{
    BuildTrusteeWithSidW((PTRUSTEEW)trustee, sid);
}

ADVAPI VOID WINAPI BuildTrusteeWithNameW(PTRUSTEEW trustee, LPWSTR name)
{
    memset(trustee, 0, sizeof(*trustee));
    trustee->MultipleTrusteeOperation = NO_MULTIPLE_TRUSTEE;
    trustee->TrusteeForm = TRUSTEE_IS_NAME;
    trustee->TrusteeType = TRUSTEE_IS_UNKNOWN;
    trustee->ptstrName = name;
}

ADVAPI VOID WINAPI BuildTrusteeWithNameA(PTRUSTEEA trustee, LPSTR name)
{
    BuildTrusteeWithNameW((PTRUSTEEW)trustee, (LPWSTR)name);
}

ADVAPI VOID WINAPI BuildExplicitAccessWithNameW(PEXPLICIT_ACCESSW access, LPWSTR name, DWORD permissions,
                                                ACCESS_MODE mode, DWORD inheritance)
{
    access->grfAccessPermissions = permissions;
    access->grfAccessMode = mode;
    access->grfInheritance = inheritance;
    BuildTrusteeWithNameW(&access->Trustee, name);
}

ADVAPI VOID WINAPI BuildExplicitAccessWithNameA(PEXPLICIT_ACCESSA access, LPSTR name, DWORD permissions,
                                                ACCESS_MODE mode, DWORD inheritance)
{
    BuildExplicitAccessWithNameW((PEXPLICIT_ACCESSW)access, (LPWSTR)name, permissions, mode, inheritance);
}

ADVAPI TRUSTEE_FORM WINAPI GetTrusteeFormW(PTRUSTEEW trustee) { return trustee->TrusteeForm; }
ADVAPI TRUSTEE_TYPE WINAPI GetTrusteeTypeW(PTRUSTEEW trustee) { return trustee->TrusteeType; }
ADVAPI LPWSTR WINAPI GetTrusteeNameW(PTRUSTEEW trustee) { return trustee->ptstrName; }

/* A trustee's SID into sid (room for SECURITY_MAX_SID_SIZE); an error code or 0. */
static DWORD TrusteeSid(const TRUSTEEW *trustee, BOOL ansi, SID *sid)
{
    if (trustee->MultipleTrusteeOperation != NO_MULTIPLE_TRUSTEE || trustee->pMultipleTrustee)
        return ERROR_INVALID_PARAMETER;
    if (trustee->TrusteeForm == TRUSTEE_IS_SID) {
        if (!IsValidSid((PSID)trustee->ptstrName))
            return ERROR_INVALID_SID;
        CopySid(SECURITY_MAX_SID_SIZE, sid, (PSID)trustee->ptstrName);
        return 0;
    }
    if (trustee->TrusteeForm != TRUSTEE_IS_NAME || !trustee->ptstrName)
        return ERROR_INVALID_PARAMETER;
    WCHAR *name = ansi ? AdvAnsiToWide((const char *)trustee->ptstrName) : trustee->ptstrName;
    DWORD error = 0;
    if (!wcscmp(name, L"CURRENT_USER")) {
        HANDLE token;
        union { TOKEN_USER user; BYTE raw[128]; } user;
        DWORD length;
        if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token))
            error = GetLastError();
        else {
            if (GetTokenInformation(token, TokenUser, &user, sizeof(user), &length))
                CopySid(SECURITY_MAX_SID_SIZE, sid, user.user.User.Sid);
            else
                error = GetLastError();
            CloseHandle(token);
        }
    } else {
        WCHAR domain[64];
        DWORD sid_size = SECURITY_MAX_SID_SIZE, domain_size = 64;
        SID_NAME_USE use;
        if (!LookupAccountNameW(NULL, name, sid, &sid_size, domain, &domain_size, &use))
            error = ERROR_NONE_MAPPED;
    }
    if (ansi)
        AdvFree(name);
    return error;
}

typedef union { SID sid; BYTE raw[SECURITY_MAX_SID_SIZE]; } ANY_SID;

static DWORD SetEntries(ULONG count, PEXPLICIT_ACCESSW entries, BOOL ansi, PACL old, PACL *out)
{
    if (!out || (count && !entries))
        return ERROR_INVALID_PARAMETER;
    *out = NULL;
    if (old && !IsValidAcl(old))
        return ERROR_INVALID_ACL;
    if (!count && !old)
        return ERROR_SUCCESS;
    ANY_SID *sids = count ? AdvAlloc(count * sizeof(ANY_SID)) : NULL;
    BOOL *merged = count ? AdvAlloc(count * sizeof(BOOL)) : NULL;
    DWORD error = count && (!sids || !merged) ? ERROR_NOT_ENOUGH_MEMORY : 0;
    DWORD size = sizeof(ACL) + (old ? old->AclSize : 0);
    for (ULONG i = 0; !error && i < count; i++) {
        ACCESS_MODE mode = entries[i].grfAccessMode;
        merged[i] = FALSE;
        if (mode != GRANT_ACCESS && mode != SET_ACCESS && mode != DENY_ACCESS && mode != REVOKE_ACCESS)
            error = ERROR_INVALID_PARAMETER;
        else if (entries[i].grfInheritance & ~VALID_INHERIT_FLAGS)
            error = ERROR_INVALID_FLAGS;
        else
            error = TrusteeSid(&entries[i].Trustee, ansi, &sids[i].sid);
        if (!error)
            size += 8 + GetLengthSid(&sids[i].sid);
    }
    PACL acl = error ? NULL : LocalAlloc(LMEM_FIXED, size);
    if (!error && !acl)
        error = ERROR_NOT_ENOUGH_MEMORY;
    if (!error) {
        InitializeAcl(acl, size, ACL_REVISION);
        /* which old explicit ACEs survive: not those of a SET or REVOKE trustee */
        WORD old_count = old ? old->AceCount : 0;
        /* pass 1: new denied; pass 2: old explicit denied; pass 3: old explicit allowed (GRANT merged in);
         * pass 4: new allowed; pass 5: old inherited */
        for (int pass = 1; pass <= 5; pass++) {
            if (pass == 1 || pass == 4) {
                for (ULONG i = 0; i < count; i++) {
                    ACCESS_MODE mode = entries[i].grfAccessMode;
                    if (pass == 1 && mode == DENY_ACCESS)
                        AddAccessDeniedAceEx(acl, ACL_REVISION, entries[i].grfInheritance,
                                             entries[i].grfAccessPermissions, &sids[i].sid);
                    if (pass == 4 && (mode == SET_ACCESS || (mode == GRANT_ACCESS && !merged[i])))
                        AddAccessAllowedAceEx(acl, ACL_REVISION, entries[i].grfInheritance,
                                              entries[i].grfAccessPermissions, &sids[i].sid);
                }
                continue;
            }
            for (WORD k = 0; k < old_count; k++) {
                ACCESS_ALLOWED_ACE *ace;
                GetAce(old, k, (void **)&ace);
                BOOL inherited = ace->Header.AceFlags & INHERITED_ACE;
                BOOL known = ace->Header.AceType == ACCESS_ALLOWED_ACE_TYPE ||
                             ace->Header.AceType == ACCESS_DENIED_ACE_TYPE;
                if (pass == 5 ? !inherited : inherited)
                    continue;
                if (pass == 2 && known && ace->Header.AceType != ACCESS_DENIED_ACE_TYPE)
                    continue;
                if (pass == 3 && (!known || ace->Header.AceType != ACCESS_ALLOWED_ACE_TYPE))
                    continue;
                if (pass == 2 && !known)
                    continue;
                BOOL dropped = FALSE;
                DWORD mask = ace->Mask;
                for (ULONG i = 0; pass != 5 && i < count; i++) {
                    if (!EqualSid(&ace->SidStart, &sids[i].sid))
                        continue;
                    ACCESS_MODE mode = entries[i].grfAccessMode;
                    if (mode == SET_ACCESS || mode == REVOKE_ACCESS)
                        dropped = TRUE;
                    else if (pass == 3 && mode == GRANT_ACCESS && !merged[i] &&
                             ace->Header.AceFlags == (BYTE)entries[i].grfInheritance) {
                        mask |= entries[i].grfAccessPermissions;
                        merged[i] = TRUE;
                    }
                }
                if (dropped)
                    continue;
                ACL_SIZE_INFORMATION info;
                GetAclInformation(acl, &info, sizeof(info), AclSizeInformation);
                AddAce(acl, ACL_REVISION, MAXDWORD, ace, ace->Header.AceSize);
                if (mask != ace->Mask) {
                    ACCESS_ALLOWED_ACE *copy = (ACCESS_ALLOWED_ACE *)((BYTE *)acl + info.AclBytesInUse);
                    copy->Mask = mask;
                }
            }
        }
        ACL_SIZE_INFORMATION info;
        GetAclInformation(acl, &info, sizeof(info), AclSizeInformation);
        acl->AclSize = (WORD)info.AclBytesInUse;
        *out = acl;
    }
    AdvFree(sids);
    AdvFree(merged);
    return error;
}

ADVAPI DWORD WINAPI SetEntriesInAclW(ULONG count, PEXPLICIT_ACCESSW entries, PACL old, PACL *out)
{
    return SetEntries(count, entries, FALSE, old, out);
}

ADVAPI DWORD WINAPI SetEntriesInAclA(ULONG count, PEXPLICIT_ACCESSA entries, PACL old, PACL *out)
{
    return SetEntries(count, (PEXPLICIT_ACCESSW)entries, TRUE, old, out);
}

/* GetExplicitEntriesFromAcl: one GRANT or DENY entry per explicit allowed or denied ACE, the
 * trustees' SIDs in the same LocalAlloc'd block. */
ADVAPI DWORD WINAPI GetExplicitEntriesFromAclW(PACL acl, PULONG count, PEXPLICIT_ACCESSW *entries)
{
    if (!acl || !count || !entries)
        return ERROR_INVALID_PARAMETER;
    if (!IsValidAcl(acl))
        return ERROR_INVALID_ACL;
    ULONG n = 0;
    SIZE_T sid_bytes = 0;
    for (WORD k = 0; k < acl->AceCount; k++) {
        ACCESS_ALLOWED_ACE *ace;
        GetAce(acl, k, (void **)&ace);
        if ((ace->Header.AceType == ACCESS_ALLOWED_ACE_TYPE || ace->Header.AceType == ACCESS_DENIED_ACE_TYPE) &&
            !(ace->Header.AceFlags & INHERITED_ACE)) {
            n++;
            sid_bytes += GetLengthSid(&ace->SidStart);
        }
    }
    *count = n;
    *entries = NULL;
    if (!n)
        return ERROR_SUCCESS;
    EXPLICIT_ACCESSW *list = LocalAlloc(LMEM_FIXED | LMEM_ZEROINIT, n * sizeof(*list) + sid_bytes);
    if (!list)
        return ERROR_NOT_ENOUGH_MEMORY;
    BYTE *sid_at = (BYTE *)(list + n);
    ULONG i = 0;
    for (WORD k = 0; k < acl->AceCount; k++) {
        ACCESS_ALLOWED_ACE *ace;
        GetAce(acl, k, (void **)&ace);
        if ((ace->Header.AceType != ACCESS_ALLOWED_ACE_TYPE && ace->Header.AceType != ACCESS_DENIED_ACE_TYPE) ||
            ace->Header.AceFlags & INHERITED_ACE)
            continue;
        DWORD length = GetLengthSid(&ace->SidStart);
        memcpy(sid_at, &ace->SidStart, length);
        list[i].grfAccessPermissions = ace->Mask;
        list[i].grfAccessMode = ace->Header.AceType == ACCESS_ALLOWED_ACE_TYPE ? GRANT_ACCESS : DENY_ACCESS;
        list[i].grfInheritance = ace->Header.AceFlags & VALID_INHERIT_FLAGS;
        BuildTrusteeWithSidW(&list[i].Trustee, sid_at);
        sid_at += length;
        i++;
    }
    *entries = list;
    return ERROR_SUCCESS;
}

ADVAPI DWORD WINAPI GetExplicitEntriesFromAclA(PACL acl, PULONG count, PEXPLICIT_ACCESSA *entries)
{
    return GetExplicitEntriesFromAclW(acl, count, (PEXPLICIT_ACCESSW *)entries);
}
