/* WSAConnectByNameW/A: resolve a host and service (GetAddrInfoW) and connect a stream socket to
 * the first address that answers, then give both ends' addresses. An IPv4 answer is tried on an
 * IPv6 socket as its IPv4-mapped address (the dual-stack form). */
#include "sock.h"

static int WsTryConnect(SOCKET s, const struct sockaddr *to, int length)
{
    if (connect(s, to, length) == 0)
        return 1;
    if (to->sa_family != AF_INET || WSAGetLastError() != WSAEADDRNOTAVAIL)
        return 0;
    struct sockaddr_in6 mapped = {0};               /* ::ffff:a.b.c.d on an AF_INET6 socket */
    mapped.sin6_family = AF_INET6;
    mapped.sin6_port = ((const struct sockaddr_in *)to)->sin_port;
    mapped.sin6_addr.s6_addr[10] = mapped.sin6_addr.s6_addr[11] = 0xFF;
    memcpy(&mapped.sin6_addr.s6_addr[12], &((const struct sockaddr_in *)to)->sin_addr, 4);
    return connect(s, (struct sockaddr *)&mapped, sizeof(mapped)) == 0;
}

/* An out parameter pair (length in/out, address): WSAEFAULT when the buffer is too small. */
static int WsGiveAddress(SOCKET s, BOOL peer, LPDWORD length, LPSOCKADDR address)
{
    if (length == NULL || address == NULL)
        return 1;
    int n = (int)*length;
    if ((peer ? getpeername : getsockname)(s, address, &n) != 0)
        return 0;
    *length = (DWORD)n;
    return 1;
}

__declspec(dllexport) BOOL PASCAL WSAConnectByNameW(SOCKET s, LPWSTR node, LPWSTR service, LPDWORD local_length,
                                                    LPSOCKADDR local, LPDWORD remote_length, LPSOCKADDR remote,
                                                    const PTIMEVAL timeout, LPWSAOVERLAPPED reserved)
{
    (void)timeout;                                  /* loopback answers a SYN at once */
    WS_CHECK_STARTED(FALSE);
    if (!WsCheckSocket(s))
        return FALSE;
    if (node == NULL || service == NULL || reserved != NULL) {
        SetLastError(WSAEINVAL);
        return FALSE;
    }
    int type = 0, size = sizeof(type);
    if (getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &size) != 0)
        return FALSE;
    if (type != SOCK_STREAM) {
        SetLastError(WSAEINVAL);
        return FALSE;
    }
    ADDRINFOW hints = {0}, *list = NULL;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    INT error = GetAddrInfoW(node, service, &hints, &list);
    if (error) {
        SetLastError((DWORD)error);
        return FALSE;
    }
    int connected = 0;
    error = WSAEHOSTUNREACH;
    for (ADDRINFOW *a = list; a && !connected; a = a->ai_next) {
        connected = WsTryConnect(s, a->ai_addr, (int)a->ai_addrlen);
        if (!connected)
            error = WSAGetLastError();
    }
    FreeAddrInfoW(list);
    if (!connected) {
        SetLastError((DWORD)error);
        return FALSE;
    }
    if (!WsGiveAddress(s, FALSE, local_length, local) || !WsGiveAddress(s, TRUE, remote_length, remote))
        return FALSE;
    SetLastError(0);
    return TRUE;
}

__declspec(dllexport) BOOL PASCAL WSAConnectByNameA(SOCKET s, LPSTR node, LPSTR service, LPDWORD local_length,
                                                    LPSOCKADDR local, LPDWORD remote_length, LPSOCKADDR remote,
                                                    const PTIMEVAL timeout, LPWSAOVERLAPPED reserved)
{
    WCHAR wnode[256], wservice[64];
    if (node && !MultiByteToWideChar(CP_ACP, 0, node, -1, wnode, 256)) {
        SetLastError(WSAEINVAL);
        return FALSE;
    }
    if (service && !MultiByteToWideChar(CP_ACP, 0, service, -1, wservice, 64)) {
        SetLastError(WSAEINVAL);
        return FALSE;
    }
    return WSAConnectByNameW(s, node ? wnode : NULL, service ? wservice : NULL, local_length, local, remote_length,
                             remote, timeout, reserved);
}
