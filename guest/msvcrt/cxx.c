/* What msvcrt.dll gives C++ code and setjmp users: operator new/delete (returning NULL when the
 * heap and the new handler fail, as msvcrt's do), _purecall (runtime error R6025), _callnewh,
 * (_setjmp/longjmp are in setjmp.c). */
#ifdef CRT_MSVCRT
#include "crtwin.h"

void *malloc(size_t);
void free(void *);
__attribute__((noreturn)) void _amsg_exit(int);

typedef int (*new_handler)(size_t);
static new_handler new_fn;

CRTEXP int _callnewh(size_t size)
{
    return new_fn && new_fn(size) ? 1 : 0;
}

/* exported under its C++ name by msvcrt.def, as are the operators */
new_handler crt_set_new_handler(new_handler fn)
{
    new_handler old = new_fn;
    new_fn = fn;
    return old;
}

static void *allocate(size_t size)
{
    for (;;) {
        void *p = malloc(size);
        if (p || !_callnewh(size))
            return p;
    }
}

void *crt_operator_new(size_t size) { return allocate(size); }
void crt_operator_delete(void *p) { free(p); }

typedef void (*purecall_handler)(void);
static purecall_handler purecall_fn;

CRTEXP purecall_handler _set_purecall_handler(purecall_handler fn)
{
    purecall_handler old = purecall_fn;
    purecall_fn = fn;
    return old;
}

CRTEXP void _purecall(void)
{
    if (purecall_fn)
        purecall_fn();
    _amsg_exit(25);                 /* R6025 - pure virtual function call */
}

#endif
