/* Input on a desktop nobody is using: no key is ever down (GetAsyncKeyState/GetKeyState 0, a
 * thread's key state all zeros until it sets one), the cursor rests at the screen's centre until
 * SetCursorPos moves it, and the last input is KUSER_SHARED_DATA.LastSystemRITEventTickCount (the
 * boot tick: none came since). The keyboard is the US layout 0x04090409: MapVirtualKey and
 * VkKeyScan use its scan codes and characters (keyboard.c). Not done: SendInput/keybd_event
 * injection (they report 0 events inserted, as when input is blocked). */
#include "user32.h"

static POINT Cursor = {512, 384};
static BYTE KeyState[256];              /* SetKeyboardState's, process-wide here (per thread on Windows) */

__declspec(dllexport) SHORT WINAPI GetAsyncKeyState(int vk) { (void)vk; return 0; }

__declspec(dllexport) SHORT WINAPI GetKeyState(int vk)
{
    BYTE s = KeyState[vk & 0xFF];
    return (SHORT)(((s & 0x80) ? 0x8000 : 0) | (s & 1));
}

__declspec(dllexport) BOOL WINAPI GetKeyboardState(PBYTE state)
{
    if (state == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    memcpy(state, KeyState, 256);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI SetKeyboardState(PBYTE state)
{
    if (state == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    memcpy(KeyState, state, 256);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI GetCursorPos(LPPOINT p)
{
    if (p == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    LOCK();
    *p = Cursor;
    UNLOCK();
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI GetPhysicalCursorPos(LPPOINT p) { return GetCursorPos(p); }

__declspec(dllexport) BOOL WINAPI SetCursorPos(int x, int y)
{
    LOCK();                                     /* clipped to the screen */
    Cursor.x = x < 0 ? 0 : x > 1023 ? 1023 : x;
    Cursor.y = y < 0 ? 0 : y > 767 ? 767 : y;
    UNLOCK();
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI GetLastInputInfo(PLASTINPUTINFO info)
{
    if (info == NULL || info->cbSize != sizeof(*info)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    info->dwTime = *(volatile ULONG *)(ULONG_PTR)(0x7FFE0000 + 0x2E4);   /* LastSystemRITEventTickCount */
    return TRUE;
}

__declspec(dllexport) UINT WINAPI SendInput(UINT count, LPINPUT inputs, int size)
{
    if (size != sizeof(INPUT) || (count && inputs == NULL)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    SetLastError(ERROR_ACCESS_DENIED);          /* no input reaches this desktop */
    return 0;
}

__declspec(dllexport) VOID WINAPI keybd_event(BYTE vk, BYTE scan, DWORD flags, ULONG_PTR extra)
{
    (void)vk; (void)scan; (void)flags; (void)extra;
}

__declspec(dllexport) VOID WINAPI mouse_event(DWORD flags, DWORD dx, DWORD dy, DWORD data, ULONG_PTR extra)
{
    (void)flags; (void)dx; (void)dy; (void)data; (void)extra;
}

/* Blocking input takes an elevated caller; the standard user is refused. */
__declspec(dllexport) BOOL WINAPI BlockInput(BOOL block) { (void)block; SetLastError(ERROR_ACCESS_DENIED); return FALSE; }

__declspec(dllexport) BOOL WINAPI SwapMouseButton(BOOL swap) { (void)swap; return FALSE; }   /* were not swapped */

__declspec(dllexport) UINT WINAPI GetDoubleClickTime(void) { return 500; }
__declspec(dllexport) UINT WINAPI GetCaretBlinkTime(void) { return 530; }

HWND UserFocus(int which);                      /* session.c: 0 focus, 1 active, 2 capture */
__declspec(dllexport) HWND WINAPI GetFocus(void) { HWND h = UserFocus(0); return IsWindow(h) ? h : NULL; }
__declspec(dllexport) HWND WINAPI GetActiveWindow(void) { HWND h = UserFocus(1); return IsWindow(h) ? h : NULL; }
__declspec(dllexport) HWND WINAPI GetCapture(void) { HWND h = UserFocus(2); return IsWindow(h) ? h : NULL; }

/* Nobody's desktop is in front: no foreground window, and a process cannot take the foreground
 * without input having been given to it. */
__declspec(dllexport) HWND WINAPI GetForegroundWindow(void) { return NULL; }
__declspec(dllexport) BOOL WINAPI SetForegroundWindow(HWND hwnd) { (void)hwnd; return FALSE; }
static BOOL NotForeground(void) { SetLastError(ERROR_ACCESS_DENIED); return FALSE; }
__declspec(dllexport) BOOL WINAPI AllowSetForegroundWindow(DWORD pid) { (void)pid; return NotForeground(); }
__declspec(dllexport) BOOL WINAPI LockSetForegroundWindow(UINT code) { (void)code; return NotForeground(); }
