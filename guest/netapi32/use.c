/* Connections and shares: the machine has no network, so it uses no remote resource (NetUseEnum
 * lists none, NetUseGetInfo/NetUseDel: NERR_UseNotFound, NetUseAdd: ERROR_BAD_NETPATH); its own
 * shares are Windows' administrative ones, ADMIN$, C$ and IPC$ (NetShareEnum levels 0 and 1; level
 * 2 and above need an administrator: ERROR_ACCESS_DENIED). */
#include "netapi.h"

NETAPI_EXPORT NET_API_STATUS WINAPI NetUseEnum(LMSTR server, DWORD level, LPBYTE *buffer, DWORD preferred,
                                               LPDWORD read, LPDWORD total, LPDWORD resume)
{
    (void)preferred;
    if (buffer == NULL || read == NULL || total == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    *read = *total = 0;
    if (!NetpIsLocalServer(server))
        return NERR_InvalidComputer;
    if (level > 2)
        return ERROR_INVALID_LEVEL;
    if (resume)
        *resume = 0;
    return NERR_Success;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetUseGetInfo(LMSTR server, LMSTR name, DWORD level, LPBYTE *buffer)
{
    (void)level;
    if (buffer == NULL || name == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    return NetpIsLocalServer(server) ? NERR_UseNotFound : NERR_InvalidComputer;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetUseDel(LMSTR server, LMSTR name, DWORD force)
{
    (void)force;
    if (name == NULL)
        return ERROR_INVALID_PARAMETER;
    return NetpIsLocalServer(server) ? NERR_UseNotFound : NERR_InvalidComputer;
}

NETAPI_EXPORT NET_API_STATUS WINAPI NetUseAdd(LMSTR server, DWORD level, LPBYTE buffer, LPDWORD error)
{
    if (error)
        *error = 0;
    if (buffer == NULL || level < 1 || level > 2)
        return level < 1 || level > 2 ? ERROR_INVALID_LEVEL : ERROR_INVALID_PARAMETER;
    return NetpIsLocalServer(server) ? ERROR_BAD_NETPATH : NERR_InvalidComputer;
}

static const struct { LPCWSTR Name, Remark; DWORD Type; } shares[] = {
    {L"ADMIN$", L"Remote Admin", STYPE_DISKTREE | STYPE_SPECIAL},
    {L"C$", L"Default share", STYPE_DISKTREE | STYPE_SPECIAL},
    {L"IPC$", L"Remote IPC", STYPE_IPC | STYPE_SPECIAL},
};
#define SHARES (sizeof(shares) / sizeof(shares[0]))

NETAPI_EXPORT NET_API_STATUS WINAPI NetShareEnum(LMSTR server, DWORD level, LPBYTE *buffer, DWORD preferred,
                                                 LPDWORD read, LPDWORD total, LPDWORD resume)
{
    (void)preferred;
    if (buffer == NULL || read == NULL || total == NULL)
        return ERROR_INVALID_PARAMETER;
    *buffer = NULL;
    *read = *total = 0;
    if (!NetpIsLocalServer(server))
        return NERR_InvalidComputer;
    if (level == 2 || level == 502 || level == 503)
        return ERROR_ACCESS_DENIED;
    if (level > 1)
        return ERROR_INVALID_LEVEL;
    DWORD size = level == 0 ? sizeof(SHARE_INFO_0) : sizeof(SHARE_INFO_1);
    NETP_BUFFER m, b;
    NetpBegin(&m, NULL, size * SHARES, 0);
    for (DWORD i = 0; i < SHARES; i++) {
        NetpString(&m, shares[i].Name);
        NetpString(&m, shares[i].Remark);
    }
    BYTE *base;
    NET_API_STATUS status = NetApiBufferAllocate(m.Used, (LPVOID *)&base);
    if (status != NERR_Success)
        return status;
    NetpBegin(&b, base, size * SHARES, m.Used);
    for (DWORD i = 0; i < SHARES; i++) {
        SHARE_INFO_1 *e = (SHARE_INFO_1 *)(base + i * size);
        e->shi1_netname = NetpString(&b, shares[i].Name);
        if (level == 1) {
            e->shi1_type = shares[i].Type;
            e->shi1_remark = NetpString(&b, shares[i].Remark);
        }
    }
    *buffer = base;
    *read = *total = SHARES;
    if (resume)
        *resume = 0;
    return NERR_Success;
}
