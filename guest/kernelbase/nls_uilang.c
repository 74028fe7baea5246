/* Family 9 (locales): the user interface languages. One is installed, en-US (LANGID 0x0409), so
 * the user, system and merged thread lists are "en-US"; a process and each thread may also set
 * their own preferred list (of installed languages, five at most). Lists are multi-strings of
 * names (MUI_LANGUAGE_NAME) or four-digit hex ids (MUI_LANGUAGE_ID). Also EnumUILanguages,
 * GetUILanguageInfo, IsValidUILanguage, SetThreadUILanguage (VerLanguageName is verlang.c's). */
#include "kernelbase.h"

#define MAX_PREFERRED 5

typedef struct { int Count; } LANG_LIST;               /* every entry is en-US: a count says it all */

static LANG_LIST ProcessList;
static DWORD ThreadSlot = TLS_OUT_OF_INDEXES;          /* TLS: the thread's count + 1, 0 for unset */

/* Is one entry of a caller's list an installed language, by name or by id? */
static BOOL Installed(const WCHAR *s, DWORD flags)
{
    if (flags & MUI_LANGUAGE_ID) return CompareStringOrdinal(s, -1, L"0409", -1, TRUE) == CSTR_EQUAL;
    return CompareStringOrdinal(s, -1, L"en-US", -1, TRUE) == CSTR_EQUAL;
}

/* The format flag: exactly one of MUI_LANGUAGE_ID and MUI_LANGUAGE_NAME (none: names). */
static BOOL FormatFlag(DWORD flags, DWORD allowed)
{
    if ((flags & MUI_LANGUAGE_ID) && (flags & MUI_LANGUAGE_NAME)) return FALSE;
    return (flags & ~(allowed | MUI_LANGUAGE_ID | MUI_LANGUAGE_NAME)) == 0;
}

/* Write a list of `count` en-US entries: the size in characters with the final extra NUL (an
 * empty list is two NULs); NULL buffer with size 0 asks for the size. */
static BOOL WriteList(int count, DWORD flags, PULONG number, PZZWSTR buffer, PULONG size)
{
    const WCHAR *entry = (flags & MUI_LANGUAGE_ID) ? L"0409" : L"en-US";
    ULONG each = (ULONG)wcslen(entry) + 1, need = count ? each * (ULONG)count + 1 : 2;
    if (size == NULL || number == NULL || (buffer == NULL && *size != 0)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (buffer == NULL) { *size = need; *number = (ULONG)count; return TRUE; }
    if (*size < need) { *size = need; SetLastError(ERROR_INSUFFICIENT_BUFFER); return FALSE; }
    WCHAR *p = buffer;
    for (int i = 0; i < count; i++) { memcpy(p, entry, each * 2); p += each; }
    *p++ = 0;
    if (count == 0) *p = 0;
    *size = need;
    *number = (ULONG)count;
    return TRUE;
}

/* Read a caller's list: how many entries, all installed (else ERROR_INVALID_PARAMETER). */
static int ReadList(PCZZWSTR list, DWORD flags)
{
    int count = 0;
    for (const WCHAR *p = list; *p; p += wcslen(p) + 1) {
        if (!Installed(p, flags) || ++count > MAX_PREFERRED) { SetLastError(ERROR_INVALID_PARAMETER); return -1; }
    }
    return count > 0;                                  /* the same language twice is one entry */
}

KBAPI BOOL WINAPI GetUserPreferredUILanguages(DWORD flags, PULONG number, PZZWSTR buffer, PULONG size)
{
    if (!FormatFlag(flags, 0)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return WriteList(1, flags, number, buffer, size);
}

KBAPI BOOL WINAPI GetSystemPreferredUILanguages(DWORD flags, PULONG number, PZZWSTR buffer, PULONG size)
{
    if (!FormatFlag(flags, MUI_MACHINE_LANGUAGE_SETTINGS)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return WriteList(1, flags, number, buffer, size);
}

KBAPI BOOL WINAPI GetProcessPreferredUILanguages(DWORD flags, PULONG number, PZZWSTR buffer, PULONG size)
{
    if (!FormatFlag(flags, 0)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return WriteList(ProcessList.Count, flags, number, buffer, size);
}

KBAPI BOOL WINAPI SetProcessPreferredUILanguages(DWORD flags, PCZZWSTR list, PULONG number)
{
    if (!FormatFlag(flags, 0) || !(flags & (MUI_LANGUAGE_ID | MUI_LANGUAGE_NAME))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    int count = list ? ReadList(list, flags) : 0;
    if (count < 0) return FALSE;
    ProcessList.Count = count;
    if (number) *number = (ULONG)count;
    return TRUE;
}

static int ThreadCount(void)
{
    if (ThreadSlot == TLS_OUT_OF_INDEXES) return -1;
    int v = (int)(INT_PTR)TlsGetValue(ThreadSlot);
    return v - 1;                                      /* -1: the thread set none */
}

KBAPI BOOL WINAPI SetThreadPreferredUILanguages(DWORD flags, PCZZWSTR list, PULONG number)
{
    if (!FormatFlag(flags, MUI_CONSOLE_FILTER | MUI_COMPLEX_SCRIPT_FILTER | MUI_RESET_FILTERS)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    int count = list ? ReadList(list, flags) : -1;
    if (list && count < 0) return FALSE;
    if (ThreadSlot == TLS_OUT_OF_INDEXES) {
        DWORD slot = TlsAlloc();
        if (slot == TLS_OUT_OF_INDEXES) return FALSE;
        if (InterlockedCompareExchange((LONG *)&ThreadSlot, (LONG)slot, (LONG)TLS_OUT_OF_INDEXES) != (LONG)TLS_OUT_OF_INDEXES)
            TlsFree(slot);
    }
    TlsSetValue(ThreadSlot, (LPVOID)(INT_PTR)(count + 1));
    if (number) *number = count > 0 ? (ULONG)count : 0;
    return TRUE;
}

/* The thread's list; without MUI_THREAD_LANGUAGES (or with a merge flag) the process, user
 * and system languages follow it, each language once. */
KBAPI BOOL WINAPI GetThreadPreferredUILanguages(DWORD flags, PULONG number, PZZWSTR buffer, PULONG size)
{
    if (!FormatFlag(flags, MUI_MERGE_SYSTEM_FALLBACK | MUI_MERGE_USER_FALLBACK | MUI_THREAD_LANGUAGES
                               | MUI_CONSOLE_FILTER | MUI_COMPLEX_SCRIPT_FILTER | MUI_RESET_FILTERS)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    BOOL merge = !(flags & MUI_THREAD_LANGUAGES) || (flags & (MUI_MERGE_SYSTEM_FALLBACK | MUI_MERGE_USER_FALLBACK));
    int count = ThreadCount() > 0 || merge ? 1 : 0;
    return WriteList(count, flags, number, buffer, size);
}

/* GetUILanguageInfo: an installed, licensed full language; its fallback list is itself. */
KBAPI BOOL WINAPI GetUILanguageInfo(DWORD flags, PCZZWSTR languages, PZZWSTR fallback, PDWORD cchFallback,
                                    PDWORD attributes)
{
    if (!FormatFlag(flags, 0) || languages == NULL || attributes == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (ReadList(languages, flags) <= 0) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    *attributes = MUI_FULL_LANGUAGE | MUI_LANGUAGE_INSTALLED | MUI_LANGUAGE_LICENSED;
    if (cchFallback) {
        ULONG n, size = *cchFallback;
        if (!WriteList(1, flags, &n, fallback, &size)) { *cchFallback = size; return FALSE; }
        *cchFallback = size;
    }
    return TRUE;
}

KBAPI BOOL WINAPI EnumUILanguagesW(UILANGUAGE_ENUMPROCW proc, DWORD flags, LONG_PTR param)
{
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!FormatFlag(flags, 0x20 | 0x40 | 0x80)) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    proc((LPWSTR)((flags & MUI_LANGUAGE_NAME) ? L"en-US" : L"0409"), param);
    return TRUE;
}

KBAPI BOOL WINAPI EnumUILanguagesA(UILANGUAGE_ENUMPROCA proc, DWORD flags, LONG_PTR param)
{
    if (proc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    if (!FormatFlag(flags, 0x20 | 0x40 | 0x80)) { SetLastError(ERROR_INVALID_FLAGS); return FALSE; }
    proc((LPSTR)((flags & MUI_LANGUAGE_NAME) ? "en-US" : "0409"), param);
    return TRUE;
}

KBAPI BOOL WINAPI IsValidUILanguage(LANGID lang) { return lang == 0x0409; }

/* SetThreadUILanguage: 0 asks for the thread's language; a language other than the installed
 * one is refused (the answer differs from the request). */
KBAPI LANGID WINAPI SetThreadUILanguage(LANGID lang)
{
    if (lang != 0 && lang != 0x0409) SetLastError(ERROR_INVALID_PARAMETER);
    return GetThreadUILanguage();
}

