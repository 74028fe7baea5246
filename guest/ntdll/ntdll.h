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
typedef struct _STRING { USHORT Length, MaximumLength; char *Buffer; } ANSI_STRING, STRING;
typedef struct _OBJECT_ATTRIBUTES {
    ULONG Length; HANDLE RootDirectory; UNICODE_STRING *ObjectName; ULONG Attributes;
    PVOID SecurityDescriptor, SecurityQualityOfService;
} OBJECT_ATTRIBUTES;
typedef struct _IO_STATUS_BLOCK { union { NTSTATUS Status; PVOID Pointer; }; ULONG_PTR Information; } IO_STATUS_BLOCK;
typedef struct _RTL_CRITICAL_SECTION {
    PVOID DebugInfo; LONG LockCount, RecursionCount; HANDLE OwningThread, LockSemaphore; ULONG_PTR SpinCount;
} RTL_CRITICAL_SECTION;
#define OBJ_CASE_INSENSITIVE 0x40
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
    LIST_ENTRY HashLinks;           /* 0x70 */
    ULONG TimeDateStamp;            /* 0x80 */
    PVOID EntryPointActivationContext, Lock, DdagNode;
    LIST_ENTRY NodeModuleLink;      /* 0xA0 */
    PVOID LoadContext, ParentDllBase, SwitchBackContext;
    UCHAR BaseAddressIndexNode[0x18], MappingInfoIndexNode[0x18];
    ULONG_PTR OriginalBase;         /* 0xF8 */
    LONG64 LoadTime;                /* 0x100 */
    ULONG BaseNameHashValue;        /* 0x108 */
    ULONG LoadReason;               /* 0x10C */
    ULONG ImplicitPathOptions, ReferenceCount, DependentLoadFlags;
    UCHAR SigningLevel;
} LDR_DATA_TABLE_ENTRY;

/* LDR_DATA_TABLE_ENTRY.Flags */
#define LDRP_PACKAGED_BINARY 0x1
#define LDRP_IMAGE_DLL 0x4
#define LDRP_LOAD_NOTIFICATIONS_SENT 0x8
#define LDRP_PROCESS_STATIC_IMPORT 0x20
#define LDRP_IN_LEGACY_LISTS 0x40
#define LDRP_IN_INDEXES 0x80
#define LDRP_IN_EXCEPTION_TABLE 0x200
#define LDRP_LOAD_IN_PROGRESS 0x1000
#define LDRP_ENTRY_PROCESSED 0x4000
#define LDRP_DONT_CALL_FOR_THREADS 0x40000
#define LDRP_PROCESS_ATTACH_CALLED 0x80000
#define LDRP_PROCESS_ATTACH_FAILED 0x100000
/* LDR_DLL_LOAD_REASON */
#define LoadReasonStaticDependency 0
#define LoadReasonStaticForwarderDependency 1
#define LoadReasonDynamicForwarderDependency 2
#define LoadReasonDelayloadDependency 3
#define LoadReasonDynamicLoad 4
#define LoadReasonAsImageLoad 5

typedef struct _CURDIR { UNICODE_STRING DosPath; HANDLE Handle; } CURDIR;
typedef struct _RTL_USER_PROCESS_PARAMETERS {
    ULONG MaximumLength, Length, Flags, DebugFlags;
    HANDLE ConsoleHandle; ULONG ConsoleFlags;
    HANDLE StandardInput, StandardOutput, StandardError;   /* 0x20 */
    CURDIR CurrentDirectory;        /* 0x38 */
    UNICODE_STRING DllPath;         /* 0x50 */
    UNICODE_STRING ImagePathName;   /* 0x60 */
    UNICODE_STRING CommandLine;     /* 0x70 */
    WCHAR *Environment;             /* 0x80 */
} RTL_USER_PROCESS_PARAMETERS;

typedef struct _PEB {
    BOOLEAN InheritedAddressSpace, ReadImageFileExecOptions, BeingDebugged, BitField;
    PVOID Mutant;                   /* 0x08 */
    PVOID ImageBaseAddress;         /* 0x10 */
    PEB_LDR_DATA *Ldr;              /* 0x18 */
    RTL_USER_PROCESS_PARAMETERS *ProcessParameters; /* 0x20 */
    PVOID SubSystemData;            /* 0x28 */
    PVOID ProcessHeap;              /* 0x30 */
    RTL_CRITICAL_SECTION *FastPebLock; /* 0x38 */
    UCHAR Reserved1[0x68 - 0x40];
    PVOID ApiSetMap;                /* 0x68 */
    UCHAR Reserved2[0xB8 - 0x70];
    ULONG NumberOfProcessors;       /* 0xB8 */
    ULONG NtGlobalFlag;             /* 0xBC */
    LONG64 CriticalSectionTimeout;  /* 0xC0 */
    SIZE_T HeapSegmentReserve;      /* 0xC8 */
    SIZE_T HeapSegmentCommit;       /* 0xD0 */
    SIZE_T HeapDeCommitTotalFreeThreshold, HeapDeCommitFreeBlockThreshold;
    ULONG NumberOfHeaps;            /* 0xE8 */
    ULONG MaximumNumberOfHeaps;     /* 0xEC */
    PVOID *ProcessHeaps;            /* 0xF0 */
    PVOID GdiSharedHandleTable, ProcessStarterHelper;
    ULONG GdiDCAttributeList;
    RTL_CRITICAL_SECTION *LoaderLock; /* 0x110 */
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

/* x64 CONTEXT: only what LdrInitializeThunk hands on. */
typedef struct _CONTEXT { UCHAR Opaque[0x4D0]; } __attribute__((aligned(16))) CONTEXT;

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
