/* Restricted tokens: CreateRestrictedToken over NtFilterToken (kernel/se/filter.py: SIDs made
 * deny-only, privileges deleted, restricting SIDs added), IsTokenRestricted (whether the token has
 * restricting SIDs, TokenRestrictedSids). */
#include "advapi32.h"

NTDLL NTSTATUS NTAPI NtFilterToken(HANDLE, ULONG, TOKEN_GROUPS *, TOKEN_PRIVILEGES *, TOKEN_GROUPS *, PHANDLE);

/* The SID_AND_ATTRIBUTES array as a TOKEN_GROUPS (NULL for none); AdvFree frees it. */
static TOKEN_GROUPS *Groups(DWORD count, const SID_AND_ATTRIBUTES *entries, BOOL *bad)
{
    if (!count)
        return NULL;
    if (!entries) {
        *bad = TRUE;
        return NULL;
    }
    TOKEN_GROUPS *g = AdvAlloc(offsetof(TOKEN_GROUPS, Groups) + count * sizeof(SID_AND_ATTRIBUTES));
    if (!g) {
        *bad = TRUE;
        return NULL;
    }
    g->GroupCount = count;
    for (DWORD i = 0; i < count; i++) {
        if (!IsValidSid(entries[i].Sid))
            *bad = TRUE;
        g->Groups[i].Sid = entries[i].Sid;
        g->Groups[i].Attributes = 0;   /* the caller's attributes must be 0 and are ignored */
    }
    return g;
}

ADVAPI BOOL WINAPI CreateRestrictedToken(HANDLE existing, DWORD flags, DWORD disable_count,
                                         PSID_AND_ATTRIBUTES disable, DWORD delete_count,
                                         PLUID_AND_ATTRIBUTES delete, DWORD restrict_count,
                                         PSID_AND_ATTRIBUTES restricting_sids, PHANDLE out)
{
    BOOL bad = FALSE;
    if (!out || (delete_count && !delete))
        return AdvFailError(ERROR_INVALID_PARAMETER);
    *out = NULL;
    TOKEN_GROUPS *disabled = Groups(disable_count, disable, &bad), *restricting = Groups(restrict_count, restricting_sids, &bad);
    TOKEN_PRIVILEGES *deleted = NULL;
    if (!bad && delete_count) {
        deleted = AdvAlloc(offsetof(TOKEN_PRIVILEGES, Privileges) + delete_count * sizeof(LUID_AND_ATTRIBUTES));
        if (deleted) {
            deleted->PrivilegeCount = delete_count;
            memcpy(deleted->Privileges, delete, delete_count * sizeof(LUID_AND_ATTRIBUTES));
        } else {
            bad = TRUE;
        }
    }
    NTSTATUS status = bad ? (NTSTATUS)0xC000000D : NtFilterToken(existing, flags, disabled, deleted, restricting, out);
    AdvFree(disabled);
    AdvFree(restricting);
    AdvFree(deleted);
    return NT_SUCCESS(status) ? TRUE : AdvFail(status);
}

ADVAPI BOOL WINAPI IsTokenRestricted(HANDLE token)
{
    DWORD length = 0;
    union { TOKEN_GROUPS groups; BYTE raw[1024]; } buffer;
    if (!GetTokenInformation(token, TokenRestrictedSids, &buffer, sizeof(buffer), &length))
        return FALSE;
    SetLastError(ERROR_SUCCESS);
    return buffer.groups.GroupCount != 0;
}
