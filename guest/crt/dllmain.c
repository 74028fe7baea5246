/* The runtime DLL's entry point: at process attach it takes its TLS slot, the heap, the command
 * line and environment, the standard descriptors and streams, as the Windows runtimes do before
 * any program code runs; at process detach it finishes as the runtime does. */
#include "crtwin.h"

void crt_init_ptd(void);
void crt_init_locks(void);
void crt_publish_args(void);
void crt_init_ctype(void);
void crt_mbcs_init(void);
void crt_detach(void);
void crt_init_clock(void);
void crt_init_pgmptr(void);

BOOL WINAPI CrtDllMain(HANDLE instance, DWORD reason, void *reserved)
{
    (void)instance;
    (void)reserved;
    if (reason == 1) {          /* DLL_PROCESS_ATTACH */
        crt_init_ptd();
        crt_init_heap();
        crt_init_locks();
        crt_init_ctype();
        crt_mbcs_init();
        crt_init_args();
        crt_init_pgmptr();
        crt_publish_args();
        crt_init_stdio();
        crt_init_clock();
    } else if (reason == 0) {
        /* DLL_PROCESS_DETACH, by ExitProcess (a program that never called exit) or FreeLibrary:
         * msvcrt.dll does what _cexit does if exit has not run; the UCRT flushes its streams. */
        crt_detach();
    }
    return 1;
}
