/* Window properties (SetProp/GetProp/RemoveProp A/W, EnumPropsEx), per window, named by a string
 * (compared without case) or an atom; they go when the window is destroyed. */
#include "user32.h"

typedef struct PROP { struct PROP *Next; HWND Hwnd; WCHAR Name[256]; ATOM Atom; HANDLE Data; } PROP;
static PROP *Props;

static BOOL Same(PROP *p, HWND hwnd, LPCWSTR name)
{
    if (p->Hwnd != hwnd) return FALSE;
    if (IS_INTRESOURCE(name)) return p->Atom == (ATOM)(ULONG_PTR)name;
    return p->Atom == 0 && _wcsicmp(p->Name, name) == 0;
}

__declspec(dllexport) BOOL WINAPI SetPropW(HWND hwnd, LPCWSTR name, HANDLE data)
{
    if (UserWindowChecked(hwnd) == NULL) return FALSE;
    if (name == NULL || (!IS_INTRESOURCE(name) && wcslen(name) > 255)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    LOCK();
    PROP *p = Props;
    while (p && !Same(p, hwnd, name)) p = p->Next;
    if (p == NULL) {
        p = UserAlloc(sizeof(*p));
        p->Hwnd = hwnd;
        if (IS_INTRESOURCE(name)) p->Atom = (ATOM)(ULONG_PTR)name;
        else memcpy(p->Name, name, (wcslen(name) + 1) * sizeof(WCHAR));
        p->Next = Props;
        Props = p;
    }
    p->Data = data;
    UNLOCK();
    return TRUE;
}

static HANDLE Take(HWND hwnd, LPCWSTR name, BOOL remove)
{
    HANDLE data = NULL;
    if (name == NULL) return NULL;
    LOCK();
    for (PROP **pp = &Props; *pp; pp = &(*pp)->Next)
        if (Same(*pp, hwnd, name)) {
            PROP *p = *pp;
            data = p->Data;
            if (remove) { *pp = p->Next; UserFree(p); }
            break;
        }
    UNLOCK();
    return data;
}

__declspec(dllexport) HANDLE WINAPI GetPropW(HWND hwnd, LPCWSTR name) { return Take(hwnd, name, FALSE); }
__declspec(dllexport) HANDLE WINAPI RemovePropW(HWND hwnd, LPCWSTR name) { return Take(hwnd, name, TRUE); }

static LPCWSTR NameA(LPCSTR name, WCHAR *buffer)
{
    if (name == NULL || IS_INTRESOURCE(name)) return (LPCWSTR)name;
    if (!MultiByteToWideChar(CP_ACP, 0, name, -1, buffer, 256)) buffer[0] = 0;
    return buffer;
}

__declspec(dllexport) BOOL WINAPI SetPropA(HWND hwnd, LPCSTR name, HANDLE data) { WCHAR b[256]; return SetPropW(hwnd, NameA(name, b), data); }
__declspec(dllexport) HANDLE WINAPI GetPropA(HWND hwnd, LPCSTR name) { WCHAR b[256]; return GetPropW(hwnd, NameA(name, b)); }
__declspec(dllexport) HANDLE WINAPI RemovePropA(HWND hwnd, LPCSTR name) { WCHAR b[256]; return RemovePropW(hwnd, NameA(name, b)); }

__declspec(dllexport) int WINAPI EnumPropsExW(HWND hwnd, PROPENUMPROCEXW proc, LPARAM lp)
{
    int last = -1;
    for (int index = 0;; index++) {             /* one at a time, the procedure called outside the lock */
        WCHAR name[256];
        HANDLE data = NULL;
        BOOL found = FALSE;
        LOCK();
        int i = 0;
        for (PROP *p = Props; p && !found; p = p->Next)
            if (p->Hwnd == hwnd && i++ == index) {
                memcpy(name, p->Name, sizeof(name));
                data = p->Data;
                found = TRUE;
            }
        UNLOCK();
        if (!found) return last;
        last = proc(hwnd, name, data, lp);
        if (!last) return 0;
    }
}

void UserForgetProps(HWND hwnd)
{
    LOCK();
    for (PROP **pp = &Props; *pp;) {
        PROP *p = *pp;
        if (p->Hwnd == hwnd) { *pp = p->Next; UserFree(p); } else pp = &p->Next;
    }
    UNLOCK();
}
