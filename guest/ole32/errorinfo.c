/* Error objects (oleaut32 forwards these here, as on Windows): CreateErrorInfo makes an object
 * with ICreateErrorInfo to fill and IErrorInfo to read (its strings come back as BSTRs from
 * oleaut32), SetErrorInfo makes one the thread's current error (NULL clears it) and GetErrorInfo
 * hands it over and clears it (S_FALSE and NULL when there is none). */
#define _OLEAUT32_                          /* oleauto.h declares these for oleaut32 */
#include "olep.h"

static const IID IID_IErrorInfo_ = {0x1CF2B120, 0x547D, 0x101B, {0x8E, 0x65, 0x08, 0x00, 0x2B, 0x2B, 0xD1, 0x19}};
static const IID IID_ICreateErrorInfo_ = {0x22F03340, 0x547D, 0x101B, {0x8E, 0x65, 0x08, 0x00, 0x2B, 0x2B, 0xD1, 0x19}};

typedef struct {
    IErrorInfo Error;
    ICreateErrorInfo Create;
    LONG Refs;
    GUID Guid;
    WCHAR *Source, *Description, *HelpFile;
    DWORD HelpContext;
} ERROR_OBJECT;

#define FROM_ERROR(p) ((ERROR_OBJECT *)(p))
#define FROM_CREATE(p) ((ERROR_OBJECT *)((BYTE *)(p) - offsetof(ERROR_OBJECT, Create)))

static DWORD CurrentSlot = TLS_OUT_OF_INDEXES;      /* the thread's current IErrorInfo */

static WCHAR *Copy(const WCHAR *s)
{
    if (s == NULL)
        return NULL;
    SIZE_T n = 0;
    while (s[n])
        n++;
    WCHAR *c = CoTaskMemAlloc((n + 1) * sizeof(WCHAR));
    if (c)
        for (SIZE_T i = 0; i <= n; i++)
            c[i] = s[i];
    return c;
}

static HRESULT AsBstr(const WCHAR *s, BSTR *out)
{
    if (out == NULL)
        return E_INVALIDARG;
    static BSTR (WINAPI *alloc)(const OLECHAR *);
    if (alloc == NULL) {
        HMODULE dll = LoadLibraryW(L"oleaut32.dll");
        alloc = dll ? (BSTR (WINAPI *)(const OLECHAR *))GetProcAddress(dll, "SysAllocString") : NULL;
    }
    *out = s && alloc ? alloc(s) : NULL;
    return s && *out == NULL ? E_OUTOFMEMORY : S_OK;
}

static HRESULT Query(ERROR_OBJECT *e, REFIID riid, void **out)
{
    if (out == NULL)
        return E_POINTER;
    if (OlepIsEqualGUID(riid, &OleIID_IUnknown) || OlepIsEqualGUID(riid, &IID_IErrorInfo_))
        *out = &e->Error;
    else if (OlepIsEqualGUID(riid, &IID_ICreateErrorInfo_))
        *out = &e->Create;
    else {
        *out = NULL;
        return E_NOINTERFACE;
    }
    InterlockedIncrement(&e->Refs);
    return S_OK;
}

static ULONG Drop(ERROR_OBJECT *e)
{
    LONG refs = InterlockedDecrement(&e->Refs);
    if (refs == 0) {
        CoTaskMemFree(e->Source);
        CoTaskMemFree(e->Description);
        CoTaskMemFree(e->HelpFile);
        HeapFree(GetProcessHeap(), 0, e);
    }
    return (ULONG)refs;
}

static HRESULT STDMETHODCALLTYPE EQI(IErrorInfo *s, REFIID r, void **o) { return Query(FROM_ERROR(s), r, o); }
static ULONG STDMETHODCALLTYPE EAddRef(IErrorInfo *s) { return (ULONG)InterlockedIncrement(&FROM_ERROR(s)->Refs); }
static ULONG STDMETHODCALLTYPE ERelease(IErrorInfo *s) { return Drop(FROM_ERROR(s)); }
static HRESULT STDMETHODCALLTYPE GetGUID(IErrorInfo *s, GUID *g)
{
    if (g == NULL)
        return E_INVALIDARG;
    *g = FROM_ERROR(s)->Guid;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE GetSource(IErrorInfo *s, BSTR *o) { return AsBstr(FROM_ERROR(s)->Source, o); }
static HRESULT STDMETHODCALLTYPE GetDescription(IErrorInfo *s, BSTR *o) { return AsBstr(FROM_ERROR(s)->Description, o); }
static HRESULT STDMETHODCALLTYPE GetHelpFile(IErrorInfo *s, BSTR *o) { return AsBstr(FROM_ERROR(s)->HelpFile, o); }
static HRESULT STDMETHODCALLTYPE GetHelpContext(IErrorInfo *s, DWORD *c)
{
    if (c == NULL)
        return E_INVALIDARG;
    *c = FROM_ERROR(s)->HelpContext;
    return S_OK;
}
static IErrorInfoVtbl ErrorVtbl = {EQI, EAddRef, ERelease, GetGUID, GetSource, GetDescription, GetHelpFile,
                                   GetHelpContext};

static HRESULT STDMETHODCALLTYPE CQI(ICreateErrorInfo *s, REFIID r, void **o) { return Query(FROM_CREATE(s), r, o); }
static ULONG STDMETHODCALLTYPE CAddRef(ICreateErrorInfo *s) { return (ULONG)InterlockedIncrement(&FROM_CREATE(s)->Refs); }
static ULONG STDMETHODCALLTYPE CRelease(ICreateErrorInfo *s) { return Drop(FROM_CREATE(s)); }
static HRESULT STDMETHODCALLTYPE SetGUID(ICreateErrorInfo *s, REFGUID g) { FROM_CREATE(s)->Guid = *g; return S_OK; }

static HRESULT Replace(WCHAR **field, const WCHAR *value)
{
    WCHAR *c = Copy(value);
    if (value && c == NULL)
        return E_OUTOFMEMORY;
    CoTaskMemFree(*field);
    *field = c;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE SetSource(ICreateErrorInfo *s, LPOLESTR v) { return Replace(&FROM_CREATE(s)->Source, v); }
static HRESULT STDMETHODCALLTYPE SetDescription(ICreateErrorInfo *s, LPOLESTR v) { return Replace(&FROM_CREATE(s)->Description, v); }
static HRESULT STDMETHODCALLTYPE SetHelpFile(ICreateErrorInfo *s, LPOLESTR v) { return Replace(&FROM_CREATE(s)->HelpFile, v); }
static HRESULT STDMETHODCALLTYPE SetHelpContext(ICreateErrorInfo *s, DWORD c) { FROM_CREATE(s)->HelpContext = c; return S_OK; }
static ICreateErrorInfoVtbl CreateVtbl = {CQI, CAddRef, CRelease, SetGUID, SetSource, SetDescription, SetHelpFile,
                                          SetHelpContext};

OLEAPI_ HRESULT WINAPI CreateErrorInfo(ICreateErrorInfo **out)
{
    if (out == NULL)
        return E_INVALIDARG;
    ERROR_OBJECT *e = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*e));
    *out = NULL;
    if (e == NULL)
        return E_OUTOFMEMORY;
    e->Error.lpVtbl = &ErrorVtbl;
    e->Create.lpVtbl = &CreateVtbl;
    e->Refs = 1;
    *out = &e->Create;
    return S_OK;
}

static BOOL Slot(void)
{
    if (CurrentSlot == TLS_OUT_OF_INDEXES) {
        DWORD slot = TlsAlloc();
        if (InterlockedCompareExchange((LONG *)&CurrentSlot, (LONG)slot, (LONG)TLS_OUT_OF_INDEXES)
            != (LONG)TLS_OUT_OF_INDEXES)
            TlsFree(slot);
    }
    return CurrentSlot != TLS_OUT_OF_INDEXES;
}

OLEAPI_ HRESULT WINAPI SetErrorInfo(ULONG reserved, IErrorInfo *info)
{
    if (reserved)
        return E_INVALIDARG;
    if (!Slot())
        return E_OUTOFMEMORY;
    IErrorInfo *old = TlsGetValue(CurrentSlot);
    if (info)
        IErrorInfo_AddRef(info);
    TlsSetValue(CurrentSlot, info);
    if (old)
        IErrorInfo_Release(old);
    return S_OK;
}

OLEAPI_ HRESULT WINAPI GetErrorInfo(ULONG reserved, IErrorInfo **out)
{
    if (reserved || out == NULL)
        return E_INVALIDARG;
    *out = Slot() ? TlsGetValue(CurrentSlot) : NULL;
    if (*out == NULL)
        return S_FALSE;
    TlsSetValue(CurrentSlot, NULL);                     /* the caller owns the reference now */
    return S_OK;
}
