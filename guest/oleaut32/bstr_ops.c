/* VarBstrCat and VarBstrCmp: a NULL BSTR is the empty string. VarBstrCmp compares as
 * CompareStringW does for the locale and NORM_* flags, answering VARCMP_LT, _EQ or _GT. */
#include "oleaut.h"

OAAPI HRESULT WINAPI VarBstrCat(BSTR left, BSTR right, LPBSTR out)
{
    if (out == NULL)
        return E_INVALIDARG;
    UINT a = SysStringByteLen(left), b = SysStringByteLen(right);
    *out = SysAllocStringByteLen(NULL, a + b);
    if (*out == NULL)
        return E_OUTOFMEMORY;
    BYTE *to = (BYTE *)*out;
    for (UINT i = 0; i < a; i++)
        to[i] = ((BYTE *)left)[i];
    for (UINT i = 0; i < b; i++)
        to[a + i] = ((BYTE *)right)[i];
    return S_OK;
}

OAAPI HRESULT WINAPI VarBstrCmp(BSTR left, BSTR right, LCID lcid, ULONG flags)
{
    UINT a = SysStringLen(left), b = SysStringLen(right);
    if (a == 0 || b == 0)
        return a == b ? VARCMP_EQ : a ? VARCMP_GT : VARCMP_LT;
    int r = CompareStringW(lcid, flags, left, (int)a, right, (int)b);
    if (r == 0)
        return E_INVALIDARG;
    return r == CSTR_LESS_THAN ? VARCMP_LT : r == CSTR_EQUAL ? VARCMP_EQ : VARCMP_GT;
}
