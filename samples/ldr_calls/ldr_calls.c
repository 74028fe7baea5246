/* DLL_THREAD_ATTACH and DLL_THREAD_DETACH for a new thread (not for a DLL that disabled them),
 * and a delay-loaded DLL mapped by its first call (LdrResolveDelayLoadedAPI). */
#include "../ldr.h"

int callouts_here(void), quiet_here(void), delayed_value(int);
PVOID NTAPI LdrResolveDelayLoadedAPI(PVOID base, const void *descriptor, PVOID dll_hook, PVOID system_hook,
                                     PVOID *thunk, ULONG flags);
__attribute__((noreturn)) void NTAPI RtlExitUserThread(NTSTATUS status);
extern char __ImageBase;

/* The image's delay-load helper, as the linker's support library has it on Windows 8 and later. */
PVOID __delayLoadHelper2(const void *descriptor, PVOID *thunk)
{
    return LdrResolveDelayLoadedAPI(&__ImageBase, descriptor, 0, 0, thunk, 0);
}

static ULONG ThreadMain(PVOID parameter)
{
    Print("thread running\n");
    RtlExitUserThread(0);
}

void Entry(void)
{
    Print("entry point\n");
    HANDLE thread = StartThread(ThreadMain, 0, 0);
    NtWaitForSingleObject(thread, 0, 0);
    Print("thread ended\n");
    PrintDec("delayed: ", delayed_value(21));
    PrintDec("delayed again: ", delayed_value(5));
    RtlExitUserProcess(callouts_here() + quiet_here());
}
