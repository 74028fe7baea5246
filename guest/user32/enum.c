/* Walking the windows of the process in z-order (topmost first): EnumWindows (top-level windows;
 * message-only ones are not enumerated), EnumThreadWindows (a thread's top-level windows),
 * EnumChildWindows (every descendant, each followed by its own), FindWindow(Ex) A/W (class by
 * name or atom, title compared without case; HWND_MESSAGE searches the message-only windows),
 * GetWindow and GetTopWindow. Windows of other processes are not seen: FindWindow of another
 * program's window finds nothing. */
#include "user32.h"

#define MAX_LIST 1024

/* The children of `parent` (NULL: top-level, HWND_MESSAGE: message-only) in z-order. */
static int Children(HWND parent, HWND *out, WND **wnds)
{
    int n = 0;
    for (WND *w = UserWindows; w && n < MAX_LIST; w = w->Next) {
        if (w->Destroying || w->Parent != parent) continue;
        int i = n++;
        while (i > 0 && wnds[i - 1]->Order < w->Order) { wnds[i] = wnds[i - 1]; i--; }
        wnds[i] = w;
    }
    for (int i = 0; i < n; i++) out[i] = wnds[i]->Handle;
    return n;
}

/* The list, taken under the lock and called outside it. */
static int Snapshot(HWND parent, HWND *out)
{
    static WND *wnds[MAX_LIST];
    LOCK();
    int n = Children(parent, out, wnds);
    UNLOCK();
    return n;
}

__declspec(dllexport) BOOL WINAPI EnumWindows(WNDENUMPROC proc, LPARAM lp)
{
    HWND *list = UserAlloc(MAX_LIST * sizeof(HWND));
    int n = Snapshot(NULL, list);
    BOOL go = TRUE;
    for (int i = 0; i < n && go; i++)
        if (IsWindow(list[i])) go = proc(list[i], lp);
    UserFree(list);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI EnumThreadWindows(DWORD tid, WNDENUMPROC proc, LPARAM lp)
{
    HWND *list = UserAlloc(MAX_LIST * sizeof(HWND));
    int n = Snapshot(NULL, list), found = 0;
    BOOL go = TRUE;
    for (int i = 0; i < n && go; i++) {
        DWORD owner = 0;
        LOCK();
        WND *w = UserWindow(list[i]);
        if (w) owner = w->ThreadId;
        UNLOCK();
        if (owner == tid) { found++; go = proc(list[i], lp); }
    }
    UserFree(list);
    return found > 0;                           /* FALSE when the thread has no windows */
}

static BOOL EnumChildren(HWND parent, WNDENUMPROC proc, LPARAM lp)
{
    HWND *list = UserAlloc(MAX_LIST * sizeof(HWND));
    int n = Snapshot(parent, list);
    BOOL go = TRUE;
    for (int i = 0; i < n && go; i++) {
        if (!IsWindow(list[i])) continue;
        go = proc(list[i], lp);
        if (go) go = EnumChildren(list[i], proc, lp);
    }
    UserFree(list);
    return go;
}

__declspec(dllexport) BOOL WINAPI EnumChildWindows(HWND parent, WNDENUMPROC proc, LPARAM lp)
{
    if (parent == NULL || parent == DESKTOP_HWND) return EnumWindows(proc, lp);
    EnumChildren(parent, proc, lp);
    return TRUE;
}

static HWND Find(HWND parent, HWND after, LPCWSTR cls, LPCWSTR title)
{
    if (parent == DESKTOP_HWND) parent = NULL;
    if (parent && parent != HWND_MESSAGE && UserWindowChecked(parent) == NULL) return NULL;
    ATOM atom = 0;
    if (cls) {
        LOCK();
        CLS *c = IS_INTRESOURCE(cls) ? UserFindClassAtom((ATOM)(ULONG_PTR)cls) : NULL;
        if (c) atom = c->Atom;
        if (!IS_INTRESOURCE(cls)) atom = 1;     /* compared by name below */
        UNLOCK();
        if (!atom) { SetLastError(ERROR_CANNOT_FIND_WND_CLASS); return NULL; }
    }
    HWND *list = UserAlloc(MAX_LIST * sizeof(HWND));
    int n = Snapshot(parent, list), i = 0;
    if (after) {
        while (i < n && list[i] != after) i++;
        i++;
    }
    HWND found = NULL;
    for (; i < n && !found; i++) {
        LOCK();
        WND *w = UserWindow(list[i]);
        BOOL match = w != NULL;
        if (match && cls) match = IS_INTRESOURCE(cls) ? w->Class->Atom == (ATOM)(ULONG_PTR)cls : _wcsicmp(w->Class->Name, cls) == 0;
        if (match && title) match = _wcsicmp(w->Text, title) == 0;
        UNLOCK();
        if (match) found = list[i];
    }
    UserFree(list);
    if (!found) SetLastError(ERROR_FILE_NOT_FOUND);
    return found;
}

static LPCWSTR Wide(LPCSTR s, WCHAR *buffer, int size)
{
    if (s == NULL || IS_INTRESOURCE(s)) return (LPCWSTR)s;
    if (!MultiByteToWideChar(CP_ACP, 0, s, -1, buffer, size)) buffer[0] = 0;
    return buffer;
}

__declspec(dllexport) HWND WINAPI FindWindowExW(HWND parent, HWND after, LPCWSTR cls, LPCWSTR title) { return Find(parent, after, cls, title); }
__declspec(dllexport) HWND WINAPI FindWindowW(LPCWSTR cls, LPCWSTR title) { return Find(NULL, NULL, cls, title); }

__declspec(dllexport) HWND WINAPI FindWindowExA(HWND parent, HWND after, LPCSTR cls, LPCSTR title)
{
    WCHAR c[256], t[1024];
    return Find(parent, after, Wide(cls, c, 256), Wide(title, t, 1024));
}

__declspec(dllexport) HWND WINAPI FindWindowA(LPCSTR cls, LPCSTR title) { return FindWindowExA(NULL, NULL, cls, title); }

__declspec(dllexport) HWND WINAPI GetWindow(HWND hwnd, UINT cmd)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return NULL;
    if (cmd == GW_OWNER) return w->Owner;
    HWND *list = UserAlloc(MAX_LIST * sizeof(HWND));
    HWND answer = NULL;
    int n = Snapshot(cmd == GW_CHILD ? hwnd : w->Parent, list), i = 0;
    while (i < n && list[i] != hwnd) i++;
    switch (cmd) {
    case GW_CHILD: answer = n ? list[0] : NULL; break;
    case GW_HWNDFIRST: answer = n ? list[0] : NULL; break;
    case GW_HWNDLAST: answer = n ? list[n - 1] : NULL; break;
    case GW_HWNDNEXT: answer = i + 1 < n ? list[i + 1] : NULL; break;
    case GW_HWNDPREV: answer = i > 0 && i < n ? list[i - 1] : NULL; break;
    case GW_ENABLEDPOPUP: answer = NULL; break;
    default: SetLastError(ERROR_INVALID_PARAMETER);
    }
    UserFree(list);
    return answer;
}

__declspec(dllexport) HWND WINAPI GetTopWindow(HWND hwnd)
{
    HWND *list = UserAlloc(MAX_LIST * sizeof(HWND));
    int n = Snapshot(hwnd == DESKTOP_HWND ? NULL : hwnd, list);
    HWND top = n ? list[0] : NULL;
    UserFree(list);
    return top;
}
