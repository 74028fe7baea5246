/* Protocol statistics: GetTcpStatistics(Ex), GetUdpStatistics(Ex) and GetIpStatistics(Ex) from
 * AFD's counters through \Device\Nsi (every loopback segment or datagram is both sent and
 * received); GetIcmpStatistics(Ex) are zero: echo requests (icmp.c) never reach the kernel. */
#include "nsi.h"

static DWORD Tcp(PMIB_TCPSTATS s, ULONG family)
{
    ULONG c[8];
    if (s == NULL || (family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    DWORD error = IphlpQueryCounters(IPPROTO_TCP, family, c, 8);
    if (error != NO_ERROR)
        return error;
    memset(s, 0, sizeof(*s));
    s->dwRtoAlgorithm = MIB_TCP_RTO_VANJ;
    s->dwRtoMin = 300;
    s->dwRtoMax = 120000;
    s->dwMaxConn = MIB_TCP_MAXCONN_DYNAMIC;
    s->dwActiveOpens = c[0];
    s->dwPassiveOpens = c[1];
    s->dwAttemptFails = c[2];
    s->dwEstabResets = c[3];
    s->dwCurrEstab = c[4];
    s->dwInSegs = s->dwOutSegs = c[5];
    s->dwOutRsts = c[6];
    s->dwNumConns = c[7];
    return NO_ERROR;
}

IPHLP_EXPORT ULONG WINAPI GetTcpStatisticsEx(PMIB_TCPSTATS s, ULONG family) { return Tcp(s, family); }
IPHLP_EXPORT ULONG WINAPI GetTcpStatistics(PMIB_TCPSTATS s) { return Tcp(s, AF_INET); }

static DWORD Udp(PMIB_UDPSTATS s, ULONG family)
{
    ULONG c[5];
    if (s == NULL || (family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    DWORD error = IphlpQueryCounters(IPPROTO_UDP, family, c, 5);
    if (error != NO_ERROR)
        return error;
    s->dwInDatagrams = c[0];
    s->dwNoPorts = c[1];
    s->dwInErrors = c[2];
    s->dwOutDatagrams = c[3];
    s->dwNumAddrs = c[4];
    return NO_ERROR;
}

IPHLP_EXPORT ULONG WINAPI GetUdpStatisticsEx(PMIB_UDPSTATS s, ULONG family) { return Udp(s, family); }
IPHLP_EXPORT ULONG WINAPI GetUdpStatistics(PMIB_UDPSTATS s) { return Udp(s, AF_INET); }

static DWORD Ip(PMIB_IPSTATS s, ULONG family)
{
    ULONG tcp[8], udp[5];
    if (s == NULL || (family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    DWORD error = IphlpQueryCounters(IPPROTO_TCP, family, tcp, 8);
    if (error == NO_ERROR)
        error = IphlpQueryCounters(IPPROTO_UDP, family, udp, 5);
    if (error != NO_ERROR)
        return error;
    memset(s, 0, sizeof(*s));
    s->dwForwarding = MIB_IP_NOT_FORWARDING;
    s->dwDefaultTTL = 128;
    s->dwInReceives = s->dwInDelivers = tcp[5] + udp[0] + udp[1];
    s->dwOutRequests = tcp[5] + udp[3];
    s->dwInUnknownProtos = 0;
    s->dwNumIf = 1;
    s->dwNumAddr = 1;
    s->dwNumRoutes = family == AF_INET ? 5 : 1;
    return NO_ERROR;
}

IPHLP_EXPORT ULONG WINAPI GetIpStatisticsEx(PMIB_IPSTATS s, ULONG family) { return Ip(s, family); }
IPHLP_EXPORT ULONG WINAPI GetIpStatistics(PMIB_IPSTATS s) { return Ip(s, AF_INET); }

IPHLP_EXPORT ULONG WINAPI GetIcmpStatistics(PMIB_ICMP s)
{
    if (s == NULL)
        return ERROR_INVALID_PARAMETER;
    memset(s, 0, sizeof(*s));
    return NO_ERROR;
}

IPHLP_EXPORT ULONG WINAPI GetIcmpStatisticsEx(PMIB_ICMP_EX s, ULONG family)
{
    if (s == NULL || (family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    memset(s, 0, sizeof(*s));
    return NO_ERROR;
}
