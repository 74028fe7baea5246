/* Asks for no thread callouts (LdrDisableThreadCalloutsForDll, as DisableThreadLibraryCalls does). */
#include "../ldr.h"
NTSTATUS NTAPI LdrDisableThreadCalloutsForDll(PVOID base);
DLLEXPORT int quiet_here(void) { return 1; }
int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved)
{
    ReportAttach("quiet", reason, reserved);
    if (reason == 1)
        LdrDisableThreadCalloutsForDll(base);
    return 1;
}
