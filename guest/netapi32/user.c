/* Local accounts and groups: NetUserGetInfo and NetUserEnum (levels 0, 1, 2, 3, 4, 10, 11, 20, 23),
 * NetUserGetLocalGroups, NetUserGetGroups, NetLocalGroupEnum and NetLocalGroupGetMembers, over the
 * machine's two accounts (advapi32's sid.c names the same SIDs): "user", the process token's user,
 * a member of Users, and the built-in Administrator, disabled as on a new Windows 10. The global
 * group of a workstation's accounts is "None". */
#include "netapi.h"

#define MACHINE_SID L"S-1-5-21-1004336348-1177238915-682003330-"
#define BOOT_TIME_1970 1704067200           /* 2024-01-01 00:00:00 UTC, the guest clock's start */

const NETP_USER NetpUsers[] = {              /* sorted by name, as NetUserEnum returns them */
    {L"Administrator", L"", L"Built-in account for administering the computer/domain", MACHINE_SID L"500", 500,
     USER_PRIV_ADMIN, UF_SCRIPT | UF_ACCOUNTDISABLE | UF_NORMAL_ACCOUNT | UF_DONT_EXPIRE_PASSWD, L"Administrators"},
    {L"user", L"", L"", MACHINE_SID L"1000", 1000, USER_PRIV_USER, UF_SCRIPT | UF_NORMAL_ACCOUNT | UF_DONT_EXPIRE_PASSWD,
     L"Users"},
};
const DWORD NetpUserCount = sizeof(NetpUsers) / sizeof(NetpUsers[0]);

const NETP_GROUP NetpGroups[] = {
    {L"Administrators", L"Administrators have complete and unrestricted access to the computer/domain",
     {L"NTMINI\\Administrator"}},
    {L"Guests", L"Guests have the same access as members of the Users group by default, except for the Guest account which is further restricted",
     {NULL}},
    {L"Users", L"Users are prevented from making accidental or intentional system-wide changes and can run most applications",
     {L"NT AUTHORITY\\INTERACTIVE", L"NT AUTHORITY\\Authenticated Users", L"NTMINI\\user"}},
};
const DWORD NetpGroupCount = sizeof(NetpGroups) / sizeof(NetpGroups[0]);

const NETP_USER *NetpFindUser(LPCWSTR name)
{
    for (DWORD i = 0; name && i < NetpUserCount; i++)
        if (lstrcmpiW(NetpUsers[i].Name, name) == 0)
            return &NetpUsers[i];
    return NULL;
}

static DWORD UserEntrySize(DWORD level)
{
    switch (level) {
    case 0: return sizeof(USER_INFO_0);
    case 1: return sizeof(USER_INFO_1);
    case 2: return sizeof(USER_INFO_2);
    case 3: return sizeof(USER_INFO_3);
    case 4: return sizeof(USER_INFO_4);
    case 10: return sizeof(USER_INFO_10);
    case 11: return sizeof(USER_INFO_11);
    case 20: return sizeof(USER_INFO_20);
    case 23: return sizeof(USER_INFO_23);
    default: return 0;
    }
}

static PBYTE LogonHours(NETP_BUFFER *b)
{
    static const WCHAR all[11] = {0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF, 0};
    return (PBYTE)NetpString(b, all);      /* 21 bytes of 0xFF (every hour of the week), and padding */
}

/* The level-2 fields that levels 2, 3 and 4 share, written through their common layout. */
static void Fill2(USER_INFO_2 *e, const NETP_USER *u, NETP_BUFFER *b)
{
    e->usri2_name = NetpString(b, u->Name);
    e->usri2_password = NULL;
    e->usri2_password_age = 0;
    e->usri2_priv = u->Priv;
    e->usri2_home_dir = NetpString(b, L"");
    e->usri2_comment = NetpString(b, u->Comment);
    e->usri2_flags = u->Flags;
    e->usri2_script_path = NetpString(b, L"");
    e->usri2_auth_flags = 0;
    e->usri2_full_name = NetpString(b, u->FullName);
    e->usri2_usr_comment = NetpString(b, L"");
    e->usri2_parms = NetpString(b, L"");
    e->usri2_workstations = NetpString(b, L"");
    e->usri2_last_logon = u->Rid == 1000 ? BOOT_TIME_1970 : 0;
    e->usri2_last_logoff = 0;
    e->usri2_acct_expires = TIMEQ_FOREVER;
    e->usri2_max_storage = USER_MAXSTORAGE_UNLIMITED;
    e->usri2_units_per_week = UNITS_PER_WEEK;
    e->usri2_logon_hours = LogonHours(b);
    e->usri2_bad_pw_count = 0;
    e->usri2_num_logons = u->Rid == 1000 ? 1 : 0;
    e->usri2_logon_server = NetpString(b, L"\\\\*");
    e->usri2_country_code = 0;
    e->usri2_code_page = 0;
}

static void FillUser(DWORD level, const NETP_USER *u, NETP_BUFFER *b, BYTE *entry)
{
    switch (level) {
    case 0:
        ((USER_INFO_0 *)entry)->usri0_name = NetpString(b, u->Name);
        break;
    case 1: {
        USER_INFO_1 *e = (USER_INFO_1 *)entry;
        e->usri1_name = NetpString(b, u->Name);
        e->usri1_password = NULL;
        e->usri1_password_age = 0;
        e->usri1_priv = u->Priv;
        e->usri1_home_dir = NetpString(b, L"");
        e->usri1_comment = NetpString(b, u->Comment);
        e->usri1_flags = u->Flags;
        e->usri1_script_path = NetpString(b, L"");
        break;
    }
    case 2:
        Fill2((USER_INFO_2 *)entry, u, b);
        break;
    case 3: case 4: {
        USER_INFO_3 *e = (USER_INFO_3 *)entry;
        Fill2((USER_INFO_2 *)entry, u, b);          /* USER_INFO_3 and _4 begin as USER_INFO_2 */
        if (level == 3) {
            e->usri3_user_id = u->Rid;
            e->usri3_primary_group_id = DOMAIN_GROUP_RID_USERS;
            e->usri3_profile = NetpString(b, L"");
            e->usri3_home_dir_drive = NetpString(b, L"");
            e->usri3_password_expired = 0;
        } else {
            USER_INFO_4 *f = (USER_INFO_4 *)entry;
            f->usri4_user_sid = NetpSid(b, u->Sid);
            f->usri4_primary_group_id = DOMAIN_GROUP_RID_USERS;
            f->usri4_profile = NetpString(b, L"");
            f->usri4_home_dir_drive = NetpString(b, L"");
            f->usri4_password_expired = 0;
        }
        break;
    }
    case 10: {
        USER_INFO_10 *e = (USER_INFO_10 *)entry;
        e->usri10_name = NetpString(b, u->Name);
        e->usri10_comment = NetpString(b, u->Comment);
        e->usri10_usr_comment = NetpString(b, L"");
        e->usri10_full_name = NetpString(b, u->FullName);
        break;
    }
    case 11: {
        USER_INFO_11 *e = (USER_INFO_11 *)entry;
        e->usri11_name = NetpString(b, u->Name);
        e->usri11_comment = NetpString(b, u->Comment);
        e->usri11_usr_comment = NetpString(b, L"");
        e->usri11_full_name = NetpString(b, u->FullName);
        e->usri11_priv = u->Priv;
        e->usri11_auth_flags = 0;
        e->usri11_password_age = 0;
        e->usri11_home_dir = NetpString(b, L"");
        e->usri11_parms = NetpString(b, L"");
        e->usri11_last_logon = u->Rid == 1000 ? BOOT_TIME_1970 : 0;
        e->usri11_last_logoff = 0;
        e->usri11_bad_pw_count = 0;
        e->usri11_num_logons = u->Rid == 1000 ? 1 : 0;
        e->usri11_logon_server = NetpString(b, L"\\\\*");
        e->usri11_country_code = 0;
        e->usri11_workstations = NetpString(b, L"");
        e->usri11_max_storage = USER_MAXSTORAGE_UNLIMITED;
        e->usri11_units_per_week = UNITS_PER_WEEK;
        e->usri11_logon_hours = LogonHours(b);
        e->usri11_code_page = 0;
        break;
    }
    case 20: {
        USER_INFO_20 *e = (USER_INFO_20 *)entry;
        e->usri20_name = NetpString(b, u->Name);
        e->usri20_full_name = NetpString(b, u->FullName);
        e->usri20_comment = NetpString(b, u->Comment);
        e->usri20_flags = u->Flags;
        e->usri20_user_id = u->Rid;
        break;
    }
    case 23: {
        USER_INFO_23 *e = (USER_INFO_23 *)entry;
        e->usri23_name = NetpString(b, u->Name);
        e->usri23_full_name = NetpString(b, u->FullName);
        e->usri23_comment = NetpString(b, u->Comment);
        e->usri23_flags = u->Flags;
        e->usri23_user_sid = NetpSid(b, u->Sid);
        break;
    }
    }
}

/* Entries first..first+count-1 of users, packed into one NetApiBuffer block. */
static NET_API_STATUS PackUsers(DWORD level, DWORD first, DWORD count, LPBYTE *out)
{
    DWORD size = UserEntrySize(level);
    BYTE scratch[sizeof(USER_INFO_11) + sizeof(USER_INFO_4)];
    NETP_BUFFER m, b;
    NetpBegin(&m, NULL, size * count, 0);
    for (DWORD i = 0; i < count; i++)
        FillUser(level, &NetpUsers[first + i], &m, scratch);
    BYTE *base;
    NET_API_STATUS status = NetApiBufferAllocate(m.Used, (LPVOID *)&base);
    if (status != NERR_Success)
        return status;
    NetpBegin(&b, base, size * count, m.Used);
    for (DWORD i = 0; i < count; i++)
        FillUser(level, &NetpUsers[first + i], &b, base + i * size);
    *out = base;
    return NERR_Success;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetUserGetInfo(LPCWSTR server, LPCWSTR name, DWORD level, LPBYTE *buffer)
{
    if (buffer == NULL || name == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    if (!NetpIsLocalServer(server))
        return NERR_InvalidComputer;
    if (UserEntrySize(level) == 0)
        return ERROR_INVALID_LEVEL;
    const NETP_USER *u = NetpFindUser(name);
    if (u == NULL)
        return NERR_UserNotFound;
    return PackUsers(level, (DWORD)(u - NetpUsers), 1, buffer);
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetUserEnum(LPCWSTR server, DWORD level, DWORD filter, LPBYTE *buffer,
                                                DWORD preferred, LPDWORD read, LPDWORD total, PDWORD resume)
{
    if (buffer == NULL || read == NULL || total == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    *read = *total = 0;
    if (!NetpIsLocalServer(server))
        return NERR_InvalidComputer;
    if (UserEntrySize(level) == 0 || level == 4 || level == 23)
        return ERROR_INVALID_LEVEL;
    if (filter != 0 && !(filter & FILTER_NORMAL_ACCOUNT)) {
        *total = 0;
        return NERR_Success;                    /* no trust or machine accounts on a workstation */
    }
    DWORD first = resume ? *resume : 0;
    if (first > NetpUserCount)
        first = NetpUserCount;
    DWORD count = NetpUserCount - first;
    /* A preferred length too small for every entry returns what fits (at least one) and ERROR_MORE_DATA. */
    DWORD fits = preferred == MAX_PREFERRED_LENGTH ? count : preferred / (UserEntrySize(level) + 64);
    if (fits == 0)
        fits = 1;
    DWORD n = count < fits ? count : fits;
    *total = count;
    if (n) {
        NET_API_STATUS status = PackUsers(level, first, n, buffer);
        if (status != NERR_Success)
            return status;
    }
    *read = n;
    if (resume)
        *resume = n < count ? first + n : 0;
    return n < count ? ERROR_MORE_DATA : NERR_Success;
}

/* One name per entry (LOCALGROUP_USERS_INFO_0, GROUP_USERS_INFO_0, LOCALGROUP_INFO_0 share the shape). */
static NET_API_STATUS PackNames(const LPCWSTR *names, const LPCWSTR *comments, DWORD count, LPBYTE *out)
{
    DWORD size = comments ? sizeof(LOCALGROUP_INFO_1) : sizeof(LOCALGROUP_INFO_0);
    NETP_BUFFER m, b;
    NetpBegin(&m, NULL, size * count, 0);
    for (DWORD i = 0; i < count; i++) {
        NetpString(&m, names[i]);
        if (comments)
            NetpString(&m, comments[i]);
    }
    BYTE *base;
    NET_API_STATUS status = NetApiBufferAllocate(m.Used, (LPVOID *)&base);
    if (status != NERR_Success)
        return status;
    NetpBegin(&b, base, size * count, m.Used);
    for (DWORD i = 0; i < count; i++) {
        LOCALGROUP_INFO_1 *e = (LOCALGROUP_INFO_1 *)(base + i * size);
        e->lgrpi1_name = NetpString(&b, names[i]);
        if (comments)
            e->lgrpi1_comment = NetpString(&b, comments[i]);
    }
    *out = base;
    return NERR_Success;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetUserGetLocalGroups(LPCWSTR server, LPCWSTR name, DWORD level, DWORD flags,
                                                          LPBYTE *buffer, DWORD preferred, LPDWORD read, LPDWORD total)
{
    (void)flags; (void)preferred;
    if (buffer == NULL || read == NULL || total == NULL || name == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    *read = *total = 0;
    if (!NetpIsLocalServer(server))
        return NERR_InvalidComputer;
    if (level != 0)
        return ERROR_INVALID_LEVEL;
    LPCWSTR account = name;
    for (LPCWSTR p = name; *p; p++)
        if (*p == L'\\')
            account = p + 1;                    /* DOMAIN\name */
    const NETP_USER *u = NetpFindUser(account);
    if (u == NULL)
        return NERR_UserNotFound;
    NET_API_STATUS status = PackNames(&u->LocalGroup, NULL, 1, buffer);
    if (status == NERR_Success)
        *read = *total = 1;
    return status;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetUserGetGroups(LPCWSTR server, LPCWSTR name, DWORD level, LPBYTE *buffer,
                                                     DWORD preferred, LPDWORD read, LPDWORD total)
{
    (void)preferred;
    if (buffer == NULL || read == NULL || total == NULL || name == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    *read = *total = 0;
    if (!NetpIsLocalServer(server))
        return NERR_InvalidComputer;
    if (level != 0)
        return ERROR_INVALID_LEVEL;
    if (NetpFindUser(name) == NULL)
        return NERR_UserNotFound;
    static LPCWSTR none = L"None";
    NET_API_STATUS status = PackNames(&none, NULL, 1, buffer);
    if (status == NERR_Success)
        *read = *total = 1;
    return status;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetLocalGroupEnum(LPCWSTR server, DWORD level, LPBYTE *buffer, DWORD preferred,
                                                      LPDWORD read, LPDWORD total, PDWORD_PTR resume)
{
    (void)preferred;
    if (buffer == NULL || read == NULL || total == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    *read = *total = 0;
    if (!NetpIsLocalServer(server))
        return NERR_InvalidComputer;
    if (level > 1)
        return ERROR_INVALID_LEVEL;
    LPCWSTR names[8], comments[8];
    for (DWORD i = 0; i < NetpGroupCount; i++) {
        names[i] = NetpGroups[i].Name;
        comments[i] = NetpGroups[i].Comment;
    }
    NET_API_STATUS status = PackNames(names, level == 1 ? comments : NULL, NetpGroupCount, buffer);
    if (status == NERR_Success)
        *read = *total = NetpGroupCount;
    if (resume)
        *resume = 0;
    return status;
}

/* Members at levels 0 (SID), 1 (SID, use, name), 2 (SID, use, DOMAIN\name) and 3 (DOMAIN\name). */
NETAPI_EXPORT NET_API_STATUS WINAPI NetLocalGroupGetMembers(LPCWSTR server, LPCWSTR group, DWORD level, LPBYTE *buffer,
                                                            DWORD preferred, LPDWORD read, LPDWORD total,
                                                            PDWORD_PTR resume)
{
    (void)preferred;
    if (buffer == NULL || read == NULL || total == NULL || group == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    *read = *total = 0;
    if (!NetpIsLocalServer(server))
        return NERR_InvalidComputer;
    if (level > 3)
        return ERROR_INVALID_LEVEL;
    const NETP_GROUP *g = NULL;
    for (DWORD i = 0; i < NetpGroupCount; i++)
        if (lstrcmpiW(NetpGroups[i].Name, group) == 0)
            g = &NetpGroups[i];
    if (g == NULL)
        return NERR_GroupNotFound;
    DWORD count = 0;
    while (count < 3 && g->Members[count])
        count++;
    static const DWORD sizes[] = {sizeof(LOCALGROUP_MEMBERS_INFO_0), sizeof(LOCALGROUP_MEMBERS_INFO_1),
                                  sizeof(LOCALGROUP_MEMBERS_INFO_2), sizeof(LOCALGROUP_MEMBERS_INFO_3)};
    BYTE sids[3][SECURITY_MAX_SID_SIZE];
    SID_NAME_USE uses[3];
    for (DWORD i = 0; i < count; i++) {
        DWORD sid_size = SECURITY_MAX_SID_SIZE, domain_size = 64;
        WCHAR domain[64];
        if (!LookupAccountNameW(NULL, g->Members[i], sids[i], &sid_size, domain, &domain_size, &uses[i]))
            return NERR_InternalError;
    }
    /* Measure (every member's SID and full name: at least what any level keeps), then fill. */
    NETP_BUFFER m, b;
    NetpBegin(&m, NULL, sizes[level] * count, 0);
    for (DWORD i = 0; i < count; i++) {
        m.Used = (m.Used + 3) & ~3u;
        m.Used += GetLengthSid(sids[i]);
        NetpString(&m, g->Members[i]);
    }
    BYTE *base;
    NET_API_STATUS status = NetApiBufferAllocate(m.Used, (LPVOID *)&base);
    if (status != NERR_Success)
        return status;
    NetpBegin(&b, base, sizes[level] * count, m.Used);
    for (DWORD i = 0; i < count; i++) {
        BYTE *e = base + i * sizes[level];
        PSID sid = NULL;
        if (level < 3) {
            b.Used = (b.Used + 3) & ~3u;
            sid = base + b.Used;
            CopySid(GetLengthSid(sids[i]), sid, sids[i]);
            b.Used += GetLengthSid(sids[i]);
        }
        LPCWSTR full = g->Members[i], short_name = full;
        for (LPCWSTR p = full; *p; p++)
            if (*p == L'\\')
                short_name = p + 1;
        switch (level) {
        case 0:
            ((LOCALGROUP_MEMBERS_INFO_0 *)e)->lgrmi0_sid = sid;
            break;
        case 1:
            ((LOCALGROUP_MEMBERS_INFO_1 *)e)->lgrmi1_sid = sid;
            ((LOCALGROUP_MEMBERS_INFO_1 *)e)->lgrmi1_sidusage = uses[i];
            ((LOCALGROUP_MEMBERS_INFO_1 *)e)->lgrmi1_name = NetpString(&b, short_name);
            break;
        case 2:
            ((LOCALGROUP_MEMBERS_INFO_2 *)e)->lgrmi2_sid = sid;
            ((LOCALGROUP_MEMBERS_INFO_2 *)e)->lgrmi2_sidusage = uses[i];
            ((LOCALGROUP_MEMBERS_INFO_2 *)e)->lgrmi2_domainandname = NetpString(&b, full);
            break;
        default:
            ((LOCALGROUP_MEMBERS_INFO_3 *)e)->lgrmi3_domainandname = NetpString(&b, full);
            break;
        }
    }
    *buffer = base;
    *read = *total = count;
    if (resume)
        *resume = 0;
    return NERR_Success;
}
