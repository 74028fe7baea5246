/* The SH* registry helpers: one call for what takes RegOpenKeyEx, a query and RegCloseKey.
 * SHQueryValueEx and SHGetValue expand a REG_EXPAND_SZ and report it as REG_SZ (the size asked
 * is then that of the expanded text); SHDeleteKey removes a whole tree; SHCopyKey copies one. */
#include "lw.h"

/* The value read, REG_EXPAND_SZ expanded into the caller's buffer. */
SHLAPI DWORD WINAPI SHQueryValueExW(HKEY key, LPCWSTR value, DWORD *reserved, DWORD *type, void *data, DWORD *size)
{
    DWORD t = 0, have = size ? *size : 0;
    (void)reserved;
    if (data && size == NULL) return ERROR_INVALID_PARAMETER;
    LSTATUS status = RegQueryValueExW(key, value, NULL, &t, data, size);
    if (t == REG_EXPAND_SZ && (status == ERROR_SUCCESS || status == ERROR_MORE_DATA) && size) {
        /* Step 2: the raw text, then its expansion, whose length is what the caller needs. */
        DWORD raw = *size;
        WCHAR *text = HeapAlloc(GetProcessHeap(), 0, raw + sizeof(WCHAR));
        if (text == NULL) return ERROR_OUTOFMEMORY;
        DWORD got = raw;
        if (RegQueryValueExW(key, value, NULL, NULL, (BYTE *)text, &got) == ERROR_SUCCESS) {
            text[got / sizeof(WCHAR)] = 0;
            DWORD need = ExpandEnvironmentStringsW(text, NULL, 0) * sizeof(WCHAR);
            if (need < raw) need = raw;
            if (data && have >= need) {
                ExpandEnvironmentStringsW(text, data, have / sizeof(WCHAR));
                status = ERROR_SUCCESS;
            } else {
                status = data ? ERROR_MORE_DATA : ERROR_SUCCESS;
            }
            *size = need;
        }
        HeapFree(GetProcessHeap(), 0, text);
        t = REG_SZ;
    }
    if (type) *type = t;
    return status;
}

SHLAPI DWORD WINAPI SHQueryValueExA(HKEY key, LPCSTR value, DWORD *reserved, DWORD *type, void *data, DWORD *size)
{
    DWORD t = 0, have = size ? *size : 0;
    (void)reserved;
    if (data && size == NULL) return ERROR_INVALID_PARAMETER;
    LSTATUS status = RegQueryValueExA(key, value, NULL, &t, data, size);
    if (t == REG_EXPAND_SZ && (status == ERROR_SUCCESS || status == ERROR_MORE_DATA) && size) {
        DWORD raw = *size;
        char *text = HeapAlloc(GetProcessHeap(), 0, raw + 1);
        if (text == NULL) return ERROR_OUTOFMEMORY;
        DWORD got = raw;
        if (RegQueryValueExA(key, value, NULL, NULL, (BYTE *)text, &got) == ERROR_SUCCESS) {
            text[got] = 0;
            DWORD need = ExpandEnvironmentStringsA(text, NULL, 0);
            if (need < raw) need = raw;
            if (data && have >= need) {
                ExpandEnvironmentStringsA(text, data, have);
                status = ERROR_SUCCESS;
            } else {
                status = data ? ERROR_MORE_DATA : ERROR_SUCCESS;
            }
            *size = need;
        }
        HeapFree(GetProcessHeap(), 0, text);
        t = REG_SZ;
    }
    if (type) *type = t;
    return status;
}

SHLAPI DWORD WINAPI SHGetValueW(HKEY key, LPCWSTR sub, LPCWSTR value, DWORD *type, void *data, DWORD *size)
{
    HKEY k;
    LSTATUS status = RegOpenKeyExW(key, sub && sub[0] ? sub : NULL, 0, KEY_QUERY_VALUE, &k);
    if (status) return status;
    status = SHQueryValueExW(k, value, NULL, type, data, size);
    RegCloseKey(k);
    return status;
}

SHLAPI DWORD WINAPI SHGetValueA(HKEY key, LPCSTR sub, LPCSTR value, DWORD *type, void *data, DWORD *size)
{
    HKEY k;
    LSTATUS status = RegOpenKeyExA(key, sub && sub[0] ? sub : NULL, 0, KEY_QUERY_VALUE, &k);
    if (status) return status;
    status = SHQueryValueExA(k, value, NULL, type, data, size);
    RegCloseKey(k);
    return status;
}

SHLAPI DWORD WINAPI SHSetValueW(HKEY key, LPCWSTR sub, LPCWSTR value, DWORD type, LPCVOID data, DWORD size)
{
    HKEY k;
    LSTATUS status = RegCreateKeyExW(key, sub ? sub : L"", 0, NULL, 0, KEY_SET_VALUE, NULL, &k, NULL);
    if (status) return status;
    status = RegSetValueExW(k, value, 0, type, data, size);
    RegCloseKey(k);
    return status;
}

SHLAPI DWORD WINAPI SHSetValueA(HKEY key, LPCSTR sub, LPCSTR value, DWORD type, LPCVOID data, DWORD size)
{
    HKEY k;
    LSTATUS status = RegCreateKeyExA(key, sub ? sub : "", 0, NULL, 0, KEY_SET_VALUE, NULL, &k, NULL);
    if (status) return status;
    status = RegSetValueExA(k, value, 0, type, data, size);
    RegCloseKey(k);
    return status;
}

SHLAPI DWORD WINAPI SHDeleteValueW(HKEY key, LPCWSTR sub, LPCWSTR value)
{
    HKEY k;
    LSTATUS status = RegOpenKeyExW(key, sub, 0, KEY_SET_VALUE, &k);
    if (status) return status;
    status = RegDeleteValueW(k, value);
    RegCloseKey(k);
    return status;
}

SHLAPI DWORD WINAPI SHDeleteValueA(HKEY key, LPCSTR sub, LPCSTR value)
{
    HKEY k;
    LSTATUS status = RegOpenKeyExA(key, sub, 0, KEY_SET_VALUE, &k);
    if (status) return status;
    status = RegDeleteValueA(k, value);
    RegCloseKey(k);
    return status;
}

/* SHDeleteKey: the key and everything below it. */
SHLAPI DWORD WINAPI SHDeleteKeyW(HKEY key, LPCWSTR sub)
{
    HKEY k;
    LSTATUS status = RegOpenKeyExW(key, sub, 0, KEY_ALL_ACCESS, &k);
    if (status) return status;
    status = RegDeleteTreeW(k, NULL);
    RegCloseKey(k);
    return status ? status : (DWORD)RegDeleteKeyW(key, sub ? sub : L"");
}

SHLAPI DWORD WINAPI SHDeleteKeyA(HKEY key, LPCSTR sub)
{
    WCHAR w[MAX_PATH];
    if (sub && !MultiByteToWideChar(CP_ACP, 0, sub, -1, w, MAX_PATH)) return ERROR_INVALID_PARAMETER;
    return SHDeleteKeyW(key, sub ? w : NULL);
}

/* SHDeleteEmptyKey: the key only if it has neither subkeys nor values (ERROR_KEY_HAS_CHILDREN). */
SHLAPI DWORD WINAPI SHDeleteEmptyKeyW(HKEY key, LPCWSTR sub)
{
    HKEY k;
    DWORD subkeys = 0, values = 0;
    LSTATUS status = RegOpenKeyExW(key, sub, 0, KEY_READ, &k);
    if (status) return status;
    status = RegQueryInfoKeyW(k, NULL, NULL, NULL, &subkeys, NULL, NULL, &values, NULL, NULL, NULL, NULL);
    RegCloseKey(k);
    if (status) return status;
    if (subkeys || values) return ERROR_KEY_HAS_CHILDREN;
    return RegDeleteKeyW(key, sub ? sub : L"");
}

SHLAPI DWORD WINAPI SHDeleteEmptyKeyA(HKEY key, LPCSTR sub)
{
    WCHAR w[MAX_PATH];
    if (sub && !MultiByteToWideChar(CP_ACP, 0, sub, -1, w, MAX_PATH)) return ERROR_INVALID_PARAMETER;
    return SHDeleteEmptyKeyW(key, sub ? w : NULL);
}

SHLAPI LSTATUS WINAPI SHRegGetValueW(HKEY key, LPCWSTR sub, LPCWSTR value, SRRF flags, DWORD *type, void *data,
                                     DWORD *size)
{
    return RegGetValueW(key, sub, value, flags, type, data, size);
}

SHLAPI LSTATUS WINAPI SHRegGetValueA(HKEY key, LPCSTR sub, LPCSTR value, SRRF flags, DWORD *type, void *data,
                                     DWORD *size)
{
    return RegGetValueA(key, sub, value, flags, type, data, size);
}

SHLAPI LSTATUS WINAPI SHEnumKeyExW(HKEY key, DWORD index, LPWSTR name, DWORD *size)
{
    return RegEnumKeyExW(key, index, name, size, NULL, NULL, NULL, NULL);
}

SHLAPI LSTATUS WINAPI SHEnumKeyExA(HKEY key, DWORD index, LPSTR name, DWORD *size)
{
    return RegEnumKeyExA(key, index, name, size, NULL, NULL, NULL, NULL);
}

SHLAPI LSTATUS WINAPI SHEnumValueW(HKEY key, DWORD index, LPWSTR name, DWORD *chars, DWORD *type, void *data,
                                   DWORD *size)
{
    return RegEnumValueW(key, index, name, chars, NULL, type, data, size);
}

SHLAPI LSTATUS WINAPI SHEnumValueA(HKEY key, DWORD index, LPSTR name, DWORD *chars, DWORD *type, void *data,
                                   DWORD *size)
{
    return RegEnumValueA(key, index, name, chars, NULL, type, data, size);
}

SHLAPI LSTATUS WINAPI SHQueryInfoKeyW(HKEY key, DWORD *subkeys, DWORD *maxkey, DWORD *values, DWORD *maxvalue)
{
    return RegQueryInfoKeyW(key, NULL, NULL, NULL, subkeys, maxkey, NULL, values, maxvalue, NULL, NULL, NULL);
}

SHLAPI LSTATUS WINAPI SHQueryInfoKeyA(HKEY key, DWORD *subkeys, DWORD *maxkey, DWORD *values, DWORD *maxvalue)
{
    return RegQueryInfoKeyA(key, NULL, NULL, NULL, subkeys, maxkey, NULL, values, maxvalue, NULL, NULL, NULL);
}

/* SHCopyKey: the subkey's values and keys, recursively, into dest. */
SHLAPI DWORD WINAPI SHCopyKeyW(HKEY src, LPCWSTR sub, HKEY dest, DWORD reserved)
{
    (void)reserved;
    if (dest == NULL || src == NULL) return ERROR_INVALID_PARAMETER;
    return RegCopyTreeW(src, sub, dest);
}

SHLAPI DWORD WINAPI SHCopyKeyA(HKEY src, LPCSTR sub, HKEY dest, DWORD reserved)
{
    WCHAR w[MAX_PATH];
    if (sub && !MultiByteToWideChar(CP_ACP, 0, sub, -1, w, MAX_PATH)) return ERROR_INVALID_PARAMETER;
    return SHCopyKeyW(src, sub ? w : NULL, dest, reserved);
}

/* SHRegGetPath/SHRegSetPath: a path value, expanded on reading. */
SHLAPI DWORD WINAPI SHRegGetPathW(HKEY key, LPCWSTR sub, LPCWSTR value, LPWSTR path, DWORD flags)
{
    DWORD size = MAX_PATH * sizeof(WCHAR);
    (void)flags;
    return SHGetValueW(key, sub, value, NULL, path, &size);
}

SHLAPI DWORD WINAPI SHRegGetPathA(HKEY key, LPCSTR sub, LPCSTR value, LPSTR path, DWORD flags)
{
    DWORD size = MAX_PATH;
    (void)flags;
    return SHGetValueA(key, sub, value, NULL, path, &size);
}

SHLAPI DWORD WINAPI SHRegSetPathW(HKEY key, LPCWSTR sub, LPCWSTR value, LPCWSTR path, DWORD flags)
{
    (void)flags;
    return SHSetValueW(key, sub, value, REG_SZ, path, (DWORD)(lstrlenW(path) + 1) * sizeof(WCHAR));
}

SHLAPI DWORD WINAPI SHRegSetPathA(HKEY key, LPCSTR sub, LPCSTR value, LPCSTR path, DWORD flags)
{
    (void)flags;
    return SHSetValueA(key, sub, value, REG_SZ, path, (DWORD)lstrlenA(path) + 1);
}

/* SHRegGetUSValue: the user's value (HKEY_CURRENT_USER) unless ignored, then the machine's, then
 * the default given. */
SHLAPI LONG WINAPI SHRegGetUSValueW(LPCWSTR sub, LPCWSTR value, DWORD *type, void *data, DWORD *size, BOOL ignoreUser,
                                    void *fallback, DWORD fallbackSize)
{
    DWORD have = size ? *size : 0;
    LONG status = ERROR_FILE_NOT_FOUND;
    if (!ignoreUser) status = (LONG)SHGetValueW(HKEY_CURRENT_USER, sub, value, type, data, size);
    if (status != ERROR_SUCCESS && status != ERROR_MORE_DATA) {
        if (size) *size = have;
        status = (LONG)SHGetValueW(HKEY_LOCAL_MACHINE, sub, value, type, data, size);
    }
    if (status != ERROR_SUCCESS && status != ERROR_MORE_DATA && fallback && data && size && have >= fallbackSize) {
        CopyMemory(data, fallback, fallbackSize);
        *size = fallbackSize;
        status = ERROR_SUCCESS;
    }
    return status;
}

SHLAPI LONG WINAPI SHRegGetUSValueA(LPCSTR sub, LPCSTR value, DWORD *type, void *data, DWORD *size, BOOL ignoreUser,
                                    void *fallback, DWORD fallbackSize)
{
    DWORD have = size ? *size : 0;
    LONG status = ERROR_FILE_NOT_FOUND;
    if (!ignoreUser) status = (LONG)SHGetValueA(HKEY_CURRENT_USER, sub, value, type, data, size);
    if (status != ERROR_SUCCESS && status != ERROR_MORE_DATA) {
        if (size) *size = have;
        status = (LONG)SHGetValueA(HKEY_LOCAL_MACHINE, sub, value, type, data, size);
    }
    if (status != ERROR_SUCCESS && status != ERROR_MORE_DATA && fallback && data && size && have >= fallbackSize) {
        CopyMemory(data, fallback, fallbackSize);
        *size = fallbackSize;
        status = ERROR_SUCCESS;
    }
    return status;
}

/* SHRegGetBoolUSValue: a DWORD (non-zero), or a string "yes"/"true"/"1" ("no"/"false"/"0"). */
SHLAPI BOOL WINAPI SHRegGetBoolUSValueW(LPCWSTR sub, LPCWSTR value, BOOL ignoreUser, BOOL fallback)
{
    BYTE data[64];
    DWORD type = 0, size = sizeof(data) - sizeof(WCHAR);
    if (SHRegGetUSValueW(sub, value, &type, data, &size, ignoreUser, NULL, 0) != ERROR_SUCCESS) return fallback;
    if (type == REG_DWORD && size >= 4) return *(DWORD *)data != 0;
    if (type == REG_SZ || type == REG_EXPAND_SZ) {
        WCHAR *s = (WCHAR *)data;
        s[size / sizeof(WCHAR)] = 0;
        if (!lstrcmpiW(s, L"yes") || !lstrcmpiW(s, L"true") || !lstrcmpW(s, L"1")) return TRUE;
        if (!lstrcmpiW(s, L"no") || !lstrcmpiW(s, L"false") || !lstrcmpW(s, L"0")) return FALSE;
    }
    return fallback;
}

SHLAPI BOOL WINAPI SHRegGetBoolUSValueA(LPCSTR sub, LPCSTR value, BOOL ignoreUser, BOOL fallback)
{
    WCHAR s[MAX_PATH], v[MAX_PATH];
    if (sub) MultiByteToWideChar(CP_ACP, 0, sub, -1, s, MAX_PATH);
    if (value) MultiByteToWideChar(CP_ACP, 0, value, -1, v, MAX_PATH);
    return SHRegGetBoolUSValueW(sub ? s : NULL, value ? v : NULL, ignoreUser, fallback);
}

/* SHRegSetUSValue: SHREGSET_HKCU/FORCE_HKCU write the user's value (HKLM is not writable for this
 * standard user, so its flags end in ERROR_ACCESS_DENIED). */
SHLAPI LONG WINAPI SHRegSetUSValueW(LPCWSTR sub, LPCWSTR value, DWORD type, const void *data, DWORD size, DWORD flags)
{
    LONG status = ERROR_INVALID_PARAMETER;
    if (flags & (SHREGSET_HKCU | SHREGSET_FORCE_HKCU))
        status = (LONG)SHSetValueW(HKEY_CURRENT_USER, sub, value, type, data, size);
    if ((flags & (SHREGSET_HKLM | SHREGSET_FORCE_HKLM)) && (status == ERROR_SUCCESS || status == ERROR_INVALID_PARAMETER)) {
        LONG machine = (LONG)SHSetValueW(HKEY_LOCAL_MACHINE, sub, value, type, data, size);
        if ((flags & SHREGSET_FORCE_HKLM) || status == ERROR_INVALID_PARAMETER) status = machine;
    }
    return status;
}

SHLAPI LONG WINAPI SHRegSetUSValueA(LPCSTR sub, LPCSTR value, DWORD type, const void *data, DWORD size, DWORD flags)
{
    LONG status = ERROR_INVALID_PARAMETER;
    if (flags & (SHREGSET_HKCU | SHREGSET_FORCE_HKCU))
        status = (LONG)SHSetValueA(HKEY_CURRENT_USER, sub, value, type, data, size);
    if ((flags & (SHREGSET_HKLM | SHREGSET_FORCE_HKLM)) && (status == ERROR_SUCCESS || status == ERROR_INVALID_PARAMETER)) {
        LONG machine = (LONG)SHSetValueA(HKEY_LOCAL_MACHINE, sub, value, type, data, size);
        if ((flags & SHREGSET_FORCE_HKLM) || status == ERROR_INVALID_PARAMETER) status = machine;
    }
    return status;
}
