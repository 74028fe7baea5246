/* The adapter views: GetAdaptersAddresses (one IP_ADAPTER_ADDRESSES, the loopback's, with its
 * unicast addresses and, with GAA_FLAG_INCLUDE_PREFIX, its on-link prefixes), GetAdaptersInfo and
 * GetInterfaceInfo (which list no loopback: ERROR_NO_DATA / an empty table, as on a Windows machine
 * without network adapters), GetNetworkParams and GetNumberOfInterfaces. A buffer too small gets
 * ERROR_BUFFER_OVERFLOW and the size needed. */
#include "iphlp.h"

/* A cursor over the caller's buffer: the first pass only measures (base NULL). */
typedef struct { BYTE *Base; ULONG Used; } LAYOUT;

static void *Take(LAYOUT *l, ULONG size)
{
    ULONG at = (l->Used + 7) & ~7u;
    l->Used = at + size;
    return l->Base ? l->Base + at : NULL;
}

static WCHAR *TakeString(LAYOUT *l, const WCHAR *text)
{
    ULONG n = (ULONG)(lstrlenW(text) + 1) * sizeof(WCHAR);
    WCHAR *p = Take(l, n);
    if (p)
        memcpy(p, text, n);
    return p;
}

static SOCKADDR *TakeSockaddr(LAYOUT *l, int family, SOCKET_ADDRESS *out)
{
    int length = family == AF_INET ? sizeof(SOCKADDR_IN) : sizeof(SOCKADDR_IN6);
    SOCKADDR *sa = Take(l, length);
    if (sa) {
        memset(sa, 0, length);
        sa->sa_family = (ADDRESS_FAMILY)family;
        if (family == AF_INET)
            ((SOCKADDR_IN *)sa)->sin_addr = IphlpLoopback.Ipv4;
        else
            ((SOCKADDR_IN6 *)sa)->sin6_addr = IphlpLoopback.Ipv6;
        out->lpSockaddr = sa;
        out->iSockaddrLength = length;
    }
    return sa;
}

/* One unicast address of the loopback, linked after *link. */
static void Unicast(LAYOUT *l, int family, IP_ADAPTER_UNICAST_ADDRESS_LH ***link)
{
    IP_ADAPTER_UNICAST_ADDRESS_LH *u = Take(l, sizeof(*u));
    if (u) {
        memset(u, 0, sizeof(*u));
        u->Length = sizeof(*u);
        u->PrefixOrigin = IpPrefixOriginWellKnown;
        u->SuffixOrigin = IpSuffixOriginWellKnown;
        u->DadState = IpDadStatePreferred;
        u->ValidLifetime = u->PreferredLifetime = u->LeaseLifetime = 0xFFFFFFFF;
        u->OnLinkPrefixLength = family == AF_INET ? IphlpLoopback.Ipv4Prefix : IphlpLoopback.Ipv6Prefix;
        **link = u;
        *link = &u->Next;
    }
    TakeSockaddr(l, family, u ? &u->Address : &(SOCKET_ADDRESS){0});
}

/* One on-link prefix: the address masked to length bits. */
static void Prefix(LAYOUT *l, int family, const BYTE *address, ULONG length, IP_ADAPTER_PREFIX_XP ***link)
{
    IP_ADAPTER_PREFIX_XP *p = Take(l, sizeof(*p));
    SOCKET_ADDRESS ignored;
    SOCKADDR *sa = TakeSockaddr(l, family, p ? &p->Address : &ignored);
    if (p == NULL)
        return;
    p->Length = sizeof(*p);
    p->Flags = 0;
    p->Next = NULL;
    p->PrefixLength = length;
    BYTE *bytes = family == AF_INET ? (BYTE *)&((SOCKADDR_IN *)sa)->sin_addr : (BYTE *)&((SOCKADDR_IN6 *)sa)->sin6_addr;
    ULONG size = family == AF_INET ? 4 : 16;
    for (ULONG i = 0; i < size; i++) {
        ULONG bits = length > i * 8 ? length - i * 8 : 0;
        BYTE mask = bits >= 8 ? 0xFF : (BYTE)(0xFF << (8 - bits));
        bytes[i] = address[i] & mask;
    }
    **link = p;
    *link = &p->Next;
}

static void Adapter(LAYOUT *l, ULONG family, ULONG flags)
{
    IP_ADAPTER_ADDRESSES_LH *a = Take(l, sizeof(*a));
    const IPHLP_INTERFACE *i = &IphlpLoopback;
    if (a) {
        memset(a, 0, sizeof(*a));
        a->Length = sizeof(*a);
        a->IfIndex = i->Index;
        a->Flags = IP_ADAPTER_IPV4_ENABLED | IP_ADAPTER_IPV6_ENABLED;
        a->Mtu = i->Mtu;
        a->IfType = IF_TYPE_SOFTWARE_LOOPBACK;
        a->OperStatus = IfOperStatusUp;
        a->Ipv6IfIndex = i->Index;
        for (int z = 1; z < 16; z++)            /* every scope's zone is the loopback's, 1 */
            a->ZoneIndices[z] = i->Index;
        a->TransmitLinkSpeed = a->ReceiveLinkSpeed = i->Speed;
        a->Ipv4Metric = a->Ipv6Metric = i->Metric;
        a->Luid = i->Luid;
        a->CompartmentId = 1;
        a->NetworkGuid = i->Guid;
        a->ConnectionType = NET_IF_CONNECTION_DEDICATED;
        a->TunnelType = TUNNEL_TYPE_NONE;
    }
    char *name = Take(l, (ULONG)lstrlenA(i->AdapterName) + 1);
    if (name)
        lstrcpyA(name, i->AdapterName);
    if (a)
        a->AdapterName = name;
    IP_ADAPTER_UNICAST_ADDRESS_LH *dummy_u = NULL, **ulink = a ? &a->FirstUnicastAddress : &dummy_u;
    if (!(flags & GAA_FLAG_SKIP_UNICAST)) {
        if (family != AF_INET6)
            Unicast(l, AF_INET, &ulink);
        if (family != AF_INET)
            Unicast(l, AF_INET6, &ulink);
    }
    if (flags & GAA_FLAG_INCLUDE_PREFIX) {
        IP_ADAPTER_PREFIX_XP *dummy_p = NULL, **plink = a ? &a->FirstPrefix : &dummy_p;
        static const BYTE broadcast[4] = {127, 255, 255, 255};
        if (family != AF_INET6) {
            Prefix(l, AF_INET, (const BYTE *)&i->Ipv4, i->Ipv4Prefix, &plink);
            Prefix(l, AF_INET, (const BYTE *)&i->Ipv4, 32, &plink);
            Prefix(l, AF_INET, broadcast, 32, &plink);
        }
        if (family != AF_INET)
            Prefix(l, AF_INET6, (const BYTE *)&i->Ipv6, i->Ipv6Prefix, &plink);
    }
    WCHAR *suffix = TakeString(l, L""), *description = TakeString(l, i->Description);
    WCHAR *friendly = TakeString(l, flags & GAA_FLAG_SKIP_FRIENDLY_NAME ? L"" : i->Alias);
    if (a) {
        a->DnsSuffix = suffix;
        a->Description = description;
        a->FriendlyName = friendly;
    }
}

IPHLP_EXPORT ULONG WINAPI GetAdaptersAddresses(ULONG family, ULONG flags, PVOID reserved,
                                               PIP_ADAPTER_ADDRESSES addresses, PULONG size)
{
    if (size == NULL || reserved != NULL || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    LAYOUT measure = {NULL, 0};
    Adapter(&measure, family, flags);
    if (addresses == NULL || *size < measure.Used) {
        *size = measure.Used;
        return ERROR_BUFFER_OVERFLOW;
    }
    memset(addresses, 0, measure.Used);
    LAYOUT write = {(BYTE *)addresses, 0};
    Adapter(&write, family, flags);
    return ERROR_SUCCESS;
}

/* The IPv4 adapters of the old API leave out the loopback: the machine has none. */
IPHLP_EXPORT ULONG WINAPI GetAdaptersInfo(PIP_ADAPTER_INFO info, PULONG size)
{
    (void)info;
    if (size == NULL)
        return ERROR_INVALID_PARAMETER;
    return ERROR_NO_DATA;
}

IPHLP_EXPORT DWORD WINAPI GetInterfaceInfo(PIP_INTERFACE_INFO table, PULONG size)
{
    if (size == NULL)
        return ERROR_INVALID_PARAMETER;
    ULONG need = FIELD_OFFSET(IP_INTERFACE_INFO, Adapter);
    if (table == NULL || *size < need) {
        *size = need;
        return ERROR_INSUFFICIENT_BUFFER;
    }
    table->NumAdapters = 0;
    return ERROR_SUCCESS;
}

IPHLP_EXPORT DWORD WINAPI GetPerAdapterInfo(ULONG index, PIP_PER_ADAPTER_INFO info, PULONG size)
{
    if (size == NULL)
        return ERROR_INVALID_PARAMETER;
    if (!IphlpIsLoopbackIndex(index))
        return ERROR_NO_DATA;
    if (info == NULL || *size < sizeof(*info)) {
        *size = sizeof(*info);
        return ERROR_BUFFER_OVERFLOW;
    }
    memset(info, 0, sizeof(*info));
    return ERROR_SUCCESS;
}

IPHLP_EXPORT DWORD WINAPI GetNumberOfInterfaces(PDWORD count)
{
    if (count == NULL)
        return ERROR_INVALID_PARAMETER;
    *count = 1;
    return NO_ERROR;
}

/* The host's DNS name and an empty domain; no DNS server is configured (the machine has no network). */
IPHLP_EXPORT DWORD WINAPI GetNetworkParams(PFIXED_INFO info, PULONG size)
{
    if (size == NULL)
        return ERROR_INVALID_PARAMETER;
    if (info == NULL || *size < sizeof(FIXED_INFO)) {
        *size = sizeof(FIXED_INFO);
        return ERROR_BUFFER_OVERFLOW;
    }
    memset(info, 0, sizeof(*info));
    DWORD n = sizeof(info->HostName);
    if (!GetComputerNameExA(ComputerNameDnsHostname, info->HostName, &n))
        info->HostName[0] = 0;
    n = sizeof(info->DomainName);
    if (!GetComputerNameExA(ComputerNameDnsDomain, info->DomainName, &n))
        info->DomainName[0] = 0;
    info->NodeType = BROADCAST_NODETYPE;
    return ERROR_SUCCESS;
}
