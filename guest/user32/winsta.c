/* The window station and desktop: one interactive window station "WinSta0" holding one desktop
 * "Default", both visible (WSF_VISIBLE), which every process and thread is attached to. Their
 * handles are real entries of the process's handle table (unnamed events made at attach, so no
 * other handle can take their values); GetUserObjectInformation answers UOI_NAME, UOI_TYPE and
 * UOI_FLAGS for them. Not done: other window stations and desktops, their security. */
#include "user32.h"

static HANDLE WinSta, Desktop;
static HANDLE Opened[16];                       /* desktop handles OpenInputDesktop gave out */

void UserWinstaInit(void)
{
    WinSta = CreateEventW(NULL, TRUE, FALSE, NULL);
    Desktop = CreateEventW(NULL, TRUE, FALSE, NULL);
}

__declspec(dllexport) HWINSTA WINAPI GetProcessWindowStation(void) { return (HWINSTA)WinSta; }

__declspec(dllexport) HDESK WINAPI GetThreadDesktop(DWORD tid)
{
    if (tid == 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    return (HDESK)Desktop;
}

__declspec(dllexport) HDESK WINAPI OpenInputDesktop(DWORD flags, BOOL inherit, ACCESS_MASK access)
{
    (void)flags; (void)inherit; (void)access;
    HANDLE h;                                   /* a new handle to the one desktop */
    if (!DuplicateHandle(GetCurrentProcess(), Desktop, GetCurrentProcess(), &h, 0, FALSE, DUPLICATE_SAME_ACCESS))
        return NULL;
    LOCK();
    for (int i = 0; i < 16; i++)
        if (Opened[i] == NULL) { Opened[i] = h; break; }
    UNLOCK();
    return (HDESK)h;
}

__declspec(dllexport) BOOL WINAPI CloseDesktop(HDESK desk)
{
    if (desk == (HDESK)Desktop) {               /* the thread's desktop cannot be closed */
        SetLastError(ERROR_BUSY);
        return FALSE;
    }
    LOCK();
    for (int i = 0; i < 16; i++)
        if (Opened[i] == desk) Opened[i] = NULL;
    UNLOCK();
    return CloseHandle(desk);
}

__declspec(dllexport) BOOL WINAPI CloseWindowStation(HWINSTA ws)
{
    if (ws == (HWINSTA)WinSta) {
        SetLastError(ERROR_BUSY);
        return FALSE;
    }
    return CloseHandle(ws);
}

__declspec(dllexport) BOOL WINAPI SetThreadDesktop(HDESK desk)
{
    if (desk != (HDESK)Desktop) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    return TRUE;
}

/* Which object a handle names: 1 the window station, 2 the desktop (or a handle OpenInputDesktop gave), 0 none. */
static int Kind(HANDLE h)
{
    if (h == WinSta) return 1;
    if (h == Desktop) return 2;
    for (int i = 0; h && i < 16; i++)
        if (Opened[i] == h) return 2;
    return 0;
}

/* One answer: copies `bytes` into the caller's buffer, or fails with the size needed. */
static BOOL Answer(PVOID info, DWORD length, LPDWORD needed, const void *data, DWORD bytes)
{
    if (needed) *needed = bytes;
    if (info == NULL || length < bytes) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(info, data, bytes);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI GetUserObjectInformationW(HANDLE h, int index, PVOID info, DWORD length, LPDWORD needed)
{
    int kind = Kind(h);
    if (kind == 0) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    switch (index) {
    case UOI_FLAGS: {
        USEROBJECTFLAGS f = {FALSE, FALSE, kind == 1 ? WSF_VISIBLE : 0};
        return Answer(info, length, needed, &f, sizeof(f));
    }
    case UOI_NAME: {
        const WCHAR *name = kind == 1 ? L"WinSta0" : L"Default";
        return Answer(info, length, needed, name, (DWORD)(wcslen(name) + 1) * sizeof(WCHAR));
    }
    case UOI_TYPE: {
        const WCHAR *type = kind == 1 ? L"WindowStation" : L"Desktop";
        return Answer(info, length, needed, type, (DWORD)(wcslen(type) + 1) * sizeof(WCHAR));
    }
    case UOI_IO: {
        BOOL io = TRUE;                         /* both receive (would receive) input */
        return Answer(info, length, needed, &io, sizeof(io));
    }
    case UOI_USER_SID:                          /* no SID is associated with them */
        if (needed) *needed = 0;
        return TRUE;
    default:
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
}

__declspec(dllexport) BOOL WINAPI GetUserObjectInformationA(HANDLE h, int index, PVOID info, DWORD length, LPDWORD needed)
{
    if (index != UOI_NAME && index != UOI_TYPE)
        return GetUserObjectInformationW(h, index, info, length, needed);
    WCHAR w[64];
    DWORD n = 0;
    if (!GetUserObjectInformationW(h, index, w, sizeof(w), &n))
        return FALSE;
    char a[64];
    int bytes = WideCharToMultiByte(CP_ACP, 0, w, -1, a, sizeof(a), NULL, NULL);
    return Answer(info, length, needed, a, (DWORD)bytes);
}

__declspec(dllexport) HDESK WINAPI OpenDesktopW(LPCWSTR name, DWORD flags, BOOL inherit, ACCESS_MASK access)
{
    if (name && _wcsicmp(name, L"Default") == 0)
        return OpenInputDesktop(flags, inherit, access);
    SetLastError(ERROR_FILE_NOT_FOUND);         /* only Default exists */
    return NULL;
}

__declspec(dllexport) HDESK WINAPI OpenDesktopA(LPCSTR name, DWORD flags, BOOL inherit, ACCESS_MASK access)
{
    WCHAR w[MAX_PATH];
    if (name == NULL || !MultiByteToWideChar(CP_ACP, 0, name, -1, w, MAX_PATH)) {
        SetLastError(ERROR_FILE_NOT_FOUND);
        return NULL;
    }
    return OpenDesktopW(w, flags, inherit, access);
}
