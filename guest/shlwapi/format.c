/* Formatting: wnsprintf/wvnsprintf (the C runtime's formatting, bounded, truncated output
 * terminated and -1 returned), StrFormatByteSize(64/Ex) ("532 bytes", "1.30 KB": three
 * significant digits, truncated unless asked to round; a short buffer gets what fits), StrFormatKBSize ("1,206 KB"),
 * StrFromTimeInterval (" 1 min 14 sec" to a number of significant digits) and the STRRET readers. */
#include "lw.h"
#include <stdarg.h>

int __cdecl _vsnwprintf(WCHAR *out, SIZE_T count, const WCHAR *format, va_list args);
int __cdecl _vsnprintf(char *out, SIZE_T count, const char *format, va_list args);

SHLAPI int WINAPI wvnsprintfW(LPWSTR out, int count, LPCWSTR format, va_list args)
{
    if (out == NULL || count <= 0 || format == NULL) return -1;
    int n = _vsnwprintf(out, (SIZE_T)count, format, args);
    if (n < 0 || n >= count) { out[count - 1] = 0; return -1; }
    return n;
}

SHLAPI int WINAPI wvnsprintfA(LPSTR out, int count, LPCSTR format, va_list args)
{
    if (out == NULL || count <= 0 || format == NULL) return -1;
    int n = _vsnprintf(out, (SIZE_T)count, format, args);
    if (n < 0 || n >= count) { out[count - 1] = 0; return -1; }
    return n;
}

SHLAPI int WINAPIV wnsprintfW(LPWSTR out, int count, LPCWSTR format, ...)
{
    va_list args;
    va_start(args, format);
    int n = wvnsprintfW(out, count, format, args);
    va_end(args);
    return n;
}

SHLAPI int WINAPIV wnsprintfA(LPSTR out, int count, LPCSTR format, ...)
{
    va_list args;
    va_start(args, format);
    int n = wvnsprintfA(out, count, format, args);
    va_end(args);
    return n;
}

/* Digits of v, at `at`; returns the new end. */
static WCHAR *Digits(WCHAR *at, ULONGLONG v)
{
    WCHAR tmp[24];
    int n = 0;
    do { tmp[n++] = (WCHAR)('0' + v % 10); v /= 10; } while (v);
    while (n) *at++ = tmp[--n];
    return at;
}

static WCHAR *Text(WCHAR *at, const WCHAR *s)
{
    while (*s) *at++ = *s++;
    return at;
}

static HRESULT ByteSize(ULONGLONG v, BOOL round, WCHAR *out, UINT count)
{
    static const WCHAR *units[] = {L" KB", L" MB", L" GB", L" TB", L" PB", L" EB"};
    WCHAR buf[40], *p = buf;
    if (v < 1024) {
        p = Text(Digits(p, v), L" bytes");
    } else {
        int unit = 0;
        ULONGLONG scale = 1024;
        while (unit < 5 && v / scale >= 1024) { scale *= 1024; unit++; }
        ULONGLONG whole = v / scale;
        int decimals = whole < 10 ? 2 : whole < 100 ? 1 : 0;
        ULONGLONG factor = decimals == 2 ? 100 : decimals == 1 ? 10 : 1;
        /* value * factor, exactly: whole part and the remainder's share */
        ULONGLONG rem = v % scale;
        ULONGLONG scaled = whole * factor + (ULONGLONG)((double)rem * (double)factor / (double)scale);
        if (round) {
            double exact = (double)rem * (double)factor / (double)scale;
            if (exact - (double)(ULONGLONG)exact >= 0.5) scaled++;
        }
        p = Digits(p, scaled / factor);
        if (decimals) {
            *p++ = '.';
            ULONGLONG frac = scaled % factor;
            if (decimals == 2 && frac < 10) *p++ = '0';
            p = Digits(p, frac);
        }
        p = Text(p, units[unit]);
    }
    *p = 0;
    lstrcpynW(out, buf, (int)count);                 /* a short buffer gets what fits */
    return (UINT)(p - buf) >= count ? HRESULT_FROM_WIN32(ERROR_INSUFFICIENT_BUFFER) : S_OK;
}

SHLAPI HRESULT WINAPI StrFormatByteSizeEx(ULONGLONG v, SFBS_FLAGS flags, PWSTR out, UINT count)
{
    if (out == NULL || count == 0) return E_INVALIDARG;
    if (flags != SFBS_FLAGS_ROUND_TO_NEAREST_DISPLAYED_DIGIT && flags != SFBS_FLAGS_TRUNCATE_UNDISPLAYED_DECIMAL_DIGITS)
        return E_INVALIDARG;
    return ByteSize(v, flags == SFBS_FLAGS_ROUND_TO_NEAREST_DISPLAYED_DIGIT, out, count);
}

SHLAPI LPWSTR WINAPI StrFormatByteSizeW(LONGLONG v, LPWSTR out, UINT count)
{
    if (out == NULL || count == 0) return NULL;
    ByteSize((ULONGLONG)v, FALSE, out, count);
    return out;
}

SHLAPI LPSTR WINAPI StrFormatByteSize64A(LONGLONG v, LPSTR out, UINT count)
{
    WCHAR buf[40];
    if (out == NULL || count == 0) return NULL;
    ByteSize((ULONGLONG)v, FALSE, buf, 40);
    lstrcpynA(out, "", 1);
    if (!WideCharToMultiByte(CP_ACP, 0, buf, -1, out, (int)count, NULL, NULL)) {      /* what fits */
        WideCharToMultiByte(CP_ACP, 0, buf, (int)count - 1, out, (int)count - 1, NULL, NULL);
        out[count - 1] = 0;
    }
    return out;
}

SHLAPI LPSTR WINAPI StrFormatByteSizeA(DWORD v, LPSTR out, UINT count) { return StrFormatByteSize64A(v, out, count); }

/* StrFormatKBSize: the size in kilobytes, rounded up, with thousands separators. */
SHLAPI LPWSTR WINAPI StrFormatKBSizeW(LONGLONG v, LPWSTR out, UINT count)
{
    WCHAR digits[32], buf[48];
    if (out == NULL || count == 0) return NULL;
    ULONGLONG kb = ((ULONGLONG)v + 1023) / 1024;
    int n = (int)(Digits(digits, kb) - digits), k = 0;
    for (int i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0) buf[k++] = ',';
        buf[k++] = digits[i];
    }
    lstrcpyW(buf + k, L" KB");
    if ((UINT)lstrlenW(buf) >= count) return NULL;
    lstrcpyW(out, buf);
    return out;
}

SHLAPI LPSTR WINAPI StrFormatKBSizeA(LONGLONG v, LPSTR out, UINT count)
{
    WCHAR buf[48];
    if (out == NULL || count == 0 || !StrFormatKBSizeW(v, buf, 48) || (UINT)lstrlenW(buf) >= count) return NULL;
    WideCharToMultiByte(CP_ACP, 0, buf, -1, out, (int)count, NULL, NULL);
    return out;
}

/* StrFromTimeInterval: whole seconds as " H hr M min S sec" from the first field that is not
 * zero, keeping `digits` significant digits across the fields (the last one kept is cut to what
 * is left, lower fields dropped). Returns the length written. */
SHLAPI int WINAPI StrFromTimeIntervalW(LPWSTR out, UINT count, DWORD ms, int digits)
{
    WCHAR buf[64], *p = buf;
    if (out == NULL || count == 0) return 0;
    DWORD seconds = ms / 1000;
    DWORD fields[3] = {seconds / 3600, seconds / 60 % 60, seconds % 60};
    static const WCHAR *names[3] = {L" hr", L" min", L" sec"};
    int first = fields[0] ? 0 : fields[1] ? 1 : 2;
    if (digits < 1) digits = 1;
    for (int i = first; i < 3 && digits > 0; i++) {
        DWORD v = fields[i];
        int len = 1;
        for (DWORD t = v; t >= 10; t /= 10) len++;
        if (len > digits) {
            DWORD cut = 1;
            for (int j = 0; j < len - digits; j++) cut *= 10;
            v = v / cut * cut;
        }
        digits -= len;
        *p++ = ' ';
        p = Text(Digits(p, v), names[i]);
    }
    *p = 0;
    lstrcpynW(out, buf, (int)count);
    return lstrlenW(out);
}

SHLAPI int WINAPI StrFromTimeIntervalA(LPSTR out, UINT count, DWORD ms, int digits)
{
    WCHAR buf[64];
    if (out == NULL || count == 0) return 0;
    StrFromTimeIntervalW(buf, 64, ms, digits);
    WideCharToMultiByte(CP_ACP, 0, buf, -1, out, (int)count, NULL, NULL);
    out[count - 1] = 0;
    return lstrlenA(out);
}

/* STRRET: a task-allocated UTF-16 string (taken over and freed), an ANSI string at an offset in
 * the item ID list, or one inside the structure. */
SHLAPI HRESULT WINAPI StrRetToBufW(STRRET *ret, LPCITEMIDLIST pidl, LPWSTR out, UINT count)
{
    if (ret == NULL || out == NULL || count == 0) return E_INVALIDARG;
    out[0] = 0;
    switch (ret->uType) {
    case STRRET_WSTR:
        if (ret->pOleStr == NULL) return E_INVALIDARG;
        lstrcpynW(out, ret->pOleStr, (int)count);
        TaskFree(ret->pOleStr);
        ret->pOleStr = NULL;
        return S_OK;
    case STRRET_CSTR:
        MultiByteToWideChar(CP_ACP, 0, ret->cStr, -1, out, (int)count);
        out[count - 1] = 0;
        return S_OK;
    case STRRET_OFFSET:
        if (pidl == NULL) return E_INVALIDARG;
        MultiByteToWideChar(CP_ACP, 0, (LPCSTR)pidl + ret->uOffset, -1, out, (int)count);
        out[count - 1] = 0;
        return S_OK;
    }
    return E_FAIL;
}

SHLAPI HRESULT WINAPI StrRetToBufA(STRRET *ret, LPCITEMIDLIST pidl, LPSTR out, UINT count)
{
    WCHAR buf[MAX_PATH];
    if (out == NULL || count == 0) return E_INVALIDARG;
    HRESULT hr = StrRetToBufW(ret, pidl, buf, MAX_PATH);
    out[0] = 0;
    if (SUCCEEDED(hr)) {
        WideCharToMultiByte(CP_ACP, 0, buf, -1, out, (int)count, NULL, NULL);
        out[count - 1] = 0;
    }
    return hr;
}

SHLAPI HRESULT WINAPI StrRetToStrW(STRRET *ret, LPCITEMIDLIST pidl, LPWSTR *out)
{
    if (ret == NULL || out == NULL) return E_INVALIDARG;
    *out = NULL;
    if (ret->uType == STRRET_WSTR) {
        if (ret->pOleStr == NULL) return E_INVALIDARG;
        *out = ret->pOleStr;
        ret->pOleStr = NULL;
        return S_OK;
    }
    LPCSTR s = ret->uType == STRRET_CSTR ? ret->cStr : ret->uType == STRRET_OFFSET && pidl ? (LPCSTR)pidl + ret->uOffset
                                                                                           : NULL;
    if (s == NULL) return E_FAIL;
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    *out = TaskAlloc((SIZE_T)n * sizeof(WCHAR));
    if (*out == NULL) return E_OUTOFMEMORY;
    MultiByteToWideChar(CP_ACP, 0, s, -1, *out, n);
    return S_OK;
}

SHLAPI HRESULT WINAPI StrRetToStrA(STRRET *ret, LPCITEMIDLIST pidl, LPSTR *out)
{
    LPWSTR w;
    if (out == NULL) return E_INVALIDARG;
    *out = NULL;
    HRESULT hr = StrRetToStrW(ret, pidl, &w);
    if (FAILED(hr)) return hr;
    int n = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
    *out = TaskAlloc((SIZE_T)n);
    if (*out) WideCharToMultiByte(CP_ACP, 0, w, -1, *out, n, NULL, NULL);
    TaskFree(w);
    return *out ? S_OK : E_OUTOFMEMORY;
}
