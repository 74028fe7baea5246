/* Apartments: CoInitialize(Ex) enters the calling thread into a single-threaded apartment of its
 * own (COINIT_APARTMENTTHREADED) or the process's multithreaded one; the first call gives S_OK,
 * the next ones S_FALSE, and one asking for the other model RPC_E_CHANGED_MODE (not counted);
 * each successful call needs its CoUninitialize. OleInitialize is CoInitializeEx(STA) plus OLE's
 * own count (S_OK for its first call on the thread, S_FALSE after). CoGetApartmentType, CoGetCurrentProcess and CoInitializeSecurity (once per process,
 * then RPC_E_TOO_LATE) read and record this state. */
#include "olep.h"

static LONG MtaThreads;             /* threads in the multithreaded apartment */
static LONG Apartments;             /* threads in any apartment */
static DWORD MainStaThread;         /* the thread of the process's first STA, 0 when none */
static LONG SecurityDone;
static LONG NextThreadNumber;

static LONG MtaUsages;              /* CoIncrementMTAUsage cookies handed out */

LONG OlepEnterMta(void)
{
    InterlockedIncrement(&MtaThreads);
    InterlockedIncrement(&Apartments);
    return InterlockedIncrement(&MtaUsages);
}

void OlepLeaveMta(void)
{
    InterlockedDecrement(&MtaThreads);
    if (InterlockedDecrement(&Apartments) == 0)
        OlepApartmentsEnded();
}

BOOL OlepInitialized(void)
{
    OLE_THREAD *t = OlepThread();
    return (t && t->Inits > 0) || MtaThreads > 0;
}

OLEAPI_ HRESULT WINAPI CoInitializeEx(LPVOID reserved, DWORD flags)
{
    if (reserved)
        return E_INVALIDARG;
    OLE_THREAD *t = OlepThread();
    if (t == NULL)
        return E_OUTOFMEMORY;
    DWORD model = (flags & COINIT_APARTMENTTHREADED) ? COINIT_APARTMENTTHREADED : COINIT_MULTITHREADED;
    if (t->Inits > 0) {
        if (t->Model != model)
            return RPC_E_CHANGED_MODE;
        t->Inits++;
        return S_FALSE;
    }
    /* Step 1: the thread enters its apartment. */
    t->Inits = 1;
    t->Model = model;
    if (model == COINIT_MULTITHREADED)
        InterlockedIncrement(&MtaThreads);
    else
        t->MainSta = InterlockedCompareExchange((LONG *)&MainStaThread, (LONG)GetCurrentThreadId(), 0) == 0;
    InterlockedIncrement(&Apartments);
    return S_OK;
}

OLEAPI_ HRESULT WINAPI CoInitialize(LPVOID reserved)
{
    (void)reserved;                                     /* ignored, as documented */
    return CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
}

OLEAPI_ void WINAPI CoUninitialize(void)
{
    OLE_THREAD *t = OlepThread();
    if (t == NULL || t->Inits == 0)
        return;                                         /* not initialised: nothing to undo */
    if (--t->Inits > 0)
        return;
    /* Step 2: the last call leaves the apartment; the last apartment frees the servers. */
    if (t->Model == COINIT_MULTITHREADED)
        InterlockedDecrement(&MtaThreads);
    if (t->MainSta) {
        InterlockedExchange((LONG *)&MainStaThread, 0);
        t->MainSta = FALSE;
    }
    t->Model = 0;
    if (InterlockedDecrement(&Apartments) == 0)
        OlepApartmentsEnded();
}

OLEAPI_ HRESULT WINAPI OleInitialize(LPVOID reserved)
{
    (void)reserved;
    HRESULT hr = CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
    if (FAILED(hr))
        return hr;
    /* The thread's first OleInitialize is S_OK even in an apartment CoInitialize made. */
    return OlepThread()->OleInits++ ? S_FALSE : S_OK;
}

OLEAPI_ void WINAPI OleUninitialize(void)
{
    OLE_THREAD *t = OlepThread();
    if (t == NULL || t->OleInits == 0)
        return;
    t->OleInits--;
    CoUninitialize();
}

OLEAPI_ HRESULT WINAPI CoGetApartmentType(APTTYPE *type, APTTYPEQUALIFIER *qualifier)
{
    if (type == NULL || qualifier == NULL)
        return E_INVALIDARG;
    OLE_THREAD *t = OlepThread();
    *qualifier = APTTYPEQUALIFIER_NONE;
    if (t && t->Inits > 0) {
        *type = t->Model == COINIT_MULTITHREADED ? APTTYPE_MTA : t->MainSta ? APTTYPE_MAINSTA : APTTYPE_STA;
        return S_OK;
    }
    if (MtaThreads > 0) {                               /* an uninitialised thread is in the MTA implicitly */
        *type = APTTYPE_MTA;
        *qualifier = APTTYPEQUALIFIER_IMPLICIT_MTA;
        return S_OK;
    }
    *type = APTTYPE_CURRENT;
    return CO_E_NOTINITIALIZED;
}

OLEAPI_ DWORD WINAPI CoGetCurrentProcess(void)
{
    OLE_THREAD *t = OlepThread();
    if (t == NULL)
        return 0;
    if (t->CurrentProcessId == 0)
        t->CurrentProcessId = (DWORD)InterlockedIncrement(&NextThreadNumber);
    return t->CurrentProcessId;
}

OLEAPI_ HRESULT WINAPI CoInitializeSecurity(PSECURITY_DESCRIPTOR sd, LONG auth_count, SOLE_AUTHENTICATION_SERVICE *services,
                                            void *reserved1, DWORD authn_level, DWORD imp_level, void *auth_list,
                                            DWORD capabilities, void *reserved3)
{
    (void)sd; (void)auth_count; (void)services; (void)reserved1; (void)authn_level; (void)imp_level;
    (void)auth_list; (void)capabilities; (void)reserved3;
    if (!OlepInitialized())
        return CO_E_NOTINITIALIZED;
    /* No call leaves the process, so the settings have nothing to apply to but are fixed now. */
    return InterlockedExchange(&SecurityDone, 1) ? RPC_E_TOO_LATE : S_OK;
}
