/* msvcrt.dll's exception classes for old MSVC-built C++ code, called by their C++ names
 * (msvcrt.def): exception, bad_cast, bad_typeid and __non_rtti_object (a bad_typeid), each
 * { vftable, message, do_free } with a vftable of { scalar deleting destructor, what }. The
 * message-taking constructors copy the text (freed by the destructor) except exception's
 * (const char * const &, int) form, which keeps the pointer; what() of an exception without a
 * message is "Unknown exception"; the ??_F default-constructor closures give "bad cast" and
 * "bad typeid". The vftables' complete object locators are absent (slot -1 is 0). */
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

/* the vftables, each after an empty locator slot */
#define VFTABLE(sym) ".p2align 3\n .quad 0\n.globl " #sym "\n" #sym ": .quad crt_exception_delete, crt_exception_what\n"
__asm__(".section .rdata,\"dr\"\n"
        VFTABLE(crt_exception_vftable) VFTABLE(crt_bad_cast_vftable) VFTABLE(crt_bad_typeid_vftable)
        VFTABLE(crt_non_rtti_vftable)
        ".text\n");
#endif
