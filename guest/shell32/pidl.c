/* Item ID lists (PIDLs) and the shell allocator. An ID list is a run of SHITEMIDs (a USHORT cb that
 * counts itself, then cb-2 bytes), ended by a zero cb; the empty list is the desktop. The items
 * this shell32 makes, relative to the desktop:
 *   0x1F  a root folder: cb 20, type, sort byte 0x50, its CLSID (My Computer, or a virtual folder's
 *         KNOWNFOLDERID);
 *   0x2F  a drive: cb 25, type, "C:\" in ASCII padded with zeros to 22 bytes;
 *   0x31  a folder, 0x32 a file: type, a zero byte, the component's name in UTF-16 with its NUL.
 * SHAlloc and SHGetMalloc's IMalloc hand out the COM task allocator's memory: the process heap. */
#include "shell32.h"

#define PT_ROOT 0x1F
#define PT_DRIVE 0x2F
#define PT_FOLDER 0x31
#define PT_FILE 0x32

static const CLSID ClsidMyComputer = {0x20D04FE0, 0x3AEA, 0x1069, {0xA2, 0xD8, 0x08, 0x00, 0x2B, 0x30, 0x30, 0x9D}};

SHAPI LPVOID WINAPI SHAlloc(SIZE_T n) { return ShAlloc(n); }
SHAPI void WINAPI SHFree(LPVOID p) { ShFree(p); }

/* The shell's IMalloc: one static object over the process heap. */
static const IID IidUnknown = {0, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const IID IidMalloc = {2, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

static HRESULT WINAPI MallocQueryInterface(IMalloc *self, REFIID iid, void **out)
{
    if (out == NULL) return E_POINTER;
    if (IsEqualGUID(iid, &IidUnknown) || IsEqualGUID(iid, &IidMalloc)) { *out = self; return S_OK; }
    *out = NULL;
    return E_NOINTERFACE;
}
static ULONG WINAPI MallocAddRef(IMalloc *self) { (void)self; return 2; }
static ULONG WINAPI MallocRelease(IMalloc *self) { (void)self; return 1; }
static void *WINAPI MallocAlloc(IMalloc *self, SIZE_T n) { (void)self; return ShAlloc(n); }
static void *WINAPI MallocRealloc(IMalloc *self, void *p, SIZE_T n)
{
    (void)self;
    if (p == NULL) return ShAlloc(n);
    if (n == 0) { ShFree(p); return NULL; }
    return HeapReAlloc(GetProcessHeap(), 0, p, n);
}
static void WINAPI MallocFree(IMalloc *self, void *p) { (void)self; ShFree(p); }
static SIZE_T WINAPI MallocGetSize(IMalloc *self, void *p)
{
    (void)self;
    return p ? HeapSize(GetProcessHeap(), 0, p) : (SIZE_T)-1;
}
static int WINAPI MallocDidAlloc(IMalloc *self, void *p) { (void)self; (void)p; return -1; }   /* "cannot tell" */
static void WINAPI MallocHeapMinimize(IMalloc *self) { (void)self; }

static IMallocVtbl MallocVtbl = {MallocQueryInterface, MallocAddRef, MallocRelease, MallocAlloc, MallocRealloc,
                                 MallocFree, MallocGetSize, MallocDidAlloc, MallocHeapMinimize};
static IMalloc ShellMalloc = {&MallocVtbl};

SHAPI HRESULT WINAPI SHGetMalloc(LPMALLOC *out)
{
    if (out == NULL) return E_INVALIDARG;
    *out = &ShellMalloc;
    return S_OK;
}

/* The list walkers. */
SHAPI UINT WINAPI ILGetSize(PCUIDLIST_RELATIVE pidl)
{
    if (pidl == NULL) return 0;
    UINT size = sizeof(USHORT);
    for (const BYTE *p = (const BYTE *)pidl; ((const SHITEMID *)p)->cb; p += ((const SHITEMID *)p)->cb)
        size += ((const SHITEMID *)p)->cb;
    return size;
}

SHAPI PUIDLIST_RELATIVE WINAPI ILGetNext(PCUIDLIST_RELATIVE pidl)
{
    if (pidl == NULL || pidl->mkid.cb == 0) return NULL;
    PUIDLIST_RELATIVE next = (PUIDLIST_RELATIVE)((const BYTE *)pidl + pidl->mkid.cb);
    return next->mkid.cb ? next : NULL;
}

SHAPI PUITEMID_CHILD WINAPI ILFindLastID(PCUIDLIST_RELATIVE pidl)
{
    if (pidl == NULL) return NULL;
    const BYTE *last = (const BYTE *)pidl;
    for (const BYTE *p = last; ((const SHITEMID *)p)->cb; p += ((const SHITEMID *)p)->cb) last = p;
    return (PUITEMID_CHILD)last;
}

SHAPI BOOL WINAPI ILRemoveLastID(PUIDLIST_RELATIVE pidl)
{
    if (pidl == NULL || pidl->mkid.cb == 0) return FALSE;
    ((SHITEMID *)ILFindLastID(pidl))->cb = 0;
    return TRUE;
}

SHAPI void WINAPI ILFree(PIDLIST_RELATIVE pidl) { ShFree(pidl); }

SHAPI PIDLIST_RELATIVE WINAPI ILClone(PCUIDLIST_RELATIVE pidl)
{
    if (pidl == NULL) return NULL;
    UINT size = ILGetSize(pidl);
    PIDLIST_RELATIVE copy = ShAlloc(size);
    if (copy) CopyMemory(copy, pidl, size);
    return copy;
}

SHAPI PITEMID_CHILD WINAPI ILCloneFirst(PCUIDLIST_RELATIVE pidl)
{
    if (pidl == NULL) return NULL;
    UINT first = pidl->mkid.cb;
    BYTE *copy = ShAlloc(first + sizeof(USHORT));
    if (copy == NULL) return NULL;
    CopyMemory(copy, pidl, first);
    copy[first] = copy[first + 1] = 0;
    return (PITEMID_CHILD)copy;
}

SHAPI PIDLIST_ABSOLUTE WINAPI ILCombine(PCIDLIST_ABSOLUTE a, PCUIDLIST_RELATIVE b)
{
    if (a == NULL && b == NULL) return NULL;
    if (a == NULL) return ILClone(b);
    if (b == NULL) return ILClone(a);
    UINT sa = ILGetSize(a) - sizeof(USHORT), sb = ILGetSize(b);
    BYTE *list = ShAlloc(sa + sb);
    if (list == NULL) return NULL;
    CopyMemory(list, a, sa);
    CopyMemory(list + sa, b, sb);
    return (PIDLIST_ABSOLUTE)list;
}

/* Items compare by their bytes; names of folders and files without regard to case. */
static BOOL SameItem(const SHITEMID *a, const SHITEMID *b)
{
    const BYTE *pa = (const BYTE *)a, *pb = (const BYTE *)b;
    if (a->cb < 3 || b->cb < 3 || pa[2] != pb[2]) return a->cb == b->cb && !memcmp(a, b, a->cb);
    if (pa[2] == PT_FOLDER || pa[2] == PT_FILE)
        return CompareStringOrdinal((LPCWCH)(pa + 4), -1, (LPCWCH)(pb + 4), -1, TRUE) == CSTR_EQUAL;
    return a->cb == b->cb && !memcmp(a, b, a->cb);
}

SHAPI BOOL WINAPI ILIsEqual(PCIDLIST_ABSOLUTE a, PCIDLIST_ABSOLUTE b)
{
    if (a == NULL || b == NULL) return FALSE;
    for (; a->mkid.cb && b->mkid.cb; a = (PCIDLIST_ABSOLUTE)((const BYTE *)a + a->mkid.cb),
         b = (PCIDLIST_ABSOLUTE)((const BYTE *)b + b->mkid.cb))
        if (!SameItem(&a->mkid, &b->mkid)) return FALSE;
    return a->mkid.cb == 0 && b->mkid.cb == 0;
}

/* ILIsParent: parent's items begin child's; with immediate, child has exactly one more. */
SHAPI BOOL WINAPI ILIsParent(PCIDLIST_ABSOLUTE parent, PCIDLIST_ABSOLUTE child, BOOL immediate)
{
    if (parent == NULL || child == NULL) return FALSE;
    for (; parent->mkid.cb; parent = (PCIDLIST_ABSOLUTE)((const BYTE *)parent + parent->mkid.cb),
         child = (PCIDLIST_ABSOLUTE)((const BYTE *)child + child->mkid.cb))
        if (child->mkid.cb == 0 || !SameItem(&parent->mkid, &child->mkid)) return FALSE;
    if (child->mkid.cb == 0) return FALSE;
    return !immediate || ILGetNext((PCUIDLIST_RELATIVE)child) == NULL;
}

/* Building lists: a buffer that grows item by item. */
typedef struct { BYTE *Data; UINT Length, Capacity; } BUILDER;

static BOOL Append(BUILDER *b, BYTE type, const void *body, UINT length)
{
    UINT cb = 3 + length;
    if (b->Length + cb + 2 > b->Capacity) {
        UINT capacity = (b->Length + cb + 2) * 2;
        BYTE *data = b->Data ? HeapReAlloc(GetProcessHeap(), 0, b->Data, capacity) : ShAlloc(capacity);
        if (data == NULL) return FALSE;
        b->Data = data;
        b->Capacity = capacity;
    }
    BYTE *item = b->Data + b->Length;
    item[0] = (BYTE)cb;
    item[1] = (BYTE)(cb >> 8);
    item[2] = type;
    CopyMemory(item + 3, body, length);
    b->Length += cb;
    b->Data[b->Length] = b->Data[b->Length + 1] = 0;
    return TRUE;
}

static BOOL AppendRoot(BUILDER *b, const GUID *clsid)
{
    BYTE body[17];
    body[0] = 0x50;
    CopyMemory(body + 1, clsid, 16);
    return Append(b, PT_ROOT, body, sizeof(body));
}

static PIDLIST_ABSOLUTE Finish(BUILDER *b)
{
    if (b->Data == NULL) {
        b->Data = ShAlloc(2);
        if (b->Data) b->Data[0] = b->Data[1] = 0;
    }
    return (PIDLIST_ABSOLUTE)b->Data;
}

/* The ID list of an absolute file-system path that exists ("C:\dir\file"). */
static HRESULT ListFromPath(LPCWSTR path, PIDLIST_ABSOLUTE *out)
{
    WCHAR full[MAX_PATH];
    *out = NULL;
    DWORD n = GetFullPathNameW(path, MAX_PATH, full, NULL);
    if (n == 0 || n >= MAX_PATH) return E_INVALIDARG;
    DWORD attributes = GetFileAttributesW(full);
    if (attributes == INVALID_FILE_ATTRIBUTES) return HRESULT_FROM_WIN32(GetLastError());
    if (full[1] != ':' || full[2] != '\\') return E_INVALIDARG;     /* only drive paths have items here */
    BUILDER b = {0};
    BYTE drive[22] = {0};
    drive[0] = (BYTE)(full[0] >= 'a' && full[0] <= 'z' ? full[0] - 32 : full[0]);
    drive[1] = ':';
    drive[2] = '\\';
    if (!AppendRoot(&b, &ClsidMyComputer) || !Append(&b, PT_DRIVE, drive, sizeof(drive))) goto oom;
    for (WCHAR *p = full + 3; *p; ) {
        WCHAR *end = p;
        while (*end && *end != '\\') end++;
        BOOL last = *end == 0 || end[1] == 0;
        BYTE body[1 + 2 * MAX_PATH];
        UINT chars = (UINT)(end - p);
        body[0] = 0;
        CopyMemory(body + 1, p, chars * 2);
        body[1 + chars * 2] = body[2 + chars * 2] = 0;
        BYTE type = last && !(attributes & FILE_ATTRIBUTE_DIRECTORY) ? PT_FILE : PT_FOLDER;
        if (chars && !Append(&b, type, body, 1 + (chars + 1) * 2)) goto oom;
        p = *end ? end + 1 : end;
    }
    *out = Finish(&b);
    return *out ? S_OK : E_OUTOFMEMORY;
oom:
    ShFree(b.Data);
    return E_OUTOFMEMORY;
}

SHAPI PIDLIST_ABSOLUTE WINAPI ILCreateFromPathW(PCWSTR path)
{
    PIDLIST_ABSOLUTE pidl;
    if (path == NULL) return NULL;
    return SUCCEEDED(ListFromPath(path, &pidl)) ? pidl : NULL;
}

SHAPI PIDLIST_ABSOLUTE WINAPI ILCreateFromPathA(PCSTR path)
{
    WCHAR wide[MAX_PATH];
    return path ? ILCreateFromPathW(ToWide(path, wide, MAX_PATH)) : NULL;
}

SHAPI HRESULT WINAPI SHParseDisplayName(PCWSTR name, IBindCtx *bind, PIDLIST_ABSOLUTE *out, SFGAOF query,
                                        SFGAOF *attributes)
{
    (void)bind; (void)query;
    if (out == NULL) return E_INVALIDARG;
    if (attributes) *attributes = 0;
    if (name == NULL) { *out = NULL; return E_INVALIDARG; }
    return ListFromPath(name, out);
}

/* The ID list of a CSIDL: the desktop's is empty, My Computer's its root item, another virtual
 * folder's a root item with its folder id, a file-system folder's that of its path. */
static HRESULT ListFromFolder(int csidl, HANDLE token, PIDLIST_ABSOLUTE *out)
{
    WCHAR path[MAX_PATH];
    BUILDER b = {0};
    *out = NULL;
    if (csidl == CSIDL_DESKTOP) { *out = Finish(&b); return *out ? S_OK : E_OUTOFMEMORY; }
    if (csidl == CSIDL_DRIVES) {
        if (!AppendRoot(&b, &ClsidMyComputer)) return E_OUTOFMEMORY;
        *out = Finish(&b);
        return S_OK;
    }
    HRESULT hr = ShFolderPath(csidl, token, path);
    if (hr == E_FAIL) return E_FAIL;
    if (FAILED(hr)) return hr;
    return ListFromPath(path, out);
}

SHAPI HRESULT WINAPI SHGetFolderLocation(HWND owner, int csidl, HANDLE token, DWORD reserved, PIDLIST_ABSOLUTE *out)
{
    (void)owner;
    if (out == NULL) return E_INVALIDARG;
    *out = NULL;
    if (reserved) return E_INVALIDARG;
    HRESULT hr = ListFromFolder(csidl & ~CSIDL_FLAG_MASK, token, out);
    if (hr == HRESULT_FROM_WIN32(ERROR_PATH_NOT_FOUND)) hr = HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
    return hr;
}

SHAPI HRESULT WINAPI SHGetSpecialFolderLocation(HWND owner, int csidl, PIDLIST_ABSOLUTE *out)
{
    return SHGetFolderLocation(owner, csidl, NULL, 0, out);
}

SHAPI HRESULT WINAPI SHGetKnownFolderIDList(REFKNOWNFOLDERID id, DWORD flags, HANDLE token, PIDLIST_ABSOLUTE *out)
{
    WCHAR path[MAX_PATH];
    int csidl;
    if (out == NULL) return E_INVALIDARG;
    *out = NULL;
    if (id == NULL) return E_INVALIDARG;
    HRESULT hr = ShKnownFolderPath(id, token, path, &csidl);
    if (hr == E_FAIL && csidl >= 0) return ListFromFolder(csidl, token, out);
    if (FAILED(hr)) return hr;
    if (flags & KF_FLAG_CREATE) {
        DWORD error = ShCreatePath(path);
        if (error && error != ERROR_ALREADY_EXISTS) return HRESULT_FROM_WIN32(error);
    }
    return ListFromPath(path, out);
}

/* SHGetPathFromIDListEx: the file-system path an ID list names; the desktop's is the desktop
 * folder. A list with a virtual item, or a buffer too short, fails. */
SHAPI BOOL WINAPI SHGetPathFromIDListEx(PCIDLIST_ABSOLUTE pidl, PWSTR out, DWORD count, GPFIDL_FLAGS flags)
{
    (void)flags;
    WCHAR path[MAX_PATH];
    if (out == NULL || count == 0) return FALSE;
    out[0] = 0;
    if (pidl == NULL) return FALSE;
    const BYTE *p = (const BYTE *)pidl;
    if (((const SHITEMID *)p)->cb == 0) {
        if (FAILED(ShFolderPath(CSIDL_DESKTOPDIRECTORY, NULL, path))) return FALSE;
    } else {
        if (p[2] != PT_ROOT || ((const SHITEMID *)p)->cb != 20 || memcmp(p + 4, &ClsidMyComputer, 16)) return FALSE;
        p += 20;
        if (((const SHITEMID *)p)->cb != 25 || p[2] != PT_DRIVE) return FALSE;
        path[0] = (WCHAR)p[3]; path[1] = ':'; path[2] = '\\'; path[3] = 0;
        UINT n = 3;
        for (p += 25; ((const SHITEMID *)p)->cb; p += ((const SHITEMID *)p)->cb) {
            if (p[2] != PT_FOLDER && p[2] != PT_FILE) return FALSE;
            const WCHAR *name = (const WCHAR *)(p + 4);
            UINT len = (UINT)lstrlenW(name);
            if (n + (n > 3) + len >= MAX_PATH) return FALSE;
            if (n > 3) path[n++] = '\\';
            CopyMemory(path + n, name, (len + 1) * 2);
            n += len;
        }
    }
    if ((DWORD)lstrlenW(path) >= count) return FALSE;
    lstrcpyW(out, path);
    return TRUE;
}

SHAPI BOOL WINAPI SHGetPathFromIDListW(PCIDLIST_ABSOLUTE pidl, LPWSTR out)
{
    return SHGetPathFromIDListEx(pidl, out, MAX_PATH, GPFIDL_DEFAULT);
}

SHAPI BOOL WINAPI SHGetPathFromIDListA(PCIDLIST_ABSOLUTE pidl, LPSTR out)
{
    WCHAR path[MAX_PATH];
    if (out == NULL) return FALSE;
    out[0] = 0;
    if (!SHGetPathFromIDListEx(pidl, path, MAX_PATH, GPFIDL_DEFAULT)) return FALSE;
    WideCharToMultiByte(CP_ACP, 0, path, -1, out, MAX_PATH, NULL, NULL);
    return TRUE;
}

/* ILFindChild: where child goes on below parent (NULL when parent is not its ancestor). */
SHAPI PUIDLIST_RELATIVE WINAPI ILFindChild(PIDLIST_ABSOLUTE parent, PCIDLIST_ABSOLUTE child)
{
    if (parent == NULL || child == NULL) return NULL;
    for (; parent->mkid.cb; parent = (PIDLIST_ABSOLUTE)((BYTE *)parent + parent->mkid.cb),
         child = (PCIDLIST_ABSOLUTE)((const BYTE *)child + child->mkid.cb))
        if (child->mkid.cb == 0 || !SameItem(&parent->mkid, &child->mkid)) return NULL;
    return (PUIDLIST_RELATIVE)child;
}

/* ILAppendID: a new list with the item after (or before) the old one's; the old list is freed. */
SHAPI PIDLIST_RELATIVE WINAPI ILAppendID(PIDLIST_RELATIVE pidl, LPCSHITEMID item, BOOL append)
{
    if (item == NULL) return pidl;
    UINT old = pidl ? ILGetSize(pidl) - sizeof(USHORT) : 0;
    BYTE *list = ShAlloc(old + item->cb + sizeof(USHORT));
    if (list == NULL) return NULL;
    if (append) {
        if (old) CopyMemory(list, pidl, old);
        CopyMemory(list + old, item, item->cb);
    } else {
        CopyMemory(list, item, item->cb);
        if (old) CopyMemory(list + item->cb, pidl, old);
    }
    list[old + item->cb] = list[old + item->cb + 1] = 0;
    ShFree(pidl);
    return (PIDLIST_RELATIVE)list;
}
