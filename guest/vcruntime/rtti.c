/* The run-time type information entry points MSVC's code calls: __RTtypeid (typeid of a
 * polymorphic object), __RTDynamicCast (dynamic_cast), __RTCastToVoid (dynamic_cast<void *>).
 * They read the complete object locator at vftable[-1] (x64: RVAs from the module's base, which
 * the locator's own pSelf gives) and its class hierarchy; a failed reference cast throws
 * std::bad_cast, typeid of a null pointer std::bad_typeid: exception objects of vcruntime's own,
 * laid out as the STL's (vftable, __std_exception_data), with their ThrowInfo here. */
#include "vcruntime.h"

typedef struct { int mdisp, pdisp, vdisp; } PMD;
typedef struct { unsigned int signature, offset, cdOffset; int pTypeDescriptor, pClassDescriptor, pSelf; } CompleteObjectLocator;
typedef struct { unsigned int signature, attributes, numBaseClasses; int pBaseClassArray; } ClassHierarchyDescriptor;
typedef struct { int pTypeDescriptor; unsigned int numContainedBases; PMD where; unsigned int attributes;
                 int pClassDescriptor; } BaseClassDescriptor;
#define BCD_NOTVISIBLE 0x1
#define BCD_AMBIGUOUS 0x2

typedef struct { const void *const *vftable; const char *what; unsigned char do_free; } std_exception;
typedef struct { const char *what; unsigned char do_free; } std_exception_data;
void __std_exception_copy(const std_exception_data *from, std_exception_data *to);
void __std_exception_destroy(std_exception_data *data);
__attribute__((noreturn)) void _CxxThrowException(void *object, const void *info);     /* cxx_eh.c */

/* -- vcruntime's exception classes: std::exception, std::bad_cast, std::bad_typeid */
void *VcrtExceptionDelete(std_exception *e, unsigned int flags)
{
    __std_exception_destroy((std_exception_data *)&e->what);
    if (flags & 1)
        free(e);
    return e;
}

const char *VcrtExceptionWhat(const std_exception *e)
{
    return e->what != NULL ? e->what : "Unknown exception";
}

void VcrtExceptionDestroy(std_exception *e) { __std_exception_destroy((std_exception_data *)&e->what); }

void VcrtExceptionCopy(std_exception *to, const std_exception *from)
{
    to->vftable = from->vftable;
    __std_exception_copy((const std_exception_data *)&from->what, (std_exception_data *)&to->what);
}

/* Type descriptors, hierarchies, locators, vftables and ThrowInfos: RVAs need the assembler. */
#define HIERARCHY(cls, mangled, nbases, bases) \
    ".p2align 3\n" "td_" cls ": .quad \"??_7type_info@@6B@\"\n .quad 0\n .asciz \"" mangled "\"\n" \
    ".p2align 2\n" "chd_" cls ": .long 0, 0, " #nbases "\n .rva bca_" cls "\n" \
    "bca_" cls ": " bases "\n" \
    "bcd_" cls ": .rva td_" cls "\n .long " #nbases " - 1, 0, -1, 0, 0x40\n .rva chd_" cls "\n" \
    "col_" cls ": .long 1, 0, 0\n .rva td_" cls ", chd_" cls ", col_" cls "\n" \
    ".p2align 3\n .quad col_" cls "\n" "vft_" cls ": .quad VcrtExceptionDelete, VcrtExceptionWhat\n" \
    ".p2align 2\n" "ct_" cls ": .long 0\n .rva td_" cls "\n .long 0, -1, 0, 24\n .rva VcrtExceptionCopy\n"

__asm__(".section .rdata,\"dr\"\n"
        HIERARCHY("exception", ".?AVexception@std@@", 1, ".rva bcd_exception")
        HIERARCHY("bad_cast", ".?AVbad_cast@std@@", 2, ".rva bcd_bad_cast, bcd_exception")
        HIERARCHY("bad_typeid", ".?AVbad_typeid@std@@", 2, ".rva bcd_bad_typeid, bcd_exception")
        "cta_bad_cast: .long 2\n .rva ct_bad_cast, ct_exception\n"
        "ti_bad_cast: .long 0\n .rva VcrtExceptionDestroy\n .long 0\n .rva cta_bad_cast\n"
        "cta_bad_typeid: .long 2\n .rva ct_bad_typeid, ct_exception\n"
        "ti_bad_typeid: .long 0\n .rva VcrtExceptionDestroy\n .long 0\n .rva cta_bad_typeid\n"
        ".text\n");
extern const void *const vft_bad_cast[], *const vft_bad_typeid[];
extern const char ti_bad_cast[], ti_bad_typeid[];

static __attribute__((noreturn)) void Throw(const void *const *vftable, const void *info, const char *what)
{
    std_exception e = {vftable, what, 0};
    _CxxThrowException(&e, info);
}

/* -- the locator of an object's most derived class */
static const CompleteObjectLocator *Locator(const void *object, unsigned long long *base)
{
    const CompleteObjectLocator *col = (*(const CompleteObjectLocator *const *const *)object)[-1];
    *base = (unsigned long long)col - (unsigned int)col->pSelf;
    return col;
}

#define AT(base, rva) ((const void *)((base) + (unsigned int)(rva)))

static char *CompleteObject(void *object, const CompleteObjectLocator *col)
{
    char *p = (char *)object - col->offset;
    if (col->cdOffset)
        p -= *(int *)((char *)object - col->cdOffset);
    return p;
}

int VcrtSameType(const void *a, const void *b);     /* cxx_eh.c */

VCRTEXP void *__RTtypeid(void *object)
{
    if (object == NULL)
        Throw(vft_bad_typeid, ti_bad_typeid, "Attempted a typeid of nullptr pointer!");
    unsigned long long base;
    const CompleteObjectLocator *col = Locator(object, &base);
    return (void *)AT(base, col->pTypeDescriptor);
}

VCRTEXP void *__RTCastToVoid(void *object)
{
    if (object == NULL)
        return NULL;
    unsigned long long base;
    return CompleteObject(object, Locator(object, &base));
}

/* dynamic_cast<Target>(object): the Target subobject of the complete object when the class
 * hierarchy has exactly one accessible one; NULL, or std::bad_cast for a reference. (VfDelta,
 * the vfptr's offset in the source subobject, is 0 for the classes compilers pass here.) */
VCRTEXP void *__RTDynamicCast(void *object, long vfdelta, void *source_type, void *target_type, int is_reference)
{
    (void)vfdelta;
    (void)source_type;
    if (object == NULL)
        return NULL;
    unsigned long long base;
    const CompleteObjectLocator *col = Locator(object, &base);
    char *complete = CompleteObject(object, col);
    const ClassHierarchyDescriptor *chd = AT(base, col->pClassDescriptor);
    const int *bases = AT(base, chd->pBaseClassArray);
    for (unsigned int i = 0; i < chd->numBaseClasses; i++) {
        const BaseClassDescriptor *bcd = AT(base, bases[i]);
        if (!VcrtSameType(AT(base, bcd->pTypeDescriptor), target_type))
            continue;
        if (bcd->attributes & (BCD_NOTVISIBLE | BCD_AMBIGUOUS))
            break;
        char *p = complete + bcd->where.mdisp;
        if (bcd->where.pdisp >= 0)
            p += bcd->where.pdisp + *(int *)(*(char **)(complete + bcd->where.pdisp) + bcd->where.vdisp);
        return p;
    }
    if (is_reference)
        Throw(vft_bad_cast, ti_bad_cast, "Bad dynamic_cast!");
    return NULL;
}
