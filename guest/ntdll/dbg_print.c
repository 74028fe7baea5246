/* DbgPrint, DbgPrintEx, vDbgPrintEx and vDbgPrintExWithPrefix in user mode, as Windows 10 does
 * them: the component filter is asked first (DbgPrint always prints), the prefix and the message
 * are formatted into one 512-byte buffer, and DBG_PRINTEXCEPTION_C is raised with its length and
 * address so a debugger (or the kernel's debug-print event) sees the text; when nothing handles it
 * the raise is caught and the call returns. TEB.InDebugPrint stops recursion from a handler. With no
 * kernel debugger there is nothing for the int 2D fallback to reach, so none is made. */
#include <stdarg.h>
#include "rtl.h"
#include "except.h"

#define DBG_PRINTEXCEPTION_C 0x40010006
#define DPFLTR_ERROR_LEVEL 0
#define DEBUG_PRINT_MAX 512
#define IN_DEBUG_PRINT 0x0002                   /* TEB.SameTebFlags.InDebugPrint */
#define EXCEPTION_UNWIND_ 0x66

int _vsnprintf(char *buf, SIZE_T count, const char *fmt, va_list ap);
void RtlpRaiseDebugPrint(EXCEPTION_RECORD *record);      /* dbg_guard.S */
extern char RtlpDebugPrintCaught[];

static USHORT *SameTebFlags(void) { return (USHORT *)((UCHAR *)NtCurrentTeb() + 0x17EE); }

EXCEPTION_DISPOSITION RtlpDebugPrintHandler(EXCEPTION_RECORD *record, PVOID frame, CONTEXT *context, PVOID dispatcher)
{
    (void)frame; (void)dispatcher;
    if ((record->ExceptionFlags & EXCEPTION_UNWIND_) || record->ExceptionCode != DBG_PRINTEXCEPTION_C)
        return ExceptionContinueSearch;
    context->Rip = (ULONG64)RtlpDebugPrintCaught;
    return ExceptionContinueExecution;
}

/* The default filter of a component: only error-level messages print (Kd_DEFAULT_Mask = 1). A level
 * up to 31 is a bit number, a larger one a mask. */
NTSYSAPI NTSTATUS NTAPI DbgQueryDebugFilterState(ULONG component, ULONG level)
{
    (void)component;
    ULONG mask = level <= 31 ? 1u << level : level;
    return (mask & (1u << DPFLTR_ERROR_LEVEL)) ? 1 : 0;
}

/* Changing a filter is the kernel debugger's business: a user-mode caller lacks the privilege. */
NTSYSAPI NTSTATUS NTAPI DbgSetDebugFilterState(ULONG component, ULONG level, BOOLEAN state)
{
    (void)component; (void)level; (void)state;
    return (NTSTATUS)0xC0000022;                /* STATUS_ACCESS_DENIED */
}

static NTSTATUS DebugPrint(const char *prefix, ULONG component, ULONG level, const char *format, va_list ap)
{
    if (component != 0xFFFFFFFFu && DbgQueryDebugFilterState(component, level) != 1)
        return STATUS_SUCCESS;
    USHORT *flags = SameTebFlags();
    if (*flags & IN_DEBUG_PRINT)
        return STATUS_SUCCESS;
    *flags |= IN_DEBUG_PRINT;
    char buffer[DEBUG_PRINT_MAX];
    SIZE_T n = 0;
    while (prefix[n] && n < DEBUG_PRINT_MAX - 1) { buffer[n] = prefix[n]; n++; }
    int k = _vsnprintf(buffer + n, DEBUG_PRINT_MAX - 1 - n, format, ap);
    n = k < 0 ? DEBUG_PRINT_MAX - 1 : n + (SIZE_T)k;
    buffer[n] = 0;
    EXCEPTION_RECORD record = {0};
    record.ExceptionCode = DBG_PRINTEXCEPTION_C;
    record.NumberParameters = 2;
    record.ExceptionInformation[0] = n + 1;
    record.ExceptionInformation[1] = (ULONG_PTR)buffer;
    RtlpRaiseDebugPrint(&record);
    *flags &= ~IN_DEBUG_PRINT;
    return STATUS_SUCCESS;
}

NTSYSAPI NTSTATUS NTAPI vDbgPrintExWithPrefix(const char *prefix, ULONG component, ULONG level, const char *format,
                                              va_list ap)
{
    return DebugPrint(prefix ? prefix : "", component, level, format, ap);
}

NTSYSAPI NTSTATUS NTAPI vDbgPrintEx(ULONG component, ULONG level, const char *format, va_list ap)
{
    return DebugPrint("", component, level, format, ap);
}

NTSYSAPI ULONG __cdecl DbgPrintEx(ULONG component, ULONG level, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    NTSTATUS status = DebugPrint("", component, level, format, ap);
    va_end(ap);
    return (ULONG)status;
}

NTSYSAPI ULONG __cdecl DbgPrint(const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    NTSTATUS status = DebugPrint("", 0xFFFFFFFFu, 0, format, ap);
    va_end(ap);
    return (ULONG)status;
}
