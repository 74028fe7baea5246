/* WSAProviderConfigChange: notice of a change to the protocol or namespace catalogue. The first
 * call (*handle NULL) makes the notification handle and returns at once; later ones wait for a
 * change: overlapped, they stay pending (WSA_IO_PENDING); blocking, they wait on the handle. This
 * machine's catalogue (protocols.c, nsp.c) never changes, so no change is ever reported. */
#include "sock.h"

static SRWLOCK ws_notify_lock = SRWLOCK_INIT;
static HANDLE ws_notify[16];                    /* the handles this call made */

static BOOL WsIsNotifyHandle(HANDLE h)
{
    BOOL found = FALSE;
    AcquireSRWLockShared(&ws_notify_lock);
    for (int i = 0; i < 16 && !found; i++)
        found = h != NULL && ws_notify[i] == h;
    ReleaseSRWLockShared(&ws_notify_lock);
    return found;
}

__declspec(dllexport) int WSAAPI WSAProviderConfigChange(LPHANDLE handle, LPWSAOVERLAPPED ov,
                                                         LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
    (void)routine;
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (handle == NULL) {
        SetLastError(WSAEFAULT);
        return SOCKET_ERROR;
    }
    if (*handle == NULL) {
        HANDLE h = CreateEventW(NULL, TRUE, FALSE, NULL);
        int slot = -1;
        AcquireSRWLockExclusive(&ws_notify_lock);
        for (int i = 0; i < 16 && slot < 0; i++)
            if (ws_notify[i] == NULL)
                ws_notify[slot = i] = h;
        ReleaseSRWLockExclusive(&ws_notify_lock);
        if (h == NULL || slot < 0) {
            if (h)
                CloseHandle(h);
            SetLastError(WSA_NOT_ENOUGH_MEMORY);
            return SOCKET_ERROR;
        }
        *handle = h;
        return 0;
    }
    if (!WsIsNotifyHandle(*handle)) {
        SetLastError(WSA_INVALID_HANDLE);
        return SOCKET_ERROR;
    }
    if (ov != NULL) {
        ov->Internal = (ULONG_PTR)WS_STATUS_PENDING;
        SetLastError(WSA_IO_PENDING);
        return SOCKET_ERROR;
    }
    WaitForSingleObject(*handle, INFINITE);     /* until the catalogue changes */
    return 0;
}
