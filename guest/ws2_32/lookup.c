/* WSALookupServiceBeginW/A, WSALookupServiceNextW/A, WSALookupServiceEnd for host queries of the
 * DNS namespace (NS_DNS or NS_ALL): SVCID_INET_HOSTADDRBYNAME and SVCID_HOSTNAME by name,
 * SVCID_INET_HOSTADDRBYINETSTRING by address text. The query is resolved (getaddrinfo) when it
 * begins; its one answer is a WSAQUERYSET with what the LUP_RETURN_* flags ask for (the name, the
 * class, the addresses as CSADDR_INFOs, a hostent BLOB with offsets for pointers), then
 * WSA_E_NO_MORE. A buffer too small is WSAEFAULT with the size needed, the answer kept. */
#include "addrinfoex.h"
#include <svcguid.h>

typedef struct WS_LOOKUP {
    struct WS_LOOKUP *Next;
    DWORD Flags;
    INT Error;                                  /* the resolution's, given by the first Next */
    BOOL Done;
    GUID Class;
    char Name[256];
    int Count;
    SOCKADDR_STORAGE Addresses[4];
} WS_LOOKUP;

static SRWLOCK ws_lookup_lock = SRWLOCK_INIT;
static WS_LOOKUP *ws_lookups;                   /* the open queries: their handles */
static const GUID hostaddr_by_name = SVCID_INET_HOSTADDRBYNAME, host_name = SVCID_HOSTNAME,
                  hostaddr_by_string = SVCID_INET_HOSTADDRBYINETSTRING;

static WS_LOOKUP *WsLookupFind(HANDLE h, BOOL unlink)
{
    WS_LOOKUP *found = NULL;
    AcquireSRWLockExclusive(&ws_lookup_lock);
    for (WS_LOOKUP **p = &ws_lookups; *p; p = &(*p)->Next)
        if (*p == (WS_LOOKUP *)h) {
            found = *p;
            if (unlink)
                *p = found->Next;
            break;
        }
    ReleaseSRWLockExclusive(&ws_lookup_lock);
    return found;
}

/* The family the query asks for: IPv4 unless its protocols name IPv6 only. */
static int WsLookupFamily(const WSAQUERYSETW *q)
{
    int v4 = q->dwNumberOfProtocols == 0 || q->lpafpProtocols == NULL, v6 = 0;
    for (DWORD i = 0; !v4 && i < q->dwNumberOfProtocols; i++) {
        v4 |= q->lpafpProtocols[i].iAddressFamily == AF_INET;
        v6 |= q->lpafpProtocols[i].iAddressFamily == AF_INET6;
    }
    return v6 && !v4 ? AF_INET6 : AF_INET;
}

/* Begin with the name already in UTF-8 (NULL: this computer). */
static INT WsLookupBegin(const WSAQUERYSETW *q, const char *name, DWORD flags, LPHANDLE handle)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (q == NULL || handle == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (q->dwSize < sizeof(WSAQUERYSETW) || q->lpServiceClassId == NULL) {
        SetLastError(WSAEINVAL);
        return SOCKET_ERROR;
    }
    const GUID *c = q->lpServiceClassId;
    BOOL by_name = IsEqualGUID(c, &hostaddr_by_name) || IsEqualGUID(c, &host_name);
    if ((q->dwNameSpace != NS_ALL && q->dwNameSpace != NS_DNS) || (!by_name && !IsEqualGUID(c, &hostaddr_by_string))) {
        SetLastError(WSASERVICE_NOT_FOUND);
        return SOCKET_ERROR;
    }
    WS_LOOKUP *l = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*l));
    if (l == NULL) {
        SetLastError(WSA_NOT_ENOUGH_MEMORY);
        return SOCKET_ERROR;
    }
    l->Flags = flags;
    l->Class = *c;
    if (name == NULL || !*name)
        gethostname(l->Name, sizeof(l->Name));
    else
        lstrcpynA(l->Name, name, sizeof(l->Name));
    ADDRINFOA hints = {0}, *list = NULL;
    hints.ai_family = WsLookupFamily(q);
    hints.ai_flags = by_name ? AI_CANONNAME : AI_NUMERICHOST;
    l->Error = getaddrinfo(l->Name, NULL, &hints, &list);
    for (ADDRINFOA *a = list; a && l->Count < 4; a = a->ai_next)
        memcpy(&l->Addresses[l->Count++], a->ai_addr, a->ai_addrlen);
    freeaddrinfo(list);
    AcquireSRWLockExclusive(&ws_lookup_lock);
    l->Next = ws_lookups;
    ws_lookups = l;
    ReleaseSRWLockExclusive(&ws_lookup_lock);
    *handle = (HANDLE)l;
    SetLastError(0);
    return 0;
}

__declspec(dllexport) INT WSAAPI WSALookupServiceBeginW(LPWSAQUERYSETW q, DWORD flags, LPHANDLE handle)
{
    char *name = q ? WsUtf8(q->lpszServiceInstanceName) : NULL;
    INT r = WsLookupBegin(q, name, flags, handle);
    HeapFree(GetProcessHeap(), 0, name);
    return r;
}

/* WSAQUERYSETA and WSAQUERYSETW differ only in their strings' types. */
__declspec(dllexport) INT WSAAPI WSALookupServiceBeginA(LPWSAQUERYSETA q, DWORD flags, LPHANDLE handle)
{
    return WsLookupBegin((const WSAQUERYSETW *)q, q ? q->lpszServiceInstanceName : NULL, flags, handle);
}

static size_t WsAlign(size_t n) { return (n + 7) & ~(size_t)7; }

/* The answer into out (size bytes): the WSAQUERYSET, then the class, CSADDR_INFOs and their
 * sockaddrs, the hostent BLOB, the name. Returns the size it needs. */
static size_t WsLookupPack(const WS_LOOKUP *l, BOOL wide, BYTE *out, size_t size)
{
    DWORD f = l->Flags;
    int addresses = (f & LUP_RETURN_ADDR) ? l->Count : 0;
    int name_chars = (int)strlen(l->Name) + 1;
    size_t at = WsAlign(sizeof(WSAQUERYSETW));
    size_t class_at = at;
    at += (f & LUP_RETURN_TYPE) ? WsAlign(sizeof(GUID)) : 0;
    size_t csa_at = at;
    at += WsAlign(sizeof(CSADDR_INFO) * (size_t)addresses);
    size_t sa_at = at;
    at += sizeof(SOCKADDR_STORAGE) * 2 * (size_t)addresses;
    /* hostent: the struct, no aliases (one NULL), the address offsets and a NULL, the addresses, the name */
    size_t blob_at = at, blob_size = 0;
    if (f & LUP_RETURN_BLOB)
        blob_size = WsAlign(sizeof(struct hostent) + sizeof(char *) * (2 + (size_t)l->Count) + 16 * (size_t)l->Count
                            + (size_t)name_chars);
    at += WsAlign(sizeof(BLOB)) + blob_size;
    size_t name_at = at;
    at += (f & LUP_RETURN_NAME) ? (size_t)name_chars * (wide ? 2 : 1) : 0;
    if (out == NULL || size < at)
        return at;
    memset(out, 0, at);
    WSAQUERYSETW *q = (WSAQUERYSETW *)out;
    q->dwSize = sizeof(WSAQUERYSETW);
    q->dwNameSpace = NS_DNS;
    if (f & LUP_RETURN_TYPE) {
        q->lpServiceClassId = (GUID *)(out + class_at);
        *q->lpServiceClassId = l->Class;
    }
    if (addresses) {
        CSADDR_INFO *csa = (CSADDR_INFO *)(out + csa_at);
        SOCKADDR_STORAGE *sa = (SOCKADDR_STORAGE *)(out + sa_at);
        for (int i = 0; i < addresses; i++) {
            int length = WsSockaddrLength((struct sockaddr *)&l->Addresses[i]);
            sa[2 * i].ss_family = l->Addresses[i].ss_family;        /* local: the family's any address */
            sa[2 * i + 1] = l->Addresses[i];
            csa[i].LocalAddr.lpSockaddr = (LPSOCKADDR)&sa[2 * i];
            csa[i].LocalAddr.iSockaddrLength = length;
            csa[i].RemoteAddr.lpSockaddr = (LPSOCKADDR)&sa[2 * i + 1];
            csa[i].RemoteAddr.iSockaddrLength = length;
            csa[i].iSocketType = SOCK_STREAM;
            csa[i].iProtocol = IPPROTO_TCP;
        }
        q->dwNumberOfCsAddrs = (DWORD)addresses;
        q->lpcsaBuffer = csa;
    }
    if (f & LUP_RETURN_BLOB) {
        BLOB *blob = (BLOB *)(out + blob_at);
        BYTE *h = out + blob_at + WsAlign(sizeof(BLOB));
        struct hostent *he = (struct hostent *)h;
        size_t list_at = sizeof(struct hostent) + sizeof(char *), addr_at = list_at + sizeof(char *) * ((size_t)l->Count + 1);
        size_t hname_at = addr_at + 16 * (size_t)l->Count;
        int length = l->Count && l->Addresses[0].ss_family == AF_INET6 ? 16 : 4;
        he->h_addrtype = l->Count ? l->Addresses[0].ss_family : AF_INET;
        he->h_length = (short)length;
        he->h_aliases = (char **)(ULONG_PTR)sizeof(struct hostent);
        he->h_addr_list = (char **)(ULONG_PTR)list_at;
        he->h_name = (char *)(ULONG_PTR)hname_at;
        for (int i = 0; i < l->Count; i++) {
            const BYTE *ip = length == 4 ? (const BYTE *)&((SOCKADDR_IN *)&l->Addresses[i])->sin_addr
                                         : (const BYTE *)&((SOCKADDR_IN6 *)&l->Addresses[i])->sin6_addr;
            ((ULONG_PTR *)(h + list_at))[i] = addr_at + 16 * (size_t)i;
            memcpy(h + addr_at + 16 * (size_t)i, ip, (size_t)length);
        }
        memcpy(h + hname_at, l->Name, (size_t)name_chars);
        blob->cbSize = (ULONG)(hname_at + (size_t)name_chars);
        blob->pBlobData = h;
        q->lpBlob = blob;
    }
    if (f & LUP_RETURN_NAME) {
        q->lpszServiceInstanceName = (LPWSTR)(out + name_at);
        if (wide)
            MultiByteToWideChar(CP_UTF8, 0, l->Name, -1, q->lpszServiceInstanceName, name_chars);
        else
            memcpy(out + name_at, l->Name, (size_t)name_chars);
    }
    return at;
}

static INT WsLookupNext(HANDLE handle, DWORD flags, LPDWORD length, void *results, BOOL wide)
{
    (void)flags;
    WS_CHECK_STARTED(SOCKET_ERROR);
    WS_LOOKUP *l = WsLookupFind(handle, FALSE);
    if (l == NULL) {
        SetLastError(WSA_INVALID_HANDLE);
        return SOCKET_ERROR;
    }
    if (length == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (l->Error || l->Done) {
        SetLastError(l->Error && !l->Done ? (DWORD)l->Error : WSA_E_NO_MORE);
        l->Done = TRUE;
        return SOCKET_ERROR;
    }
    size_t need = WsLookupPack(l, wide, NULL, 0);
    if (results == NULL || *length < need) {
        *length = (DWORD)need;
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    WsLookupPack(l, wide, results, *length);
    l->Done = TRUE;
    SetLastError(0);
    return 0;
}

__declspec(dllexport) INT WSAAPI WSALookupServiceNextW(HANDLE handle, DWORD flags, LPDWORD length,
                                                       LPWSAQUERYSETW results)
{
    return WsLookupNext(handle, flags, length, results, TRUE);
}

__declspec(dllexport) INT WSAAPI WSALookupServiceNextA(HANDLE handle, DWORD flags, LPDWORD length,
                                                       LPWSAQUERYSETA results)
{
    return WsLookupNext(handle, flags, length, results, FALSE);
}

__declspec(dllexport) INT WSAAPI WSALookupServiceEnd(HANDLE handle)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    WS_LOOKUP *l = WsLookupFind(handle, TRUE);
    if (l == NULL) {
        SetLastError(WSA_INVALID_HANDLE);
        return SOCKET_ERROR;
    }
    HeapFree(GetProcessHeap(), 0, l);
    return 0;
}

/* WSANSPIoctl: a lookup's provider controls (SIO_NSP_NOTIFY_CHANGE); neither installed provider
 * implements any, so a valid lookup gets WSAEOPNOTSUPP. */
__declspec(dllexport) INT WSAAPI WSANSPIoctl(HANDLE handle, DWORD code, LPVOID in, DWORD in_length, LPVOID out,
                                             DWORD out_length, LPDWORD returned, LPWSACOMPLETION completion)
{
    (void)code; (void)in; (void)in_length; (void)out; (void)out_length; (void)completion;
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (WsLookupFind(handle, FALSE) == NULL) {
        SetLastError(WSA_INVALID_HANDLE);
        return SOCKET_ERROR;
    }
    if (returned)
        *returned = 0;
    SetLastError(WSAEOPNOTSUPP);
    return SOCKET_ERROR;
}
