/* WSAEnumProtocolsW/A: the base providers of Windows 10's catalog for TCP and UDP over IPv4 and
 * IPv6 (MSAFD Tcpip, catalog entries 1001-1004, IFS handles: a socket is a file handle), filtered
 * by the 0-terminated protocol list; a buffer too small is WSAENOBUFS with the size needed. The Go
 * runtime asks it before it relies on SetFileCompletionNotificationModes. */
#define WINSOCK_API_LINKAGE
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <windows.h>

static const GUID MSAFD_TCPIP = { 0xE70F1AA0, 0xAB8B, 0x11CF, { 0x8C, 0xA3, 0x00, 0x80, 0x5F, 0x48, 0xA1, 0x92 } };

typedef struct { int family, type, protocol, sockaddr; DWORD flags, message; const char *name; } PROVIDER;

static const PROVIDER providers[] = {
    { AF_INET, SOCK_STREAM, IPPROTO_TCP, 16, 0x20066, 0, "MSAFD Tcpip [TCP/IP]" },
    { AF_INET, SOCK_DGRAM, IPPROTO_UDP, 16, 0x20609, 0xFFBB, "MSAFD Tcpip [UDP/IP]" },
    { AF_INET6, SOCK_STREAM, IPPROTO_TCP, 28, 0x20066, 0, "MSAFD Tcpip [TCP/IPv6]" },
    { AF_INET6, SOCK_DGRAM, IPPROTO_UDP, 28, 0x20609, 0xFFBB, "MSAFD Tcpip [UDP/IPv6]" },
};
#define PROVIDERS (int)(sizeof(providers) / sizeof(providers[0]))

static int Wanted(const INT *protocols, int protocol)
{
    if (protocols == NULL) return 1;
    for (; *protocols; protocols++)
        if (*protocols == protocol) return 1;
    return 0;
}

/* Fills entry i as WSAPROTOCOL_INFOW (wide) or WSAPROTOCOL_INFOA. */
static void Fill(const PROVIDER *p, int i, void *out, int wide)
{
    WSAPROTOCOL_INFOW *w = out;                 /* the two layouts agree up to szProtocol */
    memset(out, 0, wide ? sizeof(WSAPROTOCOL_INFOW) : sizeof(WSAPROTOCOL_INFOA));
    w->dwServiceFlags1 = p->flags;
    w->dwProviderFlags = PFL_MATCHES_PROTOCOL_ZERO;
    w->ProviderId = MSAFD_TCPIP;
    w->dwCatalogEntryId = 1001 + (DWORD)i;
    w->ProtocolChain.ChainLen = BASE_PROTOCOL;
    w->iVersion = 2;
    w->iAddressFamily = p->family;
    w->iMaxSockAddr = w->iMinSockAddr = p->sockaddr;
    w->iSocketType = p->type;
    w->iProtocol = p->protocol;
    w->iNetworkByteOrder = BIGENDIAN;
    w->iSecurityScheme = SECURITY_PROTOCOL_NONE;
    w->dwMessageSize = p->message;
    for (int c = 0; p->name[c]; c++) {
        if (wide) w->szProtocol[c] = (WCHAR)p->name[c];
        else ((WSAPROTOCOL_INFOA *)out)->szProtocol[c] = p->name[c];
    }
}

static int Enumerate(const INT *protocols, void *buffer, LPDWORD length, int wide)
{
    DWORD size = wide ? sizeof(WSAPROTOCOL_INFOW) : sizeof(WSAPROTOCOL_INFOA);
    int count = 0;
    for (int i = 0; i < PROVIDERS; i++)
        count += Wanted(protocols, providers[i].protocol);
    if (length == NULL) { WSASetLastError(WSAEFAULT); return SOCKET_ERROR; }
    if (buffer == NULL || *length < count * size) {
        *length = count * size;
        WSASetLastError(WSAENOBUFS);
        return SOCKET_ERROR;
    }
    int n = 0;
    for (int i = 0; i < PROVIDERS; i++)
        if (Wanted(protocols, providers[i].protocol))
            Fill(&providers[i], i, (BYTE *)buffer + n++ * size, wide);
    return count;
}

__declspec(dllexport) int WSAAPI WSAEnumProtocolsW(LPINT protocols, LPWSAPROTOCOL_INFOW buffer, LPDWORD length)
{
    return Enumerate(protocols, buffer, length, 1);
}

__declspec(dllexport) int WSAAPI WSAEnumProtocolsA(LPINT protocols, LPWSAPROTOCOL_INFOA buffer, LPDWORD length)
{
    return Enumerate(protocols, buffer, length, 0);
}
