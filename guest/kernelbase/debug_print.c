/* Family 10, OutputDebugStringA/W as Windows 10 does them: A raises DBG_PRINTEXCEPTION_C with the
 * string's length (with its NUL) and address; W first raises DBG_PRINTEXCEPTION_WIDE_C with the
 * wide string and its ANSI form, and when nothing continued it (no debugger took it) falls back to
 * the A form. Each raise is caught here when nobody else handles it, so the caller goes on; a
 * vectored handler sees both exceptions first, as on Windows. The kernel records the ANSI text as a
 * debug-print event (kernel/ke/debugprint.py). */
#include "kernelbase.h"

#define DBG_PRINTEXCEPTION_C_ 0x40010006
#define DBG_PRINTEXCEPTION_WIDE_C_ 0x4001000A
#define EXCEPTION_UNWIND_ 0x66          /* EXCEPTION_UNWINDING | EXIT_UNWIND | TARGET_UNWIND ... */

BOOL BaseRaiseGuarded(EXCEPTION_RECORD *record);        /* debug_guard.S */
extern char BaseGuardCaught[];

/* The frame handler of BaseRaiseGuarded: the debug-print codes resume at its "caught" exit. */
EXCEPTION_DISPOSITION BaseGuardHandler(EXCEPTION_RECORD *record, PVOID frame, CONTEXT *context, PVOID dispatcher)
{
    (void)frame; (void)dispatcher;
    if (record->ExceptionFlags & EXCEPTION_UNWIND_)
        return ExceptionContinueSearch;
    if (record->ExceptionCode != DBG_PRINTEXCEPTION_C_ && record->ExceptionCode != DBG_PRINTEXCEPTION_WIDE_C_)
        return ExceptionContinueSearch;
    context->Rip = (DWORD64)BaseGuardCaught;
    return ExceptionContinueExecution;
}

static BOOL Raise(DWORD code, ULONG count, const ULONG_PTR *args)
{
    EXCEPTION_RECORD record = {0};
    record.ExceptionCode = code;
    record.NumberParameters = count;
    for (ULONG i = 0; i < count; i++)
        record.ExceptionInformation[i] = args[i];
    return BaseRaiseGuarded(&record);
}

KBAPI VOID WINAPI OutputDebugStringA(LPCSTR text)
{
    if (text == NULL) text = "";
    ULONG_PTR args[2] = { strlen(text) + 1, (ULONG_PTR)text };
    DWORD error = GetLastError();           /* Windows keeps the caller's last error */
    Raise(DBG_PRINTEXCEPTION_C_, 2, args);
    SetLastError(error);
}

KBAPI VOID WINAPI OutputDebugStringW(LPCWSTR text)
{
    if (text == NULL) text = L"";
    DWORD error = GetLastError();
    int wide = (int)wcslen(text) + 1;
    int bytes = WideCharToMultiByte(CP_ACP, 0, text, wide, NULL, 0, NULL, NULL);
    char small[256], *ansi = small;
    if (bytes > (int)sizeof(small))
        ansi = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, bytes);
    if (ansi == NULL) {
        SetLastError(error);
        return;
    }
    WideCharToMultiByte(CP_ACP, 0, text, wide, ansi, bytes, NULL, NULL);
    ULONG_PTR args[4] = { (ULONG_PTR)wide, (ULONG_PTR)text, (ULONG_PTR)bytes, (ULONG_PTR)ansi };
    if (Raise(DBG_PRINTEXCEPTION_WIDE_C_, 4, args))
        OutputDebugStringA(ansi);           /* nobody took the wide form */
    if (ansi != small)
        RtlFreeHeap(PEB_PROCESS_HEAP(), 0, ansi);
    SetLastError(error);
}
