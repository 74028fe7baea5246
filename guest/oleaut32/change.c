/* VariantChangeType(Ex): a VARIANT converted to another type, by way of its value: integers stay
 * exact, reals round half to even into integer types (DISP_E_OVERFLOW outside their range),
 * VT_BOOL is -1 or 0 (any non-zero value is true), VT_CY is scaled by 10000, a VT_BSTR is parsed
 * as a number (or "True"/"False" for VT_BOOL) and written as Windows writes numbers (15
 * significant digits for VT_R8, 7 for VT_R4; a VT_BOOL as "-1"/"0", or "True"/"False" with
 * VARIANT_ALPHABOOL; a VT_DATE by VarBstrFromDate, read back by OapParseDate). VT_EMPTY is 0 or "";
 * VT_NULL converts to nothing but itself; interfaces give DISP_E_TYPEMISMATCH (no IDispatch value
 * property is read). */
#include "oleaut.h"

#define DATE_MIN -657434.0
#define DATE_MAX 2958465.99999999

typedef struct { BOOL IsInt; LONGLONG Int; double Real; } NUMBER;

static HRESULT SourceNumber(const VARIANT *v, VARTYPE to, NUMBER *n)
{
    n->IsInt = TRUE;
    n->Int = 0;
    switch (V_VT(v)) {
    case VT_EMPTY: break;
    case VT_I1: n->Int = V_I1(v); break;
    case VT_UI1: n->Int = V_UI1(v); break;
    case VT_I2: n->Int = V_I2(v); break;
    case VT_UI2: n->Int = V_UI2(v); break;
    case VT_I4: case VT_INT: n->Int = V_I4(v); break;
    case VT_UI4: case VT_UINT: n->Int = V_UI4(v); break;
    case VT_I8: n->Int = V_I8(v); break;
    case VT_UI8: n->Int = (LONGLONG)V_UI8(v); break;
    case VT_BOOL: n->Int = V_BOOL(v) ? -1 : 0; break;
    case VT_ERROR: n->Int = V_ERROR(v); break;
    case VT_R4: n->IsInt = FALSE; n->Real = V_R4(v); break;
    case VT_R8: n->IsInt = FALSE; n->Real = V_R8(v); break;
    case VT_DATE: n->IsInt = FALSE; n->Real = V_DATE(v); break;
    case VT_CY: n->IsInt = FALSE; n->Real = (double)V_CY(v).int64 / 10000.0; break;
    case VT_BSTR: {
        const OLECHAR *s = V_BSTR(v) ? V_BSTR(v) : L"";
        if (to == VT_BOOL && (CompareStringOrdinal(s, -1, L"True", -1, TRUE) == CSTR_EQUAL
                              || CompareStringOrdinal(s, -1, L"False", -1, TRUE) == CSTR_EQUAL)) {
            n->Int = (s[0] == L'T' || s[0] == L't') ? -1 : 0;
            break;
        }
        n->IsInt = FALSE;
        if (to == VT_DATE && OapParseNumber(s, &n->Real) != S_OK)
            return OapParseDate(s, &n->Real);          /* a number is a DATE too */
        return OapParseNumber(s, &n->Real);
    }
    default:
        return DISP_E_TYPEMISMATCH;
    }
    if (n->IsInt)
        n->Real = (double)n->Int;
    return S_OK;
}

static HRESULT ToInteger(const NUMBER *n, LONGLONG lo, LONGLONG hi, LONGLONG *out)
{
    if (n->IsInt) {
        if (n->Int < lo || n->Int > hi)
            return DISP_E_OVERFLOW;
        *out = n->Int;
        return S_OK;
    }
    return OapRoundToInt(n->Real, (double)lo, (double)hi, out);
}

static HRESULT Text(const VARIANT *src, LCID lcid, USHORT flags, BSTR *out)
{
    WCHAR buf[64];
    switch (V_VT(src)) {
    case VT_EMPTY: *out = SysAllocStringLen(L"", 0); return *out ? S_OK : E_OUTOFMEMORY;
    case VT_R4: OapFormatDouble(V_R4(src), 7, buf); break;
    case VT_R8: OapFormatDouble(V_R8(src), 15, buf); break;
    case VT_CY: OapFormatDouble((double)V_CY(src).int64 / 10000.0, 15, buf); break;
    case VT_DATE: return VarBstrFromDate(V_DATE(src), lcid, 0, out);
    case VT_BOOL:
        lstrcpyW(buf, (flags & VARIANT_ALPHABOOL) ? (V_BOOL(src) ? L"True" : L"False") : (V_BOOL(src) ? L"-1" : L"0"));
        break;
    default: {
        NUMBER n;
        HRESULT hr = SourceNumber(src, VT_BSTR, &n);
        if (FAILED(hr))
            return hr;
        ULONGLONG u = V_VT(src) == VT_UI8 ? V_UI8(src) : (ULONGLONG)(n.Int < 0 ? -n.Int : n.Int);
        WCHAR digits[24];
        int k = 0, at = 0;
        do { digits[k++] = (WCHAR)(L'0' + u % 10); u /= 10; } while (u);
        if (n.Int < 0 && V_VT(src) != VT_UI8)
            buf[at++] = L'-';
        while (k)
            buf[at++] = digits[--k];
        buf[at] = 0;
    }
    }
    *out = SysAllocString(buf);
    return *out ? S_OK : E_OUTOFMEMORY;
}

static HRESULT Convert(VARIANT *result, const VARIANT *src, LCID lcid, USHORT flags, VARTYPE vt)
{
    V_VT(result) = vt;
    if (vt == VT_EMPTY) return S_OK;
    if (V_VT(src) == VT_NULL) return vt == VT_NULL ? S_OK : DISP_E_TYPEMISMATCH;
    if (vt == VT_NULL) return DISP_E_TYPEMISMATCH;
    if (vt == VT_BSTR) return Text(src, lcid, flags, &V_BSTR(result));
    NUMBER n;
    HRESULT hr = SourceNumber(src, vt, &n);
    if (FAILED(hr))
        return hr;
    LONGLONG i = 0;
    if (V_VT(src) == VT_BOOL && n.Int == -1)             /* true is all bits set in unsigned types */
        n.Int = vt == VT_UI1 ? 0xFF : vt == VT_UI2 ? 0xFFFF : (vt == VT_UI4 || vt == VT_UINT) ? 0xFFFFFFFFLL : -1;
    switch (vt) {
    case VT_I1: hr = ToInteger(&n, -128, 127, &i); V_I1(result) = (CHAR)i; break;
    case VT_UI1: hr = ToInteger(&n, 0, 255, &i); V_UI1(result) = (BYTE)i; break;
    case VT_I2: hr = ToInteger(&n, -32768, 32767, &i); V_I2(result) = (SHORT)i; break;
    case VT_UI2: hr = ToInteger(&n, 0, 65535, &i); V_UI2(result) = (USHORT)i; break;
    case VT_I4: case VT_INT: hr = ToInteger(&n, -2147483647 - 1, 2147483647, &i); V_I4(result) = (LONG)i; break;
    case VT_UI4: case VT_UINT: hr = ToInteger(&n, 0, 4294967295LL, &i); V_UI4(result) = (ULONG)i; break;
    case VT_I8: hr = ToInteger(&n, (-9223372036854775807LL - 1), 9223372036854775807LL, &i); V_I8(result) = i; break;
    case VT_UI8: hr = ToInteger(&n, 0, 9223372036854775807LL, &i); V_UI8(result) = (ULONGLONG)i; break;
    case VT_R4:
        if (n.Real > 3.402823466e38 || n.Real < -3.402823466e38) return DISP_E_OVERFLOW;
        V_R4(result) = (float)n.Real;
        break;
    case VT_R8: V_R8(result) = n.Real; break;
    case VT_DATE:
        if (!(n.Real >= DATE_MIN && n.Real <= DATE_MAX)) return DISP_E_OVERFLOW;
        V_DATE(result) = n.Real;
        break;
    case VT_CY:
        if (n.IsInt) {
            if (n.Int > 922337203685477LL || n.Int < -922337203685477LL) return DISP_E_OVERFLOW;
            V_CY(result).int64 = n.Int * 10000;
        } else {
            hr = OapRoundToInt(n.Real * 10000.0, -9.2233720368547e18, 9.2233720368547e18, &i);
            V_CY(result).int64 = i;
        }
        break;
    case VT_BOOL: V_BOOL(result) = (n.IsInt ? n.Int != 0 : n.Real != 0) ? VARIANT_TRUE : VARIANT_FALSE; break;
    case VT_ERROR:
        if (V_VT(src) != VT_ERROR) return DISP_E_TYPEMISMATCH;
        V_ERROR(result) = V_ERROR(src);
        break;
    default:
        return DISP_E_TYPEMISMATCH;
    }
    return hr;
}

OAAPI HRESULT WINAPI VariantChangeTypeEx(VARIANTARG *dst, VARIANTARG *src, LCID lcid, USHORT flags, VARTYPE vt)
{
    if (dst == NULL || src == NULL)
        return E_INVALIDARG;
    if ((vt & ~VT_TYPEMASK) || vt == VT_VARIANT || (vt > VT_UINT && vt != VT_RECORD) || vt == 15)
        return DISP_E_BADVARTYPE;
    /* Step 1: the value itself when src holds a reference. */
    VARIANT value;
    VariantInit(&value);
    HRESULT hr = VariantCopyInd(&value, src);
    if (FAILED(hr))
        return hr;
    VARIANT result;
    if (V_VT(&value) == vt) {
        VariantInit(&result);
        hr = VariantCopy(&result, &value);
    } else {
        hr = Convert(&result, &value, lcid, flags, vt);
    }
    VariantClear(&value);
    if (FAILED(hr))
        return hr;
    /* Step 2: dst takes the result (dst may be src). */
    hr = VariantClear(dst);
    if (FAILED(hr)) {
        VariantClear(&result);
        return hr;
    }
    *dst = result;
    return S_OK;
}

OAAPI HRESULT WINAPI VariantChangeType(VARIANTARG *dst, VARIANTARG *src, USHORT flags, VARTYPE vt)
{
    return VariantChangeTypeEx(dst, src, LOCALE_USER_DEFAULT, flags, vt);
}
