/* ICMP echo (ping) on the loopback-only machine: IcmpCreateFile/Icmp6CreateFile, IcmpSendEcho(2)(Ex),
 * Icmp6SendEcho2 and the reply parsers. An echo to 127/8 or ::1 is answered at once (round trip
 * 0 ms, TTL 128, the request's data echoed back); any other destination has no route, and the
 * request fails with IP_GENERAL_FAILURE, the "General failure." ping shows without a network. */
#include "iphlp.h"

#define ICMP_HANDLE_TAG 0x49434D50              /* 'ICMP' */

typedef struct { ULONG Tag; int Family; } ICMP_HANDLE;

/* The SDK's IPV6_ADDRESS_EX is byte-packed (26 bytes); ICMPV6_ECHO_REPLY follows it. */
#pragma pack(push, 1)
typedef struct { USHORT sin6_port; ULONG sin6_flowinfo; USHORT sin6_addr[8]; ULONG sin6_scope_id; } ICMP_IPV6_ADDRESS_EX;
#pragma pack(pop)
typedef struct { ICMP_IPV6_ADDRESS_EX Address; ULONG Status; unsigned int RoundTripTime; } ICMPV6_ECHO_REPLY;
typedef struct { LONG Status; ULONG_PTR Information; } ICMP_IO_STATUS;
typedef VOID (NTAPI *ICMP_APC)(PVOID, ICMP_IO_STATUS *, ULONG);

static HANDLE Create(int family)
{
    ICMP_HANDLE *h = IphlpAlloc(sizeof(*h));
    if (h == NULL) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    h->Tag = ICMP_HANDLE_TAG;
    h->Family = family;
    return h;
}

IPHLP_EXPORT HANDLE WINAPI IcmpCreateFile(VOID)
{
    return Create(AF_INET);
}

IPHLP_EXPORT HANDLE WINAPI Icmp6CreateFile(VOID)
{
    return Create(AF_INET6);
}

static ICMP_HANDLE *Lookup(HANDLE handle, int family)
{
    ICMP_HANDLE *h = handle;
    if (h == NULL || h == INVALID_HANDLE_VALUE || h->Tag != ICMP_HANDLE_TAG || h->Family != family) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    return h;
}

IPHLP_EXPORT BOOL WINAPI IcmpCloseHandle(HANDLE handle)
{
    ICMP_HANDLE *h = handle;
    if (h == NULL || h == INVALID_HANDLE_VALUE || h->Tag != ICMP_HANDLE_TAG) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    h->Tag = 0;
    HeapFree(GetProcessHeap(), 0, h);
    return TRUE;
}

/* An asynchronous request completes at once: its event is set or its APC queued, and the call
 * itself returns 0 with ERROR_IO_PENDING, as Windows' does. */
typedef struct { ICMP_APC Routine; PVOID Context; ICMP_IO_STATUS Status; } ICMP_APC_CALL;

static VOID CALLBACK DeliverApc(ULONG_PTR parameter)
{
    ICMP_APC_CALL *call = (ICMP_APC_CALL *)parameter;
    call->Routine(call->Context, &call->Status, 0);
    HeapFree(GetProcessHeap(), 0, call);
}

static DWORD Complete(HANDLE event, PVOID apc, PVOID apc_context, DWORD replies, DWORD error, ULONG size)
{
    if (event == NULL && apc == NULL) {
        if (replies == 0)
            SetLastError(error);
        return replies;
    }
    if (event)
        SetEvent(event);
    else {
        ICMP_APC_CALL *call = IphlpAlloc(sizeof(*call));
        if (call) {
            call->Routine = (ICMP_APC)apc;
            call->Context = apc_context;
            call->Status.Status = 0;
            call->Status.Information = size;
            QueueUserAPC(DeliverApc, GetCurrentThread(), (ULONG_PTR)call);
        }
    }
    SetLastError(ERROR_IO_PENDING);
    return 0;
}

static DWORD Echo4(HANDLE handle, HANDLE event, PVOID apc, PVOID apc_context, IPAddr destination,
                   LPVOID data, WORD size, PIP_OPTION_INFORMATION options, LPVOID reply, DWORD reply_size)
{
    (void)options;
    if (Lookup(handle, AF_INET) == NULL)
        return 0;
    if (reply == NULL || (size && data == NULL)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (reply_size < sizeof(ICMP_ECHO_REPLY) + size + 8) {
        SetLastError(IP_BUF_TOO_SMALL);
        return 0;
    }
    if (((const BYTE *)&destination)[0] != 127)
        return Complete(NULL, NULL, NULL, 0, IP_GENERAL_FAILURE, 0);
    ICMP_ECHO_REPLY *r = reply;
    memset(r, 0, sizeof(*r));
    r->Address = destination;
    r->Status = IP_SUCCESS;
    r->RoundTripTime = 0;
    r->DataSize = size;
    r->Data = (BYTE *)reply + sizeof(*r);
    memmove(r->Data, data, size);
    r->Options.Ttl = 128;
    return Complete(event, apc, apc_context, 1, 0, sizeof(*r) + size);
}

IPHLP_EXPORT DWORD WINAPI IcmpSendEcho(HANDLE handle, IPAddr destination, LPVOID data, WORD size,
                                       PIP_OPTION_INFORMATION options, LPVOID reply, DWORD reply_size, DWORD timeout)
{
    (void)timeout;
    return Echo4(handle, NULL, NULL, NULL, destination, data, size, options, reply, reply_size);
}

IPHLP_EXPORT DWORD WINAPI IcmpSendEcho2(HANDLE handle, HANDLE event, FARPROC apc, PVOID apc_context, IPAddr destination,
                                        LPVOID data, WORD size, PIP_OPTION_INFORMATION options, LPVOID reply,
                                        DWORD reply_size, DWORD timeout)
{
    (void)timeout;
    return Echo4(handle, event, (PVOID)apc, apc_context, destination, data, size, options, reply, reply_size);
}

IPHLP_EXPORT DWORD WINAPI IcmpSendEcho2Ex(HANDLE handle, HANDLE event, FARPROC apc, PVOID apc_context, IPAddr source,
                                          IPAddr destination, LPVOID data, WORD size, PIP_OPTION_INFORMATION options,
                                          LPVOID reply, DWORD reply_size, DWORD timeout)
{
    (void)source; (void)timeout;
    return Echo4(handle, event, (PVOID)apc, apc_context, destination, data, size, options, reply, reply_size);
}

IPHLP_EXPORT DWORD WINAPI Icmp6SendEcho2(HANDLE handle, HANDLE event, FARPROC apc, PVOID apc_context,
                                         struct sockaddr_in6 *source, struct sockaddr_in6 *destination, LPVOID data,
                                         WORD size, PIP_OPTION_INFORMATION options, LPVOID reply, DWORD reply_size,
                                         DWORD timeout)
{
    (void)source; (void)options; (void)timeout;
    if (Lookup(handle, AF_INET6) == NULL)
        return 0;
    if (reply == NULL || destination == NULL || (size && data == NULL)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (reply_size < sizeof(ICMPV6_ECHO_REPLY) + size + 8) {
        SetLastError(IP_BUF_TOO_SMALL);
        return 0;
    }
    if (!IphlpIsLoopbackDestination((const SOCKADDR *)destination))
        return Complete(NULL, NULL, NULL, 0, IP_GENERAL_FAILURE, 0);
    ICMPV6_ECHO_REPLY *r = reply;
    memset(r, 0, sizeof(*r));
    memcpy(r->Address.sin6_addr, &destination->sin6_addr, 16);
    r->Address.sin6_scope_id = destination->sin6_scope_id;
    r->Status = IP_SUCCESS;
    r->RoundTripTime = 0;
    memmove((BYTE *)reply + sizeof(*r), data, size);
    return Complete((HANDLE)event, (PVOID)apc, apc_context, 1, 0, sizeof(*r) + size);
}

/* The replies in a buffer an asynchronous request filled: 1 for a success, else 0 with the
 * reply's status as the error. */
IPHLP_EXPORT DWORD WINAPI IcmpParseReplies(LPVOID reply, DWORD size)
{
    ICMP_ECHO_REPLY *r = reply;
    if (r == NULL || size < sizeof(*r))
        return 0;
    if (r->Status != IP_SUCCESS) {
        SetLastError(r->Status);
        return 0;
    }
    return 1;
}

IPHLP_EXPORT DWORD WINAPI Icmp6ParseReplies(LPVOID reply, DWORD size)
{
    ICMPV6_ECHO_REPLY *r = reply;
    if (r == NULL || size < sizeof(*r))
        return 0;
    if (r->Status != IP_SUCCESS) {
        SetLastError(r->Status);
        return 0;
    }
    return 1;
}
