/* CoWaitForMultipleHandles: a wait on handles that a COM thread may make: the index of the
 * handle signalled (S_OK), RPC_S_CALLPENDING when the time runs out, COWAIT_WAITALL and
 * COWAIT_ALERTABLE as WaitForMultipleObjectsEx takes them (an APC ends it with
 * RPC_S_CALLPENDING too, the index being WAIT_IO_COMPLETION). No window of this process has
 * messages for a single-threaded apartment to dispatch while it waits. CoRegisterMessageFilter
 * keeps an STA's IMessageFilter (CO_E_NOT_SUPPORTED in the MTA) and hands back the former one. */
#include "olep.h"

OLEAPI_ HRESULT WINAPI CoWaitForMultipleHandles(DWORD flags, DWORD timeout, ULONG count, LPHANDLE handles, LPDWORD index)
{
    if (index == NULL)
        return E_INVALIDARG;
    *index = 0;
    if (handles == NULL || count == 0 || count > MAXIMUM_WAIT_OBJECTS)
        return E_INVALIDARG;
    DWORD r = WaitForMultipleObjectsEx(count, handles, (flags & COWAIT_WAITALL) != 0, timeout,
                                       (flags & COWAIT_ALERTABLE) != 0);
    if (r == WAIT_TIMEOUT)
        return RPC_S_CALLPENDING;
    if (r == WAIT_IO_COMPLETION) {
        *index = WAIT_IO_COMPLETION;
        return RPC_S_CALLPENDING;
    }
    if (r == WAIT_FAILED)
        return HRESULT_FROM_WIN32(GetLastError());
    *index = r >= WAIT_ABANDONED_0 && r < WAIT_ABANDONED_0 + count ? r - WAIT_ABANDONED_0 : r - WAIT_OBJECT_0;
    return S_OK;
}

OLEAPI_ HRESULT WINAPI CoRegisterMessageFilter(LPMESSAGEFILTER filter, LPMESSAGEFILTER *previous)
{
    OLE_THREAD *t = OlepThread();
    if (previous)
        *previous = NULL;
    if (t == NULL || t->Inits == 0 || t->Model != COINIT_APARTMENTTHREADED)
        return CO_E_NOT_SUPPORTED;
    IMessageFilter *old = t->Filter;
    if (filter)
        IMessageFilter_AddRef(filter);
    t->Filter = filter;
    if (previous)
        *previous = old;
    else if (old)
        IMessageFilter_Release(old);
    return S_OK;
}
