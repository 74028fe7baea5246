/* Calls that take part in a session without input: hot keys register (and never fire), raw input
 * devices register (GetRawInputData has nothing to give), WinEvent hooks register (no events come),
 * focus, activation and capture are per-thread windows of the caller's own (WM_SETFOCUS and
 * WM_KILLFOCUS are sent), the cursor clip is kept, painting calls check the window and draw
 * nothing, and GetShellWindow is NULL: no shell runs in this session. */
#include "user32.h"

typedef struct { HWND Hwnd; int Id; UINT Mods, Vk; } HOTKEY;
static HOTKEY HotKeys[64];
static int HotKeyCount;
static RECT Clip = {0, 0, 1024, 768};
static HWND Focus, Active, Capture;     /* process-wide here (per thread on Windows) */

__declspec(dllexport) BOOL WINAPI RegisterHotKey(HWND hwnd, int id, UINT mods, UINT vk)
{
    if (hwnd && UserWindowChecked(hwnd) == NULL) return FALSE;
    LOCK();
    for (int i = 0; i < HotKeyCount; i++)
        if ((HotKeys[i].Mods & ~MOD_NOREPEAT) == (mods & ~MOD_NOREPEAT) && HotKeys[i].Vk == vk) {
            UNLOCK();
            SetLastError(ERROR_HOTKEY_ALREADY_REGISTERED);
            return FALSE;
        }
    BOOL ok = HotKeyCount < 64;
    if (ok) { HOTKEY h = {hwnd, id, mods, vk}; HotKeys[HotKeyCount++] = h; }
    UNLOCK();
    if (!ok) SetLastError(ERROR_NOT_ENOUGH_MEMORY);
    return ok;
}

__declspec(dllexport) BOOL WINAPI UnregisterHotKey(HWND hwnd, int id)
{
    LOCK();
    for (int i = 0; i < HotKeyCount; i++)
        if (HotKeys[i].Hwnd == hwnd && HotKeys[i].Id == id) {
            HotKeys[i] = HotKeys[--HotKeyCount];
            UNLOCK();
            return TRUE;
        }
    UNLOCK();
    SetLastError(ERROR_HOTKEY_NOT_REGISTERED);
    return FALSE;
}

__declspec(dllexport) BOOL WINAPI RegisterRawInputDevices(PCRAWINPUTDEVICE devices, UINT count, UINT size)
{
    if (devices == NULL || count == 0 || size != sizeof(RAWINPUTDEVICE)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return TRUE;
}

__declspec(dllexport) UINT WINAPI GetRawInputData(HRAWINPUT h, UINT cmd, LPVOID data, PUINT size, UINT header)
{
    (void)h; (void)cmd; (void)data; (void)size; (void)header;
    SetLastError(ERROR_INVALID_HANDLE);         /* no WM_INPUT ever carried a handle */
    return (UINT)-1;
}

__declspec(dllexport) UINT WINAPI GetRawInputDeviceList(PRAWINPUTDEVICELIST list, PUINT count, UINT size)
{
    if (count == NULL || size != sizeof(RAWINPUTDEVICELIST)) { SetLastError(ERROR_INVALID_PARAMETER); return (UINT)-1; }
    (void)list;
    *count = 0;                                 /* no devices to list */
    return 0;
}

__declspec(dllexport) HWINEVENTHOOK WINAPI SetWinEventHook(DWORD lo, DWORD hi, HMODULE module, WINEVENTPROC proc, DWORD pid, DWORD tid, DWORD flags)
{
    (void)module; (void)pid; (void)tid; (void)flags;
    static ULONG serial;
    if (proc == NULL || lo > hi) { SetLastError(proc ? ERROR_INVALID_PARAMETER : ERROR_INVALID_FILTER_PROC); return NULL; }
    return (HWINEVENTHOOK)(ULONG_PTR)(0x40000 + InterlockedIncrement((LONG *)&serial) * 0x10 + 6);
}

__declspec(dllexport) BOOL WINAPI UnhookWinEvent(HWINEVENTHOOK h) { return ((ULONG_PTR)h & 0xF) == 6; }

__declspec(dllexport) HWND WINAPI SetFocus(HWND hwnd)
{
    if (hwnd && UserWindowChecked(hwnd) == NULL) return NULL;
    LOCK();
    HWND old = Focus;
    Focus = hwnd;
    UNLOCK();
    if (old && old != hwnd && IsWindow(old)) SendMessageW(old, WM_KILLFOCUS, (WPARAM)hwnd, 0);
    if (hwnd && old != hwnd) SendMessageW(hwnd, WM_SETFOCUS, (WPARAM)old, 0);
    return old;
}

__declspec(dllexport) HWND WINAPI SetActiveWindow(HWND hwnd)
{
    if (hwnd && UserWindowChecked(hwnd) == NULL) return NULL;
    LOCK();
    HWND old = Active;
    Active = hwnd;
    UNLOCK();
    return old;
}

__declspec(dllexport) HWND WINAPI SetCapture(HWND hwnd)
{
    if (UserWindowChecked(hwnd) == NULL) return NULL;
    LOCK();
    HWND old = Capture;
    Capture = hwnd;
    UNLOCK();
    return old;
}

__declspec(dllexport) BOOL WINAPI ReleaseCapture(void)
{
    LOCK();
    Capture = NULL;
    UNLOCK();
    return TRUE;
}

HWND UserFocus(int which) { return which == 0 ? Focus : which == 1 ? Active : Capture; }

__declspec(dllexport) BOOL WINAPI ClipCursor(const RECT *r)
{
    RECT screen = {0, 0, 1024, 768};
    LOCK();
    if (r == NULL || !IntersectRect(&Clip, r, &screen)) Clip = screen;
    UNLOCK();
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI GetClipCursor(LPRECT r)
{
    if (r == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    LOCK();
    *r = Clip;
    UNLOCK();
    return TRUE;
}

__declspec(dllexport) HWND WINAPI GetShellWindow(void) { return NULL; }

__declspec(dllexport) BOOL WINAPI InvalidateRect(HWND hwnd, const RECT *r, BOOL erase)
{
    (void)r; (void)erase;
    return hwnd == NULL || UserWindowChecked(hwnd) != NULL;   /* nothing is painted */
}

__declspec(dllexport) BOOL WINAPI ValidateRect(HWND hwnd, const RECT *r) { return InvalidateRect(hwnd, r, FALSE); }

__declspec(dllexport) BOOL WINAPI RedrawWindow(HWND hwnd, const RECT *r, HRGN rgn, UINT flags)
{
    (void)rgn; (void)flags;
    return InvalidateRect(hwnd, r, FALSE);
}

__declspec(dllexport) BOOL WINAPI FlashWindow(HWND hwnd, BOOL invert)
{
    (void)invert;
    UserWindowChecked(hwnd);                    /* ERROR_INVALID_WINDOW_HANDLE for a bad one */
    return FALSE;                               /* the window was not active before: none is */
}

__declspec(dllexport) BOOL WINAPI FlashWindowEx(PFLASHWINFO info)
{
    if (info == NULL || info->cbSize != sizeof(*info)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return FlashWindow(info->hwnd, TRUE);
}

__declspec(dllexport) BOOL WINAPI AttachThreadInput(DWORD from, DWORD to, BOOL attach)
{
    (void)attach;
    LOCK();
    BOOL ok = from != to && UserQueueOf(from) && UserQueueOf(to);
    UNLOCK();
    if (!ok) SetLastError(ERROR_INVALID_PARAMETER);
    return ok;
}

/* WaitForInputIdle: a process of ours is idle when it waits; this one does not know another's
 * queue, so it answers at once, as Windows does for a console process. */
__declspec(dllexport) DWORD WINAPI WaitForInputIdle(HANDLE process, DWORD timeout)
{
    (void)timeout;
    DWORD code;
    if (!GetExitCodeProcess(process, &code)) return WAIT_FAILED;
    return 0;
}

__declspec(dllexport) BOOL WINAPI ChangeWindowMessageFilter(UINT msg, DWORD action) { (void)msg; return action >= 1 && action <= 2; }

__declspec(dllexport) BOOL WINAPI ChangeWindowMessageFilterEx(HWND hwnd, UINT msg, DWORD action, PCHANGEFILTERSTRUCT info)
{
    (void)msg; (void)info;
    if (UserWindowChecked(hwnd) == NULL) return FALSE;
    if (action > 3) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    return TRUE;
}
