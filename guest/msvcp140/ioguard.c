/* IoGuardHandler: the language handler of IoGuardCall's frame (ioguard.h, ioguard.S). A C++
 * exception (0xE06D7363) reaching it is the catch (...) of the stream member: rethrown (left to
 * go on) when g->caught says the exception mask selects badbit, else caught by an unwind to
 * IoGuardCaught through STATUS_UNWIND_CONSOLIDATE, whose callback ends the catch as vcruntime's
 * does: std::uncaught_exceptions() drops by one and the exception object is destroyed. */
#define NTAPI __stdcall
#define NULL ((void *)0)
#include "../ntdll/except.h"
#include "ioguard.h"

#define EH_EXCEPTION_NUMBER 0xE06D7363u
typedef struct { ULONG attributes; int pmfnUnwind; int pForwardCompat; int pCatchableTypeArray; } ThrowInfo;
__declspec(dllimport) int *__processing_throw(void);
__declspec(dllimport) void NTAPI RtlUnwindEx(PVOID, PVOID, EXCEPTION_RECORD *, PVOID, CONTEXT *, UNWIND_HISTORY_TABLE *);
void IoGuardCaught(void);

static PVOID IoGuardEndCatch(EXCEPTION_RECORD *cons)
{
    EXCEPTION_RECORD *thrown = (EXCEPTION_RECORD *)cons->ExceptionInformation[1];
    int *in_flight = __processing_throw();
    if (*in_flight > 0)
        --*in_flight;
    const ThrowInfo *ti = (const ThrowInfo *)thrown->ExceptionInformation[2];
    void *object = (void *)thrown->ExceptionInformation[1];
    if (ti != NULL && ti->pmfnUnwind != 0 && object != NULL)
        ((void (*)(void *))(thrown->ExceptionInformation[3] + (ULONG)ti->pmfnUnwind))(object);
    return (PVOID)IoGuardCaught;
}

EXCEPTION_DISPOSITION IoGuardHandler(EXCEPTION_RECORD *rec, PVOID frame, CONTEXT *context, DISPATCHER_CONTEXT *dc)
{
    (void)context;
    io_guard *g = *(io_guard **)((char *)frame + 0x28);
    if (rec->ExceptionFlags & EXCEPTION_UNWIND) {
        if (!(rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND) && g->unwound != NULL)
            g->unwound(g);                              /* rethrown: the member's end on the way out */
        return ExceptionContinueSearch;
    }
    if ((ULONG)rec->ExceptionCode != EH_EXCEPTION_NUMBER || rec->NumberParameters < 3)
        return ExceptionContinueSearch;                 /* catch (...) takes C++ exceptions only (/EHsc) */
    if (g->caught(g))
        return ExceptionContinueSearch;                 /* badbit in the mask: throw; */
    EXCEPTION_RECORD cons = {STATUS_UNWIND_CONSOLIDATE, EXCEPTION_NONCONTINUABLE, NULL, NULL, 2, {0}};
    cons.ExceptionInformation[0] = (ULONG_PTR)IoGuardEndCatch;
    cons.ExceptionInformation[1] = (ULONG_PTR)rec;
    RtlUnwindEx(frame, NULL, &cons, NULL, dc->ContextRecord, dc->HistoryTable);
    return ExceptionContinueSearch;                     /* not reached */
}
