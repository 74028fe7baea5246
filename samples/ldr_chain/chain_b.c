/* The middle of the chain: imports c_value from chain_c.dll. */
#include "../ldr.h"
int c_value(void);
DLLEXPORT int b_value(void) { return 20 + c_value(); }
int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved) { ReportAttach("chain_b", reason, reserved); return 1; }
