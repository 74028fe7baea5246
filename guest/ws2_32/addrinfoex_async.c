/* GetAddrInfoExW's asynchronous form: with an OVERLAPPED the call returns WSA_IO_PENDING and a
 * thread of its own resolves; the result code is then in the OVERLAPPED (Internal, WSAEINPROGRESS
 * meanwhile: GetAddrInfoExOverlappedResult reads it), *ppResult is set, and the completion routine
 * is called, or, without one, the OVERLAPPED's event is set. The handle it gives names the query
 * for GetAddrInfoExCancel until it completes; a cancelled query completes with WSA_E_CANCELLED. */
#include "addrinfoex.h"

typedef struct WS_EX_QUERY {
    struct WS_EX_QUERY *Next;
    ULONG_PTR Handle;
    BOOL Cancelled;
    char *Name, *Service;
    DWORD NameSpace;
    BOOL HasProvider, HasHints;
    GUID Provider;
    ADDRINFOEXW Hints;
    PADDRINFOEXW *Result;
    LPOVERLAPPED Overlapped;
    WS_LOOKUP_COMPLETION Routine;
} WS_EX_QUERY;

static SRWLOCK ws_ex_lock = SRWLOCK_INIT;
static WS_EX_QUERY *ws_ex_queries;              /* the queries not yet completed */
static ULONG_PTR ws_ex_next_handle = 0x4000;

static void WsExFree(WS_EX_QUERY *q)
{
    HeapFree(GetProcessHeap(), 0, q->Name);
    HeapFree(GetProcessHeap(), 0, q->Service);
    HeapFree(GetProcessHeap(), 0, q);
}

/* The query's thread: resolve, leave the list of open queries, then complete. */
static DWORD WINAPI WsExWorker(LPVOID context)
{
    WS_EX_QUERY *q = context;
    PADDRINFOEXW list = NULL;
    INT error = WsAddrInfoExResolve(q->Name, q->Service, q->NameSpace, q->HasProvider ? &q->Provider : NULL,
                                    q->HasHints ? &q->Hints : NULL, TRUE, &list);
    AcquireSRWLockExclusive(&ws_ex_lock);
    for (WS_EX_QUERY **p = &ws_ex_queries; *p; p = &(*p)->Next)
        if (*p == q) {
            *p = q->Next;
            break;
        }
    BOOL cancelled = q->Cancelled;
    ReleaseSRWLockExclusive(&ws_ex_lock);
    if (cancelled) {
        FreeAddrInfoExW(list);
        list = NULL;
        error = WSA_E_CANCELLED;
    }
    LPOVERLAPPED ov = q->Overlapped;
    WS_LOOKUP_COMPLETION routine = q->Routine;
    *q->Result = list;
    WsExFree(q);
    ov->InternalHigh = 0;
    InterlockedExchangePointer((PVOID *)&ov->Internal, (PVOID)(ULONG_PTR)(DWORD)error);
    if (routine)
        routine((DWORD)error, 0, (LPWSAOVERLAPPED)ov);
    else if (ov->hEvent)
        SetEvent(ov->hEvent);
    return 0;
}

INT WsAddrInfoExStart(PCWSTR name, PCWSTR service, DWORD ns, const GUID *provider, const ADDRINFOEXW *hints,
                      PADDRINFOEXW *result, PTIMEVAL timeout, LPOVERLAPPED ov, WS_LOOKUP_COMPLETION routine,
                      LPHANDLE handle)
{
    (void)timeout;                              /* the loopback resolver answers at once */
    WS_CHECK_STARTED(WSANOTINITIALISED);
    if (result == NULL)
        return SetLastError(WSAEINVAL), WSAEINVAL;
    *result = NULL;
    WS_EX_QUERY *q = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*q));
    if (q == NULL)
        return SetLastError(WSA_NOT_ENOUGH_MEMORY), WSA_NOT_ENOUGH_MEMORY;
    q->Name = WsUtf8(name);
    q->Service = WsUtf8(service);
    q->NameSpace = ns;
    if ((q->HasProvider = provider != NULL))
        q->Provider = *provider;
    if ((q->HasHints = hints != NULL)) {
        q->Hints.ai_flags = hints->ai_flags;
        q->Hints.ai_family = hints->ai_family;
        q->Hints.ai_socktype = hints->ai_socktype;
        q->Hints.ai_protocol = hints->ai_protocol;
    }
    q->Result = result;
    q->Overlapped = ov;
    q->Routine = routine;
    ov->Internal = WSAEINPROGRESS;
    ov->InternalHigh = 0;
    AcquireSRWLockExclusive(&ws_ex_lock);
    q->Handle = ws_ex_next_handle += 4;
    q->Next = ws_ex_queries;
    ws_ex_queries = q;
    if (handle)
        *handle = (HANDLE)q->Handle;
    ReleaseSRWLockExclusive(&ws_ex_lock);
    HANDLE thread = CreateThread(NULL, 0, WsExWorker, q, 0, NULL);
    if (thread == NULL) {
        AcquireSRWLockExclusive(&ws_ex_lock);
        for (WS_EX_QUERY **p = &ws_ex_queries; *p; p = &(*p)->Next)
            if (*p == q) {
                *p = q->Next;
                break;
            }
        ReleaseSRWLockExclusive(&ws_ex_lock);
        WsExFree(q);
        return SetLastError(WSA_NOT_ENOUGH_MEMORY), WSA_NOT_ENOUGH_MEMORY;
    }
    CloseHandle(thread);
    SetLastError(WSA_IO_PENDING);
    return WSA_IO_PENDING;
}

/* GetAddrInfoExCancel: NO_ERROR when the query was still open; WSA_INVALID_HANDLE otherwise. */
__declspec(dllexport) INT WSAAPI GetAddrInfoExCancel(LPHANDLE handle)
{
    INT error = WSA_INVALID_HANDLE;
    if (handle == NULL)
        return error;
    AcquireSRWLockExclusive(&ws_ex_lock);
    for (WS_EX_QUERY *q = ws_ex_queries; q; q = q->Next)
        if (q->Handle == (ULONG_PTR)*handle && !q->Cancelled) {
            q->Cancelled = TRUE;
            error = NO_ERROR;
        }
    ReleaseSRWLockExclusive(&ws_ex_lock);
    return error;
}

__declspec(dllexport) INT WSAAPI GetAddrInfoExOverlappedResult(LPOVERLAPPED ov)
{
    if (ov == NULL)
        return WSAEINVAL;
    return (INT)(DWORD)ov->Internal;
}
