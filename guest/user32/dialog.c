/* Dialog helpers over ordinary child windows: GetDlgItem (a child by its id), GetDlgCtrlID,
 * Get/SetDlgItemText, Get/SetDlgItemInt, SendDlgItemMessage, CheckDlgButton. Dialog boxes from
 * templates (DialogBoxParam, CreateDialogParam) are not built: a missing template fails with
 * FindResource's error, a present one with ERROR_NOT_SUPPORTED (nothing could answer them anyway:
 * no one uses this desktop). */
#include "user32.h"

__declspec(dllexport) HWND WINAPI GetDlgItem(HWND dialog, int id)
{
    if (UserWindowChecked(dialog) == NULL) return NULL;
    HWND found = NULL;
    LOCK();
    for (WND *w = UserWindows; w && !found; w = w->Next)
        if (w->Parent == dialog && (w->Style & WS_CHILD) && (int)(LONG_PTR)w->Id == id) found = w->Handle;
    UNLOCK();
    if (!found) SetLastError(ERROR_CONTROL_ID_NOT_FOUND);
    return found;
}

__declspec(dllexport) int WINAPI GetDlgCtrlID(HWND hwnd)
{
    WND *w = UserWindowChecked(hwnd);
    return w && (w->Style & WS_CHILD) ? (int)(LONG_PTR)w->Id : 0;
}

__declspec(dllexport) LRESULT WINAPI SendDlgItemMessageW(HWND dialog, int id, UINT msg, WPARAM wp, LPARAM lp)
{
    HWND item = GetDlgItem(dialog, id);
    return item ? SendMessageW(item, msg, wp, lp) : 0;
}

__declspec(dllexport) LRESULT WINAPI SendDlgItemMessageA(HWND dialog, int id, UINT msg, WPARAM wp, LPARAM lp)
{
    HWND item = GetDlgItem(dialog, id);
    return item ? SendMessageA(item, msg, wp, lp) : 0;
}

__declspec(dllexport) BOOL WINAPI SetDlgItemTextW(HWND dialog, int id, LPCWSTR text) { HWND i = GetDlgItem(dialog, id); return i && SetWindowTextW(i, text); }
__declspec(dllexport) BOOL WINAPI SetDlgItemTextA(HWND dialog, int id, LPCSTR text) { HWND i = GetDlgItem(dialog, id); return i && SetWindowTextA(i, text); }

__declspec(dllexport) UINT WINAPI GetDlgItemTextW(HWND dialog, int id, LPWSTR buffer, int size)
{
    HWND i = GetDlgItem(dialog, id);
    if (i == NULL) { if (buffer && size > 0) buffer[0] = 0; return 0; }
    return (UINT)GetWindowTextW(i, buffer, size);
}

__declspec(dllexport) UINT WINAPI GetDlgItemTextA(HWND dialog, int id, LPSTR buffer, int size)
{
    HWND i = GetDlgItem(dialog, id);
    if (i == NULL) { if (buffer && size > 0) buffer[0] = 0; return 0; }
    return (UINT)GetWindowTextA(i, buffer, size);
}

__declspec(dllexport) BOOL WINAPI SetDlgItemInt(HWND dialog, int id, UINT value, BOOL isSigned)
{
    WCHAR text[16], *p = text + 15;
    BOOL negative = isSigned && (int)value < 0;
    UINT v = negative ? 0u - value : value;
    *p = 0;
    do { *--p = (WCHAR)('0' + v % 10); v /= 10; } while (v);
    if (negative) *--p = '-';
    return SetDlgItemTextW(dialog, id, p);
}

__declspec(dllexport) UINT WINAPI GetDlgItemInt(HWND dialog, int id, BOOL *ok, BOOL isSigned)
{
    WCHAR text[32];
    if (ok) *ok = FALSE;
    if (!GetDlgItem(dialog, id)) return 0;
    GetDlgItemTextW(dialog, id, text, 32);
    const WCHAR *p = text;
    while (*p == ' ') p++;
    BOOL negative = isSigned && *p == '-';
    if (negative) p++;
    if (*p < '0' || *p > '9') return 0;
    ULONGLONG v = 0;
    while (*p >= '0' && *p <= '9') { v = v * 10 + (*p++ - '0'); if (v > 0xFFFFFFFFull) return 0; }
    while (*p == ' ') p++;
    if (*p) return 0;                           /* trailing characters */
    if (isSigned && v > (negative ? 0x80000000ull : 0x7FFFFFFFull)) return 0;
    if (ok) *ok = TRUE;
    return negative ? (UINT)(0 - (UINT)v) : (UINT)v;
}

__declspec(dllexport) BOOL WINAPI CheckDlgButton(HWND dialog, int id, UINT check)
{
    HWND i = GetDlgItem(dialog, id);
    if (i == NULL) return FALSE;
    SendMessageW(i, BM_SETCHECK, check, 0);
    return TRUE;
}

static INT_PTR Template(HINSTANCE module, LPCWSTR name)
{
    if (FindResourceW(module, name, (LPCWSTR)RT_DIALOG) == NULL) return -1;   /* FindResource's error */
    SetLastError(ERROR_NOT_SUPPORTED);
    return -1;
}

static LPCWSTR NameA(LPCSTR name, WCHAR *buffer)
{
    if (IS_INTRESOURCE(name)) return (LPCWSTR)name;
    if (!MultiByteToWideChar(CP_ACP, 0, name, -1, buffer, MAX_PATH)) buffer[0] = 0;
    return buffer;
}

__declspec(dllexport) INT_PTR WINAPI DialogBoxParamW(HINSTANCE m, LPCWSTR name, HWND owner, DLGPROC proc, LPARAM lp)
{
    (void)owner; (void)proc; (void)lp;
    return Template(m, name);
}

__declspec(dllexport) INT_PTR WINAPI DialogBoxParamA(HINSTANCE m, LPCSTR name, HWND owner, DLGPROC proc, LPARAM lp)
{
    WCHAR b[MAX_PATH];
    return DialogBoxParamW(m, NameA(name, b), owner, proc, lp);
}

__declspec(dllexport) HWND WINAPI CreateDialogParamW(HINSTANCE m, LPCWSTR name, HWND owner, DLGPROC proc, LPARAM lp)
{
    (void)owner; (void)proc; (void)lp;
    Template(m, name);
    return NULL;
}

__declspec(dllexport) HWND WINAPI CreateDialogParamA(HINSTANCE m, LPCSTR name, HWND owner, DLGPROC proc, LPARAM lp)
{
    WCHAR b[MAX_PATH];
    return CreateDialogParamW(m, NameA(name, b), owner, proc, lp);
}

__declspec(dllexport) BOOL WINAPI EndDialog(HWND dialog, INT_PTR result)
{
    (void)result;
    if (UserWindowChecked(dialog) == NULL) return FALSE;
    ShowWindow(dialog, SW_HIDE);                /* no modal loop here to end; the window stays */
    return TRUE;
}
