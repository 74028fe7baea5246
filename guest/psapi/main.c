/* psapi.dll's entry point: the DLL is its export table of forwarders (psapi.def). */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

BOOL WINAPI PsapiDllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
