/* The stubless client calls MIDL's stubs make, NdrClientCall2 (-Oicf) and NdrClientCall3 (NDR64):
 * no RPC server runs on this machine and none is reachable, so every call ends as Windows ends a
 * call whose server is not there: RpcRaiseException(RPC_S_SERVER_UNAVAILABLE). (A procedure
 * declared with [comm_status] or [fault_status] would get the status back instead; the format
 * string is not read.) */
#include "rpcp.h"

RPCAPI CLIENT_CALL_RETURN RPC_VAR_ENTRY NdrClientCall2(PMIDL_STUB_DESC stub, PFORMAT_STRING format, ...)
{
    (void)stub; (void)format;
    RpcRaiseException(RPC_S_SERVER_UNAVAILABLE);
}

RPCAPI CLIENT_CALL_RETURN RPC_VAR_ENTRY NdrClientCall3(MIDL_STUBLESS_PROXY_INFO *proxy, unsigned long proc,
                                                       void *result, ...)
{
    (void)proxy; (void)proc; (void)result;
    RpcRaiseException(RPC_S_SERVER_UNAVAILABLE);
}
