/* Name resolution on the loopback-only machine: getaddrinfo/GetAddrInfoW (numeric hosts, the
 * empty/NULL host, "localhost" and the computer's name), getnameinfo/GetNameInfoW, gethostname,
 * gethostbyname. Results are one heap block per ADDRINFO (the sockaddr and name inside). */
#include "sock.h"

static const struct { const char *name; USHORT port; } services[] = {
    {"echo", 7}, {"ftp", 21}, {"ssh", 22}, {"telnet", 23}, {"smtp", 25}, {"domain", 53}, {"http", 80},
    {"pop3", 110}, {"ntp", 123}, {"imap", 143}, {"https", 443},
};

static int WsIsComputerName(const char *name)
{
    char own[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD size = sizeof(own);
    return GetComputerNameA(own, &size) && lstrcmpiA(own, name) == 0;
}

static int WsService(const char *service, USHORT *port)
{
    if (service == NULL || !*service) {
        *port = 0;
        return 1;
    }
    int v = 0, digits = 1;
    for (const char *p = service; *p; p++) {
        if (*p < '0' || *p > '9') {
            digits = 0;
            break;
        }
        v = v * 10 + (*p - '0');
        if (v > 65535)
            return 0;
    }
    if (digits) {
        *port = (USHORT)v;
        return 1;
    }
    for (size_t i = 0; i < sizeof(services) / sizeof(services[0]); i++)
        if (lstrcmpiA(services[i].name, service) == 0) {
            *port = services[i].port;
            return 1;
        }
    return 0;
}

static struct addrinfo *WsNode(int family, const BYTE *ip, USHORT port, const struct addrinfo *hints,
                               const char *canon)
{
    size_t canon_length = canon ? strlen(canon) + 1 : 0;
    struct addrinfo *ai = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                                    sizeof(*ai) + sizeof(struct sockaddr_in6) + canon_length);
    struct sockaddr *sa = (struct sockaddr *)(ai + 1);
    ai->ai_family = family;
    ai->ai_socktype = hints ? hints->ai_socktype : 0;
    ai->ai_protocol = hints ? hints->ai_protocol : 0;
    ai->ai_addr = sa;
    if (family == AF_INET) {
        struct sockaddr_in *in = (struct sockaddr_in *)sa;
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        memcpy(&in->sin_addr, ip, 4);
        ai->ai_addrlen = sizeof(*in);
    } else {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)sa;
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        memcpy(&in6->sin6_addr, ip, 16);
        ai->ai_addrlen = sizeof(*in6);
    }
    if (canon) {
        ai->ai_canonname = (char *)sa + sizeof(struct sockaddr_in6);
        memcpy(ai->ai_canonname, canon, canon_length);
    }
    return ai;
}

__declspec(dllexport) void WSAAPI freeaddrinfo(struct addrinfo *ai)
{
    while (ai) {
        struct addrinfo *next = ai->ai_next;
        HeapFree(GetProcessHeap(), 0, ai);
        ai = next;
    }
}

__declspec(dllexport) INT WSAAPI getaddrinfo(PCSTR node, PCSTR service, const ADDRINFOA *hints, PADDRINFOA *result)
{
    static const BYTE any4[4], loop4[4] = {127, 0, 0, 1}, any6[16], loop6[16] = {[15] = 1};
    WS_CHECK_STARTED(WSANOTINITIALISED);
    if (result == NULL)
        return SetLastError(WSAEINVAL), WSAEINVAL;
    *result = NULL;
    if (node == NULL && service == NULL)
        return SetLastError(WSAHOST_NOT_FOUND), WSAHOST_NOT_FOUND;
    int family = hints ? hints->ai_family : AF_UNSPEC, flags = hints ? hints->ai_flags : 0;
    if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
        return SetLastError(WSAEAFNOSUPPORT), WSAEAFNOSUPPORT;
    if (hints && hints->ai_socktype != 0 && hints->ai_socktype != SOCK_STREAM && hints->ai_socktype != SOCK_DGRAM)
        return SetLastError(WSAESOCKTNOSUPPORT), WSAESOCKTNOSUPPORT;
    USHORT port;
    if (!WsService(service, &port))
        return SetLastError(WSATYPE_NOT_FOUND), WSATYPE_NOT_FOUND;
    BYTE ip[16];
    struct addrinfo *first = NULL, **tail = &first;
    const char *canon = (flags & AI_CANONNAME) && node ? node : NULL;
    if (node != NULL && *node && WsParse(node, ip, &family)) {
        *tail = WsNode(family, ip, port, hints, canon);
    } else if (node != NULL && *node && (flags & AI_NUMERICHOST)) {
        return SetLastError(WSAHOST_NOT_FOUND), WSAHOST_NOT_FOUND;
    } else if (node == NULL || !*node || lstrcmpiA(node, "localhost") == 0 || WsIsComputerName(node)) {
        int passive = (node == NULL || !*node) && (flags & AI_PASSIVE);
        if (family != AF_INET) {
            *tail = WsNode(AF_INET6, passive ? any6 : loop6, port, hints, canon);
            tail = &(*tail)->ai_next;
            canon = NULL;
        }
        if (family != AF_INET6)
            *tail = WsNode(AF_INET, passive ? any4 : loop4, port, hints, canon);
    } else {
        return SetLastError(WSAHOST_NOT_FOUND), WSAHOST_NOT_FOUND;
    }
    *result = first;
    SetLastError(0);
    return 0;
}

static PWSTR WsWiden(const char *s)
{
    int n = MultiByteToWideChar(CP_UTF8, 0, s, -1, NULL, 0);
    PWSTR w = HeapAlloc(GetProcessHeap(), 0, (size_t)n * 2);
    MultiByteToWideChar(CP_UTF8, 0, s, -1, w, n);
    return w;
}

static char *WsNarrow(PCWSTR w)
{
    if (w == NULL)
        return NULL;
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    char *s = HeapAlloc(GetProcessHeap(), 0, (size_t)n);
    WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
    return s;
}

__declspec(dllexport) void WSAAPI FreeAddrInfoW(PADDRINFOW ai)
{
    while (ai) {
        PADDRINFOW next = ai->ai_next;
        if (ai->ai_canonname)
            HeapFree(GetProcessHeap(), 0, ai->ai_canonname);
        HeapFree(GetProcessHeap(), 0, ai);
        ai = next;
    }
}

__declspec(dllexport) INT WSAAPI GetAddrInfoW(PCWSTR node, PCWSTR service, const ADDRINFOW *hints, PADDRINFOW *result)
{
    char *n = WsNarrow(node), *s = WsNarrow(service);
    ADDRINFOA h, *list = NULL;
    if (hints)
        WS_NARROW_HINTS(&h, hints);
    if (result)
        *result = NULL;
    INT error = getaddrinfo(n, s, hints ? &h : NULL, result ? &list : NULL);
    if (n)
        HeapFree(GetProcessHeap(), 0, n);
    if (s)
        HeapFree(GetProcessHeap(), 0, s);
    if (error)
        return error;
    PADDRINFOW *tail = result;
    for (ADDRINFOA *a = list; a; a = a->ai_next) {
        PADDRINFOW w = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*w) + sizeof(struct sockaddr_in6));
        w->ai_flags = a->ai_flags;
        w->ai_family = a->ai_family;
        w->ai_socktype = a->ai_socktype;
        w->ai_protocol = a->ai_protocol;
        w->ai_addrlen = a->ai_addrlen;
        w->ai_addr = (struct sockaddr *)(w + 1);
        memcpy(w->ai_addr, a->ai_addr, a->ai_addrlen);
        w->ai_canonname = a->ai_canonname ? WsWiden(a->ai_canonname) : NULL;
        *tail = w;
        tail = &w->ai_next;
    }
    freeaddrinfo(list);
    return 0;
}

__declspec(dllexport) int WSAAPI gethostname(char *name, int length)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    char own[MAX_COMPUTERNAME_LENGTH + 1];
    DWORD size = sizeof(own);
    if (!GetComputerNameA(own, &size))
        memcpy(own, "localhost", (size = 9) + 1);
    if (name == NULL || length <= (int)size) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    memcpy(name, own, size + 1);
    return 0;
}

__declspec(dllexport) int WSAAPI GetHostNameW(PWSTR name, int length)
{
    char own[MAX_COMPUTERNAME_LENGTH + 1];
    if (gethostname(own, sizeof(own)) != 0)
        return SOCKET_ERROR;
    int n = (int)strlen(own);
    if (name == NULL || length <= n) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    for (int i = 0; i <= n; i++)
        name[i] = (WCHAR)(BYTE)own[i];
    return 0;
}

__declspec(dllexport) struct hostent *WSAAPI gethostbyname(const char *name)
{
    static struct hostent entry;
    static char host[256];
    static struct in_addr address;
    static char *addresses[2], *aliases[1];
    WS_CHECK_STARTED(NULL);
    char own[MAX_COMPUTERNAME_LENGTH + 1];
    if (name == NULL || !*name) {
        gethostname(own, sizeof(own));
        name = own;
    }
    BYTE ip[16];
    int family = AF_INET;
    if (WsParse(name, ip, &family))
        memcpy(&address, ip, 4);
    else if (lstrcmpiA(name, "localhost") == 0 || WsIsComputerName(name))
        address.s_addr = htonl(INADDR_LOOPBACK);
    else {
        SetLastError(WSAHOST_NOT_FOUND);
        return NULL;
    }
    lstrcpynA(host, name, sizeof(host));
    addresses[0] = (char *)&address;
    entry.h_name = host;
    entry.h_aliases = aliases;
    entry.h_addrtype = AF_INET;
    entry.h_length = 4;
    entry.h_addr_list = addresses;
    return &entry;
}

__declspec(dllexport) INT WSAAPI getnameinfo(const SOCKADDR *sa, socklen_t salen, PCHAR host, DWORD hostlen,
                                             PCHAR serv, DWORD servlen, INT flags)
{
    WS_CHECK_STARTED(WSANOTINITIALISED);
    if (sa == NULL || salen < (socklen_t)sizeof(struct sockaddr_in) || (sa->sa_family != AF_INET
                                                                       && sa->sa_family != AF_INET6))
        return SetLastError(WSAEAFNOSUPPORT), WSAEAFNOSUPPORT;
    if (sa->sa_family == AF_INET6 && salen < (socklen_t)sizeof(struct sockaddr_in6))
        return SetLastError(WSAEFAULT), WSAEFAULT;
    const BYTE *ip = sa->sa_family == AF_INET ? (const BYTE *)&((struct sockaddr_in *)sa)->sin_addr
                                              : (const BYTE *)&((struct sockaddr_in6 *)sa)->sin6_addr;
    USHORT port = ntohs(((struct sockaddr_in *)sa)->sin_port);
    if (host != NULL && hostlen) {
        char text[64];
        int loopback = sa->sa_family == AF_INET ? ip[0] == 127 : IN6_IS_ADDR_LOOPBACK((struct in6_addr *)ip);
        if (!(flags & NI_NUMERICHOST) && loopback)
            gethostname(text, sizeof(text));
        else if (flags & NI_NAMEREQD)
            return SetLastError(WSAHOST_NOT_FOUND), WSAHOST_NOT_FOUND;
        else
            inet_ntop(sa->sa_family, ip, text, sizeof(text));
        if (strlen(text) + 1 > hostlen)
            return SetLastError(WSAEFAULT), WSAEFAULT;
        memcpy(host, text, strlen(text) + 1);
    }
    if (serv != NULL && servlen) {
        char text[16];
        const char *name = NULL;
        for (size_t i = 0; !(flags & NI_NUMERICSERV) && i < sizeof(services) / sizeof(services[0]); i++)
            if (services[i].port == port)
                name = services[i].name;
        if (name == NULL) {
            int i = 15;
            text[i] = 0;
            do { text[--i] = (char)('0' + port % 10); port /= 10; } while (port);
            name = text + i;
        }
        if (strlen(name) + 1 > servlen)
            return SetLastError(WSAEFAULT), WSAEFAULT;
        memcpy(serv, name, strlen(name) + 1);
    }
    return 0;
}

__declspec(dllexport) INT WSAAPI GetNameInfoW(const SOCKADDR *sa, socklen_t salen, PWCHAR host, DWORD hostlen,
                                              PWCHAR serv, DWORD servlen, INT flags)
{
    char h[256], s[32];
    INT error = getnameinfo(sa, salen, host ? h : NULL, host ? sizeof(h) : 0, serv ? s : NULL,
                            serv ? sizeof(s) : 0, flags);
    if (error)
        return error;
    if (host && !MultiByteToWideChar(CP_UTF8, 0, h, -1, host, (int)hostlen))
        return SetLastError(WSAEFAULT), WSAEFAULT;
    if (serv && !MultiByteToWideChar(CP_UTF8, 0, s, -1, serv, (int)servlen))
        return SetLastError(WSAEFAULT), WSAEFAULT;
    return 0;
}

/* The classic database calls, over the small tables above (one static result each, as
 * Winsock's per-thread buffer). */
__declspec(dllexport) struct servent *WSAAPI getservbyname(const char *name, const char *proto)
{
    static struct servent entry;
    static char *aliases[1];
    WS_CHECK_STARTED(NULL);
    for (size_t i = 0; name && i < sizeof(services) / sizeof(services[0]); i++)
        if (lstrcmpiA(services[i].name, name) == 0) {
            entry.s_name = (char *)services[i].name;
            entry.s_aliases = aliases;
            entry.s_port = (short)htons(services[i].port);
            entry.s_proto = (char *)(proto ? proto : "tcp");
            return &entry;
        }
    SetLastError(WSANO_DATA);
    return NULL;
}

__declspec(dllexport) struct servent *WSAAPI getservbyport(int port, const char *proto)
{
    WS_CHECK_STARTED(NULL);
    for (size_t i = 0; i < sizeof(services) / sizeof(services[0]); i++)
        if (htons(services[i].port) == (u_short)port)
            return getservbyname(services[i].name, proto);
    SetLastError(WSANO_DATA);
    return NULL;
}

static const struct { const char *name; short number; } protocols[] = {
    {"ip", 0}, {"icmp", 1}, {"tcp", 6}, {"udp", 17}, {"ipv6", 41}, {"ipv6-icmp", 58},
};

__declspec(dllexport) struct protoent *WSAAPI getprotobynumber(int number)
{
    static struct protoent entry;
    static char *aliases[1];
    WS_CHECK_STARTED(NULL);
    for (size_t i = 0; i < sizeof(protocols) / sizeof(protocols[0]); i++)
        if (protocols[i].number == number) {
            entry.p_name = (char *)protocols[i].name;
            entry.p_aliases = aliases;
            entry.p_proto = protocols[i].number;
            return &entry;
        }
    SetLastError(WSANO_DATA);
    return NULL;
}

__declspec(dllexport) struct protoent *WSAAPI getprotobyname(const char *name)
{
    WS_CHECK_STARTED(NULL);
    for (size_t i = 0; name && i < sizeof(protocols) / sizeof(protocols[0]); i++)
        if (lstrcmpiA(protocols[i].name, name) == 0)
            return getprotobynumber(protocols[i].number);
    SetLastError(WSANO_DATA);
    return NULL;
}

/* gethostbyaddr: a loopback address is this machine (its name); others are not known. */
__declspec(dllexport) struct hostent *WSAAPI gethostbyaddr(const char *addr, int length, int type)
{
    WS_CHECK_STARTED(NULL);
    if (addr == NULL || type != AF_INET || length < 4) {
        SetLastError(addr == NULL ? WSAEFAULT : WSAEAFNOSUPPORT);
        return NULL;
    }
    if ((BYTE)addr[0] != 127) {
        SetLastError(WSAHOST_NOT_FOUND);
        return NULL;
    }
    struct hostent *h = gethostbyname(NULL);
    if (h != NULL)
        memcpy(h->h_addr_list[0], addr, 4);
    return h;
}
