/* version.dll's entry point: nothing to set up per process or thread. */
#include "version.h"

BOOL WINAPI VersionDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
