/* Impersonation and access checks: duplicated tokens and their types and levels, a thread that
 * impersonates and reverts, AccessCheck of descriptors against an impersonation token, and
 * PrivilegeCheck, each printed with what it returned. */
#include <windows.h>
#include <sddl.h>
#include <stdio.h>

static DWORD TokenDword(HANDLE t, TOKEN_INFORMATION_CLASS c, BOOL *ok)
{
    DWORD v = 0xFFFFFFFF, got;
    SetLastError(0);
    *ok = GetTokenInformation(t, c, &v, sizeof(v), &got);
    return v;
}

static void Check(HANDLE token, const char *sddl, DWORD desired, const char *what)
{
    PSECURITY_DESCRIPTOR sd = NULL;
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorA(sddl, SDDL_REVISION_1, &sd, NULL)) {
        printf("%s: sddl failed %lu\n", what, GetLastError());
        return;
    }
    GENERIC_MAPPING map = {FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_GENERIC_EXECUTE, FILE_ALL_ACCESS};
    PRIVILEGE_SET ps;
    DWORD pslen = sizeof(ps), granted = 0xdead;
    BOOL status = 99;
    MapGenericMask(&desired, &map);
    SetLastError(0);
    BOOL ok = AccessCheck(sd, token, desired, &map, &ps, &pslen, &granted, &status);
    DWORD err = GetLastError();
    printf("%s: ok %d status %d granted %06lx error %lu\n", what, ok, status, status ? granted : 0, err);
    LocalFree(sd);
}

int main(void)
{
    HANDLE primary, imp, prim2, cur;
    BOOL ok;
    OpenProcessToken(GetCurrentProcess(), TOKEN_ALL_ACCESS, &primary);
    printf("process token type %lu\n", TokenDword(primary, TokenType, &ok));
    TokenDword(primary, TokenImpersonationLevel, &ok);
    printf("level of a primary token: ok %d error %lu\n", ok, GetLastError());

    ok = DuplicateToken(primary, SecurityIdentification, &imp);
    printf("DuplicateToken %d type %lu", ok, TokenDword(imp, TokenType, &ok));
    printf(" level %lu\n", TokenDword(imp, TokenImpersonationLevel, &ok));
    SetLastError(0);
    ok = DuplicateTokenEx(imp, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation, TokenPrimary, &prim2);
    printf("DuplicateToken's copy lacks TOKEN_DUPLICATE: %d error %lu\n", ok, GetLastError());
    HANDLE ident;
    DuplicateTokenEx(primary, TOKEN_ALL_ACCESS, NULL, SecurityIdentification, TokenImpersonation, &ident);
    SetLastError(0);
    ok = DuplicateTokenEx(ident, TOKEN_ALL_ACCESS, NULL, SecurityImpersonation, TokenPrimary, &prim2);
    printf("primary from an identification token: %d error %lu\n", ok, GetLastError());
    SetLastError(0);
    ok = DuplicateTokenEx(ident, TOKEN_ALL_ACCESS, NULL, SecurityDelegation, TokenImpersonation, &prim2);
    printf("raising the level: %d error %lu\n", ok, GetLastError());
    ok = DuplicateTokenEx(primary, TOKEN_ALL_ACCESS, NULL, SecurityAnonymous, TokenPrimary, &prim2);
    printf("DuplicateTokenEx primary %d type %lu\n", ok, TokenDword(prim2, TokenType, &ok));
    TOKEN_STATISTICS st;
    DWORD got;
    GetTokenInformation(imp, TokenStatistics, &st, sizeof(st), &got);
    printf("statistics type %d level %d\n", st.TokenType, st.ImpersonationLevel);

    SetLastError(0);
    ok = OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &cur);
    printf("thread token before: %d error %lu\n", ok, GetLastError());
    SetLastError(0);
    ok = SetThreadToken(NULL, primary);
    printf("SetThreadToken with a primary token: %d error %lu\n", ok, GetLastError());
    HANDLE imp_q;
    DuplicateTokenEx(primary, TOKEN_QUERY, NULL, SecurityImpersonation, TokenImpersonation, &imp_q);
    SetLastError(0);
    ok = SetThreadToken(NULL, imp_q);
    printf("SetThreadToken without TOKEN_IMPERSONATE: %d error %lu\n", ok, GetLastError());

    ok = ImpersonateSelf(SecurityImpersonation);
    printf("ImpersonateSelf %d\n", ok);
    ok = OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &cur);
    printf("thread token now: %d type %lu", ok, TokenDword(cur, TokenType, &ok));
    printf(" level %lu\n", TokenDword(cur, TokenImpersonationLevel, &ok));
    CloseHandle(cur);
    ok = RevertToSelf();
    SetLastError(0);
    BOOL ok2 = OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &cur);
    printf("RevertToSelf %d, thread token after: %d error %lu\n", ok, ok2, GetLastError());
    ok = ImpersonateLoggedOnUser(primary);
    ok2 = OpenThreadToken(GetCurrentThread(), TOKEN_QUERY, TRUE, &cur);
    printf("ImpersonateLoggedOnUser %d thread token %d level %lu\n", ok, ok2, TokenDword(cur, TokenImpersonationLevel, &ok));
    CloseHandle(cur);
    RevertToSelf();

    /* AccessCheck wants an impersonation token. */
    Check(primary, "O:BAG:BAD:(A;;GA;;;WD)", GENERIC_READ, "primary token");
    Check(imp, "O:BAG:BAD:(A;;GR;;;WD)", GENERIC_READ, "read allowed to Everyone");
    Check(imp, "O:BAG:BAD:(A;;GR;;;WD)", GENERIC_WRITE, "write asked, read allowed");
    Check(imp, "O:BAG:BAD:(D;;GW;;;WD)(A;;GA;;;WD)", GENERIC_WRITE, "deny first");
    Check(imp, "O:BAG:BAD:(A;;GA;;;WD)(D;;GW;;;WD)", GENERIC_WRITE, "allow first");
    Check(imp, "O:BAG:BAD:(A;;GR;;;WD)", MAXIMUM_ALLOWED, "maximum allowed");
    Check(imp, "O:BAG:BAD:", GENERIC_READ, "empty DACL");
    Check(imp, "O:BAG:BA", GENERIC_READ | WRITE_DAC, "no DACL");
    Check(imp, "O:BAG:BAD:(A;;GA;;;BA)", GENERIC_READ, "administrators only");
    Check(imp, "O:BAG:BAD:(A;IO;GA;;;WD)", GENERIC_READ, "inherit-only ACE");
    Check(imp, "O:BAG:BAD:(A;;GR;;;AU)(A;;FX;;;BU)", FILE_GENERIC_READ | FILE_EXECUTE, "two groups");
    Check(imp, "O:BAG:BAD:(A;;GA;;;WD)", ACCESS_SYSTEM_SECURITY, "SACL access");

    struct { DWORD count, control; LUID_AND_ATTRIBUTES p[2]; } set = {2, PRIVILEGE_SET_ALL_NECESSARY};
    LookupPrivilegeValueA(NULL, "SeChangeNotifyPrivilege", &set.p[0].Luid);
    LookupPrivilegeValueA(NULL, "SeShutdownPrivilege", &set.p[1].Luid);
    BOOL result = 99;
    ok = PrivilegeCheck(imp, (PPRIVILEGE_SET)&set, &result);
    printf("PrivilegeCheck all: %d result %d used %08lx %08lx\n", ok, result, set.p[0].Attributes, set.p[1].Attributes);
    set.control = 0;
    set.p[0].Attributes = set.p[1].Attributes = 0;
    ok = PrivilegeCheck(imp, (PPRIVILEGE_SET)&set, &result);
    printf("PrivilegeCheck any: %d result %d\n", ok, result);
    SetLastError(0);
    ok = PrivilegeCheck(primary, (PPRIVILEGE_SET)&set, &result);
    printf("PrivilegeCheck primary: %d error %lu\n", ok, GetLastError());

    LUID a, b;
    AllocateLocallyUniqueId(&a);
    AllocateLocallyUniqueId(&b);
    printf("LUIDs differ %d\n", a.LowPart != b.LowPart || a.HighPart != b.HighPart);
    printf("AreAll %d %d AreAny %d %d\n", AreAllAccessesGranted(0x7, 0x3), AreAllAccessesGranted(0x3, 0x7),
           AreAnyAccessesGranted(0x1, 0x3), AreAnyAccessesGranted(0x4, 0x3));
    return 0;
}
