/* The endpoint tables: GetTcpTable(2), GetTcp6Table(2), GetExtendedTcpTable, GetUdpTable,
 * GetUdp6Table and GetExtendedUdpTable, over \Device\Nsi's list of AFD's endpoints (nsi.c). Rows
 * come sorted by local then remote address and port, whatever bOrder says. A buffer too small is
 * ERROR_INSUFFICIENT_BUFFER with the size needed. */
#include "nsi.h"

/* Which rows a class keeps: listeners, connections or both. */
enum { KEEP_LISTENERS = 1, KEEP_CONNECTIONS = 2, KEEP_ALL = 3 };

typedef void (*FILL_ROW)(BYTE *out, const NSI_ENDPOINT_ROW *row);

static DWORD Table(ULONG protocol, ULONG family, int keep, ULONG header, ULONG row_size, FILL_ROW fill, PVOID table,
                   PULONG size)
{
    if (size == NULL)
        return ERROR_INVALID_PARAMETER;
    NSI_ENDPOINT_ROW *rows;
    ULONG count, kept = 0;
    DWORD error = IphlpQueryEndpoints(protocol, family, &rows, &count);
    if (error != NO_ERROR)
        return error;
    for (ULONG i = 0; i < count; i++) {
        BOOL listener = protocol == IPPROTO_TCP && rows[i].State == MIB_TCP_STATE_LISTEN;
        if (protocol == IPPROTO_UDP || (listener ? keep & KEEP_LISTENERS : keep & KEEP_CONNECTIONS))
            rows[kept++] = rows[i];
    }
    /* dwNumEntries, then the rows at their alignment (header: the table type's offset of them). */
    ULONG need = header + kept * row_size;
    if (table == NULL || *size < need) {
        *size = need;
        error = ERROR_INSUFFICIENT_BUFFER;
    } else {
        *(DWORD *)table = kept;
        for (ULONG i = 0; i < kept; i++) {
            BYTE *out = (BYTE *)table + header + i * row_size;
            memset(out, 0, row_size);
            fill(out, &rows[i]);
        }
    }
    HeapFree(GetProcessHeap(), 0, rows);
    return error;
}

#define ROWS(type, row) FIELD_OFFSET(type, table), sizeof(row)

static DWORD V4(const BYTE *addr) { return *(const DWORD *)addr; }

static void TcpRow(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    MIB_TCPROW *t = (MIB_TCPROW *)out;
    t->dwState = r->State;
    t->dwLocalAddr = V4(r->LocalAddr);
    t->dwLocalPort = r->LocalPort;
    t->dwRemoteAddr = V4(r->RemoteAddr);
    t->dwRemotePort = r->RemotePort;
}

static void TcpRowPid(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    TcpRow(out, r);
    ((MIB_TCPROW_OWNER_PID *)out)->dwOwningPid = r->OwnerPid;
}

static void TcpRow2(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    TcpRow(out, r);
    ((MIB_TCPROW2 *)out)->dwOwningPid = r->OwnerPid;
    ((MIB_TCPROW2 *)out)->dwOffloadState = TcpConnectionOffloadStateInHost;
}

static void TcpRowModule(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    TcpRow(out, r);
    ((MIB_TCPROW_OWNER_MODULE *)out)->dwOwningPid = r->OwnerPid;
}

static void Tcp6Row(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    MIB_TCP6ROW *t = (MIB_TCP6ROW *)out;
    t->State = (MIB_TCP_STATE)r->State;
    memcpy(&t->LocalAddr, r->LocalAddr, 16);
    t->dwLocalScopeId = r->LocalScope;
    t->dwLocalPort = r->LocalPort;
    memcpy(&t->RemoteAddr, r->RemoteAddr, 16);
    t->dwRemoteScopeId = r->RemoteScope;
    t->dwRemotePort = r->RemotePort;
}

static void Tcp6Row2(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    Tcp6Row(out, r);
    ((MIB_TCP6ROW2 *)out)->dwOwningPid = r->OwnerPid;
    ((MIB_TCP6ROW2 *)out)->dwOffloadState = TcpConnectionOffloadStateInHost;
}

static void Tcp6RowPid(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    MIB_TCP6ROW_OWNER_PID *t = (MIB_TCP6ROW_OWNER_PID *)out;
    memcpy(t->ucLocalAddr, r->LocalAddr, 16);
    t->dwLocalScopeId = r->LocalScope;
    t->dwLocalPort = r->LocalPort;
    memcpy(t->ucRemoteAddr, r->RemoteAddr, 16);
    t->dwRemoteScopeId = r->RemoteScope;
    t->dwRemotePort = r->RemotePort;
    t->dwState = r->State;
    t->dwOwningPid = r->OwnerPid;
}

static void Tcp6RowModule(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    MIB_TCP6ROW_OWNER_MODULE *t = (MIB_TCP6ROW_OWNER_MODULE *)out;
    memcpy(t->ucLocalAddr, r->LocalAddr, 16);
    t->dwLocalScopeId = r->LocalScope;
    t->dwLocalPort = r->LocalPort;
    memcpy(t->ucRemoteAddr, r->RemoteAddr, 16);
    t->dwRemoteScopeId = r->RemoteScope;
    t->dwRemotePort = r->RemotePort;
    t->dwState = r->State;
    t->dwOwningPid = r->OwnerPid;
}

static void UdpRow(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    ((MIB_UDPROW *)out)->dwLocalAddr = V4(r->LocalAddr);
    ((MIB_UDPROW *)out)->dwLocalPort = r->LocalPort;
}

static void UdpRowPid(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    UdpRow(out, r);
    ((MIB_UDPROW_OWNER_PID *)out)->dwOwningPid = r->OwnerPid;
}

static void UdpRowModule(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    UdpRow(out, r);
    ((MIB_UDPROW_OWNER_MODULE *)out)->dwOwningPid = r->OwnerPid;
}

static void Udp6Row(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    MIB_UDP6ROW *u = (MIB_UDP6ROW *)out;
    memcpy(&u->dwLocalAddr, r->LocalAddr, 16);
    u->dwLocalScopeId = r->LocalScope;
    u->dwLocalPort = r->LocalPort;
}

static void Udp6RowPid(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    MIB_UDP6ROW_OWNER_PID *u = (MIB_UDP6ROW_OWNER_PID *)out;
    memcpy(u->ucLocalAddr, r->LocalAddr, 16);
    u->dwLocalScopeId = r->LocalScope;
    u->dwLocalPort = r->LocalPort;
    u->dwOwningPid = r->OwnerPid;
}

static void Udp6RowModule(BYTE *out, const NSI_ENDPOINT_ROW *r)
{
    MIB_UDP6ROW_OWNER_MODULE *u = (MIB_UDP6ROW_OWNER_MODULE *)out;
    memcpy(u->ucLocalAddr, r->LocalAddr, 16);
    u->dwLocalScopeId = r->LocalScope;
    u->dwLocalPort = r->LocalPort;
    u->dwOwningPid = r->OwnerPid;
}

IPHLP_EXPORT ULONG WINAPI GetTcpTable(PMIB_TCPTABLE table, PULONG size, BOOL order)
{
    (void)order;
    return Table(IPPROTO_TCP, AF_INET, KEEP_ALL, ROWS(MIB_TCPTABLE, MIB_TCPROW), TcpRow, table, size);
}

IPHLP_EXPORT ULONG WINAPI GetTcpTable2(PMIB_TCPTABLE2 table, PULONG size, BOOL order)
{
    (void)order;
    return Table(IPPROTO_TCP, AF_INET, KEEP_ALL, ROWS(MIB_TCPTABLE2, MIB_TCPROW2), TcpRow2, table, size);
}

IPHLP_EXPORT ULONG WINAPI GetTcp6Table(PMIB_TCP6TABLE table, PULONG size, BOOL order)
{
    (void)order;
    return Table(IPPROTO_TCP, AF_INET6, KEEP_ALL, ROWS(MIB_TCP6TABLE, MIB_TCP6ROW), Tcp6Row, table, size);
}

IPHLP_EXPORT ULONG WINAPI GetTcp6Table2(PMIB_TCP6TABLE2 table, PULONG size, BOOL order)
{
    (void)order;
    return Table(IPPROTO_TCP, AF_INET6, KEEP_ALL, ROWS(MIB_TCP6TABLE2, MIB_TCP6ROW2), Tcp6Row2, table, size);
}

IPHLP_EXPORT DWORD WINAPI GetExtendedTcpTable(PVOID table, PDWORD size, BOOL order, ULONG family,
                                              TCP_TABLE_CLASS kind, ULONG reserved)
{
    (void)order;
    if (reserved != 0 || (family != AF_INET && family != AF_INET6) || (ULONG)kind > TCP_TABLE_OWNER_MODULE_ALL)
        return ERROR_INVALID_PARAMETER;
    int keep = kind % 3 == 0 ? KEEP_LISTENERS : kind % 3 == 1 ? KEEP_CONNECTIONS : KEEP_ALL;
    ULONG *length = (ULONG *)size;
    if (kind <= TCP_TABLE_BASIC_ALL) {
        if (family == AF_INET6)
            return ERROR_INVALID_PARAMETER;         /* the basic tables are IPv4's */
        return Table(IPPROTO_TCP, AF_INET, keep, ROWS(MIB_TCPTABLE, MIB_TCPROW), TcpRow, table, length);
    }
    if (kind <= TCP_TABLE_OWNER_PID_ALL)
        return family == AF_INET ? Table(IPPROTO_TCP, AF_INET, keep, ROWS(MIB_TCPTABLE_OWNER_PID, MIB_TCPROW_OWNER_PID), TcpRowPid, table, length)
                                 : Table(IPPROTO_TCP, AF_INET6, keep, ROWS(MIB_TCP6TABLE_OWNER_PID, MIB_TCP6ROW_OWNER_PID), Tcp6RowPid, table, length);
    return family == AF_INET ? Table(IPPROTO_TCP, AF_INET, keep, ROWS(MIB_TCPTABLE_OWNER_MODULE, MIB_TCPROW_OWNER_MODULE), TcpRowModule, table, length)
                             : Table(IPPROTO_TCP, AF_INET6, keep, ROWS(MIB_TCP6TABLE_OWNER_MODULE, MIB_TCP6ROW_OWNER_MODULE), Tcp6RowModule, table, length);
}

IPHLP_EXPORT ULONG WINAPI GetUdpTable(PMIB_UDPTABLE table, PULONG size, BOOL order)
{
    (void)order;
    return Table(IPPROTO_UDP, AF_INET, KEEP_ALL, ROWS(MIB_UDPTABLE, MIB_UDPROW), UdpRow, table, size);
}

IPHLP_EXPORT ULONG WINAPI GetUdp6Table(PMIB_UDP6TABLE table, PULONG size, BOOL order)
{
    (void)order;
    return Table(IPPROTO_UDP, AF_INET6, KEEP_ALL, ROWS(MIB_UDP6TABLE, MIB_UDP6ROW), Udp6Row, table, size);
}

IPHLP_EXPORT DWORD WINAPI GetExtendedUdpTable(PVOID table, PDWORD size, BOOL order, ULONG family,
                                              UDP_TABLE_CLASS kind, ULONG reserved)
{
    (void)order;
    if (reserved != 0 || (family != AF_INET && family != AF_INET6) || (ULONG)kind > UDP_TABLE_OWNER_MODULE)
        return ERROR_INVALID_PARAMETER;
    ULONG *length = (ULONG *)size;
    if (kind == UDP_TABLE_BASIC)
        return family == AF_INET ? Table(IPPROTO_UDP, AF_INET, KEEP_ALL, ROWS(MIB_UDPTABLE, MIB_UDPROW), UdpRow, table, length)
                                 : Table(IPPROTO_UDP, AF_INET6, KEEP_ALL, ROWS(MIB_UDP6TABLE, MIB_UDP6ROW), Udp6Row, table, length);
    if (kind == UDP_TABLE_OWNER_PID)
        return family == AF_INET ? Table(IPPROTO_UDP, AF_INET, KEEP_ALL, ROWS(MIB_UDPTABLE_OWNER_PID, MIB_UDPROW_OWNER_PID), UdpRowPid, table, length)
                                 : Table(IPPROTO_UDP, AF_INET6, KEEP_ALL, ROWS(MIB_UDP6TABLE_OWNER_PID, MIB_UDP6ROW_OWNER_PID), Udp6RowPid, table, length);
    return family == AF_INET ? Table(IPPROTO_UDP, AF_INET, KEEP_ALL, ROWS(MIB_UDPTABLE_OWNER_MODULE, MIB_UDPROW_OWNER_MODULE), UdpRowModule, table, length)
                             : Table(IPPROTO_UDP, AF_INET6, KEEP_ALL, ROWS(MIB_UDP6TABLE_OWNER_MODULE, MIB_UDP6ROW_OWNER_MODULE), Udp6RowModule, table, length);
}
