/* PROPVARIANTs: PropVariantClear frees what the value owns (CoTaskMem strings, CLSIDs and blobs,
 * BSTRs through oleaut32, interface references) and leaves VT_EMPTY; PropVariantCopy makes a deep
 * copy of the same types. A type outside them is STG_E_INVALIDPARAMETER. CoFileTimeNow is the
 * current UTC time as a FILETIME. */
#include "olep.h"

/* oleaut32's BSTR calls, found when a BSTR is first met. */
static FARPROC OleAut32(const char *name)
{
    HMODULE dll = LoadLibraryW(L"oleaut32.dll");
    return dll ? GetProcAddress(dll, name) : NULL;
}

static BOOL Scalar(VARTYPE vt)
{
    switch (vt) {
    case VT_EMPTY: case VT_NULL: case VT_I1: case VT_UI1: case VT_I2: case VT_UI2: case VT_I4: case VT_UI4:
    case VT_INT: case VT_UINT: case VT_I8: case VT_UI8: case VT_R4: case VT_R8: case VT_CY: case VT_DATE:
    case VT_BOOL: case VT_ERROR: case VT_FILETIME:
        return TRUE;
    default:
        return FALSE;
    }
}

OLEAPI_ HRESULT WINAPI PropVariantClear(PROPVARIANT *pv)
{
    if (pv == NULL)
        return S_OK;
    switch (pv->vt) {
    case VT_LPSTR: case VT_LPWSTR: case VT_CLSID:
        CoTaskMemFree(pv->pszVal);
        break;
    case VT_BLOB: case VT_BLOB_OBJECT:
        CoTaskMemFree(pv->blob.pBlobData);
        break;
    case VT_BSTR: {
        void (WINAPI *free_bstr)(BSTR) = (void (WINAPI *)(BSTR))OleAut32("SysFreeString");
        if (free_bstr)
            free_bstr(pv->bstrVal);
        break;
    }
    case VT_UNKNOWN: case VT_DISPATCH: case VT_STREAM: case VT_STORAGE:
        if (pv->punkVal)
            IUnknown_Release(pv->punkVal);
        break;
    default:
        if (!Scalar(pv->vt))
            return STG_E_INVALIDPARAMETER;
    }
    for (SIZE_T i = 0; i < sizeof(*pv); i++)
        ((BYTE *)pv)[i] = 0;                            /* VT_EMPTY */
    return S_OK;
}

static void *Duplicate(const void *p, SIZE_T bytes)
{
    void *c = CoTaskMemAlloc(bytes);
    if (c)
        for (SIZE_T i = 0; i < bytes; i++)
            ((BYTE *)c)[i] = ((const BYTE *)p)[i];
    return c;
}

OLEAPI_ HRESULT WINAPI PropVariantCopy(PROPVARIANT *dst, const PROPVARIANT *src)
{
    if (dst == NULL || src == NULL)
        return E_INVALIDARG;
    PROPVARIANT copy = *src;
    SIZE_T n = 0;
    switch (src->vt) {
    case VT_LPSTR:
        if (src->pszVal) {
            while (src->pszVal[n])
                n++;
            if (!(copy.pszVal = Duplicate(src->pszVal, n + 1)))
                return E_OUTOFMEMORY;
        }
        break;
    case VT_LPWSTR:
        if (src->pwszVal) {
            while (src->pwszVal[n])
                n++;
            if (!(copy.pwszVal = Duplicate(src->pwszVal, (n + 1) * sizeof(WCHAR))))
                return E_OUTOFMEMORY;
        }
        break;
    case VT_CLSID:
        if (src->puuid && !(copy.puuid = Duplicate(src->puuid, sizeof(CLSID))))
            return E_OUTOFMEMORY;
        break;
    case VT_BLOB: case VT_BLOB_OBJECT:
        if (src->blob.pBlobData && !(copy.blob.pBlobData = Duplicate(src->blob.pBlobData, src->blob.cbSize)))
            return E_OUTOFMEMORY;
        break;
    case VT_BSTR: {
        UINT (WINAPI *len)(BSTR) = (UINT (WINAPI *)(BSTR))OleAut32("SysStringByteLen");
        BSTR (WINAPI *alloc)(LPCSTR, UINT) = (BSTR (WINAPI *)(LPCSTR, UINT))OleAut32("SysAllocStringByteLen");
        if (src->bstrVal && (!len || !alloc || !(copy.bstrVal = alloc((LPCSTR)src->bstrVal, len(src->bstrVal)))))
            return E_OUTOFMEMORY;
        break;
    }
    case VT_UNKNOWN: case VT_DISPATCH: case VT_STREAM: case VT_STORAGE:
        if (src->punkVal)
            IUnknown_AddRef(src->punkVal);
        break;
    default:
        if (!Scalar(src->vt))
            return STG_E_INVALIDPARAMETER;
    }
    *dst = copy;
    return S_OK;
}

OLEAPI_ HRESULT WINAPI CoFileTimeNow(FILETIME *now)
{
    if (now == NULL)
        return E_INVALIDARG;
    GetSystemTimeAsFileTime(now);
    return S_OK;
}
