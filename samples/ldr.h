/* The loader's exported routines, for the loader samples (guest ntdll's Ldr* interface). */
#pragma once
#include "nt.h"

typedef struct { USHORT Length, MaximumLength; const unsigned short *Buffer; } LdrString;
typedef struct { USHORT Length, MaximumLength; const char *Buffer; } LdrAnsi;
#define LDR_STRING(s) {sizeof(s) - 2, sizeof(s), s}
#define LDR_ANSI(s) {sizeof(s) - 1, sizeof(s), s}
#define DLLEXPORT __declspec(dllexport)

NTSTATUS NTAPI LdrLoadDll(const unsigned short *path, ULONG *flags, const LdrString *name, PVOID *base);
NTSTATUS NTAPI LdrUnloadDll(PVOID base);
NTSTATUS NTAPI LdrGetDllHandle(const unsigned short *path, ULONG *flags, const LdrString *name, PVOID *base);
NTSTATUS NTAPI LdrGetProcedureAddress(PVOID base, const LdrAnsi *name, ULONG ordinal, PVOID *address);
NTSTATUS NTAPI LdrAddRefDll(ULONG flags, PVOID base);
__attribute__((noreturn)) void NTAPI RtlExitUserProcess(NTSTATUS status);

/* A DLL entry point that says who it is and why it was called. */
static inline void ReportAttach(const char *who, ULONG reason, PVOID reserved)
{
    static const char *const reasons[] = {"process detach", "process attach", "thread attach", "thread detach"};
    Print(who);
    Print(": ");
    Print(reason < 4 ? reasons[reason] : "?");
    Print(reason == 1 || reason == 0 ? (reserved ? " (static)\n" : " (dynamic)\n") : "\n");
}
