/* Family 9 (locales): geographical locations. The machine's and user's location is the United
 * States (GEOID 244, "US"), the one nation this NLS has data for: GetUserGeoID /
 * GetUserDefaultGeoName, SetUserGeoID / SetUserGeoName (to the United States only),
 * GetGeoInfo(A/W/Ex), EnumSystemGeoID and EnumSystemGeoNames. */
#define NTDDI_VERSION 0x0A000004       /* NTDDI_WIN10_RS3: the SDK declares GEO_NAME, GEO_ID and the name forms from here */
#include "kernelbase.h"

#define GEOID_US 244
#define GEOID_NORTHERN_AMERICA 23581

typedef struct { GEOTYPE Type; const WCHAR *Value; } GEO_VALUE;

static const GEO_VALUE UnitedStates[] = {
    {GEO_NATION, L"244"}, {GEO_LATITUDE, L"39.45"}, {GEO_LONGITUDE, L"-98.908"}, {GEO_ISO2, L"US"},
    {GEO_ISO3, L"USA"}, {GEO_RFC1766, L"en-US"}, {GEO_LCID, L"00000409"}, {GEO_FRIENDLYNAME, L"United States"},
    {GEO_OFFICIALNAME, L"United States of America"}, {GEO_ISO_UN_NUMBER, L"840"}, {GEO_PARENT, L"23581"},
    {GEO_DIALINGCODE, L"+1"}, {GEO_CURRENCYCODE, L"USD"}, {GEO_CURRENCYSYMBOL, L"$"}, {GEO_NAME, L"US"},
    {GEO_ID, L"244"},
};

KBAPI GEOID WINAPI GetUserGeoID(GEOCLASS geoClass)
{
    return geoClass == GEOCLASS_NATION ? GEOID_US : GEOID_NOT_AVAILABLE;
}

KBAPI BOOL WINAPI SetUserGeoID(GEOID geo)
{
    if (geo != GEOID_US) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return TRUE;
}

static int Answer(const WCHAR *value, LPWSTR out, int size)
{
    int n = (int)wcslen(value) + 1;
    if (size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    if (size == 0) return n;
    if (size < n) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    memcpy(out, value, (SIZE_T)n * 2);
    return n;
}

KBAPI int WINAPI GetUserDefaultGeoName(LPWSTR out, int size)
{
    return Answer(L"US", out, size);
}

KBAPI BOOL WINAPI SetUserGeoName(PWSTR name)
{
    if (name == NULL || CompareStringOrdinal(name, -1, L"US", -1, TRUE) != CSTR_EQUAL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return TRUE;
}

/* One GEOTYPE of the United States; the ones with no value here are ERROR_INVALID_FLAGS. */
static int GeoInfo(GEOTYPE type, LPWSTR out, int size)
{
    for (SIZE_T i = 0; i < sizeof(UnitedStates) / sizeof(UnitedStates[0]); i++)
        if (UnitedStates[i].Type == type) return Answer(UnitedStates[i].Value, out, size);
    SetLastError(ERROR_INVALID_FLAGS);
    return 0;
}

KBAPI int WINAPI GetGeoInfoW(GEOID geo, GEOTYPE type, LPWSTR out, int size, LANGID lang)
{
    if (geo != GEOID_US || (lang != 0 && lang != 0x0409)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    return GeoInfo(type, out, size);
}

KBAPI int WINAPI GetGeoInfoEx(PWSTR location, GEOTYPE type, PWSTR out, int size)
{
    if (location == NULL || (CompareStringOrdinal(location, -1, L"US", -1, TRUE) != CSTR_EQUAL
                             && CompareStringOrdinal(location, -1, L"840", -1, TRUE) != CSTR_EQUAL)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return GeoInfo(type, out, size);
}

KBAPI int WINAPI GetGeoInfoA(GEOID geo, GEOTYPE type, LPSTR out, int size, LANGID lang)
{
    WCHAR w[64];
    if (size < 0 || (size && out == NULL)) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    int n = GetGeoInfoW(geo, type, w, 64, lang);
    if (n == 0) return 0;
    int bytes = WideCharToMultiByte(CP_ACP, 0, w, n, NULL, 0, NULL, NULL);
    if (size == 0) return bytes;
    if (size < bytes) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    return WideCharToMultiByte(CP_ACP, 0, w, n, out, size, NULL, NULL);
}

/* The nations (parent 0 or the United States' region): the United States; no region has data. */
KBAPI BOOL WINAPI EnumSystemGeoID(GEOCLASS geoClass, GEOID parent, GEO_ENUMPROC proc)
{
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (geoClass != GEOCLASS_NATION && geoClass != GEOCLASS_REGION && geoClass != GEOCLASS_ALL) {
        SetLastError(ERROR_INVALID_FLAGS);
        return FALSE;
    }
    if (geoClass != GEOCLASS_REGION && (parent == 0 || parent == GEOID_NORTHERN_AMERICA)) proc(GEOID_US);
    return TRUE;
}

KBAPI BOOL WINAPI EnumSystemGeoNames(GEOCLASS geoClass, GEO_ENUMNAMEPROC proc, LPARAM param)
{
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (geoClass != GEOCLASS_NATION && geoClass != GEOCLASS_REGION && geoClass != GEOCLASS_ALL) {
        SetLastError(ERROR_INVALID_FLAGS);
        return FALSE;
    }
    if (geoClass != GEOCLASS_REGION) proc((PWSTR)L"US", param);
    return TRUE;
}
