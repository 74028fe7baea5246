/* kernelbase's entry point: at process attach the TLS lock, the main thread's FLS block and the
 * ANSI command line; at each thread's attach its FLS block; at its detach the FLS callbacks. */
#include "kernelbase.h"

BOOL WINAPI KernelBaseDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reserved;
    switch (reason) {
    case DLL_PROCESS_ATTACH:
        BaseInitializeFls();
        if (!BaseTlsThreadAttach())
            return FALSE;
        BaseInitializeCommandLine();
        break;
    case DLL_THREAD_ATTACH:
        BaseTlsThreadAttach();
        break;
    case DLL_THREAD_DETACH:
        BaseFlsThreadDetach();
        break;
    }
    return TRUE;
}
