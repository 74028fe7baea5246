/* Proxy security: CoSetProxyBlanket and CoQueryProxyBlanket act on a proxy's IClientSecurity.
 * Nothing is marshalled in this process, so an object is never a proxy unless it implements
 * IClientSecurity itself; any other object answers E_NOINTERFACE, as Windows' in-process objects do. */
#include "olep.h"

static const IID IID_IClientSecurity_ = {0x0000013D, 0, 0, {0xC0, 0, 0, 0, 0, 0, 0, 0x46}};

static HRESULT Security(IUnknown *proxy, IClientSecurity **out)
{
    if (proxy == NULL)
        return E_INVALIDARG;
    return IUnknown_QueryInterface(proxy, &IID_IClientSecurity_, (void **)out);
}

OLEAPI_ HRESULT WINAPI CoSetProxyBlanket(IUnknown *proxy, DWORD authn, DWORD authz, OLECHAR *principal,
                                         DWORD level, DWORD impersonation, RPC_AUTH_IDENTITY_HANDLE identity,
                                         DWORD capabilities)
{
    IClientSecurity *security;
    HRESULT hr = Security(proxy, &security);
    if (FAILED(hr))
        return hr;
    hr = IClientSecurity_SetBlanket(security, proxy, authn, authz, principal, level, impersonation, identity,
                                    capabilities);
    IClientSecurity_Release(security);
    return hr;
}

OLEAPI_ HRESULT WINAPI CoQueryProxyBlanket(IUnknown *proxy, DWORD *authn, DWORD *authz, LPOLESTR *principal,
                                           DWORD *level, DWORD *impersonation, RPC_AUTH_IDENTITY_HANDLE *identity,
                                           DWORD *capabilities)
{
    IClientSecurity *security;
    HRESULT hr = Security(proxy, &security);
    if (FAILED(hr))
        return hr;
    hr = IClientSecurity_QueryBlanket(security, proxy, authn, authz, principal, level, impersonation, identity,
                                      capabilities);
    IClientSecurity_Release(security);
    return hr;
}
