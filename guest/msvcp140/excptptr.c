/* The entry points under std::exception_ptr (__ExceptionPtrCreate/Destroy/Copy/Assign/Compare/
 * ToBool/Swap/CurrentException/Rethrow/CopyException). An exception_ptr is two pointers, as the
 * STL's shared_ptr<const EXCEPTION_RECORD>: the record, and the counted block holding it; for a
 * C++ exception the block also holds a copy of the thrown object (made with the catchable type's
 * copy constructor) that the record points at, destroyed with the last reference. */
#include "msvcp.h"

typedef struct {
    unsigned int ExceptionCode, ExceptionFlags;
    void *ExceptionRecord, *ExceptionAddress;
    unsigned int NumberParameters;
    unsigned long long ExceptionInformation[15];
} EXCEPTION_RECORD;
typedef struct { void *record; void *block; } exception_ptr;
typedef struct __attribute__((aligned(16))) {
    long refs;
    EXCEPTION_RECORD record;
    __attribute__((aligned(16))) unsigned char object[];
} ptr_block;

__declspec(dllimport) void WINAPI RaiseException(unsigned int, unsigned int, unsigned int, const unsigned long long *);
#define RVA(base, rva) ((void *)((unsigned long long)(base) + (unsigned int)(rva)))
enum { CT_SIMPLE_TYPE = 1, CT_HAS_VIRTUAL_BASE = 4 };

static int IsCxx(const EXCEPTION_RECORD *r)
{
    return r->ExceptionCode == EH_EXCEPTION_NUMBER && r->NumberParameters == 4
           && r->ExceptionInformation[0] >= EH_MAGIC_NUMBER1 && r->ExceptionInformation[0] <= EH_MAGIC_NUMBER1 + 2;
}

/* The thrown type: the first catchable type of the ThrowInfo (its size and copy constructor). */
static const CatchableType *ThrownType(const EXCEPTION_RECORD *r)
{
    unsigned long long base = r->ExceptionInformation[3];
    const ThrowInfo *ti = (const ThrowInfo *)r->ExceptionInformation[2];
    const CatchableTypeArray *types = RVA(base, ti->pCatchableTypeArray);
    return RVA(base, types->arrayOfCatchableTypes[0]);
}

/* A copy of a thrown object into dst, as the frame handler copies one into a catch by value. */
static void CopyObject(void *dst, const void *src, const CatchableType *ct, unsigned long long base)
{
    if ((ct->properties & CT_SIMPLE_TYPE) || !ct->copyFunction) {
        __builtin_memcpy(dst, src, (size_t)ct->sizeOrOffset);
    } else if (ct->properties & CT_HAS_VIRTUAL_BASE) {
        ((void (*)(void *, const void *, int))RVA(base, ct->copyFunction))(dst, src, 1);
    } else {
        ((void (*)(void *, const void *))RVA(base, ct->copyFunction))(dst, src);
    }
}

/* A block for the record (and a copy of its object); ptr->record points at the block's record. */
static void Capture(exception_ptr *ptr, const EXCEPTION_RECORD *r)
{
    size_t size = 0;
    const CatchableType *ct = NULL;
    if (IsCxx(r) && r->ExceptionInformation[2] != 0) {
        ct = ThrownType(r);
        size = (size_t)ct->sizeOrOffset;
    }
    ptr_block *b = malloc(sizeof *b + size);
    if (b == NULL) {
        ptr->record = ptr->block = NULL;
        return;
    }
    b->refs = 1;
    b->record = *r;
    b->record.ExceptionRecord = NULL;
    if (ct != NULL) {
        CopyObject(b->object, (const void *)r->ExceptionInformation[1], ct, r->ExceptionInformation[3]);
        b->record.ExceptionInformation[1] = (unsigned long long)b->object;
    }
    ptr->record = &b->record;
    ptr->block = b;
}

static void Release(exception_ptr *ptr)
{
    ptr_block *b = ptr->block;
    if (b == NULL || __atomic_sub_fetch(&b->refs, 1, __ATOMIC_ACQ_REL) != 0)
        return;
    const EXCEPTION_RECORD *r = &b->record;
    if (IsCxx(r) && r->ExceptionInformation[2] != 0) {
        const ThrowInfo *ti = (const ThrowInfo *)r->ExceptionInformation[2];
        if (ti->pmfnUnwind)
            ((void (*)(void *))RVA(r->ExceptionInformation[3], ti->pmfnUnwind))(b->object);
    }
    free(b);
}

void ExceptionPtrCreate(exception_ptr *p) { p->record = p->block = NULL; }
void ExceptionPtrDestroy(exception_ptr *p) { Release(p); }

void ExceptionPtrCopy(exception_ptr *dst, const exception_ptr *src)
{
    *dst = *src;
    if (dst->block != NULL)
        __atomic_add_fetch(&((ptr_block *)dst->block)->refs, 1, __ATOMIC_RELAXED);
}

void ExceptionPtrAssign(exception_ptr *dst, const exception_ptr *src)
{
    exception_ptr old = *dst;
    ExceptionPtrCopy(dst, src);
    Release(&old);
}

int ExceptionPtrCompare(const exception_ptr *a, const exception_ptr *b) { return a->record == b->record; }
int ExceptionPtrToBool(const exception_ptr *p) { return p->record != NULL; }

void ExceptionPtrSwap(exception_ptr *a, exception_ptr *b)
{
    exception_ptr t = *a;
    *a = *b;
    *b = t;
}

/* current_exception(): the exception whose catch block is running on this thread (vcruntime's
 * __current_exception), or null outside any. */
void ExceptionPtrCurrentException(exception_ptr *p)
{
    const EXCEPTION_RECORD *r = *(EXCEPTION_RECORD *const *)__current_exception();
    if (r == NULL) {
        p->record = p->block = NULL;
        return;
    }
    Capture(p, r);
}

/* make_exception_ptr(object): a record as _CxxThrowException would make for `throw object;` */
__declspec(dllimport) void *WINAPI RtlPcToFileHeader(void *pc, void **base);

void ExceptionPtrCopyException(exception_ptr *p, const void *object, const void *throw_info)
{
    void *base = NULL;
    RtlPcToFileHeader((void *)throw_info, &base);
    EXCEPTION_RECORD r = {EH_EXCEPTION_NUMBER, 1 /* EXCEPTION_NONCONTINUABLE */, NULL, NULL, 4,
                          {EH_MAGIC_NUMBER1, (unsigned long long)object, (unsigned long long)throw_info,
                           (unsigned long long)base}};
    exception_ptr fresh;
    Capture(&fresh, &r);
    Release(p);
    *p = fresh;
}

/* rethrow_exception(p): a C++ exception is thrown again from a copy of the kept object (in this
 * frame, as a throw expression's object lives in the thrower's frame); another is raised again. */
void ExceptionPtrRethrow(const exception_ptr *p)
{
    const EXCEPTION_RECORD *r = p->record;
    if (r == NULL)
        abort();
    if (!IsCxx(r) || r->ExceptionInformation[2] == 0) {
        RaiseException(r->ExceptionCode, r->ExceptionFlags, r->NumberParameters, r->ExceptionInformation);
        abort();
    }
    const CatchableType *ct = ThrownType(r);
    void *copy = __builtin_alloca_with_align((size_t)ct->sizeOrOffset + 1, 128);
    CopyObject(copy, (const void *)r->ExceptionInformation[1], ct, r->ExceptionInformation[3]);
    _CxxThrowException(copy, (const void *)r->ExceptionInformation[2]);
}
