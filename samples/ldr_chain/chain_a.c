/* The head of the chain: imports b_value from chain_b.dll. */
#include "../ldr.h"
int b_value(void);
DLLEXPORT int a_value(void) { return 100 + b_value(); }
int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved) { ReportAttach("chain_a", reason, reserved); return 1; }
