/* counter.dll: an in-process COM server: the class object (IClassFactory) of CLSID_Counter and its
 * objects (ICounter), counted so that DllCanUnloadNow says S_OK only when none is left. */
#include "counter.h"

static LONG Objects, Locks;

typedef struct { ICounter Iface; LONG Refs, Value; } COUNTER;

static HRESULT STDMETHODCALLTYPE CounterQI(ICounter *self, REFIID riid, void **out)
{
    if (SameIID(riid, &IID_IUnknown_) || SameIID(riid, &IID_ICounter)) {
        *out = self;
        self->lpVtbl->AddRef(self);
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE CounterAddRef(ICounter *self) { return (ULONG)InterlockedIncrement(&((COUNTER *)self)->Refs); }
static ULONG STDMETHODCALLTYPE CounterRelease(ICounter *self)
{
    LONG r = InterlockedDecrement(&((COUNTER *)self)->Refs);
    if (r == 0) {
        HeapFree(GetProcessHeap(), 0, self);
        InterlockedDecrement(&Objects);
    }
    return (ULONG)r;
}
static HRESULT STDMETHODCALLTYPE CounterAdd(ICounter *self, LONG n) { ((COUNTER *)self)->Value += n; return S_OK; }
static LONG STDMETHODCALLTYPE CounterGet(ICounter *self) { return ((COUNTER *)self)->Value; }
static const ICounterVtbl CounterVtbl = {CounterQI, CounterAddRef, CounterRelease, CounterAdd, CounterGet};

static HRESULT STDMETHODCALLTYPE FactoryQI(IClassFactory *self, REFIID riid, void **out)
{
    if (SameIID(riid, &IID_IUnknown_) || SameIID(riid, &IID_IClassFactory_)) {
        *out = self;
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE FactoryAddRef(IClassFactory *self) { (void)self; return 2; }
static ULONG STDMETHODCALLTYPE FactoryRelease(IClassFactory *self) { (void)self; return 1; }
static HRESULT STDMETHODCALLTYPE FactoryCreate(IClassFactory *self, IUnknown *outer, REFIID riid, void **out)
{
    (void)self;
    *out = NULL;
    if (outer)
        return CLASS_E_NOAGGREGATION;
    COUNTER *c = HeapAlloc(GetProcessHeap(), 0, sizeof(*c));
    if (c == NULL)
        return E_OUTOFMEMORY;
    c->Iface.lpVtbl = &CounterVtbl;
    c->Refs = 1;
    c->Value = 100;                                 /* a new counter starts at 100 */
    InterlockedIncrement(&Objects);
    HRESULT hr = CounterQI(&c->Iface, riid, out);
    CounterRelease(&c->Iface);
    return hr;
}
static HRESULT STDMETHODCALLTYPE FactoryLock(IClassFactory *self, BOOL lock)
{
    (void)self;
    if (lock) InterlockedIncrement(&Locks); else InterlockedDecrement(&Locks);
    return S_OK;
}
static IClassFactoryVtbl FactoryVtbl = {FactoryQI, FactoryAddRef, FactoryRelease, FactoryCreate, FactoryLock};
static IClassFactory Factory = {&FactoryVtbl};

HRESULT WINAPI DllGetClassObject(REFCLSID clsid, REFIID riid, void **out)
{
    if (!SameIID(clsid, &CLSID_Counter)) {
        *out = NULL;
        return CLASS_E_CLASSNOTAVAILABLE;
    }
    return FactoryQI(&Factory, riid, out);
}

HRESULT WINAPI DllCanUnloadNow(void)
{
    return Objects == 0 && Locks == 0 ? S_OK : S_FALSE;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
