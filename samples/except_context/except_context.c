/* RtlCaptureContext2: the caller's registers (markers in the nonvolatile ones, capture.S), Rip
 * the return address, Rsp after the return, ContextFlags; for a record laid out as
 * InitializeContext2 lays one out for CONTEXT_ALL | CONTEXT_XSTATE (a CONTEXT_EX after the
 * CONTEXT, a 64-byte aligned XSTATE area), the XSAVE header's mask is the enabled features
 * beyond x87 and SSE (KUSER_SHARED_DATA.XState.EnabledFeatures) and CONTEXT_XSTATE is set;
 * without CONTEXT_XSTATE the area is left alone. */
#include "../nt.h"

void CaptureWithMarkers(void *context);
extern char CaptureReturn[];
extern unsigned long long CapturedRsp;

#define CONTEXT_ALL 0x10001F
#define CONTEXT_XSTATE 0x100040
typedef struct { int Offset; unsigned int Length; } CONTEXT_CHUNK;
typedef struct { CONTEXT_CHUNK All, Legacy, XState; } CONTEXT_EX;

static unsigned char record[0x4D0 + 0x20 + 0x40 + 0x400] __attribute__((aligned(64)));

#define U64(off) (*(unsigned long long *)(record + (off)))
#define U32(off) (*(unsigned int *)(record + (off)))

static void Check(const char *what, unsigned long long got, unsigned long long want)
{
    Print(what);
    Print(got == want ? ": ok\n" : ": WRONG\n");
    if (got != want) {
        PrintHex("  got ", got);
        PrintHex("  want ", want);
    }
}

/* CONTEXT at 0, CONTEXT_EX at 0x4D0, the XSTATE area at 0x500 (64-byte aligned), 0x400 bytes. */
static unsigned char *Layout(unsigned int flags)
{
    for (unsigned int i = 0; i < sizeof record; i++)
        record[i] = 0xAA;
    U32(0x30) = flags;
    CONTEXT_EX *ex = (CONTEXT_EX *)(record + 0x4D0);
    ex->All.Offset = -0x4D0;
    ex->All.Length = 0x500 + 0x400;
    ex->Legacy.Offset = -0x4D0;
    ex->Legacy.Length = 0x4D0;
    ex->XState.Offset = 0x500 - 0x4D0;
    ex->XState.Length = 0x400;
    return record + 0x500;
}

int Entry(void)
{
    unsigned long long enabled = *(volatile unsigned long long *)0x7FFE03D8ull;     /* XState.EnabledFeatures */
    unsigned char *area = Layout(CONTEXT_ALL | CONTEXT_XSTATE);
    CaptureWithMarkers(record);
    Print("-- CONTEXT_ALL | CONTEXT_XSTATE\n");
    Check("Rbx", U64(0x90), 0x1111111111111111ull);
    Check("Rbp", U64(0xA0), 0x2222222222222222ull);
    Check("Rsi", U64(0xA8), 0x3333333333333333ull);
    Check("Rdi", U64(0xB0), 0x4444444444444444ull);
    Check("R12", U64(0xD8), 0x5555555555555555ull);
    Check("R13", U64(0xE0), 0x6666666666666666ull);
    Check("R14", U64(0xE8), 0x7777777777777777ull);
    Check("R15", U64(0xF0), 0x0123456789ABCDEFull);
    Check("Rcx is the record", U64(0x80), (unsigned long long)record);
    Check("Rip is the return address", U64(0xF8), (unsigned long long)CaptureReturn);
    Check("Rsp is the caller's after the return", U64(0x98), CapturedRsp);
    Check("ContextFlags", U32(0x30), 0x10000F | CONTEXT_XSTATE);
    Check("XSAVE header mask: the enabled features beyond x87 and SSE", *(unsigned long long *)area, enabled & ~3ull);
    Check("the CONTEXT_EX is kept", (unsigned int)((CONTEXT_EX *)(record + 0x4D0))->XState.Offset, 0x30);

    area = Layout(CONTEXT_ALL);
    CaptureWithMarkers(record);
    Print("-- CONTEXT_ALL\n");
    Check("ContextFlags", U32(0x30), 0x10000F);
    Check("the XSTATE area is left alone", *(unsigned long long *)area, 0xAAAAAAAAAAAAAAAAull);
    Check("R15", U64(0xF0), 0x0123456789ABCDEFull);
    return 0;
}
