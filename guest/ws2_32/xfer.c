/* Data: send/recv, sendto/recvfrom and their WSA forms (several buffers, overlapped with an
 * event, a completion port or a completion routine). One AFD_XFER_INFO each way. */
#include "sock.h"

static int WsTransfer(SOCKET s, ULONG code, LPWSABUF buffers, DWORD count, DWORD flags, ULONGLONG address,
                      ULONGLONG address_length, LPDWORD bytes, LPWSAOVERLAPPED ov,
                      LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (buffers == NULL && count) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (flags & ~(DWORD)(MSG_PEEK | MSG_OOB | MSG_DONTROUTE | MSG_PARTIAL | MSG_WAITALL | MSG_PUSH_IMMEDIATE)) {
        SetLastError(WSAEOPNOTSUPP);
        return SOCKET_ERROR;
    }
    AFD_XFER_INFO info = {(ULONGLONG)(ULONG_PTR)buffers, count, flags, address, address_length};
    if (ov != NULL)
        return AfdOverlapped(s, code, &info, sizeof(info), NULL, 0, ov, routine, bytes);
    /* A blocking call waits at most SO_RCVTIMEO / SO_SNDTIMEO milliseconds (0: no limit). */
    AFD_INFO option = {SOL_SOCKET, code == IOCTL_AFD_RECV ? SO_RCVTIMEO : SO_SNDTIMEO, {0}};
    DWORD timeout = 0;
    if (AfdRequest(s, IOCTL_AFD_GET_INFO, &option, 8, &timeout, sizeof(timeout), NULL) < 0 || timeout == 0)
        timeout = INFINITE;
    ULONG_PTR done = 0;
    NTSTATUS status = AfdRequestTimed(s, code, &info, sizeof(info), NULL, 0, &done, timeout);
    if (bytes)
        *bytes = (DWORD)done;
    if (status < 0 || status == WS_STATUS_BUFFER_OVERFLOW)
        return WsFail(status);
    SetLastError(0);
    return 0;
}

__declspec(dllexport) int WSAAPI WSASend(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent, DWORD flags,
                                         LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    return WsTransfer(s, IOCTL_AFD_SEND, buffers, count, flags, 0, 0, sent, ov, routine);
}

__declspec(dllexport) int WSAAPI WSASendTo(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent, DWORD flags,
                                           const struct sockaddr *to, int tolen, LPWSAOVERLAPPED ov,
                                           LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    if (to != NULL && tolen < WsSockaddrLength(to)) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    return WsTransfer(s, IOCTL_AFD_SEND, buffers, count, flags, (ULONGLONG)(ULONG_PTR)to, to ? (ULONGLONG)tolen : 0,
                      sent, ov, routine);
}

__declspec(dllexport) int WSAAPI WSARecv(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received, LPDWORD flags,
                                         LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    DWORD f = flags ? *flags : 0;
    if (flags)
        *flags = 0;
    return WsTransfer(s, IOCTL_AFD_RECV, buffers, count, f, 0, 0, received, ov, routine);
}

__declspec(dllexport) int WSAAPI WSARecvFrom(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received,
                                             LPDWORD flags, struct sockaddr *from, LPINT fromlen,
                                             LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    DWORD f = flags ? *flags : 0;
    if (flags)
        *flags = 0;
    if (from != NULL && fromlen == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    return WsTransfer(s, IOCTL_AFD_RECV, buffers, count, f, (ULONGLONG)(ULONG_PTR)from,
                      from ? (ULONGLONG)(ULONG_PTR)fromlen : 0, received, ov, routine);
}

__declspec(dllexport) int WSAAPI send(SOCKET s, const char *buf, int len, int flags)
{
    WSABUF b = {(ULONG)len, (char *)buf};
    DWORD done = 0;
    if (len < 0) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    return WSASend(s, &b, 1, &done, (DWORD)flags, NULL, NULL) == 0 ? (int)done : SOCKET_ERROR;
}

__declspec(dllexport) int WSAAPI sendto(SOCKET s, const char *buf, int len, int flags, const struct sockaddr *to,
                                        int tolen)
{
    WSABUF b = {(ULONG)len, (char *)buf};
    DWORD done = 0;
    if (len < 0) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    return WSASendTo(s, &b, 1, &done, (DWORD)flags, to, tolen, NULL, NULL) == 0 ? (int)done : SOCKET_ERROR;
}

__declspec(dllexport) int WSAAPI recv(SOCKET s, char *buf, int len, int flags)
{
    WSABUF b = {(ULONG)len, buf};
    DWORD done = 0, f = (DWORD)flags;
    if (len < 0) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    return WSARecv(s, &b, 1, &done, &f, NULL, NULL) == 0 ? (int)done : SOCKET_ERROR;
}

__declspec(dllexport) int WSAAPI recvfrom(SOCKET s, char *buf, int len, int flags, struct sockaddr *from,
                                          int *fromlen)
{
    WSABUF b = {(ULONG)len, buf};
    DWORD done = 0, f = (DWORD)flags;
    if (len < 0) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    return WSARecvFrom(s, &b, 1, &done, &f, from, fromlen, NULL, NULL) == 0 ? (int)done : SOCKET_ERROR;
}
