/* What oleaut32's families share: the headers and the number conversions VariantChangeType and
 * the Var*From* calls both use. */
#pragma once
#define WIN32_LEAN_AND_MEAN
#define _OLEAUT32_
#define COBJMACROS
#include <windows.h>
#include <oleauto.h>

#define OAAPI __declspec(dllexport)

/* A string's number: leading/trailing blanks, a sign, digits with ',' group separators, a '.'
 * fraction and an exponent; DISP_E_TYPEMISMATCH when it is not one. */
HRESULT OapParseNumber(const OLECHAR *s, double *out);
/* A double as Windows writes it: up to digits significant digits, E notation below 1e-4 or from 10^digits. */
void OapFormatDouble(double v, int digits, WCHAR *out);
/* A double rounded half to even into [lo, hi], or DISP_E_OVERFLOW. */
HRESULT OapRoundToInt(double v, double lo, double hi, LONGLONG *out);
/* en-US date text (see vartime.c) as a DATE, or DISP_E_TYPEMISMATCH. */
HRESULT OapParseDate(const OLECHAR *s, double *out);
