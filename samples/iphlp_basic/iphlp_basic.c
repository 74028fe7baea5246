/* The IP Helper API on the loopback-only machine: the adapter list (sizes, the loopback's fields and
 * addresses, the family filter, prefixes), the old adapter API (no adapters), network parameters,
 * interface tables, LUID/index/name conversions, route queries, ICMP echo, the Winsock address
 * strings and the TCP/UDP endpoint tables, with the documented error codes. Exit code: failed checks. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <icmpapi.h>
#include "../k32.h"

static int SameW(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

static int SameA(const char *a, const char *b)
{
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

static void Adapters(void)
{
    ULONG size = 0;
    Check(GetAdaptersAddresses(AF_UNSPEC, 0, NULL, NULL, &size) == ERROR_BUFFER_OVERFLOW && size > sizeof(IP_ADAPTER_ADDRESSES),
          "GetAdaptersAddresses without a buffer: ERROR_BUFFER_OVERFLOW and the size");
    ULONG small = 16;
    BYTE buffer[8192];
    Check(GetAdaptersAddresses(AF_UNSPEC, 0, NULL, (PIP_ADAPTER_ADDRESSES)buffer, &small) == ERROR_BUFFER_OVERFLOW && small == size,
          "a buffer too small: the same size");
    Check(GetAdaptersAddresses(AF_UNSPEC, 0, NULL, NULL, NULL) == ERROR_INVALID_PARAMETER, "no size pointer: ERROR_INVALID_PARAMETER");
    Check(GetAdaptersAddresses(AF_IPX, 0, NULL, NULL, &size) == ERROR_INVALID_PARAMETER, "family AF_IPX: ERROR_INVALID_PARAMETER");
    size = sizeof(buffer);
    PIP_ADAPTER_ADDRESSES a = (PIP_ADAPTER_ADDRESSES)buffer;
    Check(GetAdaptersAddresses(AF_UNSPEC, GAA_FLAG_INCLUDE_PREFIX, NULL, a, &size) == NO_ERROR, "GetAdaptersAddresses(AF_UNSPEC)");
    Check(a->Next == NULL && a->IfIndex == 1 && a->Ipv6IfIndex == 1, "one adapter, index 1");
    Check(a->IfType == IF_TYPE_SOFTWARE_LOOPBACK && a->OperStatus == IfOperStatusUp, "a software loopback, up");
    Check(SameW(a->FriendlyName, L"Loopback Pseudo-Interface 1"), "FriendlyName Loopback Pseudo-Interface 1");
    Check(SameW(a->Description, L"Software Loopback Interface 1"), "Description Software Loopback Interface 1");
    Check(a->AdapterName[0] == '{' && a->PhysicalAddressLength == 0 && a->Luid.Info.IfType == IF_TYPE_SOFTWARE_LOOPBACK,
          "a GUID name, no physical address, LUID type 24");
    Check(a->Length == sizeof(IP_ADAPTER_ADDRESSES) && a->Ipv4Metric == 75 && a->Mtu == 0xFFFFFFFF, "Length, metric 75, MTU");
    PIP_ADAPTER_UNICAST_ADDRESS u = a->FirstUnicastAddress;
    Check(u && u->Address.lpSockaddr->sa_family == AF_INET &&
          ((SOCKADDR_IN *)u->Address.lpSockaddr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK) && u->OnLinkPrefixLength == 8,
          "first unicast address 127.0.0.1/8");
    Check(u && u->Next && u->Next->Address.lpSockaddr->sa_family == AF_INET6 &&
          u->Next->Address.iSockaddrLength == sizeof(SOCKADDR_IN6) && u->Next->OnLinkPrefixLength == 128 && !u->Next->Next,
          "then ::1/128");
    int prefixes = 0;
    for (PIP_ADAPTER_PREFIX p = a->FirstPrefix; p; p = p->Next) prefixes++;
    Check(prefixes == 4 && a->FirstPrefix->PrefixLength == 8, "GAA_FLAG_INCLUDE_PREFIX: 4 prefixes, 127.0.0.0/8 first");
    size = sizeof(buffer);
    Check(GetAdaptersAddresses(AF_INET6, GAA_FLAG_SKIP_FRIENDLY_NAME, NULL, a, &size) == NO_ERROR &&
          a->FirstUnicastAddress && a->FirstUnicastAddress->Address.lpSockaddr->sa_family == AF_INET6 &&
          !a->FirstUnicastAddress->Next && a->FirstPrefix == NULL && a->FriendlyName[0] == 0,
          "AF_INET6, skip friendly name: ::1 only, no prefixes, an empty name");

    ULONG info = 0;
    Check(GetAdaptersInfo(NULL, &info) == ERROR_NO_DATA, "GetAdaptersInfo: ERROR_NO_DATA (the loopback is not listed)");
    FIXED_INFO *fi = (FIXED_INFO *)buffer;
    ULONG fsize = 0;
    Check(GetNetworkParams(NULL, &fsize) == ERROR_BUFFER_OVERFLOW && fsize >= sizeof(FIXED_INFO), "GetNetworkParams size");
    fsize = sizeof(buffer);
    Check(GetNetworkParams(fi, &fsize) == NO_ERROR && SameA(fi->HostName, "NTMINI") && fi->DomainName[0] == 0,
          "GetNetworkParams: host NTMINI, no domain");
    DWORD count = 0;
    Check(GetNumberOfInterfaces(&count) == NO_ERROR && count == 1, "GetNumberOfInterfaces 1");
}

static void Tables(void)
{
    BYTE buffer[8192];
    ULONG size = 0;
    Check(GetIfTable(NULL, &size, FALSE) == ERROR_INSUFFICIENT_BUFFER && size >= sizeof(MIB_IFTABLE), "GetIfTable size");
    MIB_IFTABLE *t = (MIB_IFTABLE *)buffer;
    size = sizeof(buffer);
    Check(GetIfTable(t, &size, TRUE) == NO_ERROR && t->dwNumEntries == 1 && t->table[0].dwIndex == 1 &&
          t->table[0].dwType == IF_TYPE_SOFTWARE_LOOPBACK && t->table[0].dwOperStatus == IF_OPER_STATUS_OPERATIONAL,
          "GetIfTable: the loopback, operational");
    MIB_IFROW row = {0};
    row.dwIndex = 7;
    Check(GetIfEntry(&row) == ERROR_INVALID_DATA, "GetIfEntry(7): ERROR_INVALID_DATA");
    MIB_IF_ROW2 row2 = {0};
    row2.InterfaceIndex = 1;
    Check(GetIfEntry2(&row2) == NO_ERROR && SameW(row2.Alias, L"Loopback Pseudo-Interface 1") &&
          row2.MediaConnectState == MediaConnectStateConnected, "GetIfEntry2(1): alias, connected");
    PMIB_IF_TABLE2 t2 = NULL;
    Check(GetIfTable2(&t2) == NO_ERROR && t2->NumEntries == 1 && t2->Table[0].InterfaceIndex == 1, "GetIfTable2");
    FreeMibTable(t2);
    MIB_IPADDRTABLE *ip = (MIB_IPADDRTABLE *)buffer;
    size = sizeof(buffer);
    Check(GetIpAddrTable(ip, &size, FALSE) == NO_ERROR && ip->dwNumEntries == 1 && ip->table[0].dwAddr == htonl(INADDR_LOOPBACK) &&
          ip->table[0].dwMask == htonl(0xFF000000), "GetIpAddrTable: 127.0.0.1 mask 255.0.0.0");
    PMIB_UNICASTIPADDRESS_TABLE ut = NULL;
    Check(GetUnicastIpAddressTable(AF_UNSPEC, &ut) == NO_ERROR && ut->NumEntries == 2, "GetUnicastIpAddressTable: 2 rows");
    FreeMibTable(ut);
    MIB_IPFORWARDTABLE *ft = (MIB_IPFORWARDTABLE *)buffer;
    size = sizeof(buffer);
    Check(GetIpForwardTable(ft, &size, TRUE) == NO_ERROR && ft->dwNumEntries == 5 && ft->table[0].dwForwardIfIndex == 1,
          "GetIpForwardTable: 5 loopback routes");
    DWORD index = 0;
    Check(GetBestInterface(htonl(0x7F000001), &index) == NO_ERROR && index == 1, "GetBestInterface(127.0.0.1) 1");
    Check(GetBestInterface(htonl(0x08080808), &index) == ERROR_NETWORK_UNREACHABLE, "GetBestInterface(8.8.8.8): unreachable");
}

static void Names(void)
{
    NET_LUID luid;
    WCHAR name[IF_MAX_STRING_SIZE + 1];
    char narrow[IF_NAMESIZE];
    Check(ConvertInterfaceIndexToLuid(1, &luid) == NO_ERROR && luid.Info.IfType == IF_TYPE_SOFTWARE_LOOPBACK, "index 1 -> LUID");
    Check(ConvertInterfaceLuidToNameW(&luid, name, IF_MAX_STRING_SIZE + 1) == NO_ERROR && SameW(name, L"loopback_0"),
          "LUID -> name loopback_0");
    Check(ConvertInterfaceLuidToNameW(&luid, name, 4) == ERROR_NOT_ENOUGH_MEMORY, "a short buffer: ERROR_NOT_ENOUGH_MEMORY");
    Check(if_nametoindex("loopback_0") == 1 && if_nametoindex("eth0") == 0, "if_nametoindex");
    Check(if_indextoname(1, narrow) == narrow && SameA(narrow, "loopback_0") && if_indextoname(9, narrow) == NULL, "if_indextoname");
    Check(ConvertInterfaceIndexToLuid(9, &luid) == ERROR_FILE_NOT_FOUND && luid.Value == 0, "index 9: ERROR_FILE_NOT_FOUND");
    ULONG mask;
    UINT8 length;
    Check(ConvertLengthToIpv4Mask(20, &mask) == NO_ERROR && mask == htonl(0xFFFFF000) &&
          ConvertIpv4MaskToLength(htonl(0xFFFF0000), &length) == NO_ERROR && length == 16 &&
          ConvertIpv4MaskToLength(htonl(0xFF00FF00), &length) == ERROR_INVALID_PARAMETER, "mask <-> length");
}

static void Echo(void)
{
    HANDLE h = IcmpCreateFile();
    char data[] = "ping data";
    BYTE reply[sizeof(ICMP_ECHO_REPLY) + sizeof(data) + 8];
    Check(h != INVALID_HANDLE_VALUE, "IcmpCreateFile");
    DWORD n = IcmpSendEcho(h, htonl(0x7F000001), data, sizeof(data), NULL, reply, sizeof(reply), 1000);
    ICMP_ECHO_REPLY *r = (ICMP_ECHO_REPLY *)reply;
    Check(n == 1 && r->Status == IP_SUCCESS && r->Address == htonl(0x7F000001) && r->DataSize == sizeof(data) &&
          SameA(r->Data, "ping data") && r->Options.Ttl == 128, "echo 127.0.0.1: one reply, the data back, TTL 128");
    n = IcmpSendEcho(h, htonl(0x7F000001), data, sizeof(data), NULL, reply, sizeof(ICMP_ECHO_REPLY), 1000);
    CheckError(n == 0, IP_BUF_TOO_SMALL, "a reply buffer without room for the data: IP_BUF_TOO_SMALL");
    n = IcmpSendEcho(h, htonl(0x0A000001), data, sizeof(data), NULL, reply, sizeof(reply), 1000);
    CheckError(n == 0, IP_GENERAL_FAILURE, "echo 10.0.0.1: no route, IP_GENERAL_FAILURE");
    Check(IcmpCloseHandle(h), "IcmpCloseHandle");
}

static void Strings(void)
{
    WSADATA wsa;
    WSAStartup(MAKEWORD(2, 2), &wsa);
    SOCKADDR_IN in = {.sin_family = AF_INET, .sin_port = htons(8080)};
    in.sin_addr.s_addr = htonl(0xC0A80001);
    char text[64];
    DWORD length = sizeof(text);
    Check(WSAAddressToStringA((LPSOCKADDR)&in, sizeof(in), NULL, text, &length) == 0 && SameA(text, "192.168.0.1:8080") && length == 17,
          "WSAAddressToStringA 192.168.0.1:8080, length with the NUL");
    length = 4;
    int r = WSAAddressToStringA((LPSOCKADDR)&in, sizeof(in), NULL, text, &length);
    Check(r == SOCKET_ERROR && WSAGetLastError() == WSAEFAULT && length == 17, "too small: WSAEFAULT and the length");
    SOCKADDR_IN6 in6 = {.sin6_family = AF_INET6, .sin6_port = htons(443), .sin6_scope_id = 3};
    in6.sin6_addr.s6_addr[0] = 0xfe;
    in6.sin6_addr.s6_addr[1] = 0x80;
    in6.sin6_addr.s6_addr[15] = 1;
    WCHAR wide[80];
    length = 80;
    Check(WSAAddressToStringW((LPSOCKADDR)&in6, sizeof(in6), NULL, wide, &length) == 0 && SameW(wide, L"[fe80::1%3]:443"),
          "WSAAddressToStringW [fe80::1%3]:443");
    SOCKADDR_STORAGE back;
    int size = sizeof(back);
    Check(WSAStringToAddressA("10.1.2.3:99", AF_INET, NULL, (LPSOCKADDR)&back, &size) == 0 && size == sizeof(SOCKADDR_IN) &&
          ((SOCKADDR_IN *)&back)->sin_port == htons(99) && ((SOCKADDR_IN *)&back)->sin_addr.s_addr == htonl(0x0A010203),
          "WSAStringToAddressA 10.1.2.3:99");
    size = sizeof(back);
    Check(WSAStringToAddressW(L"[::1]:80", AF_INET6, NULL, (LPSOCKADDR)&back, &size) == 0 && size == sizeof(SOCKADDR_IN6) &&
          ((SOCKADDR_IN6 *)&back)->sin6_port == htons(80), "WSAStringToAddressW [::1]:80");
    size = sizeof(back);
    r = WSAStringToAddressA("300.1.1.1", AF_INET, NULL, (LPSOCKADDR)&back, &size);
    Check(r == SOCKET_ERROR && WSAGetLastError() == WSAEINVAL, "300.1.1.1: WSAEINVAL");
    WSACleanup();
}

static SOCKET Listener(int family, USHORT *port)
{
    SOCKET s = socket(family, SOCK_STREAM, IPPROTO_TCP);
    SOCKADDR_STORAGE a = {0};
    int n = family == AF_INET ? sizeof(SOCKADDR_IN) : sizeof(SOCKADDR_IN6);
    a.ss_family = (ADDRESS_FAMILY)family;
    if (family == AF_INET)
        ((SOCKADDR_IN *)&a)->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    else
        ((SOCKADDR_IN6 *)&a)->sin6_addr.s6_addr[15] = 1;
    bind(s, (SOCKADDR *)&a, n);
    listen(s, 4);
    getsockname(s, (SOCKADDR *)&a, &n);
    *port = ((SOCKADDR_IN *)&a)->sin_port;          /* the same offset in both families */
    return s;
}

/* The TCP and UDP tables list this process's sockets: a listener, the two ends of a connection,
 * a bound UDP socket, and the IPv6 ones in the IPv6 tables. */
static void Endpoints(void)
{
    WSADATA wsa;
    WSAStartup(MAKEWORD(2, 2), &wsa);
    USHORT port, port6;
    SOCKET l = Listener(AF_INET, &port), l6 = Listener(AF_INET6, &port6);
    SOCKET c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    SOCKADDR_IN to = {.sin_family = AF_INET, .sin_port = port};
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connect(c, (SOCKADDR *)&to, sizeof(to));
    SOCKET a = accept(l, NULL, NULL);
    SOCKET u = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
    SOCKADDR_IN ua = {.sin_family = AF_INET};
    ua.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(u, (SOCKADDR *)&ua, sizeof(ua));

    BYTE buffer[8192];
    ULONG size = 0;
    Check(GetTcpTable(NULL, &size, TRUE) == ERROR_INSUFFICIENT_BUFFER && size == 4 + 3 * sizeof(MIB_TCPROW),
          "GetTcpTable size: three rows");
    MIB_TCPTABLE *t = (MIB_TCPTABLE *)buffer;
    size = sizeof(buffer);
    int listen_rows = 0, estab = 0;
    if (GetTcpTable(t, &size, TRUE) == NO_ERROR)
        for (DWORD i = 0; i < t->dwNumEntries; i++) {
            MIB_TCPROW *r = &t->table[i];
            if (r->dwState == MIB_TCP_STATE_LISTEN && r->dwLocalPort == port && r->dwRemoteAddr == 0)
                listen_rows++;
            if (r->dwState == MIB_TCP_STATE_ESTAB && (r->dwLocalPort == port || r->dwRemotePort == port))
                estab++;
        }
    Check(listen_rows == 1 && estab == 2, "GetTcpTable: the listener and both ends of the connection");
    MIB_TCPTABLE_OWNER_PID *tp = (MIB_TCPTABLE_OWNER_PID *)buffer;
    size = sizeof(buffer);
    Check(GetExtendedTcpTable(tp, &size, TRUE, AF_INET, TCP_TABLE_OWNER_PID_LISTENER, 0) == NO_ERROR && tp->dwNumEntries == 1 &&
          tp->table[0].dwOwningPid == GetCurrentProcessId(), "GetExtendedTcpTable(OWNER_PID_LISTENER): one row, our pid");
    size = sizeof(buffer);
    Check(GetExtendedTcpTable(tp, &size, TRUE, AF_INET, TCP_TABLE_OWNER_PID_CONNECTIONS, 0) == NO_ERROR && tp->dwNumEntries == 2,
          "OWNER_PID_CONNECTIONS: two rows");
    size = sizeof(buffer);
    Check(GetExtendedTcpTable(tp, &size, TRUE, AF_INET6, TCP_TABLE_BASIC_ALL, 0) == ERROR_INVALID_PARAMETER,
          "a basic table of AF_INET6: ERROR_INVALID_PARAMETER");
    MIB_TCP6TABLE_OWNER_PID *t6 = (MIB_TCP6TABLE_OWNER_PID *)buffer;
    size = sizeof(buffer);
    Check(GetExtendedTcpTable(t6, &size, TRUE, AF_INET6, TCP_TABLE_OWNER_PID_ALL, 0) == NO_ERROR && t6->dwNumEntries == 1 &&
          t6->table[0].dwLocalPort == port6 && t6->table[0].ucLocalAddr[15] == 1 && t6->table[0].dwState == MIB_TCP_STATE_LISTEN,
          "the IPv6 table: the ::1 listener");
    MIB_UDPTABLE_OWNER_PID *up = (MIB_UDPTABLE_OWNER_PID *)buffer;
    size = sizeof(buffer);
    Check(GetExtendedUdpTable(up, &size, TRUE, AF_INET, UDP_TABLE_OWNER_PID, 0) == NO_ERROR && up->dwNumEntries == 1 &&
          up->table[0].dwLocalAddr == htonl(INADDR_LOOPBACK) && up->table[0].dwOwningPid == GetCurrentProcessId(),
          "GetExtendedUdpTable: the bound UDP socket, our pid");
    MIB_TCPSTATS ts;
    Check(GetTcpStatistics(&ts) == NO_ERROR && ts.dwActiveOpens == 1 && ts.dwPassiveOpens == 1 && ts.dwCurrEstab == 2 &&
          ts.dwNumConns == 3 && ts.dwInSegs == 3 && ts.dwMaxConn == (DWORD)MIB_TCP_MAXCONN_DYNAMIC,
          "GetTcpStatistics: one active and one passive open, the handshake's three segments");
    int ulen = sizeof(ua);
    getsockname(u, (SOCKADDR *)&ua, &ulen);
    sendto(u, "x", 1, 0, (SOCKADDR *)&ua, sizeof(ua));
    MIB_UDPSTATS us;
    Check(GetUdpStatistics(&us) == NO_ERROR && us.dwOutDatagrams == 1 && us.dwInDatagrams == 1 && us.dwNumAddrs == 1,
          "GetUdpStatistics: the datagram to itself, out and in");
    closesocket(a);
    closesocket(c);
    closesocket(l);
    closesocket(l6);
    closesocket(u);
    MIB_UDPTABLE *ut = (MIB_UDPTABLE *)buffer;
    size = sizeof(buffer);
    Check(GetTcpTable(t, &size, TRUE) == NO_ERROR && t->dwNumEntries == 0 && GetUdpTable(ut, &size, TRUE) == NO_ERROR &&
          ut->dwNumEntries == 0, "after closesocket: empty tables");
    WSACleanup();
}

void Entry(void)
{
    Adapters();
    Tables();
    Names();
    Echo();
    Strings();
    Endpoints();
    ExitProcess((UINT)failures);
}
