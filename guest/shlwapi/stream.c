/* Streams: SHCreateStreamOnFile(Ex) and SHCreateMemStream return a real IStream, over a file
 * handle or over a growing block of the process heap (the IStream_* helpers are in istream.c). */
#include "lw.h"

typedef struct {
    IStream Stream;
    LONG Refs;
    HANDLE File;                /* INVALID_HANDLE_VALUE for a memory stream */
    DWORD Mode;
    WCHAR *Name;
    BYTE *Data;                 /* memory stream: the bytes, the size, the capacity, the position */
    ULONG Size, Capacity, Position;
} STREAM;

static const IID IidUnknown = {0, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const IID IidStream = {0x0000000C, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};
static const IID IidSequentialStream = {0x0C733A30, 0x2A1C, 0x11CE, {0xAD, 0xE5, 0x00, 0xAA, 0x00, 0x44, 0x77, 0x3D}};

#define SELF(p) ((STREAM *)(p))
#define IS_FILE(s) ((s)->File != INVALID_HANDLE_VALUE)

static HRESULT WINAPI QueryInterface(IStream *self, REFIID iid, void **out)
{
    if (out == NULL) return E_POINTER;
    if (IsEqualGUID(iid, &IidUnknown) || IsEqualGUID(iid, &IidStream) || IsEqualGUID(iid, &IidSequentialStream)) {
        *out = self;
        IStream_AddRef(self);
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}

static ULONG WINAPI AddRef(IStream *self) { return (ULONG)InterlockedIncrement(&SELF(self)->Refs); }

static ULONG WINAPI Release(IStream *self)
{
    STREAM *s = SELF(self);
    LONG refs = InterlockedDecrement(&s->Refs);
    if (refs == 0) {
        if (IS_FILE(s)) CloseHandle(s->File);
        TaskFree(s->Name);
        TaskFree(s->Data);
        TaskFree(s);
    }
    return (ULONG)refs;
}

static HRESULT Win32(void) { return HRESULT_FROM_WIN32(GetLastError()); }

static HRESULT WINAPI Read(IStream *self, void *buffer, ULONG count, ULONG *done)
{
    STREAM *s = SELF(self);
    ULONG got = 0;
    if (done) *done = 0;
    if (buffer == NULL) return STG_E_INVALIDPOINTER;
    if (IS_FILE(s)) {
        if ((s->Mode & 3) == STGM_WRITE) return STG_E_ACCESSDENIED;
        if (!ReadFile(s->File, buffer, count, &got, NULL)) return Win32();
    } else {
        got = s->Position < s->Size ? s->Size - s->Position : 0;
        if (got > count) got = count;
        CopyMemory(buffer, s->Data + s->Position, got);
        s->Position += got;
    }
    if (done) *done = got;
    return got == count ? S_OK : S_FALSE;
}

static BOOL Grow(STREAM *s, ULONG size)
{
    if (size <= s->Capacity) return TRUE;
    ULONG capacity = size < 256 ? 256 : size + size / 2;
    BYTE *data = s->Data ? HeapReAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, s->Data, capacity)
                         : HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, capacity);
    if (data == NULL) return FALSE;
    s->Data = data;
    s->Capacity = capacity;
    return TRUE;
}

static HRESULT WINAPI Write(IStream *self, const void *buffer, ULONG count, ULONG *done)
{
    STREAM *s = SELF(self);
    ULONG put = 0;
    if (done) *done = 0;
    if (buffer == NULL) return STG_E_INVALIDPOINTER;
    if (IS_FILE(s)) {
        if ((s->Mode & 3) == STGM_READ) return STG_E_ACCESSDENIED;
        if (!WriteFile(s->File, buffer, count, &put, NULL)) return Win32();
    } else {
        if (s->Position + count < s->Position || !Grow(s, s->Position + count)) return STG_E_MEDIUMFULL;
        CopyMemory(s->Data + s->Position, buffer, count);
        s->Position += count;
        if (s->Position > s->Size) s->Size = s->Position;
        put = count;
    }
    if (done) *done = put;
    return S_OK;
}

static HRESULT WINAPI Seek(IStream *self, LARGE_INTEGER move, DWORD origin, ULARGE_INTEGER *at)
{
    STREAM *s = SELF(self);
    if (origin > STREAM_SEEK_END) return STG_E_INVALIDFUNCTION;
    if (IS_FILE(s)) {
        LARGE_INTEGER now;
        if (!SetFilePointerEx(s->File, move, &now, origin)) return STG_E_INVALIDFUNCTION;
        if (at) at->QuadPart = (ULONGLONG)now.QuadPart;
        return S_OK;
    }
    LONGLONG base = origin == STREAM_SEEK_SET ? 0 : origin == STREAM_SEEK_CUR ? s->Position : s->Size;
    LONGLONG target = base + move.QuadPart;
    if (target < 0 || target > 0xFFFFFFFFLL) return STG_E_INVALIDFUNCTION;
    s->Position = (ULONG)target;
    if (at) at->QuadPart = (ULONGLONG)target;
    return S_OK;
}

static HRESULT WINAPI SetSize(IStream *self, ULARGE_INTEGER size)
{
    STREAM *s = SELF(self);
    if (IS_FILE(s)) {
        LARGE_INTEGER here = {0}, now, end;
        end.QuadPart = (LONGLONG)size.QuadPart;
        if (!SetFilePointerEx(s->File, here, &now, FILE_CURRENT)) return Win32();
        if (!SetFilePointerEx(s->File, end, NULL, FILE_BEGIN) || !SetEndOfFile(s->File)) return Win32();
        SetFilePointerEx(s->File, now, NULL, FILE_BEGIN);
        return S_OK;
    }
    if (size.QuadPart > 0xFFFFFFFFULL || !Grow(s, (ULONG)size.QuadPart)) return STG_E_MEDIUMFULL;
    if ((ULONG)size.QuadPart > s->Size) ZeroMemory(s->Data + s->Size, (ULONG)size.QuadPart - s->Size);
    s->Size = (ULONG)size.QuadPart;
    return S_OK;
}

static HRESULT WINAPI CopyTo(IStream *self, IStream *to, ULARGE_INTEGER count, ULARGE_INTEGER *read,
                             ULARGE_INTEGER *written)
{
    BYTE buf[2048];
    ULONGLONG left = count.QuadPart, in = 0, out = 0;
    HRESULT hr = S_OK;
    if (to == NULL) return STG_E_INVALIDPOINTER;
    while (left) {
        ULONG chunk = left < sizeof(buf) ? (ULONG)left : sizeof(buf), got = 0, put = 0;
        hr = Read(self, buf, chunk, &got);
        if (FAILED(hr)) break;
        in += got;
        if (got == 0) { hr = S_OK; break; }
        hr = IStream_Write(to, buf, got, &put);
        out += put;
        if (FAILED(hr)) break;
        left -= got;
    }
    if (read) read->QuadPart = in;
    if (written) written->QuadPart = out;
    return hr;
}

static HRESULT WINAPI Commit(IStream *self, DWORD flags)
{
    (void)flags;
    STREAM *s = SELF(self);
    if (IS_FILE(s) && (s->Mode & 3) != STGM_READ) FlushFileBuffers(s->File);
    return S_OK;
}

static HRESULT WINAPI Revert(IStream *self) { (void)self; return E_NOTIMPL; }

static HRESULT WINAPI LockRegion(IStream *self, ULARGE_INTEGER offset, ULARGE_INTEGER count, DWORD type)
{
    (void)self; (void)offset; (void)count; (void)type;
    return STG_E_INVALIDFUNCTION;
}

static HRESULT WINAPI Stat(IStream *self, STATSTG *stat, DWORD flags)
{
    STREAM *s = SELF(self);
    if (stat == NULL) return STG_E_INVALIDPOINTER;
    ZeroMemory(stat, sizeof(*stat));
    stat->type = STGTY_STREAM;
    stat->grfMode = s->Mode;
    if (IS_FILE(s)) {
        BY_HANDLE_FILE_INFORMATION info;
        if (!GetFileInformationByHandle(s->File, &info)) return Win32();
        stat->cbSize.u.LowPart = info.nFileSizeLow;
        stat->cbSize.u.HighPart = info.nFileSizeHigh;
        stat->mtime = info.ftLastWriteTime;
        stat->ctime = info.ftCreationTime;
        stat->atime = info.ftLastAccessTime;
        if (!(flags & STATFLAG_NONAME) && s->Name) {
            SIZE_T bytes = (SIZE_T)(lstrlenW(s->Name) + 1) * sizeof(WCHAR);
            stat->pwcsName = TaskAlloc(bytes);
            if (stat->pwcsName == NULL) return E_OUTOFMEMORY;
            CopyMemory(stat->pwcsName, s->Name, bytes);
        }
    } else {
        stat->cbSize.QuadPart = s->Size;
    }
    return S_OK;
}

static HRESULT WINAPI Clone(IStream *self, IStream **out)
{
    (void)self;
    if (out) *out = NULL;
    return E_NOTIMPL;
}

static IStreamVtbl Vtbl = {QueryInterface, AddRef, Release, Read, Write, Seek, SetSize, CopyTo, Commit, Revert,
                           LockRegion, LockRegion, Stat, Clone};

static STREAM *NewStream(void)
{
    STREAM *s = TaskAlloc(sizeof(*s));
    if (s == NULL) return NULL;
    ZeroMemory(s, sizeof(*s));
    s->Stream.lpVtbl = &Vtbl;
    s->Refs = 1;
    s->File = INVALID_HANDLE_VALUE;
    return s;
}

SHLAPI HRESULT WINAPI SHCreateStreamOnFileEx(LPCWSTR path, DWORD mode, DWORD attributes, BOOL create,
                                             IStream *template, IStream **out)
{
    (void)template;
    if (out == NULL) return E_INVALIDARG;
    *out = NULL;
    if (path == NULL) return E_INVALIDARG;
    if (mode & (STGM_TRANSACTED | STGM_CONVERT | STGM_DELETEONRELEASE | STGM_PRIORITY | STGM_SIMPLE))
        return E_INVALIDARG;
    /* Step 1: STGM access, sharing and creation as CreateFile's. */
    DWORD access;
    switch (mode & 3) {
    case STGM_READ: access = GENERIC_READ; break;
    case STGM_WRITE: access = GENERIC_WRITE; break;
    case STGM_READWRITE: access = GENERIC_READ | GENERIC_WRITE; break;
    default: return E_INVALIDARG;
    }
    DWORD share;
    switch (mode & 0x70) {
    case 0: case STGM_SHARE_DENY_NONE: share = FILE_SHARE_READ | FILE_SHARE_WRITE; break;
    case STGM_SHARE_DENY_READ: share = FILE_SHARE_WRITE; break;
    case STGM_SHARE_DENY_WRITE: share = FILE_SHARE_READ; break;
    case STGM_SHARE_EXCLUSIVE: share = 0; break;
    default: return E_INVALIDARG;
    }
    DWORD disposition = mode & STGM_CREATE ? CREATE_ALWAYS : create ? OPEN_ALWAYS : OPEN_EXISTING;
    HANDLE file = CreateFileW(path, access, share, NULL, disposition, attributes ? attributes : FILE_ATTRIBUTE_NORMAL,
                              NULL);
    if (file == INVALID_HANDLE_VALUE) return Win32();
    STREAM *s = NewStream();
    if (s == NULL) { CloseHandle(file); return E_OUTOFMEMORY; }
    s->File = file;
    s->Mode = mode;
    SIZE_T bytes = (SIZE_T)(lstrlenW(path) + 1) * sizeof(WCHAR);
    s->Name = TaskAlloc(bytes);
    if (s->Name) CopyMemory(s->Name, path, bytes);
    *out = &s->Stream;
    return S_OK;
}

SHLAPI HRESULT WINAPI SHCreateStreamOnFileW(LPCWSTR path, DWORD mode, IStream **out)
{
    return SHCreateStreamOnFileEx(path, mode, 0, FALSE, NULL, out);
}

SHLAPI HRESULT WINAPI SHCreateStreamOnFileA(LPCSTR path, DWORD mode, IStream **out)
{
    WCHAR w[MAX_PATH];
    if (out) *out = NULL;
    if (path == NULL) return E_INVALIDARG;
    if (!MultiByteToWideChar(CP_ACP, 0, path, -1, w, MAX_PATH)) return HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE);
    return SHCreateStreamOnFileW(w, mode, out);
}

SHLAPI IStream *WINAPI SHCreateMemStream(const BYTE *data, UINT size)
{
    STREAM *s = NewStream();
    if (s == NULL) return NULL;
    s->Mode = STGM_READWRITE;
    if (size && !Grow(s, size)) { TaskFree(s); return NULL; }
    if (data && size) CopyMemory(s->Data, data, size);
    s->Size = size;
    return &s->Stream;
}
