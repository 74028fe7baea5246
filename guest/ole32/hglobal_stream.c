/* IStream over an HGLOBAL: CreateStreamOnHGlobal (a given block, its GlobalSize the stream's first
 * size, or a new empty movable block; fDeleteOnRelease frees it with the last stream) and
 * GetHGlobalFromStream. Writing past the end grows the block (GlobalReAlloc); Seek may go past
 * the end but not before the start (STG_E_INVALIDFUNCTION); Clone shares the block and copies
 * the position; Commit and Revert have nothing to do in a transacted-free memory stream; region
 * locking is not supported (STG_E_INVALIDFUNCTION), as for Windows' memory streams. */
#include "olep.h"

typedef struct {                    /* the block shared by a stream and its clones */
    LONG Refs;
    HGLOBAL Memory;
    BOOL DeleteOnRelease;
    ULONGLONG Size;
} HGLOBAL_BLOCK;

typedef struct {
    IStream Stream;
    LONG Refs;
    HGLOBAL_BLOCK *Block;
    ULONGLONG Position;
} HGLOBAL_STREAM;

static IStreamVtbl StreamVtbl;

static HGLOBAL_STREAM *This(IStream *s) { return (HGLOBAL_STREAM *)s; }

static IStream *NewStream(HGLOBAL_BLOCK *block, ULONGLONG position)
{
    HGLOBAL_STREAM *s = HeapAlloc(GetProcessHeap(), 0, sizeof(*s));
    if (s == NULL)
        return NULL;
    s->Stream.lpVtbl = &StreamVtbl;
    s->Refs = 1;
    s->Block = block;
    s->Position = position;
    InterlockedIncrement(&block->Refs);
    return &s->Stream;
}

static HRESULT STDMETHODCALLTYPE QueryInterface(IStream *self, REFIID riid, void **out)
{
    if (out == NULL)
        return E_POINTER;
    if (OlepIsEqualGUID(riid, &OleIID_IUnknown) || OlepIsEqualGUID(riid, &OleIID_IStream)
        || OlepIsEqualGUID(riid, &OleIID_ISequentialStream)) {
        *out = self;
        IStream_AddRef(self);
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}

static ULONG STDMETHODCALLTYPE AddRef(IStream *self) { return (ULONG)InterlockedIncrement(&This(self)->Refs); }

static ULONG STDMETHODCALLTYPE Release(IStream *self)
{
    HGLOBAL_STREAM *s = This(self);
    LONG refs = InterlockedDecrement(&s->Refs);
    if (refs == 0) {
        HGLOBAL_BLOCK *b = s->Block;
        if (InterlockedDecrement(&b->Refs) == 0) {
            if (b->DeleteOnRelease)
                GlobalFree(b->Memory);
            HeapFree(GetProcessHeap(), 0, b);
        }
        HeapFree(GetProcessHeap(), 0, s);
    }
    return (ULONG)refs;
}

static HRESULT Resize(HGLOBAL_BLOCK *b, ULONGLONG size)
{
    if (size >> 32)
        return STG_E_MEDIUMFULL;
    if (size && size != GlobalSize(b->Memory)) {
        HGLOBAL grown = GlobalReAlloc(b->Memory, (SIZE_T)size, GMEM_MOVEABLE);
        if (grown == NULL && size)
            return E_OUTOFMEMORY;
        if (grown)
            b->Memory = grown;
    }
    b->Size = size;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Read(IStream *self, void *out, ULONG count, ULONG *done)
{
    HGLOBAL_STREAM *s = This(self);
    if (out == NULL)
        return STG_E_INVALIDPOINTER;
    ULONGLONG left = s->Position < s->Block->Size ? s->Block->Size - s->Position : 0;
    ULONG n = left < count ? (ULONG)left : count;
    if (n) {
        const BYTE *data = GlobalLock(s->Block->Memory);
        for (ULONG i = 0; i < n; i++)
            ((BYTE *)out)[i] = data[s->Position + i];
        GlobalUnlock(s->Block->Memory);
    }
    s->Position += n;
    if (done)
        *done = n;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Write(IStream *self, const void *in, ULONG count, ULONG *done)
{
    HGLOBAL_STREAM *s = This(self);
    if (done)
        *done = 0;
    if (in == NULL)
        return STG_E_INVALIDPOINTER;
    if (count == 0)
        return S_OK;
    if (s->Position + count > s->Block->Size) {
        HRESULT hr = Resize(s->Block, s->Position + count);
        if (FAILED(hr))
            return hr;
    }
    BYTE *data = GlobalLock(s->Block->Memory);
    for (ULONG i = 0; i < count; i++)
        data[s->Position + i] = ((const BYTE *)in)[i];
    GlobalUnlock(s->Block->Memory);
    s->Position += count;
    if (done)
        *done = count;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Seek(IStream *self, LARGE_INTEGER move, DWORD origin, ULARGE_INTEGER *position)
{
    HGLOBAL_STREAM *s = This(self);
    LONGLONG base;
    switch (origin) {
    case STREAM_SEEK_SET: base = 0; break;
    case STREAM_SEEK_CUR: base = (LONGLONG)s->Position; break;
    case STREAM_SEEK_END: base = (LONGLONG)s->Block->Size; break;
    default: return STG_E_INVALIDFUNCTION;
    }
    LONGLONG to = base + move.QuadPart;
    if (to < 0)
        return STG_E_INVALIDFUNCTION;
    s->Position = (ULONGLONG)to;
    if (position)
        position->QuadPart = s->Position;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE SetSize(IStream *self, ULARGE_INTEGER size)
{
    return Resize(This(self)->Block, size.QuadPart);
}

static HRESULT STDMETHODCALLTYPE CopyTo(IStream *self, IStream *to, ULARGE_INTEGER count, ULARGE_INTEGER *read,
                                        ULARGE_INTEGER *written)
{
    if (to == NULL)
        return STG_E_INVALIDPOINTER;
    BYTE chunk[512];
    ULONGLONG total_read = 0, total_written = 0;
    HRESULT hr = S_OK;
    while (total_read < count.QuadPart) {
        ULONG want = count.QuadPart - total_read < sizeof(chunk) ? (ULONG)(count.QuadPart - total_read) : sizeof(chunk);
        ULONG got = 0, put = 0;
        Read(self, chunk, want, &got);
        if (got == 0)
            break;
        total_read += got;
        hr = IStream_Write(to, chunk, got, &put);
        total_written += put;
        if (FAILED(hr))
            break;
    }
    if (read)
        read->QuadPart = total_read;
    if (written)
        written->QuadPart = total_written;
    return hr;
}

static HRESULT STDMETHODCALLTYPE Commit(IStream *self, DWORD flags) { (void)self; (void)flags; return S_OK; }
static HRESULT STDMETHODCALLTYPE Revert(IStream *self) { (void)self; return S_OK; }

static HRESULT STDMETHODCALLTYPE LockRegion(IStream *self, ULARGE_INTEGER offset, ULARGE_INTEGER count, DWORD type)
{
    (void)self; (void)offset; (void)count; (void)type;
    return STG_E_INVALIDFUNCTION;
}

static HRESULT STDMETHODCALLTYPE Stat(IStream *self, STATSTG *stat, DWORD flags)
{
    (void)flags;                                        /* a memory stream has no name either way */
    if (stat == NULL)
        return STG_E_INVALIDPOINTER;
    for (SIZE_T i = 0; i < sizeof(*stat); i++)
        ((BYTE *)stat)[i] = 0;
    stat->type = STGTY_STREAM;
    stat->cbSize.QuadPart = This(self)->Block->Size;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE Clone(IStream *self, IStream **out)
{
    if (out == NULL)
        return STG_E_INVALIDPOINTER;
    *out = NewStream(This(self)->Block, This(self)->Position);
    return *out ? S_OK : E_OUTOFMEMORY;
}

static IStreamVtbl StreamVtbl = {QueryInterface, AddRef, Release, Read, Write, Seek, SetSize, CopyTo, Commit,
                                 Revert, LockRegion, LockRegion, Stat, Clone};

OLEAPI_ HRESULT WINAPI CreateStreamOnHGlobal(HGLOBAL memory, BOOL delete_on_release, LPSTREAM *out)
{
    if (out == NULL)
        return E_INVALIDARG;
    *out = NULL;
    HGLOBAL_BLOCK *b = HeapAlloc(GetProcessHeap(), 0, sizeof(*b));
    if (b == NULL)
        return E_OUTOFMEMORY;
    b->Refs = 0;
    b->DeleteOnRelease = delete_on_release;
    b->Memory = memory ? memory : GlobalAlloc(GMEM_MOVEABLE | GMEM_NODISCARD, 0);
    b->Size = memory ? GlobalSize(memory) : 0;
    if (b->Memory == NULL || (*out = NewStream(b, 0)) == NULL) {
        if (b->Memory && !memory)
            GlobalFree(b->Memory);
        HeapFree(GetProcessHeap(), 0, b);
        return E_OUTOFMEMORY;
    }
    return S_OK;
}

OLEAPI_ HRESULT WINAPI GetHGlobalFromStream(LPSTREAM stream, HGLOBAL *memory)
{
    if (stream == NULL || memory == NULL || stream->lpVtbl != &StreamVtbl)
        return E_INVALIDARG;
    *memory = This(stream)->Block->Memory;
    return S_OK;
}
