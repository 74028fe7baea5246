/* Access control lists (api-ms-win-security-base), in kernelbase as on Windows 10: an ACL header
 * (revision 2 or 4, AclSize, AceCount) followed by AceCount ACEs, each an ACE_HEADER (type, flags,
 * size) and its body; the known ACEs (allowed, denied, audit) are a mask and a SID. New ACEs are
 * appended after the last one, and an ACE of a higher revision raises the ACL's. MapGenericMask. */
#include "registry.h"

#define AclAce(p) ((ACE_HEADER *)(p))

/* RtlFirstFreeAce: the byte after the last ACE, or FALSE when the ACEs overrun the ACL. */
static BOOL AclFirstFree(PACL acl, BYTE **free_ace)
{
    BYTE *at = (BYTE *)(acl + 1), *end = (BYTE *)acl + acl->AclSize;
    for (WORD i = 0; i < acl->AceCount; i++) {
        if (at + sizeof(ACE_HEADER) > end || AclAce(at)->AceSize < sizeof(ACE_HEADER) ||
            at + AclAce(at)->AceSize > end)
            return FALSE;
        at += AclAce(at)->AceSize;
    }
    *free_ace = at;
    return TRUE;
}

KBAPI BOOL WINAPI InitializeAcl(PACL acl, DWORD length, DWORD revision)
{
    if (length < sizeof(ACL))
        return RegpFailError(ERROR_INSUFFICIENT_BUFFER);
    if (revision < MIN_ACL_REVISION || revision > MAX_ACL_REVISION || length > 0xFFFF)
        return RegpFailError(ERROR_INVALID_PARAMETER);
    memset(acl, 0, sizeof(ACL));
    acl->AclRevision = (BYTE)revision;
    acl->AclSize = (WORD)(length & ~3u);
    return TRUE;
}

KBAPI BOOL WINAPI IsValidAcl(PACL acl)
{
    BYTE *free_ace;
    if (!acl || acl->AclRevision < MIN_ACL_REVISION || acl->AclRevision > MAX_ACL_REVISION ||
        acl->AclSize < sizeof(ACL) || acl->AclSize & 3 || !AclFirstFree(acl, &free_ace))
        return RegpFailError(ERROR_INVALID_ACL);
    return TRUE;
}

KBAPI BOOL WINAPI GetAclInformation(PACL acl, LPVOID info, DWORD length, ACL_INFORMATION_CLASS info_class)
{
    BYTE *free_ace;
    if (info_class == AclRevisionInformation) {
        if (length < sizeof(ACL_REVISION_INFORMATION))
            return RegpFailError(ERROR_INSUFFICIENT_BUFFER);
        ((ACL_REVISION_INFORMATION *)info)->AclRevision = acl->AclRevision;
        return TRUE;
    }
    if (info_class != AclSizeInformation)
        return RegpFailError(ERROR_INVALID_PARAMETER);
    if (length < sizeof(ACL_SIZE_INFORMATION))
        return RegpFailError(ERROR_INSUFFICIENT_BUFFER);
    if (!AclFirstFree(acl, &free_ace))
        return RegpFailError(ERROR_INVALID_PARAMETER);
    ACL_SIZE_INFORMATION *size = info;
    size->AceCount = acl->AceCount;
    size->AclBytesInUse = (DWORD)(free_ace - (BYTE *)acl);
    size->AclBytesFree = acl->AclSize - size->AclBytesInUse;
    return TRUE;
}

/* The ACE at an index: ERROR_INVALID_PARAMETER past the last one. */
static BYTE *AclAt(PACL acl, DWORD index)
{
    if (index >= acl->AceCount)
        return NULL;
    BYTE *at = (BYTE *)(acl + 1);
    for (DWORD i = 0; i < index; i++)
        at += AclAce(at)->AceSize;
    return at;
}

KBAPI BOOL WINAPI GetAce(PACL acl, DWORD index, LPVOID *ace)
{
    BYTE *at = AclAt(acl, index);
    if (!at)
        return RegpFailError(ERROR_INVALID_PARAMETER);
    *ace = at;
    return TRUE;
}

KBAPI BOOL WINAPI FindFirstFreeAce(PACL acl, LPVOID *ace)
{
    BYTE *free_ace;
    *ace = NULL;
    if (!AclFirstFree(acl, &free_ace))
        return FALSE;
    if (free_ace < (BYTE *)acl + acl->AclSize)
        *ace = free_ace;
    return TRUE;
}

KBAPI BOOL WINAPI DeleteAce(PACL acl, DWORD index)
{
    BYTE *at = AclAt(acl, index), *free_ace;
    if (!at || !AclFirstFree(acl, &free_ace))
        return RegpFailError(ERROR_INVALID_PARAMETER);
    WORD size = AclAce(at)->AceSize;
    memmove(at, at + size, (SIZE_T)(free_ace - at - size));
    memset(free_ace - size, 0, size);
    acl->AceCount--;
    return TRUE;
}

/* AddAce: a list of ACEs (its length in bytes) inserted before an index; MAXDWORD or an index past
 * the last ACE appends. */
KBAPI BOOL WINAPI AddAce(PACL acl, DWORD revision, DWORD index, LPVOID list, DWORD length)
{
    BYTE *free_ace, *src = list;
    DWORD count = 0;
    if (!IsValidAcl(acl) || !AclFirstFree(acl, &free_ace))
        return RegpFailError(ERROR_INVALID_PARAMETER);
    if (revision < MIN_ACL_REVISION || revision > MAX_ACL_REVISION)
        return RegpFailError(ERROR_INVALID_PARAMETER);
    for (DWORD at = 0; at < length; count++) {
        WORD size = AclAce(src + at)->AceSize;
        if (size < sizeof(ACE_HEADER) || at + size > length)
            return RegpFailError(ERROR_INVALID_PARAMETER);
        at += size;
    }
    if (free_ace + length > (BYTE *)acl + acl->AclSize)
        return RegpFailError(ERROR_ALLOTTED_SPACE_EXCEEDED);
    BYTE *at = index < acl->AceCount ? AclAt(acl, index) : free_ace;
    memmove(at + length, at, (SIZE_T)(free_ace - at));
    memcpy(at, src, length);
    acl->AceCount = (WORD)(acl->AceCount + count);
    if (revision > acl->AclRevision)
        acl->AclRevision = (BYTE)revision;
    return TRUE;
}

/* RtlpAddKnownAce: one mask-and-SID ACE appended. */
static BOOL AclAddKnown(PACL acl, DWORD revision, DWORD flags, DWORD mask, PSID sid, BYTE type, DWORD valid_flags)
{
    BYTE *free_ace;
    if (!IsValidSid(sid))
        return RegpFailError(ERROR_INVALID_SID);
    if (acl->AclRevision > MAX_ACL_REVISION || revision > MAX_ACL_REVISION)
        return RegpFailError(ERROR_UNKNOWN_REVISION);
    if (flags & ~valid_flags)
        return RegpFailError(ERROR_INVALID_FLAGS);
    if (!IsValidAcl(acl) || !AclFirstFree(acl, &free_ace))
        return RegpFailError(ERROR_INVALID_ACL);
    DWORD size = sizeof(ACCESS_ALLOWED_ACE) - sizeof(DWORD) + GetLengthSid(sid);
    if (free_ace + size > (BYTE *)acl + acl->AclSize)
        return RegpFailError(ERROR_ALLOTTED_SPACE_EXCEEDED);
    ACCESS_ALLOWED_ACE *ace = (ACCESS_ALLOWED_ACE *)free_ace;
    ace->Header.AceType = type;
    ace->Header.AceFlags = (BYTE)flags;
    ace->Header.AceSize = (WORD)size;
    ace->Mask = mask;
    memcpy(&ace->SidStart, sid, GetLengthSid(sid));
    acl->AceCount++;
    if (revision > acl->AclRevision)
        acl->AclRevision = (BYTE)revision;
    return TRUE;
}

KBAPI BOOL WINAPI AddAccessAllowedAce(PACL acl, DWORD revision, DWORD mask, PSID sid)
{
    return AclAddKnown(acl, revision, 0, mask, sid, ACCESS_ALLOWED_ACE_TYPE, 0);
}

KBAPI BOOL WINAPI AddAccessAllowedAceEx(PACL acl, DWORD revision, DWORD flags, DWORD mask, PSID sid)
{
    return AclAddKnown(acl, revision, flags, mask, sid, ACCESS_ALLOWED_ACE_TYPE, VALID_INHERIT_FLAGS);
}

KBAPI BOOL WINAPI AddAccessDeniedAce(PACL acl, DWORD revision, DWORD mask, PSID sid)
{
    return AclAddKnown(acl, revision, 0, mask, sid, ACCESS_DENIED_ACE_TYPE, 0);
}

KBAPI BOOL WINAPI AddAccessDeniedAceEx(PACL acl, DWORD revision, DWORD flags, DWORD mask, PSID sid)
{
    return AclAddKnown(acl, revision, flags, mask, sid, ACCESS_DENIED_ACE_TYPE, VALID_INHERIT_FLAGS);
}

KBAPI BOOL WINAPI AddAuditAccessAce(PACL acl, DWORD revision, DWORD mask, PSID sid, BOOL success, BOOL failure)
{
    DWORD flags = (success ? SUCCESSFUL_ACCESS_ACE_FLAG : 0) | (failure ? FAILED_ACCESS_ACE_FLAG : 0);
    return AclAddKnown(acl, revision, flags, mask, sid, SYSTEM_AUDIT_ACE_TYPE,
                       SUCCESSFUL_ACCESS_ACE_FLAG | FAILED_ACCESS_ACE_FLAG);
}

KBAPI BOOL WINAPI AddAuditAccessAceEx(PACL acl, DWORD revision, DWORD flags, DWORD mask, PSID sid, BOOL success,
                                       BOOL failure)
{
    flags |= (success ? SUCCESSFUL_ACCESS_ACE_FLAG : 0) | (failure ? FAILED_ACCESS_ACE_FLAG : 0);
    return AclAddKnown(acl, revision, flags, mask, sid, SYSTEM_AUDIT_ACE_TYPE,
                       VALID_INHERIT_FLAGS | SUCCESSFUL_ACCESS_ACE_FLAG | FAILED_ACCESS_ACE_FLAG);
}

/* MapGenericMask: each generic right replaced by the object type's specific rights. */
KBAPI VOID WINAPI MapGenericMask(PDWORD mask, PGENERIC_MAPPING mapping)
{
    if (*mask & GENERIC_READ)
        *mask |= mapping->GenericRead;
    if (*mask & GENERIC_WRITE)
        *mask |= mapping->GenericWrite;
    if (*mask & GENERIC_EXECUTE)
        *mask |= mapping->GenericExecute;
    if (*mask & GENERIC_ALL)
        *mask |= mapping->GenericAll;
    *mask &= ~(DWORD)(GENERIC_READ | GENERIC_WRITE | GENERIC_EXECUTE | GENERIC_ALL);
}
