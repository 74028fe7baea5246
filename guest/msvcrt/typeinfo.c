/* msvcrt.dll's type_info class, as old MSVC-built programs call its members by their C++ names
 * (msvcrt.def): the object is { vftable, cached undecorated name, decorated name ".?AV...@@" };
 * name() undecorates the decorated name once through __unDName (type encodings, no __ptr64) and
 * keeps it in the object, the destructor frees it; raw_name(), before() and the == and !=
 * operators compare the decorated names. ??_7type_info@@6B@ is its vftable (the scalar deleting
 * destructor), preceded by its (absent) complete object locator. */
#ifdef CRT_MSVCRT
#include "crtwin.h"

void *malloc(size_t);
void free(void *);
int strcmp(const char *, const char *);
size_t strlen(const char *);
char *__unDName(char *, const char *, int, void *(*)(size_t), void (*)(void *), unsigned short);

typedef struct { const void *vftable; char *undecorated; char decorated[1]; } type_info;

/* ~type_info: the cached name goes */
void crt_type_info_dtor(type_info *t)
{
    char *name = __atomic_exchange_n(&t->undecorated, NULL, __ATOMIC_ACQ_REL);
    free(name);
}

void *crt_type_info_delete(type_info *t, unsigned int flags)
{
    crt_type_info_dtor(t);
    if (flags & 1)
        free(t);
    return t;
}

__asm__(".section .rdata,\"dr\"\n"
        ".p2align 3\n"
        "    .quad 0\n"                                      /* no locator for type_info itself */
        ".globl crt_type_info_vftable\n"
        "crt_type_info_vftable: .quad crt_type_info_delete\n"
        ".text\n");

/* name(): "class foo" for ".?AVfoo@@", made once (UNDNAME_32_BIT_DECODE | UNDNAME_TYPE_ONLY) */
const char *crt_type_info_name(type_info *t)
{
    char *known = __atomic_load_n(&t->undecorated, __ATOMIC_ACQUIRE);
    if (known != NULL)
        return known;
    char *text = __unDName(NULL, t->decorated + 1, 0, malloc, free, 0x2800);
    if (text == NULL)
        return NULL;
    size_t n = strlen(text);
    while (n && text[n - 1] == ' ')             /* no trailing blanks */
        text[--n] = 0;
    char *expected = NULL;
    if (!__atomic_compare_exchange_n(&t->undecorated, &expected, text, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        free(text);                             /* another thread named it first */
        return expected;
    }
    return text;
}

const char *crt_type_info_raw_name(type_info *t) { return t->decorated; }
int crt_type_info_before(type_info *t, const type_info *other) { return strcmp(t->decorated + 1, other->decorated + 1) < 0; }
int crt_type_info_eq(type_info *t, const type_info *other)
{
    return t == other || strcmp(t->decorated + 1, other->decorated + 1) == 0;
}
int crt_type_info_ne(type_info *t, const type_info *other) { return !crt_type_info_eq(t, other); }
#endif
