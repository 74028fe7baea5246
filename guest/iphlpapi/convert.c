/* Naming the interface: index <-> LUID <-> NDIS name ("loopback_0") <-> alias <-> GUID, the
 * RFC 3493 if_nametoindex/if_indextoname, and IPv4 mask <-> prefix length. An interface that is
 * not the loopback is not found (ERROR_FILE_NOT_FOUND, ERROR_INVALID_NAME for a name). */
#include "iphlp.h"

IPHLP_EXPORT NETIOAPI_API ConvertInterfaceIndexToLuid(NET_IFINDEX index, PNET_LUID luid)
{
    if (luid == NULL)
        return ERROR_INVALID_PARAMETER;
    luid->Value = 0;
    if (!IphlpIsLoopbackIndex(index))
        return ERROR_FILE_NOT_FOUND;
    *luid = IphlpLoopback.Luid;
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API ConvertInterfaceLuidToIndex(const NET_LUID *luid, PNET_IFINDEX index)
{
    if (luid == NULL || index == NULL)
        return ERROR_INVALID_PARAMETER;
    if (!IphlpIsLoopbackLuid(luid)) {
        *index = 0;
        return ERROR_FILE_NOT_FOUND;
    }
    *index = IphlpLoopback.Index;
    return NO_ERROR;
}

static NETIO_STATUS CopyText(const WCHAR *text, PWSTR out, SIZE_T length)
{
    SIZE_T n = (SIZE_T)lstrlenW(text);
    if (n + 1 > length)
        return ERROR_NOT_ENOUGH_MEMORY;
    memcpy(out, text, (n + 1) * sizeof(WCHAR));
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API ConvertInterfaceLuidToNameW(const NET_LUID *luid, PWSTR name, SIZE_T length)
{
    if (luid == NULL || name == NULL || length == 0)
        return ERROR_INVALID_PARAMETER;
    if (!IphlpIsLoopbackLuid(luid))
        return ERROR_FILE_NOT_FOUND;
    return CopyText(IphlpLoopback.Name, name, length);
}

IPHLP_EXPORT NETIOAPI_API ConvertInterfaceLuidToNameA(const NET_LUID *luid, PSTR name, SIZE_T length)
{
    WCHAR wide[IF_MAX_STRING_SIZE + 1];
    if (name == NULL || length == 0)
        return ERROR_INVALID_PARAMETER;
    NETIO_STATUS status = ConvertInterfaceLuidToNameW(luid, wide, IF_MAX_STRING_SIZE + 1);
    if (status != NO_ERROR)
        return status;
    if ((SIZE_T)lstrlenW(wide) + 1 > length)
        return ERROR_NOT_ENOUGH_MEMORY;
    WideCharToMultiByte(CP_ACP, 0, wide, -1, name, (int)length, NULL, NULL);
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API ConvertInterfaceNameToLuidW(const WCHAR *name, NET_LUID *luid)
{
    if (name == NULL || luid == NULL)
        return ERROR_INVALID_PARAMETER;
    luid->Value = 0;
    if (lstrcmpiW(name, IphlpLoopback.Name) != 0)
        return ERROR_INVALID_NAME;
    *luid = IphlpLoopback.Luid;
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API ConvertInterfaceNameToLuidA(const CHAR *name, NET_LUID *luid)
{
    WCHAR wide[IF_MAX_STRING_SIZE + 1];
    if (name == NULL || luid == NULL)
        return ERROR_INVALID_PARAMETER;
    if (!MultiByteToWideChar(CP_ACP, 0, name, -1, wide, IF_MAX_STRING_SIZE + 1))
        return ERROR_INVALID_NAME;
    return ConvertInterfaceNameToLuidW(wide, luid);
}

IPHLP_EXPORT NETIOAPI_API ConvertInterfaceLuidToAlias(const NET_LUID *luid, PWSTR alias, SIZE_T length)
{
    if (luid == NULL || alias == NULL || length == 0)
        return ERROR_INVALID_PARAMETER;
    if (!IphlpIsLoopbackLuid(luid))
        return ERROR_FILE_NOT_FOUND;
    return CopyText(IphlpLoopback.Alias, alias, length);
}

IPHLP_EXPORT NETIOAPI_API ConvertInterfaceAliasToLuid(const WCHAR *alias, PNET_LUID luid)
{
    if (alias == NULL || luid == NULL)
        return ERROR_INVALID_PARAMETER;
    luid->Value = 0;
    if (lstrcmpiW(alias, IphlpLoopback.Alias) != 0)
        return ERROR_INVALID_PARAMETER;
    *luid = IphlpLoopback.Luid;
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API ConvertInterfaceLuidToGuid(const NET_LUID *luid, GUID *guid)
{
    if (luid == NULL || guid == NULL)
        return ERROR_INVALID_PARAMETER;
    if (!IphlpIsLoopbackLuid(luid)) {
        memset(guid, 0, sizeof(*guid));
        return ERROR_FILE_NOT_FOUND;
    }
    *guid = IphlpLoopback.Guid;
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API ConvertInterfaceGuidToLuid(const GUID *guid, PNET_LUID luid)
{
    if (guid == NULL || luid == NULL)
        return ERROR_INVALID_PARAMETER;
    luid->Value = 0;
    if (memcmp(guid, &IphlpLoopback.Guid, sizeof(GUID)) != 0)
        return ERROR_FILE_NOT_FOUND;
    *luid = IphlpLoopback.Luid;
    return NO_ERROR;
}

IPHLP_EXPORT NET_IFINDEX NETIOAPI_API_ if_nametoindex(PCSTR name)
{
    NET_LUID luid;
    NET_IFINDEX index;
    if (name == NULL || ConvertInterfaceNameToLuidA(name, &luid) != NO_ERROR ||
        ConvertInterfaceLuidToIndex(&luid, &index) != NO_ERROR)
        return 0;
    return index;
}

IPHLP_EXPORT PCHAR NETIOAPI_API_ if_indextoname(NET_IFINDEX index, PCHAR name)
{
    NET_LUID luid;
    if (name == NULL || ConvertInterfaceIndexToLuid(index, &luid) != NO_ERROR ||
        ConvertInterfaceLuidToNameA(&luid, name, IF_NAMESIZE) != NO_ERROR)
        return NULL;
    return name;
}

IPHLP_EXPORT NETIOAPI_API ConvertLengthToIpv4Mask(ULONG length, PULONG mask)
{
    if (mask == NULL)
        return ERROR_INVALID_PARAMETER;
    if (length > 32) {
        *mask = INADDR_NONE;
        return ERROR_INVALID_PARAMETER;
    }
    *mask = length ? htonl(0xFFFFFFFFu << (32 - length)) : 0;
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API ConvertIpv4MaskToLength(ULONG mask, PUINT8 length)
{
    if (length == NULL)
        return ERROR_INVALID_PARAMETER;
    ULONG host = ntohl(mask), n = 0;
    while (n < 32 && (host & (0x80000000u >> n)))
        n++;
    if (n < 32 && (host << n) != 0)
        return ERROR_INVALID_PARAMETER;        /* not contiguous */
    *length = (UINT8)n;
    return NO_ERROR;
}

/* The old API names an adapter "\DEVICE\TCPIP_{GUID}"; the loopback is no adapter of it. */
IPHLP_EXPORT DWORD WINAPI GetAdapterIndex(LPWSTR name, PULONG index)
{
    if (name == NULL || index == NULL)
        return ERROR_INVALID_PARAMETER;
    return ERROR_DEV_NOT_EXIST;
}

IPHLP_EXPORT DWORD WINAPI GetFriendlyIfIndex(DWORD index)
{
    return index & 0x00FFFFFF;
}
