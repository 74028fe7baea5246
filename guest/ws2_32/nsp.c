/* The namespace providers: the DNS resolver ("Tcpip", NS_DNS) and Network Location Awareness
 * (NS_NLA), as Windows installs them, and WSAEnumNameSpaceProvidersW/A (and the Ex forms, the
 * same list, their provider-specific data an empty BLOB): the entries first, their names after them in the
 * caller's buffer; a buffer too small is WSAEFAULT with the length needed. */
#include "addrinfoex.h"

const WS_NSP_ENTRY WsNameSpaceProviders[] = {
    {L"Network Location Awareness Legacy", NS_NLA,
     {0x6642243A, 0x3BA8, 0x4AA6, {0xBA, 0xA5, 0x2E, 0x0B, 0xD7, 0x1F, 0xDD, 0x83}}, 1},
    {L"Tcpip", NS_DNS, {0x22059D40, 0x7E9E, 0x11CF, {0xAE, 0x5A, 0x00, 0xAA, 0x00, 0xA7, 0x11, 0x2B}}, 0x00020000},
};
const int WsNameSpaceProviderCount = sizeof(WsNameSpaceProviders) / sizeof(WsNameSpaceProviders[0]);

const WS_NSP_ENTRY *WsNspByGuid(const GUID *id)
{
    for (int i = 0; i < WsNameSpaceProviderCount; i++)
        if (memcmp(&WsNameSpaceProviders[i].Id, id, sizeof(GUID)) == 0)
            return &WsNameSpaceProviders[i];
    return NULL;
}

const WS_NSP_ENTRY *WsNspByNamespace(DWORD ns)
{
    for (int i = 0; i < WsNameSpaceProviderCount; i++)
        if (WsNameSpaceProviders[i].NameSpace == ns)
            return &WsNameSpaceProviders[i];
    return NULL;
}

/* entry_size: sizeof the W, A or Ex entry; the name follows the entries, wide or narrow. */
static INT WsEnumNsp(LPDWORD length, BYTE *buffer, size_t entry_size, BOOL wide)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (length == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    size_t need = entry_size * (size_t)WsNameSpaceProviderCount;
    for (int i = 0; i < WsNameSpaceProviderCount; i++)
        need += (lstrlenW(WsNameSpaceProviders[i].Identifier) + 1) * (wide ? 2 : 1);
    if (buffer == NULL || *length < need) {
        *length = (DWORD)need;
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    BYTE *names = buffer + entry_size * (size_t)WsNameSpaceProviderCount;
    for (int i = 0; i < WsNameSpaceProviderCount; i++) {
        const WS_NSP_ENTRY *e = &WsNameSpaceProviders[i];
        /* WSANAMESPACE_INFOW/A and ...EXW/A share their first members' layout. */
        WSANAMESPACE_INFOEXW *out = (WSANAMESPACE_INFOEXW *)(buffer + entry_size * (size_t)i);
        memset(out, 0, entry_size);
        out->NSProviderId = e->Id;
        out->dwNameSpace = e->NameSpace;
        out->fActive = TRUE;
        out->dwVersion = e->Version;
        out->lpszIdentifier = (LPWSTR)names;
        int n = lstrlenW(e->Identifier) + 1;
        if (wide) {
            memcpy(names, e->Identifier, (size_t)n * 2);
            names += n * 2;
        } else {
            for (int c = 0; c < n; c++)
                *names++ = (BYTE)e->Identifier[c];
        }
    }
    return WsNameSpaceProviderCount;
}

__declspec(dllexport) INT WSAAPI WSAEnumNameSpaceProvidersW(LPDWORD length, LPWSANAMESPACE_INFOW buffer)
{
    return WsEnumNsp(length, (BYTE *)buffer, sizeof(WSANAMESPACE_INFOW), TRUE);
}

__declspec(dllexport) INT WSAAPI WSAEnumNameSpaceProvidersA(LPDWORD length, LPWSANAMESPACE_INFOA buffer)
{
    return WsEnumNsp(length, (BYTE *)buffer, sizeof(WSANAMESPACE_INFOA), FALSE);
}

__declspec(dllexport) INT WSAAPI WSAEnumNameSpaceProvidersExW(LPDWORD length, LPWSANAMESPACE_INFOEXW buffer)
{
    return WsEnumNsp(length, (BYTE *)buffer, sizeof(WSANAMESPACE_INFOEXW), TRUE);
}

__declspec(dllexport) INT WSAAPI WSAEnumNameSpaceProvidersExA(LPDWORD length, LPWSANAMESPACE_INFOEXA buffer)
{
    return WsEnumNsp(length, (BYTE *)buffer, sizeof(WSANAMESPACE_INFOEXA), FALSE);
}
