/* VARIANTs: VariantInit (VT_EMPTY), VariantClear (frees what the value owns: a BSTR, an interface
 * reference, a SAFEARRAY; a VT_BYREF value owns nothing; an unknown type is DISP_E_BADVARTYPE)
 * and VariantCopy / VariantCopyInd (deep copies; Ind copies what a VT_BYREF points to). */
#include "oleaut.h"

/* Is vt a type a VARIANT may hold (VT_VARIANT only by reference, VT_EMPTY and VT_NULL not in arrays)? */
static BOOL ValidType(VARTYPE vt)
{
    VARTYPE base = vt & VT_TYPEMASK, extra = vt & ~VT_TYPEMASK;
    if (extra & ~(VT_ARRAY | VT_BYREF))
        return FALSE;
    if (base == VT_RECORD)
        return TRUE;
    if (base > VT_UINT || base == 15)
        return FALSE;
    if (base == VT_VARIANT)
        return extra != 0;
    if (base == VT_EMPTY || base == VT_NULL)
        return extra == 0;
    return TRUE;
}

OAAPI void WINAPI VariantInit(VARIANTARG *v)
{
    V_VT(v) = VT_EMPTY;
}

OAAPI HRESULT WINAPI VariantClear(VARIANTARG *v)
{
    if (v == NULL)
        return E_INVALIDARG;
    if (!ValidType(V_VT(v)))
        return DISP_E_BADVARTYPE;
    if (V_VT(v) & VT_ARRAY) {
        if (!(V_VT(v) & VT_BYREF)) {
            HRESULT hr = SafeArrayDestroy(V_ARRAY(v));
            if (FAILED(hr))
                return hr;
        }
    } else if (V_VT(v) == VT_BSTR) {
        SysFreeString(V_BSTR(v));
    } else if ((V_VT(v) == VT_UNKNOWN || V_VT(v) == VT_DISPATCH) && V_UNKNOWN(v)) {
        IUnknown_Release(V_UNKNOWN(v));
    }
    V_VT(v) = VT_EMPTY;
    return S_OK;
}

/* A copy of src's value into dst (which holds nothing). */
static HRESULT CopyValue(VARIANTARG *dst, const VARIANTARG *src)
{
    *dst = *src;
    if (V_VT(src) & VT_BYREF)
        return S_OK;
    if (V_VT(src) & VT_ARRAY)
        return V_ARRAY(src) ? SafeArrayCopy(V_ARRAY(src), &V_ARRAY(dst)) : S_OK;
    if (V_VT(src) == VT_BSTR && V_BSTR(src)) {
        V_BSTR(dst) = SysAllocStringByteLen((LPCSTR)V_BSTR(src), SysStringByteLen(V_BSTR(src)));
        return V_BSTR(dst) ? S_OK : E_OUTOFMEMORY;
    }
    if ((V_VT(src) == VT_UNKNOWN || V_VT(src) == VT_DISPATCH) && V_UNKNOWN(src))
        IUnknown_AddRef(V_UNKNOWN(src));
    return S_OK;
}

OAAPI HRESULT WINAPI VariantCopy(VARIANTARG *dst, VARIANTARG *src)
{
    if (dst == NULL || src == NULL)
        return E_INVALIDARG;
    if (!ValidType(V_VT(src)))
        return DISP_E_BADVARTYPE;
    if (dst == src)
        return S_OK;
    HRESULT hr = VariantClear(dst);
    if (FAILED(hr))
        return hr;
    VARIANTARG copy;
    hr = CopyValue(&copy, src);
    if (FAILED(hr)) {
        V_VT(dst) = VT_EMPTY;
        return hr;
    }
    *dst = copy;
    return S_OK;
}

OAAPI HRESULT WINAPI VariantCopyInd(VARIANT *dst, VARIANTARG *src)
{
    if (dst == NULL || src == NULL)
        return E_INVALIDARG;
    if (!(V_VT(src) & VT_BYREF))
        return VariantCopy(dst, src);
    if (!ValidType(V_VT(src)))
        return DISP_E_BADVARTYPE;
    /* Step 1: the value the reference points to, as a by-value VARIANT. */
    VARIANTARG value;
    VARTYPE vt = V_VT(src) & ~VT_BYREF;
    if (vt == VT_VARIANT)
        return VariantCopyInd(dst, V_VARIANTREF(src));
    V_VT(&value) = vt;
    const BYTE *from = V_BYREF(src);
    SIZE_T size = (vt & VT_ARRAY) ? sizeof(SAFEARRAY *) : vt == VT_DECIMAL ? sizeof(DECIMAL)
                : (vt == VT_I1 || vt == VT_UI1) ? 1 : (vt == VT_I2 || vt == VT_UI2 || vt == VT_BOOL) ? 2
                : (vt == VT_I4 || vt == VT_UI4 || vt == VT_R4 || vt == VT_INT || vt == VT_UINT || vt == VT_ERROR) ? 4 : 8;
    BYTE *to = vt == VT_DECIMAL ? (BYTE *)&value : (BYTE *)&V_UI1(&value);
    if (vt == VT_DECIMAL) {
        for (SIZE_T i = 0; i < size; i++)
            to[i] = from[i];
        V_VT(&value) = VT_DECIMAL;
    } else {
        for (SIZE_T i = 0; i < size; i++)
            to[i] = from[i];
    }
    VARIANTARG copy;
    HRESULT hr = CopyValue(&copy, &value);
    if (FAILED(hr))
        return hr;
    if (dst != src && FAILED(hr = VariantClear(dst))) {
        VariantClear(&copy);
        return hr;
    }
    *dst = copy;
    return S_OK;
}
