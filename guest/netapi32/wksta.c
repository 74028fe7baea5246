/* The workstation: NetGetJoinInformation (the workgroup WORKGROUP), NetWkstaGetInfo (100, 101, 102),
 * NetWkstaUserGetInfo (0, 1), NetServerGetInfo (100, 101) for Windows 10 (platform 500, version
 * 10.0), and the domain controller lookups of a machine in no domain (NetGetDCName,
 * NetGetAnyDCName: NERR_DCNotFound; DsGetDcNameW: ERROR_NO_SUCH_DOMAIN). */
#include "netapi.h"

#define WORKGROUP L"WORKGROUP"

static void ComputerName(WCHAR *name)
{
    DWORD size = MAX_COMPUTERNAME_LENGTH + 1;
    if (!GetComputerNameW(name, &size))
        name[0] = 0;
}

/* One entry of fixed size with up to four strings, packed. */
static NET_API_STATUS Pack(DWORD size, LPCWSTR *texts, DWORD count, LPWSTR **fields, BYTE *entry, LPBYTE *out)
{
    NETP_BUFFER m, b;
    NetpBegin(&m, NULL, size, 0);
    for (DWORD i = 0; i < count; i++)
        NetpString(&m, texts[i]);
    BYTE *base;
    NET_API_STATUS status = NetApiBufferAllocate(m.Used, (LPVOID *)&base);
    if (status != NERR_Success)
        return status;
    memcpy(base, entry, size);
    NetpBegin(&b, base, size, m.Used);
    for (DWORD i = 0; i < count; i++)
        *(LPWSTR *)(base + ((BYTE *)fields[i] - entry)) = NetpString(&b, texts[i]);
    *out = base;
    return NERR_Success;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetGetJoinInformation(LPCWSTR server, LPWSTR *name, PNETSETUP_JOIN_STATUS status)
{
    if (name == NULL || status == NULL)
        return ERROR_INVALID_PARAMETER;
    if (!NetpIsLocalServer(server))
        return NERR_InvalidComputer;
    DWORD n = sizeof(WORKGROUP);
    NET_API_STATUS result = NetApiBufferAllocate(n, (LPVOID *)name);
    if (result != NERR_Success)
        return result;
    memcpy(*name, WORKGROUP, n);
    *status = NetSetupWorkgroupName;
    return NERR_Success;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetWkstaGetInfo(LPWSTR server, DWORD level, LPBYTE *buffer)
{
    if (buffer == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    if (!NetpIsLocalServer(server))
        return NERR_InvalidComputer;
    WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
    ComputerName(computer);
    if (level == 100) {
        WKSTA_INFO_100 e = {PLATFORM_ID_NT, NULL, NULL, 10, 0};
        LPCWSTR texts[] = {computer, WORKGROUP};
        LPWSTR *fields[] = {&e.wki100_computername, &e.wki100_langroup};
        return Pack(sizeof(e), texts, 2, fields, (BYTE *)&e, buffer);
    }
    if (level == 101 || level == 102) {
        WKSTA_INFO_102 e = {PLATFORM_ID_NT, NULL, NULL, 10, 0, NULL, 1};
        LPCWSTR texts[] = {computer, WORKGROUP, L""};
        LPWSTR *fields[] = {&e.wki102_computername, &e.wki102_langroup, &e.wki102_lanroot};
        return Pack(level == 101 ? sizeof(WKSTA_INFO_101) : sizeof(e), texts, 3, fields, (BYTE *)&e, buffer);
    }
    return ERROR_INVALID_LEVEL;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetWkstaUserGetInfo(LPWSTR reserved, DWORD level, LPBYTE *buffer)
{
    if (buffer == NULL || reserved != NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    WCHAR user[UNLEN + 1], computer[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD n = UNLEN + 1;
    if (!GetUserNameW(user, &n))
        return GetLastError();
    ComputerName(computer);
    if (level == 0) {
        WKSTA_USER_INFO_0 e = {NULL};
        LPCWSTR texts[] = {user};
        LPWSTR *fields[] = {&e.wkui0_username};
        return Pack(sizeof(e), texts, 1, fields, (BYTE *)&e, buffer);
    }
    if (level == 1) {
        WKSTA_USER_INFO_1 e = {NULL, NULL, NULL, NULL};
        LPCWSTR texts[] = {user, computer, L"", computer};
        LPWSTR *fields[] = {&e.wkui1_username, &e.wkui1_logon_domain, &e.wkui1_oth_domains, &e.wkui1_logon_server};
        return Pack(sizeof(e), texts, 4, fields, (BYTE *)&e, buffer);
    }
    return ERROR_INVALID_LEVEL;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetServerGetInfo(LPWSTR server, DWORD level, LPBYTE *buffer)
{
    if (buffer == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    if (!NetpIsLocalServer(server))
        return NERR_InvalidComputer;
    WCHAR computer[MAX_COMPUTERNAME_LENGTH + 1];
    ComputerName(computer);
    if (level == 100) {
        SERVER_INFO_100 e = {PLATFORM_ID_NT, NULL};
        LPCWSTR texts[] = {computer};
        LPWSTR *fields[] = {&e.sv100_name};
        return Pack(sizeof(e), texts, 1, fields, (BYTE *)&e, buffer);
    }
    if (level == 101) {
        SERVER_INFO_101 e = {PLATFORM_ID_NT, NULL, 10, 0, SV_TYPE_WORKSTATION | SV_TYPE_SERVER | SV_TYPE_NT, NULL};
        LPCWSTR texts[] = {computer, L""};
        LPWSTR *fields[] = {&e.sv101_name, &e.sv101_comment};
        return Pack(sizeof(e), texts, 2, fields, (BYTE *)&e, buffer);
    }
    return ERROR_INVALID_LEVEL;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetGetDCName(LPCWSTR server, LPCWSTR domain, LPBYTE *buffer)
{
    (void)domain;
    if (buffer == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    return NetpIsLocalServer(server) ? NERR_DCNotFound : NERR_InvalidComputer;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetGetAnyDCName(LPCWSTR server, LPCWSTR domain, LPBYTE *buffer)
{
    return NetGetDCName(server, domain, buffer);
}

NETAPI_EXPORT DWORD WINAPI DsGetDcNameW(LPCWSTR computer, LPCWSTR domain, GUID *guid, LPCWSTR site, ULONG flags,
                                        PDOMAIN_CONTROLLER_INFOW *info)
{
    (void)computer; (void)domain; (void)guid; (void)site; (void)flags;
    if (info == NULL)
        return ERROR_INVALID_PARAMETER;
    *info = NULL;
    return ERROR_NO_SUCH_DOMAIN;
}

NETAPI_EXPORT DWORD WINAPI DsGetDcNameA(LPCSTR computer, LPCSTR domain, GUID *guid, LPCSTR site, ULONG flags,
                                        PDOMAIN_CONTROLLER_INFOA *info)
{
    (void)computer; (void)domain; (void)guid; (void)site; (void)flags;
    if (info == NULL)
        return ERROR_INVALID_PARAMETER;
    *info = NULL;
    return ERROR_NO_SUCH_DOMAIN;
}
