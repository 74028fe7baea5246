/* oleaut32.dll: VARIANTs (VariantInit/Clear/Copy, VariantChangeType between I4, R8, BOOL, BSTR,
 * DATE, CY and their errors; date text), the Var*From* conversions, numbers as text, DATEs both ways,
 * SAFEARRAYs (bounds, elements, BSTR cells, locks, Redim), VarBstrCat/VarBstrCmp and the error objects. Exit code: failed checks. */
#define COBJMACROS
#include "../k32.h"
#include <oleauto.h>

static void PrintW(const WCHAR *s)
{
    char buf[128];
    int i = 0;
    for (; s && s[i] && i < 127; i++)
        buf[i] = (char)s[i];
    buf[i] = 0;
    Print(buf);
}

static void Hr(const char *what, HRESULT hr)
{
    Print(what); Print(" "); PrintNum((ULONG)hr, 1); Print("\n");
}

/* VariantChangeType of v to vt, printed as text. */
static void Change(const char *what, VARIANT *v, USHORT flags, VARTYPE vt)
{
    VARIANT r, text;
    VariantInit(&r);
    VariantInit(&text);
    HRESULT hr = VariantChangeType(&r, v, flags, vt);
    Print(what); Print(" -> ");
    if (FAILED(hr)) {
        PrintNum((ULONG)hr, 1);
    } else {
        VariantChangeType(&text, &r, VARIANT_ALPHABOOL, VT_BSTR);
        Print("vt "); PrintNum(V_VT(&r), 0); Print(" '"); PrintW(V_BSTR(&text)); Print("'");
    }
    Print("\n");
    VariantClear(&r);
    VariantClear(&text);
}

static void R8(const char *what, double d)
{
    BSTR s;
    VarBstrFromR8(d, LOCALE_USER_DEFAULT, 0, &s);
    Print(what); Print(" '"); PrintW(s); Print("'\n");
    SysFreeString(s);
}

void Entry(void)
{
    /* VARIANTs. */
    VARIANT v, w;
    VariantInit(&v);
    Print("VariantInit vt "); PrintNum(V_VT(&v), 0); Print("\n");
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(L"12.5");
    VariantInit(&w);
    Hr("VariantCopy", VariantCopy(&w, &v));
    Check(V_BSTR(&w) != V_BSTR(&v) && SysStringLen(V_BSTR(&w)) == 4, "a deep copy of the BSTR");
    Change("'12.5' to I4", &v, 0, VT_I4);
    Change("'12.5' to R8", &v, 0, VT_R8);
    Change("'12.5' to BOOL", &v, 0, VT_BOOL);
    VariantClear(&v);
    V_BSTR(&v) = SysAllocString(L"  -1,234.75  ");
    V_VT(&v) = VT_BSTR;
    Change("'  -1,234.75  ' to R8", &v, 0, VT_R8);
    Change("... to I2", &v, 0, VT_I2);
    Change("... to UI1", &v, 0, VT_UI1);
    VariantClear(&v);
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(L"abc");
    Change("'abc' to I4", &v, 0, VT_I4);
    VariantClear(&v);
    V_VT(&v) = VT_BSTR;
    V_BSTR(&v) = SysAllocString(L"true");
    Change("'true' to BOOL", &v, 0, VT_BOOL);
    VariantClear(&v);
    V_VT(&v) = VT_R8; V_R8(&v) = 13.5;
    Change("13.5 to I4", &v, 0, VT_I4);
    V_R8(&v) = 14.5;
    Change("14.5 to I4", &v, 0, VT_I4);
    V_R8(&v) = -2.5;
    Change("-2.5 to I4", &v, 0, VT_I4);
    V_R8(&v) = 3e10;
    Change("3e10 to I4", &v, 0, VT_I4);
    V_R8(&v) = 1.0 / 3.0;
    Change("1/3 to BSTR", &v, 0, VT_BSTR);
    Change("1/3 to R4 to BSTR", &v, 0, VT_R4);
    Change("1/3 to CY", &v, 0, VT_CY);
    V_R8(&v) = 36526.75;
    Change("36526.75 to DATE", &v, 0, VT_DATE);
    static const WCHAR *const dates[] = {L"1/1/2000 6:30:15 PM", L"2000-01-31", L"January 5, 1999", L"7 Feb 2024 13:05",
                                         L"6:30 PM", L"12/31/99", L"2/30/2000", L"13/1/2000", L"soon"};
    for (int i = 0; i < 9; i++) {
        VariantClear(&v);
        V_VT(&v) = VT_BSTR;
        V_BSTR(&v) = SysAllocString(dates[i]);
        Print("'"); PrintW(dates[i]); Print("'");
        Change(" to DATE", &v, 0, VT_DATE);
    }
    DATE parsed;
    Hr("VarDateFromStr", VarDateFromStr(L"3/4/2005", LOCALE_USER_DEFAULT, 0, &parsed));
    Print("= "); PrintNum((ULONG)parsed, 0); Print("\n");
    VariantClear(&v);
    V_VT(&v) = VT_BOOL; V_BOOL(&v) = VARIANT_TRUE;
    Change("TRUE to I4", &v, 0, VT_I4);
    Change("TRUE to UI1", &v, 0, VT_UI1);
    VariantInit(&w);
    VariantChangeType(&w, &v, 0, VT_BSTR);
    Print("TRUE to BSTR '"); PrintW(V_BSTR(&w)); Print("'\n");
    VariantClear(&w);
    V_VT(&v) = VT_I4; V_I4(&v) = -42;
    Change("-42 to BSTR", &v, 0, VT_BSTR);
    Change("-42 to UI2", &v, 0, VT_UI2);
    Change("-42 to BOOL", &v, 0, VT_BOOL);
    V_VT(&v) = VT_EMPTY;
    Change("EMPTY to I4", &v, 0, VT_I4);
    VariantInit(&w);
    VariantChangeType(&w, &v, 0, VT_BSTR);
    Print("EMPTY to BSTR len "); PrintNum(SysStringLen(V_BSTR(&w)), 0); Print(" not NULL "); PrintNum(V_BSTR(&w) != NULL, 0);
    Print("\n");
    VariantClear(&w);
    V_VT(&v) = VT_NULL;
    Change("NULL to I4", &v, 0, VT_I4);
    V_VT(&v) = VT_I4; V_I4(&v) = 7;
    Hr("to a bad type", VariantChangeType(&w, &v, 0, 0x7FF));
    Hr("in place", VariantChangeType(&v, &v, 0, VT_BSTR));
    Print("in place '"); PrintW(V_BSTR(&v)); Print("'\n");
    VariantClear(&v);
    V_VT(&v) = 0x7FF;
    Hr("VariantClear of a bad type", VariantClear(&v));
    LONG ref = 99;
    V_VT(&v) = VT_I4 | VT_BYREF;
    V_I4REF(&v) = &ref;
    Change("BYREF I4 to BSTR", &v, 0, VT_BSTR);

    /* Numbers as text. */
    R8("3.14159", 3.14159);
    R8("1234567", 1234567.0);
    R8("0.0001", 0.0001);
    R8("0.00001", 0.00001);
    R8("1e15", 1e15);
    R8("1e20", 1.5e20);
    R8("-0.5", -0.5);
    R8("2/3", 2.0 / 3.0);
    LONG l;
    Hr("VarI4FromStr '2147483648'", VarI4FromStr(L"2147483648", LOCALE_USER_DEFAULT, 0, &l));
    Hr("VarI4FromStr '-17'", VarI4FromStr(L"-17", LOCALE_USER_DEFAULT, 0, &l));
    Print("= "); PrintNum((ULONG)-l, 0); Print(" negated\n");
    double d;
    Hr("VarR8FromStr '2.5e3'", VarR8FromStr(L"2.5e3", LOCALE_USER_DEFAULT, 0, &d));
    Print("= "); PrintNum((ULONGLONG)d, 0); Print("\n");
    BSTR s;
    VarBstrFromI4(-2147483647 - 1, LOCALE_USER_DEFAULT, 0, &s);
    Print("VarBstrFromI4 '"); PrintW(s); Print("'\n");
    SysFreeString(s);
    VarBstrFromBool(VARIANT_FALSE, LOCALE_USER_DEFAULT, 0, &s);
    Print("VarBstrFromBool '"); PrintW(s); Print("'\n");
    SysFreeString(s);

    BSTR ab, abc = SysAllocString(L"abc"), abd = SysAllocString(L"ABD");
    VarBstrCat(abc, NULL, &ab);
    Print("VarBstrCat(abc, NULL) '"); PrintW(ab); Print("' ");
    SysFreeString(ab);
    VarBstrCat(abc, abd, &ab);
    Print("'"); PrintW(ab); Print("'\n");
    SysFreeString(ab);
    Print("VarBstrCmp "); PrintNum((ULONG)VarBstrCmp(abc, abd, LOCALE_USER_DEFAULT, 0), 0); Print(" ");
    PrintNum((ULONG)VarBstrCmp(abc, abc, LOCALE_USER_DEFAULT, 0), 0); Print(" ");
    PrintNum((ULONG)VarBstrCmp(abd, NULL, LOCALE_USER_DEFAULT, 0), 0); Print(" ");
    PrintNum((ULONG)VarBstrCmp(NULL, NULL, LOCALE_USER_DEFAULT, 0), 0); Print("\n");
    SysFreeString(abc);
    SysFreeString(abd);

    /* DATEs. */
    SYSTEMTIME st = {2000, 1, 6, 1, 18, 30, 15, 250};
    double date;
    Check(SystemTimeToVariantTime(&st, &date), "SystemTimeToVariantTime");
    Print("2000-01-01 18:30:15 = "); PrintNum((ULONG)date, 0); Print(" + "); PrintNum((ULONG)((date - 36526) * 86400 + 0.5), 0);
    Print(" s\n");
    VarBstrFromDate(date, LOCALE_USER_DEFAULT, 0, &s);
    Print("VarBstrFromDate '"); PrintW(s); Print("'\n");
    SysFreeString(s);
    VarBstrFromDate(36526.0, LOCALE_USER_DEFAULT, 0, &s);
    Print("a whole day '"); PrintW(s); Print("'\n");
    SysFreeString(s);
    VarBstrFromDate(0.5, LOCALE_USER_DEFAULT, 0, &s);
    Print("day 0 '"); PrintW(s); Print("'\n");
    SysFreeString(s);
    VarBstrFromDate(-1.25, LOCALE_USER_DEFAULT, 0, &s);
    Print("-1.25 '"); PrintW(s); Print("'\n");
    SysFreeString(s);
    SYSTEMTIME back;
    Check(VariantTimeToSystemTime(-1.25, &back) && back.wYear == 1899 && back.wMonth == 12 && back.wDay == 29
          && back.wHour == 6 && back.wDayOfWeek == 5, "-1.25 is Friday 1899-12-29 06:00");
    Check(VariantTimeToSystemTime(2.0 / 86400 - 1e-7, &back) && back.wSecond == 2, "to the nearest second");
    st.wYear = 99;
    Check(SystemTimeToVariantTime(&st, &date) && (LONG)date == 36161, "year 99 is 1999");
    st.wYear = 29;
    Check(SystemTimeToVariantTime(&st, &date) && (LONG)date == 47119, "year 29 is 2029");
    st.wMonth = 13;
    Check(!SystemTimeToVariantTime(&st, &date), "month 13 -> FALSE");
    Check(!VariantTimeToSystemTime(3e6, &back), "past 9999 -> FALSE");

    /* SAFEARRAYs. */
    SAFEARRAYBOUND bounds[2] = {{3, 1}, {2, 10}};         /* [1..3][10..11] */
    SAFEARRAY *sa = SafeArrayCreate(VT_I4, 2, bounds);
    LONG lo, hi;
    SafeArrayGetLBound(sa, 1, &lo);
    SafeArrayGetUBound(sa, 1, &hi);
    Print("dims "); PrintNum(SafeArrayGetDim(sa), 0); Print(" elemsize "); PrintNum(SafeArrayGetElemsize(sa), 0);
    Print(" dim1 "); PrintNum((ULONG)lo, 0); Print(".."); PrintNum((ULONG)hi, 0);
    SafeArrayGetLBound(sa, 2, &lo);
    SafeArrayGetUBound(sa, 2, &hi);
    Print(" dim2 "); PrintNum((ULONG)lo, 0); Print(".."); PrintNum((ULONG)hi, 0); Print("\n");
    Hr("GetUBound of dim 3", SafeArrayGetUBound(sa, 3, &hi));
    for (LONG i = 1; i <= 3; i++)
        for (LONG j = 10; j <= 11; j++) {
            LONG idx[2] = {i, j}, val = i * 100 + j;
            SafeArrayPutElement(sa, idx, &val);
        }
    LONG *data;
    Hr("SafeArrayAccessData", SafeArrayAccessData(sa, (void **)&data));
    Print("memory order");
    for (int i = 0; i < 6; i++) {
        Print(" ");
        PrintNum((ULONG)data[i], 0);
    }
    Print("\n");
    Hr("SafeArrayDestroy while locked", SafeArrayDestroy(sa));
    SafeArrayUnaccessData(sa);
    LONG bad[2] = {4, 10}, got;
    Hr("GetElement out of bounds", SafeArrayGetElement(sa, bad, &got));
    VARTYPE vt;
    SafeArrayGetVartype(sa, &vt);
    Print("vartype "); PrintNum(vt, 0); Print("\n");
    Hr("SafeArrayDestroy", SafeArrayDestroy(sa));
    sa = SafeArrayCreateVector(VT_BSTR, 0, 2);
    LONG i0 = 0, i1 = 1;
    BSTR hello = SysAllocString(L"hello");
    SafeArrayPutElement(sa, &i0, hello);
    BSTR out;
    SafeArrayGetElement(sa, &i0, &out);
    Check(out != hello && SysStringLen(out) == 5 && out[0] == L'h', "BSTR cells hold copies");
    SysFreeString(out);
    SafeArrayGetElement(sa, &i1, &out);
    Check(out == NULL, "an unset BSTR cell is NULL");
    SAFEARRAY *copy;
    Hr("SafeArrayCopy", SafeArrayCopy(sa, &copy));
    SafeArrayGetElement(copy, &i0, &out);
    Print("copy's cell '"); PrintW(out); Print("' features "); PrintNum(copy->fFeatures, 1); Print("\n");
    SysFreeString(out);
    SysFreeString(hello);
    SafeArrayDestroy(copy);
    V_VT(&v) = VT_ARRAY | VT_BSTR;
    V_ARRAY(&v) = sa;
    Hr("VariantClear of an array", VariantClear(&v));
    Check(SafeArrayCreate(VT_EMPTY, 1, bounds) == NULL, "no array of VT_EMPTY");
    sa = SafeArrayCreateVector(VT_I4, 0, 4);
    LONG four[4] = {1, 2, 3, 4}, *cells;
    SafeArrayAccessData(sa, (void **)&cells);
    for (int i = 0; i < 4; i++)
        cells[i] = four[i];
    SafeArrayUnaccessData(sa);
    SAFEARRAYBOUND grown = {6, 0};
    Hr("SafeArrayRedim", SafeArrayRedim(sa, &grown));
    SafeArrayGetUBound(sa, 1, &hi);
    SafeArrayAccessData(sa, (void **)&cells);
    Print("redim to "); PrintNum((ULONG)hi, 0); Print(":");
    for (int i = 0; i < 6; i++) {
        Print(" ");
        PrintNum((ULONG)cells[i], 0);
    }
    Print("\n");
    SafeArrayUnaccessData(sa);
    SafeArrayDestroy(sa);

    /* Error objects. */
    ICreateErrorInfo *create;
    Hr("CreateErrorInfo", CreateErrorInfo(&create));
    ICreateErrorInfo_SetDescription(create, L"Something failed");
    ICreateErrorInfo_SetSource(create, L"com_oleaut");
    ICreateErrorInfo_SetHelpContext(create, 42);
    IErrorInfo *info;
    static const IID iid_error = {0x1CF2B120, 0x547D, 0x101B, {0x8E, 0x65, 0x08, 0x00, 0x2B, 0x2B, 0xD1, 0x19}};
    Hr("QueryInterface(IErrorInfo)", ICreateErrorInfo_QueryInterface(create, &iid_error, (void **)&info));
    Hr("SetErrorInfo", SetErrorInfo(0, info));
    IErrorInfo_Release(info);
    ICreateErrorInfo_Release(create);
    Hr("GetErrorInfo", GetErrorInfo(0, &info));
    BSTR desc, source;
    DWORD help;
    IErrorInfo_GetDescription(info, &desc);
    IErrorInfo_GetSource(info, &source);
    IErrorInfo_GetHelpContext(info, &help);
    Print("'"); PrintW(desc); Print("' from '"); PrintW(source); Print("' help "); PrintNum(help, 0); Print("\n");
    SysFreeString(desc);
    SysFreeString(source);
    Print("release "); PrintNum(IErrorInfo_Release(info), 0); Print("\n");
    Hr("GetErrorInfo again", GetErrorInfo(0, &info));
    Check(info == NULL, "taken: none left");
    ExitProcess(failures);
}
