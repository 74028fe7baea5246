/* One of ten DLLs (built with N = 0..9): a function and an entry point. */
#include "../ldr.h"
#define NAME2(n) ten##n
#define NAME(n) NAME2(n)
DLLEXPORT int NAME(N)(void) { return N; }
int NTAPI DllMain(PVOID base, ULONG reason, PVOID reserved) { return 1; }
