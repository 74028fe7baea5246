/* What iphlpapi's families share: the headers and the one interface of the machine, the software
 * loopback (index 1, LUID type 24 index 0, 127.0.0.1/8 and ::1/128), described once in machine.c. */
#pragma once
#define _WIN32_WINNT 0x0A00
#define NTDDI_VERSION 0x0A000000
#define WINSOCK_API_LINKAGE
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <iphlpapi.h>
#include <icmpapi.h>
#include <netioapi.h>

#define IPHLP_EXPORT __declspec(dllexport)

typedef struct {
    NET_IFINDEX Index;
    NET_LUID Luid;
    GUID Guid;                      /* the interface GUID (AdapterName is its string form) */
    const char *AdapterName;
    const WCHAR *Alias;             /* FriendlyName */
    const WCHAR *Description;
    const WCHAR *Name;              /* the NDIS-style name of ConvertInterfaceLuidToName */
    ULONG Mtu;
    ULONG64 Speed;                  /* bits per second, both directions */
    ULONG Metric;                   /* the IPv4 and IPv6 interface metric */
    IN_ADDR Ipv4;                   /* 127.0.0.1 */
    UCHAR Ipv4Prefix;
    IN6_ADDR Ipv6;                  /* ::1 */
    UCHAR Ipv6Prefix;
} IPHLP_INTERFACE;

extern const IPHLP_INTERFACE IphlpLoopback;

/* Is the interface named by index or LUID the machine's one? */
BOOL IphlpIsLoopbackIndex(NET_IFINDEX index);
BOOL IphlpIsLoopbackLuid(const NET_LUID *luid);
/* An allocation for the MIB tables callers free with FreeMibTable (the process heap). */
void *IphlpAlloc(SIZE_T size);
/* A destination the loopback reaches: 127/8 or ::1 (family AF_INET or AF_INET6). */
BOOL IphlpIsLoopbackDestination(const SOCKADDR *sa);
