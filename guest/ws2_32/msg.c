/* WSASendMsg (a WSAMSG: the destination, the buffers and control data) over WSASendTo's path,
 * and the Winsock 2 halves of shutdown: WSASendDisconnect and WSARecvDisconnect. TCP carries no
 * disconnect data, so their buffers are neither sent nor filled. */
#include "sock.h"

/* The control data must be a well-formed chain of WSACMSGHDRs filling Control.len. Loopback
 * honours what they ask (IP_PKTINFO's source is loopback's own, a UDP_SEND_MSG_SIZE segmentation
 * leaves one datagram), so nothing of them changes the send. */
static int WsControlValid(const WSABUF *control)
{
    if (control->len == 0)
        return 1;
    if (control->buf == NULL)
        return 0;
    ULONG at = 0;
    while (at < control->len) {
        if (control->len - at < sizeof(WSACMSGHDR))
            return 0;
        const WSACMSGHDR *h = (const WSACMSGHDR *)(control->buf + at);
        if (h->cmsg_len < sizeof(WSACMSGHDR) || h->cmsg_len > control->len - at)
            return 0;
        at += (ULONG)WSA_CMSGHDR_ALIGN(h->cmsg_len);
    }
    return 1;
}

__declspec(dllexport) int WSAAPI WSASendMsg(SOCKET s, LPWSAMSG msg, DWORD flags, LPDWORD sent,
                                            LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (!WsCheckSocket(s))
        return SOCKET_ERROR;
    if (msg == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (flags & ~(DWORD)(MSG_DONTROUTE | MSG_PARTIAL)) {      /* the flags WSASendMsg documents */
        SetLastError(WSAEOPNOTSUPP);
        return SOCKET_ERROR;
    }
    if (!WsControlValid(&msg->Control)) {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    return WSASendTo(s, msg->lpBuffers, msg->dwBufferCount, sent, flags, msg->name, msg->name ? msg->namelen : 0,
                     ov, routine);
}

__declspec(dllexport) int WSAAPI WSASendDisconnect(SOCKET s, LPWSABUF data)
{
    (void)data;
    return shutdown(s, SD_SEND);
}

__declspec(dllexport) int WSAAPI WSARecvDisconnect(SOCKET s, LPWSABUF data)
{
    (void)data;
    return shutdown(s, SD_RECEIVE);
}
