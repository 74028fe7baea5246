/* Loaded on the first call through its delay-load thunk. */
#include "../ldr.h"
DLLEXPORT int delayed_value(int x) { return x * 2; }
int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved) { ReportAttach("delayed", reason, reserved); return 1; }
