/* More of Winsock on the loopback network: IPv6 and a dual-stack listener, SO_REUSEADDR and
 * SO_EXCLUSIVEADDRUSE, SO_LINGER 0's reset, the receive window, WSAEventSelect, a completion
 * routine, CancelIoEx, ReadFile/WriteFile and DuplicateHandle on a socket handle, WSAEnumProtocols,
 * the wide name calls, and more error codes. Exit code: failed checks. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include "../k32.h"

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
    struct sockaddr_in6 a;
    int n = sizeof(a);
    getsockname(s, (struct sockaddr *)&a, &n);
    return ntohs(a.sin6_port);
}

static SOCKET Pair(SOCKET *server)
{
    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = V4(0);
    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, 1);
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    a = V4(PortOf(l));
    connect(c, (struct sockaddr *)&a, sizeof(a));
    *server = accept(l, NULL, NULL);
    closesocket(l);
    return c;
}

static void Ipv6(void)
{
    SOCKET l = socket(AF_INET6, SOCK_STREAM, 0);
    struct sockaddr_in6 a = {0};
    a.sin6_family = AF_INET6;
    a.sin6_addr.s6_addr[15] = 1;                    /* ::1 */
    Check(bind(l, (struct sockaddr *)&a, sizeof(a)) == 0 && listen(l, 1) == 0, "bind and listen on [::1]:0");
    a.sin6_port = htons(PortOf(l));
    SOCKET c = socket(AF_INET6, SOCK_STREAM, 0);
    Check(connect(c, (struct sockaddr *)&a, sizeof(a)) == 0, "connect to [::1]");
    struct sockaddr_in6 peer;
    int n = sizeof(peer);
    SOCKET s = accept(l, (struct sockaddr *)&peer, &n);
    Check(s != INVALID_SOCKET && n == sizeof(peer) && IN6_IS_ADDR_LOOPBACK(&peer.sin6_addr)
          && ntohs(peer.sin6_port) == PortOf(c), "accept: the peer is [::1] at the client's port");
    send(c, "six", 3, 0);
    char buf[8];
    Check(recv(s, buf, sizeof(buf), 0) == 3, "data over IPv6");
    closesocket(s);
    closesocket(c);
    closesocket(l);

    /* IPV6_V6ONLY is on by default; off, a [::] listener takes IPv4 connections too. */
    l = socket(AF_INET6, SOCK_STREAM, 0);
    int only = 1, len = sizeof(only);
    Check(getsockopt(l, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&only, &len) == 0 && only == 1, "IPV6_V6ONLY is on by default");
    only = 0;
    Check(setsockopt(l, IPPROTO_IPV6, IPV6_V6ONLY, (char *)&only, sizeof(only)) == 0, "IPV6_V6ONLY off");
    struct sockaddr_in6 any = {0};
    any.sin6_family = AF_INET6;
    bind(l, (struct sockaddr *)&any, sizeof(any));
    listen(l, 1);
    SOCKET c4 = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in v4 = V4(PortOf(l));
    Check(connect(c4, (struct sockaddr *)&v4, sizeof(v4)) == 0, "an IPv4 connect reaches the dual-stack listener");
    n = sizeof(peer);
    s = accept(l, (struct sockaddr *)&peer, &n);
    char text[64];
    inet_ntop(AF_INET6, &peer.sin6_addr, text, sizeof(text));
    Check(s != INVALID_SOCKET && lstrcmpA(text, "::ffff:127.0.0.1") == 0, "its peer is ::ffff:127.0.0.1");
    closesocket(s);
    closesocket(c4);
    closesocket(l);
}

static void Reuse(void)
{
    SOCKET a = socket(AF_INET, SOCK_STREAM, 0), b = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    struct sockaddr_in addr = V4(0);
    bind(a, (struct sockaddr *)&addr, sizeof(addr));
    addr = V4(PortOf(a));
    Check(setsockopt(b, SOL_SOCKET, SO_REUSEADDR, (char *)&on, sizeof(on)) == 0, "SO_REUSEADDR");
    Check(bind(b, (struct sockaddr *)&addr, sizeof(addr)) == 0, "SO_REUSEADDR: a second bind to the same port");
    closesocket(a);
    closesocket(b);
    a = socket(AF_INET, SOCK_STREAM, 0);
    b = socket(AF_INET, SOCK_STREAM, 0);
    Check(setsockopt(a, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, (char *)&on, sizeof(on)) == 0, "SO_EXCLUSIVEADDRUSE");
    CheckWsa(setsockopt(a, SOL_SOCKET, SO_REUSEADDR, (char *)&on, sizeof(on)) == SOCKET_ERROR, WSAEINVAL,
             "SO_REUSEADDR as well -> WSAEINVAL");
    addr = V4(0);
    bind(a, (struct sockaddr *)&addr, sizeof(addr));
    addr = V4(PortOf(a));
    setsockopt(b, SOL_SOCKET, SO_REUSEADDR, (char *)&on, sizeof(on));
    CheckWsa(bind(b, (struct sockaddr *)&addr, sizeof(addr)) == SOCKET_ERROR, WSAEACCES,
             "SO_REUSEADDR against an exclusive port -> WSAEACCES");
    closesocket(a);
    closesocket(b);
}

static void Closing(void)
{
    SOCKET s, c = Pair(&s);
    struct linger hard = {1, 0};
    Check(setsockopt(s, SOL_SOCKET, SO_LINGER, (char *)&hard, sizeof(hard)) == 0, "SO_LINGER {1, 0}");
    closesocket(s);
    char buf[4];
    CheckWsa(recv(c, buf, sizeof(buf), 0) == SOCKET_ERROR, WSAECONNRESET, "a hard close resets: WSAECONNRESET");
    closesocket(c);

    c = Pair(&s);
    closesocket(s);
    Check(recv(c, buf, sizeof(buf), 0) == 0, "a graceful close: recv 0");
    Check(send(c, "a", 1, 0) == 1, "the first send to a closed peer still goes");
    CheckWsa(send(c, "b", 1, 0) == SOCKET_ERROR, WSAECONNRESET, "the next one meets its RST -> WSAECONNRESET");
    closesocket(c);

    SOCKET u = socket(AF_INET, SOCK_STREAM, 0);
    CheckWsa(shutdown(u, SD_SEND) == SOCKET_ERROR, WSAENOTCONN, "shutdown of an unconnected socket -> WSAENOTCONN");
    closesocket(u);
    u = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = V4(0);
    bind(u, (struct sockaddr *)&a, sizeof(a));
    CheckWsa(listen(u, 1) == SOCKET_ERROR, WSAEOPNOTSUPP, "listen on a UDP socket -> WSAEOPNOTSUPP");
    int v, vl = sizeof(v);
    CheckWsa(getsockopt(u, SOL_SOCKET, 0x7777, (char *)&v, &vl) == SOCKET_ERROR, WSAENOPROTOOPT,
             "an unknown option -> WSAENOPROTOOPT");
    vl = 2;
    CheckWsa(getsockopt(u, SOL_SOCKET, SO_RCVBUF, (char *)&v, &vl) == SOCKET_ERROR, WSAEFAULT,
             "an option buffer too small -> WSAEFAULT");
    vl = sizeof(v);
    Check(getsockopt(u, SOL_SOCKET, SO_RCVBUF, (char *)&v, &vl) == 0 && v == 65536, "SO_RCVBUF is 65536");
    closesocket(u);
    CheckWsa(send(u, "x", 1, 0) == SOCKET_ERROR, WSAENOTSOCK, "send on a closed socket -> WSAENOTSOCK");
}

static void Window(void)
{
    SOCKET s, c = Pair(&s);
    int small = 1000;
    setsockopt(s, SOL_SOCKET, SO_RCVBUF, (char *)&small, sizeof(small));
    u_long on = 1;
    ioctlsocket(c, FIONBIO, &on);
    static char block[600];
    int total = 0, n;
    while ((n = send(c, block, sizeof(block), 0)) > 0)
        total += n;
    CheckWsa(n == SOCKET_ERROR, WSAEWOULDBLOCK, "a full window: send -> WSAEWOULDBLOCK");
    Check(total == 1000, "after exactly the receiver's SO_RCVBUF bytes");
    u_long ready = 0;
    Check(ioctlsocket(s, FIONREAD, &ready) == 0 && ready == 1000, "FIONREAD: 1000 bytes wait");
    char buf[400];
    recv(s, buf, sizeof(buf), 0);
    Check(send(c, block, sizeof(block), 0) == 400, "reading 400 opens 400 bytes of window");
    closesocket(c);
    closesocket(s);
}

static void Events(void)
{
    SOCKET l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = V4(0);
    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, 1);
    WSAEVENT ev = WSACreateEvent();
    Check(WSAEventSelect(l, ev, FD_ACCEPT) == 0, "WSAEventSelect(FD_ACCEPT)");
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    a = V4(PortOf(l));
    connect(c, (struct sockaddr *)&a, sizeof(a));
    WSANETWORKEVENTS ne;
    Check(WSAWaitForMultipleEvents(1, &ev, FALSE, 1000, FALSE) == WSA_WAIT_EVENT_0, "the event is set by a connection");
    Check(WSAEnumNetworkEvents(l, ev, &ne) == 0 && ne.lNetworkEvents == FD_ACCEPT && ne.iErrorCode[FD_ACCEPT_BIT] == 0,
          "WSAEnumNetworkEvents: FD_ACCEPT");
    Check(WaitForSingleObject(ev, 0) == WAIT_TIMEOUT, "and the event was reset");
    SOCKET s = accept(l, NULL, NULL);
    WSAEVENT ev2 = WSACreateEvent();
    WSAEventSelect(s, ev2, FD_READ | FD_CLOSE);
    send(c, "e", 1, 0);
    Check(WSAEnumNetworkEvents(s, ev2, &ne) == 0 && ne.lNetworkEvents == FD_READ, "FD_READ after a send");
    closesocket(c);
    Check(WSAEnumNetworkEvents(s, ev2, &ne) == 0 && (ne.lNetworkEvents & FD_CLOSE) && ne.iErrorCode[FD_CLOSE_BIT] == 0,
          "FD_CLOSE after the peer's graceful close");
    closesocket(s);
    closesocket(l);
    WSACloseEvent(ev);
    WSACloseEvent(ev2);
}

static volatile LONG routine_bytes = -1;
static void CALLBACK Completed(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov, DWORD flags)
{
    (void)ov; (void)flags;
    routine_bytes = error ? -2 : (LONG)bytes;
}

static void Handles(void)
{
    SOCKET s, c = Pair(&s);
    char buf[16];
    WSABUF wb = {sizeof(buf), buf};
    WSAOVERLAPPED ov = {0};
    DWORD got = 0, flags = 0;
    CheckWsa(WSARecv(s, &wb, 1, &got, &flags, &ov, Completed) == SOCKET_ERROR, WSA_IO_PENDING,
             "WSARecv with a completion routine -> WSA_IO_PENDING");
    send(c, "routine", 7, 0);
    Check(routine_bytes == -1, "the routine waits for an alertable wait");
    Check(SleepEx(100, TRUE) == WAIT_IO_COMPLETION && routine_bytes == 7, "SleepEx(alertable) runs it: 7 bytes");

    WSAOVERLAPPED ov2 = {0};
    ov2.hEvent = WSACreateEvent();
    WSARecv(s, &wb, 1, &got, &flags, &ov2, NULL);
    Check(CancelIoEx((HANDLE)s, &ov2), "CancelIoEx of a waiting WSARecv");
    DWORD f = 0;
    CheckWsa(!WSAGetOverlappedResult(s, &ov2, &got, TRUE, &f), WSA_OPERATION_ABORTED,
             "it ends with WSA_OPERATION_ABORTED");
    WSACloseEvent(ov2.hEvent);

    DWORD done = 0;
    Check(WriteFile((HANDLE)c, "file", 4, &done, NULL) && done == 4, "WriteFile on a socket handle");
    OVERLAPPED rov = {0};
    rov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    BOOL ok = ReadFile((HANDLE)s, buf, sizeof(buf), &done, &rov);
    if (!ok && GetLastError() == ERROR_IO_PENDING)
        ok = GetOverlappedResult((HANDLE)s, &rov, &done, TRUE);
    Check(ok && done == 4 && buf[0] == 'f', "ReadFile on the other end reads it");
    CloseHandle(rov.hEvent);

    HANDLE dup = NULL;
    Check(DuplicateHandle(GetCurrentProcess(), (HANDLE)c, GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS),
          "DuplicateHandle of a socket");
    closesocket(c);
    Check(send((SOCKET)dup, "dup", 3, 0) == 3 && recv(s, buf, sizeof(buf), 0) == 3,
          "the duplicate keeps the connection after the original closed");
    closesocket((SOCKET)dup);
    Check(recv(s, buf, sizeof(buf), 0) == 0, "closing the last handle sends FIN");
    closesocket(s);
}

/* SO_RCVTIMEO bounds a blocking recv; MSG_WAITALL waits until the buffer is full. */
static void Timeouts(void)
{
    SOCKET s, c = Pair(&s);
    DWORD ms = 50;
    Check(setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&ms, sizeof(ms)) == 0, "SO_RCVTIMEO 50 ms");
    char buf[8];
    DWORD before = GetTickCount();
    CheckWsa(recv(s, buf, sizeof(buf), 0) == SOCKET_ERROR, WSAETIMEDOUT, "a recv with nothing -> WSAETIMEDOUT");
    Check(GetTickCount() - before >= 40, "after the timeout");
    ms = 0;
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, (char *)&ms, sizeof(ms));
    WSABUF wb = {6, buf};
    WSAOVERLAPPED ov = {0};
    ov.hEvent = WSACreateEvent();
    DWORD got = 0, flags = MSG_WAITALL;
    WSARecv(s, &wb, 1, &got, &flags, &ov, NULL);
    send(c, "abc", 3, 0);
    Check(WaitForSingleObject(ov.hEvent, 50) == WAIT_TIMEOUT, "MSG_WAITALL: 3 of 6 bytes do not complete it");
    send(c, "def", 3, 0);
    DWORD f = 0;
    Check(WSAGetOverlappedResult(s, &ov, &got, TRUE, &f) && got == 6 && buf[5] == 'f', "6 of 6 do");
    WSACloseEvent(ov.hEvent);
    closesocket(c);
    closesocket(s);
}

/* FILE_SKIP_COMPLETION_PORT_ON_SUCCESS: a receive that succeeds at once posts no packet. */
static void SkipOnSuccess(void)
{
    SOCKET s, c = Pair(&s);
    HANDLE port = CreateIoCompletionPort((HANDLE)s, NULL, 7, 0);
    Check(SetFileCompletionNotificationModes((HANDLE)s, FILE_SKIP_COMPLETION_PORT_ON_SUCCESS),
          "SetFileCompletionNotificationModes(FILE_SKIP_COMPLETION_PORT_ON_SUCCESS)");
    send(c, "now", 3, 0);
    char buf[8];
    WSABUF wb = {sizeof(buf), buf};
    WSAOVERLAPPED ov = {0};
    DWORD got = 0, flags = 0;
    ULONG_PTR key;
    LPOVERLAPPED done;
    Check(WSARecv(s, &wb, 1, &got, &flags, &ov, NULL) == 0 && got == 3, "a WSARecv that succeeds at once");
    CheckError(!GetQueuedCompletionStatus(port, &got, &key, &done, 0), WAIT_TIMEOUT, "posts no packet");
    CheckWsa(WSARecv(s, &wb, 1, &got, &flags, &ov, NULL) == SOCKET_ERROR, WSA_IO_PENDING, "one that waits");
    send(c, "later", 5, 0);
    Check(GetQueuedCompletionStatus(port, &got, &key, &done, 1000) && got == 5 && done == &ov,
          "posts its packet when it completes");
    closesocket(c);
    closesocket(s);
    CloseHandle(port);
}

static void Catalogue(void)
{
    WSAPROTOCOL_INFOW info[8];
    DWORD len = sizeof(info);
    INT tcp[] = {IPPROTO_TCP, 0};
    int n = WSAEnumProtocolsW(tcp, info, &len);
    Check(n == 2 && (info[0].dwServiceFlags1 & XP1_IFS_HANDLES) && info[0].iSocketType == SOCK_STREAM,
          "WSAEnumProtocolsW(TCP): two entries, IFS handles");
    len = 10;
    CheckWsa(WSAEnumProtocolsW(NULL, info, &len) == SOCKET_ERROR, WSAENOBUFS, "a small buffer -> WSAENOBUFS");
    Check(len == 4 * sizeof(WSAPROTOCOL_INFOW), "with the size needed");

    ADDRINFOW hints = {0}, *res = NULL;
    hints.ai_family = AF_INET6;
    Check(GetAddrInfoW(L"::1", L"443", &hints, &res) == 0 && res->ai_family == AF_INET6
          && ntohs(((struct sockaddr_in6 *)res->ai_addr)->sin6_port) == 443, "GetAddrInfoW(::1, 443)");
    WCHAR text[64];
    Check(InetNtopW(AF_INET6, &((struct sockaddr_in6 *)res->ai_addr)->sin6_addr, text, 64) && text[0] == ':'
          && text[1] == ':' && text[2] == '1' && text[3] == 0, "InetNtopW: ::1");
    FreeAddrInfoW(res);
    WCHAR host[64], serv[16];
    struct sockaddr_in a = V4(80);
    Check(GetNameInfoW((struct sockaddr *)&a, sizeof(a), host, 64, serv, 16, 0) == 0 && serv[0] == 'h'
          && host[0] != 0, "GetNameInfoW: the loopback host's name, service http");
    BYTE ip[4];
    Check(InetPtonW(AF_INET, L"127.0.0.9", ip) == 1 && ip[3] == 9, "InetPtonW");
    Check(InetPtonW(AF_INET, L"327.0.0.1", ip) == 0, "InetPtonW of a bad address: 0");
    struct servent *se = getservbyname("http", "tcp");
    Check(se && ntohs((u_short)se->s_port) == 80, "getservbyname(http): 80");
    struct protoent *pe = getprotobyname("udp");
    Check(pe && pe->p_proto == IPPROTO_UDP, "getprotobyname(udp): 17");
    CheckWsa(getservbyname("no-such-service", NULL) == NULL, WSANO_DATA, "an unknown service -> WSANO_DATA");
    ULONG loop = htonl(INADDR_LOOPBACK);
    struct hostent *he = gethostbyaddr((char *)&loop, 4, AF_INET);
    Check(he && he->h_name[0], "gethostbyaddr(127.0.0.1): this machine's name");
}

/* The child's role: "sock_more.exe child HANDLE" sends through the socket handle it inherited. */
static int ChildHandle(void)
{
    const char *cl = GetCommandLineA();
    const char *p = cl;
    while (*p && !(p[0] == 'c' && p[1] == 'h' && p[2] == 'i' && p[3] == 'l' && p[4] == 'd' && p[5] == ' '))
        p++;
    if (!*p)
        return -1;
    unsigned long long v = 0;
    for (p += 6; *p >= '0' && *p <= '9'; p++)
        v = v * 10 + (unsigned long long)(*p - '0');
    return (int)v;
}

static void Inheritance(void)
{
    SOCKET s, c = Pair(&s);
    char line[600], self[MAX_PATH];
    DWORD n = GetModuleFileNameA(NULL, self, MAX_PATH);
    int i = 0;
    line[i++] = '"';
    for (DWORD k = 0; k < n; k++)
        line[i++] = self[k];
    line[i++] = '"';
    for (const char *p = " child "; *p; p++)
        line[i++] = *p;
    char digits[24];
    int d = 23;
    digits[d] = 0;
    unsigned long long v = (unsigned long long)c;
    do { digits[--d] = (char)('0' + v % 10); v /= 10; } while (v);
    for (char *p = digits + d; *p; p++)
        line[i++] = *p;
    line[i] = 0;
    STARTUPINFOA si = {sizeof(si)};
    PROCESS_INFORMATION pi;
    Check(CreateProcessA(NULL, line, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi), "a child inheriting the socket handle");
    WaitForSingleObject(pi.hProcess, INFINITE);
    DWORD code = 1;
    GetExitCodeProcess(pi.hProcess, &code);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    char buf[16];
    Check(code == 0 && recv(s, buf, sizeof(buf), 0) == 10 && buf[0] == 'f', "the child's send arrives on the connection");
    closesocket(c);
    closesocket(s);
}

void Entry(void)
{
    WSADATA wsa;
    WSAStartup(MAKEWORD(2, 2), &wsa);
    int inherited = ChildHandle();
    if (inherited > 0)
        ExitProcess(send((SOCKET)inherited, "from child", 10, 0) == 10 ? 0 : 1);
    Ipv6();
    Reuse();
    Closing();
    Window();
    Events();
    Handles();
    SkipOnSuccess();
    Timeouts();
    Inheritance();
    Catalogue();
    WSACleanup();
    CheckWsa(WSACleanup() == SOCKET_ERROR, WSANOTINITIALISED, "a second WSACleanup -> WSANOTINITIALISED");
    ExitProcess((UINT)failures);
}
