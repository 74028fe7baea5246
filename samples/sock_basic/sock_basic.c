/* Winsock over the loopback network: a TCP echo server thread and its client, UDP datagrams,
 * a non-blocking connect with select, WSAPoll, an overlapped WSARecv on a completion port,
 * AcceptEx/ConnectEx through WSAIoctl, name resolution, and the documented error codes.
 * Exit code: failed checks. */
#include <winsock2.h>
#include <ws2tcpip.h>
#include <mswsock.h>
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

static struct sockaddr_in Loopback(USHORT port)
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

static int Same(const char *a, const char *b, int n)
{
    for (int i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* The echo server: one connection, everything back until the client's FIN. */
static DWORD WINAPI EchoServer(LPVOID p)
{
    SOCKET listener = (SOCKET)p;
    SOCKET c = accept(listener, NULL, NULL);
    char buf[64];
    int n;
    while ((n = recv(c, buf, sizeof(buf), 0)) > 0)
        send(c, buf, n, 0);
    closesocket(c);
    return n == 0 ? 0 : 1;
}

static SOCKET Listener(void)
{
    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    struct sockaddr_in a = Loopback(0);
    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, SOMAXCONN);
    return l;
}

/* A connected pair through a listener: *server is the accepted side. */
static SOCKET Pair(SOCKET *server)
{
    SOCKET l = Listener();
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = Loopback(PortOf(l));
    connect(c, (struct sockaddr *)&a, sizeof(a));
    *server = accept(l, NULL, NULL);
    closesocket(l);
    return c;
}

static void Tcp(void)
{
    SOCKET l = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
    Check(l != INVALID_SOCKET, "socket(AF_INET, SOCK_STREAM)");
    struct sockaddr_in a = Loopback(0);
    Check(bind(l, (struct sockaddr *)&a, sizeof(a)) == 0, "bind 127.0.0.1:0");
    USHORT port = PortOf(l);
    Check(port == 49152, "the first ephemeral port is 49152");
    Check(listen(l, 5) == 0, "listen");
    int accepting = 0, len = sizeof(accepting);
    Check(getsockopt(l, SOL_SOCKET, SO_ACCEPTCONN, (char *)&accepting, &len) == 0 && accepting == 1,
          "SO_ACCEPTCONN of a listener");
    HANDLE t = CreateThread(NULL, 0, EchoServer, (LPVOID)l, 0, NULL);
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    a = Loopback(port);
    Check(connect(c, (struct sockaddr *)&a, sizeof(a)) == 0, "connect to the echo server");
    struct sockaddr_in peer;
    int plen = sizeof(peer);
    Check(getpeername(c, (struct sockaddr *)&peer, &plen) == 0 && ntohs(peer.sin_port) == port
          && plen == sizeof(peer), "getpeername: the server's port");
    Check(PortOf(c) == 49153, "the client's ephemeral port is the next one");
    Check(send(c, "hello, echo", 11, 0) == 11, "send 11 bytes");
    char buf[64];
    int got = 0, n;
    while (got < 11 && (n = recv(c, buf + got, sizeof(buf) - got, 0)) > 0)
        got += n;
    Check(got == 11 && Same(buf, "hello, echo", 11), "the same 11 bytes come back");
    WSABUF bufs[2] = {{3, "abc"}, {4, "defg"}};
    DWORD sent = 0;
    Check(WSASend(c, bufs, 2, &sent, 0, NULL, NULL) == 0 && sent == 7, "WSASend gathers two buffers");
    got = 0;
    while (got < 7 && (n = recv(c, buf + got, sizeof(buf) - got, 0)) > 0)
        got += n;
    Check(got == 7 && Same(buf, "abcdefg", 7), "and they come back in order");
    Check(shutdown(c, SD_SEND) == 0, "shutdown(SD_SEND)");
    CheckWsa(send(c, "x", 1, 0) == SOCKET_ERROR, WSAESHUTDOWN, "send after shutdown -> WSAESHUTDOWN");
    Check(recv(c, buf, sizeof(buf), 0) == 0, "the server's close: recv returns 0 (FIN)");
    WaitForSingleObject(t, INFINITE);
    DWORD code = 1;
    GetExitCodeThread(t, &code);
    Check(code == 0, "the server saw the client's FIN as recv 0");
    CloseHandle(t);
    closesocket(c);

    /* The port is taken while the listener lives. */
    SOCKET d = socket(AF_INET, SOCK_STREAM, 0);
    a = Loopback(port);
    CheckWsa(bind(d, (struct sockaddr *)&a, sizeof(a)) == SOCKET_ERROR, WSAEADDRINUSE,
             "bind to a port in use -> WSAEADDRINUSE");
    closesocket(d);
    closesocket(l);
    SOCKET e = socket(AF_INET, SOCK_STREAM, 0);
    CheckWsa(connect(e, (struct sockaddr *)&a, sizeof(a)) == SOCKET_ERROR, WSAECONNREFUSED,
             "connect to a port nobody listens on -> WSAECONNREFUSED");
    closesocket(e);
    e = socket(AF_INET, SOCK_STREAM, 0);
    CheckWsa(recv(e, buf, 1, 0) == SOCKET_ERROR, WSAENOTCONN, "recv on an unconnected socket -> WSAENOTCONN");
    struct sockaddr_in unreachable = Loopback(80);
    unreachable.sin_addr.s_addr = inet_addr("10.1.2.3");
    CheckWsa(connect(e, (struct sockaddr *)&unreachable, sizeof(unreachable)) == SOCKET_ERROR, WSAENETUNREACH,
             "connect to 10.1.2.3 (not loopback) -> WSAENETUNREACH");
    closesocket(e);

    /* Closing with unread data resets the connection. */
    SOCKET srv;
    SOCKET cl = Pair(&srv);
    send(cl, "unread", 6, 0);
    closesocket(srv);
    CheckWsa(recv(cl, buf, sizeof(buf), 0) == SOCKET_ERROR, WSAECONNRESET,
             "the peer closed with unread data -> WSAECONNRESET");
    closesocket(cl);
}

static void Udp(void)
{
    SOCKET a = socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP), b = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in addr = Loopback(0);
    Check(bind(a, (struct sockaddr *)&addr, sizeof(addr)) == 0, "UDP bind");
    struct sockaddr_in to = Loopback(PortOf(a));
    Check(sendto(b, "one", 3, 0, (struct sockaddr *)&to, sizeof(to)) == 3, "sendto: first datagram");
    Check(sendto(b, "second", 6, 0, (struct sockaddr *)&to, sizeof(to)) == 6, "sendto: second datagram");
    u_long pending = 0;
    Check(ioctlsocket(a, FIONREAD, &pending) == 0 && pending == 3, "FIONREAD: the first datagram's size");
    char buf[16];
    struct sockaddr_in from;
    int flen = sizeof(from);
    int n = recvfrom(a, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
    Check(n == 3 && Same(buf, "one", 3), "recvfrom: one datagram, its boundary kept");
    Check(ntohs(from.sin_port) == PortOf(b) && from.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
          "from the sender's auto-bound port on 127.0.0.1");
    CheckWsa(recvfrom(a, buf, 4, 0, NULL, NULL) == SOCKET_ERROR, WSAEMSGSIZE,
             "a datagram larger than the buffer -> WSAEMSGSIZE");
    Check(Same(buf, "seco", 4), "with the part that fit");
    int type = 0, tlen = sizeof(type);
    Check(getsockopt(a, SOL_SOCKET, SO_TYPE, (char *)&type, &tlen) == 0 && type == SOCK_DGRAM, "SO_TYPE");
    closesocket(a);
    closesocket(b);
}

static void NonBlocking(void)
{
    SOCKET l = Listener();
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    u_long on = 1;
    Check(ioctlsocket(c, FIONBIO, &on) == 0, "FIONBIO on");
    struct sockaddr_in a = Loopback(PortOf(l));
    CheckWsa(connect(c, (struct sockaddr *)&a, sizeof(a)) == SOCKET_ERROR, WSAEWOULDBLOCK,
             "a non-blocking connect -> WSAEWOULDBLOCK");
    fd_set w, r;
    FD_ZERO(&w);
    FD_SET(c, &w);
    struct timeval tv = {1, 0};
    Check(select(0, NULL, &w, NULL, &tv) == 1 && FD_ISSET(c, &w), "select: writable once connected");
    char b;
    CheckWsa(recv(c, &b, 1, 0) == SOCKET_ERROR, WSAEWOULDBLOCK, "a non-blocking recv with nothing -> WSAEWOULDBLOCK");
    FD_ZERO(&r);
    FD_SET(l, &r);
    Check(select(0, &r, NULL, NULL, &tv) == 1, "select: the listener is readable (a connection waits)");
    u_long on2 = 1;
    ioctlsocket(l, FIONBIO, &on2);
    SOCKET s = accept(l, NULL, NULL);
    char none;
    CheckWsa(recv(s, &none, 1, 0) == SOCKET_ERROR, WSAEWOULDBLOCK,
             "the accepted socket is non-blocking as its listener -> WSAEWOULDBLOCK");
    on2 = 0;
    ioctlsocket(s, FIONBIO, &on2);
    FD_ZERO(&r);
    FD_SET(s, &r);
    tv.tv_sec = 0;
    tv.tv_usec = 20000;
    Check(select(0, &r, NULL, NULL, &tv) == 0, "select times out with nothing to read");

    WSAPOLLFD fds[2] = {{s, POLLRDNORM, 0}, {c, POLLWRNORM, 0}};
    Check(WSAPoll(fds, 2, 0) == 1 && fds[0].revents == 0 && fds[1].revents == POLLWRNORM,
          "WSAPoll: only the client is writable");
    send(c, "z", 1, 0);
    Check(WSAPoll(fds, 2, 100) == 2 && fds[0].revents == POLLRDNORM, "WSAPoll: the server readable after a send");
    closesocket(c);
    fds[0].events = POLLRDNORM;
    Check(WSAPoll(fds, 1, 100) == 1 && (fds[0].revents & POLLHUP), "WSAPoll: POLLHUP after the peer's close");
    closesocket(s);

    /* A refused non-blocking connect is an exception, its error in SO_ERROR. */
    int port = PortOf(l);
    closesocket(l);
    SOCKET f = socket(AF_INET, SOCK_STREAM, 0);
    ioctlsocket(f, FIONBIO, &on);
    a = Loopback((USHORT)port);
    connect(f, (struct sockaddr *)&a, sizeof(a));
    fd_set e;
    FD_ZERO(&e);
    FD_SET(f, &e);
    tv.tv_sec = 1;
    Check(select(0, NULL, NULL, &e, &tv) == 1, "select: a refused connect is an exception");
    int err = 0, elen = sizeof(err);
    Check(getsockopt(f, SOL_SOCKET, SO_ERROR, (char *)&err, &elen) == 0 && err == WSAECONNREFUSED,
          "SO_ERROR says WSAECONNREFUSED");
    closesocket(f);
}

static void Overlapped(void)
{
    SOCKET srv, cl = Pair(&srv);
    HANDLE port = CreateIoCompletionPort((HANDLE)srv, NULL, 0x5151, 0);
    Check(port != NULL, "a socket associated with a completion port");
    char buf[32];
    WSABUF wb = {sizeof(buf), buf};
    WSAOVERLAPPED ov = {0};
    DWORD got = 0, flags = 0;
    CheckWsa(WSARecv(srv, &wb, 1, &got, &flags, &ov, NULL) == SOCKET_ERROR, WSA_IO_PENDING,
             "an overlapped WSARecv with nothing yet -> WSA_IO_PENDING");
    send(cl, "packet", 6, 0);
    ULONG_PTR key = 0;
    LPOVERLAPPED done = NULL;
    Check(GetQueuedCompletionStatus(port, &got, &key, &done, 1000) && got == 6 && key == 0x5151 && done == &ov,
          "its completion packet: the key, the OVERLAPPED, 6 bytes");
    Check(Same(buf, "packet", 6), "the bytes are in the buffer");
    /* An overlapped receive with an event, then WSAGetOverlappedResult. */
    WSAOVERLAPPED ov2 = {0};
    ov2.hEvent = WSACreateEvent();
    WSARecv(cl, &wb, 1, &got, &flags, &ov2, NULL);
    send(srv, "back", 4, 0);
    Check(WSAWaitForMultipleEvents(1, &ov2.hEvent, FALSE, 1000, FALSE) == WSA_WAIT_EVENT_0,
          "the OVERLAPPED's event is set");
    DWORD f2 = 0;
    Check(WSAGetOverlappedResult(cl, &ov2, &got, FALSE, &f2) && got == 4, "WSAGetOverlappedResult: 4 bytes");
    WSACloseEvent(ov2.hEvent);
    closesocket(cl);
    closesocket(srv);
    CloseHandle(port);
}

static void Extensions(void)
{
    SOCKET l = Listener();
    GUID accept_id = WSAID_ACCEPTEX, connect_id = WSAID_CONNECTEX, addrs_id = WSAID_GETACCEPTEXSOCKADDRS;
    LPFN_ACCEPTEX accept_ex = NULL;
    LPFN_CONNECTEX connect_ex = NULL;
    LPFN_GETACCEPTEXSOCKADDRS addrs = NULL;
    DWORD n = 0;
    Check(WSAIoctl(l, SIO_GET_EXTENSION_FUNCTION_POINTER, &accept_id, sizeof(GUID), &accept_ex, sizeof(accept_ex), &n,
                   NULL, NULL) == 0 && accept_ex != NULL, "WSAIoctl gives AcceptEx");
    WSAIoctl(l, SIO_GET_EXTENSION_FUNCTION_POINTER, &connect_id, sizeof(GUID), &connect_ex, sizeof(connect_ex), &n,
             NULL, NULL);
    WSAIoctl(l, SIO_GET_EXTENSION_FUNCTION_POINTER, &addrs_id, sizeof(GUID), &addrs, sizeof(addrs), &n, NULL, NULL);
    Check(connect_ex != NULL && addrs != NULL, "and ConnectEx, GetAcceptExSockaddrs");
    SOCKET as = socket(AF_INET, SOCK_STREAM, 0);
    char block[2 * (sizeof(struct sockaddr_in) + 16)];
    OVERLAPPED ov = {0};
    ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    DWORD got = 0;
    CheckError(!accept_ex(l, as, block, 0, sizeof(struct sockaddr_in) + 16, sizeof(struct sockaddr_in) + 16, &got, &ov),
               WSA_IO_PENDING, "AcceptEx waits -> ERROR_IO_PENDING");
    SOCKET c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in any = Loopback(0);
    struct sockaddr_in a = Loopback(PortOf(l));
    OVERLAPPED ov2 = {0};
    ov2.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
    CheckWsa(!connect_ex(c, (struct sockaddr *)&a, sizeof(a), NULL, 0, &got, &ov2), WSAEINVAL,
             "ConnectEx on an unbound socket -> WSAEINVAL");
    bind(c, (struct sockaddr *)&any, sizeof(any));
    Check(connect_ex(c, (struct sockaddr *)&a, sizeof(a), NULL, 0, &got, &ov2), "ConnectEx");
    Check(WaitForSingleObject(ov.hEvent, 1000) == WAIT_OBJECT_0, "AcceptEx completes");
    Check(setsockopt(as, SOL_SOCKET, SO_UPDATE_ACCEPT_CONTEXT, (char *)&l, sizeof(l)) == 0,
          "SO_UPDATE_ACCEPT_CONTEXT");
    struct sockaddr *local = NULL, *remote = NULL;
    int ll = 0, rl = 0;
    addrs(block, 0, sizeof(struct sockaddr_in) + 16, sizeof(struct sockaddr_in) + 16, &local, &ll, &remote, &rl);
    Check(rl == sizeof(struct sockaddr_in) && ntohs(((struct sockaddr_in *)remote)->sin_port) == PortOf(c)
          && ntohs(((struct sockaddr_in *)local)->sin_port) == PortOf(l), "GetAcceptExSockaddrs: both ends");
    send(c, "ex", 2, 0);
    char buf[4];
    Check(recv(as, buf, sizeof(buf), 0) == 2, "the accepted socket receives");
    closesocket(c);
    closesocket(as);
    closesocket(l);
}

static void Names(void)
{
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    Check(getaddrinfo("localhost", "8080", &hints, &res) == 0 && res && res->ai_family == AF_INET
          && ntohs(((struct sockaddr_in *)res->ai_addr)->sin_port) == 8080
          && ((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr == htonl(INADDR_LOOPBACK),
          "getaddrinfo(localhost, 8080, AF_INET): 127.0.0.1:8080");
    freeaddrinfo(res);
    res = NULL;
    Check(getaddrinfo("localhost", NULL, NULL, &res) == 0 && res->ai_family == AF_INET6 && res->ai_next
          && res->ai_next->ai_family == AF_INET, "getaddrinfo(localhost): ::1 then 127.0.0.1");
    freeaddrinfo(res);
    Check(getaddrinfo("no.such.host.example", "80", NULL, &res) == WSAHOST_NOT_FOUND,
          "another name -> WSAHOST_NOT_FOUND (EAI_NONAME)");
    char text[64];
    BYTE six[16];
    Check(inet_pton(AF_INET6, "::1", six) == 1 && six[15] == 1, "inet_pton ::1");
    Check(inet_pton(AF_INET6, "fe80::1:2", six) == 1 && inet_ntop(AF_INET6, six, text, sizeof(text))
          && Same(text, "fe80::1:2", 10), "inet_ntop: fe80::1:2");
    struct in_addr in;
    in.s_addr = inet_addr("192.168.0.254");
    Check(Same(inet_ntoa(in), "192.168.0.254", 14), "inet_addr / inet_ntoa");
    Check(inet_addr("1.2.3") == INADDR_NONE, "inet_addr of a short form -> INADDR_NONE");
    char host[64];
    Check(gethostname(host, sizeof(host)) == 0 && host[0], "gethostname");
    struct hostent *h = gethostbyname("localhost");
    Check(h && h->h_length == 4 && ((BYTE *)h->h_addr_list[0])[0] == 127, "gethostbyname(localhost)");
    struct sockaddr_in sa = Loopback(80);
    char serv[16];
    Check(getnameinfo((struct sockaddr *)&sa, sizeof(sa), text, sizeof(text), serv, sizeof(serv),
                      NI_NUMERICHOST | NI_NUMERICSERV) == 0 && Same(text, "127.0.0.1", 10) && Same(serv, "80", 3),
          "getnameinfo numeric: 127.0.0.1, 80");
}

void Entry(void)
{
    WSADATA wsa;
    CheckWsa(socket(AF_INET, SOCK_STREAM, 0) == INVALID_SOCKET, WSANOTINITIALISED,
             "socket before WSAStartup -> WSANOTINITIALISED");
    Check(WSAStartup(MAKEWORD(2, 2), &wsa) == 0 && wsa.wVersion == MAKEWORD(2, 2), "WSAStartup 2.2");
    CheckWsa(socket(AF_INET, 7, 0) == INVALID_SOCKET, WSAESOCKTNOSUPPORT, "an unknown type -> WSAESOCKTNOSUPPORT");
    HANDLE ev = CreateEventW(NULL, TRUE, FALSE, NULL);
    CheckWsa(closesocket((SOCKET)ev) == SOCKET_ERROR, WSAENOTSOCK, "closesocket of an event -> WSAENOTSOCK");
    CloseHandle(ev);
    Tcp();
    Udp();
    NonBlocking();
    Overlapped();
    Extensions();
    Names();
    WSACleanup();
    ExitProcess((UINT)failures);
}
