/* The UCRT's new handler, which operator new (compiled into programs) calls through _callnewh
 * when malloc fails: _set_new_handler, _query_new_handler, _callnewh (1 when a handler ran and new
 * may retry, 0 when there is none). msvcrt.dll's own are in guest/msvcrt/cxx.c. */
#include "crtbase.h"
#ifdef CRT_UCRT

typedef int (__cdecl *new_handler_fn)(size_t);
static new_handler_fn new_handler;

CRTEXP new_handler_fn _set_new_handler(new_handler_fn fn)
{
    return __atomic_exchange_n(&new_handler, fn, __ATOMIC_ACQ_REL);
}

CRTEXP new_handler_fn _query_new_handler(void)
{
    return __atomic_load_n(&new_handler, __ATOMIC_ACQUIRE);
}

CRTEXP int _callnewh(size_t size)
{
    new_handler_fn fn = _query_new_handler();
    return fn != NULL && fn(size) != 0;
}
#endif
