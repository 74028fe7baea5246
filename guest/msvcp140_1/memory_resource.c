/* std::pmr's DLL part. A memory_resource is a vftable pointer; its virtuals in declaration order:
 * the scalar deleting destructor, do_allocate(bytes, align), do_deallocate(p, bytes, align),
 * do_is_equal(other). The three resources here are immortal objects compared by identity:
 * new_delete_resource allocates as ::operator new does (the new handler retried, bad_alloc at the
 * end; over-aligned requests, alignment > 16, through _aligned_malloc, or bad_alloc in the
 * flavour built without aligned new), null_memory_resource always throws bad_alloc. */
#define EXPORT __declspec(dllexport)
typedef __SIZE_TYPE__ size_t;
typedef struct { const void *const *vftable; } memory_resource;

__declspec(dllimport) void *malloc(size_t);
__declspec(dllimport) void free(void *);
__declspec(dllimport) void *_aligned_malloc(size_t, size_t);
__declspec(dllimport) void _aligned_free(void *);
__declspec(dllimport) int _callnewh(size_t);
__attribute__((noreturn)) void Xbad_alloc(void) __asm__("\"?_Xbad_alloc@std@@YAXXZ\"");   /* msvcp140 */

#define DEFAULT_NEW_ALIGNMENT 16                         /* __STDCPP_DEFAULT_NEW_ALIGNMENT__ on x64 */

/* ::operator new(bytes) and ::operator new(bytes, align_val_t): retry through the new handler. */
static void *OperatorNew(size_t bytes, size_t align)
{
    for (;;) {
        void *p = align > DEFAULT_NEW_ALIGNMENT ? _aligned_malloc(bytes ? bytes : 1, align) : malloc(bytes ? bytes : 1);
        if (p)
            return p;
        if (!_callnewh(bytes))
            Xbad_alloc();
    }
}

static void *ImmortalDestroy(memory_resource *self, unsigned int flags)
{
    (void)flags;                                         /* never freed: the objects are static */
    return self;
}

static _Bool IdentityEqual(const memory_resource *self, const memory_resource *other) { return self == other; }

/* -- new_delete_resource with aligned new */
static void *AlignedAllocate(memory_resource *self, size_t bytes, size_t align)
{
    (void)self;
    return OperatorNew(bytes, align);
}

static void AlignedDeallocate(memory_resource *self, void *p, size_t bytes, size_t align)
{
    (void)self;
    (void)bytes;
    if (align > DEFAULT_NEW_ALIGNMENT)
        _aligned_free(p);
    else
        free(p);
}

/* -- new_delete_resource without aligned new (/Zc:alignedNew-): over-alignment is bad_alloc */
static void *UnalignedAllocate(memory_resource *self, size_t bytes, size_t align)
{
    (void)self;
    if (align > DEFAULT_NEW_ALIGNMENT)
        Xbad_alloc();
    return OperatorNew(bytes, 1);
}

static void UnalignedDeallocate(memory_resource *self, void *p, size_t bytes, size_t align)
{
    (void)self;
    (void)bytes;
    (void)align;
    free(p);
}

/* -- null_memory_resource */
static void *NullAllocate(memory_resource *self, size_t bytes, size_t align)
{
    (void)self;
    (void)bytes;
    (void)align;
    Xbad_alloc();
}

static void NullDeallocate(memory_resource *self, void *p, size_t bytes, size_t align)
{
    (void)self;
    (void)p;
    (void)bytes;
    (void)align;
}

static const void *const aligned_vftable[] = {ImmortalDestroy, AlignedAllocate, AlignedDeallocate, IdentityEqual};
static const void *const unaligned_vftable[] = {ImmortalDestroy, UnalignedAllocate, UnalignedDeallocate, IdentityEqual};
static const void *const null_vftable[] = {ImmortalDestroy, NullAllocate, NullDeallocate, IdentityEqual};
static memory_resource aligned_resource = {aligned_vftable};
static memory_resource unaligned_resource = {unaligned_vftable};
static memory_resource null_resource = {null_vftable};
static memory_resource *volatile default_resource;      /* NULL: new_delete_resource */

EXPORT memory_resource *_Aligned_new_delete_resource(void) { return &aligned_resource; }
EXPORT memory_resource *_Unaligned_new_delete_resource(void) { return &unaligned_resource; }
EXPORT memory_resource *null_memory_resource(void) { return &null_resource; }

/* get_default_resource / set_default_resource (set returns the previous one); the two flavours
 * share one default and differ only in which new_delete_resource stands for "none set". */
EXPORT memory_resource *_Aligned_get_default_resource(void)
{
    memory_resource *r = __atomic_load_n(&default_resource, __ATOMIC_ACQUIRE);
    return r ? r : &aligned_resource;
}

EXPORT memory_resource *_Unaligned_get_default_resource(void)
{
    memory_resource *r = __atomic_load_n(&default_resource, __ATOMIC_ACQUIRE);
    return r ? r : &unaligned_resource;
}

EXPORT memory_resource *_Aligned_set_default_resource(memory_resource *r)
{
    memory_resource *old = __atomic_exchange_n(&default_resource, r, __ATOMIC_ACQ_REL);
    return old ? old : &aligned_resource;
}

EXPORT memory_resource *_Unaligned_set_default_resource(memory_resource *r)
{
    memory_resource *old = __atomic_exchange_n(&default_resource, r, __ATOMIC_ACQ_REL);
    return old ? old : &unaligned_resource;
}

int __stdcall Msvcp1DllMain(void *instance, unsigned int reason, void *reserved)
{
    (void)instance;
    (void)reason;
    (void)reserved;
    return 1;
}
