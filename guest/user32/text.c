/* Window text: GetWindowText/GetWindowTextLength send WM_GETTEXT/WM_GETTEXTLENGTH to the window
 * (through its thread when that is another one), SetWindowText sends WM_SETTEXT, and
 * InternalGetWindowText reads the stored text without a message. */
#include "user32.h"

__declspec(dllexport) int WINAPI GetWindowTextW(HWND hwnd, LPWSTR buffer, int size)
{
    if (UserWindowChecked(hwnd) == NULL) return 0;
    if (buffer == NULL || size <= 0) return 0;
    buffer[0] = 0;
    return (int)UserSend(hwnd, WM_GETTEXT, (WPARAM)size, (LPARAM)buffer, TRUE);
}

__declspec(dllexport) int WINAPI GetWindowTextA(HWND hwnd, LPSTR buffer, int size)
{
    if (UserWindowChecked(hwnd) == NULL) return 0;
    if (buffer == NULL || size <= 0) return 0;
    buffer[0] = 0;
    return (int)UserSend(hwnd, WM_GETTEXT, (WPARAM)size, (LPARAM)buffer, FALSE);
}

__declspec(dllexport) int WINAPI GetWindowTextLengthW(HWND hwnd)
{
    if (UserWindowChecked(hwnd) == NULL) return 0;
    return (int)UserSend(hwnd, WM_GETTEXTLENGTH, 0, 0, TRUE);
}

__declspec(dllexport) int WINAPI GetWindowTextLengthA(HWND hwnd)
{
    if (UserWindowChecked(hwnd) == NULL) return 0;
    return (int)UserSend(hwnd, WM_GETTEXTLENGTH, 0, 0, FALSE);
}

__declspec(dllexport) BOOL WINAPI SetWindowTextW(HWND hwnd, LPCWSTR text)
{
    if (UserWindowChecked(hwnd) == NULL) return FALSE;
    return (BOOL)UserSend(hwnd, WM_SETTEXT, 0, (LPARAM)text, TRUE);
}

__declspec(dllexport) BOOL WINAPI SetWindowTextA(HWND hwnd, LPCSTR text)
{
    if (UserWindowChecked(hwnd) == NULL) return FALSE;
    return (BOOL)UserSend(hwnd, WM_SETTEXT, 0, (LPARAM)text, FALSE);
}

__declspec(dllexport) int WINAPI InternalGetWindowText(HWND hwnd, LPWSTR buffer, int size)
{
    if (buffer == NULL || size <= 0) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    LOCK();
    WND *w = UserWindow(hwnd);
    int n = 0;
    if (w) {
        n = (int)wcslen(w->Text);
        if (n > size - 1) n = size - 1;
        memcpy(buffer, w->Text, n * sizeof(WCHAR));
    }
    buffer[n] = 0;
    UNLOCK();
    if (w == NULL) SetLastError(ERROR_INVALID_WINDOW_HANDLE);
    return n;
}
