/* The end of the chain (built a second time as failinit.dll, whose DllMain says FALSE). */
#include "../ldr.h"
DLLEXPORT int c_value(void) { return 3; }
int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved)
{
    ReportAttach("chain_c", reason, reserved);
#ifdef FAIL_INIT
    return reason != 1;
#else
    return 1;
#endif
}
