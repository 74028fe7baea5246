/* The smaller shell calls console programs import: IsUserAnAdmin (the token's Administrators
 * membership), DoEnvironmentSubst, SHGetDiskFreeSpaceEx, the HDROP readers, ExtractIcon (this
 * machine has no GDI, so no icon object can be made), SHChangeNotify (no shell is listening for
 * change notifications), the recycle bin (the volume has none: it is always empty). */
#include "shell32.h"

SHAPI BOOL WINAPI IsUserAnAdmin(void)
{
    BYTE sid[SECURITY_MAX_SID_SIZE];
    DWORD size = sizeof(sid);
    BOOL member = FALSE;
    if (!CreateWellKnownSid(WinBuiltinAdministratorsSid, NULL, sid, &size)) return FALSE;
    return CheckTokenMembership(NULL, sid, &member) && member;
}

/* DoEnvironmentSubst: the buffer expanded in place; TRUE in the high word and the new length in
 * the low word, or FALSE and the buffer's size when the result does not fit (buffer unchanged). */
SHAPI DWORD WINAPI DoEnvironmentSubstW(LPWSTR buffer, UINT count)
{
    WCHAR *out = ShAlloc((SIZE_T)count * sizeof(WCHAR));
    if (out == NULL) return MAKELONG(count, FALSE);
    DWORD n = ExpandEnvironmentStringsW(buffer, out, count);
    DWORD result = MAKELONG(count, FALSE);
    if (n && n <= count) {
        lstrcpyW(buffer, out);
        result = MAKELONG(n - 1, TRUE);
    }
    ShFree(out);
    return result;
}

SHAPI DWORD WINAPI DoEnvironmentSubstA(LPSTR buffer, UINT count)
{
    char *out = ShAlloc(count);
    if (out == NULL) return MAKELONG(count, FALSE);
    DWORD n = ExpandEnvironmentStringsA(buffer, out, count);
    DWORD result = MAKELONG(count, FALSE);
    if (n && n <= count) {
        lstrcpyA(buffer, out);
        result = MAKELONG(n - 1, TRUE);
    }
    ShFree(out);
    return result;
}

SHAPI BOOL WINAPI SHGetDiskFreeSpaceExW(LPCWSTR dir, ULARGE_INTEGER *avail, ULARGE_INTEGER *total,
                                        ULARGE_INTEGER *free)
{
    return GetDiskFreeSpaceExW(dir, avail, total, free);
}

SHAPI BOOL WINAPI SHGetDiskFreeSpaceExA(LPCSTR dir, ULARGE_INTEGER *avail, ULARGE_INTEGER *total,
                                        ULARGE_INTEGER *free)
{
    return GetDiskFreeSpaceExA(dir, avail, total, free);
}

/* An HDROP is a global memory block: a DROPFILES header, then a double-NUL list of names (UTF-16
 * when fWide). Index 0xFFFFFFFF asks the count; a NULL buffer the length without terminator. A
 * handle that is no such block gives 0. */
static UINT DragQuery(HDROP drop, UINT index, void *out, UINT count, BOOL wide)
{
    DROPFILES *df = drop ? GlobalLock(drop) : NULL;
    if (df == NULL) return 0;
    SIZE_T size = GlobalSize(drop);
    UINT result = 0, i = 0;
    if (df->pFiles < sizeof(DROPFILES) || df->pFiles >= size) goto done;
    const BYTE *p = (const BYTE *)df + df->pFiles;
    for (;; i++) {
        WCHAR name[MAX_PATH];
        int len;
        if (df->fWide) {
            const WCHAR *w = (const WCHAR *)p;
            if (*w == 0) break;
            len = lstrlenW(w);
            lstrcpynW(name, w, MAX_PATH);
            p += (len + 1) * 2;
        } else {
            const char *a = (const char *)p;
            if (*a == 0) break;
            len = lstrlenA(a);
            MultiByteToWideChar(CP_ACP, 0, a, -1, name, MAX_PATH);
            p += len + 1;
        }
        if (i != index) continue;
        if (wide) {
            result = (UINT)lstrlenW(name);
            if (out && count) { lstrcpynW(out, name, (int)count); result = (UINT)lstrlenW(out); }
        } else {
            char ansi[MAX_PATH * 2];
            WideCharToMultiByte(CP_ACP, 0, name, -1, ansi, sizeof(ansi), NULL, NULL);
            result = (UINT)lstrlenA(ansi);
            if (out && count) { lstrcpynA(out, ansi, (int)count); result = (UINT)lstrlenA(out); }
        }
        goto done;
    }
    if (index == 0xFFFFFFFF) result = i;
done:
    GlobalUnlock(drop);
    return result;
}

SHAPI UINT WINAPI DragQueryFileW(HDROP drop, UINT index, LPWSTR out, UINT count)
{
    return DragQuery(drop, index, out, count, TRUE);
}

SHAPI UINT WINAPI DragQueryFileA(HDROP drop, UINT index, LPSTR out, UINT count)
{
    return DragQuery(drop, index, out, count, FALSE);
}

SHAPI BOOL WINAPI DragQueryPoint(HDROP drop, POINT *pt)
{
    DROPFILES *df = drop ? GlobalLock(drop) : NULL;
    if (df == NULL || pt == NULL) return FALSE;
    *pt = df->pt;
    BOOL client = !df->fNC;
    GlobalUnlock(drop);
    return client;
}

SHAPI void WINAPI DragFinish(HDROP drop) { GlobalFree(drop); }
SHAPI void WINAPI DragAcceptFiles(HWND hwnd, BOOL accept) { (void)hwnd; (void)accept; }

static BOOL CALLBACK CountIcon(HMODULE module, LPCWSTR type, LPWSTR name, LONG_PTR param)
{
    (void)module; (void)type; (void)name;
    (*(UINT *)param)++;
    return TRUE;
}

/* ExtractIcon: 1 for a file that is no image (nor .ico); for index -1 an image's count of icon
 * groups; otherwise NULL: an image with no icon there, and no icon object on a machine without GDI. */
SHAPI HICON WINAPI ExtractIconW(HINSTANCE instance, LPCWSTR file, UINT index)
{
    (void)instance;
    if (file == NULL) return NULL;
    HMODULE module = LoadLibraryExW(file, NULL, LOAD_LIBRARY_AS_DATAFILE);
    if (module == NULL) return (HICON)1;
    UINT icons = 0;
    EnumResourceNamesW(module, (LPCWSTR)RT_GROUP_ICON, CountIcon, (LONG_PTR)&icons);
    FreeLibrary(module);
    return index == (UINT)-1 ? (HICON)(UINT_PTR)icons : NULL;
}

SHAPI HICON WINAPI ExtractIconA(HINSTANCE instance, LPCSTR file, UINT index)
{
    WCHAR wide[MAX_PATH];
    return file ? ExtractIconW(instance, ToWide(file, wide, MAX_PATH), index) : NULL;
}

SHAPI void WINAPI SHChangeNotify(LONG event, UINT flags, LPCVOID item1, LPCVOID item2)
{
    (void)event; (void)flags; (void)item1; (void)item2;
}

/* The recycle bin: none on this volume, so always empty: SHQueryRecycleBin counts nothing,
 * SHEmptyRecycleBin finds nothing to empty (E_UNEXPECTED, as Windows answers for an empty bin). */
SHAPI HRESULT WINAPI SHQueryRecycleBinW(LPCWSTR root, LPSHQUERYRBINFO info)
{
    (void)root;
    if (info == NULL || info->cbSize != sizeof(*info)) return E_INVALIDARG;
    info->i64Size = 0;
    info->i64NumItems = 0;
    return S_OK;
}

SHAPI HRESULT WINAPI SHQueryRecycleBinA(LPCSTR root, LPSHQUERYRBINFO info)
{
    (void)root;
    return SHQueryRecycleBinW(NULL, info);
}

SHAPI HRESULT WINAPI SHEmptyRecycleBinW(HWND hwnd, LPCWSTR root, DWORD flags)
{
    (void)hwnd; (void)root; (void)flags;
    return E_UNEXPECTED;
}

SHAPI HRESULT WINAPI SHEmptyRecycleBinA(HWND hwnd, LPCSTR root, DWORD flags)
{
    (void)hwnd; (void)root; (void)flags;
    return E_UNEXPECTED;
}
