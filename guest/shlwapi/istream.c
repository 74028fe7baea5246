/* The IStream_* helpers of shlwapi: Read and Write of exactly the count asked (E_FAIL for less),
 * Size from Stat, Reset to the start, Copy of a byte count. Written without COBJMACROS, whose
 * IStream_Read/IStream_Write macros would hide these names. */
#define LW_NO_COBJMACROS
#include "lw.h"

SHLAPI HRESULT WINAPI IStream_Read(IStream *stream, void *buffer, ULONG count)
{
    ULONG got = 0;
    HRESULT hr = stream->lpVtbl->Read(stream, buffer, count, &got);
    return SUCCEEDED(hr) && got != count ? E_FAIL : hr;
}

SHLAPI HRESULT WINAPI IStream_Write(IStream *stream, const void *buffer, ULONG count)
{
    ULONG put = 0;
    HRESULT hr = stream->lpVtbl->Write(stream, buffer, count, &put);
    return SUCCEEDED(hr) && put != count ? E_FAIL : hr;
}

SHLAPI HRESULT WINAPI IStream_Reset(IStream *stream)
{
    LARGE_INTEGER zero = {0};
    return stream->lpVtbl->Seek(stream, zero, STREAM_SEEK_SET, NULL);
}

SHLAPI HRESULT WINAPI IStream_Size(IStream *stream, ULARGE_INTEGER *size)
{
    STATSTG stat;
    HRESULT hr = stream->lpVtbl->Stat(stream, &stat, STATFLAG_NONAME);
    if (SUCCEEDED(hr) && size) *size = stat.cbSize;
    return hr;
}

SHLAPI HRESULT WINAPI IStream_Copy(IStream *from, IStream *to, DWORD count)
{
    ULARGE_INTEGER n, read, written;
    n.QuadPart = count;
    HRESULT hr = from->lpVtbl->CopyTo(from, to, n, &read, &written);
    return SUCCEEDED(hr) && read.QuadPart != count ? E_FAIL : hr;
}

/* IStream_ReadStr/WriteStr: a string as its USHORT character count then its UTF-16 characters. */
SHLAPI HRESULT WINAPI IStream_WriteStr(IStream *stream, LPCWSTR s)
{
    USHORT n = (USHORT)(s ? lstrlenW(s) : 0);
    HRESULT hr = IStream_Write(stream, &n, sizeof(n));
    return SUCCEEDED(hr) && n ? IStream_Write(stream, s, n * sizeof(WCHAR)) : hr;
}

SHLAPI HRESULT WINAPI IStream_ReadStr(IStream *stream, LPWSTR *out)
{
    USHORT n;
    *out = NULL;
    HRESULT hr = IStream_Read(stream, &n, sizeof(n));
    if (FAILED(hr)) return hr;
    LPWSTR s = TaskAlloc((n + 1) * sizeof(WCHAR));
    if (s == NULL) return E_OUTOFMEMORY;
    hr = n ? IStream_Read(stream, s, n * sizeof(WCHAR)) : S_OK;
    if (FAILED(hr)) { TaskFree(s); return hr; }
    s[n] = 0;
    *out = s;
    return S_OK;
}
