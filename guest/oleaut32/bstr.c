/* BSTRs: a UTF-16 string whose byte length sits in the four bytes before it and which is
 * followed by a NUL (two bytes, or three after an odd byte length), from the process heap:
 * SysAllocString(Len), SysAllocStringByteLen, SysReAllocString(Len), SysFreeString,
 * SysStringLen, SysStringByteLen. */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

typedef WCHAR *BSTR_;

static BSTR_ Allocate(const void *data, UINT bytes)
{
    if (bytes > 0x7FFFFFF0u) return NULL;
    BYTE *block = HeapAlloc(GetProcessHeap(), 0, sizeof(DWORD) + bytes + sizeof(WCHAR) + 1);
    if (block == NULL) return NULL;
    *(DWORD *)block = bytes;
    BYTE *s = block + sizeof(DWORD);
    if (data) {
        for (UINT i = 0; i < bytes; i++) s[i] = ((const BYTE *)data)[i];
    } else {
        for (UINT i = 0; i < bytes; i++) s[i] = 0;
    }
    s[bytes] = s[bytes + 1] = s[bytes + 2] = 0;
    return (BSTR_)s;
}

__declspec(dllexport) BSTR_ WINAPI SysAllocStringLen(const WCHAR *s, UINT len) { return Allocate(s, len * 2); }
__declspec(dllexport) BSTR_ WINAPI SysAllocStringByteLen(LPCSTR s, UINT bytes) { return Allocate(s, bytes); }

__declspec(dllexport) BSTR_ WINAPI SysAllocString(const WCHAR *s)
{
    if (s == NULL) return NULL;
    UINT n = 0;
    while (s[n]) n++;
    return SysAllocStringLen(s, n);
}

__declspec(dllexport) void WINAPI SysFreeString(BSTR_ s)
{
    if (s) HeapFree(GetProcessHeap(), 0, (BYTE *)s - sizeof(DWORD));
}

__declspec(dllexport) UINT WINAPI SysStringByteLen(BSTR_ s) { return s ? *(DWORD *)((BYTE *)s - sizeof(DWORD)) : 0; }
__declspec(dllexport) UINT WINAPI SysStringLen(BSTR_ s) { return SysStringByteLen(s) / 2; }

/* The new string may be a part of the old one: copy first, then free. */
__declspec(dllexport) INT WINAPI SysReAllocStringLen(BSTR_ *old, const WCHAR *s, UINT len)
{
    BSTR_ fresh = Allocate(s, len * 2);
    if (fresh == NULL) return FALSE;
    SysFreeString(*old);
    *old = fresh;
    return TRUE;
}

__declspec(dllexport) INT WINAPI SysReAllocString(BSTR_ *old, const WCHAR *s)
{
    UINT n = 0;
    if (s) while (s[n]) n++;
    return SysReAllocStringLen(old, s, n);
}

BOOL WINAPI OleAut32DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
