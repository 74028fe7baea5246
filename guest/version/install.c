/* VerFindFileA/W and VerInstallFileA/W: where a file should go and putting it there. VerFindFile
 * recommends System32 for a shared file (VFFF_ISSHAREDFILE) and the application's folder
 * otherwise, and reports where a copy already is (the application's folder, System32, then the
 * Windows folder). VerInstallFile copies the source into a temporary file in the destination
 * folder, compares its version resource with the installed file's (unless VIFF_FORCEINSTALL),
 * and on agreement renames the temporary file over the destination and deletes the old copy
 * elsewhere (unless VIFF_DONTDELETEOLD); on a mismatch the temporary file stays (VIF_TEMPFILE). */
#include "version.h"

static SIZE_T Length(LPCWSTR s)
{
    SIZE_T n = 0;
    while (s && s[n])
        n++;
    return n;
}

static void Join(WCHAR *out, LPCWSTR dir, LPCWSTR name)
{
    SIZE_T n = 0;
    for (SIZE_T i = 0; dir && dir[i] && n < MAX_PATH - 2; i++)
        out[n++] = dir[i];
    if (n && out[n - 1] != L'\\')
        out[n++] = L'\\';
    for (SIZE_T i = 0; name && name[i] && n < 2 * MAX_PATH - 1; i++)
        out[n++] = name[i];
    out[n] = 0;
}

static BOOL Exists(LPCWSTR dir, LPCWSTR name)
{
    WCHAR path[2 * MAX_PATH];
    Join(path, dir, name);
    DWORD attr = GetFileAttributesW(path);
    return attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY);
}

/* Copy text into a caller's buffer of *len characters; FALSE (and *len the need) when too small. */
static BOOL Give(LPWSTR out, PUINT len, LPCWSTR text)
{
    UINT need = (UINT)Length(text) + 1;
    BOOL fits = out && *len >= need;
    if (fits)
        for (UINT i = 0; i < need; i++)
            out[i] = text[i];
    else if (out && *len)
        out[0] = 0;
    *len = need;
    return fits;
}

VERAPI DWORD WINAPI VerFindFileW(DWORD flags, LPWSTR file, LPWSTR win_dir, LPWSTR app_dir,
                                 LPWSTR cur_dir, PUINT cur_len, LPWSTR dest_dir, PUINT dest_len)
{
    WCHAR system[MAX_PATH], windows[MAX_PATH];
    GetSystemDirectoryW(system, MAX_PATH);
    if (win_dir && win_dir[0])
        Join(windows, win_dir, L""), windows[Length(windows) - (Length(windows) > 3)] = 0;
    else
        GetWindowsDirectoryW(windows, MAX_PATH);
    LPCWSTR dest = (flags & VFFF_ISSHAREDFILE) ? system : (app_dir ? app_dir : L"");
    /* Step 1: the current copy, in the search order. */
    LPCWSTR order[3] = {(flags & VFFF_ISSHAREDFILE) ? NULL : app_dir, system, windows};
    LPCWSTR cur = L"";
    for (int i = 0; i < 3 && !cur[0]; i++)
        if (order[i] && order[i][0] && Exists(order[i], file))
            cur = order[i];
    DWORD result = 0;
    if (cur[0] && CompareStringOrdinal(cur, -1, dest, -1, TRUE) != CSTR_EQUAL)
        result |= VFF_CURNEDEST;
    /* Step 2: a copy something holds open without sharing it is in use. */
    if (cur[0]) {
        WCHAR path[2 * MAX_PATH];
        Join(path, cur, file);
        HANDLE h = CreateFileW(path, GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
        if (h == INVALID_HANDLE_VALUE && GetLastError() == ERROR_SHARING_VIOLATION)
            result |= VFF_FILEINUSE;
        if (h != INVALID_HANDLE_VALUE)
            CloseHandle(h);
    }
    if (!Give(cur_dir, cur_len, cur) | !Give(dest_dir, dest_len, dest))
        result |= VFF_BUFFTOOSMALL;
    return result;
}

/* The fixed information of a file's version resource; FALSE when it has none. */
static BOOL FixedInfo(LPCWSTR path, VS_FIXEDFILEINFO *fixed, DWORD *translation)
{
    DWORD size = GetFileVersionInfoSizeW(path, NULL);
    if (size == 0)
        return FALSE;
    void *block = HeapAlloc(GetProcessHeap(), 0, size);
    BOOL ok = block && GetFileVersionInfoW(path, 0, size, block);
    void *value;
    UINT len;
    if (ok && (ok = VerQueryValueW(block, L"\\", &value, &len) && len >= sizeof(*fixed)))
        *fixed = *(VS_FIXEDFILEINFO *)value;
    *translation = 0;
    if (ok && VerQueryValueW(block, L"\\VarFileInfo\\Translation", &value, &len) && len >= 4)
        *translation = *(DWORD *)value;
    HeapFree(GetProcessHeap(), 0, block);
    return ok;
}

/* The differences Windows reports between the new file and the installed one. */
static DWORD Compare(LPCWSTR src, LPCWSTR dst)
{
    VS_FIXEDFILEINFO s, d;
    DWORD st, dt;
    if (!FixedInfo(dst, &d, &dt) || !FixedInfo(src, &s, &st))
        return 0;
    DWORD r = 0;
    ULONGLONG sv = ((ULONGLONG)s.dwFileVersionMS << 32) | s.dwFileVersionLS;
    ULONGLONG dv = ((ULONGLONG)d.dwFileVersionMS << 32) | d.dwFileVersionLS;
    if (sv < dv)
        r |= VIF_SRCOLD;
    if (st && dt && LOWORD(st) != LOWORD(dt))
        r |= VIF_DIFFLANG;
    if (st && dt && HIWORD(st) != HIWORD(dt))
        r |= VIF_DIFFCODEPG;
    if (s.dwFileType != d.dwFileType || s.dwFileSubtype != d.dwFileSubtype)
        r |= VIF_DIFFTYPE;
    return r ? r | VIF_MISMATCH : 0;
}

VERAPI DWORD WINAPI VerInstallFileW(DWORD flags, LPWSTR src_file, LPWSTR dest_file, LPWSTR src_dir,
                                    LPWSTR dest_dir, LPWSTR cur_dir, LPWSTR tmp_file, PUINT tmp_len)
{
    WCHAR src[2 * MAX_PATH], dst[2 * MAX_PATH], tmp[2 * MAX_PATH];
    Join(src, src_dir, src_file);
    Join(dst, dest_dir, dest_file);
    /* Step 1: the temporary copy in the destination folder (or the one a former call left). */
    if (tmp_file && tmp_file[0]) {
        Join(tmp, dest_dir, tmp_file);
    } else {
        HANDLE h = CreateFileW(src, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
        if (h == INVALID_HANDLE_VALUE)
            return VIF_CANNOTREADSRC;
        CloseHandle(h);
        if (!GetTempFileNameW(dest_dir, L"VER", 0, tmp))
            return VIF_CANNOTCREATE;
        if (!CopyFileW(src, tmp, FALSE)) {
            DWORD e = GetLastError();
            DeleteFileW(tmp);
            return e == ERROR_DISK_FULL ? VIF_OUTOFSPACE : VIF_CANNOTCREATE;
        }
    }
    /* Step 2: the versions must agree unless forced. */
    DWORD result = (flags & VIFF_FORCEINSTALL) ? 0 : Compare(tmp, dst);
    if (result == 0 && !MoveFileExW(tmp, dst, MOVEFILE_REPLACE_EXISTING)) {
        DWORD e = GetLastError();
        result = e == ERROR_SHARING_VIOLATION ? VIF_FILEINUSE
               : e == ERROR_ACCESS_DENIED ? VIF_WRITEPROT : VIF_CANNOTRENAME;
    }
    if (result) {
        /* The temporary file stays for a forced second call: its name goes back. */
        LPCWSTR name = tmp + Length(tmp);
        while (name > tmp && name[-1] != L'\\')
            name--;
        result |= VIF_TEMPFILE;
        if (tmp_len && !Give(tmp_file, tmp_len, name))
            result |= VIF_BUFFTOOSMALL;
        return result;
    }
    /* Step 3: the old copy elsewhere goes. */
    if (cur_dir && cur_dir[0] && !(flags & VIFF_DONTDELETEOLD)
        && CompareStringOrdinal(cur_dir, -1, dest_dir, -1, TRUE) != CSTR_EQUAL) {
        WCHAR old[2 * MAX_PATH];
        Join(old, cur_dir, dest_file);
        if (GetFileAttributesW(old) != INVALID_FILE_ATTRIBUTES && !DeleteFileW(old))
            result |= VIF_CANNOTDELETECUR;
    }
    return result;
}

/* The A forms: the strings converted in and out (winver.h declares the inputs non-const). */
static LPWSTR In(LPCSTR s, WCHAR *buf)
{
    if (s == NULL)
        return NULL;
    MultiByteToWideChar(CP_ACP, 0, s, -1, buf, MAX_PATH);
    return buf;
}

static BOOL Out(LPSTR out, PUINT len, LPCWSTR text)
{
    UINT need = (UINT)WideCharToMultiByte(CP_ACP, 0, text, -1, NULL, 0, NULL, NULL);
    BOOL fits = out && *len >= need;
    if (fits)
        WideCharToMultiByte(CP_ACP, 0, text, -1, out, (int)need, NULL, NULL);
    else if (out && *len)
        out[0] = 0;
    *len = need;
    return fits;
}

VERAPI DWORD WINAPI VerFindFileA(DWORD flags, LPSTR file, LPSTR win_dir, LPSTR app_dir,
                                 LPSTR cur_dir, PUINT cur_len, LPSTR dest_dir, PUINT dest_len)
{
    WCHAR f[MAX_PATH], w[MAX_PATH], a[MAX_PATH], cur[MAX_PATH], dest[MAX_PATH];
    UINT cl = MAX_PATH, dl = MAX_PATH;
    DWORD r = VerFindFileW(flags, In(file, f), In(win_dir, w), In(app_dir, a), cur, &cl, dest, &dl);
    r &= ~(DWORD)VFF_BUFFTOOSMALL;
    if (!Out(cur_dir, cur_len, cur) | !Out(dest_dir, dest_len, dest))
        r |= VFF_BUFFTOOSMALL;
    return r;
}

VERAPI DWORD WINAPI VerInstallFileA(DWORD flags, LPSTR src_file, LPSTR dest_file, LPSTR src_dir,
                                    LPSTR dest_dir, LPSTR cur_dir, LPSTR tmp_file, PUINT tmp_len)
{
    WCHAR sf[MAX_PATH], df[MAX_PATH], sd[MAX_PATH], dd[MAX_PATH], cd[MAX_PATH], tmp[MAX_PATH] = {0};
    UINT tl = MAX_PATH;
    In(tmp_file, tmp);
    DWORD r = VerInstallFileW(flags, In(src_file, sf), In(dest_file, df), In(src_dir, sd), In(dest_dir, dd),
                              In(cur_dir, cd), tmp, &tl);
    if (r & VIF_TEMPFILE) {
        r &= ~(DWORD)VIF_BUFFTOOSMALL;
        if (tmp_len && !Out(tmp_file, tmp_len, tmp))
            r |= VIF_BUFFTOOSMALL;
    }
    return r;
}
