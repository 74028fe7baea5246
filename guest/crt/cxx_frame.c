/* msvcrt's C++ exception support (__CxxFrameHandler, __CxxFrameHandler3, _CxxThrowException,
 * _set_se_translator;
 * ucrtbase leaves them to vcruntime140): the shared sources guest/common/cxx_fh3.c and cxx_eh.c, with its
 * per-thread state in a TLS slot of its own. */
#ifdef CRT_MSVCRT
#include "../ntdll/except.h"
#define NULL ((void *)0)

__declspec(dllimport) ULONG __stdcall TlsAlloc(void);
__declspec(dllimport) PVOID __stdcall TlsGetValue(ULONG);
__declspec(dllimport) int __stdcall TlsSetValue(ULONG, PVOID);
__declspec(dllimport) PVOID __stdcall GetProcessHeap(void);
__declspec(dllimport) PVOID __stdcall HeapAlloc(PVOID, ULONG, SIZE_T);
__declspec(dllimport) ULONG __stdcall GetLastError(void);
__declspec(dllimport) void __stdcall SetLastError(ULONG);
__attribute__((noreturn)) void abort(void);

typedef struct {
    void *current_exception, *current_context, *active_catches;
    int processing_throw;
    void *se_translator;                        /* _set_se_translator's, per thread */
} CxxThreadData;
static volatile ULONG cxx_tls = 0xFFFFFFFF;     /* TLS_OUT_OF_INDEXES until first used */

static CxxThreadData *CxxThread(void)
{
    ULONG saved = GetLastError();
    if (cxx_tls == 0xFFFFFFFF)                  /* the first thread to get here sets the slot */
        __sync_val_compare_and_swap(&cxx_tls, 0xFFFFFFFF, TlsAlloc());
    CxxThreadData *data = TlsGetValue(cxx_tls);
    if (data == NULL) {
        data = HeapAlloc(GetProcessHeap(), 8 /* HEAP_ZERO_MEMORY */, sizeof *data);
        if (data == NULL)
            abort();
        TlsSetValue(cxx_tls, data);
    }
    SetLastError(saved);
    return data;
}

#define CXX_EXPORT __declspec(dllexport)
#define CXX_FRAME_HANDLER_MSVCRT
__attribute__((noreturn)) void crt_terminate(void);     /* msvcrt/cxx.c: the handler, then abort */
#define terminate crt_terminate
static void **CxxCurrentException(void) { return &CxxThread()->current_exception; }
static void **CxxCurrentExceptionContext(void) { return &CxxThread()->current_context; }
static void **CxxActiveCatches(void) { return &CxxThread()->active_catches; }
static int *CxxProcessingThrow(void) { return &CxxThread()->processing_throw; }
static void **CxxSeTranslator(void) { return &CxxThread()->se_translator; }
#include "../common/cxx_fh3.c"

/* _set_se_translator(fn): the thread's translator of structured exceptions into C++ ones (the
 * frame handlers call it); returns the one it replaces. */
typedef void (*se_translator)(unsigned int, EXCEPTION_POINTERS *);
CXX_EXPORT se_translator _set_se_translator(se_translator fn)
{
    void **slot = CxxSeTranslator();
    se_translator old = (se_translator)*slot;
    *slot = (void *)fn;
    return old;
}

/* __uncaught_exception: is an exception thrown and not yet caught (a destructor runs during
 * its unwind)? */
CXX_EXPORT int __uncaught_exception(void)
{
    return CxxThread()->processing_throw > 0;
}
#endif
