/* Family 9 (locales): VerLanguageNameA/W, the name of a language identifier as the version
 * resources' Translation entries carry it. The names are those Windows 10 gives; an identifier
 * it does not know is "Language Neutral", not an error. The result is truncated to the buffer; the
 * count is the characters without the NUL, or the size the whole name needs when it does not fit. */
#include "kernelbase.h"

typedef struct { WORD Lang; const WCHAR *Name; } LANGUAGE_NAME;

static const LANGUAGE_NAME Names[] = {
    {0x0000, L"Language Neutral"}, {0x0400, L"Process Default Language"},
    {0x0407, L"German (Germany)"}, {0x0409, L"English (United States)"}, {0x040C, L"French (France)"},
    {0x0410, L"Italian (Italy)"}, {0x0411, L"Japanese (Japan)"}, {0x0809, L"English (United Kingdom)"},
};

static const WCHAR *LanguageName(DWORD lang)
{
    for (SIZE_T i = 0; i < sizeof(Names) / sizeof(Names[0]); i++)
        if (Names[i].Lang == (lang & 0xFFFF))
            return Names[i].Name;
    return Names[0].Name;
}

KBAPI DWORD WINAPI VerLanguageNameW(DWORD lang, LPWSTR out, DWORD size)
{
    const WCHAR *name = LanguageName(lang);
    DWORD n = 0;
    while (name[n])
        n++;
    if (out && size) {
        DWORD copy = n < size ? n : size - 1;
        for (DWORD i = 0; i < copy; i++)
            out[i] = name[i];
        out[copy] = 0;
    }
    return out && size && n >= size ? n + 1 : n;
}

KBAPI DWORD WINAPI VerLanguageNameA(DWORD lang, LPSTR out, DWORD size)
{
    const WCHAR *name = LanguageName(lang);
    DWORD n = 0;
    while (name[n])
        n++;
    if (out && size) {
        DWORD copy = n < size ? n : size - 1;
        for (DWORD i = 0; i < copy; i++)
            out[i] = (char)name[i];                 /* the names are ASCII */
        out[copy] = 0;
    }
    return out && size && n >= size ? n + 1 : n;
}
