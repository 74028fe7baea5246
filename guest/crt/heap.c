/* malloc and friends on the process heap, as the runtime's heap is since Windows Vista;
 * failures set errno to ENOMEM. */
#include "crtwin.h"
#include "errno.h"

static HANDLE crt_heap;

void crt_init_heap(void)
{
    crt_heap = GetProcessHeap();
}

#ifdef CRT_MSVCRT
extern int crt_new_mode;                        /* msvcrt/cxx.c */
int _callnewh(size_t);
#endif

CRTEXP void *malloc(size_t size)
{
    if (size > (size_t)-1 - 64) {
        crt_errno = CRT_ENOMEM;
        return NULL;
    }
    void *p = HeapAlloc(crt_heap, 0, size ? size : 1);
#ifdef CRT_MSVCRT
    while (p == NULL && crt_new_mode && _callnewh(size))    /* new mode 1: malloc fails like new */
        p = HeapAlloc(crt_heap, 0, size ? size : 1);
#endif
    if (p == NULL)
        crt_errno = CRT_ENOMEM;
    return p;
}

CRTEXP void free(void *p)
{
    if (p)
        HeapFree(crt_heap, 0, p);
}

CRTEXP void *calloc(size_t count, size_t size)
{
    if (size && count > ((size_t)-1 - 64) / size) {
        crt_errno = CRT_ENOMEM;
        return NULL;
    }
    size_t total = count * size;
    void *p = HeapAlloc(crt_heap, HEAP_ZERO_MEMORY, total ? total : 1);
    if (p == NULL)
        crt_errno = CRT_ENOMEM;
    return p;
}

CRTEXP void *realloc(void *p, size_t size)
{
    if (p == NULL)
        return malloc(size);
    if (size == 0) {
        free(p);
        return NULL;
    }
    void *q = HeapReAlloc(crt_heap, 0, p, size);
    if (q == NULL)
        crt_errno = CRT_ENOMEM;
    return q;
}

CRTEXP size_t _msize(void *p)
{
    if (p == NULL) {
        crt_errno = CRT_EINVAL;
        return (size_t)-1;
    }
    return HeapSize(crt_heap, 0, p);
}

CRTEXP void *_recalloc(void *p, size_t count, size_t size)
{
    size_t old = p ? _msize(p) : 0;
    if (size && count > ((size_t)-1 - 64) / size) {
        crt_errno = CRT_ENOMEM;
        return NULL;
    }
    char *q = realloc(p, count * size);
    if (q && count * size > old)
        for (size_t i = old; i < count * size; i++)
            q[i] = 0;
    return q;
}

/* _aligned_malloc: the block's start is kept just below the aligned pointer. */
CRTEXP void *_aligned_malloc(size_t size, size_t alignment)
{
    if (alignment & (alignment - 1)) {
        crt_errno = CRT_EINVAL;
        return NULL;
    }
    if (alignment < sizeof(void *))
        alignment = sizeof(void *);
    char *raw = malloc(size + alignment + sizeof(void *));
    if (raw == NULL)
        return NULL;
    uintptr_t a = ((uintptr_t)raw + sizeof(void *) + alignment - 1) & ~(uintptr_t)(alignment - 1);
    ((void **)a)[-1] = raw;
    return (void *)a;
}

CRTEXP void _aligned_free(void *p)
{
    if (p)
        free(((void **)p)[-1]);
}
