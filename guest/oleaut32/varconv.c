/* The Var<To>From<From> calls programs import one by one: each is VariantChangeTypeEx from one
 * type to another (lcid and dwFlags as given; VAR_* flags beyond these are not read). */
#include "oleaut.h"

static HRESULT To(VARIANT *src, LCID lcid, ULONG flags, VARTYPE vt, VARIANT *out)
{
    VariantInit(out);
    return VariantChangeTypeEx(out, src, lcid, (USHORT)flags, vt);
}

#define FROM_STR(name, vt, field, type)                                                      \
    OAAPI HRESULT WINAPI name(OLECHAR *s, LCID lcid, ULONG flags, type *out)                  \
    {                                                                                         \
        if (s == NULL || out == NULL) return E_INVALIDARG;                                    \
        VARIANT copy, r;                          /* s need not be a BSTR: one is made of it */ \
        V_VT(&copy) = VT_BSTR;                                                                \
        V_BSTR(&copy) = SysAllocString(s);                                                    \
        HRESULT hr = V_BSTR(&copy) ? To(&copy, lcid, flags, vt, &r) : E_OUTOFMEMORY;         \
        VariantClear(&copy);                                                                  \
        if (SUCCEEDED(hr)) *out = field(&r);                                                  \
        return hr;                                                                            \
    }

FROM_STR(VarI2FromStr, VT_I2, V_I2, SHORT)
FROM_STR(VarI4FromStr, VT_I4, V_I4, LONG)
FROM_STR(VarR4FromStr, VT_R4, V_R4, FLOAT)
FROM_STR(VarR8FromStr, VT_R8, V_R8, DOUBLE)
FROM_STR(VarBoolFromStr, VT_BOOL, V_BOOL, VARIANT_BOOL)
FROM_STR(VarUI1FromStr, VT_UI1, V_UI1, BYTE)

#define TO_BSTR(name, type, vt, field)                                                       \
    OAAPI HRESULT WINAPI name(type in, LCID lcid, ULONG flags, BSTR *out)                     \
    {                                                                                         \
        if (out == NULL) return E_INVALIDARG;                                                 \
        VARIANT src, r;                                                                       \
        V_VT(&src) = vt;                                                                      \
        field(&src) = in;                                                                     \
        HRESULT hr = To(&src, lcid, flags, VT_BSTR, &r);                                      \
        *out = SUCCEEDED(hr) ? V_BSTR(&r) : NULL;                                             \
        return hr;                                                                            \
    }

TO_BSTR(VarBstrFromUI1, BYTE, VT_UI1, V_UI1)
TO_BSTR(VarBstrFromI2, SHORT, VT_I2, V_I2)
TO_BSTR(VarBstrFromI4, LONG, VT_I4, V_I4)
TO_BSTR(VarBstrFromR4, FLOAT, VT_R4, V_R4)
TO_BSTR(VarBstrFromR8, DOUBLE, VT_R8, V_R8)
TO_BSTR(VarBstrFromCy, CY, VT_CY, V_CY)

/* VarBstrFromBool names the value ("True"/"False") unless asked otherwise. */
OAAPI HRESULT WINAPI VarBstrFromBool(VARIANT_BOOL in, LCID lcid, ULONG flags, BSTR *out)
{
    if (out == NULL)
        return E_INVALIDARG;
    (void)lcid; (void)flags;
    *out = SysAllocString(in ? L"True" : L"False");
    return *out ? S_OK : E_OUTOFMEMORY;
}

#define NUMERIC(name, type_in, vt_in, field_in, type_out, vt_out, field_out)                 \
    OAAPI HRESULT WINAPI name(type_in in, type_out *out)                                      \
    {                                                                                         \
        if (out == NULL) return E_INVALIDARG;                                                 \
        VARIANT src, r;                                                                       \
        V_VT(&src) = vt_in;                                                                   \
        field_in(&src) = in;                                                                  \
        HRESULT hr = To(&src, LOCALE_USER_DEFAULT, 0, vt_out, &r);                            \
        if (SUCCEEDED(hr)) *out = field_out(&r);                                              \
        return hr;                                                                            \
    }

NUMERIC(VarI4FromR8, DOUBLE, VT_R8, V_R8, LONG, VT_I4, V_I4)
NUMERIC(VarI4FromR4, FLOAT, VT_R4, V_R4, LONG, VT_I4, V_I4)
NUMERIC(VarI4FromDate, DATE, VT_DATE, V_DATE, LONG, VT_I4, V_I4)
NUMERIC(VarI4FromBool, VARIANT_BOOL, VT_BOOL, V_BOOL, LONG, VT_I4, V_I4)
NUMERIC(VarI4FromI2, SHORT, VT_I2, V_I2, LONG, VT_I4, V_I4)
NUMERIC(VarR8FromI4, LONG, VT_I4, V_I4, DOUBLE, VT_R8, V_R8)
NUMERIC(VarR8FromR4, FLOAT, VT_R4, V_R4, DOUBLE, VT_R8, V_R8)
NUMERIC(VarR8FromDate, DATE, VT_DATE, V_DATE, DOUBLE, VT_R8, V_R8)
NUMERIC(VarR8FromBool, VARIANT_BOOL, VT_BOOL, V_BOOL, DOUBLE, VT_R8, V_R8)
NUMERIC(VarDateFromR8, DOUBLE, VT_R8, V_R8, DATE, VT_DATE, V_DATE)
NUMERIC(VarDateFromI4, LONG, VT_I4, V_I4, DATE, VT_DATE, V_DATE)
NUMERIC(VarBoolFromI4, LONG, VT_I4, V_I4, VARIANT_BOOL, VT_BOOL, V_BOOL)
NUMERIC(VarBoolFromR8, DOUBLE, VT_R8, V_R8, VARIANT_BOOL, VT_BOOL, V_BOOL)
NUMERIC(VarI2FromI4, LONG, VT_I4, V_I4, SHORT, VT_I2, V_I2)
NUMERIC(VarI2FromR8, DOUBLE, VT_R8, V_R8, SHORT, VT_I2, V_I2)
NUMERIC(VarCyFromR8, DOUBLE, VT_R8, V_R8, CY, VT_CY, V_CY)
NUMERIC(VarR8FromCy, CY, VT_CY, V_CY, DOUBLE, VT_R8, V_R8)
NUMERIC(VarR4FromR8, DOUBLE, VT_R8, V_R8, FLOAT, VT_R4, V_R4)
NUMERIC(VarR8FromUI4, ULONG, VT_UI4, V_UI4, DOUBLE, VT_R8, V_R8)
NUMERIC(VarI4FromUI4, ULONG, VT_UI4, V_UI4, LONG, VT_I4, V_I4)
NUMERIC(VarUI4FromI4, LONG, VT_I4, V_I4, ULONG, VT_UI4, V_UI4)
NUMERIC(VarUI1FromI4, LONG, VT_I4, V_I4, BYTE, VT_UI1, V_UI1)
FROM_STR(VarUI4FromStr, VT_UI4, V_UI4, ULONG)
FROM_STR(VarDateFromStr, VT_DATE, V_DATE, DATE)
TO_BSTR(VarBstrFromI1, CHAR, VT_I1, V_I1)
TO_BSTR(VarBstrFromUI2, USHORT, VT_UI2, V_UI2)
TO_BSTR(VarBstrFromUI4, ULONG, VT_UI4, V_UI4)
