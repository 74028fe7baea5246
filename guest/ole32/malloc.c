/* The task allocator: CoTaskMemAlloc/Realloc/Free over the process heap and the IMalloc
 * CoGetMalloc(MEMCTX_TASK) hands out, one static object for the process (AddRef and Release do
 * not free it). GetSize is the block's size, DidAlloc 1 for a block of the heap, 0 otherwise,
 * -1 for NULL. */
#include "olep.h"

OLEAPI_ LPVOID WINAPI CoTaskMemAlloc(SIZE_T size)
{
    return HeapAlloc(GetProcessHeap(), 0, size ? size : 1);
}

OLEAPI_ LPVOID WINAPI CoTaskMemRealloc(LPVOID p, SIZE_T size)
{
    if (p == NULL)
        return CoTaskMemAlloc(size);
    if (size == 0) {
        HeapFree(GetProcessHeap(), 0, p);
        return NULL;
    }
    return HeapReAlloc(GetProcessHeap(), 0, p, size);
}

OLEAPI_ void WINAPI CoTaskMemFree(LPVOID p)
{
    if (p)
        HeapFree(GetProcessHeap(), 0, p);
}

static HRESULT STDMETHODCALLTYPE MallocQueryInterface(IMalloc *self, REFIID riid, void **out)
{
    if (out == NULL)
        return E_POINTER;
    if (OlepIsEqualGUID(riid, &OleIID_IUnknown) || OlepIsEqualGUID(riid, &OleIID_IMalloc)) {
        *out = self;
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE MallocAddRef(IMalloc *self) { (void)self; return 2; }
static ULONG STDMETHODCALLTYPE MallocRelease(IMalloc *self) { (void)self; return 1; }
static void *STDMETHODCALLTYPE MallocAlloc(IMalloc *self, SIZE_T size) { (void)self; return CoTaskMemAlloc(size); }
static void *STDMETHODCALLTYPE MallocRealloc(IMalloc *self, void *p, SIZE_T size) { (void)self; return CoTaskMemRealloc(p, size); }
static void STDMETHODCALLTYPE MallocFree(IMalloc *self, void *p) { (void)self; CoTaskMemFree(p); }

static SIZE_T STDMETHODCALLTYPE MallocGetSize(IMalloc *self, void *p)
{
    (void)self;
    return p ? HeapSize(GetProcessHeap(), 0, p) : (SIZE_T)-1;
}

static int STDMETHODCALLTYPE MallocDidAlloc(IMalloc *self, void *p)
{
    (void)self;
    if (p == NULL)
        return -1;
    return HeapValidate(GetProcessHeap(), 0, p) ? 1 : 0;
}

/* The process heap gives freed pages back as HeapFree runs: nothing is left to minimise. */
static void STDMETHODCALLTYPE MallocHeapMinimize(IMalloc *self)
{
    (void)self;
}

static IMallocVtbl MallocVtbl = {MallocQueryInterface, MallocAddRef, MallocRelease, MallocAlloc, MallocRealloc,
                                 MallocFree, MallocGetSize, MallocDidAlloc, MallocHeapMinimize};
static IMalloc TaskMalloc = {&MallocVtbl};

OLEAPI_ HRESULT WINAPI CoGetMalloc(DWORD context, LPMALLOC *out)
{
    if (out == NULL)
        return E_POINTER;
    if (context != MEMCTX_TASK) {
        *out = NULL;
        return E_INVALIDARG;
    }
    *out = &TaskMalloc;
    return S_OK;
}
