/* Writing .ini files: WritePrivateProfileString/Section/Struct (W) and WriteProfileString/Section
 * (win.ini). A new key goes after its section's last line that is not blank, a new section at the
 * end of the file; a NULL key deletes the section, a NULL value the key. The file is rewritten
 * whole, in the encoding it was read in (ANSI for a new one). */
#include "profile.h"

#define HEAP PEB_PROCESS_HEAP()

/* Step 1 of every write: the file's lines, or FALSE with the error of the read. */
static WCHAR *ProfileOpenForWrite(LPCWSTR file, PROFILE *p)
{
    WCHAR *path = ProfilePath(file);
    if (!path) return NULL;
    if (!ProfileLoad(path, p)) {
        RtlFreeHeap(HEAP, 0, path);
        return NULL;
    }
    return path;
}

static BOOL ProfileFinish(WCHAR *path, PROFILE *p, BOOL ok)
{
    if (ok) ok = ProfileSave(path, p);
    ProfileFree(p);
    RtlFreeHeap(HEAP, 0, path);
    return ok;
}

/* The end of a section's lines that are not blank (where a new key goes). */
static DWORD ProfileLastLine(PROFILE *p, DWORD header, DWORD end)
{
    while (end > header + 1 && ProfileTrim(p->Lines[end - 1]).Length == 0) end--;
    return end;
}

static BOOL ProfileAddSection(PROFILE *p, LPCWSTR section, DWORD *header, DWORD *end)
{
    size_t n = wcslen(section);
    WCHAR *line = RtlAllocateHeap(HEAP, 0, (n + 3) * sizeof(WCHAR));
    if (!line) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    line[0] = '[';
    memcpy(line + 1, section, n * sizeof(WCHAR));
    line[n + 1] = ']';
    BOOL ok = ProfileInsert(p, p->Count, line, (DWORD)n + 2);
    RtlFreeHeap(HEAP, 0, line);
    *header = p->Count - 1;
    *end = p->Count;
    return ok;
}

/* key=value at line `at` (replacing the old line when replace is set). */
static BOOL ProfilePutEntry(PROFILE *p, DWORD at, BOOL replace, const WCHAR *key, DWORD nk, LPCWSTR value)
{
    size_t nv = wcslen(value);
    WCHAR *line = RtlAllocateHeap(HEAP, 0, (nk + nv + 2) * sizeof(WCHAR));
    if (!line) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    memcpy(line, key, nk * sizeof(WCHAR));
    line[nk] = '=';
    memcpy(line + nk + 1, value, nv * sizeof(WCHAR));
    if (replace) ProfileRemove(p, at, 1);
    BOOL ok = ProfileInsert(p, at, line, (DWORD)(nk + nv + 1));
    RtlFreeHeap(HEAP, 0, line);
    return ok;
}

KBAPI BOOL WINAPI WritePrivateProfileStringW(LPCWSTR lpAppName, LPCWSTR lpKeyName, LPCWSTR lpString,
                                             LPCWSTR lpFileName)
{
    PROFILE p;
    DWORD header, end;
    PROFILE_SPAN key, value;
    if (!lpAppName) {
        if (!lpKeyName && !lpString) return FALSE;      /* flushing the cache: always FALSE */
        SetLastError(ERROR_FILE_NOT_FOUND);
        return FALSE;
    }
    WCHAR *path = ProfileOpenForWrite(lpFileName, &p);
    if (!path) return FALSE;
    BOOL found = ProfileFindSection(&p, lpAppName, &header, &end), ok = TRUE;
    if (!lpKeyName) {                                   /* delete the section */
        if (found) ProfileRemove(&p, header, end - header);
        return ProfileFinish(path, &p, TRUE);
    }
    DWORD line = end;
    BOOL exists = FALSE;
    if (found)
        for (DWORD i = header + 1; i < end && !exists; i++)
            if (ProfileEntry(p.Lines[i], &key, &value) && ProfileSpanIs(key, lpKeyName)) {
                line = i;
                exists = TRUE;
            }
    if (!lpString) {                                    /* delete the key */
        if (exists) ProfileRemove(&p, line, 1);
        return ProfileFinish(path, &p, TRUE);
    }
    if (exists) {
        PROFILE_SPAN keep = key;                        /* the key keeps its spelling */
        WCHAR *copy = RtlAllocateHeap(HEAP, 0, (keep.Length + 1) * sizeof(WCHAR));
        ok = copy != NULL;
        if (ok) {
            memcpy(copy, keep.Start, keep.Length * sizeof(WCHAR));
            ok = ProfilePutEntry(&p, line, TRUE, copy, keep.Length, lpString);
            RtlFreeHeap(HEAP, 0, copy);
        }
    } else {
        if (!found) ok = ProfileAddSection(&p, lpAppName, &header, &end);
        if (ok) ok = ProfilePutEntry(&p, ProfileLastLine(&p, header, end), FALSE, lpKeyName,
                                     (DWORD)wcslen(lpKeyName), lpString);
    }
    return ProfileFinish(path, &p, ok);
}

/* The section's lines become lpString's NUL-separated strings; NULL deletes the section. */
KBAPI BOOL WINAPI WritePrivateProfileSectionW(LPCWSTR lpAppName, LPCWSTR lpString, LPCWSTR lpFileName)
{
    PROFILE p;
    DWORD header, end;
    if (!lpAppName) {
        if (!lpString) return FALSE;
        SetLastError(ERROR_FILE_NOT_FOUND);
        return FALSE;
    }
    WCHAR *path = ProfileOpenForWrite(lpFileName, &p);
    if (!path) return FALSE;
    BOOL found = ProfileFindSection(&p, lpAppName, &header, &end), ok = TRUE;
    if (!lpString) {
        if (found) ProfileRemove(&p, header, end - header);
        return ProfileFinish(path, &p, TRUE);
    }
    if (found) {
        DWORD last = ProfileLastLine(&p, header, end);
        ProfileRemove(&p, header + 1, last - header - 1);
        end = header + 1;
    } else {
        ok = ProfileAddSection(&p, lpAppName, &header, &end);
    }
    for (LPCWSTR s = lpString; ok && *s; s += wcslen(s) + 1)
        ok = ProfileInsert(&p, end++, s, (DWORD)wcslen(s));
    return ProfileFinish(path, &p, ok);
}

/* The bytes as two upper-case hex digits each and a checksum byte (their sum); NULL deletes the key. */
KBAPI BOOL WINAPI WritePrivateProfileStructW(LPCWSTR lpszSection, LPCWSTR lpszKey, LPVOID lpStruct, UINT uSizeStruct,
                                             LPCWSTR szFile)
{
    if (!lpStruct) return WritePrivateProfileStringW(lpszSection, lpszKey, NULL, szFile);
    WCHAR *text = RtlAllocateHeap(HEAP, 0, ((SIZE_T)uSizeStruct * 2 + 3) * sizeof(WCHAR));
    if (!text) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    const BYTE *in = lpStruct;
    BYTE sum = 0;
    UINT n = 0;
    for (UINT i = 0; i <= uSizeStruct; i++) {
        BYTE b = i < uSizeStruct ? in[i] : sum;
        sum += b;
        text[n++] = L"0123456789ABCDEF"[b >> 4];
        text[n++] = L"0123456789ABCDEF"[b & 15];
    }
    text[n] = 0;
    BOOL ok = WritePrivateProfileStringW(lpszSection, lpszKey, text, szFile);
    RtlFreeHeap(HEAP, 0, text);
    return ok;
}

KBAPI BOOL WINAPI WriteProfileStringW(LPCWSTR lpAppName, LPCWSTR lpKeyName, LPCWSTR lpString)
{
    return WritePrivateProfileStringW(lpAppName, lpKeyName, lpString, NULL);
}

KBAPI BOOL WINAPI WriteProfileSectionW(LPCWSTR lpAppName, LPCWSTR lpString)
{
    return WritePrivateProfileSectionW(lpAppName, lpString, NULL);
}
