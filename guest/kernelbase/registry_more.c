/* The rest of the registry family Windows 10 keeps in kernelbase: RegSetKeyValue (the subkey made
 * when missing), RegCopyTree (values and subkeys, recursively), RegSaveKeyEx (refused with
 * ERROR_PRIVILEGE_NOT_HELD: saving needs SeBackupPrivilege, which a standard user's token lacks)
 * and RegLoadMUIString for a plain string value (an indirect "@file,-id" one is not resolved:
 * ERROR_FILE_NOT_FOUND). */
#include "registry.h"

KBAPI LSTATUS WINAPI RegSetKeyValueW(HKEY key, LPCWSTR sub, LPCWSTR value, DWORD type, LPCVOID data, DWORD size)
{
    HKEY target = key;
    LSTATUS status = ERROR_SUCCESS;
    if (sub && *sub)
        status = RegCreateKeyExW(key, sub, 0, NULL, 0, KEY_SET_VALUE, NULL, &target, NULL);
    if (status == ERROR_SUCCESS)
        status = RegSetValueExW(target, value, 0, type, data, size);
    if (target != key)
        RegCloseKey(target);
    return status;
}

KBAPI LSTATUS WINAPI RegSetKeyValueA(HKEY key, LPCSTR sub, LPCSTR value, DWORD type, LPCVOID data, DWORD size)
{
    HKEY target = key;
    LSTATUS status = ERROR_SUCCESS;
    if (sub && *sub)
        status = RegCreateKeyExA(key, sub, 0, NULL, 0, KEY_SET_VALUE, NULL, &target, NULL);
    if (status == ERROR_SUCCESS)
        status = RegSetValueExA(target, value, 0, type, data, size);
    if (target != key)
        RegCloseKey(target);
    return status;
}

/* One level of RegCopyTree: every value of from, then each subkey made under to and copied. */
static LSTATUS CopyTree(HKEY from, HKEY to)
{
    DWORD values, max_name, max_data, subkeys, max_sub;
    LSTATUS status = RegQueryInfoKeyW(from, NULL, NULL, NULL, &subkeys, &max_sub, NULL, &values, &max_name,
                                      &max_data, NULL, NULL);
    if (status)
        return status;
    DWORD name_room = (max_name > max_sub ? max_name : max_sub) + 1;
    WCHAR *name = RegpAlloc(name_room * sizeof(WCHAR));
    BYTE *data = RegpAlloc(max_data + 2);
    if (!name || !data)
        status = ERROR_NOT_ENOUGH_MEMORY;
    for (DWORD i = 0; !status && i < values; i++) {
        DWORD name_size = name_room, data_size = max_data + 2, type;
        status = RegEnumValueW(from, i, name, &name_size, NULL, &type, data, &data_size);
        if (!status)
            status = RegSetValueExW(to, name, 0, type, data, data_size);
    }
    for (DWORD i = 0; !status && i < subkeys; i++) {
        DWORD name_size = name_room;
        HKEY child_from, child_to;
        status = RegEnumKeyExW(from, i, name, &name_size, NULL, NULL, NULL, NULL);
        if (!status)
            status = RegOpenKeyExW(from, name, 0, KEY_READ, &child_from);
        if (status)
            break;
        status = RegCreateKeyExW(to, name, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &child_to, NULL);
        if (!status) {
            status = CopyTree(child_from, child_to);
            RegCloseKey(child_to);
        }
        RegCloseKey(child_from);
    }
    RegpFree(name);
    RegpFree(data);
    return status;
}

KBAPI LSTATUS WINAPI RegCopyTreeW(HKEY source, LPCWSTR sub, HKEY destination)
{
    HKEY from = source;
    LSTATUS status = ERROR_SUCCESS;
    if (!destination)
        return ERROR_INVALID_HANDLE;
    if (sub && *sub)
        status = RegOpenKeyExW(source, sub, 0, KEY_READ, &from);
    if (status)
        return status;
    status = CopyTree(from, destination);
    if (from != source)
        RegCloseKey(from);
    return status;
}

KBAPI LSTATUS WINAPI RegCopyTreeA(HKEY source, LPCSTR sub, HKEY destination)
{
    WCHAR *w = RegpAnsiToWide(sub);
    LSTATUS status = sub && !w ? ERROR_NOT_ENOUGH_MEMORY : RegCopyTreeW(source, w, destination);
    RegpFree(w);
    return status;
}

KBAPI LSTATUS WINAPI RegSaveKeyExW(HKEY key, LPCWSTR file, const LPSECURITY_ATTRIBUTES security, DWORD flags)
{
    return file ? ERROR_PRIVILEGE_NOT_HELD : ERROR_INVALID_PARAMETER;
}

KBAPI LSTATUS WINAPI RegSaveKeyExA(HKEY key, LPCSTR file, const LPSECURITY_ATTRIBUTES security, DWORD flags)
{
    return file ? ERROR_PRIVILEGE_NOT_HELD : ERROR_INVALID_PARAMETER;
}

KBAPI LSTATUS WINAPI RegLoadMUIStringW(HKEY key, LPCWSTR value, LPWSTR out, DWORD size, LPDWORD needed,
                                        DWORD flags, LPCWSTR directory)
{
    if (flags & ~REG_MUI_STRING_TRUNCATE || (size && !out) || size & 1 ||
        (flags & REG_MUI_STRING_TRUNCATE && needed))
        return ERROR_INVALID_PARAMETER;
    DWORD type, length = 0;
    LSTATUS status = RegQueryValueExW(key, value, NULL, &type, NULL, &length);
    if (status)
        return status;
    if (type != REG_SZ && type != REG_EXPAND_SZ)
        return ERROR_INVALID_DATA;
    WCHAR *text = RegpAlloc(length + sizeof(WCHAR));
    if (!text)
        return ERROR_NOT_ENOUGH_MEMORY;
    status = RegQueryValueExW(key, value, NULL, &type, (BYTE *)text, &length);
    text[length / sizeof(WCHAR)] = 0;
    if (!status && text[0] == L'@')
        status = ERROR_FILE_NOT_FOUND;
    if (!status) {
        DWORD bytes = (DWORD)(wcslen(text) + 1) * sizeof(WCHAR);
        if (needed)
            *needed = bytes;
        if (bytes > size && !(flags & REG_MUI_STRING_TRUNCATE)) {
            status = ERROR_MORE_DATA;
        } else if (size) {
            DWORD copy = bytes > size ? size : bytes;
            memcpy(out, text, copy);
            out[copy / sizeof(WCHAR) - 1] = 0;
        }
    }
    RegpFree(text);
    return status;
}

KBAPI LSTATUS WINAPI RegLoadMUIStringA(HKEY key, LPCSTR value, LPSTR out, DWORD size, LPDWORD needed, DWORD flags,
                                        LPCSTR directory)
{
    return ERROR_CALL_NOT_IMPLEMENTED;      /* as on Windows: only the W form is implemented */
}
