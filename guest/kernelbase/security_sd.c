/* Security descriptors (api-ms-win-security-base), in kernelbase as on Windows 10: the absolute
 * form (pointers, SECURITY_DESCRIPTOR, 40 bytes on x64) and the self-relative one (offsets from
 * the start, SECURITY_DESCRIPTOR_RELATIVE, 20 bytes, SE_SELF_RELATIVE set); readers take either,
 * writers only the absolute form (ERROR_INVALID_SECURITY_DESCR), conversions lay the parts out as
 * Windows does: the SACL, the DACL, the owner, the group, each DWORD-aligned. */
#include "registry.h"

#define SdRelative(sd) (((SECURITY_DESCRIPTOR *)(sd))->Control & SE_SELF_RELATIVE)
#define SdAlign(n) (((n) + 3u) & ~3u)

/* One part of a descriptor of either form (NULL when absent). */
static void *SdPart(PSECURITY_DESCRIPTOR sd, int which)
{
    if (SdRelative(sd)) {
        SECURITY_DESCRIPTOR_RELATIVE *r = sd;
        DWORD offsets[4] = {r->Owner, r->Group, r->Sacl, r->Dacl};
        return offsets[which] ? (BYTE *)sd + offsets[which] : NULL;
    }
    SECURITY_DESCRIPTOR *a = sd;
    void *pointers[4] = {a->Owner, a->Group, a->Sacl, a->Dacl};
    return pointers[which];
}
enum { PART_OWNER, PART_GROUP, PART_SACL, PART_DACL };

/* The step every setter starts with: revision 1, absolute form. */
static BOOL SdWritable(PSECURITY_DESCRIPTOR sd)
{
    if (((SECURITY_DESCRIPTOR *)sd)->Revision != SECURITY_DESCRIPTOR_REVISION)
        return RegpFailError(ERROR_UNKNOWN_REVISION);
    if (SdRelative(sd))
        return RegpFailError(ERROR_INVALID_SECURITY_DESCR);
    return TRUE;
}

KBAPI BOOL WINAPI InitializeSecurityDescriptor(PSECURITY_DESCRIPTOR sd, DWORD revision)
{
    if (revision != SECURITY_DESCRIPTOR_REVISION)
        return RegpFailError(ERROR_UNKNOWN_REVISION);
    memset(sd, 0, sizeof(SECURITY_DESCRIPTOR));
    ((SECURITY_DESCRIPTOR *)sd)->Revision = SECURITY_DESCRIPTOR_REVISION;
    return TRUE;
}

KBAPI BOOL WINAPI IsValidSecurityDescriptor(PSECURITY_DESCRIPTOR sd)
{
    SECURITY_DESCRIPTOR *a = sd;
    if (!sd || a->Revision != SECURITY_DESCRIPTOR_REVISION)
        return RegpFailError(ERROR_INVALID_SECURITY_DESCR);
    PSID owner = SdPart(sd, PART_OWNER), group = SdPart(sd, PART_GROUP);
    PACL dacl = SdPart(sd, PART_DACL), sacl = SdPart(sd, PART_SACL);
    if ((owner && !IsValidSid(owner)) || (group && !IsValidSid(group)))
        return RegpFailError(ERROR_INVALID_SECURITY_DESCR);
    if ((a->Control & SE_DACL_PRESENT && dacl && !IsValidAcl(dacl)) ||
        (a->Control & SE_SACL_PRESENT && sacl && !IsValidAcl(sacl)))
        return RegpFailError(ERROR_INVALID_SECURITY_DESCR);
    return TRUE;
}

KBAPI DWORD WINAPI GetSecurityDescriptorLength(PSECURITY_DESCRIPTOR sd)
{
    /* RtlLengthSecurityDescriptor: the self-relative header plus each part, DWORD-aligned. */
    DWORD n = sizeof(SECURITY_DESCRIPTOR_RELATIVE);
    SECURITY_DESCRIPTOR *a = sd;
    PSID owner = SdPart(sd, PART_OWNER), group = SdPart(sd, PART_GROUP);
    PACL dacl = SdPart(sd, PART_DACL), sacl = SdPart(sd, PART_SACL);
    if (owner)
        n += SdAlign(GetLengthSid(owner));
    if (group)
        n += SdAlign(GetLengthSid(group));
    if (a->Control & SE_DACL_PRESENT && dacl)
        n += SdAlign(dacl->AclSize);
    if (a->Control & SE_SACL_PRESENT && sacl)
        n += SdAlign(sacl->AclSize);
    return n;
}

KBAPI BOOL WINAPI GetSecurityDescriptorControl(PSECURITY_DESCRIPTOR sd, PSECURITY_DESCRIPTOR_CONTROL control,
                                                LPDWORD revision)
{
    SECURITY_DESCRIPTOR *a = sd;
    *revision = a->Revision;
    if (a->Revision != SECURITY_DESCRIPTOR_REVISION)
        return RegpFailError(ERROR_UNKNOWN_REVISION);
    *control = a->Control;
    return TRUE;
}

KBAPI BOOL WINAPI SetSecurityDescriptorControl(PSECURITY_DESCRIPTOR sd, SECURITY_DESCRIPTOR_CONTROL mask,
                                                SECURITY_DESCRIPTOR_CONTROL bits)
{
    /* Only the inheritance, protection, untrusted and server-security bits can be set this way. */
    const SECURITY_DESCRIPTOR_CONTROL settable = SE_DACL_AUTO_INHERIT_REQ | SE_SACL_AUTO_INHERIT_REQ |
        SE_DACL_AUTO_INHERITED | SE_SACL_AUTO_INHERITED | SE_DACL_PROTECTED | SE_SACL_PROTECTED |
        0x0040 /* SE_DACL_UNTRUSTED */ | 0x0080 /* SE_SERVER_SECURITY */;
    SECURITY_DESCRIPTOR *a = sd;
    if (a->Revision != SECURITY_DESCRIPTOR_REVISION)
        return RegpFailError(ERROR_UNKNOWN_REVISION);
    if ((mask | bits) & ~settable)
        return RegpFailError(ERROR_INVALID_PARAMETER);
    a->Control = (SECURITY_DESCRIPTOR_CONTROL)((a->Control & ~mask) | (bits & mask));
    return TRUE;
}

/* Get/SetSecurityDescriptorDacl and Sacl: present flag, the ACL, the defaulted flag. */
static BOOL SdGetAcl(PSECURITY_DESCRIPTOR sd, int which, WORD present_bit, WORD defaulted_bit, LPBOOL present,
                     PACL *acl, LPBOOL defaulted)
{
    SECURITY_DESCRIPTOR *a = sd;
    if (a->Revision != SECURITY_DESCRIPTOR_REVISION)
        return RegpFailError(ERROR_UNKNOWN_REVISION);
    *present = !!(a->Control & present_bit);
    if (*present) {
        *acl = SdPart(sd, which);
        *defaulted = !!(a->Control & defaulted_bit);
    }
    return TRUE;
}

static BOOL SdSetAcl(PSECURITY_DESCRIPTOR sd, int which, WORD present_bit, WORD defaulted_bit, BOOL present,
                     PACL acl, BOOL defaulted)
{
    SECURITY_DESCRIPTOR *a = sd;
    if (!SdWritable(sd))
        return FALSE;
    a->Control &= (WORD)~(present_bit | defaulted_bit);
    PACL *slot = which == PART_DACL ? &a->Dacl : &a->Sacl;
    *slot = NULL;
    if (!present)
        return TRUE;
    a->Control |= present_bit;
    *slot = acl;
    if (defaulted)
        a->Control |= defaulted_bit;
    return TRUE;
}

KBAPI BOOL WINAPI GetSecurityDescriptorDacl(PSECURITY_DESCRIPTOR sd, LPBOOL present, PACL *dacl, LPBOOL defaulted)
{
    return SdGetAcl(sd, PART_DACL, SE_DACL_PRESENT, SE_DACL_DEFAULTED, present, dacl, defaulted);
}

KBAPI BOOL WINAPI GetSecurityDescriptorSacl(PSECURITY_DESCRIPTOR sd, LPBOOL present, PACL *sacl, LPBOOL defaulted)
{
    return SdGetAcl(sd, PART_SACL, SE_SACL_PRESENT, SE_SACL_DEFAULTED, present, sacl, defaulted);
}

KBAPI BOOL WINAPI SetSecurityDescriptorDacl(PSECURITY_DESCRIPTOR sd, BOOL present, PACL dacl, BOOL defaulted)
{
    return SdSetAcl(sd, PART_DACL, SE_DACL_PRESENT, SE_DACL_DEFAULTED, present, dacl, defaulted);
}

KBAPI BOOL WINAPI SetSecurityDescriptorSacl(PSECURITY_DESCRIPTOR sd, BOOL present, PACL sacl, BOOL defaulted)
{
    return SdSetAcl(sd, PART_SACL, SE_SACL_PRESENT, SE_SACL_DEFAULTED, present, sacl, defaulted);
}

/* Get/SetSecurityDescriptorOwner and Group. */
static BOOL SdGetSid(PSECURITY_DESCRIPTOR sd, int which, WORD defaulted_bit, PSID *sid, LPBOOL defaulted)
{
    SECURITY_DESCRIPTOR *a = sd;
    if (a->Revision != SECURITY_DESCRIPTOR_REVISION)
        return RegpFailError(ERROR_UNKNOWN_REVISION);
    *sid = SdPart(sd, which);
    *defaulted = !!(a->Control & defaulted_bit);
    return TRUE;
}

static BOOL SdSetSid(PSECURITY_DESCRIPTOR sd, int which, WORD defaulted_bit, PSID sid, BOOL defaulted)
{
    SECURITY_DESCRIPTOR *a = sd;
    if (!SdWritable(sd))
        return FALSE;
    if (which == PART_OWNER)
        a->Owner = sid;
    else
        a->Group = sid;
    a->Control &= (WORD)~defaulted_bit;
    if (defaulted)
        a->Control |= defaulted_bit;
    return TRUE;
}

KBAPI BOOL WINAPI GetSecurityDescriptorOwner(PSECURITY_DESCRIPTOR sd, PSID *owner, LPBOOL defaulted)
{
    return SdGetSid(sd, PART_OWNER, SE_OWNER_DEFAULTED, owner, defaulted);
}

KBAPI BOOL WINAPI GetSecurityDescriptorGroup(PSECURITY_DESCRIPTOR sd, PSID *group, LPBOOL defaulted)
{
    return SdGetSid(sd, PART_GROUP, SE_GROUP_DEFAULTED, group, defaulted);
}

KBAPI BOOL WINAPI SetSecurityDescriptorOwner(PSECURITY_DESCRIPTOR sd, PSID owner, BOOL defaulted)
{
    return SdSetSid(sd, PART_OWNER, SE_OWNER_DEFAULTED, owner, defaulted);
}

KBAPI BOOL WINAPI SetSecurityDescriptorGroup(PSECURITY_DESCRIPTOR sd, PSID group, BOOL defaulted)
{
    return SdSetSid(sd, PART_GROUP, SE_GROUP_DEFAULTED, group, defaulted);
}

/* MakeSelfRelativeSD: the parts copied after the header in the order SACL, DACL, owner, group. */
KBAPI BOOL WINAPI MakeSelfRelativeSD(PSECURITY_DESCRIPTOR absolute, PSECURITY_DESCRIPTOR relative, LPDWORD length)
{
    SECURITY_DESCRIPTOR *a = absolute;
    if (a->Revision != SECURITY_DESCRIPTOR_REVISION)
        return RegpFailError(ERROR_UNKNOWN_REVISION);
    if (SdRelative(absolute))
        return RegpFailError(ERROR_BAD_DESCRIPTOR_FORMAT);
    DWORD needed = GetSecurityDescriptorLength(absolute);
    if (*length < needed) {
        *length = needed;
        return RegpFailError(ERROR_INSUFFICIENT_BUFFER);
    }
    SECURITY_DESCRIPTOR_RELATIVE *r = relative;
    BYTE *base = relative;
    memset(r, 0, sizeof(*r));
    r->Revision = a->Revision;
    r->Control = a->Control | SE_SELF_RELATIVE;
    DWORD at = sizeof(*r);
    struct { const void *part; DWORD size; DWORD *offset; } parts[4] = {
        {a->Control & SE_SACL_PRESENT ? a->Sacl : NULL, a->Sacl ? a->Sacl->AclSize : 0, &r->Sacl},
        {a->Control & SE_DACL_PRESENT ? a->Dacl : NULL, a->Dacl ? a->Dacl->AclSize : 0, &r->Dacl},
        {a->Owner, a->Owner ? GetLengthSid(a->Owner) : 0, &r->Owner},
        {a->Group, a->Group ? GetLengthSid(a->Group) : 0, &r->Group},
    };
    for (int i = 0; i < 4; i++) {
        if (!parts[i].part)
            continue;
        memcpy(base + at, parts[i].part, parts[i].size);
        memset(base + at + parts[i].size, 0, SdAlign(parts[i].size) - parts[i].size);
        *parts[i].offset = at;
        at += SdAlign(parts[i].size);
    }
    return TRUE;
}

/* MakeAbsoluteSD: every buffer checked first; when one is short, all the sizes come back. */
KBAPI BOOL WINAPI MakeAbsoluteSD(PSECURITY_DESCRIPTOR relative, PSECURITY_DESCRIPTOR absolute, LPDWORD absolute_size,
                                  PACL dacl, LPDWORD dacl_size, PACL sacl, LPDWORD sacl_size, PSID owner,
                                  LPDWORD owner_size, PSID group, LPDWORD group_size)
{
    SECURITY_DESCRIPTOR_RELATIVE *r = relative;
    if (r->Revision != SECURITY_DESCRIPTOR_REVISION)
        return RegpFailError(ERROR_UNKNOWN_REVISION);
    if (!SdRelative(relative))
        return RegpFailError(ERROR_BAD_DESCRIPTOR_FORMAT);
    PACL rdacl = r->Control & SE_DACL_PRESENT ? SdPart(relative, PART_DACL) : NULL;
    PACL rsacl = r->Control & SE_SACL_PRESENT ? SdPart(relative, PART_SACL) : NULL;
    PSID rowner = SdPart(relative, PART_OWNER), rgroup = SdPart(relative, PART_GROUP);
    DWORD need[5] = {sizeof(SECURITY_DESCRIPTOR), rdacl ? rdacl->AclSize : 0, rsacl ? rsacl->AclSize : 0,
                     rowner ? GetLengthSid(rowner) : 0, rgroup ? GetLengthSid(rgroup) : 0};
    LPDWORD have[5] = {absolute_size, dacl_size, sacl_size, owner_size, group_size};
    BOOL short_buffer = FALSE;
    for (int i = 0; i < 5; i++)
        short_buffer |= *have[i] < need[i];
    if (short_buffer) {
        for (int i = 0; i < 5; i++)
            *have[i] = need[i];
        return RegpFailError(ERROR_INSUFFICIENT_BUFFER);
    }
    SECURITY_DESCRIPTOR *a = absolute;
    memset(a, 0, sizeof(*a));
    a->Revision = r->Revision;
    a->Control = r->Control & (WORD)~SE_SELF_RELATIVE;
    if (rdacl)
        a->Dacl = memcpy(dacl, rdacl, need[1]);
    if (rsacl)
        a->Sacl = memcpy(sacl, rsacl, need[2]);
    if (rowner)
        a->Owner = memcpy(owner, rowner, need[3]);
    if (rgroup)
        a->Group = memcpy(group, rgroup, need[4]);
    for (int i = 0; i < 5; i++)
        *have[i] = need[i];
    return TRUE;
}
