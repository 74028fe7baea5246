/* Reading .ini files: GetPrivateProfileString/Int/Section/SectionNames/Struct (W) and the win.ini
 * forms GetProfileString/Int/Section. Names are compared without case; a value loses one pair of
 * matching quotes; a list (section or key names, a section's lines) is NUL-separated and ends with
 * a second NUL, cut as documented: the last string shortened and two NULs, nSize - 2 returned. */
#include "profile.h"

#define HEAP PEB_PROCESS_HEAP()

typedef struct { WCHAR *Text; DWORD Length, Capacity; } PROFILE_LIST;

static BOOL ListAdd(PROFILE_LIST *l, const WCHAR *s, DWORD n, const WCHAR *s2, DWORD n2, BOOL eq)
{
    DWORD need = l->Length + n + n2 + (eq ? 1 : 0) + 1;
    if (need > l->Capacity) {
        DWORD capacity = need * 2 + 64;
        WCHAR *t = l->Text ? RtlReAllocateHeap(HEAP, 0, l->Text, capacity * sizeof(WCHAR))
                           : RtlAllocateHeap(HEAP, 0, capacity * sizeof(WCHAR));
        if (!t) return FALSE;
        l->Text = t;
        l->Capacity = capacity;
    }
    memcpy(l->Text + l->Length, s, n * sizeof(WCHAR));
    l->Length += n;
    if (eq) l->Text[l->Length++] = '=';
    memcpy(l->Text + l->Length, s2, n2 * sizeof(WCHAR));
    l->Length += n2;
    l->Text[l->Length++] = 0;
    return TRUE;
}

/* The list into out: all of it and its second NUL when it fits (with one character to spare for
 * section names, as Windows counts them), else cut to nSize - 2 and two NULs. */
static DWORD ListCopy(PROFILE_LIST *l, WCHAR *out, DWORD size, BOOL spare)
{
    DWORD length = l->Length;
    if (!size) return 0;
    if (length + 1 + (spare && length ? 1 : 0) <= size) {
        memcpy(out, l->Text, length * sizeof(WCHAR));
        out[length] = 0;
        return length;
    }
    if (size < 2) { out[0] = 0; return 0; }
    memcpy(out, l->Text, (size - 2) * sizeof(WCHAR));
    out[size - 2] = out[size - 1] = 0;
    return size - 2;
}

static DWORD CopyString(const WCHAR *s, DWORD n, WCHAR *out, DWORD size)
{
    if (!size) return 0;
    if (n > size - 1) n = size - 1;
    memcpy(out, s, n * sizeof(WCHAR));
    out[n] = 0;
    return n;
}

/* One list of the file: section names (section NULL), a section's key names, or its lines. */
static DWORD ProfileList(PROFILE *p, LPCWSTR section, BOOL lines, WCHAR *out, DWORD size)
{
    PROFILE_LIST list = {0};
    PROFILE_SPAN name, key, value;
    DWORD header, end, result;
    if (!section) {
        for (DWORD i = 0; i < p->Count; i++)
            if (ProfileSectionName(p->Lines[i], &name)) ListAdd(&list, name.Start, name.Length, NULL, 0, FALSE);
    } else if (ProfileFindSection(p, section, &header, &end)) {
        for (DWORD i = header + 1; i < end; i++) {
            if (ProfileEntry(p->Lines[i], &key, &value)) {
                if (lines) ListAdd(&list, key.Start, key.Length, value.Start, value.Length, TRUE);
                else ListAdd(&list, key.Start, key.Length, NULL, 0, FALSE);
            } else if (lines) {
                PROFILE_SPAN s = ProfileTrim(p->Lines[i]);
                if (s.Length) ListAdd(&list, s.Start, s.Length, NULL, 0, FALSE);
            }
        }
    }
    result = ListCopy(&list, out, size, !section);
    RtlFreeHeap(HEAP, 0, list.Text);
    return result;
}

/* The value of section/key: TRUE and the span (one pair of matching quotes stripped) if present. */
static BOOL ProfileValue(PROFILE *p, LPCWSTR section, LPCWSTR name, PROFILE_SPAN *value)
{
    DWORD header, end;
    PROFILE_SPAN key;
    if (!ProfileFindSection(p, section, &header, &end)) return FALSE;
    for (DWORD i = header + 1; i < end; i++) {
        if (!ProfileEntry(p->Lines[i], &key, value) || !ProfileSpanIs(key, name)) continue;
        if (value->Length >= 2 && (value->Start[0] == '"' || value->Start[0] == '\'') &&
            value->Start[value->Length - 1] == value->Start[0]) {
            value->Start++;
            value->Length -= 2;
        }
        return TRUE;
    }
    return FALSE;
}

KBAPI DWORD WINAPI GetPrivateProfileStringW(LPCWSTR lpAppName, LPCWSTR lpKeyName, LPCWSTR lpDefault,
                                            LPWSTR lpReturnedString, DWORD nSize, LPCWSTR lpFileName)
{
    PROFILE p;
    PROFILE_SPAN value;
    DWORD result;
    if (!lpReturnedString || !nSize) return 0;
    WCHAR *path = ProfilePath(lpFileName);
    if (!path) return 0;
    ProfileLoad(path, &p);                  /* a file that cannot be read is an empty one */
    if (!lpAppName || !lpKeyName) {
        result = ProfileList(&p, lpAppName, FALSE, lpReturnedString, nSize);
    } else if (ProfileValue(&p, lpAppName, lpKeyName, &value)) {
        result = CopyString(value.Start, value.Length, lpReturnedString, nSize);
    } else {
        /* the default, without its trailing blanks */
        DWORD n = lpDefault ? (DWORD)wcslen(lpDefault) : 0;
        while (n && lpDefault[n - 1] == ' ') n--;
        result = CopyString(lpDefault, n, lpReturnedString, nSize);
        SetLastError(ERROR_FILE_NOT_FOUND);
    }
    ProfileFree(&p);
    RtlFreeHeap(HEAP, 0, path);
    return result;
}

KBAPI DWORD WINAPI GetPrivateProfileSectionW(LPCWSTR lpAppName, LPWSTR lpReturnedString, DWORD nSize,
                                             LPCWSTR lpFileName)
{
    PROFILE p;
    if (!lpAppName || !lpReturnedString || !nSize) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    WCHAR *path = ProfilePath(lpFileName);
    if (!path) return 0;
    if (!ProfileLoad(path, &p) || !p.Exists) {
        DWORD error = p.Exists ? GetLastError() : ERROR_FILE_NOT_FOUND;
        ProfileFree(&p);
        RtlFreeHeap(HEAP, 0, path);
        lpReturnedString[0] = 0;
        SetLastError(error);
        return 0;
    }
    DWORD result = ProfileList(&p, lpAppName, TRUE, lpReturnedString, nSize);
    ProfileFree(&p);
    RtlFreeHeap(HEAP, 0, path);
    SetLastError(ERROR_SUCCESS);
    return result;
}

KBAPI DWORD WINAPI GetPrivateProfileSectionNamesW(LPWSTR lpszReturnBuffer, DWORD nSize, LPCWSTR lpFileName)
{
    return GetPrivateProfileStringW(NULL, NULL, NULL, lpszReturnBuffer, nSize, lpFileName);
}

/* The value as a decimal number with an optional sign, wrapping at 32 bits, up to its first
 * non-digit; the default for a missing or empty value. */
KBAPI UINT WINAPI GetPrivateProfileIntW(LPCWSTR lpAppName, LPCWSTR lpKeyName, INT nDefault, LPCWSTR lpFileName)
{
    WCHAR buffer[64];
    DWORD n = GetPrivateProfileStringW(lpAppName, lpKeyName, L"", buffer, 64, lpFileName);
    if (!n) return (UINT)nDefault;
    const WCHAR *c = buffer;
    BOOL negative = FALSE;
    if (*c == '-' || *c == '+') negative = *c++ == '-';
    UINT value = 0;
    while (*c >= '0' && *c <= '9') value = value * 10 + (*c++ - '0');
    return negative ? (UINT)-(INT)value : value;
}

static int HexDigit(WCHAR c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* The bytes written by WritePrivateProfileStruct: two hex digits each, then their checksum byte. */
KBAPI BOOL WINAPI GetPrivateProfileStructW(LPCWSTR lpszSection, LPCWSTR lpszKey, LPVOID lpStruct, UINT uSizeStruct,
                                           LPCWSTR szFile)
{
    DWORD chars = uSizeStruct * 2 + 4;
    WCHAR *text = RtlAllocateHeap(HEAP, 0, chars * sizeof(WCHAR));
    if (!text) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    DWORD n = GetPrivateProfileStringW(lpszSection, lpszKey, NULL, text, chars, szFile);
    BOOL ok = FALSE;
    if (!lpszSection || !lpszKey || n != uSizeStruct * 2 + 2) {
        SetLastError(ERROR_BAD_LENGTH);
    } else {
        BYTE sum = 0, *out = lpStruct;
        ok = TRUE;
        for (UINT i = 0; i <= uSizeStruct && ok; i++) {
            int hi = HexDigit(text[2 * i]), lo = HexDigit(text[2 * i + 1]);
            if (hi < 0 || lo < 0) { ok = FALSE; break; }
            BYTE b = (BYTE)(hi << 4 | lo);
            if (i < uSizeStruct) sum += b;
            else ok = b == sum;
        }
        if (ok)
            for (UINT i = 0; i < uSizeStruct; i++)
                out[i] = (BYTE)(HexDigit(text[2 * i]) << 4 | HexDigit(text[2 * i + 1]));
        else
            SetLastError(ERROR_INVALID_DATA);
    }
    RtlFreeHeap(HEAP, 0, text);
    return ok;
}

KBAPI DWORD WINAPI GetProfileStringW(LPCWSTR lpAppName, LPCWSTR lpKeyName, LPCWSTR lpDefault, LPWSTR lpReturnedString,
                                     DWORD nSize)
{
    return GetPrivateProfileStringW(lpAppName, lpKeyName, lpDefault, lpReturnedString, nSize, NULL);
}

KBAPI UINT WINAPI GetProfileIntW(LPCWSTR lpAppName, LPCWSTR lpKeyName, INT nDefault)
{
    return GetPrivateProfileIntW(lpAppName, lpKeyName, nDefault, NULL);
}

KBAPI DWORD WINAPI GetProfileSectionW(LPCWSTR lpAppName, LPWSTR lpReturnedString, DWORD nSize)
{
    return GetPrivateProfileSectionW(lpAppName, lpReturnedString, nSize, NULL);
}
