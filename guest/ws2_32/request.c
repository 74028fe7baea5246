/* AFD requests: a blocking call waits on an event of its own for a pending request; an
 * overlapped one hands the OVERLAPPED (its Internal fields are the IO_STATUS_BLOCK) to the
 * driver, with the caller's event, and its completion routine as an I/O APC. */
#include "sock.h"

int WsErrorFromStatus(NTSTATUS status)
{
    switch ((ULONG)status) {
    case 0xC00000D8: return WSAEWOULDBLOCK;         /* STATUS_CANT_WAIT */
    case 0xC0000236: return WSAECONNREFUSED;
    case 0xC000020D: return WSAECONNRESET;
    case 0xC0000241: return WSAECONNABORTED;
    case 0xC000023C: return WSAENETUNREACH;
    case 0xC0000140: return WSAENOTCONN;            /* STATUS_INVALID_CONNECTION */
    case 0xC000023B: return WSAEISCONN;             /* STATUS_CONNECTION_ACTIVE */
    case 0xC000020A: return WSAEADDRINUSE;
    case 0xC0000207: return WSAEADDRNOTAVAIL;       /* STATUS_INVALID_ADDRESS_COMPONENT */
    case 0xC0000022: return WSAEACCES;
    case 0xC00000B0: return WSAESHUTDOWN;           /* STATUS_PIPE_DISCONNECTED */
    case 0x80000005: return WSAEMSGSIZE;            /* STATUS_BUFFER_OVERFLOW */
    case 0xC0000120: return WSA_OPERATION_ABORTED;
    case 0xC000000D: return WSAEINVAL;
    case 0xC0000008: case 0xC0000024: case 0xC0000010: return WSAENOTSOCK;
    case 0xC0000005: return WSAEFAULT;
    case 0xC00000B5: return WSAETIMEDOUT;         /* STATUS_IO_TIMEOUT */
    case 0xC00000BB: return WSAEOPNOTSUPP;
    case 0xC000009A: return WSAENOBUFS;
    default: return (int)RtlNtStatusToDosError(status);
    }
}

int WsFail(NTSTATUS status)
{
    SetLastError((DWORD)WsErrorFromStatus(status));
    return SOCKET_ERROR;
}

NTSTATUS AfdRequest(SOCKET s, ULONG code, const void *in, ULONG in_length, void *out, ULONG out_length,
                    ULONG_PTR *information)
{
    return AfdRequestTimed(s, code, in, in_length, out, out_length, information, INFINITE);
}

/* The same with a time limit (SO_RCVTIMEO / SO_SNDTIMEO): a request still waiting then is
 * cancelled and ends with STATUS_IO_TIMEOUT (WSAETIMEDOUT). */
NTSTATUS AfdRequestTimed(SOCKET s, ULONG code, const void *in, ULONG in_length, void *out, ULONG out_length,
                         ULONG_PTR *information, DWORD timeout_ms)
{
    WS_IO_STATUS_BLOCK iosb = {.Status = WS_STATUS_PENDING};
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (event == NULL)
        return (NTSTATUS)0xC000009A;                 /* STATUS_INSUFFICIENT_RESOURCES */
    NTSTATUS status = NtDeviceIoControlFile((HANDLE)s, event, NULL, NULL, &iosb, code, (PVOID)in, in_length, out,
                                            out_length);
    if (status == WS_STATUS_PENDING) {
        if (WaitForSingleObject(event, timeout_ms) == WAIT_TIMEOUT) {
            CancelIoEx((HANDLE)s, (LPOVERLAPPED)&iosb);
            WaitForSingleObject(event, INFINITE);
            if (iosb.Status == WS_STATUS_CANCELLED)
                iosb.Status = (NTSTATUS)0xC00000B5;     /* STATUS_IO_TIMEOUT */
        }
        status = iosb.Status;
    }
    CloseHandle(event);
    if (information)
        *information = status >= 0 || status == WS_STATUS_BUFFER_OVERFLOW ? iosb.Information : 0;
    return status;
}

static void NTAPI WsIoCompletion(PVOID context, WS_IO_STATUS_BLOCK *iosb, ULONG reserved)
{
    (void)reserved;
    LPWSAOVERLAPPED_COMPLETION_ROUTINE routine = (LPWSAOVERLAPPED_COMPLETION_ROUTINE)context;
    DWORD error = iosb->Status >= 0 ? 0 : (DWORD)WsErrorFromStatus(iosb->Status);
    routine(error, (DWORD)iosb->Information, (LPWSAOVERLAPPED)iosb, 0);
}

int AfdOverlapped(SOCKET s, ULONG code, const void *in, ULONG in_length, void *out, ULONG out_length,
                  LPWSAOVERLAPPED ov, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine, LPDWORD bytes)
{
    ov->Internal = (ULONG_PTR)WS_STATUS_PENDING;
    ov->InternalHigh = 0;
    NTSTATUS status = NtDeviceIoControlFile((HANDLE)s, ov->hEvent, routine ? WsIoCompletion : NULL,
                                            routine ? (PVOID)routine : (PVOID)ov, (WS_IO_STATUS_BLOCK *)ov, code,
                                            (PVOID)in, in_length, out, out_length);
    if (status == WS_STATUS_PENDING) {
        SetLastError(WSA_IO_PENDING);
        return SOCKET_ERROR;
    }
    if (status < 0 || status == WS_STATUS_BUFFER_OVERFLOW)
        return WsFail(status);
    if (bytes)
        *bytes = (DWORD)ov->InternalHigh;
    SetLastError(0);
    return 0;
}

int WsSockaddrLength(const struct sockaddr *sa)
{
    return sa->sa_family == AF_INET6 ? (int)sizeof(struct sockaddr_in6) : (int)sizeof(struct sockaddr_in);
}

int WsLocalAddress(SOCKET s, struct sockaddr_storage *out)
{
    memset(out, 0, sizeof(*out));
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_GET_SOCK_NAME, NULL, 0, out, sizeof(*out), NULL);
    return status < 0 ? WsFail(status) : 0;
}

/* getsockname's and accept's copy: WSAEFAULT when the caller's buffer is too small. */
int WsCopyAddress(const struct sockaddr *from, struct sockaddr *to, int *length)
{
    if (to == NULL || length == NULL)
        return 0;
    int need = WsSockaddrLength(from);
    if (*length < need) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    memcpy(to, from, (size_t)need);
    *length = need;
    return 0;
}

/* Whether s is a socket handle: AFD answers its blocking-mode query (WSAENOTSOCK set if not). */
int WsCheckSocket(SOCKET s)
{
    ULONG mode = 0;
    AFD_INFO q = {AFD_LEVEL, AFD_INFO_BLOCKING_MODE, {0}};
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_GET_INFO, &q, 8, &mode, sizeof(mode), NULL);
    if (status < 0) {
        SetLastError(WSAENOTSOCK);
        return 0;
    }
    return 1;
}
