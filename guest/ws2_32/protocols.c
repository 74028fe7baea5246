/* WSAEnumProtocols: the catalogue of this machine's one provider, TCP and UDP over IPv4 and IPv6.
 * Its sockets are file handles (XP1_IFS_HANDLES), which Go checks before it uses
 * SetFileCompletionNotificationModes. */
#include "sock.h"

static const struct { int family, type, protocol; DWORD flags; const WCHAR *name; } catalogue[] = {
    {AF_INET, SOCK_STREAM, IPPROTO_TCP, XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE,
     L"MSAFD Tcpip [TCP/IP]"},
    {AF_INET, SOCK_DGRAM, IPPROTO_UDP, XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST,
     L"MSAFD Tcpip [UDP/IP]"},
    {AF_INET6, SOCK_STREAM, IPPROTO_TCP, XP1_GUARANTEED_DELIVERY | XP1_GUARANTEED_ORDER | XP1_GRACEFUL_CLOSE,
     L"MSAFD Tcpip [TCP/IPv6]"},
    {AF_INET6, SOCK_DGRAM, IPPROTO_UDP, XP1_CONNECTIONLESS | XP1_MESSAGE_ORIENTED | XP1_SUPPORT_BROADCAST,
     L"MSAFD Tcpip [UDP/IPv6]"},
};

static int WsWanted(const INT *protocols, int protocol)
{
    if (protocols == NULL)
        return 1;
    for (; *protocols; protocols++)
        if (*protocols == protocol)
            return 1;
    return 0;
}

__declspec(dllexport) int WSAAPI WSAEnumProtocolsW(LPINT protocols, LPWSAPROTOCOL_INFOW buffer, LPDWORD length)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (length == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    DWORD count = 0;
    for (size_t i = 0; i < sizeof(catalogue) / sizeof(catalogue[0]); i++)
        count += WsWanted(protocols, catalogue[i].protocol);
    if (buffer == NULL || *length < count * sizeof(WSAPROTOCOL_INFOW)) {
        *length = count * (DWORD)sizeof(WSAPROTOCOL_INFOW);
        SetLastError(WSAENOBUFS);
        return SOCKET_ERROR;
    }
    DWORD n = 0;
    for (size_t i = 0; i < sizeof(catalogue) / sizeof(catalogue[0]); i++) {
        if (!WsWanted(protocols, catalogue[i].protocol))
            continue;
        WSAPROTOCOL_INFOW *p = &buffer[n++];
        memset(p, 0, sizeof(*p));
        p->dwServiceFlags1 = catalogue[i].flags | XP1_IFS_HANDLES | XP1_EXPEDITED_DATA;
        p->dwCatalogEntryId = 1001 + (DWORD)i;
        p->ProtocolChain.ChainLen = BASE_PROTOCOL;
        p->iVersion = 2;
        p->iAddressFamily = catalogue[i].family;
        p->iMaxSockAddr = catalogue[i].family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
        p->iMinSockAddr = p->iMaxSockAddr;
        p->iSocketType = catalogue[i].type;
        p->iProtocol = catalogue[i].protocol;
        p->dwMessageSize = catalogue[i].type == SOCK_STREAM ? 0 : 65467;
        for (int c = 0; catalogue[i].name[c]; c++)
            p->szProtocol[c] = catalogue[i].name[c];
    }
    return (int)n;
}

__declspec(dllexport) int WSAAPI WSAEnumProtocolsA(LPINT protocols, LPWSAPROTOCOL_INFOA buffer, LPDWORD length)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    WSAPROTOCOL_INFOW wide[4];
    DWORD wide_length = sizeof(wide);
    int n = WSAEnumProtocolsW(protocols, wide, &wide_length);
    if (n < 0 || length == NULL)
        return SOCKET_ERROR;
    if (buffer == NULL || *length < (DWORD)n * sizeof(WSAPROTOCOL_INFOA)) {
        *length = (DWORD)n * (DWORD)sizeof(WSAPROTOCOL_INFOA);
        SetLastError(WSAENOBUFS);
        return SOCKET_ERROR;
    }
    for (int i = 0; i < n; i++) {
        memcpy(&buffer[i], &wide[i], offsetof(WSAPROTOCOL_INFOA, szProtocol));
        for (int c = 0; c <= WSAPROTOCOL_LEN; c++)
            buffer[i].szProtocol[c] = (char)wide[i].szProtocol[c];
    }
    return n;
}
