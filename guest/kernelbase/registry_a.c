/* The registry API, ANSI forms: names and string data converted with the ANSI code page around
 * the wide forms (reg.c). String data sizes are ANSI byte counts. */
#include "registry.h"

WCHAR *RegpAnsiToWide(const char *text)
{
    if (!text)
        return NULL;
    int n = MultiByteToWideChar(CP_ACP, 0, text, -1, NULL, 0);
    WCHAR *wide = RegpAlloc((SIZE_T)n * sizeof(WCHAR));
    if (wide)
        MultiByteToWideChar(CP_ACP, 0, text, -1, wide, n);
    return wide;
}

static int IsString(DWORD type) { return type == REG_SZ || type == REG_EXPAND_SZ || type == REG_MULTI_SZ; }

/* A wide name (chars characters) into an ANSI buffer of *size bytes, terminator included. */
static LSTATUS NarrowName(const WCHAR *name, DWORD chars, LPSTR out, LPDWORD size)
{
    int n = WideCharToMultiByte(CP_ACP, 0, name, (int)chars, NULL, 0, NULL, NULL);
    if ((DWORD)n >= *size)
        return ERROR_MORE_DATA;
    WideCharToMultiByte(CP_ACP, 0, name, (int)chars, out, n, NULL, NULL);
    out[n] = 0;
    *size = (DWORD)n;
    return ERROR_SUCCESS;
}

KBAPI LSTATUS WINAPI RegOpenKeyExA(HKEY key, LPCSTR sub, DWORD options, REGSAM sam, PHKEY result)
{
    WCHAR *w = RegpAnsiToWide(sub);
    LSTATUS r = RegOpenKeyExW(key, w, options, sam, result);
    RegpFree(w);
    return r;
}

KBAPI LSTATUS WINAPI RegCreateKeyExA(HKEY key, LPCSTR sub, DWORD reserved, LPSTR class_name, DWORD options,
                                      REGSAM sam, LPSECURITY_ATTRIBUTES security, PHKEY result, LPDWORD disposition)
{
    WCHAR *w = RegpAnsiToWide(sub), *c = RegpAnsiToWide(class_name);
    LSTATUS r = RegCreateKeyExW(key, w, reserved, c, options, sam, security, result, disposition);
    RegpFree(w);
    RegpFree(c);
    return r;
}

KBAPI LSTATUS WINAPI RegQueryValueExA(HKEY key, LPCSTR value, LPDWORD reserved, LPDWORD ptype, LPBYTE data,
                                       LPDWORD size)
{
    if (reserved || (data && !size))
        return ERROR_INVALID_PARAMETER;
    WCHAR *w = RegpAnsiToWide(value);
    DWORD type = 0, length = 0;
    LSTATUS r = RegQueryValueExW(key, w, NULL, &type, NULL, &length);
    BYTE *buffer = NULL;
    if (!r) {
        buffer = RegpAlloc(length ? length : 1);
        r = buffer ? RegQueryValueExW(key, w, NULL, &type, buffer, &length) : ERROR_NOT_ENOUGH_MEMORY;
    }
    RegpFree(w);
    if (!r) {
        BYTE *out = buffer;
        DWORD out_size = length;
        if (IsString(type)) {
            int n = WideCharToMultiByte(CP_ACP, 0, (WCHAR *)buffer, (int)(length / sizeof(WCHAR)), NULL, 0, NULL, NULL);
            out = RegpAlloc(n ? n : 1);
            WideCharToMultiByte(CP_ACP, 0, (WCHAR *)buffer, (int)(length / sizeof(WCHAR)), (char *)out, n, NULL, NULL);
            out_size = (DWORD)n;
        }
        if (data && *size < out_size)
            r = ERROR_MORE_DATA;
        else if (data)
            memcpy(data, out, out_size);
        if (size)
            *size = out_size;
        if (ptype)
            *ptype = type;
        if (out != buffer)
            RegpFree(out);
    }
    RegpFree(buffer);
    return r;
}

KBAPI LSTATUS WINAPI RegSetValueExA(HKEY key, LPCSTR value, DWORD reserved, DWORD type, const BYTE *data,
                                     DWORD size)
{
    if (!data && size)
        return ERROR_NOACCESS;
    WCHAR *w = RegpAnsiToWide(value);
    const BYTE *wide_data = data;
    WCHAR *converted = NULL;
    if (IsString(type) && data) {
        int n = MultiByteToWideChar(CP_ACP, 0, (const char *)data, (int)size, NULL, 0);
        converted = RegpAlloc((SIZE_T)(n ? n : 1) * sizeof(WCHAR));
        MultiByteToWideChar(CP_ACP, 0, (const char *)data, (int)size, converted, n);
        wide_data = (const BYTE *)converted;
        size = (DWORD)n * sizeof(WCHAR);
    }
    LSTATUS r = RegSetValueExW(key, w, reserved, type, wide_data, size);
    RegpFree(w);
    RegpFree(converted);
    return r;
}

KBAPI LSTATUS WINAPI RegDeleteValueA(HKEY key, LPCSTR value)
{
    WCHAR *w = RegpAnsiToWide(value);
    LSTATUS r = RegDeleteValueW(key, w);
    RegpFree(w);
    return r;
}

KBAPI LSTATUS WINAPI RegDeleteKeyExA(HKEY key, LPCSTR sub, REGSAM sam, DWORD reserved)
{
    if (!sub)
        return ERROR_INVALID_PARAMETER;
    WCHAR *w = RegpAnsiToWide(sub);
    LSTATUS r = RegDeleteKeyExW(key, w, sam, reserved);
    RegpFree(w);
    return r;
}

KBAPI LSTATUS WINAPI RegDeleteTreeA(HKEY key, LPCSTR sub)
{
    WCHAR *w = RegpAnsiToWide(sub);
    LSTATUS r = RegDeleteTreeW(key, w);
    RegpFree(w);
    return r;
}

KBAPI LSTATUS WINAPI RegEnumKeyExA(HKEY key, DWORD index, LPSTR name, LPDWORD name_size, LPDWORD reserved,
                                    LPSTR class_name, LPDWORD class_size, PFILETIME written)
{
    WCHAR wname[256], wclass[256];
    DWORD wsize = 256, wclass_size = 256;
    if (reserved || !name || !name_size || (class_name && !class_size))
        return ERROR_INVALID_PARAMETER;
    LSTATUS r = RegEnumKeyExW(key, index, wname, &wsize, NULL, class_name ? wclass : NULL,
                              class_name ? &wclass_size : NULL, written);
    if (!r)
        r = NarrowName(wname, wsize, name, name_size);
    if (!r && class_name)
        r = NarrowName(wclass, wclass_size, class_name, class_size);
    return r;
}

KBAPI LSTATUS WINAPI RegEnumValueA(HKEY key, DWORD index, LPSTR name, LPDWORD name_size, LPDWORD reserved,
                                    LPDWORD ptype, LPBYTE data, LPDWORD size)
{
    DWORD wsize = 16384, type = 0, length = 0;
    if (reserved || !name || !name_size || (data && !size))
        return ERROR_INVALID_PARAMETER;
    WCHAR *wname = RegpAlloc(16384 * sizeof(WCHAR));       /* the longest value name there can be */
    if (!wname)
        return ERROR_NOT_ENOUGH_MEMORY;
    LSTATUS r = RegEnumValueW(key, index, wname, &wsize, NULL, &type, NULL, &length);
    if (r) {
        RegpFree(wname);
        return r;
    }
    BYTE *buffer = RegpAlloc(length ? length : 1);
    wsize = 16384;
    r = RegEnumValueW(key, index, wname, &wsize, NULL, &type, buffer, &length);
    if (!r)
        r = NarrowName(wname, wsize, name, name_size);
    if (!r) {
        BYTE *out = buffer;
        DWORD out_size = length;
        if (IsString(type)) {
            int n = WideCharToMultiByte(CP_ACP, 0, (WCHAR *)buffer, (int)(length / sizeof(WCHAR)), NULL, 0, NULL, NULL);
            out = RegpAlloc(n ? n : 1);
            WideCharToMultiByte(CP_ACP, 0, (WCHAR *)buffer, (int)(length / sizeof(WCHAR)), (char *)out, n, NULL, NULL);
            out_size = (DWORD)n;
        }
        if (data && *size < out_size)
            r = ERROR_MORE_DATA;
        else if (data)
            memcpy(data, out, out_size);
        if (size)
            *size = out_size;
        if (ptype)
            *ptype = type;
        if (out != buffer)
            RegpFree(out);
    }
    RegpFree(buffer);
    RegpFree(wname);
    return r;
}

KBAPI LSTATUS WINAPI RegQueryInfoKeyA(HKEY key, LPSTR class_name, LPDWORD class_size, LPDWORD reserved,
                                       LPDWORD subkeys, LPDWORD max_subkey, LPDWORD max_class, LPDWORD values,
                                       LPDWORD max_value_name, LPDWORD max_value, LPDWORD security, PFILETIME written)
{
    WCHAR wclass[256];
    DWORD wclass_size = 256;
    if (reserved || (class_name && !class_size))
        return ERROR_INVALID_PARAMETER;
    LSTATUS r = RegQueryInfoKeyW(key, class_name || class_size ? wclass : NULL, class_name || class_size ? &wclass_size
                                 : NULL, NULL, subkeys, max_subkey, max_class, values, max_value_name, max_value,
                                 security, written);
    if (!r && class_name)
        r = NarrowName(wclass, wclass_size, class_name, class_size);
    else if (!r && class_size)
        *class_size = wclass_size;
    return r;
}
