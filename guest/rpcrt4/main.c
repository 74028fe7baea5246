/* rpcrt4.dll's entry point and the strings it hands out: RpcStringFreeA/W release them. */
#include "rpcp.h"

BOOL WINAPI RpcDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}

void *RpcpAllocString(SIZE_T bytes)
{
    return HeapAlloc(GetProcessHeap(), 0, bytes);
}

unsigned char *RpcpToAnsi(const WCHAR *s, BOOL *ok)
{
    *ok = TRUE;
    if (s == NULL)
        return NULL;
    int n = WideCharToMultiByte(CP_ACP, 0, s, -1, NULL, 0, NULL, NULL);
    unsigned char *a = RpcpAllocString((SIZE_T)n);
    if (a == NULL)
        *ok = FALSE;
    else
        WideCharToMultiByte(CP_ACP, 0, s, -1, (char *)a, n, NULL, NULL);
    return a;
}

WCHAR *RpcpToWide(const unsigned char *s, BOOL *ok)
{
    *ok = TRUE;
    if (s == NULL)
        return NULL;
    int n = MultiByteToWideChar(CP_ACP, 0, (const char *)s, -1, NULL, 0);
    WCHAR *w = RpcpAllocString((SIZE_T)n * sizeof(WCHAR));
    if (w == NULL)
        *ok = FALSE;
    else
        MultiByteToWideChar(CP_ACP, 0, (const char *)s, -1, w, n);
    return w;
}

RPCAPI RPC_STATUS RPC_ENTRY RpcStringFreeW(RPC_WSTR *s)
{
    if (s == NULL)
        return RPC_S_INVALID_ARG;
    if (*s)
        HeapFree(GetProcessHeap(), 0, *s);
    *s = NULL;
    return RPC_S_OK;
}

RPCAPI RPC_STATUS RPC_ENTRY RpcStringFreeA(RPC_CSTR *s)
{
    return RpcStringFreeW((RPC_WSTR *)s);
}
