/* SAFEARRAYs: a descriptor (cDims bounds, stored rightmost dimension first, with the element
 * type in the four bytes before it: FADF_HAVEVARTYPE) and the data, the leftmost index varying
 * fastest. Create/CreateVector/Destroy, the descriptor and data halves (Alloc/Destroy
 * Descriptor/Data), Lock/Unlock and AccessData/UnaccessData (a locked array cannot be
 * destroyed: DISP_E_ARRAYISLOCKED), Get/PutElement (BSTRs, VARIANTs and interfaces copied as
 * their owners expect), PtrOfIndex, the bounds (DISP_E_BADINDEX outside them), GetDim,
 * GetElemsize, GetVarType and Copy. */
#include "oleaut.h"

#define HEADER 16                                       /* room before the descriptor: the VARTYPE */

static ULONG ElementSize(VARTYPE vt)
{
    switch (vt) {
    case VT_I1: case VT_UI1: return 1;
    case VT_I2: case VT_UI2: case VT_BOOL: return 2;
    case VT_I4: case VT_UI4: case VT_R4: case VT_INT: case VT_UINT: case VT_ERROR: return 4;
    case VT_R8: case VT_CY: case VT_DATE: case VT_I8: case VT_UI8: return 8;
    case VT_BSTR: case VT_UNKNOWN: case VT_DISPATCH: return sizeof(void *);
    case VT_VARIANT: return sizeof(VARIANT);
    case VT_DECIMAL: return sizeof(DECIMAL);
    default: return 0;
    }
}

static USHORT Features(VARTYPE vt)
{
    switch (vt) {
    case VT_BSTR: return FADF_BSTR | FADF_HAVEVARTYPE;
    case VT_UNKNOWN: return FADF_UNKNOWN | FADF_HAVEVARTYPE;
    case VT_DISPATCH: return FADF_DISPATCH | FADF_HAVEVARTYPE;
    case VT_VARIANT: return FADF_VARIANT | FADF_HAVEVARTYPE;
    default: return FADF_HAVEVARTYPE;
    }
}

static ULONG Cells(const SAFEARRAY *sa)
{
    ULONG n = 1;
    for (USHORT i = 0; i < sa->cDims; i++)
        n *= sa->rgsabound[i].cElements;
    return n;
}

OAAPI HRESULT WINAPI SafeArrayAllocDescriptor(UINT dims, SAFEARRAY **out)
{
    if (out == NULL)
        return E_POINTER;
    *out = NULL;
    if (dims == 0 || dims > 65535)
        return E_INVALIDARG;
    BYTE *block = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY,
                            HEADER + sizeof(SAFEARRAY) + (dims - 1) * sizeof(SAFEARRAYBOUND));
    if (block == NULL)
        return E_OUTOFMEMORY;
    *out = (SAFEARRAY *)(block + HEADER);
    (*out)->cDims = (USHORT)dims;
    return S_OK;
}

OAAPI HRESULT WINAPI SafeArrayAllocData(SAFEARRAY *sa)
{
    if (sa == NULL)
        return E_INVALIDARG;
    sa->pvData = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, (SIZE_T)Cells(sa) * sa->cbElements + 1);
    return sa->pvData ? S_OK : E_OUTOFMEMORY;
}

OAAPI HRESULT WINAPI SafeArrayGetVartype(SAFEARRAY *sa, VARTYPE *vt)
{
    if (sa == NULL || vt == NULL)
        return E_INVALIDARG;
    if (sa->fFeatures & FADF_HAVEVARTYPE)
        *vt = (VARTYPE)((DWORD *)sa)[-1];
    else if (sa->fFeatures & FADF_BSTR)
        *vt = VT_BSTR;
    else if (sa->fFeatures & FADF_UNKNOWN)
        *vt = VT_UNKNOWN;
    else if (sa->fFeatures & FADF_DISPATCH)
        *vt = VT_DISPATCH;
    else if (sa->fFeatures & FADF_VARIANT)
        *vt = VT_VARIANT;
    else {
        *vt = VT_EMPTY;
        return E_INVALIDARG;
    }
    return S_OK;
}

OAAPI SAFEARRAY *WINAPI SafeArrayCreate(VARTYPE vt, UINT dims, SAFEARRAYBOUND *bounds)
{
    ULONG size = ElementSize(vt);
    SAFEARRAY *sa;
    if (bounds == NULL || size == 0 || FAILED(SafeArrayAllocDescriptor(dims, &sa)))
        return NULL;
    ((DWORD *)sa)[-1] = vt;
    sa->fFeatures = Features(vt);
    sa->cbElements = size;
    for (UINT i = 0; i < dims; i++)                     /* stored rightmost first */
        sa->rgsabound[i] = bounds[dims - 1 - i];
    if (FAILED(SafeArrayAllocData(sa))) {
        SafeArrayDestroyDescriptor(sa);
        return NULL;
    }
    return sa;
}

OAAPI SAFEARRAY *WINAPI SafeArrayCreateVector(VARTYPE vt, LONG lower, ULONG count)
{
    SAFEARRAYBOUND bound = {count, lower};
    return SafeArrayCreate(vt, 1, &bound);
}

OAAPI HRESULT WINAPI SafeArrayLock(SAFEARRAY *sa)
{
    if (sa == NULL)
        return E_INVALIDARG;
    if (InterlockedIncrement((LONG *)&sa->cLocks) > 0xFFFF) {
        InterlockedDecrement((LONG *)&sa->cLocks);
        return E_UNEXPECTED;
    }
    return S_OK;
}

OAAPI HRESULT WINAPI SafeArrayUnlock(SAFEARRAY *sa)
{
    if (sa == NULL)
        return E_INVALIDARG;
    if ((LONG)InterlockedDecrement((LONG *)&sa->cLocks) < 0) {
        InterlockedIncrement((LONG *)&sa->cLocks);
        return E_UNEXPECTED;
    }
    return S_OK;
}

OAAPI HRESULT WINAPI SafeArrayAccessData(SAFEARRAY *sa, void **data)
{
    if (sa == NULL || data == NULL)
        return E_INVALIDARG;
    HRESULT hr = SafeArrayLock(sa);
    *data = SUCCEEDED(hr) ? sa->pvData : NULL;
    return hr;
}

OAAPI HRESULT WINAPI SafeArrayUnaccessData(SAFEARRAY *sa)
{
    return SafeArrayUnlock(sa);
}

/* Release what the cells own: BSTRs, interface references, VARIANTs' values. */
static void ClearCells(SAFEARRAY *sa)
{
    ULONG n = Cells(sa);
    BYTE *cell = sa->pvData;
    for (ULONG i = 0; cell && i < n; i++, cell += sa->cbElements) {
        if (sa->fFeatures & FADF_BSTR)
            SysFreeString(*(BSTR *)cell), *(BSTR *)cell = NULL;
        else if ((sa->fFeatures & (FADF_UNKNOWN | FADF_DISPATCH)) && *(IUnknown **)cell)
            IUnknown_Release(*(IUnknown **)cell), *(IUnknown **)cell = NULL;
        else if (sa->fFeatures & FADF_VARIANT)
            VariantClear((VARIANT *)cell);
    }
}

OAAPI HRESULT WINAPI SafeArrayDestroyData(SAFEARRAY *sa)
{
    if (sa == NULL)
        return E_INVALIDARG;
    if (sa->cLocks)
        return DISP_E_ARRAYISLOCKED;
    ClearCells(sa);
    if (!(sa->fFeatures & (FADF_STATIC | FADF_EMBEDDED | FADF_AUTO)) && sa->pvData) {
        HeapFree(GetProcessHeap(), 0, sa->pvData);
        sa->pvData = NULL;
    }
    return S_OK;
}

OAAPI HRESULT WINAPI SafeArrayDestroyDescriptor(SAFEARRAY *sa)
{
    if (sa == NULL)
        return E_INVALIDARG;
    if (sa->cLocks)
        return DISP_E_ARRAYISLOCKED;
    HeapFree(GetProcessHeap(), 0, (BYTE *)sa - HEADER);
    return S_OK;
}

OAAPI HRESULT WINAPI SafeArrayDestroy(SAFEARRAY *sa)
{
    if (sa == NULL)
        return S_OK;
    if (sa->cLocks)
        return DISP_E_ARRAYISLOCKED;
    HRESULT hr = SafeArrayDestroyData(sa);
    return SUCCEEDED(hr) ? SafeArrayDestroyDescriptor(sa) : hr;
}

OAAPI UINT WINAPI SafeArrayGetDim(SAFEARRAY *sa)
{
    return sa ? sa->cDims : 0;
}

OAAPI UINT WINAPI SafeArrayGetElemsize(SAFEARRAY *sa)
{
    return sa ? sa->cbElements : 0;
}

static HRESULT Bound(SAFEARRAY *sa, UINT dim, SAFEARRAYBOUND **b)
{
    if (sa == NULL)
        return E_INVALIDARG;
    if (dim == 0 || dim > sa->cDims)
        return DISP_E_BADINDEX;
    *b = &sa->rgsabound[sa->cDims - dim];
    return S_OK;
}

OAAPI HRESULT WINAPI SafeArrayGetLBound(SAFEARRAY *sa, UINT dim, LONG *out)
{
    SAFEARRAYBOUND *b;
    HRESULT hr = out ? Bound(sa, dim, &b) : E_INVALIDARG;
    if (SUCCEEDED(hr))
        *out = b->lLbound;
    return hr;
}

OAAPI HRESULT WINAPI SafeArrayGetUBound(SAFEARRAY *sa, UINT dim, LONG *out)
{
    SAFEARRAYBOUND *b;
    HRESULT hr = out ? Bound(sa, dim, &b) : E_INVALIDARG;
    if (SUCCEEDED(hr))
        *out = b->lLbound + (LONG)b->cElements - 1;
    return hr;
}

OAAPI HRESULT WINAPI SafeArrayPtrOfIndex(SAFEARRAY *sa, LONG *indices, void **out)
{
    if (sa == NULL || indices == NULL || out == NULL)
        return E_INVALIDARG;
    ULONG offset = 0, stride = 1;
    for (USHORT d = 0; d < sa->cDims; d++) {           /* indices[0] is the leftmost dimension */
        const SAFEARRAYBOUND *b = &sa->rgsabound[sa->cDims - 1 - d];
        LONG i = indices[d] - b->lLbound;
        if (i < 0 || (ULONG)i >= b->cElements)
            return DISP_E_BADINDEX;
        offset += (ULONG)i * stride;
        stride *= b->cElements;
    }
    *out = (BYTE *)sa->pvData + (SIZE_T)offset * sa->cbElements;
    return S_OK;
}

OAAPI HRESULT WINAPI SafeArrayGetElement(SAFEARRAY *sa, LONG *indices, void *out)
{
    void *cell;
    if (out == NULL)
        return E_INVALIDARG;
    HRESULT hr = SafeArrayPtrOfIndex(sa, indices, &cell);
    if (FAILED(hr) || FAILED(hr = SafeArrayLock(sa)))
        return hr;
    if (sa->fFeatures & FADF_BSTR) {
        BSTR s = *(BSTR *)cell;
        *(BSTR *)out = s ? SysAllocStringByteLen((LPCSTR)s, SysStringByteLen(s)) : NULL;
        if (s && *(BSTR *)out == NULL)
            hr = E_OUTOFMEMORY;
    } else if (sa->fFeatures & FADF_VARIANT) {
        VariantInit(out);
        hr = VariantCopy(out, cell);
    } else {
        for (ULONG i = 0; i < sa->cbElements; i++)
            ((BYTE *)out)[i] = ((BYTE *)cell)[i];
        if ((sa->fFeatures & (FADF_UNKNOWN | FADF_DISPATCH)) && *(IUnknown **)out)
            IUnknown_AddRef(*(IUnknown **)out);
    }
    SafeArrayUnlock(sa);
    return hr;
}

OAAPI HRESULT WINAPI SafeArrayPutElement(SAFEARRAY *sa, LONG *indices, void *value)
{
    void *cell;
    HRESULT hr = SafeArrayPtrOfIndex(sa, indices, &cell);
    if (FAILED(hr) || FAILED(hr = SafeArrayLock(sa)))
        return hr;
    if (sa->fFeatures & FADF_BSTR) {
        BSTR s = value;                                 /* the BSTR itself, not its address */
        BSTR copy = s ? SysAllocStringByteLen((LPCSTR)s, SysStringByteLen(s)) : NULL;
        if (s && copy == NULL)
            hr = E_OUTOFMEMORY;
        else {
            SysFreeString(*(BSTR *)cell);
            *(BSTR *)cell = copy;
        }
    } else if (sa->fFeatures & FADF_VARIANT) {
        hr = VariantCopy(cell, value);
    } else if (sa->fFeatures & (FADF_UNKNOWN | FADF_DISPATCH)) {
        IUnknown *u = value;                            /* the interface pointer itself */
        if (u)
            IUnknown_AddRef(u);
        if (*(IUnknown **)cell)
            IUnknown_Release(*(IUnknown **)cell);
        *(IUnknown **)cell = u;
    } else if (value == NULL) {
        hr = E_INVALIDARG;
    } else {
        for (ULONG i = 0; i < sa->cbElements; i++)
            ((BYTE *)cell)[i] = ((BYTE *)value)[i];
    }
    SafeArrayUnlock(sa);
    return hr;
}

OAAPI HRESULT WINAPI SafeArrayCopyData(SAFEARRAY *src, SAFEARRAY *dst)
{
    if (src == NULL || dst == NULL || src->cDims != dst->cDims || src->cbElements != dst->cbElements
        || Cells(src) != Cells(dst))
        return E_INVALIDARG;
    ClearCells(dst);
    ULONG n = Cells(src);
    BYTE *from = src->pvData, *to = dst->pvData;
    for (ULONG i = 0; i < n; i++, from += src->cbElements, to += src->cbElements) {
        if (src->fFeatures & FADF_BSTR) {
            BSTR s = *(BSTR *)from;
            *(BSTR *)to = s ? SysAllocStringByteLen((LPCSTR)s, SysStringByteLen(s)) : NULL;
        } else if (src->fFeatures & FADF_VARIANT) {
            VariantInit((VARIANT *)to);
            VariantCopy((VARIANT *)to, (VARIANT *)from);
        } else {
            for (ULONG b = 0; b < src->cbElements; b++)
                to[b] = from[b];
            if ((src->fFeatures & (FADF_UNKNOWN | FADF_DISPATCH)) && *(IUnknown **)to)
                IUnknown_AddRef(*(IUnknown **)to);
        }
    }
    return S_OK;
}

OAAPI HRESULT WINAPI SafeArrayCopy(SAFEARRAY *src, SAFEARRAY **out)
{
    if (out == NULL)
        return E_INVALIDARG;
    *out = NULL;
    if (src == NULL)
        return S_OK;
    SAFEARRAY *sa;
    HRESULT hr = SafeArrayAllocDescriptor(src->cDims, &sa);
    if (FAILED(hr))
        return hr;
    ((DWORD *)sa)[-1] = ((DWORD *)src)[-1];
    sa->fFeatures = src->fFeatures & ~(FADF_AUTO | FADF_STATIC | FADF_EMBEDDED | FADF_FIXEDSIZE);
    sa->cbElements = src->cbElements;
    for (USHORT i = 0; i < src->cDims; i++)
        sa->rgsabound[i] = src->rgsabound[i];
    if (FAILED(hr = SafeArrayAllocData(sa)) || FAILED(hr = SafeArrayCopyData(src, sa))) {
        SafeArrayDestroy(sa);
        return hr;
    }
    *out = sa;
    return S_OK;
}

OAAPI HRESULT WINAPI SafeArrayRedim(SAFEARRAY *sa, SAFEARRAYBOUND *bound)
{
    /* Only the last dimension (the slowest-varying, stored first) changes: the data keeps its order. */
    if (sa == NULL || bound == NULL)
        return E_INVALIDARG;
    if (sa->cLocks)
        return DISP_E_ARRAYISLOCKED;
    ULONG others = sa->rgsabound[0].cElements ? Cells(sa) / sa->rgsabound[0].cElements : 0;
    if (sa->rgsabound[0].cElements == 0) {
        others = 1;
        for (USHORT i = 1; i < sa->cDims; i++)
            others *= sa->rgsabound[i].cElements;
    }
    ULONG old_cells = Cells(sa), new_cells = others * bound->cElements;
    if (new_cells < old_cells) {                        /* the cells dropped release what they own */
        SAFEARRAY tail = *sa;
        tail.cDims = 1;
        tail.rgsabound[0].cElements = old_cells - new_cells;
        tail.pvData = (BYTE *)sa->pvData + (SIZE_T)new_cells * sa->cbElements;
        ClearCells(&tail);
    }
    BYTE *data = HeapReAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sa->pvData, (SIZE_T)new_cells * sa->cbElements + 1);
    if (data == NULL)
        return E_OUTOFMEMORY;
    sa->pvData = data;
    sa->rgsabound[0] = *bound;
    return S_OK;
}
