/* vcruntime140's run-time type information: the entry points (__RTtypeid, __RTDynamicCast,
 * __RTCastToVoid) are the shared guest/common/rtti.c; what they throw is here: std::bad_cast,
 * std::bad_typeid and std::__non_rtti_object (a bad_typeid), exception objects of vcruntime's
 * own, laid out as the STL's (vftable, __std_exception_data), with their ThrowInfo. */
#include "vcruntime.h"

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
        HIERARCHY("non_rtti", ".?AV__non_rtti_object@std@@", 3, ".rva bcd_non_rtti, bcd_bad_typeid, bcd_exception")
        "cta_bad_cast: .long 2\n .rva ct_bad_cast, ct_exception\n"
        "ti_bad_cast: .long 0\n .rva VcrtExceptionDestroy\n .long 0\n .rva cta_bad_cast\n"
        "cta_bad_typeid: .long 2\n .rva ct_bad_typeid, ct_exception\n"
        "ti_bad_typeid: .long 0\n .rva VcrtExceptionDestroy\n .long 0\n .rva cta_bad_typeid\n"
        "cta_non_rtti: .long 3\n .rva ct_non_rtti, ct_bad_typeid, ct_exception\n"
        "ti_non_rtti: .long 0\n .rva VcrtExceptionDestroy\n .long 0\n .rva cta_non_rtti\n"
        ".text\n");
extern const void *const vft_bad_cast[], *const vft_bad_typeid[], *const vft_non_rtti[];
extern const char ti_bad_cast[], ti_bad_typeid[], ti_non_rtti[];

static __attribute__((noreturn)) void Throw(const void *const *vftable, const void *info, const char *what)
{
    std_exception e = {vftable, what, 0};
    _CxxThrowException(&e, info);
}

static void RttiThrowBadCast(void) { Throw(vft_bad_cast, ti_bad_cast, "Bad dynamic_cast!"); }
static void RttiThrowBadTypeid(void) { Throw(vft_bad_typeid, ti_bad_typeid, "Attempted a typeid of nullptr pointer!"); }
static void RttiThrowNonRtti(void) { Throw(vft_non_rtti, ti_non_rtti, "Access violation - no RTTI data!"); }

#define RTTI_EXPORT VCRTEXP
#include "../common/rtti.c"
