/* Family 9 (locales): what this machine's NLS has, enumerated and queried: the code pages
 * codepage.c converts, the locales (en-US) and language groups (1, Western Europe and United
 * States, is the installed one), locale name resolution, ConvertDefaultLocale, the NLS version
 * of the sorting tables, IsNLSDefinedString, and FindNLSString(Ex) / FindStringOrdinal. */
#include "kernelbase.h"

/* The code pages IsValidCodePage accepts, in ascending order as Windows lists them. */
static const UINT CodePages[] = {437, 1252, 28591, 65000, 65001};

KBAPI BOOL WINAPI EnumSystemCodePagesW(CODEPAGE_ENUMPROCW proc, DWORD flags)
{
    WCHAR s[12];
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (flags != CP_INSTALLED && flags != CP_SUPPORTED) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    for (SIZE_T i = 0; i < sizeof(CodePages) / sizeof(CodePages[0]); i++) {
        int n = 11;
        s[n] = 0;
        for (UINT v = CodePages[i]; v; v /= 10) s[--n] = (WCHAR)('0' + v % 10);
        if (!proc(s + n)) break;
    }
    return TRUE;
}

KBAPI BOOL WINAPI EnumSystemCodePagesA(CODEPAGE_ENUMPROCA proc, DWORD flags)
{
    char s[12];
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (flags != CP_INSTALLED && flags != CP_SUPPORTED) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    for (SIZE_T i = 0; i < sizeof(CodePages) / sizeof(CodePages[0]); i++) {
        int n = 11;
        s[n] = 0;
        for (UINT v = CodePages[i]; v; v /= 10) s[--n] = (char)('0' + v % 10);
        if (!proc(s + n)) break;
    }
    return TRUE;
}

/* EnumSystemLocalesEx: en-US is a Windows locale with specific data; no neutral, supplemental
 * or alternate-sort locale exists here. */
KBAPI BOOL WINAPI EnumSystemLocalesEx(LOCALE_ENUMPROCEX proc, DWORD flags, LPARAM param, LPVOID reserved)
{
    (void)reserved;
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (flags == LOCALE_ALL || (flags & (LOCALE_WINDOWS | LOCALE_SPECIFICDATA)))
        proc((LPWSTR)L"en-US", LOCALE_WINDOWS | LOCALE_SPECIFICDATA, param);
    return TRUE;
}

/* The 17 language groups (winnls.h's LGRPID_*), by their Windows names. */
static const WCHAR *const GroupNames[17] = {
    L"Western Europe and United States", L"Central Europe", L"Baltic", L"Greek", L"Cyrillic", L"Turkic",
    L"Japanese", L"Korean", L"Traditional Chinese", L"Simplified Chinese", L"Thai", L"Hebrew", L"Arabic",
    L"Vietnamese", L"Indic", L"Georgian", L"Armenian",
};

KBAPI BOOL WINAPI IsValidLanguageGroup(LGRPID group, DWORD flags)
{
    if (flags == LGRPID_INSTALLED) return group == LGRPID_WESTERN_EUROPE;
    if (flags == LGRPID_SUPPORTED) return group >= 1 && group <= 17;
    return FALSE;
}

/* Each group: its id, the id as the registry's hex string, its name, installed or supported. */
static BOOL EnumGroups(BOOL ansi, void *proc, DWORD flags, LONG_PTR param)
{
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (flags != LGRPID_INSTALLED && flags != LGRPID_SUPPORTED) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    for (LGRPID g = 1; g <= (flags == LGRPID_INSTALLED ? 1u : 17u); g++) {
        WCHAR id[4] = {(WCHAR)(g < 16 ? L"0123456789abcdef"[g] : '1'), (WCHAR)(g < 16 ? 0 : '0' + g - 16), 0};
        DWORD state = g == LGRPID_WESTERN_EUROPE ? LGRPID_INSTALLED : LGRPID_SUPPORTED;
        BOOL go;
        if (ansi) {
            char a[8], n[40];
            WideCharToMultiByte(CP_ACP, 0, id, -1, a, 8, NULL, NULL);
            WideCharToMultiByte(CP_ACP, 0, GroupNames[g - 1], -1, n, 40, NULL, NULL);
            go = ((LANGUAGEGROUP_ENUMPROCA)proc)(g, a, n, state, param);
        } else {
            go = ((LANGUAGEGROUP_ENUMPROCW)proc)(g, id, (LPWSTR)GroupNames[g - 1], state, param);
        }
        if (!go) break;
    }
    return TRUE;
}

KBAPI BOOL WINAPI EnumSystemLanguageGroupsW(LANGUAGEGROUP_ENUMPROCW proc, DWORD flags, LONG_PTR param)
{
    return EnumGroups(FALSE, (void *)proc, flags, param);
}

KBAPI BOOL WINAPI EnumSystemLanguageGroupsA(LANGUAGEGROUP_ENUMPROCA proc, DWORD flags, LONG_PTR param)
{
    return EnumGroups(TRUE, (void *)proc, flags, param);
}

/* EnumLanguageGroupLocales: group 1 holds en-US; the other groups' locales are not here. */
static BOOL EnumGroupLocales(BOOL ansi, void *proc, LGRPID group, DWORD flags, LONG_PTR param)
{
    if (proc == NULL || group < 1 || group > 17) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (flags) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    if (group == LGRPID_WESTERN_EUROPE) {
        if (ansi) ((LANGGROUPLOCALE_ENUMPROCA)proc)(group, 0x0409, (LPSTR)"00000409", param);
        else ((LANGGROUPLOCALE_ENUMPROCW)proc)(group, 0x0409, (LPWSTR)L"00000409", param);
    }
    return TRUE;
}

KBAPI BOOL WINAPI EnumLanguageGroupLocalesW(LANGGROUPLOCALE_ENUMPROCW proc, LGRPID group, DWORD flags, LONG_PTR param)
{
    return EnumGroupLocales(FALSE, (void *)proc, group, flags, param);
}

KBAPI BOOL WINAPI EnumLanguageGroupLocalesA(LANGGROUPLOCALE_ENUMPROCA proc, LGRPID group, DWORD flags, LONG_PTR param)
{
    return EnumGroupLocales(TRUE, (void *)proc, group, flags, param);
}

/* ResolveLocaleName: a name, its neutral form ("en") or NULL (the user's locale) resolve to
 * the specific locale, en-US; a name of a locale this machine does not have resolves to none. */
KBAPI int WINAPI ResolveLocaleName(LPCWSTR name, LPWSTR out, int size)
{
    const WCHAR *result = NULL;
    if (name == NULL || CompareStringOrdinal(name, -1, L"en", -1, TRUE) == CSTR_EQUAL || IsValidLocaleName(name))
        result = name && name[0] == 0 ? L"" : L"en-US";
    if (result == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    int n = (int)wcslen(result) + 1;
    if (size == 0 || out == NULL) return n;
    if (size < n) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    memcpy(out, result, (SIZE_T)n * 2);
    return n;
}

/* ConvertDefaultLocale: the default values become the user's locale, a language with the
 * neutral sublanguage becomes its default sublanguage; anything else is returned as it is. */
KBAPI LCID WINAPI ConvertDefaultLocale(LCID lcid)
{
    if (lcid == LOCALE_SYSTEM_DEFAULT || lcid == LOCALE_USER_DEFAULT || lcid == LOCALE_NEUTRAL
        || lcid == LOCALE_CUSTOM_DEFAULT)
        return GetUserDefaultLCID();
    LANGID lang = LANGIDFROMLCID(lcid);
    if (SUBLANGID(lang) == SUBLANG_NEUTRAL && PRIMARYLANGID(lang) != LANG_NEUTRAL && PRIMARYLANGID(lang) != LANG_INVARIANT) {
        WORD sub = PRIMARYLANGID(lang) == LANG_CHINESE ? SUBLANG_CHINESE_SIMPLIFIED : SUBLANG_DEFAULT;
        return MAKELCID(MAKELANGID(PRIMARYLANGID(lang), sub), SORTIDFROMLCID(lcid));
    }
    return lcid;
}

/* The version of the sorting tables CompareString and LCMapString use (one version here). */
#define NLS_VERSION 0x00060305
#define NLS_DEFINED_VERSION 0x00060305

static BOOL FillVersion(NLS_FUNCTION function, NLSVERSIONINFOEX *info, BOOL ex)
{
    if (function != COMPARE_STRING) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    if (info == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (info->dwNLSVersionInfoSize != (ex ? sizeof(NLSVERSIONINFOEX) : sizeof(NLSVERSIONINFO))
        && info->dwNLSVersionInfoSize != sizeof(NLSVERSIONINFOEX)) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    info->dwNLSVersion = NLS_VERSION;
    info->dwDefinedVersion = NLS_DEFINED_VERSION;
    if (info->dwNLSVersionInfoSize == sizeof(NLSVERSIONINFOEX)) {
        info->dwEffectiveId = 0x0409;
        memset(&info->guidCustomVersion, 0, sizeof(info->guidCustomVersion));
    }
    return TRUE;
}

KBAPI BOOL WINAPI GetNLSVersion(NLS_FUNCTION function, LCID lcid, LPNLSVERSIONINFO info)
{
    WCHAR name[LOCALE_NAME_MAX_LENGTH];
    if (!LCIDToLocaleName(lcid, name, LOCALE_NAME_MAX_LENGTH, 0)) return FALSE;
    return FillVersion(function, (NLSVERSIONINFOEX *)info, FALSE);
}

KBAPI BOOL WINAPI GetNLSVersionEx(NLS_FUNCTION function, LPCWSTR locale, LPNLSVERSIONINFOEX info)
{
    if (locale && locale[0] && !IsValidLocaleName(locale)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return FillVersion(function, info, TRUE);
}

/* IsValidNLSVersion: nonzero when the version is the one this machine sorts with. */
KBAPI DWORD WINAPI IsValidNLSVersion(NLS_FUNCTION function, LPCWSTR locale, LPNLSVERSIONINFOEX info)
{
    if (function != COMPARE_STRING || info == NULL || (locale && locale[0] && !IsValidLocaleName(locale))
        || (info->dwNLSVersionInfoSize != sizeof(NLSVERSIONINFO) && info->dwNLSVersionInfoSize != sizeof(NLSVERSIONINFOEX))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    SetLastError(ERROR_SUCCESS);
    return info->dwNLSVersion == NLS_VERSION;
}

/* IsNLSDefinedString: every code point is assigned (no lone surrogate, no noncharacter, no
 * code point GetStringTypeW knows nothing of). */
KBAPI BOOL WINAPI IsNLSDefinedString(NLS_FUNCTION function, DWORD flags, LPNLSVERSIONINFO version, LPCWSTR s, INT count)
{
    (void)version;
    if (function != COMPARE_STRING) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    if (flags) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    if (s == NULL || count == 0 || count < -1) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (count == -1) count = (int)wcslen(s);
    for (int i = 0; i < count; i++) {
        WCHAR c = s[i];
        if (c >= 0xD800 && c <= 0xDBFF) {
            if (i + 1 >= count || s[i + 1] < 0xDC00 || s[i + 1] > 0xDFFF) return FALSE;
            i++;
            continue;
        }
        if ((c >= 0xDC00 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF)) return FALSE;
        WORD t1 = 0, t3 = 0;
        GetStringTypeW(CT_CTYPE1, &c, 1, &t1);
        GetStringTypeW(CT_CTYPE3, &c, 1, &t3);
        if (t1 == 0 && t3 == 0) return FALSE;
    }
    return TRUE;
}

/* FindNLSString(Ex): where value matches a piece of source by CompareStringEx with the given
 * flags; FIND_FROMSTART / FIND_FROMEND / FIND_STARTSWITH / FIND_ENDSWITH say where to look.
 * The index of the match and (found) its length, or -1. */
#define FIND_MASK (FIND_STARTSWITH | FIND_ENDSWITH | FIND_FROMSTART | FIND_FROMEND)

KBAPI int WINAPI FindNLSStringEx(LPCWSTR locale, DWORD flags, LPCWSTR source, int cchSource, LPCWSTR value,
                                 int cchValue, LPINT found, LPNLSVERSIONINFO version, LPVOID reserved, LPARAM handle)
{
    (void)version; (void)handle;
    DWORD where = flags & FIND_MASK, compare = flags & ~(DWORD)FIND_MASK;
    if (source == NULL || value == NULL || cchSource == 0 || cchValue == 0 || cchSource < -1 || cchValue < -1
        || reserved || (locale && locale[0] && !IsValidLocaleName(locale))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return -1;
    }
    if (where == 0) where = FIND_FROMSTART;
    if (where != FIND_FROMSTART && where != FIND_FROMEND && where != FIND_STARTSWITH && where != FIND_ENDSWITH) {
        SetLastError(ERROR_INVALID_FLAGS);
        return -1;
    }
    if (cchSource == -1) cchSource = (int)wcslen(source);
    if (cchValue == -1) cchValue = (int)wcslen(value);
    BOOL backwards = where == FIND_FROMEND || where == FIND_ENDSWITH;
    for (int k = 0; k <= cchSource; k++) {
        int start = backwards ? cchSource - k : k;
        if (where == FIND_STARTSWITH && start != 0) break;
        for (int len = 0; start + len <= cchSource; len++) {
            if (where == FIND_ENDSWITH && start + len != cchSource) continue;
            int r = CompareStringEx(locale, compare, source + start, len, value, cchValue, NULL, NULL, 0);
            if (r == 0) return -1;                                  /* a bad compare flag */
            if (r == CSTR_EQUAL && len > 0) {
                if (found) *found = len;
                SetLastError(ERROR_SUCCESS);
                return start;
            }
        }
    }
    SetLastError(ERROR_SUCCESS);
    return -1;
}

KBAPI int WINAPI FindNLSString(LCID lcid, DWORD flags, LPCWSTR source, int cchSource, LPCWSTR value, int cchValue,
                               LPINT found)
{
    WCHAR name[LOCALE_NAME_MAX_LENGTH];
    if (!LCIDToLocaleName(lcid, name, LOCALE_NAME_MAX_LENGTH, 0)) return -1;
    return FindNLSStringEx(name[0] ? name : NULL, flags, source, cchSource, value, cchValue, found, NULL, NULL, 0);
}

/* FindStringOrdinal: the same search code unit by code unit (case folded with ignoreCase). */
KBAPI int WINAPI FindStringOrdinal(DWORD flags, LPCWSTR source, int cchSource, LPCWSTR value, int cchValue,
                                   BOOL ignoreCase)
{
    if (source == NULL || value == NULL || cchSource < -1 || cchValue < -1) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return -1;
    }
    if (flags != FIND_FROMSTART && flags != FIND_FROMEND && flags != FIND_STARTSWITH && flags != FIND_ENDSWITH) {
        SetLastError(ERROR_INVALID_FLAGS);
        return -1;
    }
    if (cchSource == -1) cchSource = (int)wcslen(source);
    if (cchValue == -1) cchValue = (int)wcslen(value);
    SetLastError(ERROR_SUCCESS);
    if (cchValue > cchSource) return -1;
    int last = cchSource - cchValue;
    int first = flags == FIND_ENDSWITH ? last : 0, stop = flags == FIND_STARTSWITH ? 0 : last;
    BOOL backwards = flags == FIND_FROMEND || flags == FIND_ENDSWITH;
    for (int k = 0; k <= stop - first; k++) {
        int at = backwards ? stop - k : first + k;
        if (CompareStringOrdinal(source + at, cchValue, value, cchValue, ignoreCase) == CSTR_EQUAL) return at;
    }
    return -1;
}
