/* The Winsock 1.1 blocking-hook calls. Winsock 2 has no blocking hooks: WSASetBlockingHook,
 * WSAUnhookBlockingHook and WSACancelBlockingCall fail with WSAEOPNOTSUPP, and WSAIsBlocking says
 * no call of this thread is in progress (a blocking call never returns to the caller midway). */
#include "sock.h"

__declspec(dllexport) FARPROC WSAAPI WSASetBlockingHook(FARPROC hook)
{
    (void)hook;
    WS_CHECK_STARTED(NULL);
    SetLastError(WSAEOPNOTSUPP);
    return NULL;
}

__declspec(dllexport) int WSAAPI WSAUnhookBlockingHook(void)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    SetLastError(WSAEOPNOTSUPP);
    return SOCKET_ERROR;
}

__declspec(dllexport) int WSAAPI WSACancelBlockingCall(void)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    SetLastError(WSAEOPNOTSUPP);
    return SOCKET_ERROR;
}

__declspec(dllexport) BOOL WSAAPI WSAIsBlocking(void)
{
    return FALSE;
}
