/* Security descriptor strings (SDDL) through advapi32: a string into a self-relative descriptor
 * (its bytes printed), read back through the security-base calls, formatted back to a string for
 * several SECURITY_INFORMATION masks, and the documented error codes. Exit code: failed checks. */
#include "../k32.h"
#include <sddl.h>

static int Same(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

static void PrintHex(const BYTE *p, DWORD n)
{
    for (DWORD i = 0; i < n; i++) {
        char s[3] = {"0123456789abcdef"[p[i] >> 4], "0123456789abcdef"[p[i] & 15], 0};
        Print(s);
    }
    Print("\n");
}

static void RoundTrip(const char *label, const char *in, SECURITY_INFORMATION info, const char *want)
{
    PSECURITY_DESCRIPTOR sd;
    char *text = NULL;
    ULONG size, length;
    BOOL ok = ConvertStringSecurityDescriptorToSecurityDescriptorA(in, SDDL_REVISION_1, &sd, &size) &&
              ConvertSecurityDescriptorToStringSecurityDescriptorA(sd, SDDL_REVISION_1, info, &text, &length);
    Check(ok && Same(text, want) && length == (ULONG)Len(want) + 1, label);
    if (text && !Same(text, want)) {
        Print("     got ");
        Print(text);
        Print("\n");
    }
    LocalFree(text);
    if (ok)
        LocalFree(sd);
}

void Entry(void)
{
    const char *full = "O:BAG:SYD:PAI(A;OICI;FA;;;BA)(A;;0x1200a9;;;WD)(D;CIIO;GW;;;AN)S:(ML;;NW;;;LW)";
    PSECURITY_DESCRIPTOR sd;
    ULONG size = 0;
    Check(ConvertStringSecurityDescriptorToSecurityDescriptorA(full, SDDL_REVISION_1, &sd, &size),
          "ConvertStringSecurityDescriptorToSecurityDescriptorA");
    Check(size == GetSecurityDescriptorLength(sd) && IsValidSecurityDescriptor(sd), "a valid descriptor of that size");
    Print("bytes: ");
    PrintHex(sd, size);
    SECURITY_DESCRIPTOR_CONTROL control;
    DWORD revision;
    GetSecurityDescriptorControl(sd, &control, &revision);
    Check(control == (SE_SELF_RELATIVE | SE_DACL_PRESENT | SE_SACL_PRESENT | SE_DACL_PROTECTED | SE_DACL_AUTO_INHERITED),
          "the control bits");
    PSID owner;
    BOOL defaulted, present;
    PACL dacl;
    SID_IDENTIFIER_AUTHORITY nt = {SECURITY_NT_AUTHORITY};
    PSID admins;
    AllocateAndInitializeSid(&nt, 2, SECURITY_BUILTIN_DOMAIN_RID, DOMAIN_ALIAS_RID_ADMINS, 0, 0, 0, 0, 0, 0, &admins);
    Check(GetSecurityDescriptorOwner(sd, &owner, &defaulted) && EqualSid(owner, admins), "the owner is BA");
    ACCESS_ALLOWED_ACE *ace;
    Check(GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted) && present && dacl->AceCount == 3 &&
          dacl->AclSize == 8 + 24 + 20 + 20 && GetAce(dacl, 0, (void **)&ace) && ace->Mask == FILE_ALL_ACCESS &&
          ace->Header.AceFlags == (OBJECT_INHERIT_ACE | CONTAINER_INHERIT_ACE), "the DACL, exactly sized");
    Check(GetAce(dacl, 2, (void **)&ace) && ace->Header.AceType == ACCESS_DENIED_ACE_TYPE &&
          ace->Mask == GENERIC_WRITE && ace->Header.AceFlags == (CONTAINER_INHERIT_ACE | INHERIT_ONLY_ACE),
          "the denied ACE");
    LocalFree(sd);

    RoundTrip("round trip of every part", full,
              OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION |
              SACL_SECURITY_INFORMATION, full);
    RoundTrip("only the DACL", full, DACL_SECURITY_INFORMATION, "D:PAI(A;OICI;FA;;;BA)(A;;0x1200a9;;;WD)(D;CIIO;GW;;;AN)");
    RoundTrip("the owner and the label", full, OWNER_SECURITY_INFORMATION | LABEL_SECURITY_INFORMATION, "O:BAS:(ML;;NW;;;LW)");
    RoundTrip("generic rights and a domain SID", "D:(A;;GRGWGX;;;S-1-5-21-1-2-3-1000)(A;;KR;;;AU)", DACL_SECURITY_INFORMATION,
              "D:(A;;GRGWGX;;;S-1-5-21-1-2-3-1000)(A;;KR;;;AU)");
    RoundTrip("KX writes as KR, a decimal mask as GA", "D:(A;;KX;;;SY)(A;;268435456;;;BU)", DACL_SECURITY_INFORMATION, "D:(A;;KR;;;SY)(A;;GA;;;BU)");
    RoundTrip("a NULL DACL", "D:NO_ACCESS_CONTROL", DACL_SECURITY_INFORMATION, "D:NO_ACCESS_CONTROL");
    RoundTrip("an empty string", "", DACL_SECURITY_INFORMATION | OWNER_SECURITY_INFORMATION, "");

    CheckError(!ConvertStringSecurityDescriptorToSecurityDescriptorA("D:(A;;FA;;;BA)", 2, &sd, &size),
               ERROR_UNKNOWN_REVISION, "revision 2: ERROR_UNKNOWN_REVISION");
    CheckError(!ConvertStringSecurityDescriptorToSecurityDescriptorA(NULL, SDDL_REVISION_1, &sd, &size),
               ERROR_INVALID_PARAMETER, "no string: ERROR_INVALID_PARAMETER");
    CheckError(!ConvertStringSecurityDescriptorToSecurityDescriptorA("D:(A;;ROB;;;WD)", SDDL_REVISION_1, &sd, &size),
               ERROR_INVALID_ACL, "bad rights: ERROR_INVALID_ACL");
    CheckError(!ConvertStringSecurityDescriptorToSecurityDescriptorA("D:(A;;GA;;;S-1-0-0-?)", SDDL_REVISION_1, &sd,
                                                                    &size), ERROR_INVALID_ACL,
               "a bad ACE SID: ERROR_INVALID_ACL");
    CheckError(!ConvertStringSecurityDescriptorToSecurityDescriptorA("O:XYG:SY", SDDL_REVISION_1, &sd, &size),
               ERROR_INVALID_SID, "a bad owner: ERROR_INVALID_SID");
    ExitProcess(failures);
}
