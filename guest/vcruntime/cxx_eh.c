/* vcruntime140's C++ exception support (_CxxThrowException, __CxxFrameHandler3): the shared
 * sources guest/common/cxx_fh3.c (FH3 tables) and cxx_eh.c (the engine) over vcruntime's per-thread data (vcruntime.h). */
#include "../ntdll/except.h"
#include "vcruntime.h"

#define CXX_EXPORT VCRTEXP
static void **CxxCurrentException(void) { return &vcrt_getptd()->curexception; }
static void **CxxCurrentExceptionContext(void) { return &vcrt_getptd()->curcontext; }
static void **CxxActiveCatches(void) { return &vcrt_getptd()->reserved[0]; }
static int *CxxProcessingThrow(void) { return &vcrt_getptd()->processing_throw; }
static void **CxxSeTranslator(void) { return &vcrt_getptd()->reserved[1]; }   /* misc.c's _set_se_translator */
__declspec(dllimport) __attribute__((noreturn)) void abort(void);
#include "../common/cxx_fh3.c"

/* The same handler under the names older compilers' tables name (FuncInfo magic 0x19930520-22). */
VCRTEXP EXCEPTION_DISPOSITION __CxxFrameHandler(EXCEPTION_RECORD *rec, PVOID establisher, CONTEXT *ctx,
                                                DISPATCHER_CONTEXT *dc)
{
    return __CxxFrameHandler3(rec, establisher, ctx, dc);
}

VCRTEXP EXCEPTION_DISPOSITION __CxxFrameHandler2(EXCEPTION_RECORD *rec, PVOID establisher, CONTEXT *ctx,
                                                 DISPATCHER_CONTEXT *dc)
{
    return __CxxFrameHandler3(rec, establisher, ctx, dc);
}
