/* The machine's network interface (the software loopback, as Windows 10 names and numbers it) and
 * the helpers the families share. The DLL's entry point has nothing to set up. */
#include "iphlp.h"

const IPHLP_INTERFACE IphlpLoopback = {
    .Index = 1,
    .Luid = {.Info = {.NetLuidIndex = 0, .IfType = IF_TYPE_SOFTWARE_LOOPBACK}},
    .Guid = {0x5a1f3ab2, 0x9c51, 0x11ec, {0x8f, 0x14, 0x80, 0x6e, 0x6f, 0x6e, 0x69, 0x63}},
    .AdapterName = "{5A1F3AB2-9C51-11EC-8F14-806E6F6E6963}",
    .Alias = L"Loopback Pseudo-Interface 1",
    .Description = L"Software Loopback Interface 1",
    .Name = L"loopback_0",
    .Mtu = 0xFFFFFFFF,
    .Speed = 1073741824,
    .Metric = 75,
    .Ipv4 = {.S_un = {.S_un_b = {127, 0, 0, 1}}},
    .Ipv4Prefix = 8,
    .Ipv6 = {.u = {.Byte = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}}},
    .Ipv6Prefix = 128,
};

BOOL IphlpIsLoopbackIndex(NET_IFINDEX index)
{
    return index == IphlpLoopback.Index;
}

BOOL IphlpIsLoopbackLuid(const NET_LUID *luid)
{
    return luid != NULL && luid->Value == IphlpLoopback.Luid.Value;
}

void *IphlpAlloc(SIZE_T size)
{
    return HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size);
}

BOOL IphlpIsLoopbackDestination(const SOCKADDR *sa)
{
    if (sa == NULL)
        return FALSE;
    if (sa->sa_family == AF_INET)
        return ((const SOCKADDR_IN *)sa)->sin_addr.S_un.S_un_b.s_b1 == 127;
    if (sa->sa_family == AF_INET6)
        return memcmp(&((const SOCKADDR_IN6 *)sa)->sin6_addr, &IphlpLoopback.Ipv6, sizeof(IN6_ADDR)) == 0;
    return FALSE;
}

IPHLP_EXPORT VOID WINAPI FreeMibTable(PVOID memory)
{
    if (memory)
        HeapFree(GetProcessHeap(), 0, memory);
}

BOOL WINAPI IphlpDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
