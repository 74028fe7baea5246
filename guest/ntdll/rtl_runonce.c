/* One-time initialisation (RtlRunOnce*, behind InitOnce*), synchronous mode: the word is 0
 * before, 1 while one thread initialises (others poll), and context | 2 once done. */
#include "rtl.h"

#define RTL_RUN_ONCE_CHECK_ONLY 1
#define RTL_RUN_ONCE_ASYNC 2
#define RTL_RUN_ONCE_INIT_FAILED 4
#define STATUS_PENDING ((NTSTATUS)0x00000103)
#define BUSY 1
#define DONE 2

NTSYSAPI void NTAPI RtlRunOnceInitialize(RTL_RUN_ONCE *o)
{
    o->Ptr = NULL;
}

NTSYSAPI NTSTATUS NTAPI RtlRunOnceBeginInitialize(RTL_RUN_ONCE *o, ULONG Flags, PVOID *Context)
{
    if (Flags & ~(ULONG)RTL_RUN_ONCE_CHECK_ONLY)
        return STATUS_INVALID_PARAMETER;        /* the asynchronous mode is not implemented */
    ULONG_PTR *word = (ULONG_PTR *)&o->Ptr;
    for (;;) {
        ULONG_PTR v = __atomic_load_n(word, __ATOMIC_ACQUIRE);
        if ((v & 3) == DONE) {
            if (Context) *Context = (PVOID)(v & ~(ULONG_PTR)3);
            return STATUS_SUCCESS;
        }
        if (Flags & RTL_RUN_ONCE_CHECK_ONLY)
            return STATUS_UNSUCCESSFUL;
        if (v == 0 && __atomic_compare_exchange_n(word, &v, BUSY, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return STATUS_PENDING;
        LONG64 interval = -10000;
        NtDelayExecution(0, &interval);
    }
}

NTSYSAPI NTSTATUS NTAPI RtlRunOnceComplete(RTL_RUN_ONCE *o, ULONG Flags, PVOID Context)
{
    ULONG_PTR *word = (ULONG_PTR *)&o->Ptr;
    if ((ULONG_PTR)Context & 3)
        return STATUS_INVALID_PARAMETER;
    if ((__atomic_load_n(word, __ATOMIC_ACQUIRE) & 3) != BUSY)
        return STATUS_UNSUCCESSFUL;
    __atomic_store_n(word, (Flags & RTL_RUN_ONCE_INIT_FAILED) ? 0 : ((ULONG_PTR)Context | DONE), __ATOMIC_RELEASE);
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI RtlRunOnceExecuteOnce(RTL_RUN_ONCE *o, PRTL_RUN_ONCE_INIT_FN Fn, PVOID Param, PVOID *Context)
{
    NTSTATUS status = RtlRunOnceBeginInitialize(o, 0, Context);
    if (status != STATUS_PENDING)
        return status;
    PVOID ctx = NULL;
    if (!Fn(o, Param, &ctx)) {
        RtlRunOnceComplete(o, RTL_RUN_ONCE_INIT_FAILED, NULL);
        return STATUS_UNSUCCESSFUL;
    }
    status = RtlRunOnceComplete(o, 0, ctx);
    if (status >= 0 && Context) *Context = ctx;
    return status;
}
