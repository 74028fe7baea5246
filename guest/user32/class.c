/* Window classes, per process: RegisterClass(Ex)A/W (atoms from the table RegisterWindowMessage
 * uses), UnregisterClass, GetClassInfo(Ex), GetClassName and Get/SetClassLong(Ptr). A class is
 * found by name or atom, first among those of the given instance, then the CS_GLOBALCLASS ones,
 * then the system classes registered at attach (Static, Button, Edit, ListBox, ComboBox,
 * ScrollBar, #32770, Message): their procedure here is DefWindowProcW (no control behaviour,
 * nothing is painted). */
#include "user32.h"

static CLS *Classes;
static HINSTANCE SystemInstance;                /* user32's own module: the system classes' */

static BOOL SameName(CLS *c, LPCWSTR name)
{
    if (IS_INTRESOURCE(name)) return c->Atom == (ATOM)(ULONG_PTR)name;
    return _wcsicmp(c->Name, name) == 0;
}

CLS *UserFindClass(LPCWSTR name, HINSTANCE instance)
{
    CLS *global = NULL, *system = NULL;
    for (CLS *c = Classes; c; c = c->Next) {
        if (!SameName(c, name)) continue;
        if (c->Info.hInstance == SystemInstance) system = c;
        else if (c->Info.hInstance == instance) return c;
        else if (c->Info.style & CS_GLOBALCLASS) global = c;
    }
    return global ? global : system;
}

CLS *UserFindClassAtom(ATOM atom)
{
    for (CLS *c = Classes; c; c = c->Next)
        if (c->Atom == atom) return c;
    return NULL;
}

static ATOM Register(const WNDCLASSEXW *wc, LPCWSTR name, BOOL unicode)
{
    if (wc->cbClsExtra < 0 || wc->cbWndExtra < 0 || wc->cbClsExtra > 40000 || wc->cbWndExtra > 40000
        || name == NULL || (!IS_INTRESOURCE(name) && (name[0] == 0 || wcslen(name) > 255))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    HINSTANCE instance = wc->hInstance ? wc->hInstance : GetModuleHandleW(NULL);
    LOCK();
    for (CLS *c = Classes; c; c = c->Next)
        if (SameName(c, name) && (c->Info.hInstance == instance || ((c->Info.style & CS_GLOBALCLASS) && (wc->style & CS_GLOBALCLASS)))) {
            UNLOCK();
            SetLastError(ERROR_CLASS_ALREADY_EXISTS);
            return 0;
        }
    CLS *c = UserAlloc(sizeof(*c));
    c->Extra = UserAlloc((SIZE_T)wc->cbClsExtra);
    c->Info = *wc;
    c->Info.cbSize = sizeof(WNDCLASSEXW);
    c->Info.hInstance = instance;
    if (IS_INTRESOURCE(name)) {                 /* registered by an existing atom */
        c->Atom = (ATOM)(ULONG_PTR)name;
        UserNameOf(c->Atom, c->Name, 256);
    } else {
        memcpy(c->Name, name, (wcslen(name) + 1) * sizeof(WCHAR));
        c->Atom = (ATOM)UserRegisterName(name);
    }
    c->Info.lpszClassName = c->Name;
    c->Info.lpszMenuName = NULL;
    c->Unicode = unicode;
    c->Next = Classes;
    Classes = c;
    ATOM atom = c->Atom;
    UNLOCK();
    return atom;
}

__declspec(dllexport) ATOM WINAPI RegisterClassExW(const WNDCLASSEXW *wc)
{
    if (wc == NULL || wc->cbSize != sizeof(*wc)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return Register(wc, wc->lpszClassName, TRUE);
}

__declspec(dllexport) ATOM WINAPI RegisterClassW(const WNDCLASSW *wc)
{
    if (wc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    WNDCLASSEXW ex = {sizeof(ex), wc->style, wc->lpfnWndProc, wc->cbClsExtra, wc->cbWndExtra, wc->hInstance,
                      wc->hIcon, wc->hCursor, wc->hbrBackground, NULL, wc->lpszClassName, NULL};
    return Register(&ex, wc->lpszClassName, TRUE);
}

static ATOM RegisterA(const WNDCLASSEXA *wc)
{
    WNDCLASSEXW ex;
    memcpy(&ex, wc, sizeof(ex));                /* same layout, the two strings aside */
    WCHAR name[256];
    LPCWSTR n = (LPCWSTR)wc->lpszClassName;
    if (wc->lpszClassName && !IS_INTRESOURCE(wc->lpszClassName)) {
        if (!MultiByteToWideChar(CP_ACP, 0, wc->lpszClassName, -1, name, 256)) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return 0;
        }
        n = name;
    }
    ex.lpszClassName = n;
    ex.lpszMenuName = NULL;
    return Register(&ex, n, FALSE);
}

__declspec(dllexport) ATOM WINAPI RegisterClassExA(const WNDCLASSEXA *wc)
{
    if (wc == NULL || wc->cbSize != sizeof(*wc)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return RegisterA(wc);
}

__declspec(dllexport) ATOM WINAPI RegisterClassA(const WNDCLASSA *wc)
{
    if (wc == NULL) { SetLastError(ERROR_INVALID_PARAMETER); return 0; }
    WNDCLASSEXA ex = {sizeof(ex), wc->style, wc->lpfnWndProc, wc->cbClsExtra, wc->cbWndExtra, wc->hInstance,
                      wc->hIcon, wc->hCursor, wc->hbrBackground, NULL, wc->lpszClassName, NULL};
    return RegisterA(&ex);
}

/* A class name argument of an A call as UTF-16 (atoms pass through). */
static LPCWSTR NameA(LPCSTR name, WCHAR *buffer)
{
    if (name == NULL || IS_INTRESOURCE(name)) return (LPCWSTR)name;
    if (!MultiByteToWideChar(CP_ACP, 0, name, -1, buffer, 256)) buffer[0] = 0;
    return buffer;
}

__declspec(dllexport) BOOL WINAPI UnregisterClassW(LPCWSTR name, HINSTANCE instance)
{
    if (instance == NULL) instance = GetModuleHandleW(NULL);
    LOCK();
    for (CLS **p = &Classes; name && *p; p = &(*p)->Next) {
        CLS *c = *p;
        if (!SameName(c, name) || c->Info.hInstance != instance) continue;
        if (c->Windows) {
            UNLOCK();
            SetLastError(ERROR_CLASS_HAS_WINDOWS);
            return FALSE;
        }
        *p = c->Next;
        UNLOCK();
        UserFree(c->Extra);
        UserFree(c);
        return TRUE;
    }
    UNLOCK();
    SetLastError(ERROR_CLASS_DOES_NOT_EXIST);
    return FALSE;
}

__declspec(dllexport) BOOL WINAPI UnregisterClassA(LPCSTR name, HINSTANCE instance)
{
    WCHAR buffer[256];
    return UnregisterClassW(NameA(name, buffer), instance);
}

/* GetClassInfoEx: the class's WNDCLASSEX, returning its atom. */
static ATOM Info(HINSTANCE instance, LPCWSTR name, WNDCLASSEXW *out, BOOL *unicode)
{
    if (name == NULL) { SetLastError(ERROR_CLASS_DOES_NOT_EXIST); return 0; }
    LOCK();
    CLS *c = UserFindClass(name, instance ? instance : GetModuleHandleW(NULL));
    if (c) { *out = c->Info; *unicode = c->Unicode; }
    ATOM atom = c ? c->Atom : 0;
    UNLOCK();
    if (!atom) SetLastError(ERROR_CLASS_DOES_NOT_EXIST);
    return atom;
}

__declspec(dllexport) BOOL WINAPI GetClassInfoExW(HINSTANCE instance, LPCWSTR name, LPWNDCLASSEXW wc)
{
    WNDCLASSEXW info;
    BOOL unicode;
    if (wc == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    ATOM atom = Info(instance, name, &info, &unicode);
    if (!atom) return FALSE;
    UINT size = wc->cbSize;
    *wc = info;
    wc->cbSize = size;
    wc->lpszClassName = name;                   /* as documented: the pointer passed in */
    return atom;
}

__declspec(dllexport) BOOL WINAPI GetClassInfoW(HINSTANCE instance, LPCWSTR name, LPWNDCLASSW wc)
{
    WNDCLASSEXW ex = {sizeof(ex)};
    if (wc == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    ATOM atom = GetClassInfoExW(instance, name, &ex);
    if (!atom) return FALSE;
    WNDCLASSW out = {ex.style, ex.lpfnWndProc, ex.cbClsExtra, ex.cbWndExtra, ex.hInstance, ex.hIcon, ex.hCursor,
                     ex.hbrBackground, NULL, name};
    *wc = out;
    return atom;
}

__declspec(dllexport) BOOL WINAPI GetClassInfoExA(HINSTANCE instance, LPCSTR name, LPWNDCLASSEXA wc)
{
    WCHAR buffer[256];
    WNDCLASSEXW ex = {sizeof(ex)};
    if (wc == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    ATOM atom = GetClassInfoExW(instance, NameA(name, buffer), &ex);
    if (!atom) return FALSE;
    UINT size = wc->cbSize;
    memcpy(wc, &ex, sizeof(*wc));
    wc->cbSize = size;
    wc->lpszMenuName = NULL;
    wc->lpszClassName = name;
    return atom;
}

__declspec(dllexport) BOOL WINAPI GetClassInfoA(HINSTANCE instance, LPCSTR name, LPWNDCLASSA wc)
{
    WNDCLASSEXA ex = {sizeof(ex)};
    if (wc == NULL) { SetLastError(ERROR_NOACCESS); return FALSE; }
    ATOM atom = GetClassInfoExA(instance, name, &ex);
    if (!atom) return FALSE;
    WNDCLASSA out = {ex.style, ex.lpfnWndProc, ex.cbClsExtra, ex.cbWndExtra, ex.hInstance, ex.hIcon, ex.hCursor,
                     ex.hbrBackground, NULL, name};
    *wc = out;
    return atom;
}

__declspec(dllexport) int WINAPI GetClassNameW(HWND hwnd, LPWSTR buffer, int size)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return 0;
    if (buffer == NULL || size <= 0) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    int n = (int)wcslen(w->Class->Name);
    if (n > size - 1) n = size - 1;
    memcpy(buffer, w->Class->Name, n * sizeof(WCHAR));
    buffer[n] = 0;
    return n;
}

__declspec(dllexport) int WINAPI GetClassNameA(HWND hwnd, LPSTR buffer, int size)
{
    WCHAR w[256];
    if (!GetClassNameW(hwnd, w, 256)) return 0;
    if (buffer == NULL || size <= 0) { SetLastError(ERROR_INSUFFICIENT_BUFFER); return 0; }
    char a[512];
    int n = WideCharToMultiByte(CP_ACP, 0, w, -1, a, sizeof(a), NULL, NULL) - 1;
    if (n > size - 1) n = size - 1;
    memcpy(buffer, a, n);
    buffer[n] = 0;
    return n;
}

__declspec(dllexport) UINT WINAPI RealGetWindowClassW(HWND hwnd, LPWSTR buffer, UINT size) { return (UINT)GetClassNameW(hwnd, buffer, (int)size); }
__declspec(dllexport) UINT WINAPI RealGetWindowClassA(HWND hwnd, LPSTR buffer, UINT size) { return (UINT)GetClassNameA(hwnd, buffer, (int)size); }

/* Get/SetClassLongPtr: one field of the window's class; a non-negative index is into the extra bytes. */
static ULONG_PTR ClassField(HWND hwnd, int index, BOOL set, ULONG_PTR value, int width)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return 0;
    LOCK();
    CLS *c = w->Class;
    ULONG_PTR old = 0;
    BOOL ok = TRUE;
    if (index >= 0) {
        if (index + width > c->Info.cbClsExtra) ok = FALSE;
        else {
            memcpy(&old, c->Extra + index, width);
            if (set) memcpy(c->Extra + index, &value, width);
        }
    } else {
#define FIELD(type, member) do { old = (ULONG_PTR)c->Info.member; if (set) c->Info.member = (type)value; } while (0)
        switch (index) {
        case GCLP_WNDPROC: FIELD(WNDPROC, lpfnWndProc); break;
        case GCLP_HICON: FIELD(HICON, hIcon); break;
        case GCLP_HICONSM: FIELD(HICON, hIconSm); break;
        case GCLP_HCURSOR: FIELD(HCURSOR, hCursor); break;
        case GCLP_HBRBACKGROUND: FIELD(HBRUSH, hbrBackground); break;
        case GCLP_HMODULE: FIELD(HINSTANCE, hInstance); break;
        case GCL_STYLE: FIELD(UINT, style); break;
        case GCL_CBWNDEXTRA: FIELD(int, cbWndExtra); break;
        case GCL_CBCLSEXTRA: old = (ULONG_PTR)c->Info.cbClsExtra; if (set) ok = FALSE; break;
        case GCLP_MENUNAME: old = 0; break;
        case GCW_ATOM: old = c->Atom; if (set) ok = FALSE; break;
        default: ok = FALSE;
        }
#undef FIELD
    }
    UNLOCK();
    if (!ok) SetLastError(ERROR_INVALID_INDEX);
    return ok ? old : 0;
}

__declspec(dllexport) ULONG_PTR WINAPI GetClassLongPtrW(HWND hwnd, int index) { return ClassField(hwnd, index, FALSE, 0, sizeof(ULONG_PTR)); }
__declspec(dllexport) ULONG_PTR WINAPI GetClassLongPtrA(HWND hwnd, int index) { return ClassField(hwnd, index, FALSE, 0, sizeof(ULONG_PTR)); }
__declspec(dllexport) ULONG_PTR WINAPI SetClassLongPtrW(HWND hwnd, int index, LONG_PTR v) { return ClassField(hwnd, index, TRUE, (ULONG_PTR)v, sizeof(ULONG_PTR)); }
__declspec(dllexport) ULONG_PTR WINAPI SetClassLongPtrA(HWND hwnd, int index, LONG_PTR v) { return ClassField(hwnd, index, TRUE, (ULONG_PTR)v, sizeof(ULONG_PTR)); }
__declspec(dllexport) DWORD WINAPI GetClassLongW(HWND hwnd, int index) { return (DWORD)ClassField(hwnd, index, FALSE, 0, 4); }
__declspec(dllexport) DWORD WINAPI GetClassLongA(HWND hwnd, int index) { return (DWORD)ClassField(hwnd, index, FALSE, 0, 4); }
__declspec(dllexport) DWORD WINAPI SetClassLongW(HWND hwnd, int index, LONG v) { return (DWORD)ClassField(hwnd, index, TRUE, (ULONG_PTR)(ULONG)v, 4); }
__declspec(dllexport) DWORD WINAPI SetClassLongA(HWND hwnd, int index, LONG v) { return (DWORD)ClassField(hwnd, index, TRUE, (ULONG_PTR)(ULONG)v, 4); }
__declspec(dllexport) WORD WINAPI GetClassWord(HWND hwnd, int index) { return (WORD)ClassField(hwnd, index, FALSE, 0, 2); }

/* Step: the system classes, at process attach. */
void UserClassInit(HINSTANCE self)
{
    static const WCHAR *const names[] = {L"Static", L"Button", L"Edit", L"ListBox", L"ComboBox", L"ScrollBar",
                                         L"#32770", L"Message"};
    SystemInstance = self;
    for (UINT i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        WNDCLASSEXW wc = {sizeof(wc), CS_GLOBALCLASS | CS_DBLCLKS, DefWindowProcW, 0, i == 6 ? DLGWINDOWEXTRA : 0, self};
        wc.hCursor = LoadCursorW(NULL, (LPCWSTR)IDC_ARROW);
        Register(&wc, names[i], TRUE);
    }
}
