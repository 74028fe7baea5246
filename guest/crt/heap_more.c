/* The rest of the heap's API: the aligned family beyond _aligned_malloc/_aligned_free (heap.c:
 * the block's start kept just below the pointer, alignment + 8 bytes more than asked for, so
 * that a block's size is HeapSize less that), with an offset (the pointer plus offset aligned),
 * realloc and recalloc forms and _aligned_msize; _expand (in place, or NULL); _heapchk
 * (HeapValidate), _heapmin, _heapwalk (HeapWalk, the blocks one by one), _get_heap_handle; and
 * the UCRT's _malloc_base/_calloc_base/_realloc_base/_free_base, its malloc family itself. */
#include "crtwin.h"
#include "secure.h"

WINBASEAPI BOOL WINAPI HeapValidate(HANDLE, DWORD, const void *);
WINBASEAPI BOOL WINAPI HeapWalk(HANDLE, void *);
void *malloc(size_t);
void free(void *);
void *calloc(size_t, size_t);
void *realloc(void *, size_t);
void _aligned_free(void *);
#define HEAP_REALLOC_IN_PLACE_ONLY 0x10

static int bad_alignment(size_t alignment, size_t offset, size_t size)
{
    return (alignment & (alignment - 1)) || (offset && offset >= size);
}

CRTEXP void *_aligned_offset_malloc(size_t size, size_t alignment, size_t offset)
{
    if (bad_alignment(alignment, offset, size)) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    if (alignment < sizeof(void *))
        alignment = sizeof(void *);
    if (size > (size_t)-1 - alignment - sizeof(void *)) {
        crt_errno = CRT_ENOMEM;
        return NULL;
    }
    char *raw = malloc(size + alignment + sizeof(void *));
    if (raw == NULL)
        return NULL;
    uintptr_t q = ((uintptr_t)raw + sizeof(void *) + offset + alignment - 1) & ~(uintptr_t)(alignment - 1);
    char *p = (char *)(q - offset);
    __builtin_memcpy(p - sizeof(void *), &raw, sizeof raw);
    return p;
}

static void *raw_of(void *p)
{
    void *raw;
    __builtin_memcpy(&raw, (char *)p - sizeof(void *), sizeof raw);
    return raw;
}

/* _aligned_msize: the size asked for, from the alignment and offset it was made with. */
CRTEXP size_t _aligned_msize(void *p, size_t alignment, size_t offset)
{
    if (p == NULL || bad_alignment(alignment, 0, 0)) {
        crt_invalid_parameter(CRT_EINVAL);
        return (size_t)-1;
    }
    (void)offset;
    if (alignment < sizeof(void *))
        alignment = sizeof(void *);
    return HeapSize(GetProcessHeap(), 0, raw_of(p)) - alignment - sizeof(void *);
}

CRTEXP void *_aligned_offset_realloc(void *p, size_t size, size_t alignment, size_t offset)
{
    if (p == NULL)
        return _aligned_offset_malloc(size, alignment, offset);
    if (size == 0) {
        _aligned_free(p);
        return NULL;
    }
    if (bad_alignment(alignment, offset, size)) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    size_t old = _aligned_msize(p, alignment, offset);
    char *q = _aligned_offset_malloc(size, alignment, offset);
    if (q == NULL)
        return NULL;                            /* the old block stays */
    __builtin_memcpy(q, p, old < size ? old : size);
    _aligned_free(p);
    return q;
}

CRTEXP void *_aligned_offset_recalloc(void *p, size_t count, size_t size, size_t alignment, size_t offset)
{
    if (size && count > (size_t)-1 / size) {
        crt_errno = CRT_ENOMEM;
        return NULL;
    }
    size_t old = p ? _aligned_msize(p, alignment, offset) : 0, total = count * size;
    char *q = _aligned_offset_realloc(p, total, alignment, offset);
    if (q && total > old)
        __builtin_memset(q + old, 0, total - old);
    return q;
}

CRTEXP void *_aligned_realloc(void *p, size_t size, size_t alignment)
{
    return _aligned_offset_realloc(p, size, alignment, 0);
}

CRTEXP void *_aligned_recalloc(void *p, size_t count, size_t size, size_t alignment)
{
    return _aligned_offset_recalloc(p, count, size, alignment, 0);
}

/* _expand: the block grown or shrunk where it is; NULL (ENOMEM) when it cannot be. */
CRTEXP void *_expand(void *p, size_t size)
{
    if (p == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return NULL;
    }
    void *q = HeapReAlloc(GetProcessHeap(), HEAP_REALLOC_IN_PLACE_ONLY, p, size ? size : 1);
    if (q == NULL)
        crt_errno = CRT_ENOMEM;
    return q;
}

#define HEAPEMPTY (-1)
#define HEAPOK (-2)
#define HEAPBADBEGIN (-3)
#define HEAPBADNODE (-4)
#define HEAPEND (-5)
#define HEAPBADPTR (-6)

CRTEXP int _heapchk(void)
{
    return HeapValidate(GetProcessHeap(), 0, NULL) ? HEAPOK : HEAPBADNODE;
}

/* _heapmin: give unused heap back; the process heap keeps what it has, and that is no error. */
CRTEXP int _heapmin(void)
{
    return 0;
}

typedef struct { int *pentry; size_t size; int useflag; } crt_heapinfo;
typedef struct { void *lpData; DWORD cbData; unsigned char cbOverhead, iRegionIndex; unsigned short wFlags;
                 unsigned char more[24]; } PROCESS_HEAP_ENTRY;
#define PROCESS_HEAP_REGION 1
#define PROCESS_HEAP_UNCOMMITTED_RANGE 2
#define PROCESS_HEAP_ENTRY_BUSY 4

/* _heapwalk: the block after info->pentry (the first when NULL), its size and whether in use;
 * _HEAPEND after the last. The walk's own regions and uncommitted ranges are not blocks. */
CRTEXP int _heapwalk(crt_heapinfo *info)
{
    if (info == NULL) {
        crt_invalid_parameter(CRT_EINVAL);
        return HEAPBADPTR;
    }
    PROCESS_HEAP_ENTRY e;
    __builtin_memset(&e, 0, sizeof e);
    HANDLE heap = GetProcessHeap();
    if (info->pentry) {
        /* walk up to the block given, then one further */
        do {
            if (!HeapWalk(heap, &e))
                return HEAPBADPTR;
        } while (e.lpData != info->pentry);
    }
    do {
        if (!HeapWalk(heap, &e))
            return GetLastError() == 259 ? HEAPEND : HEAPBADNODE;     /* ERROR_NO_MORE_ITEMS */
    } while (e.wFlags & (PROCESS_HEAP_REGION | PROCESS_HEAP_UNCOMMITTED_RANGE));
    info->pentry = e.lpData;
    info->size = e.cbData;
    info->useflag = (e.wFlags & PROCESS_HEAP_ENTRY_BUSY) ? 1 : 0;      /* _USEDENTRY, _FREEENTRY */
    return HEAPOK;
}

CRTEXP intptr_t _get_heap_handle(void)
{
    return (intptr_t)GetProcessHeap();
}

#ifdef CRT_UCRT
CRTEXP void *_malloc_base(size_t size) { return malloc(size); }
CRTEXP void *_calloc_base(size_t count, size_t size) { return calloc(count, size); }
CRTEXP void *_realloc_base(void *p, size_t size) { return realloc(p, size); }
CRTEXP void _free_base(void *p) { free(p); }
#endif
