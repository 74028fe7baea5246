/* msvcrt.dll's exception classes for old MSVC-built C++ code, called by their C++ names
 * (msvcrt.def): exception, bad_cast, bad_typeid and __non_rtti_object (a bad_typeid), each
 * { vftable, message, do_free } with a vftable of { scalar deleting destructor, what }. The
 * message-taking constructors copy the text (freed by the destructor) except exception's
 * (const char * const &, int) form, which keeps the pointer; what() of an exception without a
 * message is "Unknown exception"; the ??_F default-constructor closures give "bad cast" and
 * "bad typeid". Their RTTI (complete object locators before the vftables) is at the end. */
#ifdef CRT_MSVCRT
#include "crtwin.h"

void *malloc(size_t);
void free(void *);
size_t strlen(const char *);

typedef struct { const void *vftable; const char *name; int do_free; } exception;

extern const void *const crt_exception_vftable[], *const crt_bad_cast_vftable[], *const crt_bad_typeid_vftable[],
    *const crt_non_rtti_vftable[];

static void set_text(exception *e, const char *text)
{
    e->name = NULL;
    e->do_free = 0;
    if (text == NULL)
        return;
    size_t n = strlen(text) + 1;
    char *copy = malloc(n);
    if (copy == NULL)
        return;
    for (size_t i = 0; i < n; i++)
        copy[i] = text[i];
    e->name = copy;
    e->do_free = 1;
}

static void copy_body(exception *e, const exception *from)
{
    if (from->do_free) {
        set_text(e, from->name);
    } else {
        e->name = from->name;
        e->do_free = 0;
    }
}

/* ---- exception ---- */
exception *crt_exception_ctor_default(exception *e) { e->vftable = crt_exception_vftable; e->name = NULL; e->do_free = 0; return e; }
exception *crt_exception_ctor(exception *e, const char *const *text) { e->vftable = crt_exception_vftable; set_text(e, *text); return e; }
exception *crt_exception_ctor_noalloc(exception *e, const char *const *text, int unused)
{
    (void)unused;
    e->vftable = crt_exception_vftable;
    e->name = *text;
    e->do_free = 0;
    return e;
}
exception *crt_exception_copy(exception *e, const exception *from) { e->vftable = crt_exception_vftable; copy_body(e, from); return e; }

void crt_exception_dtor(exception *e)
{
    if (e->do_free)
        free((void *)e->name);
    e->name = NULL;
    e->do_free = 0;
}

exception *crt_exception_assign(exception *e, const exception *from)
{
    if (e != from) {
        crt_exception_dtor(e);
        copy_body(e, from);
    }
    return e;
}

const char *crt_exception_what(const exception *e) { return e->name ? e->name : "Unknown exception"; }

void *crt_exception_delete(exception *e, unsigned int flags)
{
    crt_exception_dtor(e);
    if (flags & 1)
        free(e);
    return e;
}

/* ---- bad_cast, bad_typeid, __non_rtti_object ---- */
#define DERIVED(cls)                                                                                     \
    exception *crt_##cls##_ctor(exception *e, const char *text) { e->vftable = crt_##cls##_vftable; set_text(e, text); return e; } \
    exception *crt_##cls##_ctor_ref(exception *e, const char *const *text) { return crt_##cls##_ctor(e, *text); } \
    exception *crt_##cls##_copy(exception *e, const exception *from) { e->vftable = crt_##cls##_vftable; copy_body(e, from); return e; }
DERIVED(bad_cast) DERIVED(bad_typeid) DERIVED(non_rtti)

void crt_bad_cast_default(exception *e) { crt_bad_cast_ctor(e, "bad cast"); }
void crt_bad_typeid_default(exception *e) { crt_bad_typeid_ctor(e, "bad typeid"); }

/* The classes' RTTI (image-relative, signature 1, the type descriptors on msvcrt's type_info
 * vftable), the vftables after their complete object locators, and the ThrowInfos rtti.c throws
 * bad_cast, bad_typeid and __non_rtti_object with (objects of 24 bytes, copied by their copy
 * constructors, destroyed by ~exception). */
#define HIERARCHY(cls, mangled, nbases, bases) \
    ".p2align 3\n" "td_" cls ": .quad crt_type_info_vftable, 0\n .asciz \"" mangled "\"\n" \
    ".p2align 2\n" "chd_" cls ": .long 0, 0, " #nbases "\n .rva bca_" cls "\n" \
    "bca_" cls ": " bases "\n" \
    "bcd_" cls ": .rva td_" cls "\n .long " #nbases " - 1, 0, -1, 0, 0x40\n .rva chd_" cls "\n" \
    "col_" cls ": .long 1, 0, 0\n .rva td_" cls ", chd_" cls ", col_" cls "\n" \
    ".p2align 3\n .quad col_" cls "\n.globl crt_" cls "_vftable\n" \
    "crt_" cls "_vftable: .quad crt_exception_delete, crt_exception_what\n" \
    ".p2align 2\n" "ct_" cls ": .long 0\n .rva td_" cls "\n .long 0, -1, 0, 24\n .rva crt_" cls "_copy\n"
#define THROWINFO(cls, n, types) \
    "cta_" cls ": .long " #n "\n .rva " types "\n" \
    ".globl crt_" cls "_throwinfo\n" "crt_" cls "_throwinfo: .long 0\n .rva crt_exception_dtor\n .long 0\n .rva cta_" cls "\n"
__asm__(".section .rdata,\"dr\"\n"
        HIERARCHY("exception", ".?AVexception@@", 1, ".rva bcd_exception")
        HIERARCHY("bad_cast", ".?AVbad_cast@@", 2, ".rva bcd_bad_cast, bcd_exception")
        HIERARCHY("bad_typeid", ".?AVbad_typeid@@", 2, ".rva bcd_bad_typeid, bcd_exception")
        HIERARCHY("non_rtti", ".?AV__non_rtti_object@@", 3, ".rva bcd_non_rtti, bcd_bad_typeid, bcd_exception")
        THROWINFO("bad_cast", 2, "ct_bad_cast, ct_exception")
        THROWINFO("bad_typeid", 2, "ct_bad_typeid, ct_exception")
        THROWINFO("non_rtti", 3, "ct_non_rtti, ct_bad_typeid, ct_exception")
        ".text\n");
#endif
