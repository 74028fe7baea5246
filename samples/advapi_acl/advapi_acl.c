/* Security descriptors and ACLs through advapi32 (forwarded to kernelbase): building an ACL ACE by
 * ACE, reading it back, the self-relative form and back, and the documented error codes. Prints
 * the self-relative bytes. Exit code: failed checks. */
#include "../k32.h"
#include <aclapi.h>

static void PrintHex(const BYTE *p, DWORD n)
{
    for (DWORD i = 0; i < n; i++) {
        char s[3] = {"0123456789abcdef"[p[i] >> 4], "0123456789abcdef"[p[i] & 15], 0};
        Print(s);
    }
    Print("\n");
}

void Entry(void)
{
    SID_IDENTIFIER_AUTHORITY nt = {SECURITY_NT_AUTHORITY}, world = {SECURITY_WORLD_SID_AUTHORITY};
    PSID admins, system, everyone;
    AllocateAndInitializeSid(&nt, 2, SECURITY_BUILTIN_DOMAIN_RID, DOMAIN_ALIAS_RID_ADMINS, 0, 0, 0, 0, 0, 0, &admins);
    AllocateAndInitializeSid(&nt, 1, SECURITY_LOCAL_SYSTEM_RID, 0, 0, 0, 0, 0, 0, 0, &system);
    AllocateAndInitializeSid(&world, 1, SECURITY_WORLD_RID, 0, 0, 0, 0, 0, 0, 0, &everyone);

    /* ACLs */
    union { ACL acl; BYTE raw[256]; } dacl;
    CheckError(!InitializeAcl(&dacl.acl, 4, ACL_REVISION), ERROR_INSUFFICIENT_BUFFER,
               "InitializeAcl too small: ERROR_INSUFFICIENT_BUFFER");
    CheckError(!InitializeAcl(&dacl.acl, sizeof(dacl), 7), ERROR_INVALID_PARAMETER,
               "InitializeAcl revision 7: ERROR_INVALID_PARAMETER");
    Check(InitializeAcl(&dacl.acl, 99, ACL_REVISION) && dacl.acl.AclSize == 96 && dacl.acl.AceCount == 0,
          "InitializeAcl rounds the size down to a DWORD");
    Check(IsValidAcl(&dacl.acl), "IsValidAcl of an empty ACL");
    Check(AddAccessAllowedAce(&dacl.acl, ACL_REVISION, GENERIC_ALL, admins), "AddAccessAllowedAce");
    Check(AddAccessDeniedAceEx(&dacl.acl, ACL_REVISION, OBJECT_INHERIT_ACE, FILE_WRITE_DATA, everyone),
          "AddAccessDeniedAceEx");
    CheckError(!AddAccessAllowedAceEx(&dacl.acl, ACL_REVISION, 0x80, FILE_READ_DATA, everyone), ERROR_INVALID_FLAGS,
               "AddAccessAllowedAceEx bad flags: ERROR_INVALID_FLAGS");
    BYTE bad_sid[8] = {9, 1};
    CheckError(!AddAccessAllowedAce(&dacl.acl, ACL_REVISION, 1, bad_sid), ERROR_INVALID_SID,
               "AddAccessAllowedAce bad SID: ERROR_INVALID_SID");
    ACL_SIZE_INFORMATION size;
    Check(GetAclInformation(&dacl.acl, &size, sizeof(size), AclSizeInformation) && size.AceCount == 2 &&
          size.AclBytesInUse == 8 + 24 + 20 && size.AclBytesFree == 96 - 52, "GetAclInformation sizes");
    CheckError(!GetAclInformation(&dacl.acl, &size, 4, AclSizeInformation), ERROR_INSUFFICIENT_BUFFER,
               "GetAclInformation short: ERROR_INSUFFICIENT_BUFFER");
    ACCESS_ALLOWED_ACE *ace;
    Check(GetAce(&dacl.acl, 1, (void **)&ace) && ace->Header.AceType == ACCESS_DENIED_ACE_TYPE &&
          ace->Header.AceFlags == OBJECT_INHERIT_ACE && ace->Header.AceSize == 20 && ace->Mask == FILE_WRITE_DATA &&
          EqualSid(&ace->SidStart, everyone), "GetAce reads the denied ACE back");
    CheckError(!GetAce(&dacl.acl, 2, (void **)&ace), ERROR_INVALID_PARAMETER, "GetAce past the end: ERROR_INVALID_PARAMETER");

    /* AddAce inserts a copy of the first ACE at the front; DeleteAce removes it again. */
    BYTE copy[64];
    GetAce(&dacl.acl, 0, (void **)&ace);
    memcpy(copy, ace, ace->Header.AceSize);
    ((ACCESS_ALLOWED_ACE *)copy)->Mask = GENERIC_READ;
    Check(AddAce(&dacl.acl, ACL_REVISION, 0, copy, ((ACE_HEADER *)copy)->AceSize) && dacl.acl.AceCount == 3,
          "AddAce at index 0");
    Check(GetAce(&dacl.acl, 0, (void **)&ace) && ace->Mask == GENERIC_READ, "the inserted ACE comes first");
    Check(DeleteAce(&dacl.acl, 0) && dacl.acl.AceCount == 2 && GetAce(&dacl.acl, 0, (void **)&ace) &&
          ace->Mask == GENERIC_ALL, "DeleteAce");
    union { ACL acl; BYTE raw[16]; } tiny;
    InitializeAcl(&tiny.acl, sizeof(tiny), ACL_REVISION);
    CheckError(!AddAccessAllowedAce(&tiny.acl, ACL_REVISION, 1, admins), ERROR_ALLOTTED_SPACE_EXCEEDED,
               "no room: ERROR_ALLOTTED_SPACE_EXCEEDED");
    Check(AddAccessAllowedAce(&tiny.acl, ACL_REVISION_DS, 1, NULL) == FALSE, "a NULL SID is refused");

    /* Security descriptors */
    SECURITY_DESCRIPTOR sd;
    CheckError(!InitializeSecurityDescriptor(&sd, 2), ERROR_UNKNOWN_REVISION,
               "InitializeSecurityDescriptor revision 2: ERROR_UNKNOWN_REVISION");
    Check(InitializeSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION) && IsValidSecurityDescriptor(&sd),
          "InitializeSecurityDescriptor");
    Check(GetSecurityDescriptorLength(&sd) == 20, "an empty descriptor's length is the self-relative header");
    Check(SetSecurityDescriptorOwner(&sd, admins, FALSE) && SetSecurityDescriptorGroup(&sd, system, TRUE) &&
          SetSecurityDescriptorDacl(&sd, TRUE, &dacl.acl, FALSE), "SetSecurityDescriptorOwner, Group, Dacl");
    Check(SetSecurityDescriptorControl(&sd, SE_DACL_PROTECTED, SE_DACL_PROTECTED), "SetSecurityDescriptorControl");
    CheckError(!SetSecurityDescriptorControl(&sd, SE_OWNER_DEFAULTED, 0), ERROR_INVALID_PARAMETER,
               "SetSecurityDescriptorControl of a fixed bit: ERROR_INVALID_PARAMETER");
    SECURITY_DESCRIPTOR_CONTROL control;
    DWORD revision;
    Check(GetSecurityDescriptorControl(&sd, &control, &revision) && revision == 1 &&
          control == (SE_DACL_PROTECTED | SE_DACL_PRESENT | SE_GROUP_DEFAULTED), "GetSecurityDescriptorControl");
    DWORD length = GetSecurityDescriptorLength(&sd);
    Check(length == 20 + 96 + 16 + 12, "GetSecurityDescriptorLength");
    BYTE relative[256];
    DWORD need = 8;
    CheckError(!MakeSelfRelativeSD(&sd, relative, &need) && need == length, ERROR_INSUFFICIENT_BUFFER,
               "MakeSelfRelativeSD short: ERROR_INSUFFICIENT_BUFFER and the size");
    Check(MakeSelfRelativeSD(&sd, relative, &need), "MakeSelfRelativeSD");
    Print("self-relative: ");
    PrintHex(relative, 20);
    Check(IsValidSecurityDescriptor(relative) && GetSecurityDescriptorLength(relative) == length,
          "the self-relative form is valid, of the same length");
    CheckError(!MakeSelfRelativeSD(relative, relative + 128, &need), ERROR_BAD_DESCRIPTOR_FORMAT,
               "MakeSelfRelativeSD of a self-relative one: ERROR_BAD_DESCRIPTOR_FORMAT");
    CheckError(!SetSecurityDescriptorOwner(relative, system, FALSE), ERROR_INVALID_SECURITY_DESCR,
               "setting a self-relative one: ERROR_INVALID_SECURITY_DESCR");
    PSID owner;
    BOOL present, defaulted;
    PACL got;
    Check(GetSecurityDescriptorOwner(relative, &owner, &defaulted) && EqualSid(owner, admins) && !defaulted,
          "the owner read from the self-relative form");
    Check(GetSecurityDescriptorDacl(relative, &present, &got, &defaulted) && present && got->AceCount == 2,
          "the DACL read from the self-relative form");
    Check(GetSecurityDescriptorSacl(relative, &present, &got, &defaulted) && !present, "no SACL");

    SECURITY_DESCRIPTOR back;
    BYTE acl2[128], sacl2[8], owner2[16], group2[16];
    DWORD sizes[5] = {0, 0, 0, 0, 0};
    CheckError(!MakeAbsoluteSD(relative, &back, &sizes[0], (PACL)acl2, &sizes[1], (PACL)sacl2, &sizes[2], owner2,
                               &sizes[3], group2, &sizes[4]), ERROR_INSUFFICIENT_BUFFER,
               "MakeAbsoluteSD short: ERROR_INSUFFICIENT_BUFFER");
    Check(sizes[0] == sizeof(SECURITY_DESCRIPTOR) && sizes[1] == 96 && sizes[2] == 0 && sizes[3] == 16 && sizes[4] == 12,
          "MakeAbsoluteSD gives every size");
    Check(MakeAbsoluteSD(relative, &back, &sizes[0], (PACL)acl2, &sizes[1], (PACL)sacl2, &sizes[2], owner2,
                         &sizes[3], group2, &sizes[4]) && back.Owner == owner2 && back.Dacl == (PACL)acl2 &&
          !(back.Control & SE_SELF_RELATIVE) && EqualSid(back.Group, system), "MakeAbsoluteSD");
    Check(SetSecurityDescriptorDacl(&back, FALSE, NULL, FALSE) && !(back.Control & SE_DACL_PRESENT),
          "SetSecurityDescriptorDacl not present");

    GENERIC_MAPPING map = {FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_GENERIC_EXECUTE, FILE_ALL_ACCESS};
    DWORD mask = GENERIC_READ | DELETE;
    MapGenericMask(&mask, &map);
    Check(mask == (FILE_GENERIC_READ | DELETE), "MapGenericMask");

    /* Well-known SIDs */
    BYTE made[SECURITY_MAX_SID_SIZE];
    DWORD made_size = 4;
    CheckError(!CreateWellKnownSid(WinBuiltinAdministratorsSid, NULL, made, &made_size) && made_size == 16,
               ERROR_INSUFFICIENT_BUFFER, "CreateWellKnownSid short: ERROR_INSUFFICIENT_BUFFER and the size");
    made_size = sizeof(made);
    Check(CreateWellKnownSid(WinBuiltinAdministratorsSid, NULL, made, &made_size) && made_size == 16 &&
          EqualSid(made, admins), "CreateWellKnownSid(WinBuiltinAdministratorsSid)");
    made_size = sizeof(made);
    Check(CreateWellKnownSid(WinWorldSid, NULL, made, &made_size) && EqualSid(made, everyone) &&
          IsWellKnownSid(everyone, WinWorldSid) && !IsWellKnownSid(everyone, WinLocalSystemSid) &&
          IsWellKnownSid(system, WinLocalSystemSid), "IsWellKnownSid");
    HANDLE token;
    BYTE user[256];
    DWORD got_size;
    OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token);
    GetTokenInformation(token, TokenUser, user, sizeof(user), &got_size);
    PSID user_sid = ((TOKEN_USER *)user)->User.Sid;
    made_size = sizeof(made);
    CheckError(!CreateWellKnownSid(WinAccountAdministratorSid, NULL, made, &made_size), ERROR_INVALID_PARAMETER,
               "an account SID without a domain: ERROR_INVALID_PARAMETER");
    BYTE domain[SECURITY_MAX_SID_SIZE];
    CopySid(sizeof(domain), domain, user_sid);
    (*GetSidSubAuthorityCount(domain))--;
    Check(CreateWellKnownSid(WinAccountAdministratorSid, domain, made, &made_size) && made_size == 28 &&
          *GetSidSubAuthority(made, 4) == DOMAIN_USER_RID_ADMIN && EqualPrefixSid(made, user_sid) &&
          IsWellKnownSid(made, WinAccountAdministratorSid), "CreateWellKnownSid(WinAccountAdministratorSid) in the user's domain");
    CloseHandle(token);

    /* SetEntriesInAcl: a denied entry goes first, GRANT merges into the trustee's allowed ACE */
    EXPLICIT_ACCESSW ea[3];
    BuildExplicitAccessWithNameW(&ea[0], L"CURRENT_USER", FILE_GENERIC_READ, GRANT_ACCESS, NO_INHERITANCE);
    BuildExplicitAccessWithNameW(&ea[1], L"Everyone", FILE_WRITE_DATA, DENY_ACCESS, NO_INHERITANCE);
    ea[2] = ea[0];
    BuildTrusteeWithSidW(&ea[2].Trustee, admins);
    ea[2].grfAccessMode = SET_ACCESS;
    ea[2].grfAccessPermissions = FILE_ALL_ACCESS;
    ea[2].grfInheritance = SUB_CONTAINERS_AND_OBJECTS_INHERIT;
    PACL made_acl = NULL;
    Check(SetEntriesInAclW(3, ea, NULL, &made_acl) == ERROR_SUCCESS && made_acl && made_acl->AceCount == 3,
          "SetEntriesInAclW");
    Check(GetAce(made_acl, 0, (void **)&ace) && ace->Header.AceType == ACCESS_DENIED_ACE_TYPE &&
          EqualSid(&ace->SidStart, everyone), "the denied entry comes first");
    Check(GetAce(made_acl, 1, (void **)&ace) && ace->Mask == FILE_GENERIC_READ && EqualSid(&ace->SidStart, user_sid),
          "then the user's grant");
    EXPLICIT_ACCESSW more;
    BuildExplicitAccessWithNameW(&more, L"CURRENT_USER", FILE_WRITE_DATA, GRANT_ACCESS, NO_INHERITANCE);
    PACL merged_acl = NULL;
    Check(SetEntriesInAclW(1, &more, made_acl, &merged_acl) == ERROR_SUCCESS && merged_acl->AceCount == 3 &&
          GetAce(merged_acl, 1, (void **)&ace) && ace->Mask == (FILE_GENERIC_READ | FILE_WRITE_DATA),
          "GRANT_ACCESS merges into the existing allowed ACE");
    BuildExplicitAccessWithNameW(&more, L"Everyone", 0, REVOKE_ACCESS, NO_INHERITANCE);
    PACL revoked = NULL;
    Check(SetEntriesInAclW(1, &more, merged_acl, &revoked) == ERROR_SUCCESS && revoked->AceCount == 2,
          "REVOKE_ACCESS drops the trustee's ACEs");
    BuildExplicitAccessWithNameW(&more, L"NoSuchAccount", 1, GRANT_ACCESS, NO_INHERITANCE);
    PACL none = NULL;
    Check(SetEntriesInAclW(1, &more, NULL, &none) == ERROR_NONE_MAPPED, "an unknown name: ERROR_NONE_MAPPED");
    ULONG n_entries = 0;
    EXPLICIT_ACCESSW *entries = NULL;
    Check(GetExplicitEntriesFromAclW(revoked, &n_entries, &entries) == ERROR_SUCCESS && n_entries == 2 &&
          entries[0].grfAccessMode == GRANT_ACCESS && entries[0].Trustee.TrusteeForm == TRUSTEE_IS_SID &&
          EqualSid((PSID)entries[0].Trustee.ptstrName, user_sid) &&
          entries[1].grfInheritance == SUB_CONTAINERS_AND_OBJECTS_INHERIT &&
          entries[1].grfAccessPermissions == FILE_ALL_ACCESS, "GetExplicitEntriesFromAclW");
    LocalFree(entries);
    LocalFree(made_acl);
    LocalFree(merged_acl);
    LocalFree(revoked);
    FreeSid(admins);
    FreeSid(system);
    FreeSid(everyone);
    ExitProcess(failures);
}
