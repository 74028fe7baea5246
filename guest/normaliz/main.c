/* normaliz.dll's entry point: the DLL is its export table of forwarders (normaliz.def). */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

BOOL WINAPI NormalizDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
