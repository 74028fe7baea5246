/* What kernel32 implements itself rather than forwarding: its entry point and BaseThreadInitThunk, the thunk that
 * starts a Win32 thread's routine and ends the thread with its result. */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>

__declspec(dllexport) void WINAPI BaseThreadInitThunk(DWORD reserved, LPTHREAD_START_ROUTINE start, LPVOID parameter)
{
    (void)reserved;
    ExitThread(start(parameter));
}

/* kernel32's entry point: nothing of its own to set up (kernelbase holds the state). */
BOOL WINAPI Kernel32DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
