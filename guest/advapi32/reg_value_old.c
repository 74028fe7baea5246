/* The Win 3.1 registry calls advapi32 keeps for itself: RegQueryValue and RegSetValue (a subkey's
 * default value, REG_SZ only; no default value reads as an empty string), RegConnectRegistry for
 * this machine (HKEY_LOCAL_MACHINE, HKEY_USERS, HKEY_PERFORMANCE_DATA; another machine is
 * ERROR_BAD_NETPATH) and RegSaveKey (ERROR_PRIVILEGE_NOT_HELD for a standard user). */
#include "advapi32.h"

ADVAPI LSTATUS WINAPI RegQueryValueW(HKEY key, LPCWSTR sub, LPWSTR data, PLONG size)
{
    HKEY target = key;
    LSTATUS status = ERROR_SUCCESS;
    if (sub && *sub)
        status = RegOpenKeyExW(key, sub, 0, KEY_QUERY_VALUE, &target);
    if (status)
        return status;
    DWORD type, length = size ? (DWORD)*size : 0;
    status = RegQueryValueExW(target, NULL, NULL, &type, (BYTE *)data, data ? &length : (size ? &length : NULL));
    if (status == ERROR_FILE_NOT_FOUND) {
        /* no default value: an empty string */
        status = ERROR_SUCCESS;
        length = sizeof(WCHAR);
        if (data && size && *size >= (LONG)sizeof(WCHAR))
            data[0] = 0;
        else if (data)
            status = ERROR_MORE_DATA;
    } else if (!status && type != REG_SZ) {
        status = ERROR_INVALID_DATA;
    }
    if (size && (!status || status == ERROR_MORE_DATA))
        *size = (LONG)length;
    if (target != key)
        RegCloseKey(target);
    return status;
}

ADVAPI LSTATUS WINAPI RegQueryValueA(HKEY key, LPCSTR sub, LPSTR data, PLONG size)
{
    HKEY target = key;
    LSTATUS status = ERROR_SUCCESS;
    if (sub && *sub)
        status = RegOpenKeyExA(key, sub, 0, KEY_QUERY_VALUE, &target);
    if (status)
        return status;
    DWORD type, length = size ? (DWORD)*size : 0;
    status = RegQueryValueExA(target, NULL, NULL, &type, (BYTE *)data, size ? &length : NULL);
    if (status == ERROR_FILE_NOT_FOUND) {
        status = ERROR_SUCCESS;
        length = 1;
        if (data && size && *size >= 1)
            data[0] = 0;
        else if (data)
            status = ERROR_MORE_DATA;
    } else if (!status && type != REG_SZ) {
        status = ERROR_INVALID_DATA;
    }
    if (size && (!status || status == ERROR_MORE_DATA))
        *size = (LONG)length;
    if (target != key)
        RegCloseKey(target);
    return status;
}

ADVAPI LSTATUS WINAPI RegSetValueW(HKEY key, LPCWSTR sub, DWORD type, LPCWSTR data, DWORD ignored)
{
    if (type != REG_SZ || !data)
        return ERROR_INVALID_PARAMETER;
    HKEY target = key;
    LSTATUS status = ERROR_SUCCESS;
    if (sub && *sub)
        status = RegCreateKeyExW(key, sub, 0, NULL, 0, KEY_SET_VALUE, NULL, &target, NULL);
    if (!status)
        status = RegSetValueExW(target, NULL, 0, REG_SZ, (const BYTE *)data, (DWORD)(wcslen(data) + 1) * sizeof(WCHAR));
    if (target != key)
        RegCloseKey(target);
    return status;
}

ADVAPI LSTATUS WINAPI RegSetValueA(HKEY key, LPCSTR sub, DWORD type, LPCSTR data, DWORD ignored)
{
    if (type != REG_SZ || !data)
        return ERROR_INVALID_PARAMETER;
    HKEY target = key;
    LSTATUS status = ERROR_SUCCESS;
    if (sub && *sub)
        status = RegCreateKeyExA(key, sub, 0, NULL, 0, KEY_SET_VALUE, NULL, &target, NULL);
    if (!status)
        status = RegSetValueExA(target, NULL, 0, REG_SZ, (const BYTE *)data, (DWORD)strlen(data) + 1);
    if (target != key)
        RegCloseKey(target);
    return status;
}

ADVAPI LSTATUS WINAPI RegConnectRegistryW(LPCWSTR machine, HKEY key, PHKEY out)
{
    if (!out)
        return ERROR_INVALID_PARAMETER;
    if (machine && *machine) {
        WCHAR local[MAX_COMPUTERNAME_LENGTH + 1];
        DWORD n = MAX_COMPUTERNAME_LENGTH + 1;
        const WCHAR *m = machine[0] == L'\\' && machine[1] == L'\\' ? machine + 2 : machine;
        if (!GetComputerNameW(local, &n) || CompareStringOrdinal(m, -1, local, -1, TRUE) != CSTR_EQUAL)
            return ERROR_BAD_NETPATH;
    }
    if (key != HKEY_LOCAL_MACHINE && key != HKEY_USERS && key != HKEY_PERFORMANCE_DATA)
        return ERROR_INVALID_HANDLE;
    return RegOpenKeyExW(key, NULL, 0, MAXIMUM_ALLOWED, out);
}

ADVAPI LSTATUS WINAPI RegConnectRegistryA(LPCSTR machine, HKEY key, PHKEY out)
{
    WCHAR *m = AdvAnsiToWide(machine);
    LSTATUS status = RegConnectRegistryW(m, key, out);
    AdvFree(m);
    return status;
}

ADVAPI LSTATUS WINAPI RegSaveKeyW(HKEY key, LPCWSTR file, LPSECURITY_ATTRIBUTES security)
{
    return RegSaveKeyExW(key, file, security, REG_STANDARD_FORMAT);
}

ADVAPI LSTATUS WINAPI RegSaveKeyA(HKEY key, LPCSTR file, LPSECURITY_ATTRIBUTES security)
{
    return RegSaveKeyExA(key, file, security, REG_STANDARD_FORMAT);
}
