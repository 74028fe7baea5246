/* Change notifications on a machine whose interfaces and addresses never change: NotifyAddrChange/
 * NotifyRouteChange never complete (a synchronous call waits forever, an overlapped one stays
 * pending until CancelIPChangeNotify aborts it), and the MIB notifications of Vista+ deliver only
 * the initial notification when asked for it, from a thread of their own, before
 * CancelMibChangeNotify2 returns. */
#include "iphlp.h"

static HANDLE change_event;                    /* the "device" handle NotifyAddrChange hands out */

static DWORD NotifyChange(PHANDLE handle, LPOVERLAPPED overlapped)
{
    if (overlapped == NULL) {
        Sleep(INFINITE);                       /* no change ever comes */
        return NO_ERROR;
    }
    if (handle == NULL)
        return ERROR_INVALID_PARAMETER;
    if (change_event == NULL) {
        HANDLE e = CreateEventW(NULL, TRUE, FALSE, NULL);
        if (e == NULL)
            return GetLastError();
        if (InterlockedCompareExchangePointer(&change_event, e, NULL) != NULL)
            CloseHandle(e);
    }
    *handle = change_event;
    overlapped->Internal = STATUS_PENDING;
    overlapped->InternalHigh = 0;
    return ERROR_IO_PENDING;
}

IPHLP_EXPORT DWORD WINAPI NotifyAddrChange(PHANDLE handle, LPOVERLAPPED overlapped)
{
    return NotifyChange(handle, overlapped);
}

IPHLP_EXPORT DWORD WINAPI NotifyRouteChange(PHANDLE handle, LPOVERLAPPED overlapped)
{
    return NotifyChange(handle, overlapped);
}

/* The pending request ends as cancelled: ERROR_OPERATION_ABORTED from GetOverlappedResult. */
IPHLP_EXPORT BOOL WINAPI CancelIPChangeNotify(LPOVERLAPPED overlapped)
{
    if (overlapped == NULL || overlapped->Internal != STATUS_PENDING)
        return FALSE;
    overlapped->Internal = (ULONG_PTR)(LONG)0xC0000120;   /* STATUS_CANCELLED */
    if (overlapped->hEvent)
        SetEvent(overlapped->hEvent);
    return TRUE;
}

typedef enum { NOTIFY_INTERFACE, NOTIFY_UNICAST, NOTIFY_ROUTE } NOTIFY_KIND;

typedef struct {
    NOTIFY_KIND Kind;
    PVOID Callback, Context;
    HANDLE Thread;                             /* the initial notification's, or NULL */
} MIB_NOTIFICATION;

static DWORD WINAPI InitialNotification(LPVOID parameter)
{
    MIB_NOTIFICATION *n = parameter;
    switch (n->Kind) {
    case NOTIFY_INTERFACE:
        ((PIPINTERFACE_CHANGE_CALLBACK)n->Callback)(n->Context, NULL, MibInitialNotification);
        break;
    case NOTIFY_UNICAST:
        ((PUNICAST_IPADDRESS_CHANGE_CALLBACK)n->Callback)(n->Context, NULL, MibInitialNotification);
        break;
    case NOTIFY_ROUTE:
        ((PIPFORWARD_CHANGE_CALLBACK)n->Callback)(n->Context, NULL, MibInitialNotification);
        break;
    }
    return 0;
}

static NETIO_STATUS Register(NOTIFY_KIND kind, ADDRESS_FAMILY family, PVOID callback, PVOID context,
                             BOOLEAN initial, HANDLE *handle)
{
    if (callback == NULL || handle == NULL || (family != AF_UNSPEC && family != AF_INET && family != AF_INET6))
        return ERROR_INVALID_PARAMETER;
    MIB_NOTIFICATION *n = IphlpAlloc(sizeof(*n));
    if (n == NULL)
        return ERROR_NOT_ENOUGH_MEMORY;
    n->Kind = kind;
    n->Callback = callback;
    n->Context = context;
    if (initial && (n->Thread = CreateThread(NULL, 0, InitialNotification, n, 0, NULL)) == NULL) {
        DWORD error = GetLastError();
        HeapFree(GetProcessHeap(), 0, n);
        return error;
    }
    *handle = n;
    return NO_ERROR;
}

IPHLP_EXPORT NETIOAPI_API NotifyIpInterfaceChange(ADDRESS_FAMILY family, PIPINTERFACE_CHANGE_CALLBACK callback,
                                                  PVOID context, BOOLEAN initial, HANDLE *handle)
{
    return Register(NOTIFY_INTERFACE, family, (PVOID)callback, context, initial, handle);
}

IPHLP_EXPORT NETIOAPI_API NotifyUnicastIpAddressChange(ADDRESS_FAMILY family, PUNICAST_IPADDRESS_CHANGE_CALLBACK callback,
                                                       PVOID context, BOOLEAN initial, HANDLE *handle)
{
    return Register(NOTIFY_UNICAST, family, (PVOID)callback, context, initial, handle);
}

IPHLP_EXPORT NETIOAPI_API NotifyRouteChange2(ADDRESS_FAMILY family, PIPFORWARD_CHANGE_CALLBACK callback,
                                             PVOID context, BOOLEAN initial, HANDLE *handle)
{
    return Register(NOTIFY_ROUTE, family, (PVOID)callback, context, initial, handle);
}

/* Returns once no callback of the registration runs any more (Windows' contract). */
IPHLP_EXPORT NETIOAPI_API CancelMibChangeNotify2(HANDLE handle)
{
    MIB_NOTIFICATION *n = handle;
    if (n == NULL)
        return ERROR_INVALID_HANDLE;
    if (n->Thread) {
        if (GetThreadId(n->Thread) != GetCurrentThreadId())
            WaitForSingleObject(n->Thread, INFINITE);
        CloseHandle(n->Thread);
    }
    HeapFree(GetProcessHeap(), 0, n);
    return NO_ERROR;
}
