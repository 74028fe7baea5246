/* The rest of shlwapi that programs import: QISearch (a QueryInterface from a table), the file
 * associations of HKEY_CLASSES_ROOT (AssocQueryString), SHLoadIndirectString (a plain string, or
 * "@file,-id" from the string table of a module), SHAutoComplete (which needs the shell's COM
 * auto-complete object, not registered here), IsOS, DllGetVersion and the conversion helpers. */
#include "lw.h"

static const IID IidUnknown = {0, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

SHLAPI HRESULT WINAPI QISearch(void *that, LPCQITAB table, REFIID iid, void **out)
{
    if (out == NULL) return E_POINTER;
    *out = NULL;
    if (that == NULL || table == NULL) return E_NOINTERFACE;
    for (LPCQITAB entry = table; entry->piid; entry++) {
        if (IsEqualGUID(iid, entry->piid)) {
            IUnknown *found = (IUnknown *)((BYTE *)that + entry->dwOffset);
            found->lpVtbl->AddRef(found);
            *out = found;
            return S_OK;
        }
    }
    if (IsEqualGUID(iid, &IidUnknown)) {            /* IUnknown: the first entry's interface */
        IUnknown *found = (IUnknown *)((BYTE *)that + table[0].dwOffset);
        found->lpVtbl->AddRef(found);
        *out = found;
        return S_OK;
    }
    return E_NOINTERFACE;
}

SHLAPI HRESULT WINAPI SHAutoComplete(HWND hwnd, DWORD flags)
{
    (void)hwnd; (void)flags;
    return REGDB_E_CLASSNOTREG;
}

static BOOL ClassText(LPCWSTR key, LPCWSTR value, WCHAR *out, DWORD bytes)
{
    return RegGetValueW(HKEY_CLASSES_ROOT, key, value, RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ, NULL, out, &bytes) ==
           ERROR_SUCCESS && out[0];
}

/* AssocQueryString: step 1 finds the class (an extension's default value, or the name as a
 * class itself), step 2 reads what is asked below it. */
SHLAPI HRESULT WINAPI AssocQueryStringW(ASSOCF flags, ASSOCSTR what, LPCWSTR assoc, LPCWSTR extra, LPWSTR out,
                                        DWORD *count)
{
    WCHAR cls[MAX_PATH], key[2 * MAX_PATH], result[2 * MAX_PATH];
    (void)flags;
    if (assoc == NULL || assoc[0] == 0 || count == NULL) return E_INVALIDARG;
    if (assoc[0] == '.') {
        if (!ClassText(assoc, NULL, cls, sizeof(cls))) return HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION);
    } else {
        HKEY k;
        if (lstrlenW(assoc) >= MAX_PATH || RegOpenKeyExW(HKEY_CLASSES_ROOT, assoc, 0, KEY_READ, &k))
            return HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION);
        RegCloseKey(k);
        lstrcpyW(cls, assoc);
    }
    LPCWSTR verb = extra && extra[0] ? extra : L"open";
    if (lstrlenW(cls) + lstrlenW(verb) + 20 >= 2 * MAX_PATH) return E_INVALIDARG;
    switch (what) {
    case ASSOCSTR_COMMAND:
    case ASSOCSTR_EXECUTABLE:
        lstrcpyW(key, cls); lstrcatW(key, L"\\shell\\"); lstrcatW(key, verb); lstrcatW(key, L"\\command");
        if (!ClassText(key, NULL, result, sizeof(result))) return HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION);
        if (what == ASSOCSTR_EXECUTABLE) {          /* the command's first token */
            WCHAR *p = result, *q = result;
            if (*p == '"') { for (p++; *p && *p != '"'; ) *q++ = *p++; }
            else { while (*p && *p != ' ') *q++ = *p++; }
            *q = 0;
        }
        break;
    case ASSOCSTR_FRIENDLYDOCNAME:
        if (!ClassText(cls, NULL, result, sizeof(result))) return HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION);
        break;
    case ASSOCSTR_DEFAULTICON:
        lstrcpyW(key, cls); lstrcatW(key, L"\\DefaultIcon");
        if (!ClassText(key, NULL, result, sizeof(result))) return HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION);
        break;
    case ASSOCSTR_CONTENTTYPE:
        if (assoc[0] != '.' || !ClassText(assoc, L"Content Type", result, sizeof(result)))
            return HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION);
        break;
    default:
        return HRESULT_FROM_WIN32(ERROR_NO_ASSOCIATION);
    }
    /* Step 3: the size protocol: NULL out asks the length (S_FALSE), a short buffer is E_POINTER. */
    DWORD need = (DWORD)lstrlenW(result) + 1;
    if (out == NULL) { *count = need; return S_FALSE; }
    if (*count < need) { *count = need; return E_POINTER; }
    lstrcpyW(out, result);
    *count = need;
    return S_OK;
}

SHLAPI HRESULT WINAPI AssocQueryStringA(ASSOCF flags, ASSOCSTR what, LPCSTR assoc, LPCSTR extra, LPSTR out,
                                        DWORD *count)
{
    WCHAR a[MAX_PATH], e[MAX_PATH], result[2 * MAX_PATH];
    DWORD n = 2 * MAX_PATH;
    if (assoc == NULL || count == NULL) return E_INVALIDARG;
    MultiByteToWideChar(CP_ACP, 0, assoc, -1, a, MAX_PATH);
    if (extra) MultiByteToWideChar(CP_ACP, 0, extra, -1, e, MAX_PATH);
    HRESULT hr = AssocQueryStringW(flags, what, a, extra ? e : NULL, result, &n);
    if (FAILED(hr)) return hr;
    DWORD need = (DWORD)WideCharToMultiByte(CP_ACP, 0, result, -1, NULL, 0, NULL, NULL);
    if (out == NULL) { *count = need; return S_FALSE; }
    if (*count < need) { *count = need; return E_POINTER; }
    WideCharToMultiByte(CP_ACP, 0, result, -1, out, (int)*count, NULL, NULL);
    *count = need;
    return S_OK;
}

/* String `id` of a module: block id/16+1 of RT_STRING, entry id%16 (each a WORD count, then the
 * characters). */
static HRESULT ModuleString(HMODULE module, UINT id, LPWSTR out, UINT count)
{
    HRSRC res = FindResourceW(module, MAKEINTRESOURCEW(id / 16 + 1), (LPCWSTR)RT_STRING);
    if (res == NULL) return HRESULT_FROM_WIN32(ERROR_RESOURCE_NAME_NOT_FOUND);
    const WCHAR *p = LockResource(LoadResource(module, res));
    if (p == NULL) return E_FAIL;
    for (UINT i = 0; i < id % 16; i++) p += 1 + *p;
    UINT len = *p++;
    if (len == 0) return HRESULT_FROM_WIN32(ERROR_RESOURCE_NAME_NOT_FOUND);
    UINT n = len < count - 1 ? len : count - 1;
    CopyMemory(out, p, n * sizeof(WCHAR));
    out[n] = 0;
    return S_OK;
}

SHLAPI HRESULT WINAPI SHLoadIndirectString(LPCWSTR source, LPWSTR out, UINT count, void **reserved)
{
    (void)reserved;
    if (source == NULL || out == NULL || count == 0) return E_INVALIDARG;
    if (source[0] != '@') {
        lstrcpynW(out, source, (int)count);
        return S_OK;
    }
    /* "@file,-id" (an optional ";comment" after it). */
    WCHAR file[MAX_PATH];
    const WCHAR *comma = NULL;
    for (const WCHAR *p = source + 1; *p; p++) if (*p == ',') comma = p;
    if (comma == NULL || comma[1] != '-' || comma - source - 1 >= MAX_PATH) return E_FAIL;
    lstrcpynW(file, source + 1, (int)(comma - source));
    UINT id = 0;
    for (const WCHAR *p = comma + 2; *p >= '0' && *p <= '9'; p++) id = id * 10 + (*p - '0');
    WCHAR expanded[MAX_PATH];
    DWORD n = ExpandEnvironmentStringsW(file, expanded, MAX_PATH);
    if (n == 0 || n > MAX_PATH) return E_FAIL;
    HMODULE module = LoadLibraryExW(expanded, NULL, LOAD_LIBRARY_AS_DATAFILE);
    if (module == NULL) return E_FAIL;
    HRESULT hr = ModuleString(module, id, out, count);
    FreeLibrary(module);
    return hr;
}

/* IsOS: this machine is Windows 10 x64 NT, a workstation, with no domain, no terminal services
 * session beyond the console, and a standard user. */
SHLAPI BOOL WINAPI IsOS(DWORD os)
{
    switch (os) {
    case OS_NT: case OS_WIN2000ORGREATER: case OS_XPORGREATER: case OS_WIN2000PRO: case OS_PROFESSIONAL:
    case OS_FASTUSERSWITCHING:
        return TRUE;
    }
    return FALSE;               /* the 9x family, servers, WOW64, domains, embedded, Media Center ... */
}

SHLAPI HRESULT WINAPI DllGetVersion(DLLVERSIONINFO *info)
{
    if (info == NULL || (info->cbSize != sizeof(DLLVERSIONINFO) && info->cbSize != sizeof(DLLVERSIONINFO2)))
        return E_INVALIDARG;
    info->dwMajorVersion = 6;
    info->dwMinorVersion = 0;
    info->dwBuildNumber = 19041;
    info->dwPlatformID = DLLVER_PLATFORM_NT;
    if (info->cbSize == sizeof(DLLVERSIONINFO2)) {
        ((DLLVERSIONINFO2 *)info)->dwFlags = 0;
        ((DLLVERSIONINFO2 *)info)->ullVersion = MAKEDLLVERULL(6, 0, 19041, 1);
    }
    return S_OK;
}

SHLAPI HRESULT WINAPI WhichPlatform(void) { return PLATFORM_INTEGRATED; }
SHLAPI BOOL WINAPI SHIsLowMemoryMachine(DWORD type) { (void)type; return FALSE; }
SHLAPI BOOL WINAPI IsCharSpaceW(WCHAR c)
{
    WORD type = 0;
    return GetStringTypeW(CT_CTYPE1, &c, 1, &type) && (type & C1_SPACE);
}
SHLAPI BOOL WINAPI IsCharSpaceA(CHAR c)
{
    WCHAR w;
    return MultiByteToWideChar(CP_ACP, 0, &c, 1, &w, 1) && IsCharSpaceW(w);
}

/* SHAnsiToUnicode & co: converted into a buffer of `count` characters, always terminated;
 * the characters written with the terminator. */
SHLAPI int WINAPI SHAnsiToUnicode(LPCSTR s, LPWSTR out, int count)
{
    if (out == NULL || count <= 0) return 0;
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, out, count);
    if (n == 0) { out[count - 1] = 0; n = MultiByteToWideChar(CP_ACP, 0, s, count - 1, out, count - 1); out[n] = 0; n++; }
    return n;
}

SHLAPI int WINAPI SHUnicodeToAnsi(LPCWSTR s, LPSTR out, int count)
{
    if (out == NULL || count <= 0) return 0;
    int n = WideCharToMultiByte(CP_ACP, 0, s, -1, out, count, NULL, NULL);
    if (n == 0) { n = WideCharToMultiByte(CP_ACP, 0, s, -1, out, count - 1, NULL, NULL); out[n] = 0; n++; }
    return n;
}

SHLAPI int WINAPI SHUnicodeToUnicode(LPCWSTR s, LPWSTR out, int count)
{
    if (out == NULL || count <= 0) return 0;
    lstrcpynW(out, s, count);
    return lstrlenW(out) + 1;
}

SHLAPI int WINAPI SHAnsiToAnsi(LPCSTR s, LPSTR out, int count)
{
    if (out == NULL || count <= 0) return 0;
    lstrcpynA(out, s, count);
    return lstrlenA(out) + 1;
}

/* GetAcceptLanguages: the user's Accept-Language list (Internet Explorer's setting), else the
 * user's locale name, "en-US" here. */
SHLAPI HRESULT WINAPI GetAcceptLanguagesW(LPWSTR out, DWORD *count)
{
    WCHAR langs[256];
    DWORD bytes = sizeof(langs);
    if (out == NULL || count == NULL || *count == 0) return E_INVALIDARG;
    if (RegGetValueW(HKEY_CURRENT_USER, L"Software\\Microsoft\\Internet Explorer\\International", L"AcceptLanguage",
                     RRF_RT_REG_SZ, NULL, langs, &bytes) != ERROR_SUCCESS || !langs[0]) {
        if (!GetUserDefaultLocaleName(langs, ARRAYSIZE(langs))) lstrcpyW(langs, L"en-US");
    }
    DWORD n = (DWORD)lstrlenW(langs);
    if (*count <= n) {
        lstrcpynW(out, langs, (int)*count);
        *count = n;
        return E_NOT_SUFFICIENT_BUFFER;
    }
    lstrcpyW(out, langs);
    *count = n;
    return S_OK;
}

SHLAPI HRESULT WINAPI GetAcceptLanguagesA(LPSTR out, DWORD *count)
{
    WCHAR w[256];
    DWORD n = 256;
    if (out == NULL || count == NULL || *count == 0) return E_INVALIDARG;
    HRESULT hr = GetAcceptLanguagesW(w, &n);
    if (FAILED(hr)) return hr;
    if (*count <= n) {
        WideCharToMultiByte(CP_ACP, 0, w, (int)*count - 1, out, (int)*count, NULL, NULL);
        out[*count - 1] = 0;
        *count = n;
        return E_NOT_SUFFICIENT_BUFFER;
    }
    WideCharToMultiByte(CP_ACP, 0, w, -1, out, (int)*count, NULL, NULL);
    *count = n;
    return S_OK;
}
