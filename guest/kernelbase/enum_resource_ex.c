/* Family 7, the Ex forms of the resource enumeration (Vista+): EnumResourceTypesExA/W,
 * EnumResourceNamesExA/W, EnumResourceLanguagesExA/W. Their dwFlags choose the language-neutral
 * module (RESOURCE_ENUM_LN) and its MUI satellite (RESOURCE_ENUM_MUI, _MUI_SYSTEM), 0 meaning
 * both; LangId picks the satellite's language. No module here has a MUI satellite, so what is
 * enumerated is the module's own resource directory (enum_resource.c), and a call asking for the
 * satellite alone finds nothing (ERROR_RESOURCE_DATA_NOT_FOUND). A flag outside the documented
 * ones is ERROR_INVALID_PARAMETER. */
#include "kernelbase.h"

#define RESOURCE_ENUM_VALID (RESOURCE_ENUM_LN | RESOURCE_ENUM_MUI | RESOURCE_ENUM_MUI_SYSTEM | \
                             RESOURCE_ENUM_VALIDATE | RESOURCE_ENUM_MODULE_EXACT)

/* TRUE when the language-neutral module is to be walked; FALSE with the last error otherwise. */
static BOOL WalkNeutral(DWORD flags)
{
    if (flags & ~(DWORD)RESOURCE_ENUM_VALID) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (flags != 0 && !(flags & RESOURCE_ENUM_LN)) {
        SetLastError(ERROR_RESOURCE_DATA_NOT_FOUND);
        return FALSE;
    }
    return TRUE;
}

KBAPI BOOL WINAPI EnumResourceTypesExW(HMODULE module, ENUMRESTYPEPROCW proc, LONG_PTR param, DWORD flags, LANGID lang)
{
    (void)lang;
    return WalkNeutral(flags) && EnumResourceTypesW(module, proc, param);
}

KBAPI BOOL WINAPI EnumResourceTypesExA(HMODULE module, ENUMRESTYPEPROCA proc, LONG_PTR param, DWORD flags, LANGID lang)
{
    (void)lang;
    return WalkNeutral(flags) && EnumResourceTypesA(module, proc, param);
}

KBAPI BOOL WINAPI EnumResourceNamesExW(HMODULE module, LPCWSTR type, ENUMRESNAMEPROCW proc, LONG_PTR param,
                                       DWORD flags, LANGID lang)
{
    (void)lang;
    return WalkNeutral(flags) && EnumResourceNamesW(module, type, proc, param);
}

KBAPI BOOL WINAPI EnumResourceNamesExA(HMODULE module, LPCSTR type, ENUMRESNAMEPROCA proc, LONG_PTR param,
                                       DWORD flags, LANGID lang)
{
    (void)lang;
    return WalkNeutral(flags) && EnumResourceNamesA(module, type, proc, param);
}

KBAPI BOOL WINAPI EnumResourceLanguagesExW(HMODULE module, LPCWSTR type, LPCWSTR name, ENUMRESLANGPROCW proc,
                                           LONG_PTR param, DWORD flags, LANGID lang)
{
    (void)lang;
    return WalkNeutral(flags) && EnumResourceLanguagesW(module, type, name, proc, param);
}

KBAPI BOOL WINAPI EnumResourceLanguagesExA(HMODULE module, LPCSTR type, LPCSTR name, ENUMRESLANGPROCA proc,
                                           LONG_PTR param, DWORD flags, LANGID lang)
{
    (void)lang;
    return WalkNeutral(flags) && EnumResourceLanguagesA(module, type, name, proc, param);
}
