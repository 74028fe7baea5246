/* RtlCaptureContext2's extended state (context2.S captures the registers): the XSTATE area a
 * CONTEXT_EX describes gets the XSAVE header and the enabled features beyond x87 and SSE (which
 * the CONTEXT's own FltSave holds), those KUSER_SHARED_DATA's XState.EnabledFeatures lists. */
#include "except.h"

#define CONTEXT_XSTATE (CONTEXT_AMD64 | 0x40)
#define XSTATE_LEGACY_MASK 3ull                 /* x87 and SSE: in the CONTEXT itself */
#define XSAVE_LEGACY_SIZE 512
#define XSAVE_HEADER_SIZE 64
#define KUSER_XSTATE_ENABLED_FEATURES 0x7FFE03D8ull

typedef struct { LONG Offset; ULONG Length; } CONTEXT_CHUNK;
typedef struct { CONTEXT_CHUNK All, Legacy, XState; } CONTEXT_EX;
typedef struct { ULONG64 Mask, CompactionMask, Reserved[6]; } XSAVE_AREA_HEADER;

void RtlpCaptureXState(CONTEXT *context, ULONG requested)
{
    if ((requested & CONTEXT_XSTATE) != CONTEXT_XSTATE)
        return;
    /* The CONTEXT_EX must describe an XSTATE area inside the record it spans. */
    CONTEXT_EX *ex = (CONTEXT_EX *)(context + 1);
    if (ex->XState.Length < XSAVE_HEADER_SIZE || ex->XState.Offset < (LONG)sizeof(CONTEXT_EX)
        || ex->All.Offset > 0 || ex->XState.Offset + (LONG64)ex->XState.Length > ex->All.Offset + (LONG64)ex->All.Length)
        return;
    UCHAR *area = (UCHAR *)ex + ex->XState.Offset;
    ULONG64 features = *(volatile ULONG64 *)KUSER_XSTATE_ENABLED_FEATURES & ~XSTATE_LEGACY_MASK;
    ULONG size = XSAVE_LEGACY_SIZE + ex->XState.Length;
    if (features != 0 && size <= 4096) {
        /* XSAVE wants the legacy region before the header: save into a whole image, keep the rest. */
        UCHAR image[4096] __attribute__((aligned(64)));
        __builtin_memset(image + XSAVE_LEGACY_SIZE, 0, XSAVE_HEADER_SIZE);
        __asm__ volatile("xsave64 %0" : "+m"(*(UCHAR(*)[4096])image) : "a"((ULONG)features), "d"((ULONG)(features >> 32)));
        __builtin_memcpy(area, image + XSAVE_LEGACY_SIZE, ex->XState.Length);
    } else {
        XSAVE_AREA_HEADER *header = (XSAVE_AREA_HEADER *)area;   /* nothing enabled beyond the CONTEXT's */
        header->Mask = 0;
        header->CompactionMask = 0;
    }
    context->ContextFlags |= CONTEXT_XSTATE;
}
