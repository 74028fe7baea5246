/* The rest of vcruntime140's small C++ support: _purecall with its handler (a pure virtual call
 * ends in abort() when no handler takes it), std::uncaught_exception(s) from the throws in
 * flight, and the per-thread _set_se_translator / set_unexpected slots. */
#include "vcruntime.h"

__declspec(dllimport) __attribute__((noreturn)) void abort(void);

typedef void (*purecall_handler)(void);
static purecall_handler purecall_fn;

VCRTEXP purecall_handler _set_purecall_handler(purecall_handler fn)
{
    return __atomic_exchange_n(&purecall_fn, fn, __ATOMIC_ACQ_REL);
}

VCRTEXP purecall_handler _get_purecall_handler(void) { return __atomic_load_n(&purecall_fn, __ATOMIC_ACQUIRE); }

VCRTEXP void _purecall(void)
{
    purecall_handler fn = _get_purecall_handler();
    if (fn != NULL)
        fn();
    abort();
}

VCRTEXP int __uncaught_exception(void) { return vcrt_getptd()->processing_throw > 0; }
VCRTEXP int __uncaught_exceptions(void) { return vcrt_getptd()->processing_throw; }

/* The SEH-to-C++ translator of /EHa programs and the unexpected() handler: kept per thread. */
typedef void (*se_translator)(unsigned int, void *);
typedef void (*unexpected_handler)(void);

VCRTEXP se_translator _set_se_translator(se_translator fn)
{
    vcrt_ptd *ptd = vcrt_getptd();
    se_translator old = (se_translator)ptd->reserved[1];
    ptd->reserved[1] = (void *)fn;
    return old;
}

VCRTEXP unexpected_handler set_unexpected(unexpected_handler fn)
{
    vcrt_ptd *ptd = vcrt_getptd();
    unexpected_handler old = (unexpected_handler)ptd->reserved[2];
    ptd->reserved[2] = (void *)fn;
    return old;
}

VCRTEXP unexpected_handler _get_unexpected(void) { return (unexpected_handler)vcrt_getptd()->reserved[2]; }

VCRTEXP void unexpected(void)
{
    unexpected_handler fn = _get_unexpected();
    if (fn != NULL)
        fn();
    terminate();
}

/* _local_unwind(frame, target): the unwind MSVC's code makes to leave a __try block early (a goto
 * or return out of it): the __finally blocks between run, and execution goes on at target. */
__declspec(dllimport) void __stdcall RtlUnwind(void *TargetFrame, void *TargetIp, void *Record, void *ReturnValue);

VCRTEXP void _local_unwind(void *frame, void *target)
{
    RtlUnwind(frame, target, NULL, NULL);
}
