/* msvcp140_atomic_wait's entry point: nothing to set up per process or thread (its tables are
 * static and zero-initialised). */
#include "satellite.h"

BOOL WINAPI AtomicWaitDllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    (void)instance;
    (void)reason;
    (void)reserved;
    return TRUE;
}
