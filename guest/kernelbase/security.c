/* The security-base family (api-ms-win-security-base), in kernelbase as on Windows 10: the
 * process token over the executive's token services (kernel/se/token.py; a thread has none:
 * ERROR_NO_TOKEN), GetTokenInformation, AdjustTokenPrivileges (ERROR_NOT_ALL_ASSIGNED as the last
 * error of a success when a privilege is not held), CheckTokenMembership, and the SID structure
 * (revision 1, a 48-bit authority, up to 15 sub-authorities). */
#include "registry.h"

KBAPI BOOL WINAPI IsValidSid(PSID sid)
{
    SID *s = sid;
    return s && s->Revision == SID_REVISION && s->SubAuthorityCount <= SID_MAX_SUB_AUTHORITIES;
}

KBAPI DWORD WINAPI GetSidLengthRequired(UCHAR count) { return 8 + 4 * (DWORD)count; }

KBAPI DWORD WINAPI GetLengthSid(PSID sid) { return 8 + 4 * (DWORD)((SID *)sid)->SubAuthorityCount; }

KBAPI PSID_IDENTIFIER_AUTHORITY WINAPI GetSidIdentifierAuthority(PSID sid) { return &((SID *)sid)->IdentifierAuthority; }

KBAPI PUCHAR WINAPI GetSidSubAuthorityCount(PSID sid) { SetLastError(0); return &((SID *)sid)->SubAuthorityCount; }

KBAPI PDWORD WINAPI GetSidSubAuthority(PSID sid, DWORD n) { SetLastError(0); return &((SID *)sid)->SubAuthority[n]; }

KBAPI BOOL WINAPI InitializeSid(PSID sid, PSID_IDENTIFIER_AUTHORITY authority, BYTE count)
{
    SID *s = sid;
    if (count > SID_MAX_SUB_AUTHORITIES)
        return FALSE;
    s->Revision = SID_REVISION;
    s->SubAuthorityCount = count;
    s->IdentifierAuthority = *authority;
    return TRUE;
}

KBAPI BOOL WINAPI AllocateAndInitializeSid(PSID_IDENTIFIER_AUTHORITY authority, BYTE count, DWORD s0, DWORD s1,
                                            DWORD s2, DWORD s3, DWORD s4, DWORD s5, DWORD s6, DWORD s7, PSID *out)
{
    DWORD subs[8] = {s0, s1, s2, s3, s4, s5, s6, s7};
    if (count > 8)
        return RegpFailError(ERROR_INVALID_PARAMETER);
    SID *s = RegpAlloc(GetSidLengthRequired(count));
    if (!s)
        return RegpFailError(ERROR_NOT_ENOUGH_MEMORY);
    InitializeSid(s, authority, count);
    for (BYTE i = 0; i < count; i++)
        s->SubAuthority[i] = subs[i];
    *out = s;
    return TRUE;
}

KBAPI PVOID WINAPI FreeSid(PSID sid)
{
    RegpFree(sid);
    return NULL;
}

KBAPI BOOL WINAPI EqualSid(PSID a, PSID b)
{
    SetLastError(0);
    if (!IsValidSid(a) || !IsValidSid(b))
        return FALSE;
    DWORD n = GetLengthSid(a);
    if (n != GetLengthSid(b))
        return FALSE;
    const BYTE *x = a, *y = b;
    for (DWORD i = 0; i < n; i++)
        if (x[i] != y[i])
            return FALSE;
    return TRUE;
}

KBAPI BOOL WINAPI EqualPrefixSid(PSID a, PSID b)
{
    SID *x = a, *y = b;
    if (x->SubAuthorityCount != y->SubAuthorityCount || !x->SubAuthorityCount)
        return FALSE;
    return !memcmp(x, y, 8 + 4 * (x->SubAuthorityCount - 1u));
}

KBAPI BOOL WINAPI CopySid(DWORD size, PSID dst, PSID src)
{
    DWORD n = GetLengthSid(src);
    if (size < n)
        return RegpFailError(ERROR_INSUFFICIENT_BUFFER);
    memcpy(dst, src, n);
    return TRUE;
}

KBAPI BOOL WINAPI OpenProcessToken(HANDLE process, DWORD access, PHANDLE token)
{
    NTSTATUS status = NtOpenProcessToken(process, access, token);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI OpenThreadToken(HANDLE thread, DWORD access, BOOL as_self, PHANDLE token)
{
    NTSTATUS status = NtOpenThreadToken(thread, access, (BOOLEAN)as_self, token);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI GetTokenInformation(HANDLE token, TOKEN_INFORMATION_CLASS info_class, LPVOID info, DWORD length,
                                       PDWORD returned)
{
    NTSTATUS status = NtQueryInformationToken(token, info_class, info, length, returned);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI AdjustTokenPrivileges(HANDLE token, BOOL disable_all, PTOKEN_PRIVILEGES new_state, DWORD length,
                                         PTOKEN_PRIVILEGES previous, PDWORD returned)
{
    NTSTATUS status = NtAdjustPrivilegesToken(token, (BOOLEAN)disable_all, new_state, length, previous, returned);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    SetLastError(status == STATUS_NOT_ALL_ASSIGNED_ ? ERROR_NOT_ALL_ASSIGNED : ERROR_SUCCESS);
    return TRUE;
}

KBAPI BOOL WINAPI CheckTokenMembership(HANDLE token, PSID sid, PBOOL member)
{
    HANDLE opened = NULL;
    DWORD length;
    if (!member || !IsValidSid(sid))
        return RegpFailError(ERROR_INVALID_PARAMETER);
    *member = FALSE;
    if (token) {
        TOKEN_TYPE type;
        NTSTATUS status = NtQueryInformationToken(token, TokenType, &type, sizeof(type), &length);
        if (!NT_SUCCESS(status))
            return BaseFail(status);
        if (type != TokenImpersonation)
            return RegpFailError(ERROR_NO_IMPERSONATION_TOKEN);
    } else {
        NTSTATUS status = NtOpenProcessToken((HANDLE)-1, TOKEN_QUERY, &opened);
        if (!NT_SUCCESS(status))
            return BaseFail(status);
        token = opened;
    }
    union { TOKEN_USER user; BYTE raw[128]; } user;
    BYTE *groups = NULL;
    NTSTATUS status = NtQueryInformationToken(token, TokenUser, &user, sizeof(user), &length);
    if (NT_SUCCESS(status) && EqualSid(user.user.User.Sid, sid))
        *member = TRUE;
    if (NT_SUCCESS(status) && !*member) {
        NtQueryInformationToken(token, TokenGroups, NULL, 0, &length);
        groups = RegpAlloc(length);
        status = groups ? NtQueryInformationToken(token, TokenGroups, groups, length, &length) : (NTSTATUS)0xC0000017;
        if (NT_SUCCESS(status)) {
            TOKEN_GROUPS *list = (TOKEN_GROUPS *)groups;
            for (DWORD i = 0; i < list->GroupCount; i++) {
                DWORD attributes = list->Groups[i].Attributes;
                if ((attributes & SE_GROUP_ENABLED) && !(attributes & SE_GROUP_USE_FOR_DENY_ONLY)
                    && EqualSid(list->Groups[i].Sid, sid))
                    *member = TRUE;
            }
        }
    }
    RegpFree(groups);
    if (opened)
        NtClose(opened);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    SetLastError(ERROR_SUCCESS);
    return TRUE;
}
