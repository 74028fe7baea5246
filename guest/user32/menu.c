/* Menus as data: CreateMenu/CreatePopupMenu, AppendMenu/InsertMenu (strings, separators, popups),
 * RemoveMenu/DeleteMenu, the item queries (count, id, string, state, submenu), Enable/Check
 * MenuItem, Get/SetMenu on a window and DestroyMenu. Nothing is drawn, and TrackPopupMenu ends at
 * once with 0 (nobody could choose an item), as when the user dismisses the menu. */
#include "user32.h"

typedef struct ITEM { UINT Flags; UINT_PTR Id; WCHAR *Text; } ITEM;
typedef struct MENU { HMENU Handle; BOOL Popup; int Count; ITEM Items[64]; HWND Window; } MENU;

static MENU *Menus[256];
static ULONG MenuSerial;

static MENU *Find(HMENU h)
{
    for (int i = 0; i < 256; i++) if (Menus[i] && Menus[i]->Handle == h) return Menus[i];
    return NULL;
}

static MENU *Checked(HMENU h)
{
    LOCK();
    MENU *m = h ? Find(h) : NULL;
    UNLOCK();
    if (m == NULL) SetLastError(ERROR_INVALID_MENU_HANDLE);
    return m;
}

static HMENU Create(BOOL popup)
{
    MENU *m = UserAlloc(sizeof(*m));
    LOCK();
    int slot = 0;
    while (slot < 256 && Menus[slot]) slot++;
    if (slot == 256) { UNLOCK(); UserFree(m); SetLastError(ERROR_NOT_ENOUGH_MEMORY); return NULL; }
    m->Handle = (HMENU)(ULONG_PTR)(0x60000 + ++MenuSerial * 0x10 + 8);
    m->Popup = popup;
    Menus[slot] = m;
    UNLOCK();
    return m->Handle;
}

__declspec(dllexport) HMENU WINAPI CreateMenu(void) { return Create(FALSE); }
__declspec(dllexport) HMENU WINAPI CreatePopupMenu(void) { return Create(TRUE); }
__declspec(dllexport) BOOL WINAPI IsMenu(HMENU h) { LOCK(); BOOL ok = Find(h) != NULL; UNLOCK(); return ok; }

__declspec(dllexport) BOOL WINAPI DestroyMenu(HMENU h)
{
    MENU *m = Checked(h);
    if (m == NULL) return FALSE;
    for (int i = 0; i < m->Count; i++)          /* submenus go with it */
        if (m->Items[i].Flags & MF_POPUP) DestroyMenu((HMENU)m->Items[i].Id);
    LOCK();
    for (int i = 0; i < 256; i++) if (Menus[i] == m) Menus[i] = NULL;
    UNLOCK();
    for (int i = 0; i < m->Count; i++) UserFree(m->Items[i].Text);
    UserFree(m);
    return TRUE;
}

/* The item `which` names: a position with MF_BYPOSITION, else the first with that id. */
static int Locate(MENU *m, UINT which, UINT flags)
{
    if (flags & MF_BYPOSITION) return which < (UINT)m->Count ? (int)which : -1;
    for (int i = 0; i < m->Count; i++) if (!(m->Items[i].Flags & MF_POPUP) && m->Items[i].Id == which) return i;
    return -1;
}

static BOOL Insert(HMENU h, UINT position, UINT flags, UINT_PTR id, const WCHAR *text)
{
    MENU *m = Checked(h);
    if (m == NULL) return FALSE;
    if ((flags & MF_POPUP) && !IsMenu((HMENU)id)) { SetLastError(ERROR_INVALID_MENU_HANDLE); return FALSE; }
    LOCK();
    if (m->Count == 64) { UNLOCK(); SetLastError(ERROR_NOT_ENOUGH_MEMORY); return FALSE; }
    int at = position == (UINT)-1 ? m->Count : Locate(m, position, flags);
    if (at < 0) at = m->Count;                  /* an unknown position appends */
    for (int i = m->Count; i > at; i--) m->Items[i] = m->Items[i - 1];
    ITEM item = {flags & ~MF_BYPOSITION, id, (flags & (MF_SEPARATOR | MF_BITMAP | MF_OWNERDRAW)) ? NULL : UserDupW(text)};
    m->Items[at] = item;
    m->Count++;
    UNLOCK();
    return TRUE;
}

static WCHAR *TextA(UINT flags, LPCSTR s)
{
    if ((flags & (MF_SEPARATOR | MF_BITMAP | MF_OWNERDRAW)) || s == NULL) return NULL;
    return UserDupA(s);
}

__declspec(dllexport) BOOL WINAPI AppendMenuW(HMENU h, UINT flags, UINT_PTR id, LPCWSTR text) { return Insert(h, (UINT)-1, flags & ~MF_BYPOSITION, id, text); }
__declspec(dllexport) BOOL WINAPI InsertMenuW(HMENU h, UINT pos, UINT flags, UINT_PTR id, LPCWSTR text) { return Insert(h, pos, flags, id, text); }

__declspec(dllexport) BOOL WINAPI AppendMenuA(HMENU h, UINT flags, UINT_PTR id, LPCSTR text)
{
    WCHAR *w = TextA(flags, text);
    BOOL ok = Insert(h, (UINT)-1, flags & ~MF_BYPOSITION, id, w);
    UserFree(w);
    return ok;
}

__declspec(dllexport) BOOL WINAPI InsertMenuA(HMENU h, UINT pos, UINT flags, UINT_PTR id, LPCSTR text)
{
    WCHAR *w = TextA(flags, text);
    BOOL ok = Insert(h, pos, flags, id, w);
    UserFree(w);
    return ok;
}

static BOOL Remove(HMENU h, UINT which, UINT flags, BOOL destroy)
{
    MENU *m = Checked(h);
    if (m == NULL) return FALSE;
    LOCK();
    int at = Locate(m, which, flags);
    ITEM item = {0};
    if (at >= 0) {
        item = m->Items[at];
        for (int i = at; i + 1 < m->Count; i++) m->Items[i] = m->Items[i + 1];
        m->Count--;
    }
    UNLOCK();
    if (at < 0) { SetLastError(ERROR_MENU_ITEM_NOT_FOUND); return FALSE; }
    if (destroy && (item.Flags & MF_POPUP)) DestroyMenu((HMENU)item.Id);
    UserFree(item.Text);
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI RemoveMenu(HMENU h, UINT which, UINT flags) { return Remove(h, which, flags, FALSE); }
__declspec(dllexport) BOOL WINAPI DeleteMenu(HMENU h, UINT which, UINT flags) { return Remove(h, which, flags, TRUE); }

__declspec(dllexport) int WINAPI GetMenuItemCount(HMENU h) { MENU *m = Checked(h); return m ? m->Count : -1; }

__declspec(dllexport) UINT WINAPI GetMenuItemID(HMENU h, int position)
{
    MENU *m = Checked(h);
    if (m == NULL || position < 0 || position >= m->Count) return (UINT)-1;
    return (m->Items[position].Flags & MF_POPUP) ? (UINT)-1 : (UINT)m->Items[position].Id;
}

__declspec(dllexport) HMENU WINAPI GetSubMenu(HMENU h, int position)
{
    MENU *m = Checked(h);
    if (m == NULL || position < 0 || position >= m->Count || !(m->Items[position].Flags & MF_POPUP)) return NULL;
    return (HMENU)m->Items[position].Id;
}

__declspec(dllexport) UINT WINAPI GetMenuState(HMENU h, UINT which, UINT flags)
{
    MENU *m = Checked(h);
    int at = m ? Locate(m, which, flags) : -1;
    if (at < 0) return (UINT)-1;
    UINT f = m->Items[at].Flags & (MF_GRAYED | MF_DISABLED | MF_CHECKED | MF_POPUP | MF_SEPARATOR | MF_MENUBARBREAK | MF_MENUBREAK | MF_HILITE | MF_OWNERDRAW);
    if (f & MF_POPUP) f = (f & 0xFF) | (GetMenuItemCount((HMENU)m->Items[at].Id) << 8) | MF_POPUP;
    return f;
}

__declspec(dllexport) int WINAPI GetMenuStringW(HMENU h, UINT which, LPWSTR buffer, int size, UINT flags)
{
    MENU *m = Checked(h);
    int at = m ? Locate(m, which, flags) : -1;
    if (at < 0) return 0;
    const WCHAR *t = m->Items[at].Text ? m->Items[at].Text : L"";
    int n = (int)wcslen(t);
    if (buffer == NULL || size <= 0) return n;  /* the length without the NUL */
    if (n > size - 1) n = size - 1;
    memcpy(buffer, t, n * sizeof(WCHAR));
    buffer[n] = 0;
    return n;
}

__declspec(dllexport) int WINAPI GetMenuStringA(HMENU h, UINT which, LPSTR buffer, int size, UINT flags)
{
    WCHAR w[512];
    if (GetMenuStringW(h, which, w, 512, flags) == 0 && !IsMenu(h)) return 0;
    char a[1024];
    int n = WideCharToMultiByte(CP_ACP, 0, w, -1, a, sizeof(a), NULL, NULL) - 1;
    if (n < 0) n = 0;
    if (buffer == NULL || size <= 0) return n;
    if (n > size - 1) n = size - 1;
    memcpy(buffer, a, n);
    buffer[n] = 0;
    return n;
}

/* Enable/CheckMenuItem: the previous state of the bits, or -1 when there is no such item. */
static DWORD Change(HMENU h, UINT which, UINT flags, UINT mask)
{
    MENU *m = Checked(h);
    int at = m ? Locate(m, which, flags) : -1;
    if (at < 0) return (DWORD)-1;
    LOCK();
    DWORD old = m->Items[at].Flags & mask;
    m->Items[at].Flags = (m->Items[at].Flags & ~mask) | (flags & mask);
    UNLOCK();
    return old;
}

__declspec(dllexport) BOOL WINAPI EnableMenuItem(HMENU h, UINT which, UINT flags) { return (BOOL)Change(h, which, flags, MF_GRAYED | MF_DISABLED); }
__declspec(dllexport) DWORD WINAPI CheckMenuItem(HMENU h, UINT which, UINT flags) { return Change(h, which, flags, MF_CHECKED); }

__declspec(dllexport) HMENU WINAPI GetMenu(HWND hwnd)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL || (w->Style & WS_CHILD)) return NULL;
    return w->Id;                               /* a top-level window's "id" field is its menu */
}

__declspec(dllexport) BOOL WINAPI SetMenu(HWND hwnd, HMENU menu)
{
    WND *w = UserWindowChecked(hwnd);
    if (w == NULL) return FALSE;
    if (w->Style & WS_CHILD) { SetLastError(ERROR_CHILD_WINDOW_MENU); return FALSE; }
    if (menu && !Checked(menu)) return FALSE;
    POINT before = {0, 0}, after = {0, 0};
    ClientToScreen(hwnd, &before);
    LOCK();
    w->Id = menu;
    UNLOCK();
    ClientToScreen(hwnd, &after);
    LOCK();                                     /* children keep their place in the client area */
    for (WND *c = UserWindows; c; c = c->Next)
        if (IsChild(hwnd, c->Handle)) OffsetRect(&c->Rect, after.x - before.x, after.y - before.y);
    UNLOCK();
    return TRUE;
}

__declspec(dllexport) BOOL WINAPI DrawMenuBar(HWND hwnd) { return UserWindowChecked(hwnd) != NULL; }
__declspec(dllexport) HMENU WINAPI GetSystemMenu(HWND hwnd, BOOL revert) { (void)revert; UserWindowChecked(hwnd); return NULL; }

__declspec(dllexport) BOOL WINAPI TrackPopupMenuEx(HMENU h, UINT flags, int x, int y, HWND hwnd, LPTPMPARAMS p)
{
    (void)flags; (void)x; (void)y; (void)p;
    if (Checked(h) == NULL || UserWindowChecked(hwnd) == NULL) return FALSE;
    return FALSE;                               /* dismissed: no item chosen */
}

__declspec(dllexport) BOOL WINAPI TrackPopupMenu(HMENU h, UINT flags, int x, int y, int reserved, HWND hwnd, const RECT *r)
{
    (void)reserved; (void)r;
    return TrackPopupMenuEx(h, flags, x, y, hwnd, NULL);
}
