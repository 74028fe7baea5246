/* GUIDs and their strings: CoCreateGuid (a version 4 UUID from rpcrt4), StringFromGUID2 (the
 * braced upper-case form, 39 characters with the NUL, 0 when the buffer is smaller),
 * StringFromCLSID/StringFromIID (the same in CoTaskMemAlloc'd memory), CLSIDFromString (a braced
 * GUID, or else a ProgID; NULL or "" is OleGUID_NULL; CO_E_CLASSSTRING otherwise), IIDFromString
 * (a braced GUID only: E_INVALIDARG otherwise), and ProgIDs from HKEY_CLASSES_ROOT:
 * CLSIDFromProgID(Ex) reads HKCR\ProgID\CLSID, ProgIDFromCLSID HKCR\CLSID\{clsid}\ProgID. */
#include "olep.h"

OLEAPI_ HRESULT WINAPI CoCreateGuid(GUID *guid)
{
    if (guid == NULL)
        return E_INVALIDARG;
    RPC_STATUS status = UuidCreate(guid);
    return status == RPC_S_OK || status == RPC_S_UUID_LOCAL_ONLY ? S_OK : HRESULT_FROM_WIN32(status);
}

OLEAPI_ INT WINAPI StringFromGUID2(REFGUID guid, LPOLESTR out, int size)
{
    if (out == NULL || size < 39)
        return 0;
    OlepFormatGUID(guid, out);
    return 39;
}

OLEAPI_ HRESULT WINAPI StringFromCLSID(REFCLSID clsid, LPOLESTR *out)
{
    if (out == NULL)
        return E_INVALIDARG;
    *out = CoTaskMemAlloc(39 * sizeof(WCHAR));
    if (*out == NULL)
        return E_OUTOFMEMORY;
    OlepFormatGUID(clsid, *out);
    return S_OK;
}

OLEAPI_ HRESULT WINAPI StringFromIID(REFIID iid, LPOLESTR *out)
{
    return StringFromCLSID(iid, out);
}

/* The default value of HKCR\path as text in out[size]. */
static BOOL ClassesValue(const WCHAR *path, WCHAR *out, DWORD size)
{
    HKEY key;
    if (OlepOpenClassesKey(path, &key) != ERROR_SUCCESS)
        return FALSE;
    DWORD type, bytes = size * sizeof(WCHAR);
    LONG r = RegQueryValueExW(key, NULL, NULL, &type, (BYTE *)out, &bytes);
    RegCloseKey(key);
    if (r != ERROR_SUCCESS || (type != REG_SZ && type != REG_EXPAND_SZ) || bytes < sizeof(WCHAR))
        return FALSE;
    out[bytes / sizeof(WCHAR) - 1] = 0;
    return TRUE;
}

OLEAPI_ HRESULT WINAPI CLSIDFromProgID(LPCOLESTR progid, LPCLSID clsid)
{
    if (progid == NULL || clsid == NULL)
        return E_INVALIDARG;
    WCHAR path[300], text[64];
    int n = 0;
    for (; progid[n] && n < 280; n++)
        path[n] = progid[n];
    const WCHAR *tail = L"\\CLSID";
    for (int i = 0; tail[i]; i++)
        path[n++] = tail[i];
    path[n] = 0;
    if (!ClassesValue(path, text, 64) || !OlepParseGUID(text, clsid)) {
        *clsid = OleGUID_NULL;
        return CO_E_CLASSSTRING;
    }
    return S_OK;
}

OLEAPI_ HRESULT WINAPI CLSIDFromProgIDEx(LPCOLESTR progid, LPCLSID clsid)
{
    return CLSIDFromProgID(progid, clsid);
}

OLEAPI_ HRESULT WINAPI ProgIDFromCLSID(REFCLSID clsid, LPOLESTR *out)
{
    if (out == NULL)
        return E_INVALIDARG;
    *out = NULL;
    WCHAR path[64] = L"CLSID\\", text[256];
    OlepFormatGUID(clsid, path + 6);
    HKEY key;
    if (OlepOpenClassesKey(path, &key) != ERROR_SUCCESS)
        return REGDB_E_CLASSNOTREG;
    RegCloseKey(key);
    const WCHAR *tail = L"\\ProgID";
    int n = 44;
    for (int i = 0; tail[i]; i++)
        path[n++] = tail[i];
    path[n] = 0;
    if (!ClassesValue(path, text, 256))
        return REGDB_E_CLASSNOTREG;
    SIZE_T len = 0;
    while (text[len])
        len++;
    *out = CoTaskMemAlloc((len + 1) * sizeof(WCHAR));
    if (*out == NULL)
        return E_OUTOFMEMORY;
    for (SIZE_T i = 0; i <= len; i++)
        (*out)[i] = text[i];
    return S_OK;
}

OLEAPI_ HRESULT WINAPI CLSIDFromString(LPCOLESTR s, LPCLSID clsid)
{
    if (clsid == NULL)
        return E_INVALIDARG;
    if (s == NULL || s[0] == 0) {
        *clsid = OleGUID_NULL;
        return S_OK;
    }
    if (OlepParseGUID(s, clsid))
        return S_OK;
    *clsid = OleGUID_NULL;
    if (s[0] != L'{' && CLSIDFromProgID(s, clsid) == S_OK)
        return S_OK;
    return CO_E_CLASSSTRING;
}

OLEAPI_ HRESULT WINAPI IIDFromString(LPCOLESTR s, LPIID iid)
{
    if (iid == NULL)
        return E_INVALIDARG;
    if (s == NULL) {
        *iid = OleGUID_NULL;
        return S_OK;
    }
    return OlepParseGUID(s, iid) ? S_OK : E_INVALIDARG;
}
