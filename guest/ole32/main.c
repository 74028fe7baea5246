/* ole32.dll's entry point: the TLS slot of the per-thread COM state, freed as threads end. */
#include "olep.h"

static DWORD ThreadSlot = TLS_OUT_OF_INDEXES;

OLE_THREAD *OlepThread(void)
{
    OLE_THREAD *t = TlsGetValue(ThreadSlot);
    if (t == NULL) {
        t = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*t));
        TlsSetValue(ThreadSlot, t);
    }
    return t;
}

BOOL WINAPI Ole32DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reserved;
    if (reason == DLL_PROCESS_ATTACH) {
        ThreadSlot = TlsAlloc();
        return ThreadSlot != TLS_OUT_OF_INDEXES;
    }
    if (reason == DLL_THREAD_DETACH) {
        OLE_THREAD *t = TlsGetValue(ThreadSlot);
        if (t)
            HeapFree(GetProcessHeap(), 0, t);
        TlsSetValue(ThreadSlot, NULL);
    }
    return TRUE;
}
