/* The Microsoft extensions (mswsock's part, reached through WSAIoctl's function pointers):
 * AcceptEx, GetAcceptExSockaddrs, ConnectEx, DisconnectEx. AcceptEx's buffer holds the first
 * data (not taken here: the connection's bytes stay to be received), then the local and the
 * remote address blocks (an int length and the sockaddr each, our shape). */
#include "sock.h"

BOOL PASCAL WsAcceptEx(SOCKET listener, SOCKET accepting, PVOID buffer, DWORD receive_length, DWORD local_length,
                       DWORD remote_length, LPDWORD received, LPOVERLAPPED ov)
{
    WS_CHECK_STARTED(FALSE);
    if (buffer == NULL || ov == NULL || local_length < sizeof(struct sockaddr_in) + 16
        || remote_length < sizeof(struct sockaddr_in) + 16) {
        SetLastError(WSAEFAULT);
        return FALSE;
    }
    AFD_ACCEPT_INFO info = {(ULONGLONG)accepting, local_length, remote_length};
    (void)receive_length;
    BYTE *blocks = (BYTE *)buffer + receive_length;
    if (received)
        *received = 0;
    return AfdOverlapped(listener, IOCTL_AFD_ACCEPT, &info, sizeof(info), blocks, local_length + remote_length,
                         ov, NULL, received) == 0;
}

VOID PASCAL WsGetAcceptExSockaddrs(PVOID buffer, DWORD receive_length, DWORD local_length, DWORD remote_length,
                                   struct sockaddr **local, LPINT local_size, struct sockaddr **remote,
                                   LPINT remote_size)
{
    BYTE *blocks = (BYTE *)buffer + receive_length;
    *local = (struct sockaddr *)(blocks + 4);
    *local_size = *(int *)blocks;
    *remote = (struct sockaddr *)(blocks + local_length + 4);
    *remote_size = *(int *)(blocks + local_length);
    (void)remote_length;
}

BOOL PASCAL WsConnectEx(SOCKET s, const struct sockaddr *name, int length, PVOID send_buffer, DWORD send_length,
                        LPDWORD sent, LPOVERLAPPED ov)
{
    WS_CHECK_STARTED(FALSE);
    struct sockaddr_storage local;
    if (name == NULL || ov == NULL || length < WsSockaddrLength(name)) {
        SetLastError(WSAEFAULT);
        return FALSE;
    }
    if (WsLocalAddress(s, &local) != 0) {           /* ConnectEx wants a bound socket */
        SetLastError(WSAEINVAL);
        return FALSE;
    }
    if (send_length == 0 || send_buffer == NULL)
        return AfdOverlapped(s, IOCTL_AFD_CONNECT, name, (ULONG)WsSockaddrLength(name), NULL, 0, ov, NULL, sent) == 0;
    /* With data: the connection is made now, the send is the overlapped operation. */
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_CONNECT, name, (ULONG)WsSockaddrLength(name), NULL, 0, NULL);
    if (status < 0)
        return WsFail(status), FALSE;
    WSABUF b = {send_length, (char *)send_buffer};
    return WSASend(s, &b, 1, sent, 0, ov, NULL) == 0;
}

BOOL PASCAL WsDisconnectEx(SOCKET s, LPOVERLAPPED ov, DWORD flags, DWORD reserved)
{
    (void)flags; (void)reserved;
    int how = SD_SEND;
    WS_CHECK_STARTED(FALSE);
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_DISCONNECT, &how, sizeof(how), NULL, 0, NULL);
    if (status < 0)
        return WsFail(status), FALSE;
    if (ov != NULL) {
        ov->Internal = 0;
        ov->InternalHigh = 0;
        if (ov->hEvent)
            SetEvent(ov->hEvent);
    }
    return TRUE;
}

__declspec(dllexport) BOOL PASCAL AcceptEx(SOCKET l, SOCKET a, PVOID b, DWORD r, DWORD ll, DWORD rl, LPDWORD got,
                                           LPOVERLAPPED ov)
{
    return WsAcceptEx(l, a, b, r, ll, rl, got, ov);
}

__declspec(dllexport) VOID PASCAL GetAcceptExSockaddrs(PVOID b, DWORD r, DWORD ll, DWORD rl, struct sockaddr **l,
                                                       LPINT lsz, struct sockaddr **rm, LPINT rsz)
{
    WsGetAcceptExSockaddrs(b, r, ll, rl, l, lsz, rm, rsz);
}
