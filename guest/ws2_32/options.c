/* Socket options and controls: getsockopt/setsockopt (kept by the driver), ioctlsocket and
 * WSAIoctl (FIONBIO, FIONREAD, the extension functions' pointers by their documented GUIDs). */
#include "sock.h"

__declspec(dllexport) int WSAAPI setsockopt(SOCKET s, int level, int name, const char *value, int length)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    AFD_INFO info = {(ULONG)level, (ULONG)name, {0}};
    if (value == NULL && length > 0) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    int need = name == SO_LINGER && level == SOL_SOCKET ? (int)sizeof(struct linger) : 1;
    if (length < need && !(level == SOL_SOCKET && (name == SO_UPDATE_ACCEPT_CONTEXT || name == SO_UPDATE_CONNECT_CONTEXT))) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (value != NULL && length > 0)
        memcpy(info.Value, value, (size_t)(length < (int)sizeof(info.Value) ? length : (int)sizeof(info.Value)));
    if (level == IPPROTO_TCP && name == TCP_NODELAY && length < 4)
        info.Value[1] = info.Value[2] = info.Value[3] = 0;
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_SET_INFO, &info, 8 + 4 * ((sizeof(info.Value) + 3) / 4), NULL, 0,
                                 NULL);
    if (status == WS_STATUS_NOT_SUPPORTED) {
        SetLastError(WSAENOPROTOOPT);
        return SOCKET_ERROR;
    }
    return status < 0 ? WsFail(status) : 0;
}

__declspec(dllexport) int WSAAPI getsockopt(SOCKET s, int level, int name, char *value, int *length)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    AFD_INFO info = {(ULONG)level, (ULONG)name, {0}};
    BYTE out[16] = {0};
    ULONG_PTR got = 0;
    if (value == NULL || length == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_GET_INFO, &info, 8, out, sizeof(out), &got);
    if (status == WS_STATUS_NOT_SUPPORTED) {
        SetLastError(WSAENOPROTOOPT);
        return SOCKET_ERROR;
    }
    if (status < 0)
        return WsFail(status);
    int size = (int)(got ? got : 4);
    if (*length < size) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    memcpy(value, out, (size_t)size);
    *length = size;
    return 0;
}

static int WsControl(SOCKET s, long cmd, u_long *arg)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (arg == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    NTSTATUS status;
    if ((u_long)cmd == (u_long)FIONBIO) {
        AFD_INFO info = {AFD_LEVEL, AFD_INFO_BLOCKING_MODE, {0}};
        *(ULONG *)info.Value = *arg != 0;
        status = AfdRequest(s, IOCTL_AFD_SET_INFO, &info, 12, NULL, 0, NULL);
    } else if ((u_long)cmd == (u_long)FIONREAD) {
        AFD_INFO info = {AFD_LEVEL, AFD_INFO_RECEIVE_CONTENT_SIZE, {0}};
        status = AfdRequest(s, IOCTL_AFD_GET_INFO, &info, 8, arg, sizeof(*arg), NULL);
    } else if ((u_long)cmd == (u_long)SIOCATMARK) {
        *arg = 1;                                   /* no urgent data is ever sent */
        return 0;
    } else {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    return status < 0 ? WsFail(status) : 0;
}

__declspec(dllexport) int WSAAPI ioctlsocket(SOCKET s, long cmd, u_long *arg)
{
    return WsControl(s, cmd, arg);
}

BOOL PASCAL WsAcceptEx(SOCKET, SOCKET, PVOID, DWORD, DWORD, DWORD, LPDWORD, LPOVERLAPPED);
BOOL PASCAL WsConnectEx(SOCKET, const struct sockaddr *, int, PVOID, DWORD, LPDWORD, LPOVERLAPPED);
VOID PASCAL WsGetAcceptExSockaddrs(PVOID, DWORD, DWORD, DWORD, struct sockaddr **, LPINT, struct sockaddr **,
                                   LPINT);
BOOL PASCAL WsDisconnectEx(SOCKET, LPOVERLAPPED, DWORD, DWORD);

__declspec(dllexport) int WSAAPI WSAIoctl(SOCKET s, DWORD code, LPVOID in, DWORD in_length, LPVOID out,
                                          DWORD out_length, LPDWORD returned, LPWSAOVERLAPPED ov,
                                          LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    (void)ov; (void)routine;
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (code == SIO_GET_EXTENSION_FUNCTION_POINTER) {
        static const struct { GUID id; void *fn; } table[] = {
            {WSAID_ACCEPTEX, (void *)WsAcceptEx},
            {WSAID_CONNECTEX, (void *)WsConnectEx},
            {WSAID_GETACCEPTEXSOCKADDRS, (void *)WsGetAcceptExSockaddrs},
            {WSAID_DISCONNECTEX, (void *)WsDisconnectEx},
        };
        if (in == NULL || in_length < sizeof(GUID) || out == NULL || out_length < sizeof(void *)) {
            SetLastError(WSAEFAULT);
            return SOCKET_ERROR;
        }
        for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
            if (memcmp(in, &table[i].id, sizeof(GUID)) == 0) {
                *(void **)out = table[i].fn;
                if (returned)
                    *returned = sizeof(void *);
                return 0;
            }
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    if (code == (DWORD)FIONBIO || code == (DWORD)FIONREAD) {
        u_long value = code == (DWORD)FIONBIO && in ? *(u_long *)in : 0;
        if (code == (DWORD)FIONBIO && (in == NULL || in_length < sizeof(u_long))) {
            SetLastError(WSAEFAULT);
            return SOCKET_ERROR;
        }
        if (WsControl(s, (long)code, &value) != 0)
            return SOCKET_ERROR;
        if (code == (DWORD)FIONREAD) {
            if (out == NULL || out_length < sizeof(u_long)) {
                SetLastError(WSAEFAULT);
                return SOCKET_ERROR;
            }
            *(u_long *)out = value;
        }
        if (returned)
            *returned = code == (DWORD)FIONREAD ? sizeof(u_long) : 0;
        return 0;
    }
    if (code == SIO_UDP_CONNRESET || code == SIO_KEEPALIVE_VALS || code == SIO_LOOPBACK_FAST_PATH) {
        if (returned)                               /* no ICMP here; keep-alives never fire on loopback */
            *returned = 0;
        return 0;
    }
    SetLastError(WSAEOPNOTSUPP);
    return SOCKET_ERROR;
}
