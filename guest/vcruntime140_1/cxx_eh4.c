/* vcruntime140_1's C++ exception support: __CxxFrameHandler4 (guest/common/cxx_fh4.c over the
 * engine in cxx_eh.c). The exception being handled, the throws in flight and the running catches
 * are vcruntime140's per-thread ones, reached through the exports vcruntime140_1 imports from it
 * (__current_exception, __current_exception_context, __processing_throw), so that FH3 and FH4 frames of one thread (a program
 * and its DLLs built by different compilers) see one state. */
#include "../ntdll/except.h"
#include "../vcruntime/vcruntime.h"

#define CXX_EXPORT VCRTEXP
__declspec(dllimport) void **__current_exception(void);
__declspec(dllimport) void **__current_exception_context(void);
__declspec(dllimport) int *__processing_throw(void);

static void **CxxCurrentException(void) { return __current_exception(); }
static void **CxxCurrentExceptionContext(void) { return __current_exception_context(); }
static int *CxxProcessingThrow(void) { return __processing_throw(); }
/* The running catches' slot in vcruntime140's vcrt_ptd, whose first field __current_exception
 * points at (both DLLs are built from vcruntime.h's one layout). */
static void **CxxActiveCatches(void)
{
    vcrt_ptd *ptd = (vcrt_ptd *)((char *)__current_exception() - __builtin_offsetof(vcrt_ptd, curexception));
    return &ptd->reserved[0];
}
/* The thread's translator: _set_se_translator's slot in the same vcrt_ptd. */
static void **CxxSeTranslator(void)
{
    vcrt_ptd *ptd = (vcrt_ptd *)((char *)__current_exception() - __builtin_offsetof(vcrt_ptd, curexception));
    return &ptd->reserved[1];
}
__declspec(dllimport) __attribute__((noreturn)) void abort(void);
#include "../common/cxx_fh4.c"
