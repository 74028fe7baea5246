/* The Winsock 2 byte-order calls: WSAHtonl/WSAHtons/WSANtohl/WSANtohs convert as htonl and the
 * rest do, but name the socket whose provider defines the network order and report failure the
 * Winsock way: WSANOTINITIALISED before WSAStartup, WSAENOTSOCK for what is not a socket,
 * WSAEFAULT for a NULL result pointer. */
#include "sock.h"

static int WsOrderCheck(SOCKET s, const void *result)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (!WsCheckSocket(s))
        return SOCKET_ERROR;
    if (result == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    return 0;
}

__declspec(dllexport) int WSAAPI WSAHtonl(SOCKET s, u_long host, u_long *net)
{
    if (WsOrderCheck(s, net) != 0)
        return SOCKET_ERROR;
    *net = htonl(host);
    return 0;
}

__declspec(dllexport) int WSAAPI WSAHtons(SOCKET s, u_short host, u_short *net)
{
    if (WsOrderCheck(s, net) != 0)
        return SOCKET_ERROR;
    *net = htons(host);
    return 0;
}

__declspec(dllexport) int WSAAPI WSANtohl(SOCKET s, u_long net, u_long *host)
{
    if (WsOrderCheck(s, host) != 0)
        return SOCKET_ERROR;
    *host = ntohl(net);
    return 0;
}

__declspec(dllexport) int WSAAPI WSANtohs(SOCKET s, u_short net, u_short *host)
{
    if (WsOrderCheck(s, host) != 0)
        return SOCKET_ERROR;
    *host = ntohs(net);
    return 0;
}
