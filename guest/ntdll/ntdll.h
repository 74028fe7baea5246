/* The slice of the NT native API that the guest ntdll itself uses.
 * Structure offsets are those of Windows 10 22H2 x64 (kernel/layouts/win10_19045.py);
 * the _Static_asserts in layout_check.h, generated from those layouts at build time by
 * tools/build_guest.py, keep them in step. */
#pragma once
typedef unsigned char UCHAR, BOOLEAN;
typedef unsigned short USHORT, WCHAR;
typedef unsigned int ULONG;
typedef int LONG, NTSTATUS;
typedef unsigned long long ULONG64, SIZE_T, ULONG_PTR;
typedef long long LONG64;
typedef void *PVOID, *HANDLE;
#define NULL ((void *)0)
#define NTAPI __stdcall
#define NTSYSAPI __declspec(dllexport)     /* an export of ntdll.dll */
#define NtCurrentProcess() ((HANDLE)(LONG64)-1)
#define NtCurrentThread() ((HANDLE)(LONG64)-2)

typedef struct _LIST_ENTRY { struct _LIST_ENTRY *Flink, *Blink; } LIST_ENTRY;
typedef struct _UNICODE_STRING { USHORT Length, MaximumLength; WCHAR *Buffer; } UNICODE_STRING;
typedef struct _CLIENT_ID { HANDLE UniqueProcess, UniqueThread; } CLIENT_ID;

typedef struct _PEB_LDR_DATA {
    ULONG Length; BOOLEAN Initialized; PVOID SsHandle;
    LIST_ENTRY InLoadOrderModuleList, InMemoryOrderModuleList, InInitializationOrderModuleList;
} PEB_LDR_DATA;

typedef struct _LDR_DATA_TABLE_ENTRY {
    LIST_ENTRY InLoadOrderLinks, InMemoryOrderLinks, InInitializationOrderLinks;
    PVOID DllBase, EntryPoint; ULONG SizeOfImage;
    UNICODE_STRING FullDllName, BaseDllName;
    ULONG Flags; USHORT ObsoleteLoadCount, TlsIndex;
} LDR_DATA_TABLE_ENTRY;

typedef struct _PEB {
    BOOLEAN InheritedAddressSpace, ReadImageFileExecOptions, BeingDebugged, BitField;
    PVOID Mutant;                   /* 0x08 */
    PVOID ImageBaseAddress;         /* 0x10 */
    PEB_LDR_DATA *Ldr;              /* 0x18 */
    PVOID ProcessParameters;        /* 0x20 */
    PVOID SubSystemData;            /* 0x28 */
    PVOID ProcessHeap;              /* 0x30 */
    UCHAR Reserved1[0xBC - 0x38];
    ULONG NtGlobalFlag;             /* 0xBC */
    LONG64 CriticalSectionTimeout;  /* 0xC0 */
    SIZE_T HeapSegmentReserve;      /* 0xC8 */
    SIZE_T HeapSegmentCommit;       /* 0xD0 */
    SIZE_T HeapDeCommitTotalFreeThreshold, HeapDeCommitFreeBlockThreshold;
    ULONG NumberOfHeaps;            /* 0xE8 */
    ULONG MaximumNumberOfHeaps;     /* 0xEC */
    PVOID *ProcessHeaps;            /* 0xF0 */
} PEB;

typedef struct _TEB {
    PVOID ExceptionList, StackBase, StackLimit, SubSystemTib, FiberData, ArbitraryUserPointer;
    struct _TEB *Self;              /* 0x30 */
    PVOID EnvironmentPointer;       /* 0x38 */
    CLIENT_ID ClientId;             /* 0x40 */
    PVOID ActiveRpcHandle;          /* 0x50 */
    PVOID *ThreadLocalStoragePointer; /* 0x58 */
    PEB *ProcessEnvironmentBlock;   /* 0x60 */
    ULONG LastErrorValue;           /* 0x68 */
} TEB;

static inline TEB *NtCurrentTeb(void) {
    TEB *teb;
    __asm__ volatile ("mov %%gs:0x30, %0" : "=r"(teb));
    return teb;
}

#include "except.h"                /* CONTEXT, EXCEPTION_RECORD and the unwinder's structures */

NTSTATUS NTAPI NtContinue(CONTEXT *Context, BOOLEAN TestAlert);
NTSTATUS NTAPI NtTerminateProcess(HANDLE Process, NTSTATUS ExitStatus);
NTSTATUS NTAPI NtTerminateThread(HANDLE Thread, NTSTATUS ExitStatus);
NTSTATUS NTAPI NtQueryInformationThread(HANDLE Thread, ULONG InfoClass, PVOID Info, ULONG Length, ULONG *Ret);
NTSTATUS NTAPI NtAllocateVirtualMemory(HANDLE Process, PVOID *Base, ULONG_PTR ZeroBits, SIZE_T *Size,
                                       ULONG Type, ULONG Protect);
NTSTATUS NTAPI NtFreeVirtualMemory(HANDLE Process, PVOID *Base, SIZE_T *Size, ULONG Type);
NTSTATUS NTAPI NtRaiseHardError(NTSTATUS Status, ULONG Count, ULONG Mask, PVOID Params, ULONG Options,
                                ULONG *Response);

#define ThreadAmILastThread 12
#define DLL_PROCESS_DETACH 0
#define DLL_PROCESS_ATTACH 1
#define DLL_THREAD_ATTACH 2
#define DLL_THREAD_DETACH 3
#define STATUS_DLL_INIT_FAILED ((NTSTATUS)0xC0000142)

/* string.c */
void *memcpy(void *dst, const void *src, SIZE_T n);
void *memset(void *dst, int c, SIZE_T n);

/* heap.c */
#define HEAP_NO_SERIALIZE 0x00000001
#define HEAP_GROWABLE 0x00000002
#define HEAP_ZERO_MEMORY 0x00000008
#define HEAP_REALLOC_IN_PLACE_ONLY 0x00000010
PVOID NTAPI RtlCreateHeap(ULONG Flags, PVOID Base, SIZE_T Reserve, SIZE_T Commit, PVOID Lock, PVOID Parameters);
void RtlpInitializeHeapManager(PEB *peb);
