/* WSAAsyncSelect: the network events of a socket as window messages. It is WSAEventSelect (the
 * driver records the events and re-enables them as Windows does, and makes the socket
 * non-blocking) with a watcher thread per socket, which posts the message for each event
 * recorded: wParam the socket, lParam WSAMAKESELECTREPLY(event, error). A later WSAAsyncSelect or
 * WSAEventSelect of the socket, an lEvent of 0, or closesocket ends the watcher. */
#include "async_window.h"

typedef struct WS_WATCH {
    struct WS_WATCH *Next;
    SOCKET Socket;
    HWND Window;
    UINT Message;
    HANDLE Event, Stop;
} WS_WATCH;

static SRWLOCK ws_watch_lock = SRWLOCK_INIT;
static WS_WATCH *ws_watches;

static HANDLE ws_user32;
static BOOL (WINAPI *ws_post)(HWND, UINT, WPARAM, LPARAM);

BOOL WsPostMessage(HWND window, UINT message, WPARAM wp, LPARAM lp)
{
    if (ws_post == NULL) {
        ws_user32 = LoadLibraryW(L"user32.dll");
        if (ws_user32)
            ws_post = (BOOL (WINAPI *)(HWND, UINT, WPARAM, LPARAM))(void (*)(void))GetProcAddress(ws_user32,
                                                                                                     "PostMessageW");
    }
    return ws_post != NULL && ws_post(window, message, wp, lp);
}

static DWORD WINAPI WsWatcher(LPVOID context)
{
    WS_WATCH *w = context;
    HANDLE waits[2] = {w->Stop, w->Event};
    while (WaitForMultipleObjects(2, waits, FALSE, INFINITE) == WAIT_OBJECT_0 + 1) {
        WSANETWORKEVENTS events;
        if (WSAEnumNetworkEvents(w->Socket, w->Event, &events) != 0)
            break;
        for (int bit = 0; bit < FD_MAX_EVENTS; bit++)
            if (events.lNetworkEvents & (1L << bit))
                WsPostMessage(w->Window, w->Message, (WPARAM)w->Socket,
                              WSAMAKESELECTREPLY(1L << bit, events.iErrorCode[bit]));
    }
    CloseHandle(w->Event);
    CloseHandle(w->Stop);
    HeapFree(GetProcessHeap(), 0, w);
    return 0;
}

/* Ends the socket's watcher, if it has one (it frees itself). */
static void WsUnwatch(SOCKET s)
{
    AcquireSRWLockExclusive(&ws_watch_lock);
    for (WS_WATCH **p = &ws_watches; *p; p = &(*p)->Next)
        if ((*p)->Socket == s) {
            WS_WATCH *w = *p;
            *p = w->Next;
            SetEvent(w->Stop);
            break;
        }
    ReleaseSRWLockExclusive(&ws_watch_lock);
}

void WsAsyncSelectClosed(SOCKET s)
{
    WsUnwatch(s);
}

__declspec(dllexport) int WSAAPI WSAAsyncSelect(SOCKET s, HWND window, u_int message, long events)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    if (!WsCheckSocket(s))
        return SOCKET_ERROR;
    WsUnwatch(s);
    if (events == 0)
        return WSAEventSelect(s, NULL, 0);
    WS_WATCH *w = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*w));
    if (w == NULL) {
        SetLastError(WSAENOBUFS);
        return SOCKET_ERROR;
    }
    w->Socket = s;
    w->Window = window;
    w->Message = message;
    w->Event = CreateEventW(NULL, TRUE, FALSE, NULL);
    w->Stop = CreateEventW(NULL, TRUE, FALSE, NULL);
    if (WSAEventSelect(s, w->Event, events) != 0) {
        int error = WSAGetLastError();
        CloseHandle(w->Event);
        CloseHandle(w->Stop);
        HeapFree(GetProcessHeap(), 0, w);
        SetLastError((DWORD)error);
        return SOCKET_ERROR;
    }
    HANDLE thread = CreateThread(NULL, 0, WsWatcher, w, 0, NULL);
    if (thread == NULL) {
        WSAEventSelect(s, NULL, 0);
        CloseHandle(w->Event);
        CloseHandle(w->Stop);
        HeapFree(GetProcessHeap(), 0, w);
        SetLastError(WSAENOBUFS);
        return SOCKET_ERROR;
    }
    CloseHandle(thread);
    AcquireSRWLockExclusive(&ws_watch_lock);
    w->Next = ws_watches;
    ws_watches = w;
    ReleaseSRWLockExclusive(&ws_watch_lock);
    SetLastError(0);
    return 0;
}
