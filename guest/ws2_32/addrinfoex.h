/* What GetAddrInfoEx's synchronous and asynchronous halves and the namespace providers share. */
#pragma once
#include "sock.h"

/* LPLOOKUPSERVICE_COMPLETION_ROUTINE as documented (mingw's header has it as a reserved PVOID). */
typedef void (CALLBACK *WS_LOOKUP_COMPLETION)(DWORD error, DWORD bytes, LPWSAOVERLAPPED ov);

/* The namespace providers this machine has installed (nsp.c). */
typedef struct { const WCHAR *Identifier; DWORD NameSpace; GUID Id; DWORD Version; } WS_NSP_ENTRY;
extern const WS_NSP_ENTRY WsNameSpaceProviders[];
extern const int WsNameSpaceProviderCount;
const WS_NSP_ENTRY *WsNspByGuid(const GUID *id);
const WS_NSP_ENTRY *WsNspByNamespace(DWORD ns);

/* node and service in UTF-8 (NULL: none); the nodes' canonical names wide or narrow. */
INT WsAddrInfoExResolve(const char *node, const char *service, DWORD ns, const GUID *provider,
                        const ADDRINFOEXW *hints, BOOL wide, PADDRINFOEXW *result);
INT WsAddrInfoExStart(PCWSTR name, PCWSTR service, DWORD ns, const GUID *provider, const ADDRINFOEXW *hints,
                      PADDRINFOEXW *result, PTIMEVAL timeout, LPOVERLAPPED ov, WS_LOOKUP_COMPLETION routine,
                      LPHANDLE handle);
char *WsUtf8(PCWSTR w);                         /* a heap copy in UTF-8; NULL for NULL */
