/* Nothing of its own but forwarders (fwd.def): to a name, to an ordinal, to ntdll. */
#include "../ldr.h"
int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved) { ReportAttach("fwd", reason, reserved); return 1; }
