/* <chrono>'s time-zone database entry points. The zone names, the current zone and the zones'
 * rules come from ICU (icu.dll in System32, Windows 10 1903+); without it each call returns its
 * result block with _Err = _Win_error and GetLastError telling why, as the STL's do - which is
 * what happens here, since no icu.dll is shipped. Leap seconds come from the registry
 * (HKLM\SYSTEM\CurrentControlSet\Control\LeapSecondInformation, value LeapSeconds: 12-byte
 * records). Also __std_calloc_crt/__std_free_crt, the CRT heap the header's tzdb_list uses. */
#include "satellite.h"

enum { TZDB_SUCCESS = 0, TZDB_WIN_ERROR = 1, TZDB_ICU_ERROR = 2 };

typedef struct { int err; const char *version; size_t count; const char **names, **links; } tzdb_time_zones;
typedef struct { int err; const char *name; } tzdb_current_zone;
typedef struct { int err; double begin, end; int offset, save; const char *abbrev; } tzdb_sys_info;
typedef struct { unsigned short year, month, day, hour, negative, reserved; } tzdb_leap_info;

/* Whether ICU can be used: it cannot (see above). Loading icu.dll is still tried so that the
 * error a program sees is the loader's (ERROR_MOD_NOT_FOUND without one). */
static BOOL IcuAvailable(void)
{
    HMODULE icu = LoadLibraryExW(L"icu.dll", NULL, LOAD_LIBRARY_SEARCH_SYSTEM32);
    if (!icu)
        return FALSE;
    FreeLibrary(icu);                                    /* present, but not used by this DLL */
    SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
    return FALSE;
}

SATEXP tzdb_time_zones *WINAPI __std_tzdb_get_time_zones(void)
{
    tzdb_time_zones *info = calloc(1, sizeof(*info));
    if (info && !IcuAvailable())
        info->err = TZDB_WIN_ERROR;
    return info;
}

SATEXP void WINAPI __std_tzdb_delete_time_zones(tzdb_time_zones *info)
{
    if (!info)
        return;
    for (size_t i = 0; i < info->count; i++) {
        if (info->names)
            free((void *)info->names[i]);
        if (info->links)
            free((void *)info->links[i]);
    }
    free(info->names);
    free(info->links);
    free(info);
}

SATEXP tzdb_current_zone *WINAPI __std_tzdb_get_current_zone(void)
{
    tzdb_current_zone *info = calloc(1, sizeof(*info));
    if (info && !IcuAvailable())
        info->err = TZDB_WIN_ERROR;
    return info;
}

SATEXP void WINAPI __std_tzdb_delete_current_zone(tzdb_current_zone *info)
{
    if (info)
        free((void *)info->name);
    free(info);
}

SATEXP tzdb_sys_info *WINAPI __std_tzdb_get_sys_info(const char *zone, size_t zone_len, double local)
{
    (void)zone;
    (void)zone_len;
    (void)local;
    tzdb_sys_info *info = calloc(1, sizeof(*info));
    if (info && !IcuAvailable())
        info->err = TZDB_WIN_ERROR;
    return info;
}

SATEXP void WINAPI __std_tzdb_delete_sys_info(tzdb_sys_info *info)
{
    if (info)
        free((void *)info->abbrev);
    free(info);
}

/* The registry's leap seconds when there are more than `known` of them (NULL otherwise, or on an
 * error, with the status as the last error); *current receives how many the registry holds. */
SATEXP tzdb_leap_info *WINAPI __std_tzdb_get_leap_seconds(size_t known, size_t *current)
{
    HKEY key;
    *current = 0;
    LSTATUS status = RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"SYSTEM\\CurrentControlSet\\Control\\LeapSecondInformation",
                                   0, KEY_READ, &key);
    if (status != ERROR_SUCCESS)
        return NULL;
    DWORD bytes = 0;
    status = RegQueryValueExW(key, L"LeapSeconds", NULL, NULL, NULL, &bytes);
    size_t count = bytes / sizeof(tzdb_leap_info);
    *current = count;
    tzdb_leap_info *records = NULL;
    if ((status == ERROR_SUCCESS || status == ERROR_MORE_DATA) && count > known) {
        records = malloc(count * sizeof(tzdb_leap_info) + 1);
        if (records) {
            status = RegQueryValueExW(key, L"LeapSeconds", NULL, NULL, (BYTE *)records, &bytes);
            if (status != ERROR_SUCCESS)
                *current = 0;
        }
    }
    RegCloseKey(key);
    if (status != ERROR_SUCCESS)
        SetLastError(status);
    return records;
}

SATEXP void WINAPI __std_tzdb_delete_leap_seconds(tzdb_leap_info *info)
{
    free(info);
}

SATEXP void *WINAPI __std_calloc_crt(size_t count, size_t size)
{
    return calloc(count, size);
}

SATEXP void WINAPI __std_free_crt(void *p)
{
    free(p);
}
