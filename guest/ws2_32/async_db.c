/* The WSAAsyncGet* calls: the database calls (gethostbyname, getservbyport, ...) on a thread of
 * their own, their answer copied into the caller's buffer as one block (its pointers into the
 * buffer), then the caller's message posted to its window: wParam the task handle, lParam
 * WSAMAKEASYNCREPLY(the length the answer needs, error). A buffer too small gets WSAENOBUFS with
 * that length. WSACancelAsyncRequest stops a task's message: WSAEALREADY once it was posted,
 * WSAEINVAL for a handle that names no task. */
#include "async_window.h"

enum { WS_HOST_BY_NAME, WS_HOST_BY_ADDR, WS_SERV_BY_NAME, WS_SERV_BY_PORT, WS_PROTO_BY_NAME, WS_PROTO_BY_NUMBER };

typedef struct WS_TASK {
    struct WS_TASK *Next;
    ULONG_PTR Handle;
    BOOL Cancelled;
    int Kind;
    HWND Window;
    UINT Message;
    char *Buffer;
    int Length;
    char Name[256], Proto[32];
    int Number, NumberLength, Type;             /* a port, protocol or address length; a family */
    BOOL HasProto;
} WS_TASK;

static SRWLOCK ws_task_lock = SRWLOCK_INIT;
static SRWLOCK ws_db_lock = SRWLOCK_INIT;       /* the database calls' static answers */
static WS_TASK *ws_tasks;
static ULONG_PTR ws_task_next = 0x100, ws_task_done[32];
static unsigned ws_task_done_at;

/* A packer: where the next bytes go (pointer-aligned), or only how many it needs. */
typedef struct { char *Base; int Limit, At; } WS_PACK;

static void *WsPut(WS_PACK *p, const void *data, int length, int align)
{
    p->At = (p->At + align - 1) & ~(align - 1);
    void *at = p->Base + p->At;
    if (p->At + length <= p->Limit && data)
        memcpy(at, data, (size_t)length);
    p->At += length;
    return p->At <= p->Limit ? at : NULL;
}

static char *WsPutString(WS_PACK *p, const char *s)
{
    return WsPut(p, s, (int)strlen(s) + 1, 1);
}

/* The NULL-terminated list of strings, the list first then the strings. */
static char **WsPutList(WS_PACK *p, char **list, int items_are_strings, int item_length)
{
    int n = 0;
    while (list && list[n])
        n++;
    char **out = WsPut(p, NULL, (int)sizeof(char *) * (n + 1), sizeof(char *));
    for (int i = 0; i < n; i++) {
        char *item = items_are_strings ? WsPutString(p, list[i]) : WsPut(p, list[i], item_length, 4);
        if (out)
            out[i] = item;
    }
    if (out)
        out[n] = NULL;
    return out;
}

static int WsPackHost(WS_PACK *p, const struct hostent *h)
{
    struct hostent *o = WsPut(p, NULL, sizeof(*o), sizeof(char *));
    char **addresses = WsPutList(p, h->h_addr_list, 0, h->h_length);
    char **aliases = WsPutList(p, h->h_aliases, 1, 0);
    char *name = WsPutString(p, h->h_name);
    if (o) {
        o->h_name = name;
        o->h_aliases = aliases;
        o->h_addrtype = h->h_addrtype;
        o->h_length = h->h_length;
        o->h_addr_list = addresses;
    }
    return p->At;
}

static int WsPackServ(WS_PACK *p, const struct servent *s)
{
    struct servent *o = WsPut(p, NULL, sizeof(*o), sizeof(char *));
    char **aliases = WsPutList(p, s->s_aliases, 1, 0);
    char *name = WsPutString(p, s->s_name), *proto = WsPutString(p, s->s_proto);
    if (o) {
        o->s_name = name;
        o->s_aliases = aliases;
        o->s_port = s->s_port;
        o->s_proto = proto;
    }
    return p->At;
}

static int WsPackProto(WS_PACK *p, const struct protoent *e)
{
    struct protoent *o = WsPut(p, NULL, sizeof(*o), sizeof(char *));
    char **aliases = WsPutList(p, e->p_aliases, 1, 0);
    char *name = WsPutString(p, e->p_name);
    if (o) {
        o->p_name = name;
        o->p_aliases = aliases;
        o->p_proto = e->p_proto;
    }
    return p->At;
}

/* The task's answer into its buffer: the length it needs and the error (0, WSAENOBUFS, the call's). */
static int WsAnswer(WS_TASK *t, int *need)
{
    WS_PACK p = {t->Buffer, t->Length, 0};
    int error = 0;
    AcquireSRWLockExclusive(&ws_db_lock);
    const char *proto = t->HasProto ? t->Proto : NULL;
    void *answer = NULL;
    switch (t->Kind) {
    case WS_HOST_BY_NAME: answer = gethostbyname(t->Name); break;
    case WS_HOST_BY_ADDR: answer = gethostbyaddr(t->Name, t->NumberLength, t->Type); break;
    case WS_SERV_BY_NAME: answer = getservbyname(t->Name, proto); break;
    case WS_SERV_BY_PORT: answer = getservbyport(t->Number, proto); break;
    case WS_PROTO_BY_NAME: answer = getprotobyname(t->Name); break;
    default: answer = getprotobynumber(t->Number); break;
    }
    if (answer == NULL)
        error = WSAGetLastError();
    else if (t->Kind <= WS_HOST_BY_ADDR)
        WsPackHost(&p, answer);
    else if (t->Kind <= WS_SERV_BY_PORT)
        WsPackServ(&p, answer);
    else
        WsPackProto(&p, answer);
    ReleaseSRWLockExclusive(&ws_db_lock);
    *need = answer ? p.At : 0;
    if (answer && p.At > p.Limit)
        error = WSAENOBUFS;
    return error;
}

static DWORD WINAPI WsTaskThread(LPVOID context)
{
    WS_TASK *t = context;
    int need = 0, error = WsAnswer(t, &need);
    AcquireSRWLockExclusive(&ws_task_lock);
    for (WS_TASK **p = &ws_tasks; *p; p = &(*p)->Next)
        if (*p == t) {
            *p = t->Next;
            break;
        }
    BOOL cancelled = t->Cancelled;
    ws_task_done[ws_task_done_at++ % 32] = t->Handle;
    ReleaseSRWLockExclusive(&ws_task_lock);
    if (!cancelled)
        WsPostMessage(t->Window, t->Message, (WPARAM)t->Handle, WSAMAKEASYNCREPLY(need, error));
    HeapFree(GetProcessHeap(), 0, t);
    return 0;
}

static HANDLE WsStartTask(WS_TASK *t, HWND window, u_int message, char *buffer, int length)
{
    if (buffer == NULL || length < 0) {
        HeapFree(GetProcessHeap(), 0, t);
        SetLastError(WSAEFAULT);
        return NULL;
    }
    t->Window = window;
    t->Message = message;
    t->Buffer = buffer;
    t->Length = length;
    AcquireSRWLockExclusive(&ws_task_lock);
    t->Handle = ws_task_next++;
    t->Next = ws_tasks;
    ws_tasks = t;
    ReleaseSRWLockExclusive(&ws_task_lock);
    ULONG_PTR handle = t->Handle;
    HANDLE thread = CreateThread(NULL, 0, WsTaskThread, t, 0, NULL);
    if (thread == NULL) {
        AcquireSRWLockExclusive(&ws_task_lock);
        for (WS_TASK **p = &ws_tasks; *p; p = &(*p)->Next)
            if (*p == t) {
                *p = t->Next;
                break;
            }
        ReleaseSRWLockExclusive(&ws_task_lock);
        HeapFree(GetProcessHeap(), 0, t);
        SetLastError(WSAEWOULDBLOCK);           /* the task cannot be scheduled */
        return NULL;
    }
    CloseHandle(thread);
    SetLastError(0);
    return (HANDLE)handle;
}

static WS_TASK *WsNewTask(int kind, const char *name, const char *proto)
{
    WS_TASK *t = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*t));
    if (t == NULL) {
        SetLastError(WSAENOBUFS);
        return NULL;
    }
    t->Kind = kind;
    if (name)
        lstrcpynA(t->Name, name, sizeof(t->Name));
    if ((t->HasProto = proto != NULL))
        lstrcpynA(t->Proto, proto, sizeof(t->Proto));
    return t;
}

__declspec(dllexport) HANDLE WSAAPI WSAAsyncGetHostByName(HWND window, u_int message, const char *name, char *buffer,
                                                          int length)
{
    WS_CHECK_STARTED(NULL);
    WS_TASK *t = WsNewTask(WS_HOST_BY_NAME, name ? name : "", NULL);
    return t ? WsStartTask(t, window, message, buffer, length) : NULL;
}

__declspec(dllexport) HANDLE WSAAPI WSAAsyncGetHostByAddr(HWND window, u_int message, const char *address,
                                                          int address_length, int type, char *buffer, int length)
{
    WS_CHECK_STARTED(NULL);
    if (address == NULL || address_length < 0 || address_length > 16) {
        SetLastError(WSAEFAULT);
        return NULL;
    }
    WS_TASK *t = WsNewTask(WS_HOST_BY_ADDR, NULL, NULL);
    if (t == NULL)
        return NULL;
    memcpy(t->Name, address, (size_t)address_length);
    t->NumberLength = address_length;
    t->Type = type;
    return WsStartTask(t, window, message, buffer, length);
}

__declspec(dllexport) HANDLE WSAAPI WSAAsyncGetServByName(HWND window, u_int message, const char *name,
                                                          const char *proto, char *buffer, int length)
{
    WS_CHECK_STARTED(NULL);
    WS_TASK *t = WsNewTask(WS_SERV_BY_NAME, name ? name : "", proto);
    return t ? WsStartTask(t, window, message, buffer, length) : NULL;
}

__declspec(dllexport) HANDLE WSAAPI WSAAsyncGetServByPort(HWND window, u_int message, int port, const char *proto,
                                                          char *buffer, int length)
{
    WS_CHECK_STARTED(NULL);
    WS_TASK *t = WsNewTask(WS_SERV_BY_PORT, NULL, proto);
    if (t)
        t->Number = port;
    return t ? WsStartTask(t, window, message, buffer, length) : NULL;
}

__declspec(dllexport) HANDLE WSAAPI WSAAsyncGetProtoByName(HWND window, u_int message, const char *name, char *buffer,
                                                           int length)
{
    WS_CHECK_STARTED(NULL);
    WS_TASK *t = WsNewTask(WS_PROTO_BY_NAME, name ? name : "", NULL);
    return t ? WsStartTask(t, window, message, buffer, length) : NULL;
}

__declspec(dllexport) HANDLE WSAAPI WSAAsyncGetProtoByNumber(HWND window, u_int message, int number, char *buffer,
                                                             int length)
{
    WS_CHECK_STARTED(NULL);
    WS_TASK *t = WsNewTask(WS_PROTO_BY_NUMBER, NULL, NULL);
    if (t)
        t->Number = number;
    return t ? WsStartTask(t, window, message, buffer, length) : NULL;
}

__declspec(dllexport) int WSAAPI WSACancelAsyncRequest(HANDLE task)
{
    WS_CHECK_STARTED(SOCKET_ERROR);
    int error = WSAEINVAL;
    AcquireSRWLockExclusive(&ws_task_lock);
    for (WS_TASK *t = ws_tasks; t; t = t->Next)
        if (t->Handle == (ULONG_PTR)task)
            error = t->Cancelled ? WSAEALREADY : 0, t->Cancelled = TRUE;
    for (int i = 0; error == WSAEINVAL && i < 32; i++)
        if (ws_task_done[i] && ws_task_done[i] == (ULONG_PTR)task)
            error = WSAEALREADY;
    ReleaseSRWLockExclusive(&ws_task_lock);
    if (error) {
        SetLastError((DWORD)error);
        return SOCKET_ERROR;
    }
    return 0;
}
