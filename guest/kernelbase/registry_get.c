/* RegGetValueW/A: RegQueryValueEx with type filtering (RRF_RT_*), REG_EXPAND_SZ expanded to a
 * REG_SZ unless RRF_NOEXPAND, strings always returned with their terminator (one is added when
 * the stored data lack it), and the documented failures: a type outside the filter is
 * ERROR_UNSUPPORTED_TYPE, a REG_DWORD/REG_QWORD of the wrong size ERROR_DATATYPE_MISMATCH, a
 * short buffer ERROR_MORE_DATA with the size needed; RRF_ZEROONFAILURE clears the buffer on a
 * failure. */
#include "registry.h"

static DWORD TypeFlag(DWORD type)
{
    switch (type) {
    case REG_NONE: return RRF_RT_REG_NONE;
    case REG_SZ: return RRF_RT_REG_SZ;
    case REG_EXPAND_SZ: return RRF_RT_REG_EXPAND_SZ;
    case REG_BINARY: return RRF_RT_REG_BINARY;
    case REG_DWORD: return RRF_RT_REG_DWORD;
    case REG_MULTI_SZ: return RRF_RT_REG_MULTI_SZ;
    case REG_QWORD: return RRF_RT_REG_QWORD;
    default: return 0;
    }
}

/* The value's type and data (heap, RegpFree) as RegGetValue returns them; wide strings. */
static LSTATUS Fetch(HKEY key, LPCWSTR sub, LPCWSTR value, DWORD flags, DWORD *type, BYTE **data, DWORD *size)
{
    HKEY opened = NULL;
    LSTATUS result;
    *data = NULL;
    if (sub && *sub) {
        result = RegOpenKeyExW(key, sub, 0, KEY_QUERY_VALUE, &opened);
        if (result)
            return result;
        key = opened;
    }
    DWORD length = 0;
    result = RegQueryValueExW(key, value, NULL, type, NULL, &length);
    while (!result) {
        BYTE *buffer = RegpAlloc(length + 2 * sizeof(WCHAR));
        if (!buffer) {
            result = ERROR_NOT_ENOUGH_MEMORY;
            break;
        }
        DWORD got = length;
        result = RegQueryValueExW(key, value, NULL, type, buffer, &got);
        if (result == ERROR_MORE_DATA) {            /* it grew in between */
            RegpFree(buffer);
            length = got;
            result = ERROR_SUCCESS;
            continue;
        }
        if (result) {
            RegpFree(buffer);
            break;
        }
        *data = buffer;
        *size = got;
        break;
    }
    if (opened)
        RegCloseKey(opened);
    if (result)
        return result;
    DWORD t = *type;
    if (t == REG_SZ || t == REG_EXPAND_SZ || t == REG_MULTI_SZ) {
        /* the terminator(s) a string needs, added when the data lack them */
        WCHAR *text = (WCHAR *)*data;
        DWORD chars = *size / sizeof(WCHAR);
        *size = chars * sizeof(WCHAR);
        if (!chars || text[chars - 1]) {
            text[chars++] = 0;
        }
        if (t == REG_MULTI_SZ && (chars < 2 || text[chars - 2])) {
            text[chars++] = 0;
        }
        *size = chars * sizeof(WCHAR);
    }
    if (t == REG_EXPAND_SZ && !(flags & RRF_NOEXPAND)) {
        DWORD need = ExpandEnvironmentStringsW((WCHAR *)*data, NULL, 0);
        WCHAR *expanded = need ? RegpAlloc(need * sizeof(WCHAR)) : NULL;
        if (!expanded) {
            RegpFree(*data);
            *data = NULL;
            return ERROR_NOT_ENOUGH_MEMORY;
        }
        ExpandEnvironmentStringsW((WCHAR *)*data, expanded, need);
        RegpFree(*data);
        *data = (BYTE *)expanded;
        *size = (DWORD)(wcslen(expanded) + 1) * sizeof(WCHAR);
        *type = REG_SZ;
    }
    return ERROR_SUCCESS;
}

static LSTATUS Filter(DWORD flags, DWORD type, DWORD size)
{
    if (!(TypeFlag(type) & flags))
        return ERROR_UNSUPPORTED_TYPE;
    if ((type == REG_DWORD && size != 4) || (type == REG_QWORD && size != 8))
        return ERROR_DATATYPE_MISMATCH;
    return ERROR_SUCCESS;
}

static LSTATUS CheckFlags(DWORD flags, const void *data, const DWORD *size)
{
    if ((data && !size) || !(flags & RRF_RT_ANY))
        return ERROR_INVALID_PARAMETER;
    if ((flags & RRF_RT_ANY) == RRF_RT_REG_EXPAND_SZ && !(flags & RRF_NOEXPAND))
        return ERROR_INVALID_PARAMETER;         /* an expanded REG_EXPAND_SZ is no longer one */
    return ERROR_SUCCESS;
}

static LSTATUS Deliver(DWORD flags, LSTATUS result, const BYTE *value, DWORD value_size, DWORD type, DWORD *ptype,
                       void *data, DWORD *size)
{
    if (!result)
        result = Filter(flags, type, value_size);
    if (!result && data && *size < value_size)
        result = ERROR_MORE_DATA;
    if (!result && data)
        memcpy(data, value, value_size);
    if (result && data && size && (flags & RRF_ZEROONFAILURE))
        memset(data, 0, *size);
    if ((!result || result == ERROR_MORE_DATA) && size)
        *size = value_size;
    if ((!result || result == ERROR_MORE_DATA) && ptype)
        *ptype = type;
    return result;
}

KBAPI LSTATUS WINAPI RegGetValueW(HKEY key, LPCWSTR sub, LPCWSTR value, DWORD flags, LPDWORD ptype, PVOID data,
                                   LPDWORD size)
{
    LSTATUS result = CheckFlags(flags, data, size);
    if (result)
        return result;
    DWORD type = 0, value_size = 0;
    BYTE *value_data;
    result = Fetch(key, sub, value, flags, &type, &value_data, &value_size);
    result = Deliver(flags, result, value_data, value_size, type, ptype, data, size);
    RegpFree(value_data);
    return result;
}

/* The ANSI form: names converted in, strings converted out (their sizes in ANSI bytes). */
KBAPI LSTATUS WINAPI RegGetValueA(HKEY key, LPCSTR sub, LPCSTR value, DWORD flags, LPDWORD ptype, PVOID data,
                                   LPDWORD size)
{
    LSTATUS result = CheckFlags(flags, data, size);
    if (result)
        return result;
    WCHAR *wsub = RegpAnsiToWide(sub), *wvalue = RegpAnsiToWide(value);
    DWORD type = 0, value_size = 0;
    BYTE *value_data;
    result = Fetch(key, wsub, wvalue, flags, &type, &value_data, &value_size);
    RegpFree(wsub);
    RegpFree(wvalue);
    if (!result && (type == REG_SZ || type == REG_EXPAND_SZ || type == REG_MULTI_SZ)) {
        int n = WideCharToMultiByte(CP_ACP, 0, (WCHAR *)value_data, (int)(value_size / sizeof(WCHAR)), NULL, 0,
                                    NULL, NULL);
        BYTE *narrow = RegpAlloc(n ? n : 1);
        WideCharToMultiByte(CP_ACP, 0, (WCHAR *)value_data, (int)(value_size / sizeof(WCHAR)), (char *)narrow, n,
                            NULL, NULL);
        RegpFree(value_data);
        value_data = narrow;
        value_size = (DWORD)n;
    }
    result = Deliver(flags, result, value_data, value_size, type, ptype, data, size);
    RegpFree(value_data);
    return result;
}
