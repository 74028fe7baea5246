/* Object lifetime from outside an apartment: CoLockObjectExternal (a strong reference taken or
 * given back), CoDisconnectObject (no stub of this process serves remote clients, so only an
 * object with its own IMarshal has connections to drop), and CoIncrementMTAUsage /
 * CoDecrementMTAUsage (a cookie that keeps the multithreaded apartment alive without a thread). */
#include "olep.h"

static const IID IID_IMarshal_ = {0x00000003, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

OLEAPI_ HRESULT WINAPI CoLockObjectExternal(LPUNKNOWN object, BOOL lock, BOOL last_unlock_releases)
{
    (void)last_unlock_releases;                         /* no stub manager: the reference is all */
    if (object == NULL)
        return E_INVALIDARG;
    if (!OlepInitialized())
        return CO_E_NOTINITIALIZED;
    if (lock)
        IUnknown_AddRef(object);
    else
        IUnknown_Release(object);
    return S_OK;
}

OLEAPI_ HRESULT WINAPI CoDisconnectObject(LPUNKNOWN object, DWORD reserved)
{
    (void)reserved;
    if (object == NULL)
        return E_INVALIDARG;
    IMarshal *marshal;
    if (FAILED(IUnknown_QueryInterface(object, &IID_IMarshal_, (void **)&marshal)))
        return S_OK;                                    /* standard marshaling: nothing connected */
    HRESULT hr = IMarshal_DisconnectObject(marshal, 0);
    IMarshal_Release(marshal);
    return hr;
}

OLEAPI_ HRESULT WINAPI CoIncrementMTAUsage(CO_MTA_USAGE_COOKIE *cookie)
{
    if (cookie == NULL)
        return E_INVALIDARG;
    *cookie = (CO_MTA_USAGE_COOKIE)(ULONG_PTR)OlepEnterMta();
    return S_OK;
}

OLEAPI_ HRESULT WINAPI CoDecrementMTAUsage(CO_MTA_USAGE_COOKIE cookie)
{
    if (cookie == NULL)
        return E_INVALIDARG;
    OlepLeaveMta();
    return S_OK;
}
