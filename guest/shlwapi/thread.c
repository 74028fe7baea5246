/* Threads and the small COM helpers: SHCreateThread (the callback runs on the new thread before
 * the procedure while the creator waits; CTF_THREAD_REF holds the creator's thread reference for
 * the thread's life, CTF_FREELIBANDEXIT keeps the procedure's module loaded until it returns),
 * the per-thread reference (SHSetThreadRef, SHGetThreadRef, SHReleaseThreadRef, SHCreateThreadRef)
 * and IUnknown_Set, IUnknown_AtomicRelease, IUnknown_GetSite/SetSite, IUnknown_QueryService,
 * IUnknown_GetWindow through the interfaces Windows documents them with. The CTF_COINIT flags
 * would need ole32, which this machine does not have; they are not honoured. */
#define LW_NO_COBJMACROS
#include "lw.h"
#include <ocidl.h>
#include <servprov.h>
#include <oleidl.h>

static DWORD RefSlot = TLS_OUT_OF_INDEXES;

static DWORD Slot(void)
{
    if (RefSlot == TLS_OUT_OF_INDEXES) {
        DWORD slot = TlsAlloc();
        if (InterlockedCompareExchange((LONG *)&RefSlot, (LONG)slot, (LONG)TLS_OUT_OF_INDEXES) !=
            (LONG)TLS_OUT_OF_INDEXES)
            TlsFree(slot);
    }
    return RefSlot;
}

SHLAPI HRESULT WINAPI SHSetThreadRef(IUnknown *unk)
{
    if (Slot() == TLS_OUT_OF_INDEXES) return E_FAIL;
    TlsSetValue(RefSlot, unk);
    return S_OK;
}

SHLAPI HRESULT WINAPI SHGetThreadRef(IUnknown **out)
{
    if (out == NULL) return E_INVALIDARG;
    *out = Slot() == TLS_OUT_OF_INDEXES ? NULL : TlsGetValue(RefSlot);
    if (*out == NULL) return E_NOINTERFACE;
    (*out)->lpVtbl->AddRef(*out);
    return S_OK;
}

SHLAPI HRESULT WINAPI SHReleaseThreadRef(void)
{
    IUnknown *unk = Slot() == TLS_OUT_OF_INDEXES ? NULL : TlsGetValue(RefSlot);
    if (unk == NULL) return E_FAIL;
    TlsSetValue(RefSlot, NULL);
    unk->lpVtbl->Release(unk);
    return S_OK;
}

/* SHCreateThreadRef: an object whose reference count is the caller's LONG, set to 1. */
typedef struct { IUnknown Iface; LONG *Count; } THREADREF;
static const IID IidUnknown = {0, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

static HRESULT WINAPI RefQueryInterface(IUnknown *self, REFIID iid, void **out)
{
    if (out == NULL) return E_POINTER;
    if (IsEqualGUID(iid, &IidUnknown)) { *out = self; self->lpVtbl->AddRef(self); return S_OK; }
    *out = NULL;
    return E_NOINTERFACE;
}
static ULONG WINAPI RefAddRef(IUnknown *self) { return (ULONG)InterlockedIncrement(((THREADREF *)self)->Count); }
static ULONG WINAPI RefRelease(IUnknown *self)
{
    LONG n = InterlockedDecrement(((THREADREF *)self)->Count);
    if (n == 0) TaskFree(self);
    return (ULONG)n;
}
static IUnknownVtbl RefVtbl = {RefQueryInterface, RefAddRef, RefRelease};

SHLAPI HRESULT WINAPI SHCreateThreadRef(LONG *count, IUnknown **out)
{
    if (count == NULL || out == NULL) return E_INVALIDARG;
    THREADREF *ref = TaskAlloc(sizeof(*ref));
    *out = NULL;
    if (ref == NULL) return E_OUTOFMEMORY;
    ref->Iface.lpVtbl = &RefVtbl;
    ref->Count = count;
    *count = 1;
    *out = &ref->Iface;
    return S_OK;
}

typedef struct {
    LPTHREAD_START_ROUTINE Proc, Callback;
    void *Data;
    DWORD Flags;
    IUnknown *Ref;              /* CTF_THREAD_REF: the creator's, held for the thread */
    HMODULE Module;             /* CTF_FREELIBANDEXIT: the procedure's module, held */
    HANDLE Started;
} START;

static DWORD WINAPI Start(void *arg)
{
    START s = *(START *)arg;
    if (s.Ref) SHSetThreadRef(s.Ref);
    if (s.Callback) s.Callback(s.Data);
    SetEvent(s.Started);        /* the creator may go on; *arg is its stack */
    DWORD code = s.Proc(s.Data);
    if (s.Ref) {
        IUnknown *still = TlsGetValue(RefSlot);
        if (still) SHReleaseThreadRef();
    }
    if (s.Module) FreeLibraryAndExitThread(s.Module, code);
    return code;
}

SHLAPI BOOL WINAPI SHCreateThread(LPTHREAD_START_ROUTINE proc, void *data, DWORD flags, LPTHREAD_START_ROUTINE callback)
{
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    START s = {proc, callback, data, flags, NULL, NULL, NULL};
    if ((flags & CTF_THREAD_REF) && FAILED(SHGetThreadRef(&s.Ref))) s.Ref = NULL;
    if (flags & CTF_FREELIBANDEXIT)
        GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, (LPCWSTR)(void *)proc, &s.Module);
    s.Started = CreateEventW(NULL, TRUE, FALSE, NULL);
    HANDLE thread = s.Started ? CreateThread(NULL, 0, Start, &s, 0, NULL) : NULL;
    if (thread == NULL) {
        DWORD error = GetLastError();
        if (s.Started) CloseHandle(s.Started);
        if (s.Ref) s.Ref->lpVtbl->Release(s.Ref);
        if (s.Module) FreeLibrary(s.Module);
        SetLastError(error);
        return FALSE;
    }
    WaitForSingleObject(s.Started, INFINITE);
    CloseHandle(s.Started);
    CloseHandle(thread);
    return TRUE;
}

SHLAPI void WINAPI IUnknown_Set(IUnknown **slot, IUnknown *unk)
{
    if (slot == NULL) return;
    if (unk) unk->lpVtbl->AddRef(unk);
    IUnknown *old = *slot;
    *slot = unk;
    if (old) old->lpVtbl->Release(old);
}

SHLAPI void WINAPI IUnknown_AtomicRelease(void **slot)
{
    if (slot == NULL) return;
    IUnknown *unk = InterlockedExchangePointer(slot, NULL);
    if (unk) unk->lpVtbl->Release(unk);
}

static const IID IidObjectWithSite = {0xFC4801A3, 0x2BA9, 0x11CF, {0xA2, 0x29, 0x00, 0xAA, 0x00, 0x3D, 0x73, 0x52}};
static const IID IidServiceProvider = {0x6D5140C1, 0x7436, 0x11CE, {0x80, 0x34, 0x00, 0xAA, 0x00, 0x60, 0x09, 0xFA}};
static const IID IidOleWindow = {0x00000114, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

SHLAPI HRESULT WINAPI IUnknown_SetSite(IUnknown *unk, IUnknown *site)
{
    IObjectWithSite *ows;
    if (unk == NULL) return E_FAIL;
    HRESULT hr = unk->lpVtbl->QueryInterface(unk, &IidObjectWithSite, (void **)&ows);
    if (FAILED(hr)) return hr;
    hr = ows->lpVtbl->SetSite(ows, site);
    ows->lpVtbl->Release(ows);
    return hr;
}

SHLAPI HRESULT WINAPI IUnknown_GetSite(IUnknown *unk, REFIID iid, void **out)
{
    IObjectWithSite *ows;
    if (out) *out = NULL;
    if (unk == NULL || out == NULL) return E_FAIL;
    HRESULT hr = unk->lpVtbl->QueryInterface(unk, &IidObjectWithSite, (void **)&ows);
    if (FAILED(hr)) return hr;
    hr = ows->lpVtbl->GetSite(ows, iid, out);
    ows->lpVtbl->Release(ows);
    return hr;
}

SHLAPI HRESULT WINAPI IUnknown_QueryService(IUnknown *unk, REFGUID service, REFIID iid, void **out)
{
    IServiceProvider *sp;
    if (out) *out = NULL;
    if (unk == NULL || out == NULL) return E_FAIL;
    HRESULT hr = unk->lpVtbl->QueryInterface(unk, &IidServiceProvider, (void **)&sp);
    if (FAILED(hr)) return hr;
    hr = sp->lpVtbl->QueryService(sp, service, iid, out);
    sp->lpVtbl->Release(sp);
    return hr;
}

SHLAPI HRESULT WINAPI IUnknown_GetWindow(IUnknown *unk, HWND *hwnd)
{
    IOleWindow *ow;
    if (hwnd) *hwnd = NULL;
    if (unk == NULL || hwnd == NULL) return E_FAIL;
    HRESULT hr = unk->lpVtbl->QueryInterface(unk, &IidOleWindow, (void **)&ow);
    if (FAILED(hr)) return hr;
    hr = ow->lpVtbl->GetWindow(ow, hwnd);
    ow->lpVtbl->Release(ow);
    return hr;
}
