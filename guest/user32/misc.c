/* The session's odds and ends: MessageBeep (the sound is played: TRUE), ExitWindowsEx (the
 * standard user holds no SE_SHUTDOWN_NAME: ERROR_PRIVILEGE_NOT_HELD), LockWorkStation (the
 * interactive desktop can be locked: TRUE), icons and cursors (the predefined IDI_ and IDC_ ones
 * are shared handles; a module's are found in its RT_GROUP_ICON / RT_GROUP_CURSOR resources and
 * get a handle of their own, nothing is drawn), LoadImage (a missing resource or file fails with
 * FindResource's or the file system's error), SetCursor/ShowCursor. */
#include "user32.h"

__declspec(dllexport) BOOL WINAPI MessageBeep(UINT type) { (void)type; return TRUE; }

__declspec(dllexport) BOOL WINAPI ExitWindowsEx(UINT flags, DWORD reason)
{
    (void)flags; (void)reason;
    SetLastError(ERROR_PRIVILEGE_NOT_HELD);
    return FALSE;
}

__declspec(dllexport) BOOL WINAPI LockWorkStation(void) { return TRUE; }

/* Step: icon and cursor handles. Predefined ones: 0x10000 + id * 4, + 1 for an icon, + 3 for a
 * cursor (one handle per id, shared); a module's: a record of its resource. */
#define PREDEFINED(id, kind) ((HANDLE)(ULONG_PTR)(0x10000 + (id) * 4 + ((kind) == IMAGE_ICON ? 1 : 3)))

typedef struct { HANDLE Handle; HMODULE Module; HRSRC Resource; UINT Type; } IMAGE;
static IMAGE Images[256];
static UINT ImageCount;

static BOOL PredefinedIcon(ULONG_PTR id) { return id >= 32512 && id <= 32518; }

static BOOL PredefinedCursor(ULONG_PTR id)
{
    return (id >= 32512 && id <= 32516) || (id >= 32640 && id <= 32651) || id == 32671 || id == 32672;
}

static HANDLE FromModule(HINSTANCE module, LPCWSTR name, LPCWSTR type, UINT kind)
{
    HRSRC r = FindResourceW(module, name, type);   /* sets ERROR_RESOURCE_*_NOT_FOUND when absent */
    if (r == NULL) return NULL;
    LOCK();
    HANDLE h = NULL;
    for (UINT i = 0; i < ImageCount; i++)
        if (Images[i].Resource == r) h = Images[i].Handle;
    if (h == NULL && ImageCount < 256) {
        h = (HANDLE)(ULONG_PTR)(0x50000 + ImageCount * 4 + 2);
        Images[ImageCount].Handle = h;
        Images[ImageCount].Module = module;
        Images[ImageCount].Resource = r;
        Images[ImageCount++].Type = kind;
    }
    UNLOCK();
    if (h == NULL) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return h;
}

static HANDLE Load(HINSTANCE module, LPCWSTR name, UINT kind)
{
    if (module == NULL) {
        ULONG_PTR id = (ULONG_PTR)name;
        if (IS_INTRESOURCE(name) && (kind == IMAGE_ICON ? PredefinedIcon(id) : PredefinedCursor(id)))
            return PREDEFINED(id, kind);
        SetLastError(ERROR_RESOURCE_NAME_NOT_FOUND);
        return NULL;
    }
    LPCWSTR type = kind == IMAGE_ICON ? (LPCWSTR)RT_GROUP_ICON : kind == IMAGE_CURSOR ? (LPCWSTR)RT_GROUP_CURSOR : (LPCWSTR)RT_BITMAP;
    return FromModule(module, name, type, kind);
}

static LPCWSTR NameA(LPCSTR name, WCHAR *buffer)
{
    if (IS_INTRESOURCE(name)) return (LPCWSTR)name;
    if (!MultiByteToWideChar(CP_ACP, 0, name, -1, buffer, MAX_PATH)) buffer[0] = 0;
    return buffer;
}

__declspec(dllexport) HICON WINAPI LoadIconW(HINSTANCE module, LPCWSTR name) { return Load(module, name, IMAGE_ICON); }
__declspec(dllexport) HCURSOR WINAPI LoadCursorW(HINSTANCE module, LPCWSTR name) { return Load(module, name, IMAGE_CURSOR); }
__declspec(dllexport) HICON WINAPI LoadIconA(HINSTANCE module, LPCSTR name) { WCHAR b[MAX_PATH]; return Load(module, NameA(name, b), IMAGE_ICON); }
__declspec(dllexport) HCURSOR WINAPI LoadCursorA(HINSTANCE module, LPCSTR name) { WCHAR b[MAX_PATH]; return Load(module, NameA(name, b), IMAGE_CURSOR); }
__declspec(dllexport) HBITMAP WINAPI LoadBitmapW(HINSTANCE module, LPCWSTR name) { return Load(module, name, IMAGE_BITMAP); }
__declspec(dllexport) HBITMAP WINAPI LoadBitmapA(HINSTANCE module, LPCSTR name) { WCHAR b[MAX_PATH]; return Load(module, NameA(name, b), IMAGE_BITMAP); }

__declspec(dllexport) HANDLE WINAPI LoadImageW(HINSTANCE module, LPCWSTR name, UINT type, int cx, int cy, UINT flags)
{
    (void)cx; (void)cy;
    if (type > IMAGE_ENHMETAFILE) { SetLastError(ERROR_INVALID_PARAMETER); return NULL; }
    if (flags & LR_LOADFROMFILE) {
        /* A file: it must exist; reading its pixels is not done, so an existing one is refused too. */
        DWORD attributes = IS_INTRESOURCE(name) ? INVALID_FILE_ATTRIBUTES : GetFileAttributesW(name);
        if (attributes == INVALID_FILE_ATTRIBUTES) {
            if (IS_INTRESOURCE(name)) SetLastError(ERROR_FILE_NOT_FOUND);
            return NULL;
        }
        SetLastError(ERROR_NOT_SUPPORTED);
        return NULL;
    }
    return Load(module, name, type);
}

__declspec(dllexport) HANDLE WINAPI LoadImageA(HINSTANCE module, LPCSTR name, UINT type, int cx, int cy, UINT flags)
{
    WCHAR b[MAX_PATH];
    return LoadImageW(module, NameA(name, b), type, cx, cy, flags);
}

static BOOL Known(HANDLE h)
{
    ULONG_PTR v = (ULONG_PTR)h;
    if ((v & 1) && v >= (ULONG_PTR)PREDEFINED(32512, IMAGE_ICON) && v <= (ULONG_PTR)PREDEFINED(32672, IMAGE_CURSOR)) return TRUE;
    for (UINT i = 0; i < ImageCount; i++) if (Images[i].Handle == h) return TRUE;
    return FALSE;
}

__declspec(dllexport) BOOL WINAPI DestroyIcon(HICON h)
{
    if (!Known(h)) { SetLastError(ERROR_INVALID_CURSOR_HANDLE); return FALSE; }
    return TRUE;                                /* shared handles stay valid */
}

__declspec(dllexport) BOOL WINAPI DestroyCursor(HCURSOR h) { return DestroyIcon(h); }
__declspec(dllexport) HICON WINAPI CopyIcon(HICON h) { if (!Known(h)) { SetLastError(ERROR_INVALID_CURSOR_HANDLE); return NULL; } return h; }

static HCURSOR Current;
static int ShowCount;                           /* 0 with a mouse installed */

__declspec(dllexport) HCURSOR WINAPI SetCursor(HCURSOR h)
{
    LOCK();
    HCURSOR old = Current;
    Current = h;
    UNLOCK();
    return old;
}

__declspec(dllexport) HCURSOR WINAPI GetCursor(void) { return Current; }

__declspec(dllexport) int WINAPI ShowCursor(BOOL show)
{
    LOCK();
    int n = show ? ++ShowCount : --ShowCount;
    UNLOCK();
    return n;
}
