/* Exports by name and one by ordinal only (target.def). */
#include "../ldr.h"
int real_name(void) { return 41; }
int real_ordinal(void) { return 42; }
int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved) { ReportAttach("target", reason, reserved); return 1; }
