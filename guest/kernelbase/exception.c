/*
 * The Win32 face of exception handling: RaiseException, the top-level filter
 * (SetUnhandledExceptionFilter / UnhandledExceptionFilter, installed in ntdll's thread start
 * path), vectored exception and continue handlers, SetThreadStackGuarantee, Get/SetThreadContext.
 */
#include "kernelbase.h"

NTDLL VOID NTAPI RtlRaiseException(EXCEPTION_RECORD *ExceptionRecord);
NTDLL VOID NTAPI RtlSetUnhandledExceptionFilter(PVECTORED_EXCEPTION_HANDLER Filter);
NTDLL PVOID NTAPI RtlAddVectoredExceptionHandler(ULONG First, PVECTORED_EXCEPTION_HANDLER Handler);
NTDLL ULONG NTAPI RtlRemoveVectoredExceptionHandler(PVOID Handle);
NTDLL PVOID NTAPI RtlAddVectoredContinueHandler(ULONG First, PVECTORED_EXCEPTION_HANDLER Handler);
NTDLL ULONG NTAPI RtlRemoveVectoredContinueHandler(PVOID Handle);
NTDLL NTSTATUS NTAPI NtGetContextThread(HANDLE Thread, CONTEXT *Context);
NTDLL NTSTATUS NTAPI NtSetContextThread(HANDLE Thread, CONTEXT *Context);

/* RaiseException: the record is raised from here (its address is inside RaiseException, as on
 * Windows); more than EXCEPTION_MAXIMUM_PARAMETERS arguments are cut to that many. */
KBAPI VOID WINAPI RaiseException(DWORD dwExceptionCode, DWORD dwExceptionFlags, DWORD nNumberOfArguments,
                                 const ULONG_PTR *lpArguments)
{
    EXCEPTION_RECORD record;
    record.ExceptionCode = dwExceptionCode;
    record.ExceptionFlags = dwExceptionFlags & EXCEPTION_NONCONTINUABLE;
    record.ExceptionRecord = NULL;
    record.ExceptionAddress = (PVOID)RaiseException;
    record.NumberParameters = 0;
    if (lpArguments != NULL) {
        if (nNumberOfArguments > EXCEPTION_MAXIMUM_PARAMETERS)
            nNumberOfArguments = EXCEPTION_MAXIMUM_PARAMETERS;
        record.NumberParameters = nNumberOfArguments;
        for (DWORD i = 0; i < nNumberOfArguments; i++)
            record.ExceptionInformation[i] = lpArguments[i];
    }
    RtlRaiseException(&record);
}

static LPTOP_LEVEL_EXCEPTION_FILTER BasepTopLevelFilter;

/* UnhandledExceptionFilter: the filter of the thread start path's __try. It asks the
 * application's top-level filter; without one (or when it searches on) the exception stays
 * unhandled and its second chance ends the process with its code. */
KBAPI LONG WINAPI UnhandledExceptionFilter(EXCEPTION_POINTERS *ExceptionInfo)
{
    LPTOP_LEVEL_EXCEPTION_FILTER filter = __atomic_load_n(&BasepTopLevelFilter, __ATOMIC_ACQUIRE);
    if (filter != NULL) {
        LONG verdict = filter(ExceptionInfo);
        if (verdict != EXCEPTION_CONTINUE_SEARCH)
            return verdict;
    }
    return EXCEPTION_CONTINUE_SEARCH;
}

/* SetUnhandledExceptionFilter: returns the previous filter. UnhandledExceptionFilter becomes
 * ntdll's top-level filter with the first call (before it, it would only search on). */
KBAPI LPTOP_LEVEL_EXCEPTION_FILTER WINAPI SetUnhandledExceptionFilter(LPTOP_LEVEL_EXCEPTION_FILTER Filter)
{
    RtlSetUnhandledExceptionFilter((PVECTORED_EXCEPTION_HANDLER)UnhandledExceptionFilter);
    return __atomic_exchange_n(&BasepTopLevelFilter, Filter, __ATOMIC_ACQ_REL);
}

KBAPI PVOID WINAPI AddVectoredExceptionHandler(ULONG First, PVECTORED_EXCEPTION_HANDLER Handler)
{
    return RtlAddVectoredExceptionHandler(First, Handler);
}

KBAPI ULONG WINAPI RemoveVectoredExceptionHandler(PVOID Handle)
{
    return RtlRemoveVectoredExceptionHandler(Handle);
}

KBAPI PVOID WINAPI AddVectoredContinueHandler(ULONG First, PVECTORED_EXCEPTION_HANDLER Handler)
{
    return RtlAddVectoredContinueHandler(First, Handler);
}

KBAPI ULONG WINAPI RemoveVectoredContinueHandler(PVOID Handle)
{
    return RtlRemoveVectoredContinueHandler(Handle);
}

/* SetThreadStackGuarantee: what a STATUS_STACK_OVERFLOW handler may use beyond the guard page
 * (TEB.GuaranteedStackBytes, which the kernel's stack growth keeps free). Returns the previous
 * guarantee; 0 asks only; a guarantee is never lowered; one larger than the stack fails. */
KBAPI BOOL WINAPI SetThreadStackGuarantee(PULONG StackSizeInBytes)
{
    BYTE *teb = BaseTeb();
    NT_TIB *tib = (NT_TIB *)teb;
    ULONG *guaranteed = (ULONG *)(teb + 0x1748);            /* TEB.GuaranteedStackBytes */
    ULONG_PTR deallocation = *(ULONG_PTR *)(teb + 0x1478);  /* TEB.DeallocationStack */
    ULONG previous = *guaranteed, wanted = *StackSizeInBytes;
    if (wanted != 0) {
        ULONG_PTR reserve = (ULONG_PTR)tib->StackBase - deallocation;
        wanted = (wanted + 0xFFF) & ~0xFFFu;
        if (wanted >= reserve) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
        if (wanted > previous)
            *guaranteed = wanted;
    }
    *StackSizeInBytes = previous;
    return TRUE;
}

KBAPI BOOL WINAPI GetThreadContext(HANDLE hThread, LPCONTEXT lpContext)
{
    NTSTATUS status = NtGetContextThread(hThread, lpContext);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return FALSE;
    }
    return TRUE;
}

KBAPI BOOL WINAPI SetThreadContext(HANDLE hThread, const CONTEXT *lpContext)
{
    NTSTATUS status = NtSetContextThread(hThread, (CONTEXT *)lpContext);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return FALSE;
    }
    return TRUE;
}
