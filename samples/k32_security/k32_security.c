/* Family 9, an object's security descriptor: a new event's default one (owner = the token's user,
 * group = its primary group, DACL = its default DACL with the rights mapped to the event's), the
 * buffer-too-small contract, READ_CONTROL / WRITE_DAC on the handle, a DACL replaced and read back,
 * an owner that is not the caller refused, GetSecurityInfo / SetSecurityInfo, and a file's
 * descriptor (GetFileSecurityW, GetNamedSecurityInfoW), which says the user may write it. */
#include "../k32.h"
#include <aclapi.h>

static BOOL SameSid(PSID a, PSID b) { return a && b && EqualSid(a, b); }

void Entry(void)
{
    HANDLE process_token;
    BYTE user_buffer[128], group_buffer[128];
    DWORD got;
    OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &process_token);
    GetTokenInformation(process_token, TokenUser, user_buffer, sizeof(user_buffer), &got);
    GetTokenInformation(process_token, TokenPrimaryGroup, group_buffer, sizeof(group_buffer), &got);
    PSID user = ((TOKEN_USER *)user_buffer)->User.Sid, group = ((TOKEN_PRIMARY_GROUP *)group_buffer)->PrimaryGroup;

    /* A new event's descriptor. */
    HANDLE ev = CreateEventA(NULL, TRUE, FALSE, NULL);
    DWORD needed = 0;
    SECURITY_INFORMATION all = OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION;
    CheckError(!GetKernelObjectSecurity(ev, all, NULL, 0, &needed) && needed > 20, ERROR_INSUFFICIENT_BUFFER,
               "GetKernelObjectSecurity(no buffer) -> ERROR_INSUFFICIENT_BUFFER with the size");
    BYTE sd[512];
    Check(GetKernelObjectSecurity(ev, all, sd, sizeof(sd), &needed) && IsValidSecurityDescriptor(sd) &&
          GetSecurityDescriptorLength(sd) == needed, "GetKernelObjectSecurity: a valid self-relative descriptor");
    PSID owner = NULL, sd_group = NULL;
    PACL dacl = NULL;
    BOOL present = FALSE, defaulted;
    GetSecurityDescriptorOwner(sd, &owner, &defaulted);
    GetSecurityDescriptorGroup(sd, &sd_group, &defaulted);
    GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted);
    Check(SameSid(owner, user), "owner: the token's user");
    Check(SameSid(sd_group, group), "group: the token's primary group");
    ACCESS_ALLOWED_ACE *ace = NULL;
    Check(present && dacl && dacl->AceCount == 2 && GetAce(dacl, 0, (void **)&ace) && ace->Mask == EVENT_ALL_ACCESS &&
          SameSid((PSID)&ace->SidStart, user), "DACL: the default DACL, GENERIC_ALL mapped to EVENT_ALL_ACCESS");
    Check(GetKernelObjectSecurity(ev, OWNER_SECURITY_INFORMATION, sd, sizeof(sd), &needed) &&
          GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted) && !present, "only the parts asked for");

    /* Access on the handle. */
    HANDLE weak;
    DuplicateHandle(GetCurrentProcess(), ev, GetCurrentProcess(), &weak, SYNCHRONIZE, FALSE, 0);
    CheckError(!GetKernelObjectSecurity(weak, DACL_SECURITY_INFORMATION, sd, sizeof(sd), &needed), ERROR_ACCESS_DENIED,
               "no READ_CONTROL -> ERROR_ACCESS_DENIED");

    /* A new DACL: the user may only wait on it. */
    BYTE acl_buffer[128];
    PACL mine = (PACL)acl_buffer;
    InitializeAcl(mine, sizeof(acl_buffer), ACL_REVISION);
    AddAccessAllowedAce(mine, ACL_REVISION, SYNCHRONIZE, user);
    SECURITY_DESCRIPTOR absolute;
    InitializeSecurityDescriptor(&absolute, SECURITY_DESCRIPTOR_REVISION);
    SetSecurityDescriptorDacl(&absolute, TRUE, mine, FALSE);
    CheckError(!SetKernelObjectSecurity(weak, DACL_SECURITY_INFORMATION, &absolute), ERROR_ACCESS_DENIED,
               "no WRITE_DAC -> ERROR_ACCESS_DENIED");
    Check(SetKernelObjectSecurity(ev, DACL_SECURITY_INFORMATION, &absolute), "SetKernelObjectSecurity(DACL)");
    GetKernelObjectSecurity(ev, DACL_SECURITY_INFORMATION, sd, sizeof(sd), &needed);
    GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted);
    Check(present && dacl && dacl->AceCount == 1 && GetAce(dacl, 0, (void **)&ace) && ace->Mask == SYNCHRONIZE,
          "the new DACL reads back");

    /* An owner that is not the caller. */
    BYTE system_sid[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof(system_sid);
    CreateWellKnownSid(WinLocalSystemSid, NULL, system_sid, &size);
    SetSecurityDescriptorOwner(&absolute, system_sid, FALSE);
    CheckError(!SetKernelObjectSecurity(ev, OWNER_SECURITY_INFORMATION, &absolute), ERROR_INVALID_OWNER,
               "SYSTEM as owner -> ERROR_INVALID_OWNER");

    /* GetSecurityInfo / SetSecurityInfo. */
    PSECURITY_DESCRIPTOR block = NULL;
    owner = NULL;
    DWORD error = GetSecurityInfo(ev, SE_KERNEL_OBJECT, OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, &owner,
                                  NULL, &dacl, NULL, &block);
    Check(error == ERROR_SUCCESS && SameSid(owner, user) && dacl && dacl->AceCount == 1 && block,
          "GetSecurityInfo: pointers into one LocalAlloc block");
    LocalFree(block);
    Check(GetSecurityInfo(ev, SE_KERNEL_OBJECT, OWNER_SECURITY_INFORMATION, &owner, NULL, NULL, NULL, NULL) ==
          ERROR_INVALID_PARAMETER, "GetSecurityInfo without ppSecurityDescriptor -> ERROR_INVALID_PARAMETER");
    Check(SetSecurityInfo(ev, SE_KERNEL_OBJECT, DACL_SECURITY_INFORMATION, NULL, NULL, NULL, NULL) == ERROR_SUCCESS &&
          GetSecurityInfo(ev, SE_KERNEL_OBJECT, DACL_SECURITY_INFORMATION, NULL, NULL, &dacl, NULL, &block) ==
          ERROR_SUCCESS && dacl == NULL, "SetSecurityInfo(NULL DACL): a NULL DACL reads back");
    LocalFree(block);

    /* A file: writable on the host, so the user has FILE_ALL_ACCESS; in a run with every mount
     * read-only (--read-only) the file cannot be made, and the image itself gives read and execute. */
    HANDLE f = CreateFileA("k32_security.tmp", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    if (f != INVALID_HANDLE_VALUE) {
        CloseHandle(f);
        Check(GetFileSecurityW(L"k32_security.tmp", all, sd, sizeof(sd), &needed) && GetSecurityDescriptorDacl(sd, &present,
              &dacl, &defaulted) && present && dacl && GetAce(dacl, 0, (void **)&ace) && ace->Mask == FILE_ALL_ACCESS &&
              SameSid((PSID)&ace->SidStart, user), "GetFileSecurityW: the user may do anything with a writable file");
        owner = NULL;
        Check(GetNamedSecurityInfoW(L"k32_security.tmp", SE_FILE_OBJECT, OWNER_SECURITY_INFORMATION, &owner, NULL, NULL,
                                    NULL, &block) == ERROR_SUCCESS && SameSid(owner, user), "GetNamedSecurityInfoW(file): its owner");
        LocalFree(block);
        DeleteFileA("k32_security.tmp");
    } else {
        WCHAR image[MAX_PATH];
        GetModuleFileNameW(NULL, image, MAX_PATH);
        Check(GetFileSecurityW(image, DACL_SECURITY_INFORMATION, sd, sizeof(sd), &needed) &&
              GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted) && present && dacl &&
              GetAce(dacl, 0, (void **)&ace) && ace->Mask == (FILE_GENERIC_READ | FILE_GENERIC_EXECUTE),
              "read-only: the user may read and execute the image, not write it");
    }
    CheckError(!GetFileSecurityW(L"no such file", all, sd, sizeof(sd), &needed), ERROR_FILE_NOT_FOUND,
               "GetFileSecurityW(missing) -> ERROR_FILE_NOT_FOUND");
    ExitProcess(failures);
}
