/* kernelbase's entry point: at process attach the TLS lock and the ANSI command line; at a
 * thread's detach its FLS callbacks. */
#include "kernelbase.h"

BOOL WINAPI KernelBaseDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reserved;
    switch (reason) {
    case DLL_PROCESS_ATTACH:
        BaseInitializeFls();
        BaseInitializeCommandLine();
        break;
    case DLL_THREAD_DETACH:
        BaseFlsThreadDetach();
        break;
    }
    return TRUE;
}
