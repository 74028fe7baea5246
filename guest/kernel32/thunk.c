/* What kernel32 implements itself rather than taking from kernelbase: its entry point,
 * BaseThreadInitThunk (starts a Win32 thread's routine and ends the thread with its result) and
 * the obsolete SetHandleCount. */
#define _KERNEL32_                      /* windows.h: this DLL implements what it declares */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

__declspec(dllexport) void WINAPI BaseThreadInitThunk(DWORD reserved, LPTHREAD_START_ROUTINE start, LPVOID parameter)
{
    (void)reserved;
    ExitThread(start(parameter));
}

/* Obsolete since Win32: the handle limit is whatever the caller asks. */
__declspec(dllexport) UINT WINAPI SetHandleCount(UINT count)
{
    return count;
}

/* kernel32's entry point: nothing of its own to set up (kernelbase holds the state). */
BOOL WINAPI Kernel32DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
