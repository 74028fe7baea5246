/* Readiness: select and WSAPoll are one IOCTL_AFD_SELECT over their sockets, waited for up to
 * the timeout (then cancelled); WSAEventSelect/WSAEnumNetworkEvents and the WSA event calls,
 * which are kernel32's events. */
#include "sock.h"
#include "async_window.h"

#define READ_EVENTS (AFD_EVENT_RECEIVE | AFD_EVENT_ACCEPT | AFD_EVENT_DISCONNECT | AFD_EVENT_ABORT)
#define WRITE_EVENTS (AFD_EVENT_SEND | AFD_EVENT_CONNECT)
#define EXCEPT_EVENTS (AFD_EVENT_CONNECT_FAIL | AFD_EVENT_OOB_RECEIVE)

/* The poll for `count` handles; returns how many entries the output has, or -1 (error set). */
static int WsPoll(AFD_POLL_INFO_ *poll, ULONG count, DWORD timeout_ms)
{
    ULONG size = (ULONG)(offsetof(AFD_POLL_INFO_, Handles) + count * sizeof(AFD_HANDLE_));
    poll->Timeout.QuadPart = timeout_ms == 0 ? 0 : -1;
    poll->HandleCount = count;
    poll->Exclusive = 0;
    WS_IO_STATUS_BLOCK iosb = {.Status = WS_STATUS_PENDING};
    HANDLE event = CreateEventW(NULL, TRUE, FALSE, NULL);
    SOCKET first = (SOCKET)poll->Handles[0].Handle;
    NTSTATUS status = NtDeviceIoControlFile((HANDLE)first, event, NULL, NULL, &iosb, IOCTL_AFD_SELECT, poll, size,
                                            poll, size);
    if (status == WS_STATUS_PENDING) {
        if (WaitForSingleObject(event, timeout_ms) == WAIT_TIMEOUT) {
            CancelIoEx((HANDLE)first, (LPOVERLAPPED)&iosb);
            WaitForSingleObject(event, INFINITE);
        }
        status = iosb.Status;
    }
    CloseHandle(event);
    if (status == WS_STATUS_CANCELLED)
        return 0;
    if (status < 0) {
        WsFail(status);
        return -1;
    }
    return (int)poll->HandleCount;
}

static DWORD WsTimeout(const struct timeval *t)
{
    if (t == NULL)
        return INFINITE;
    return (DWORD)t->tv_sec * 1000 + (DWORD)(t->tv_usec + 999) / 1000;
}

static void WsAdd(AFD_POLL_INFO_ *poll, ULONG *count, SOCKET s, ULONG events)
{
    for (ULONG i = 0; i < *count; i++)
        if (poll->Handles[i].Handle == (ULONGLONG)s) {
            poll->Handles[i].Events |= events;
            return;
        }
    poll->Handles[*count].Handle = (ULONGLONG)s;
    poll->Handles[*count].Events = events;
    poll->Handles[*count].Status = 0;
    (*count)++;
}

static int WsMark(fd_set *set, SOCKET s, ULONG bits, ULONG wanted, fd_set *result)
{
    if (set == NULL || !(bits & wanted))
        return 0;
    for (u_int i = 0; i < set->fd_count; i++)
        if (set->fd_array[i] == s) {
            result->fd_array[result->fd_count++] = s;
            return 1;
        }
    return 0;
}

__declspec(dllexport) int WSAAPI select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
                                        const PTIMEVAL timeout)
{
    (void)nfds;
    WS_CHECK_STARTED(SOCKET_ERROR);
    ULONG total = (readfds ? readfds->fd_count : 0) + (writefds ? writefds->fd_count : 0)
                  + (exceptfds ? exceptfds->fd_count : 0);
    if (total == 0) {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    AFD_POLL_INFO_ *poll = HeapAlloc(GetProcessHeap(), 0, sizeof(AFD_POLL_INFO_) + total * sizeof(AFD_HANDLE_));
    ULONG count = 0;
    for (u_int i = 0; readfds && i < readfds->fd_count; i++)
        WsAdd(poll, &count, readfds->fd_array[i], READ_EVENTS);
    for (u_int i = 0; writefds && i < writefds->fd_count; i++)
        WsAdd(poll, &count, writefds->fd_array[i], WRITE_EVENTS);
    for (u_int i = 0; exceptfds && i < exceptfds->fd_count; i++)
        WsAdd(poll, &count, exceptfds->fd_array[i], EXCEPT_EVENTS);
    int n = WsPoll(poll, count, WsTimeout(timeout));
    if (n < 0) {
        HeapFree(GetProcessHeap(), 0, poll);
        return SOCKET_ERROR;
    }
    for (int i = 0; i < n; i++)
        if (poll->Handles[i].Status < 0) {
            HeapFree(GetProcessHeap(), 0, poll);
            SetLastError(WSAENOTSOCK);
            return SOCKET_ERROR;
        }
    fd_set r = {0}, w = {0}, e = {0};
    int marked = 0;
    for (int i = 0; i < n; i++) {
        SOCKET s = (SOCKET)poll->Handles[i].Handle;
        ULONG bits = poll->Handles[i].Events;
        marked += WsMark(readfds, s, bits, READ_EVENTS, &r);
        marked += WsMark(writefds, s, bits, WRITE_EVENTS, &w);
        marked += WsMark(exceptfds, s, bits, EXCEPT_EVENTS, &e);
    }
    HeapFree(GetProcessHeap(), 0, poll);
    if (readfds)
        *readfds = r;
    if (writefds)
        *writefds = w;
    if (exceptfds)
        *exceptfds = e;
    return marked;
}

__declspec(dllexport) int WSAAPI __WSAFDIsSet(SOCKET s, fd_set *set)
{
    for (u_int i = 0; i < set->fd_count; i++)
        if (set->fd_array[i] == s)
            return 1;
    return 0;
}

__declspec(dllexport) int WSAAPI WSAPoll(LPWSAPOLLFD fds, ULONG count, INT timeout)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (fds == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    AFD_POLL_INFO_ *poll = HeapAlloc(GetProcessHeap(), 0, sizeof(AFD_POLL_INFO_) + (count + 1) * sizeof(AFD_HANDLE_));
    ULONG n = 0;
    for (ULONG i = 0; i < count; i++) {
        fds[i].revents = 0;
        if (fds[i].events & ~(POLLIN | POLLOUT | POLLPRI)) {
            HeapFree(GetProcessHeap(), 0, poll);
            SetLastError(WSAEINVAL);
            return SOCKET_ERROR;
        }
        if (fds[i].fd == INVALID_SOCKET)
            continue;
        ULONG events = AFD_EVENT_DISCONNECT | AFD_EVENT_ABORT | AFD_EVENT_CONNECT_FAIL;
        if (fds[i].events & POLLRDNORM)
            events |= AFD_EVENT_RECEIVE | AFD_EVENT_ACCEPT;
        if (fds[i].events & (POLLRDBAND | POLLPRI))
            events |= AFD_EVENT_OOB_RECEIVE;
        if (fds[i].events & POLLWRNORM)
            events |= AFD_EVENT_SEND;
        WsAdd(poll, &n, fds[i].fd, events);
    }
    if (n == 0) {
        HeapFree(GetProcessHeap(), 0, poll);
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    /* The request goes to a handle that is a socket: an invalid one is POLLNVAL, not a failure. */
    for (ULONG i = 0; i < n; i++) {
        int mode = 0;
        AFD_INFO q = {AFD_LEVEL, AFD_INFO_BLOCKING_MODE, {0}};
        if (AfdRequest((SOCKET)poll->Handles[i].Handle, IOCTL_AFD_GET_INFO, &q, 8, &mode, sizeof(mode), NULL) >= 0) {
            AFD_HANDLE_ t = poll->Handles[0];
            poll->Handles[0] = poll->Handles[i];
            poll->Handles[i] = t;
            break;
        }
    }
    int got = WsPoll(poll, n, timeout < 0 ? INFINITE : (DWORD)timeout);
    if (got < 0) {
        HeapFree(GetProcessHeap(), 0, poll);
        if (WSAGetLastError() != WSAENOTSOCK)
            return SOCKET_ERROR;
        for (ULONG i = 0; i < count; i++)           /* no socket at all among them */
            fds[i].revents = fds[i].fd == INVALID_SOCKET ? 0 : POLLNVAL;
        return (int)count;
    }
    int ready = 0;
    for (ULONG i = 0; i < count; i++) {
        for (int j = 0; j < got; j++) {
            if (poll->Handles[j].Handle != (ULONGLONG)fds[i].fd)
                continue;
            ULONG bits = poll->Handles[j].Events;
            SHORT r = 0;
            if (poll->Handles[j].Status < 0)
                r = POLLNVAL;
            else {
                if (bits & (AFD_EVENT_RECEIVE | AFD_EVENT_ACCEPT))
                    r |= POLLRDNORM;
                if (bits & AFD_EVENT_OOB_RECEIVE)
                    r |= POLLRDBAND;
                if (bits & AFD_EVENT_SEND)
                    r |= POLLWRNORM;
                if (bits & AFD_EVENT_DISCONNECT)
                    r |= POLLHUP;
                if (bits & (AFD_EVENT_ABORT | AFD_EVENT_CONNECT_FAIL))
                    r |= POLLHUP | POLLERR;
            }
            fds[i].revents = r;
        }
        ready += fds[i].revents != 0;
    }
    HeapFree(GetProcessHeap(), 0, poll);
    return ready;
}

__declspec(dllexport) int WSAAPI WSAEventSelect(SOCKET s, WSAEVENT event, long mask)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    WsAsyncSelectClosed(s);                         /* it replaces a WSAAsyncSelect */
    AFD_EVENT_SELECT_INFO info = {(ULONGLONG)(ULONG_PTR)event, (ULONG)mask};
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_EVENT_SELECT, &info, sizeof(info), NULL, 0, NULL);
    return status < 0 ? WsFail(status) : 0;
}

__declspec(dllexport) int WSAAPI WSAEnumNetworkEvents(SOCKET s, WSAEVENT event, LPWSANETWORKEVENTS events)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (events == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    ULONGLONG h = (ULONGLONG)(ULONG_PTR)event;
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_ENUM_NETWORK_EVENTS, &h, sizeof(h), events, sizeof(*events), NULL);
    return status < 0 ? WsFail(status) : 0;
}

__declspec(dllexport) WSAEVENT WSAAPI WSACreateEvent(void)
{
    return CreateEventW(NULL, TRUE, FALSE, NULL);
}

__declspec(dllexport) BOOL WSAAPI WSACloseEvent(WSAEVENT e) { return CloseHandle(e); }
__declspec(dllexport) BOOL WSAAPI WSASetEvent(WSAEVENT e) { return SetEvent(e); }
__declspec(dllexport) BOOL WSAAPI WSAResetEvent(WSAEVENT e) { return ResetEvent(e); }

__declspec(dllexport) DWORD WSAAPI WSAWaitForMultipleEvents(DWORD count, const WSAEVENT *events, BOOL all,
                                                            DWORD timeout, BOOL alertable)
{
    return WaitForMultipleObjectsEx(count, events, all, timeout, alertable);
}
