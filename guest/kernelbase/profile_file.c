/* Loading and saving an .ini file for the profile calls: the bytes decoded by their byte order mark
 * (UTF-16 LE or BE, UTF-8) or else as the ANSI code page, split into lines at CR, LF or CR LF, and
 * written back in the same encoding with CR LF line ends. Also the parts of one line. */
#include "profile.h"

#define HEAP PEB_PROCESS_HEAP()

WCHAR *ProfilePath(LPCWSTR file)
{
    if (!file) file = L"win.ini";
    BOOL bare = TRUE;
    for (LPCWSTR c = file; *c; c++)
        if (*c == '\\' || *c == '/') bare = FALSE;
    size_t n = wcslen(file);
    WCHAR *path = RtlAllocateHeap(HEAP, 0, (n + MAX_PATH + 2) * sizeof(WCHAR));
    if (!path) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    size_t at = 0;
    if (bare) {                             /* a bare name is in the Windows directory */
        at = GetWindowsDirectoryW(path, MAX_PATH);
        path[at++] = '\\';
    }
    memcpy(path + at, file, (n + 1) * sizeof(WCHAR));
    return path;
}

BOOL ProfileInsert(PROFILE *p, DWORD at, LPCWSTR text, DWORD length)
{
    if (p->Count == p->Capacity) {
        DWORD capacity = p->Capacity ? p->Capacity * 2 : 16;
        WCHAR **lines = p->Lines ? RtlReAllocateHeap(HEAP, 0, p->Lines, capacity * sizeof(WCHAR *))
                                 : RtlAllocateHeap(HEAP, 0, capacity * sizeof(WCHAR *));
        if (!lines) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
        p->Lines = lines;
        p->Capacity = capacity;
    }
    WCHAR *line = RtlAllocateHeap(HEAP, 0, (length + 1) * sizeof(WCHAR));
    if (!line) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    memcpy(line, text, length * sizeof(WCHAR));
    line[length] = 0;
    memmove(p->Lines + at + 1, p->Lines + at, (p->Count - at) * sizeof(WCHAR *));
    p->Lines[at] = line;
    p->Count++;
    return TRUE;
}

void ProfileRemove(PROFILE *p, DWORD at, DWORD n)
{
    for (DWORD i = 0; i < n; i++) RtlFreeHeap(HEAP, 0, p->Lines[at + i]);
    memmove(p->Lines + at, p->Lines + at + n, (p->Count - at - n) * sizeof(WCHAR *));
    p->Count -= n;
}

void ProfileFree(PROFILE *p)
{
    if (p->Lines) ProfileRemove(p, 0, p->Count);
    RtlFreeHeap(HEAP, 0, p->Lines);
    memset(p, 0, sizeof(*p));
}

/* Step 2 of ProfileLoad: the file's text in UTF-16 (heap), its length in *chars. */
static WCHAR *ProfileDecode(BYTE *data, DWORD size, int *encoding, DWORD *chars)
{
    WCHAR *text;
    if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF))) {
        *encoding = data[0] == 0xFF ? PROFILE_UTF16LE : PROFILE_UTF16BE;
        *chars = (size - 2) / 2;
        text = RtlAllocateHeap(HEAP, 0, (*chars + 1) * sizeof(WCHAR));
        if (!text) return NULL;
        for (DWORD i = 0; i < *chars; i++) {
            BYTE a = data[2 + 2 * i], b = data[3 + 2 * i];
            text[i] = *encoding == PROFILE_UTF16LE ? (WCHAR)(a | b << 8) : (WCHAR)(b | a << 8);
        }
        return text;
    }
    UINT cp = CP_ACP;
    *encoding = PROFILE_ANSI;
    if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF) {
        cp = CP_UTF8;
        *encoding = PROFILE_UTF8;
        data += 3;
        size -= 3;
    }
    int n = size ? MultiByteToWideChar(cp, 0, (char *)data, (int)size, NULL, 0) : 0;
    text = RtlAllocateHeap(HEAP, 0, ((SIZE_T)n + 1) * sizeof(WCHAR));
    if (!text) return NULL;
    if (n) MultiByteToWideChar(cp, 0, (char *)data, (int)size, text, n);
    *chars = n;
    return text;
}

BOOL ProfileLoad(LPCWSTR file, PROFILE *p)
{
    memset(p, 0, sizeof(*p));
    HANDLE h = CreateFileW(file, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        DWORD error = GetLastError();           /* a missing file is an empty profile */
        return error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND;
    }
    LARGE_INTEGER size;
    BYTE *data = NULL;
    DWORD done = 0;
    BOOL ok = GetFileSizeEx(h, &size) && size.QuadPart < 0x10000000;
    if (ok) data = RtlAllocateHeap(HEAP, 0, (SIZE_T)size.QuadPart + 1);
    ok = data && ReadFile(h, data, (DWORD)size.QuadPart, &done, NULL);
    CloseHandle(h);
    if (!ok) { RtlFreeHeap(HEAP, 0, data); return FALSE; }
    p->Exists = TRUE;
    DWORD chars;
    WCHAR *text = ProfileDecode(data, done, &p->Encoding, &chars);
    RtlFreeHeap(HEAP, 0, data);
    if (!text) { SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    /* Step 3: the lines, at CR, LF or CR LF; a last line without an end counts too */
    DWORD start = 0;
    for (DWORD i = 0; i <= chars; i++) {
        if (i < chars && text[i] != '\r' && text[i] != '\n') continue;
        if (i == chars && start == chars) break;
        if (!ProfileInsert(p, p->Count, text + start, i - start)) { RtlFreeHeap(HEAP, 0, text); return FALSE; }
        if (i < chars && text[i] == '\r' && i + 1 < chars && text[i + 1] == '\n') i++;
        start = i + 1;
    }
    RtlFreeHeap(HEAP, 0, text);
    return TRUE;
}

BOOL ProfileSave(LPCWSTR file, PROFILE *p)
{
    SIZE_T chars = 1;
    for (DWORD i = 0; i < p->Count; i++) chars += wcslen(p->Lines[i]) + 2;
    WCHAR *text = RtlAllocateHeap(HEAP, 0, chars * sizeof(WCHAR));
    BYTE *out = RtlAllocateHeap(HEAP, 0, chars * 4 + 4);
    if (!text || !out) {
        RtlFreeHeap(HEAP, 0, text);
        RtlFreeHeap(HEAP, 0, out);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    SIZE_T n = 0;
    for (DWORD i = 0; i < p->Count; i++) {
        SIZE_T len = wcslen(p->Lines[i]);
        memcpy(text + n, p->Lines[i], len * sizeof(WCHAR));
        n += len;
        text[n++] = '\r';
        text[n++] = '\n';
    }
    DWORD bytes = 0;
    if (p->Encoding == PROFILE_UTF16LE || p->Encoding == PROFILE_UTF16BE) {
        BOOL le = p->Encoding == PROFILE_UTF16LE;
        out[0] = le ? 0xFF : 0xFE;
        out[1] = le ? 0xFE : 0xFF;
        bytes = 2;
        for (SIZE_T i = 0; i < n; i++) {
            out[bytes++] = (BYTE)(le ? text[i] : text[i] >> 8);
            out[bytes++] = (BYTE)(le ? text[i] >> 8 : text[i]);
        }
    } else {
        UINT cp = CP_ACP;
        if (p->Encoding == PROFILE_UTF8) {
            out[0] = 0xEF; out[1] = 0xBB; out[2] = 0xBF;
            bytes = 3;
            cp = CP_UTF8;
        }
        if (n) bytes += WideCharToMultiByte(cp, 0, text, (int)n, (char *)out + bytes, (int)(chars * 4), NULL, NULL);
    }
    RtlFreeHeap(HEAP, 0, text);
    HANDLE h = CreateFileW(file, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_ALWAYS, 0, NULL);
    BOOL ok = h != INVALID_HANDLE_VALUE;
    DWORD done;
    if (ok) {
        ok = WriteFile(h, out, bytes, &done, NULL) && SetEndOfFile(h);
        CloseHandle(h);
    }
    RtlFreeHeap(HEAP, 0, out);
    return ok;
}

static BOOL ProfileBlank(WCHAR c) { return c == ' ' || c == '\t'; }

PROFILE_SPAN ProfileTrim(LPCWSTR line)
{
    PROFILE_SPAN s = {line, (DWORD)wcslen(line)};
    while (s.Length && ProfileBlank(*s.Start)) s.Start++, s.Length--;
    while (s.Length && ProfileBlank(s.Start[s.Length - 1])) s.Length--;
    return s;
}

BOOL ProfileSectionName(LPCWSTR line, PROFILE_SPAN *name)
{
    PROFILE_SPAN s = ProfileTrim(line);
    if (!s.Length || s.Start[0] != '[') return FALSE;
    DWORD close = 1;
    while (close < s.Length && s.Start[close] != ']') close++;
    PROFILE_SPAN n = {s.Start + 1, close - 1};
    while (n.Length && ProfileBlank(*n.Start)) n.Start++, n.Length--;
    while (n.Length && ProfileBlank(n.Start[n.Length - 1])) n.Length--;
    *name = n;
    return TRUE;
}

BOOL ProfileEntry(LPCWSTR line, PROFILE_SPAN *key, PROFILE_SPAN *value)
{
    PROFILE_SPAN s = ProfileTrim(line);
    DWORD eq = 0;
    while (eq < s.Length && s.Start[eq] != '=') eq++;
    if (eq == s.Length) return FALSE;       /* a line without '=' is no key */
    key->Start = s.Start;
    key->Length = eq;
    while (key->Length && ProfileBlank(key->Start[key->Length - 1])) key->Length--;
    value->Start = s.Start + eq + 1;
    value->Length = s.Length - eq - 1;
    while (value->Length && ProfileBlank(*value->Start)) value->Start++, value->Length--;
    return TRUE;
}

BOOL ProfileSpanIs(PROFILE_SPAN s, LPCWSTR name)
{
    size_t n = wcslen(name);
    return n == s.Length && (n == 0 || CompareStringOrdinal(s.Start, (int)n, name, (int)n, TRUE) == CSTR_EQUAL);
}

BOOL ProfileFindSection(PROFILE *p, LPCWSTR section, DWORD *header, DWORD *end)
{
    PROFILE_SPAN name;
    for (DWORD i = 0; i < p->Count; i++) {
        if (!ProfileSectionName(p->Lines[i], &name) || !ProfileSpanIs(name, section)) continue;
        DWORD j = i + 1;
        while (j < p->Count && !ProfileSectionName(p->Lines[j], &name)) j++;
        *header = i;
        *end = j;
        return TRUE;
    }
    return FALSE;
}
