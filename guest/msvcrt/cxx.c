/* What msvcrt.dll gives C++ code and setjmp users: operator new/delete (returning NULL when the
 * heap and the new handler fail, as msvcrt's do), _purecall (runtime error R6025), _callnewh,
 * the new handler and new mode, terminate/unexpected and their handlers (_setjmp/longjmp are in
 * setjmp.c). */
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

new_handler crt_query_new_handler(void) { return new_fn; }

/* the new mode (1: malloc calls the new handler when it fails, as operator new does) */
int crt_new_mode;
int crt_set_new_mode(int mode)
{
    int old = crt_new_mode;
    crt_new_mode = mode;
    return old;
}
int crt_query_new_mode(void) { return crt_new_mode; }

/* terminate and unexpected: the program's handler, then abort; unexpected's default is terminate */
typedef void (*void_handler)(void);
static void_handler terminate_fn, unexpected_fn;
void_handler crt_set_terminate(void_handler fn) { return __atomic_exchange_n(&terminate_fn, fn, __ATOMIC_ACQ_REL); }
void_handler crt_set_unexpected(void_handler fn) { return __atomic_exchange_n(&unexpected_fn, fn, __ATOMIC_ACQ_REL); }
CRTEXP void_handler _get_terminate(void) { return __atomic_load_n(&terminate_fn, __ATOMIC_ACQUIRE); }
CRTEXP void_handler _get_unexpected(void) { return __atomic_load_n(&unexpected_fn, __ATOMIC_ACQUIRE); }
__attribute__((noreturn)) void abort(void);
__attribute__((noreturn)) void crt_terminate(void)
{
    void_handler fn = __atomic_load_n(&terminate_fn, __ATOMIC_ACQUIRE);
    if (fn)
        fn();
    abort();                                    /* a handler must not return */
}
__attribute__((noreturn)) void crt_unexpected(void)
{
    void_handler fn = __atomic_load_n(&unexpected_fn, __ATOMIC_ACQUIRE);
    if (fn)
        fn();
    crt_terminate();
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
/* the debug forms operator new(size, block type, file, line) of MFC-era programs: the release heap's */
void *crt_operator_new_dbg(size_t size, int block_type, const char *file, int line)
{
    (void)block_type;
    (void)file;
    (void)line;
    return allocate(size);
}
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
