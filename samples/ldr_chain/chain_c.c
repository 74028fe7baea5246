/* The end of the chain. */
#include "../ldr.h"

DLLEXPORT int c_value(void) { return 3; }
int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved) { ReportAttach("chain_c", reason, reserved); return 1; }
