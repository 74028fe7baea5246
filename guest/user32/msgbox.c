/* MessageBox(Ex)A/W and MessageBoxIndirect: nobody is at the desktop to read the box, so its
 * text goes to stderr as one line, "caption: text" (caption "Error" when none is given), and the
 * answer is what pressing Enter would give: the type's default button (MB_DEFBUTTON1..4; one
 * beyond the type's buttons means the first). An unknown type is ERROR_INVALID_MSGBOX_STYLE. */
#include "user32.h"

static void Line(const WCHAR *caption, const WCHAR *text)
{
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    char buffer[1024];
    DWORD done;
    int n = WideCharToMultiByte(CP_UTF8, 0, caption ? caption : L"Error", -1, buffer, sizeof(buffer) - 2, NULL, NULL);
    WriteFile(err, buffer, (DWORD)(n ? n - 1 : 0), &done, NULL);
    WriteFile(err, ": ", 2, &done, NULL);
    n = WideCharToMultiByte(CP_UTF8, 0, text ? text : L"", -1, buffer, sizeof(buffer), NULL, NULL);
    WriteFile(err, buffer, (DWORD)(n ? n - 1 : 0), &done, NULL);
    WriteFile(err, "\n", 1, &done, NULL);
}

/* The buttons of each MB_ type, left to right. */
static const int Buttons[7][3] = {
    {IDOK}, {IDOK, IDCANCEL}, {IDABORT, IDRETRY, IDIGNORE}, {IDYES, IDNO, IDCANCEL}, {IDYES, IDNO},
    {IDRETRY, IDCANCEL}, {IDCANCEL, IDTRYAGAIN, IDCONTINUE},
};

__declspec(dllexport) int WINAPI MessageBoxW(HWND owner, LPCWSTR text, LPCWSTR caption, UINT type)
{
    (void)owner;
    UINT kind = type & MB_TYPEMASK, def = (type & MB_DEFMASK) >> 8;
    if (kind > MB_CANCELTRYCONTINUE) {
        SetLastError(ERROR_INVALID_MSGBOX_STYLE);
        return 0;
    }
    Line(caption, text);
    if (def > 2 || Buttons[kind][def] == 0) def = 0;
    return Buttons[kind][def];
}

__declspec(dllexport) int WINAPI MessageBoxA(HWND owner, LPCSTR text, LPCSTR caption, UINT type)
{
    WCHAR wt[512], wc[128];
    if (text) MultiByteToWideChar(CP_ACP, 0, text, -1, wt, 512); else wt[0] = 0;
    if (caption) MultiByteToWideChar(CP_ACP, 0, caption, -1, wc, 128);
    return MessageBoxW(owner, wt, caption ? wc : NULL, type);
}

__declspec(dllexport) int WINAPI MessageBoxExW(HWND owner, LPCWSTR text, LPCWSTR caption, UINT type, WORD lang)
{
    (void)lang;
    return MessageBoxW(owner, text, caption, type);
}

__declspec(dllexport) int WINAPI MessageBoxExA(HWND owner, LPCSTR text, LPCSTR caption, UINT type, WORD lang)
{
    (void)lang;
    return MessageBoxA(owner, text, caption, type);
}

__declspec(dllexport) int WINAPI MessageBoxIndirectW(const MSGBOXPARAMSW *p)
{
    if (p == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    LPCWSTR text = IS_INTRESOURCE(p->lpszText) ? L"" : p->lpszText;
    LPCWSTR caption = IS_INTRESOURCE(p->lpszCaption) ? NULL : p->lpszCaption;
    return MessageBoxW(p->hwndOwner, text, caption, p->dwStyle);
}

__declspec(dllexport) int WINAPI MessageBoxIndirectA(const MSGBOXPARAMSA *p)
{
    if (p == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    LPCSTR text = IS_INTRESOURCE(p->lpszText) ? "" : p->lpszText;
    LPCSTR caption = IS_INTRESOURCE(p->lpszCaption) ? NULL : p->lpszCaption;
    return MessageBoxA(p->hwndOwner, text, caption, p->dwStyle);
}
