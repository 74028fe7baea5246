/* The LAN Manager API of a standalone workstation: workgroup membership, the local accounts and
 * groups, the workstation and server facts, connections and shares, the domain controller
 * lookups, and the documented error codes. Exit code: failed checks. */
#include "../k32.h"
#include <lm.h>
#include <dsgetdc.h>

static int Same(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

static void Expect(NET_API_STATUS got, NET_API_STATUS expected, const char *what)
{
    Check(got == expected, what);
    if (got != expected) {
        Print("     status ");
        PrintNum(got, 0);
        Print("\n");
    }
}

void Entry(void)
{
    LPWSTR name = NULL;
    NETSETUP_JOIN_STATUS join;
    Check(NetGetJoinInformation(NULL, &name, &join) == NERR_Success && join == NetSetupWorkgroupName &&
          Same(name, L"WORKGROUP"), "NetGetJoinInformation: the workgroup WORKGROUP");
    NetApiBufferFree(name);

    USER_INFO_1 *u1 = NULL;
    Check(NetUserGetInfo(NULL, L"user", 1, (LPBYTE *)&u1) == NERR_Success && Same(u1->usri1_name, L"user") &&
          u1->usri1_priv == USER_PRIV_USER && (u1->usri1_flags & UF_NORMAL_ACCOUNT) && u1->usri1_password == NULL,
          "NetUserGetInfo(user, 1): a normal account with user rights, no password");
    NetApiBufferFree(u1);
    USER_INFO_10 *u10 = NULL;
    Check(NetUserGetInfo(L"", L"USER", 10, (LPBYTE *)&u10) == NERR_Success && Same(u10->usri10_name, L"user") &&
          Same(u10->usri10_full_name, L""), "level 10, the name case-insensitive: no full name");
    NetApiBufferFree(u10);
    USER_INFO_23 *u23 = NULL;
    WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD n = MAX_COMPUTERNAME_LENGTH + 1;
    GetComputerNameW(computer, &n);
    WCHAR server[MAX_COMPUTERNAME_LENGTH + 3] = L"\\\\";
    lstrcatW(server, computer);
    Check(NetUserGetInfo(server, L"Administrator", 23, (LPBYTE *)&u23) == NERR_Success &&
          (u23->usri23_flags & UF_ACCOUNTDISABLE) && IsValidSid(u23->usri23_user_sid) &&
          *GetSidSubAuthority(u23->usri23_user_sid, *GetSidSubAuthorityCount(u23->usri23_user_sid) - 1) == 500,
          "\\\\NTMINI, Administrator, level 23: disabled, RID 500");
    NetApiBufferFree(u23);
    LPBYTE any = NULL;
    Expect(NetUserGetInfo(NULL, L"nobody", 0, &any), NERR_UserNotFound, "an unknown user: NERR_UserNotFound");
    Expect(NetUserGetInfo(NULL, L"user", 7, &any), ERROR_INVALID_LEVEL, "level 7: ERROR_INVALID_LEVEL");
    Expect(NetUserGetInfo(L"\\\\FARAWAY", L"user", 0, &any), NERR_InvalidComputer, "another server: NERR_InvalidComputer");

    USER_INFO_0 *all = NULL;
    DWORD read = 0, total = 0, resume = 0;
    Check(NetUserEnum(NULL, 0, FILTER_NORMAL_ACCOUNT, (LPBYTE *)&all, MAX_PREFERRED_LENGTH, &read, &total, &resume) ==
          NERR_Success && read == 2 && total == 2 && Same(all[0].usri0_name, L"Administrator") && Same(all[1].usri0_name, L"user"),
          "NetUserEnum: Administrator and user");
    NetApiBufferFree(all);
    Expect(NetUserEnum(NULL, 20, FILTER_NORMAL_ACCOUNT, (LPBYTE *)&all, 1, &read, &total, &resume), ERROR_MORE_DATA,
           "a small preferred length: ERROR_MORE_DATA");
    Check(read == 1 && total == 2 && resume == 1, "one entry read, the resume handle at the next");
    NetApiBufferFree(all);
    Check(NetUserEnum(NULL, 20, FILTER_NORMAL_ACCOUNT, (LPBYTE *)&all, MAX_PREFERRED_LENGTH, &read, &total, &resume) ==
          NERR_Success && read == 1 && Same(((USER_INFO_20 *)all)->usri20_name, L"user") && resume == 0,
          "resumed: the rest");
    NetApiBufferFree(all);

    LOCALGROUP_USERS_INFO_0 *groups = NULL;
    Check(NetUserGetLocalGroups(NULL, L"NTMINI\\user", 0, LG_INCLUDE_INDIRECT, (LPBYTE *)&groups, MAX_PREFERRED_LENGTH,
                                &read, &total) == NERR_Success && read == 1 && Same(groups[0].lgrui0_name, L"Users"),
          "NetUserGetLocalGroups: Users");
    NetApiBufferFree(groups);
    GROUP_USERS_INFO_0 *global = NULL;
    Check(NetUserGetGroups(NULL, L"user", 0, (LPBYTE *)&global, MAX_PREFERRED_LENGTH, &read, &total) == NERR_Success &&
          read == 1 && Same(global[0].grui0_name, L"None"), "NetUserGetGroups: None");
    NetApiBufferFree(global);
    LOCALGROUP_INFO_1 *locals = NULL;
    DWORD_PTR resume_ptr = 0;
    Check(NetLocalGroupEnum(NULL, 1, (LPBYTE *)&locals, MAX_PREFERRED_LENGTH, &read, &total, &resume_ptr) == NERR_Success &&
          read == 3 && Same(locals[2].lgrpi1_name, L"Users"), "NetLocalGroupEnum: three groups");
    NetApiBufferFree(locals);
    LOCALGROUP_MEMBERS_INFO_3 *members = NULL;
    Check(NetLocalGroupGetMembers(NULL, L"users", 3, (LPBYTE *)&members, MAX_PREFERRED_LENGTH, &read, &total, &resume_ptr) ==
          NERR_Success && read == 3 && Same(members[2].lgrmi3_domainandname, L"NTMINI\\user"),
          "NetLocalGroupGetMembers(Users, 3): ... NTMINI\\user");
    NetApiBufferFree(members);
    LOCALGROUP_MEMBERS_INFO_1 *m1 = NULL;
    Check(NetLocalGroupGetMembers(NULL, L"Administrators", 1, (LPBYTE *)&m1, MAX_PREFERRED_LENGTH, &read, &total, &resume_ptr) ==
          NERR_Success && read == 1 && m1[0].lgrmi1_sidusage == SidTypeUser && Same(m1[0].lgrmi1_name, L"Administrator") &&
          IsValidSid(m1[0].lgrmi1_sid), "NetLocalGroupGetMembers(Administrators, 1): the Administrator, a user SID");
    NetApiBufferFree(m1);
    Expect(NetLocalGroupGetMembers(NULL, L"Nobody", 0, &any, MAX_PREFERRED_LENGTH, &read, &total, &resume_ptr),
           NERR_GroupNotFound, "an unknown group: NERR_GroupNotFound");

    WKSTA_INFO_100 *w = NULL;
    Check(NetWkstaGetInfo(NULL, 100, (LPBYTE *)&w) == NERR_Success && w->wki100_platform_id == PLATFORM_ID_NT &&
          w->wki100_ver_major == 10 && w->wki100_ver_minor == 0 && Same(w->wki100_computername, computer) &&
          Same(w->wki100_langroup, L"WORKGROUP"), "NetWkstaGetInfo(100): NT 10.0, the computer, WORKGROUP");
    NetApiBufferFree(w);
    WKSTA_USER_INFO_1 *wu = NULL;
    Check(NetWkstaUserGetInfo(NULL, 1, (LPBYTE *)&wu) == NERR_Success && Same(wu->wkui1_username, L"user") &&
          Same(wu->wkui1_logon_domain, computer), "NetWkstaUserGetInfo(1): user, logged on to the machine");
    NetApiBufferFree(wu);
    SERVER_INFO_101 *s = NULL;
    Check(NetServerGetInfo(NULL, 101, (LPBYTE *)&s) == NERR_Success && (s->sv101_type & SV_TYPE_WORKSTATION) &&
          s->sv101_version_major == 10, "NetServerGetInfo(101): a workstation, version 10");
    NetApiBufferFree(s);

    Expect(NetGetDCName(NULL, NULL, &any), NERR_DCNotFound, "NetGetDCName: NERR_DCNotFound");
    PDOMAIN_CONTROLLER_INFOW dc = NULL;
    Expect(DsGetDcNameW(NULL, NULL, NULL, NULL, 0, &dc), ERROR_NO_SUCH_DOMAIN, "DsGetDcNameW: ERROR_NO_SUCH_DOMAIN");
    USE_INFO_0 *uses = NULL;
    Check(NetUseEnum(NULL, 0, (LPBYTE *)&uses, MAX_PREFERRED_LENGTH, &read, &total, &resume) == NERR_Success && read == 0 &&
          total == 0, "NetUseEnum: no connections");
    Expect(NetUseDel(NULL, L"Z:", USE_NOFORCE), NERR_UseNotFound, "NetUseDel(Z:): NERR_UseNotFound");
    SHARE_INFO_1 *shares = NULL;
    Check(NetShareEnum(NULL, 1, (LPBYTE *)&shares, MAX_PREFERRED_LENGTH, &read, &total, &resume) == NERR_Success &&
          read == 3 && Same(shares[2].shi1_netname, L"IPC$") && shares[2].shi1_type == (STYPE_IPC | STYPE_SPECIAL),
          "NetShareEnum(1): ADMIN$, C$, IPC$");
    NetApiBufferFree(shares);
    Expect(NetShareEnum(NULL, 2, (LPBYTE *)&shares, MAX_PREFERRED_LENGTH, &read, &total, &resume), ERROR_ACCESS_DENIED,
           "level 2 for a standard user: ERROR_ACCESS_DENIED");
    Expect(NetApiBufferFree(NULL), NERR_Success, "NetApiBufferFree(NULL)");
    ExitProcess((UINT)failures);
}
