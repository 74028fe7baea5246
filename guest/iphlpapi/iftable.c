/* Interface and address tables: GetIfEntry/GetIfTable (MIB_IFROW), GetIfEntry2/GetIfTable2(Ex)
 * (MIB_IF_ROW2), GetIpAddrTable, GetUnicastIpAddressTable/Entry, GetIpInterfaceEntry/Table,
 * GetIpForwardTable (the loopback's five routes), GetIpNetTable (no neighbours), and the route
 * queries GetBestInterface(Ex)/GetBestRoute: only 127/8 and ::1 are reachable. The loopback's
 * counters stay zero, as Windows reports them for it. */
#include "iphlp.h"

static void IfRow(MIB_IFROW *row)
{
    const IPHLP_INTERFACE *i = &IphlpLoopback;
    memset(row, 0, sizeof(*row));
    lstrcpyW(row->wszName, L"\\DEVICE\\TCPIP_");
    int at = lstrlenW(row->wszName);
    MultiByteToWideChar(CP_ACP, 0, i->AdapterName, -1, row->wszName + at, MAX_INTERFACE_NAME_LEN - at);
    row->dwIndex = i->Index;
    row->dwType = IF_TYPE_SOFTWARE_LOOPBACK;
    row->dwMtu = i->Mtu;
    row->dwSpeed = (DWORD)i->Speed;
    row->dwAdminStatus = MIB_IF_ADMIN_STATUS_UP;
    row->dwOperStatus = MIB_IF_OPER_STATUS_OPERATIONAL;
    int n = WideCharToMultiByte(CP_ACP, 0, i->Description, -1, (char *)row->bDescr, MAXLEN_IFDESCR, NULL, NULL);
    row->dwDescrLen = n > 0 ? (DWORD)n : 0;
}

IPHLP_EXPORT DWORD WINAPI GetIfEntry(PMIB_IFROW row)
{
    if (row == NULL)
        return ERROR_INVALID_PARAMETER;
    if (!IphlpIsLoopbackIndex(row->dwIndex))
        return ERROR_INVALID_DATA;
    IfRow(row);
    return NO_ERROR;
}

IPHLP_EXPORT DWORD WINAPI GetIfTable(PMIB_IFTABLE table, PULONG size, BOOL order)
{
    (void)order;
    if (size == NULL)
        return ERROR_INVALID_PARAMETER;
    ULONG need = sizeof(MIB_IFTABLE);
    if (table == NULL || *size < need) {
        *size = need;
        return ERROR_INSUFFICIENT_BUFFER;
    }
    table->dwNumEntries = 1;
    IfRow(&table->table[0]);
    return NO_ERROR;
}

static void IfRow2(MIB_IF_ROW2 *row)
{
    const IPHLP_INTERFACE *i = &IphlpLoopback;
    memset(row, 0, sizeof(*row));
    row->InterfaceLuid = i->Luid;
    row->InterfaceIndex = i->Index;
    row->InterfaceGuid = i->Guid;
    lstrcpynW(row->Alias, i->Alias, IF_MAX_STRING_SIZE + 1);
    lstrcpynW(row->Description, i->Description, IF_MAX_STRING_SIZE + 1);
    row->Mtu = i->Mtu;
    row->Type = IF_TYPE_SOFTWARE_LOOPBACK;
    row->TunnelType = TUNNEL_TYPE_NONE;
    row->MediaType = NdisMediumLoopback;
    row->PhysicalMediumType = NdisPhysicalMediumUnspecified;
    row->AccessType = NET_IF_ACCESS_LOOPBACK;
    row->DirectionType = NET_IF_DIRECTION_SENDRECEIVE;
    row->OperStatus = IfOperStatusUp;
    row->AdminStatus = NET_IF_ADMIN_STATUS_UP;
    row->MediaConnectState = MediaConnectStateConnected;
    row->NetworkGuid = i->Guid;
    row->ConnectionType = NET_IF_CONNECTION_DEDICATED;
    row->TransmitLinkSpeed = row->ReceiveLinkSpeed = i->Speed;
}

IPHLP_EXPORT NETIOAPI_API GetIfEntry2(PMIB_IF_ROW2 row)
{
    if (row == NULL)
        return ERROR_INVALID_PARAMETER;
    BOOL found = row->InterfaceLuid.Value ? IphlpIsLoopbackLuid(&row->InterfaceLuid)
                                          : IphlpIsLoopbackIndex(row->InterfaceIndex);
    if (!found)
        return ERROR_FILE_NOT_FOUND;
    IfRow2(row);
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API GetIfEntry2Ex(ULONG level, PMIB_IF_ROW2 row)
{
    (void)level;
    return GetIfEntry2(row);
}

IPHLP_EXPORT NETIOAPI_API GetIfTable2Ex(MIB_IF_TABLE_LEVEL level, PMIB_IF_TABLE2 *table)
{
    (void)level;
    if (table == NULL)
        return ERROR_INVALID_PARAMETER;
    MIB_IF_TABLE2 *t = IphlpAlloc(sizeof(MIB_IF_TABLE2));
    if (t == NULL)
        return ERROR_NOT_ENOUGH_MEMORY;
    t->NumEntries = 1;
    IfRow2(&t->Table[0]);
    *table = t;
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API GetIfTable2(PMIB_IF_TABLE2 *table)
{
    return GetIfTable2Ex(MibIfTableNormal, table);
}

IPHLP_EXPORT DWORD WINAPI GetIpAddrTable(PMIB_IPADDRTABLE table, PULONG size, BOOL order)
{
    (void)order;
    if (size == NULL)
        return ERROR_INVALID_PARAMETER;
    ULONG need = sizeof(MIB_IPADDRTABLE);
    if (table == NULL || *size < need) {
        *size = need;
        return ERROR_INSUFFICIENT_BUFFER;
    }
    MIB_IPADDRROW *r = &table->table[0];
    memset(r, 0, sizeof(*r));
    table->dwNumEntries = 1;
    r->dwAddr = IphlpLoopback.Ipv4.S_un.S_addr;
    r->dwIndex = IphlpLoopback.Index;
    r->dwMask = htonl(0xFFFFFFFFu << (32 - IphlpLoopback.Ipv4Prefix));
    r->dwBCastAddr = 1;
    r->dwReasmSize = 0xFFFF;
    r->wType = MIB_IPADDR_PRIMARY;
    return NO_ERROR;
}

IPHLP_EXPORT DWORD WINAPI GetIpNetTable(PMIB_IPNETTABLE table, PULONG size, BOOL order)
{
    (void)table; (void)order;
    if (size == NULL)
        return ERROR_INVALID_PARAMETER;
    return ERROR_NO_DATA;
}

/* The unicast rows of one family (AF_UNSPEC: both). */
static void UnicastRow(MIB_UNICASTIPADDRESS_ROW *r, int family)
{
    const IPHLP_INTERFACE *i = &IphlpLoopback;
    memset(r, 0, sizeof(*r));
    r->Address.si_family = (ADDRESS_FAMILY)family;
    if (family == AF_INET)
        r->Address.Ipv4.sin_addr = i->Ipv4;
    else
        r->Address.Ipv6.sin6_addr = i->Ipv6;
    r->InterfaceLuid = i->Luid;
    r->InterfaceIndex = i->Index;
    r->PrefixOrigin = IpPrefixOriginWellKnown;
    r->SuffixOrigin = IpSuffixOriginWellKnown;
    r->ValidLifetime = r->PreferredLifetime = 0xFFFFFFFF;
    r->OnLinkPrefixLength = family == AF_INET ? i->Ipv4Prefix : i->Ipv6Prefix;
    r->DadState = IpDadStatePreferred;
    r->ScopeId.Value = 0;
}

IPHLP_EXPORT NETIOAPI_API GetUnicastIpAddressTable(ADDRESS_FAMILY family, PMIB_UNICASTIPADDRESS_TABLE *table)
{
    if (table == NULL || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    ULONG count = family == AF_UNSPEC ? 2 : 1;
    MIB_UNICASTIPADDRESS_TABLE *t = IphlpAlloc(FIELD_OFFSET(MIB_UNICASTIPADDRESS_TABLE, Table) +
                                               count * sizeof(MIB_UNICASTIPADDRESS_ROW));
    if (t == NULL)
        return ERROR_NOT_ENOUGH_MEMORY;
    t->NumEntries = count;
    ULONG n = 0;
    if (family != AF_INET6)
        UnicastRow(&t->Table[n++], AF_INET);
    if (family != AF_INET)
        UnicastRow(&t->Table[n++], AF_INET6);
    *table = t;
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API GetUnicastIpAddressEntry(PMIB_UNICASTIPADDRESS_ROW row)
{
    if (row == NULL)
        return ERROR_INVALID_PARAMETER;
    int family = row->Address.si_family;
    if (family != AF_INET && family != AF_INET6)
        return ERROR_INVALID_PARAMETER;
    BOOL here = row->InterfaceLuid.Value ? IphlpIsLoopbackLuid(&row->InterfaceLuid) : IphlpIsLoopbackIndex(row->InterfaceIndex);
    BOOL same = family == AF_INET ? row->Address.Ipv4.sin_addr.S_un.S_addr == IphlpLoopback.Ipv4.S_un.S_addr
                                  : memcmp(&row->Address.Ipv6.sin6_addr, &IphlpLoopback.Ipv6, 16) == 0;
    if (!here || !same)
        return ERROR_NOT_FOUND;
    UnicastRow(row, family);
    return NO_ERROR;
}

IPHLP_EXPORT VOID NETIOAPI_API_ InitializeUnicastIpAddressEntry(PMIB_UNICASTIPADDRESS_ROW row)
{
    memset(row, 0, sizeof(*row));
    row->PrefixOrigin = IpPrefixOriginUnchanged;
    row->SuffixOrigin = IpSuffixOriginUnchanged;
    row->ValidLifetime = row->PreferredLifetime = 0xFFFFFFFF;
    row->OnLinkPrefixLength = 0xFF;
}

static void IpInterfaceRow(MIB_IPINTERFACE_ROW *r, int family)
{
    const IPHLP_INTERFACE *i = &IphlpLoopback;
    memset(r, 0, sizeof(*r));
    r->Family = (ADDRESS_FAMILY)family;
    r->InterfaceLuid = i->Luid;
    r->InterfaceIndex = i->Index;
    r->MaxReassemblySize = 0xFFFF;
    r->UseAutomaticMetric = TRUE;
    r->UseNeighborUnreachabilityDetection = family == AF_INET6;
    r->RouterDiscoveryBehavior = RouterDiscoveryDisabled;
    r->BaseReachableTime = 30000;
    r->RetransmitTime = 1000;
    r->PathMtuDiscoveryTimeout = 600000;
    r->LinkLocalAddressBehavior = LinkLocalAlwaysOff;
    r->LinkLocalAddressTimeout = 0;
    r->ZoneIndices[ScopeLevelInterface] = r->ZoneIndices[ScopeLevelLink] = i->Index;
    r->SitePrefixLength = family == AF_INET6 ? 64 : 0;
    r->Metric = i->Metric;
    r->NlMtu = i->Mtu;
    r->Connected = TRUE;
    r->SupportsWakeUpPatterns = FALSE;
    r->SupportsNeighborDiscovery = family == AF_INET6;
    r->SupportsRouterDiscovery = family == AF_INET6;
    r->ReachableTime = 30000;
    r->TransmitOffload.NlChecksumSupported = TRUE;
    r->ReceiveOffload.NlChecksumSupported = TRUE;
}

IPHLP_EXPORT NETIOAPI_API GetIpInterfaceEntry(PMIB_IPINTERFACE_ROW row)
{
    if (row == NULL || (row->Family != AF_INET && row->Family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    BOOL here = row->InterfaceLuid.Value ? IphlpIsLoopbackLuid(&row->InterfaceLuid) : IphlpIsLoopbackIndex(row->InterfaceIndex);
    if (!here)
        return ERROR_NOT_FOUND;
    IpInterfaceRow(row, row->Family);
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API GetIpInterfaceTable(ADDRESS_FAMILY family, PMIB_IPINTERFACE_TABLE *table)
{
    if (table == NULL || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    ULONG count = family == AF_UNSPEC ? 2 : 1, n = 0;
    MIB_IPINTERFACE_TABLE *t = IphlpAlloc(FIELD_OFFSET(MIB_IPINTERFACE_TABLE, Table) + count * sizeof(MIB_IPINTERFACE_ROW));
    if (t == NULL)
        return ERROR_NOT_ENOUGH_MEMORY;
    t->NumEntries = count;
    if (family != AF_INET6)
        IpInterfaceRow(&t->Table[n++], AF_INET);
    if (family != AF_INET)
        IpInterfaceRow(&t->Table[n++], AF_INET6);
    *table = t;
    return NO_ERROR;
}

IPHLP_EXPORT VOID NETIOAPI_API_ InitializeIpInterfaceEntry(PMIB_IPINTERFACE_ROW row)
{
    memset(row, 0, sizeof(*row));
    row->Family = AF_UNSPEC;
}

/* The loopback's IPv4 routes, as `route print` shows them on Windows: 127.0.0.0/8, the host
 * 127.0.0.1, the broadcast 127.255.255.255, multicast 224.0.0.0/4 and the limited broadcast. */
static const struct { BYTE Dest[4]; UCHAR Prefix; } routes[] = {
    {{127, 0, 0, 0}, 8}, {{127, 0, 0, 1}, 32}, {{127, 255, 255, 255}, 32}, {{224, 0, 0, 0}, 4},
    {{255, 255, 255, 255}, 32},
};
#define ROUTE_COUNT (sizeof(routes) / sizeof(routes[0]))

static void ForwardRow(MIB_IPFORWARDROW *r, ULONG n)
{
    memset(r, 0, sizeof(*r));
    memcpy(&r->dwForwardDest, routes[n].Dest, 4);
    r->dwForwardMask = routes[n].Prefix ? htonl(0xFFFFFFFFu << (32 - routes[n].Prefix)) : 0;
    r->dwForwardNextHop = IphlpLoopback.Ipv4.S_un.S_addr;
    r->dwForwardIfIndex = IphlpLoopback.Index;
    r->dwForwardType = MIB_IPROUTE_TYPE_DIRECT;
    r->dwForwardProto = MIB_IPPROTO_LOCAL;
    r->dwForwardMetric1 = 256 + IphlpLoopback.Metric;
}

IPHLP_EXPORT DWORD WINAPI GetIpForwardTable(PMIB_IPFORWARDTABLE table, PULONG size, BOOL order)
{
    (void)order;
    if (size == NULL)
        return ERROR_INVALID_PARAMETER;
    ULONG need = FIELD_OFFSET(MIB_IPFORWARDTABLE, table) + ROUTE_COUNT * sizeof(MIB_IPFORWARDROW);
    if (table == NULL || *size < need) {
        *size = need;
        return ERROR_INSUFFICIENT_BUFFER;
    }
    table->dwNumEntries = ROUTE_COUNT;
    for (ULONG n = 0; n < ROUTE_COUNT; n++)
        ForwardRow(&table->table[n], n);
    return NO_ERROR;
}

IPHLP_EXPORT DWORD WINAPI GetBestRoute(DWORD destination, DWORD source, PMIB_IPFORWARDROW best)
{
    (void)source;
    if (best == NULL)
        return ERROR_INVALID_PARAMETER;
    const BYTE *d = (const BYTE *)&destination;
    if (d[0] != 127)
        return ERROR_NETWORK_UNREACHABLE;
    ForwardRow(best, d[1] == 255 && d[2] == 255 && d[3] == 255 ? 2 : d[1] == 0 && d[2] == 0 && d[3] == 1 ? 1 : 0);
    return NO_ERROR;
}

IPHLP_EXPORT DWORD WINAPI GetBestInterfaceEx(struct sockaddr *destination, PDWORD index)
{
    if (destination == NULL || index == NULL)
        return ERROR_INVALID_PARAMETER;
    if (destination->sa_family != AF_INET && destination->sa_family != AF_INET6)
        return ERROR_INVALID_PARAMETER;
    if (!IphlpIsLoopbackDestination(destination))
        return ERROR_NETWORK_UNREACHABLE;
    *index = IphlpLoopback.Index;
    return NO_ERROR;
}

IPHLP_EXPORT DWORD WINAPI GetBestInterface(IPAddr destination, PDWORD index)
{
    SOCKADDR_IN sa = {.sin_family = AF_INET};
    sa.sin_addr.S_un.S_addr = destination;
    return GetBestInterfaceEx((struct sockaddr *)&sa, index);
}
