/* The rest of ws2_32's surface over loopback: the WSA byte-order calls, GetAddrInfoEx (plain,
 * ANSI, overlapped with an event and with a completion routine, cancel), WSASendMsg on UDP and
 * TCP, WSASendDisconnect/WSARecvDisconnect, WSADuplicateSocket into WSASocket, WSAConnectByName,
 * the namespace providers, WSALookupService host queries, the WSAAsync* calls' window messages
 * and the Winsock 1 blocking hooks.
 * Exit code: failed checks. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
#include <svcguid.h>
#include "../k32.h"

static int Same(const void *a, const void *b, int n)
{
    for (int i = 0; i < n; i++)
        if (((const BYTE *)a)[i] != ((const BYTE *)b)[i])
            return 0;
    return 1;
}

INT WSAAPI GetAddrInfoExCancel(LPHANDLE handle);
INT WSAAPI GetAddrInfoExOverlappedResult(LPOVERLAPPED ov);

static void CheckWsa(int failed, int expected, const char *what)
{
    int error = WSAGetLastError();
    Check(failed && error == expected, what);
    if (!failed || error != expected) {
        Print("     WSAGetLastError ");
        PrintNum((unsigned)error, 0);
        Print("\n");
    }
}

static void CheckCode(int code, int expected, const char *what)
{
    Check(code == expected, what);
    if (code != expected) {
        Print("     returned ");
        PrintNum((unsigned)code, 0);
        Print("\n");
    }
}

static struct sockaddr_in V4(USHORT port)
{
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static USHORT PortOf(SOCKET s)
{
    struct sockaddr_in a;
    int n = sizeof(a);
    getsockname(s, (struct sockaddr *)&a, &n);
    return ntohs(a.sin_port);
}

static SOCKET Listener(void)
{
    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = V4(0);
    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, 4);
    return l;
}

static SOCKET Pair(SOCKET *server)
{
    SOCKET l = Listener();
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = V4(PortOf(l));
    connect(c, (struct sockaddr *)&a, sizeof(a));
    *server = accept(l, NULL, NULL);
    closesocket(l);
    return c;
}

static void ByteOrder(HANDLE not_socket)
{
    SOCKET u = socket(AF_INET, SOCK_DGRAM, 0);
    u_long l = 0;
    u_short s = 0;
    Check(WSAHtonl(u, 0x01020304, &l) == 0 && l == htonl(0x01020304), "WSAHtonl");
    Check(WSAHtons(u, 0x0102, &s) == 0 && s == htons(0x0102), "WSAHtons");
    Check(WSANtohl(u, l, &l) == 0 && l == 0x01020304, "WSANtohl undoes it");
    Check(WSANtohs(u, s, &s) == 0 && s == 0x0102, "WSANtohs undoes it");
    CheckWsa(WSAHtonl((SOCKET)not_socket, 1, &l) == SOCKET_ERROR, WSAENOTSOCK, "WSAHtonl of an event -> WSAENOTSOCK");
    CheckWsa(WSANtohs((SOCKET)not_socket, 1, &s) == SOCKET_ERROR, WSAENOTSOCK, "WSANtohs of an event -> WSAENOTSOCK");
    CheckWsa(WSAHtonl(u, 1, NULL) == SOCKET_ERROR, WSAEFAULT, "WSAHtonl without a result -> WSAEFAULT");
    CheckWsa(WSAHtons(u, 1, NULL) == SOCKET_ERROR, WSAEFAULT, "WSAHtons without a result -> WSAEFAULT");
    closesocket(u);
}

static USHORT ExPort(const ADDRINFOEXW *a)
{
    return ntohs(((struct sockaddr_in *)a->ai_addr)->sin_port);
}

static volatile LONG routine_calls;
static volatile DWORD routine_error;
static LPWSAOVERLAPPED routine_ov;
static HANDLE routine_done;

static void CALLBACK Completion(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov)
{
    (void)bytes;
    routine_error = error;
    routine_ov = ov;
    InterlockedIncrement(&routine_calls);
    SetEvent(routine_done);
}

static void AddrInfoEx(void)
{
    ADDRINFOEXW hints = {0}, *r = NULL;
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    int e = GetAddrInfoExW(L"localhost", L"80", NS_DNS, NULL, &hints, &r, NULL, NULL, NULL, NULL);
    Check(e == 0 && r && r->ai_family == AF_INET && r->ai_socktype == SOCK_STREAM && ExPort(r) == 80
          && ((struct sockaddr_in *)r->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK)
          && r->ai_addrlen == sizeof(struct sockaddr_in),
          "GetAddrInfoExW(localhost, 80, NS_DNS): 127.0.0.1:80");
    FreeAddrInfoExW(r);
    r = NULL;
    e = GetAddrInfoExW(L"::1", L"443", NS_ALL, NULL, NULL, &r, NULL, NULL, NULL, NULL);
    Check(e == 0 && r && r->ai_family == AF_INET6 && r->ai_next == NULL
          && ntohs(((struct sockaddr_in6 *)r->ai_addr)->sin6_port) == 443,
          "GetAddrInfoExW(::1, 443, NS_ALL): one IPv6 answer");
    FreeAddrInfoExW(r);
    r = (ADDRINFOEXW *)1;
    e = GetAddrInfoExW(L"no-such-host.invalid", NULL, NS_ALL, NULL, NULL, &r, NULL, NULL, NULL, NULL);
    CheckCode(e, WSAHOST_NOT_FOUND, "an unknown host -> WSAHOST_NOT_FOUND");
    Check(r == NULL, "and no result");
    ADDRINFOEXA ha = {0}, *ra = NULL;
    ha.ai_socktype = SOCK_DGRAM;
    ha.ai_flags = AI_NUMERICHOST;
    e = GetAddrInfoExA("127.0.0.1", "53", NS_DNS, NULL, &ha, &ra, NULL, NULL, NULL, NULL);
    Check(e == 0 && ra && ra->ai_family == AF_INET && ra->ai_socktype == SOCK_DGRAM
          && ntohs(((struct sockaddr_in *)ra->ai_addr)->sin_port) == 53,
          "GetAddrInfoExA(127.0.0.1, 53): a datagram answer");
    FreeAddrInfoEx(ra);

    /* Overlapped, completed through the event. */
    OVERLAPPED ov = {0};
    HANDLE name = NULL;
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    r = NULL;
    e = GetAddrInfoExW(L"localhost", L"8080", NS_ALL, NULL, &hints, &r, NULL, &ov, NULL, &name);
    CheckCode(e, WSA_IO_PENDING, "GetAddrInfoExW with an OVERLAPPED -> WSA_IO_PENDING");
    Check(WaitForSingleObject(ov.hEvent, 5000) == WAIT_OBJECT_0, "its event is set when it completes");
    CheckCode(GetAddrInfoExOverlappedResult(&ov), 0, "GetAddrInfoExOverlappedResult: NO_ERROR");
    Check(r && ExPort(r) == 8080 && r->ai_family == AF_INET, "the result: 127.0.0.1:8080");
    CheckCode(GetAddrInfoExCancel(&name), WSA_INVALID_HANDLE, "cancel after completion -> WSA_INVALID_HANDLE");
    FreeAddrInfoExW(r);

    /* Overlapped with a completion routine. */
    OVERLAPPED ov2 = {0};
    routine_done = CreateEventW(NULL, TRUE, FALSE, NULL);
    r = NULL;
    e = GetAddrInfoExW(L"no-such-host.invalid", L"80", NS_ALL, NULL, NULL, &r, NULL, &ov2,
                       (LPLOOKUPSERVICE_COMPLETION_ROUTINE)Completion, &name);
    CheckCode(e, WSA_IO_PENDING, "with a completion routine -> WSA_IO_PENDING");
    Check(WaitForSingleObject(routine_done, 5000) == WAIT_OBJECT_0 && routine_calls == 1,
          "the routine is called once");
    Check(routine_error == WSAHOST_NOT_FOUND && routine_ov == (LPWSAOVERLAPPED)&ov2 && r == NULL,
          "with WSAHOST_NOT_FOUND and its OVERLAPPED");
    CheckCode(GetAddrInfoExOverlappedResult(&ov2), WSAHOST_NOT_FOUND, "GetAddrInfoExOverlappedResult agrees");

    HANDLE bogus = (HANDLE)(ULONG_PTR)0x7777;
    CheckCode(GetAddrInfoExCancel(&bogus), WSA_INVALID_HANDLE, "cancel of an unknown handle -> WSA_INVALID_HANDLE");
    CheckCode(GetAddrInfoExOverlappedResult(NULL), WSAEINVAL, "GetAddrInfoExOverlappedResult(NULL) -> WSAEINVAL");
    CloseHandle(ov.hEvent);
    CloseHandle(routine_done);
}

static void SendMsg(HANDLE not_socket)
{
    SOCKET a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in any = V4(0), to;
    bind(a, (struct sockaddr *)&any, sizeof(any));
    bind(b, (struct sockaddr *)&any, sizeof(any));
    to = V4(PortOf(b));
    WSABUF parts[2] = {{2, "ab"}, {3, "cde"}};
    char control[WSA_CMSG_SPACE(sizeof(IN_PKTINFO))] = {0};
    WSACMSGHDR *h = (WSACMSGHDR *)control;
    h->cmsg_level = IPPROTO_IP;
    h->cmsg_type = IP_PKTINFO;
    h->cmsg_len = WSA_CMSG_LEN(sizeof(IN_PKTINFO));
    ((IN_PKTINFO *)WSA_CMSG_DATA(h))->ipi_addr.s_addr = htonl(INADDR_LOOPBACK);
    WSAMSG msg = {(LPSOCKADDR)&to, sizeof(to), parts, 2, {sizeof(control), control}, 0};
    DWORD sent = 0;
    Check(WSASendMsg(a, &msg, 0, &sent, NULL, NULL) == 0 && sent == 5, "WSASendMsg: two buffers, IP_PKTINFO, 5 bytes");
    char buf[16] = {0};
    struct sockaddr_in from;
    int n = sizeof(from);
    Check(recvfrom(b, buf, sizeof(buf), 0, (struct sockaddr *)&from, &n) == 5 && Same(buf, "abcde", 5)
          && ntohs(from.sin_port) == PortOf(a), "one datagram \"abcde\" from the sender's port");
    CheckWsa(WSASendMsg(a, NULL, 0, &sent, NULL, NULL) == SOCKET_ERROR, WSAEFAULT, "WSASendMsg without a WSAMSG -> WSAEFAULT");
    CheckWsa(WSASendMsg((SOCKET)not_socket, &msg, 0, &sent, NULL, NULL) == SOCKET_ERROR, WSAENOTSOCK,
             "WSASendMsg on an event -> WSAENOTSOCK");
    closesocket(a);
    closesocket(b);

    SOCKET server, client = Pair(&server);
    WSAMSG stream = {NULL, 0, parts, 2, {0, NULL}, 0};
    sent = 0;
    Check(WSASendMsg(client, &stream, 0, &sent, NULL, NULL) == 0 && sent == 5, "WSASendMsg on a TCP connection");
    buf[0] = 0;
    int got = 0;
    while (got < 5) {
        int r = recv(server, buf + got, sizeof(buf) - got, 0);
        if (r <= 0)
            break;
        got += r;
    }
    Check(got == 5 && Same(buf, "abcde", 5), "the peer reads \"abcde\"");

    /* WSASendDisconnect: the peer sees the end; the other direction still works. */
    Check(WSASendDisconnect(client, NULL) == 0, "WSASendDisconnect");
    Check(recv(server, buf, sizeof(buf), 0) == 0, "the peer's recv returns 0");
    CheckWsa(send(client, "x", 1, 0) == SOCKET_ERROR, WSAESHUTDOWN, "a send after it -> WSAESHUTDOWN");
    Check(send(server, "back", 4, 0) == 4 && recv(client, buf, sizeof(buf), 0) == 4, "data still flows the other way");
    Check(WSARecvDisconnect(client, NULL) == 0, "WSARecvDisconnect");
    closesocket(client);
    closesocket(server);
    SOCKET lone = socket(AF_INET, SOCK_STREAM, 0);
    CheckWsa(WSASendDisconnect(lone, NULL) == SOCKET_ERROR, WSAENOTCONN, "WSASendDisconnect unconnected -> WSAENOTCONN");
    closesocket(lone);
}

static void Duplicate(void)
{
    SOCKET server, client = Pair(&server);
    WSAPROTOCOL_INFOW info;
    Check(WSADuplicateSocketW(client, GetCurrentProcessId(), &info) == 0 && info.iAddressFamily == AF_INET
          && info.iSocketType == SOCK_STREAM && info.iProtocol == IPPROTO_TCP,
          "WSADuplicateSocketW: AF_INET, SOCK_STREAM, IPPROTO_TCP");
    Check((info.dwServiceFlags1 & XP1_IFS_HANDLES) && (info.dwServiceFlags1 & XP1_GUARANTEED_ORDER),
          "its service flags: IFS handles, guaranteed order");
    SOCKET copy = WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &info, 0, 0);
    Check(copy != INVALID_SOCKET && copy != client, "WSASocketW(FROM_PROTOCOL_INFO) opens it");
    closesocket(client);
    char buf[8];
    Check(send(copy, "dup", 3, 0) == 3 && recv(server, buf, sizeof(buf), 0) == 3, "the copy keeps the connection");
    WSAPROTOCOL_INFOA ainfo;
    Check(WSADuplicateSocketA(copy, GetCurrentProcessId(), &ainfo) == 0 && ainfo.iSocketType == SOCK_STREAM
          && Same(ainfo.szProtocol, "MSAFD Tcpip", 11), "WSADuplicateSocketA: \"MSAFD Tcpip ...\"");
    SOCKET copy2 = WSASocketA(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &ainfo, 0, 0);
    Check(copy2 != INVALID_SOCKET && send(copy2, "a", 1, 0) == 1 && recv(server, buf, sizeof(buf), 0) == 1,
          "WSASocketA opens that one");
    CheckWsa(WSADuplicateSocketW(copy, GetCurrentProcessId(), NULL) == SOCKET_ERROR, WSAEFAULT,
             "WSADuplicateSocketW without a buffer -> WSAEFAULT");
    closesocket(copy2);
    closesocket(copy);
    closesocket(server);
}

static void ConnectByName(void)
{
    SOCKET l = Listener();
    WCHAR port[8];
    USHORT p = PortOf(l);
    int i = 7;
    port[i] = 0;
    do { port[--i] = (WCHAR)('0' + p % 10); p /= 10; } while (p);
    SOCKET s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in local, remote;
    DWORD llen = sizeof(local), rlen = sizeof(remote);
    BOOL ok = WSAConnectByNameW(s, L"localhost", port + i, &llen, (LPSOCKADDR)&local, &rlen, (LPSOCKADDR)&remote,
                                NULL, NULL);
    Check(ok, "WSAConnectByNameW(localhost, the listener's port)");
    Check(ok && rlen == sizeof(remote) && remote.sin_addr.s_addr == htonl(INADDR_LOOPBACK)
          && ntohs(remote.sin_port) == PortOf(l), "the remote address: 127.0.0.1 at that port");
    Check(ok && llen == sizeof(local) && local.sin_port != 0 && local.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
          "the local address: 127.0.0.1 at an ephemeral port");
    SOCKET a = accept(l, NULL, NULL);
    char buf[4];
    Check(a != INVALID_SOCKET && send(s, "hi", 2, 0) == 2 && recv(a, buf, sizeof(buf), 0) == 2, "the listener accepts it");
    closesocket(a);
    closesocket(s);
    s = socket(AF_INET, SOCK_STREAM, 0);
    CheckWsa(!WSAConnectByNameA(s, "no-such-host.invalid", "80", NULL, NULL, NULL, NULL, NULL, NULL),
             WSAHOST_NOT_FOUND, "WSAConnectByNameA of an unknown host -> WSAHOST_NOT_FOUND");
    CheckWsa(!WSAConnectByNameW(s, NULL, L"80", NULL, NULL, NULL, NULL, NULL, NULL), WSAEINVAL,
             "WSAConnectByNameW without a host -> WSAEINVAL");
    closesocket(s);
    closesocket(l);
}

static int SameText(const WCHAR *w, const char *a)
{
    while (*a && *w == (WCHAR)*a)
        w++, a++;
    return *w == 0 && *a == 0;
}

static void Providers(void)
{
    DWORD length = 0;
    CheckWsa(WSAEnumNameSpaceProvidersW(&length, NULL) == SOCKET_ERROR, WSAEFAULT,
             "WSAEnumNameSpaceProvidersW without a buffer -> WSAEFAULT");
    Check(length > sizeof(WSANAMESPACE_INFOW), "with the length needed");
    static BYTE buffer[8192];
    length = sizeof(buffer);
    int n = WSAEnumNameSpaceProvidersW(&length, (LPWSANAMESPACE_INFOW)buffer);
    int dns = 0, nla = 0;
    for (int i = 0; i < n; i++) {
        WSANAMESPACE_INFOW *e = (WSANAMESPACE_INFOW *)buffer + i;
        dns |= e->dwNameSpace == NS_DNS && e->fActive && SameText(e->lpszIdentifier, "Tcpip");
        nla |= e->dwNameSpace == NS_NLA && e->fActive;
    }
    Check(n >= 2 && dns, "the DNS provider: Tcpip, NS_DNS, active");
    Check(nla, "an NLA provider, active");
    length = sizeof(buffer);
    int na = WSAEnumNameSpaceProvidersA(&length, (LPWSANAMESPACE_INFOA)buffer);
    dns = 0;
    for (int i = 0; i < na; i++) {
        WSANAMESPACE_INFOA *e = (WSANAMESPACE_INFOA *)buffer + i;
        dns |= e->dwNameSpace == NS_DNS && lstrcmpA(e->lpszIdentifier, "Tcpip") == 0;
    }
    Check(na == n && dns, "WSAEnumNameSpaceProvidersA: the same list");
}

static void Lookup(void)
{
    GUID by_name = SVCID_INET_HOSTADDRBYNAME;
    WSAQUERYSETW q = {0};
    q.dwSize = sizeof(q);
    q.lpszServiceInstanceName = L"localhost";
    q.lpServiceClassId = &by_name;
    q.dwNameSpace = NS_DNS;
    HANDLE h = NULL;
    Check(WSALookupServiceBeginW(&q, LUP_RETURN_NAME | LUP_RETURN_ADDR | LUP_RETURN_BLOB, &h) == 0,
          "WSALookupServiceBeginW(localhost, SVCID_INET_HOSTADDRBYNAME)");
    static BYTE buffer[4096];
    DWORD length = 8;
    CheckWsa(WSALookupServiceNextW(h, 0, &length, (LPWSAQUERYSETW)buffer) == SOCKET_ERROR, WSAEFAULT,
             "WSALookupServiceNextW into 8 bytes -> WSAEFAULT");
    Check(length > sizeof(WSAQUERYSETW) && length <= sizeof(buffer), "with the length needed");
    length = sizeof(buffer);
    WSAQUERYSETW *r = (WSAQUERYSETW *)buffer;
    int ok = WSALookupServiceNextW(h, 0, &length, r) == 0;
    Check(ok && r->dwNumberOfCsAddrs >= 1 && r->lpcsaBuffer
          && ((struct sockaddr_in *)r->lpcsaBuffer[0].RemoteAddr.lpSockaddr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK),
          "the answer: 127.0.0.1 among its CSADDR_INFOs");
    Check(ok && r->lpszServiceInstanceName && r->lpszServiceInstanceName[0], "and a host name");
    struct hostent *he = ok && r->lpBlob ? (struct hostent *)r->lpBlob->pBlobData : NULL;
    Check(he && he->h_addrtype == AF_INET && he->h_length == 4
          && *(ULONG *)((BYTE *)he + *(ULONG_PTR *)((BYTE *)he + (ULONG_PTR)he->h_addr_list)) == htonl(INADDR_LOOPBACK),
          "its BLOB: a hostent with offsets, 127.0.0.1");
    length = sizeof(buffer);
    CheckWsa(WSALookupServiceNextW(h, 0, &length, r) == SOCKET_ERROR, WSA_E_NO_MORE, "the next -> WSA_E_NO_MORE");
    DWORD returned = 1;
    CheckWsa(WSANSPIoctl(h, SIO_NSP_NOTIFY_CHANGE, NULL, 0, NULL, 0, &returned, NULL) == SOCKET_ERROR, WSAEOPNOTSUPP,
             "WSANSPIoctl(SIO_NSP_NOTIFY_CHANGE) on it -> WSAEOPNOTSUPP");
    Check(WSALookupServiceEnd(h) == 0, "WSALookupServiceEnd");
    CheckWsa(WSANSPIoctl(h, SIO_NSP_NOTIFY_CHANGE, NULL, 0, NULL, 0, &returned, NULL) == SOCKET_ERROR,
             WSA_INVALID_HANDLE, "WSANSPIoctl after the End -> WSA_INVALID_HANDLE");
    CheckWsa(WSALookupServiceEnd(h) == SOCKET_ERROR, WSA_INVALID_HANDLE, "a second End -> WSA_INVALID_HANDLE");

    WSAQUERYSETA qa = {0};
    qa.dwSize = sizeof(qa);
    qa.lpszServiceInstanceName = "no-such-host.invalid";
    qa.lpServiceClassId = &by_name;
    qa.dwNameSpace = NS_ALL;
    int failed = WSALookupServiceBeginA(&qa, LUP_RETURN_ADDR, &h) == SOCKET_ERROR;
    if (!failed) {
        length = sizeof(buffer);
        failed = WSALookupServiceNextA(h, 0, &length, (LPWSAQUERYSETA)buffer) == SOCKET_ERROR;
        int error = WSAGetLastError();
        WSALookupServiceEnd(h);
        WSASetLastError(error);
    }
    CheckWsa(failed, WSAHOST_NOT_FOUND, "an unknown host -> WSAHOST_NOT_FOUND");
    CheckWsa(WSALookupServiceBeginW(NULL, 0, &h) == SOCKET_ERROR, WSAEFAULT, "no query set -> WSAEFAULT");
}

/* The WSAAsync* calls' window: a message-only one, its messages taken with PeekMessage. */
static HWND MakeWindow(void)
{
    WNDCLASSW c = {0};
    c.lpfnWndProc = DefWindowProcW;
    c.hInstance = GetModuleHandleW(NULL);
    c.lpszClassName = L"Ws2Surface";
    RegisterClassW(&c);
    return CreateWindowExW(0, L"Ws2Surface", L"", 0, 0, 0, 0, 0, HWND_MESSAGE, NULL, c.hInstance, NULL);
}

static int NextMessage(HWND w, UINT message, MSG *m)
{
    for (int i = 0; i < 300; i++) {
        if (PeekMessageW(m, w, message, message, PM_REMOVE))
            return 1;
        Sleep(10);
    }
    return 0;
}

static void AsyncDatabase(HWND w)
{
    static char buf[MAXGETHOSTSTRUCT];
    MSG m;
    HANDLE t = WSAAsyncGetHostByName(w, WM_USER + 1, "localhost", buf, sizeof(buf));
    Check(t != NULL, "WSAAsyncGetHostByName(localhost): a task handle");
    int got = NextMessage(w, WM_USER + 1, &m);
    Check(got && m.wParam == (WPARAM)t && WSAGETASYNCERROR(m.lParam) == 0, "its message: the task, no error");
    struct hostent *h = (struct hostent *)buf;
    Check(got && WSAGETASYNCBUFLEN(m.lParam) > (int)sizeof(*h) && WSAGETASYNCBUFLEN(m.lParam) <= (int)sizeof(buf)
          && h->h_addrtype == AF_INET && h->h_length == 4 && *(ULONG *)h->h_addr_list[0] == htonl(INADDR_LOOPBACK)
          && h->h_name >= buf && h->h_name < buf + sizeof(buf), "the hostent in the buffer: 127.0.0.1");
    CheckWsa(WSACancelAsyncRequest(t) == SOCKET_ERROR, WSAEALREADY, "cancelling it now -> WSAEALREADY");
    t = WSAAsyncGetHostByName(w, WM_USER + 1, "localhost", buf, 8);
    got = NextMessage(w, WM_USER + 1, &m);
    Check(got && m.wParam == (WPARAM)t && WSAGETASYNCERROR(m.lParam) == WSAENOBUFS && WSAGETASYNCBUFLEN(m.lParam) > 8,
          "into 8 bytes: WSAENOBUFS with the length needed");
    t = WSAAsyncGetHostByName(w, WM_USER + 1, "no-such-host.invalid", buf, sizeof(buf));
    got = NextMessage(w, WM_USER + 1, &m);
    Check(got && m.wParam == (WPARAM)t && WSAGETASYNCERROR(m.lParam) == WSAHOST_NOT_FOUND,
          "an unknown host: WSAHOST_NOT_FOUND");
    t = WSAAsyncGetServByName(w, WM_USER + 1, "http", "tcp", buf, sizeof(buf));
    got = NextMessage(w, WM_USER + 1, &m);
    Check(got && WSAGETASYNCERROR(m.lParam) == 0 && ((struct servent *)buf)->s_port == htons(80),
          "WSAAsyncGetServByName(http): port 80");
    t = WSAAsyncGetProtoByNumber(w, WM_USER + 1, IPPROTO_UDP, buf, sizeof(buf));
    got = NextMessage(w, WM_USER + 1, &m);
    Check(got && WSAGETASYNCERROR(m.lParam) == 0 && ((struct protoent *)buf)->p_proto == IPPROTO_UDP,
          "WSAAsyncGetProtoByNumber(17): udp");
    CheckWsa(WSACancelAsyncRequest((HANDLE)(ULONG_PTR)0x7777) == SOCKET_ERROR, WSAEINVAL,
             "WSACancelAsyncRequest of no task -> WSAEINVAL");
}

static void AsyncSelect(HWND w)
{
    MSG m;
    SOCKET l = Listener();
    Check(WSAAsyncSelect(l, w, WM_USER + 2, FD_ACCEPT) == 0, "WSAAsyncSelect(FD_ACCEPT)");
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = V4(PortOf(l));
    connect(c, (struct sockaddr *)&a, sizeof(a));
    int got = NextMessage(w, WM_USER + 2, &m);
    Check(got && m.wParam == (WPARAM)l && WSAGETSELECTEVENT(m.lParam) == FD_ACCEPT && WSAGETSELECTERROR(m.lParam) == 0,
          "a connection posts FD_ACCEPT for the listener");
    SOCKET s = accept(l, NULL, NULL);
    Check(WSAAsyncSelect(s, w, WM_USER + 3, FD_READ | FD_CLOSE) == 0, "WSAAsyncSelect(FD_READ | FD_CLOSE)");
    char buf[8];
    CheckWsa(recv(s, buf, sizeof(buf), 0) == SOCKET_ERROR, WSAEWOULDBLOCK, "the socket is non-blocking now");
    send(c, "x", 1, 0);
    got = NextMessage(w, WM_USER + 3, &m);
    Check(got && m.wParam == (WPARAM)s && WSAGETSELECTEVENT(m.lParam) == FD_READ, "data posts FD_READ");
    Check(recv(s, buf, sizeof(buf), 0) == 1, "recv takes it");
    closesocket(c);
    do
        got = NextMessage(w, WM_USER + 3, &m);
    while (got && WSAGETSELECTEVENT(m.lParam) == FD_READ);
    Check(got && WSAGETSELECTEVENT(m.lParam) == FD_CLOSE && WSAGETSELECTERROR(m.lParam) == 0,
          "the peer's close posts FD_CLOSE");
    Check(WSAAsyncSelect(s, w, 0, 0) == 0, "WSAAsyncSelect(0) ends it");
    closesocket(s);
    closesocket(l);
}

static void ConfigChange(void)
{
    HANDLE h = NULL;
    Check(WSAProviderConfigChange(&h, NULL, NULL) == 0 && h != NULL, "WSAProviderConfigChange: a notification handle");
    WSAOVERLAPPED ov = {0};
    CheckWsa(WSAProviderConfigChange(&h, &ov, NULL) == SOCKET_ERROR, WSA_IO_PENDING,
             "waiting for a change, overlapped -> WSA_IO_PENDING");
    HANDLE bogus = (HANDLE)(ULONG_PTR)0x7770;
    CheckWsa(WSAProviderConfigChange(&bogus, &ov, NULL) == SOCKET_ERROR, WSA_INVALID_HANDLE,
             "a handle it did not make -> WSA_INVALID_HANDLE");
}

static void BlockingHooks(void)
{
    CheckWsa(WSASetBlockingHook(NULL) == NULL, WSAEOPNOTSUPP, "WSASetBlockingHook -> WSAEOPNOTSUPP");
    CheckWsa(WSAUnhookBlockingHook() == SOCKET_ERROR, WSAEOPNOTSUPP, "WSAUnhookBlockingHook -> WSAEOPNOTSUPP");
    CheckWsa(WSACancelBlockingCall() == SOCKET_ERROR, WSAEOPNOTSUPP, "WSACancelBlockingCall -> WSAEOPNOTSUPP");
    Check(!WSAIsBlocking(), "WSAIsBlocking: no");
}

void Entry(void)
{
    u_long l;
    CheckWsa(WSAHtonl(0, 1, &l) == SOCKET_ERROR, WSANOTINITIALISED, "WSAHtonl before WSAStartup -> WSANOTINITIALISED");
    WSADATA data;
    Check(WSAStartup(MAKEWORD(2, 2), &data) == 0, "WSAStartup(2.2)");
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    ByteOrder(event);
    AddrInfoEx();
    SendMsg(event);
    Duplicate();
    ConnectByName();
    Providers();
    Lookup();
    HWND w = MakeWindow();
    Check(w != NULL, "a message-only window");
    AsyncDatabase(w);
    AsyncSelect(w);
    ConfigChange();
    BlockingHooks();
    CloseHandle(event);
    WSACleanup();
    ExitProcess((UINT)failures);
}
