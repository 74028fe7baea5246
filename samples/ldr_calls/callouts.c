/* Says every reason it is called for. */
#include "../ldr.h"
DLLEXPORT int callouts_here(void) { return 1; }
int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved) { ReportAttach("callouts", reason, reserved); return 1; }
