/* A socket's life: socket/WSASocket (an open of \Device\Afd\Endpoint with AFD's open packet as
 * its EA), closesocket, bind, listen, accept, connect, shutdown and the two names. */
#include "sock.h"
#include "async_window.h"

typedef struct { ULONG Length; USHORT MaximumLength; PWSTR Buffer; } WS_UNICODE_STRING;
typedef struct {
    ULONG Length; HANDLE RootDirectory; WS_UNICODE_STRING *ObjectName; ULONG Attributes;
    PVOID SecurityDescriptor, SecurityQualityOfService;
} WS_OBJECT_ATTRIBUTES;
__declspec(dllimport) NTSTATUS NTAPI NtCreateFile(PHANDLE, ACCESS_MASK, WS_OBJECT_ATTRIBUTES *, WS_IO_STATUS_BLOCK *,
                                                  PLARGE_INTEGER, ULONG, ULONG, ULONG, ULONG, PVOID, ULONG);

static SOCKET WsCreate(int af, int type, int protocol, DWORD flags)
{
    WS_CHECK_STARTED(INVALID_SOCKET);
    if (af != AF_INET && af != AF_INET6) {
        SetLastError(WSAEAFNOSUPPORT);
        return INVALID_SOCKET;
    }
    if (type != SOCK_STREAM && type != SOCK_DGRAM) {
        SetLastError(WSAESOCKTNOSUPPORT);
        return INVALID_SOCKET;
    }
    if (protocol != 0 && protocol != (type == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP)) {
        SetLastError(WSAEPROTONOSUPPORT);
        return INVALID_SOCKET;
    }
    /* FILE_FULL_EA_INFORMATION: NextEntryOffset, Flags, EaNameLength, EaValueLength, name, value */
    static const char ea_name[] = "AfdOpenPacketXX";
    BYTE ea[8 + sizeof(ea_name) + sizeof(AFD_OPEN_PACKET)] = {0};
    AFD_OPEN_PACKET open = {af, type, protocol ? protocol : (type == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP)};
    ea[5] = (BYTE)(sizeof(ea_name) - 1);
    *(USHORT *)(ea + 6) = sizeof(open);
    memcpy(ea + 8, ea_name, sizeof(ea_name));
    memcpy(ea + 8 + sizeof(ea_name), &open, sizeof(open));
    WCHAR name[] = L"\\Device\\Afd\\Endpoint";
    WS_UNICODE_STRING us = {sizeof(name) - 2, sizeof(name), name};
    us.Length = (USHORT)(sizeof(name) - 2);
    us.MaximumLength = sizeof(name);
    WS_OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, &us, 0x40 /* OBJ_CASE_INSENSITIVE */, NULL, NULL};
    if (!(flags & WSA_FLAG_NO_HANDLE_INHERIT))
        oa.Attributes |= 0x2;                       /* OBJ_INHERIT: socket handles are inheritable */
    HANDLE h = NULL;
    WS_IO_STATUS_BLOCK iosb;
    NTSTATUS status = NtCreateFile(&h, GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, &oa, &iosb, NULL, 0,
                                   FILE_SHARE_READ | FILE_SHARE_WRITE, FILE_OPEN_IF, 0, ea, sizeof(ea));
    if (status < 0) {
        WsFail(status);
        return INVALID_SOCKET;
    }
    SetLastError(0);
    return (SOCKET)h;
}

__declspec(dllexport) SOCKET WSAAPI socket(int af, int type, int protocol)
{
    return WsCreate(af, type, protocol, 0);
}

/* WSADuplicateSocketW leaves the duplicated handle in dwProviderReserved (ours). */
__declspec(dllexport) SOCKET WSAAPI WSASocketW(int af, int type, int protocol, LPWSAPROTOCOL_INFOW info, GROUP g,
                                               DWORD flags)
{
    (void)g;
    if (info != NULL && info->dwProviderReserved != 0) {
        WS_CHECK_STARTED(INVALID_SOCKET);
        return (SOCKET)info->dwProviderReserved;
    }
    if (info != NULL) {
        af = af == FROM_PROTOCOL_INFO ? info->iAddressFamily : af;
        type = type == FROM_PROTOCOL_INFO ? info->iSocketType : type;
        protocol = protocol == FROM_PROTOCOL_INFO ? info->iProtocol : protocol;
    }
    return WsCreate(af, type, protocol, flags);
}

__declspec(dllexport) SOCKET WSAAPI WSASocketA(int af, int type, int protocol, LPWSAPROTOCOL_INFOA info, GROUP g,
                                               DWORD flags)
{
    return WSASocketW(af, type, protocol, (LPWSAPROTOCOL_INFOW)info, g, flags);
}

__declspec(dllexport) int WSAAPI WSADuplicateSocketW(SOCKET s, DWORD pid, LPWSAPROTOCOL_INFOW info)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (info == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    struct sockaddr_storage local;
    int type = 0, length = sizeof(type);
    if (getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&type, &length) != 0)
        return SOCKET_ERROR;
    HANDLE process = OpenProcess(PROCESS_DUP_HANDLE, FALSE, pid), copy = NULL;
    if (process == NULL || !DuplicateHandle(GetCurrentProcess(), (HANDLE)s, process, &copy, 0, FALSE,
                                            DUPLICATE_SAME_ACCESS)) {
        if (process)
            CloseHandle(process);
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    CloseHandle(process);
    memset(info, 0, sizeof(*info));
    memset(&local, 0, sizeof(local));
    AfdRequest(s, IOCTL_AFD_GET_SOCK_NAME, NULL, 0, &local, sizeof(local), NULL);
    info->iAddressFamily = local.ss_family ? local.ss_family : AF_INET;
    info->iSocketType = type;
    info->iProtocol = type == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP;
    /* The rest is the socket's catalogue entry, as WSAEnumProtocolsW gives it. */
    WSAPROTOCOL_INFOW entries[4];
    DWORD size = sizeof(entries);
    int n = WSAEnumProtocolsW(NULL, entries, &size);
    for (int i = 0; i < n; i++)
        if (entries[i].iAddressFamily == info->iAddressFamily && entries[i].iSocketType == type)
            *info = entries[i];
    info->dwProviderReserved = (DWORD_PTR)copy;
    SetLastError(0);
    return 0;
}

__declspec(dllexport) int WSAAPI WSADuplicateSocketA(SOCKET s, DWORD pid, LPWSAPROTOCOL_INFOA info)
{
    WSAPROTOCOL_INFOW wide;
    if (info == NULL) {
        WS_CHECK_STARTED(SOCKET_ERROR);
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (WSADuplicateSocketW(s, pid, &wide) != 0)
        return SOCKET_ERROR;
    memcpy(info, &wide, offsetof(WSAPROTOCOL_INFOA, szProtocol));
    WideCharToMultiByte(CP_ACP, 0, wide.szProtocol, -1, info->szProtocol, sizeof(info->szProtocol), NULL, NULL);
    return 0;
}

__declspec(dllexport) int WSAAPI closesocket(SOCKET s)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    int mode = 0;
    AFD_INFO q = {AFD_LEVEL, AFD_INFO_BLOCKING_MODE};
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_GET_INFO, &q, 8, &mode, sizeof(mode), NULL);
    if (status < 0)
        return WsFail(status);                      /* WSAENOTSOCK for what is not a socket */
    WsAsyncSelectClosed(s);
    CloseHandle((HANDLE)s);
    SetLastError(0);
    return 0;
}

__declspec(dllexport) int WSAAPI bind(SOCKET s, const struct sockaddr *name, int length)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (name == NULL || length < (int)sizeof(struct sockaddr_in) || length < WsSockaddrLength(name)) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    struct sockaddr_storage out;
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_BIND, name, (ULONG)WsSockaddrLength(name), &out, sizeof(out), NULL);
    return status < 0 ? WsFail(status) : 0;
}

__declspec(dllexport) int WSAAPI listen(SOCKET s, int backlog)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_START_LISTEN, &backlog, sizeof(backlog), NULL, 0, NULL);
    return status < 0 ? WsFail(status) : 0;
}

/* accept: a new socket of the listener's family, which the driver gives the next connection. */
__declspec(dllexport) SOCKET WSAAPI accept(SOCKET s, struct sockaddr *addr, int *addrlen)
{
    WS_CHECK_STARTED(INVALID_SOCKET);
    struct sockaddr_storage local;
    if (WsLocalAddress(s, &local) != 0)
        return INVALID_SOCKET;
    if (addr != NULL && (addrlen == NULL || *addrlen < WsSockaddrLength((struct sockaddr *)&local))) {
        SetLastError(WSAEFAULT);
        return INVALID_SOCKET;
    }
    SOCKET n = WsCreate(local.ss_family, SOCK_STREAM, 0, 0);
    if (n == INVALID_SOCKET)
        return n;
    BYTE blocks[128];
    AFD_ACCEPT_INFO info = {(ULONGLONG)n, 64, 64};
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_ACCEPT, &info, sizeof(info), blocks, sizeof(blocks), NULL);
    if (status < 0) {
        CloseHandle((HANDLE)n);
        WsFail(status);
        return INVALID_SOCKET;
    }
    WsCopyAddress((struct sockaddr *)(blocks + 64 + 4), addr, addrlen);
    /* The accepted socket has the listener's properties: its blocking mode among them. */
    AFD_INFO mode = {AFD_LEVEL, AFD_INFO_BLOCKING_MODE, {0}};
    ULONG nonblocking = 0;
    if (AfdRequest(s, IOCTL_AFD_GET_INFO, &mode, 8, &nonblocking, sizeof(nonblocking), NULL) >= 0 && nonblocking) {
        *(ULONG *)mode.Value = 1;
        AfdRequest(n, IOCTL_AFD_SET_INFO, &mode, 12, NULL, 0, NULL);
    }
    SetLastError(0);
    return n;
}

__declspec(dllexport) SOCKET WSAAPI WSAAccept(SOCKET s, struct sockaddr *addr, LPINT addrlen,
                                              LPCONDITIONPROC condition, DWORD_PTR data)
{
    (void)condition; (void)data;                    /* the condition function is not called */
    return accept(s, addr, addrlen);
}

__declspec(dllexport) int WSAAPI connect(SOCKET s, const struct sockaddr *name, int length)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (name == NULL || length < (int)sizeof(struct sockaddr_in) || length < WsSockaddrLength(name)) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_CONNECT, name, (ULONG)WsSockaddrLength(name), NULL, 0, NULL);
    return status < 0 ? WsFail(status) : 0;
}

__declspec(dllexport) int WSAAPI WSAConnect(SOCKET s, const struct sockaddr *name, int length, LPWSABUF caller,
                                            LPWSABUF callee, LPQOS sqos, LPQOS gqos)
{
    (void)caller; (void)callee; (void)sqos; (void)gqos;
    return connect(s, name, length);
}

__declspec(dllexport) int WSAAPI shutdown(SOCKET s, int how)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (how < SD_RECEIVE || how > SD_BOTH) {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    NTSTATUS status = AfdRequest(s, IOCTL_AFD_DISCONNECT, &how, sizeof(how), NULL, 0, NULL);
    return status < 0 ? WsFail(status) : 0;
}

static int WsName(SOCKET s, ULONG code, struct sockaddr *name, int *length)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    struct sockaddr_storage out = {0};
    NTSTATUS status = AfdRequest(s, code, NULL, 0, &out, sizeof(out), NULL);
    if (status < 0)
        return WsFail(status);
    if (name == NULL || length == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    return WsCopyAddress((struct sockaddr *)&out, name, length);
}

__declspec(dllexport) int WSAAPI getsockname(SOCKET s, struct sockaddr *name, int *length)
{
    return WsName(s, IOCTL_AFD_GET_SOCK_NAME, name, length);
}

__declspec(dllexport) int WSAAPI getpeername(SOCKET s, struct sockaddr *name, int *length)
{
    return WsName(s, IOCTL_AFD_GET_PEER_NAME, name, length);
}
