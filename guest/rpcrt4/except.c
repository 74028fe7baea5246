/* The exception helpers of the RPC runtime: RpcRaiseException (a non-continuable exception with
 * the status as its code), RpcExceptionFilter and I_RpcExceptionFilter (the documented list of
 * fatal exceptions keeps searching, anything else is an RPC failure to handle), and the NDR
 * allocator of OLE interfaces, NdrOleAllocate/NdrOleFree, which is ole32's CoTaskMemAlloc/Free. */
#include "rpcp.h"

/* Fatal codes winnt.h leaves to ntstatus.h. */
#define STATUS_POSSIBLE_DEADLOCK_ 0xC0000194u
#define STATUS_INSTRUCTION_MISALIGNMENT_ 0xC00000AAu
#define STATUS_HANDLE_NOT_CLOSABLE_ 0xC0000235u

RPCAPI void RPC_ENTRY RpcRaiseException(RPC_STATUS status)
{
    RaiseException((DWORD)status, EXCEPTION_NONCONTINUABLE, 0, NULL);
    for (;;) {}                                     /* a non-continuable exception never returns */
}

RPCAPI int RPC_ENTRY I_RpcExceptionFilter(unsigned long code)
{
    switch (code) {
    case STATUS_ACCESS_VIOLATION: case STATUS_POSSIBLE_DEADLOCK_: case STATUS_INSTRUCTION_MISALIGNMENT_:
    case STATUS_DATATYPE_MISALIGNMENT: case STATUS_PRIVILEGED_INSTRUCTION: case STATUS_ILLEGAL_INSTRUCTION:
    case STATUS_BREAKPOINT: case STATUS_STACK_OVERFLOW: case STATUS_HANDLE_NOT_CLOSABLE_:
    case STATUS_IN_PAGE_ERROR: case STATUS_ASSERTION_FAILURE: case STATUS_STACK_BUFFER_OVERRUN:
    case STATUS_GUARD_PAGE_VIOLATION: case STATUS_REG_NAT_CONSUMPTION:
        return EXCEPTION_CONTINUE_SEARCH;
    default:
        return EXCEPTION_EXECUTE_HANDLER;
    }
}

RPCAPI int RPC_ENTRY RpcExceptionFilter(unsigned long code)
{
    return I_RpcExceptionFilter(code);
}

/* ole32's task allocator, found when first needed (ole32 is loaded by whoever uses OLE NDR). */
static FARPROC Ole32(const char *name)
{
    HMODULE ole32 = LoadLibraryW(L"ole32.dll");
    return ole32 ? GetProcAddress(ole32, name) : NULL;
}

RPCAPI void *RPC_ENTRY NdrOleAllocate(size_t size)
{
    static void *(WINAPI *alloc)(SIZE_T);
    if (alloc == NULL)
        alloc = (void *(WINAPI *)(SIZE_T))Ole32("CoTaskMemAlloc");
    return alloc ? alloc(size) : NULL;
}

RPCAPI void RPC_ENTRY NdrOleFree(void *p)
{
    static void (WINAPI *release)(void *);
    if (release == NULL)
        release = (void (WINAPI *)(void *))Ole32("CoTaskMemFree");
    if (release)
        release(p);
}
