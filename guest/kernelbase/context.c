/* Family 3 (threads), CONTEXT records in a caller's buffer: InitializeContext(2) lays out a CONTEXT
 * (16-aligned) and the CONTEXT_EX after it that locates its chunks; CopyContext copies the parts
 * both records hold. The executive saves the legacy x87/SSE state (FXSAVE) and no XSAVE area, so
 * the enabled extended features are the legacy ones (x87 and SSE, in FltSave) and a context asking
 * for CONTEXT_XSTATE is ERROR_NOT_SUPPORTED. */
#include "kernelbase.h"

#define CONTEXT_XSTATE_BIT_ 0x40
#define XSTATE_MASK_LEGACY_ 3

typedef struct { LONG Offset; ULONG Length; } CHUNK;
typedef struct { CHUNK All, Legacy, XState; } CONTEXT_EX_;

#define CONTEXT_NEEDED (sizeof(CONTEXT) + sizeof(CONTEXT_EX_) + 15)

KBAPI BOOL WINAPI InitializeContext2(PVOID buffer, DWORD flags, PCONTEXT *context, PDWORD length, ULONG64 compaction)
{
    (void)compaction;
    if ((flags & CONTEXT_AMD64) != CONTEXT_AMD64 || (flags & ~(CONTEXT_ALL | CONTEXT_XSTATE_BIT_ | 0x20000000 | 0x40000000 | 0x80000000))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (flags & CONTEXT_XSTATE_BIT_) { SetLastError(ERROR_NOT_SUPPORTED); return FALSE; }
    if (buffer == NULL || *length < CONTEXT_NEEDED) {
        *length = CONTEXT_NEEDED;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    CONTEXT *c = (CONTEXT *)(((ULONG_PTR)buffer + 15) & ~(ULONG_PTR)15);
    memset(c, 0, sizeof(*c) + sizeof(CONTEXT_EX_));
    c->ContextFlags = flags;
    CONTEXT_EX_ *ex = (CONTEXT_EX_ *)(c + 1);
    ex->All.Offset = ex->Legacy.Offset = -(LONG)sizeof(CONTEXT);
    ex->All.Length = sizeof(CONTEXT) + sizeof(CONTEXT_EX_);
    ex->Legacy.Length = sizeof(CONTEXT);
    ex->XState.Offset = sizeof(CONTEXT_EX_);
    *context = c;
    return TRUE;
}

KBAPI BOOL WINAPI InitializeContext(PVOID buffer, DWORD flags, PCONTEXT *context, PDWORD length)
{
    return InitializeContext2(buffer, flags, context, length, 0);
}

/* The parts flags names that the source holds. */
KBAPI BOOL WINAPI CopyContext(PCONTEXT dest, DWORD flags, PCONTEXT src)
{
    if ((flags & CONTEXT_XSTATE_BIT_) && CONTEXT_XSTATE_BIT_ & ~CONTEXT_AMD64 & src->ContextFlags) {
        SetLastError(ERROR_NOT_SUPPORTED);
        return FALSE;
    }
    DWORD parts = flags & src->ContextFlags & (CONTEXT_ALL & ~CONTEXT_AMD64);
    if (parts & (CONTEXT_CONTROL & ~CONTEXT_AMD64)) {
        dest->SegCs = src->SegCs; dest->SegSs = src->SegSs; dest->EFlags = src->EFlags;
        dest->Rsp = src->Rsp; dest->Rip = src->Rip;
    }
    if (parts & (CONTEXT_INTEGER & ~CONTEXT_AMD64)) {
        dest->Rax = src->Rax; dest->Rcx = src->Rcx; dest->Rdx = src->Rdx; dest->Rbx = src->Rbx;
        dest->Rbp = src->Rbp; dest->Rsi = src->Rsi; dest->Rdi = src->Rdi;
        dest->R8 = src->R8; dest->R9 = src->R9; dest->R10 = src->R10; dest->R11 = src->R11;
        dest->R12 = src->R12; dest->R13 = src->R13; dest->R14 = src->R14; dest->R15 = src->R15;
    }
    if (parts & (CONTEXT_SEGMENTS & ~CONTEXT_AMD64)) {
        dest->SegDs = src->SegDs; dest->SegEs = src->SegEs; dest->SegFs = src->SegFs; dest->SegGs = src->SegGs;
    }
    if (parts & (CONTEXT_FLOATING_POINT & ~CONTEXT_AMD64)) {
        dest->FltSave = src->FltSave;
        dest->MxCsr = src->MxCsr;
    }
    if (parts & (CONTEXT_DEBUG_REGISTERS & ~CONTEXT_AMD64)) {
        dest->Dr0 = src->Dr0; dest->Dr1 = src->Dr1; dest->Dr2 = src->Dr2; dest->Dr3 = src->Dr3;
        dest->Dr6 = src->Dr6; dest->Dr7 = src->Dr7;
    }
    dest->ContextFlags |= CONTEXT_AMD64 | parts;
    return TRUE;
}

KBAPI DWORD64 WINAPI GetEnabledXStateFeatures(void)
{
    return XSTATE_MASK_LEGACY_;
}

/* The x87 state (feature 0) and the SSE registers (feature 1) lie in FltSave. */
KBAPI PVOID WINAPI LocateXStateFeature(PCONTEXT context, DWORD feature, PDWORD length)
{
    if (!(context->ContextFlags & CONTEXT_FLOATING_POINT & ~CONTEXT_AMD64) || feature > 1) return NULL;
    if (length) *length = feature == 0 ? offsetof(XSAVE_FORMAT, XmmRegisters) : sizeof(context->FltSave.XmmRegisters);
    return feature == 0 ? (PVOID)&context->FltSave : (PVOID)context->FltSave.XmmRegisters;
}

KBAPI BOOL WINAPI GetXStateFeaturesMask(PCONTEXT context, PDWORD64 mask)
{
    *mask = context->ContextFlags & CONTEXT_FLOATING_POINT & ~CONTEXT_AMD64 ? XSTATE_MASK_LEGACY_ : 0;
    return TRUE;
}

/* Only an XSTATE context has a mask to set, and none can be made here. */
KBAPI BOOL WINAPI SetXStateFeaturesMask(PCONTEXT context, DWORD64 mask)
{
    (void)mask;
    if (!(context->ContextFlags & CONTEXT_XSTATE_BIT_ & ~CONTEXT_AMD64)) { SetLastError(ERROR_INVALID_PARAMETER); return FALSE; }
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}
