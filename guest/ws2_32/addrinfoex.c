/* GetAddrInfoExW/A and FreeAddrInfoExW/FreeAddrInfoEx: getaddrinfo's answers (names.c, the
 * loopback machine's resolver) as ADDRINFOEX lists, each node one heap block holding its
 * sockaddr, its provider's GUID and its canonical name. The namespaces are the installed
 * providers' (nsp.c): NS_ALL and NS_DNS resolve, NLA knows no hosts. The asynchronous form
 * (GetAddrInfoExW with an OVERLAPPED) lives in addrinfoex_async.c. */
#include "addrinfoex.h"

/* Which namespace providers a query names: 0 none; WSASERVICE_NOT_FOUND for a provider or a
 * namespace this machine does not have. */
static INT WsExNamespace(DWORD ns, const GUID *provider)
{
    if (provider != NULL) {
        const WS_NSP_ENTRY *e = WsNspByGuid(provider);
        if (e == NULL)
            return WSASERVICE_NOT_FOUND;
        ns = ns == NS_ALL ? e->NameSpace : ns;
        if (ns != e->NameSpace)
            return WSASERVICE_NOT_FOUND;
    }
    if (ns != NS_ALL && WsNspByNamespace(ns) == NULL)
        return WSASERVICE_NOT_FOUND;
    return ns == NS_ALL || ns == NS_DNS ? 0 : WSAHOST_NOT_FOUND;
}

INT WsAddrInfoExResolve(const char *node, const char *service, DWORD ns, const GUID *provider,
                        const ADDRINFOEXW *hints, BOOL wide, PADDRINFOEXW *result)
{
    WS_CHECK_STARTED(WSANOTINITIALISED);
    if (result == NULL)
        return SetLastError(WSAEINVAL), WSAEINVAL;
    *result = NULL;
    INT error = WsExNamespace(ns, provider);
    if (error)
        return SetLastError((DWORD)error), error;
    ADDRINFOA h, *list = NULL;
    if (hints)
        WS_NARROW_HINTS(&h, hints);
    error = getaddrinfo(node, service, hints ? &h : NULL, &list);
    if (error)
        return error;
    const GUID *dns = &WsNspByNamespace(NS_DNS)->Id;
    PADDRINFOEXW *tail = result;
    for (ADDRINFOA *a = list; a; a = a->ai_next) {
        /* One block: the node, its sockaddr, the provider's GUID, the canonical name. */
        int chars = 0;
        if (a->ai_canonname)
            chars = wide ? MultiByteToWideChar(CP_UTF8, 0, a->ai_canonname, -1, NULL, 0) : (int)strlen(a->ai_canonname) + 1;
        size_t size = sizeof(ADDRINFOEXW) + sizeof(struct sockaddr_in6) + sizeof(GUID) + (size_t)chars * (wide ? 2 : 1);
        PADDRINFOEXW x = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size);
        if (x == NULL) {
            freeaddrinfo(list);
            FreeAddrInfoExW(*result);
            *result = NULL;
            return SetLastError(WSA_NOT_ENOUGH_MEMORY), WSA_NOT_ENOUGH_MEMORY;
        }
        x->ai_flags = a->ai_flags;
        x->ai_family = a->ai_family;
        x->ai_socktype = a->ai_socktype;
        x->ai_protocol = a->ai_protocol;
        x->ai_addrlen = a->ai_addrlen;
        x->ai_addr = (struct sockaddr *)(x + 1);
        memcpy(x->ai_addr, a->ai_addr, a->ai_addrlen);
        x->ai_provider = (GUID *)((BYTE *)x->ai_addr + sizeof(struct sockaddr_in6));
        *x->ai_provider = *dns;
        if (a->ai_canonname) {
            void *canon = x->ai_provider + 1;
            if (wide)
                MultiByteToWideChar(CP_UTF8, 0, a->ai_canonname, -1, canon, chars);
            else
                memcpy(canon, a->ai_canonname, (size_t)chars);
            x->ai_canonname = canon;
        }
        *tail = x;
        tail = (PADDRINFOEXW *)&x->ai_next;      /* mingw's ai_next names struct addrinfoexW */
    }
    freeaddrinfo(list);
    SetLastError(0);
    return 0;
}

char *WsUtf8(PCWSTR w)
{
    if (w == NULL)
        return NULL;
    int n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    char *s = HeapAlloc(GetProcessHeap(), 0, (size_t)n);
    if (s)
        WideCharToMultiByte(CP_UTF8, 0, w, -1, s, n, NULL, NULL);
    return s;
}

__declspec(dllexport) INT WSAAPI GetAddrInfoExW(PCWSTR name, PCWSTR service, DWORD ns, LPGUID provider,
                                                const ADDRINFOEXW *hints, PADDRINFOEXW *result, PTIMEVAL timeout,
                                                LPOVERLAPPED ov, LPLOOKUPSERVICE_COMPLETION_ROUTINE routine, LPHANDLE handle)
{
    if (ov != NULL)
        return WsAddrInfoExStart(name, service, ns, provider, hints, result, timeout, ov, (WS_LOOKUP_COMPLETION)routine,
                                 handle);
    char *n = WsUtf8(name), *s = WsUtf8(service);
    INT error = WsAddrInfoExResolve(n, s, ns, provider, hints, TRUE, result);
    HeapFree(GetProcessHeap(), 0, n);
    HeapFree(GetProcessHeap(), 0, s);
    return error;
}

/* The ANSI form is synchronous only: its timeout, OVERLAPPED, routine and handle are reserved. */
__declspec(dllexport) INT WSAAPI GetAddrInfoExA(PCSTR name, PCSTR service, DWORD ns, LPGUID provider,
                                                const ADDRINFOEXA *hints, PADDRINFOEXA *result, PTIMEVAL timeout,
                                                LPOVERLAPPED ov, LPLOOKUPSERVICE_COMPLETION_ROUTINE routine, LPHANDLE handle)
{
    if (timeout || ov || routine || handle)
        return SetLastError(WSAEINVAL), WSAEINVAL;
    return WsAddrInfoExResolve(name, service, ns, provider, (const ADDRINFOEXW *)hints, FALSE,
                               (PADDRINFOEXW *)result);
}

__declspec(dllexport) void WSAAPI FreeAddrInfoExW(PADDRINFOEXW ai)
{
    while (ai) {
        PADDRINFOEXW next = (PADDRINFOEXW)ai->ai_next;
        HeapFree(GetProcessHeap(), 0, ai);
        ai = next;
    }
}

__declspec(dllexport) void WSAAPI FreeAddrInfoEx(PADDRINFOEXA ai)
{
    FreeAddrInfoExW((PADDRINFOEXW)ai);
}
