/* Shell calls that need the desktop shell (Explorer) or its task bar, neither of which runs on this
 * machine, and the small file-type checks: PathIsExe, SHGetInstanceExplorer (no Explorer process:
 * E_FAIL), Shell_NotifyIcon (no notification area: FALSE), ExtractIconEx (icon counts only, no GDI
 * to make icons), SHAddToRecentDocs (the Recent folder is in the profile, which is not there). */
#include "shell32.h"

SHAPI BOOL WINAPI PathIsExe(PCWSTR path)
{
    static const WCHAR *exts[] = {L".exe", L".com", L".bat", L".cmd", L".pif", L".scr", L".scf"};
    if (path == NULL) return FALSE;
    PCWSTR dot = NULL;
    for (PCWSTR p = path; *p; p++) {
        if (*p == '\\' || *p == '/') dot = NULL;
        else if (*p == '.') dot = p;
    }
    if (dot == NULL) return FALSE;
    for (SIZE_T i = 0; i < ARRAYSIZE(exts); i++) if (!lstrcmpiW(dot, exts[i])) return TRUE;
    return FALSE;
}

SHAPI HRESULT WINAPI SHGetInstanceExplorer(IUnknown **out)
{
    if (out == NULL) return E_INVALIDARG;
    *out = NULL;
    return E_FAIL;
}

SHAPI BOOL WINAPI Shell_NotifyIconW(DWORD message, PNOTIFYICONDATAW data)
{
    (void)message; (void)data;
    SetLastError(ERROR_FILE_NOT_FOUND);         /* no task bar window to send it to */
    return FALSE;
}

SHAPI BOOL WINAPI Shell_NotifyIconA(DWORD message, PNOTIFYICONDATAA data)
{
    (void)message; (void)data;
    SetLastError(ERROR_FILE_NOT_FOUND);
    return FALSE;
}

/* ExtractIconEx: index -1 with no arrays asks the count (as ExtractIcon's); icons themselves
 * cannot be made without GDI, so none are extracted. */
SHAPI UINT WINAPI ExtractIconExW(LPCWSTR file, int index, HICON *large, HICON *small, UINT count)
{
    (void)count;
    if (large) *large = NULL;
    if (small) *small = NULL;
    if (index == -1 && large == NULL && small == NULL) {
        HICON n = ExtractIconW(NULL, file, (UINT)-1);
        return n == (HICON)1 ? 0 : (UINT)(UINT_PTR)n;
    }
    return 0;
}

SHAPI UINT WINAPI ExtractIconExA(LPCSTR file, int index, HICON *large, HICON *small, UINT count)
{
    WCHAR wide[MAX_PATH];
    return file ? ExtractIconExW(ToWide(file, wide, MAX_PATH), index, large, small, count) : 0;
}

SHAPI void WINAPI SHAddToRecentDocs(UINT flags, LPCVOID item)
{
    (void)flags; (void)item;
}
