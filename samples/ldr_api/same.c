/* Built twice at one preferred base: the second is relocated, and its pointers still hold. */
#include "../ldr.h"
static const char who[] = WHO;
static const char *const whop = who;            /* a pointer the relocations must fix */
DLLEXPORT const char *whoami(void) { return whop; }
DLLEXPORT void *image_base(void) { extern char __ImageBase; return &__ImageBase; }
int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved) { ReportAttach(WHO, reason, reserved); return 1; }
