/*
 * The user-mode half of process and thread start (stage 7), as ntdll does it.
 *
 * The executive maps the image and its DLLs, binds imports and builds PEB->Ldr, then starts
 * every thread at LdrInitializeThunk with the thread's real start context. The first thread
 * initialises the process: image global flags, TLS, DLL entry points, the image's TLS
 * callbacks. Every thread then resumes its context through NtContinue, which lands in
 * RtlUserThreadStart(StartAddress, Parameter).
 */
#include "ntdll.h"
#include "pe.h"

#define CONTAINING_RECORD(address, type, field) ((type *)((UCHAR *)(address) - __builtin_offsetof(type, field)))

static BOOLEAN LdrpProcessInitialized;
static ULONG LdrpNumberOfTlsEntries;
static LDR_DATA_TABLE_ENTRY *LdrpImageEntry;

/* A page-granular allocator for loader data until a heap exists. */
static UCHAR *LdrpPoolNext, *LdrpPoolEnd;

static PVOID LdrpAllocate(SIZE_T size)
{
    size = (size + 15) & ~(SIZE_T)15;
    if (LdrpPoolNext == NULL || LdrpPoolNext + size > LdrpPoolEnd) {
        PVOID base = NULL;
        SIZE_T region = size > 0x10000 ? (size + 0xFFFF) & ~(SIZE_T)0xFFFF : 0x10000;
        if (NtAllocateVirtualMemory(NtCurrentProcess(), &base, 0, &region, 0x3000, 0x04) < 0)
            return NULL;
        LdrpPoolNext = base;
        LdrpPoolEnd = (UCHAR *)base + region;
    }
    PVOID p = LdrpPoolNext;
    LdrpPoolNext += size;
    return p;
}

static void LdrpCallTlsCallbacks(LDR_DATA_TABLE_ENTRY *entry, ULONG reason)
{
    IMAGE_TLS_DIRECTORY64 *tls = RtlImageDirectoryEntryToData(entry->DllBase, IMAGE_DIRECTORY_ENTRY_TLS, NULL);
    if (tls == NULL || tls->AddressOfCallBacks == 0)
        return;
    for (PIMAGE_TLS_CALLBACK *cb = (PIMAGE_TLS_CALLBACK *)tls->AddressOfCallBacks; *cb; cb++)
        (*cb)(entry->DllBase, reason, NULL);
}

/* LdrpInitializeTls: give each module with a TLS directory its index. */
static void LdrpInitializeTls(PEB_LDR_DATA *ldr)
{
    for (LIST_ENTRY *le = ldr->InLoadOrderModuleList.Flink; le != &ldr->InLoadOrderModuleList; le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *entry = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InLoadOrderLinks);
        IMAGE_TLS_DIRECTORY64 *tls = RtlImageDirectoryEntryToData(entry->DllBase, IMAGE_DIRECTORY_ENTRY_TLS, NULL);
        if (tls == NULL)
            continue;
        entry->TlsIndex = (USHORT)LdrpNumberOfTlsEntries;
        if (tls->AddressOfIndex)
            *(ULONG *)tls->AddressOfIndex = LdrpNumberOfTlsEntries;
        LdrpNumberOfTlsEntries++;
    }
}

/* LdrpAllocateTls: this thread's copy of every module's TLS template. */
static void LdrpAllocateTls(PEB_LDR_DATA *ldr, TEB *teb)
{
    if (LdrpNumberOfTlsEntries == 0)
        return;
    PVOID *vector = LdrpAllocate(LdrpNumberOfTlsEntries * sizeof(PVOID));
    if (vector == NULL)
        return;
    for (LIST_ENTRY *le = ldr->InLoadOrderModuleList.Flink; le != &ldr->InLoadOrderModuleList; le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *entry = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InLoadOrderLinks);
        IMAGE_TLS_DIRECTORY64 *tls = RtlImageDirectoryEntryToData(entry->DllBase, IMAGE_DIRECTORY_ENTRY_TLS, NULL);
        if (tls == NULL)
            continue;
        SIZE_T raw = tls->EndAddressOfRawData - tls->StartAddressOfRawData;
        UCHAR *block = LdrpAllocate(raw + tls->SizeOfZeroFill);
        if (block == NULL)
            continue;
        __builtin_memcpy(block, (PVOID)tls->StartAddressOfRawData, raw);
        __builtin_memset(block + raw, 0, tls->SizeOfZeroFill);
        vector[entry->TlsIndex] = block;
    }
    teb->ThreadLocalStoragePointer = vector;
}

/* LdrpRunInitializeRoutines: DLL entry points in initialisation order (ntdll has none). */
static NTSTATUS LdrpRunInitializeRoutines(PEB_LDR_DATA *ldr, ULONG reason, CONTEXT *context)
{
    for (LIST_ENTRY *le = ldr->InInitializationOrderModuleList.Flink; le != &ldr->InInitializationOrderModuleList;
         le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *entry = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InInitializationOrderLinks);
        if (entry == LdrpImageEntry || entry->EntryPoint == NULL)
            continue;
        LdrpCallTlsCallbacks(entry, reason);
        PDLL_INIT_ROUTINE init = (PDLL_INIT_ROUTINE)entry->EntryPoint;
        if (!init(entry->DllBase, reason, context) && reason == DLL_PROCESS_ATTACH)
            return STATUS_DLL_INIT_FAILED;
    }
    return 0;
}

static void LdrpInitializeProcess(PEB *peb, CONTEXT *context)
{
    PEB_LDR_DATA *ldr = peb->Ldr;
    RtlpInitializeHeapManager(peb);
    LdrpImageEntry = CONTAINING_RECORD(ldr->InLoadOrderModuleList.Flink, LDR_DATA_TABLE_ENTRY, InLoadOrderLinks);

    /* The image's load configuration may set or clear NtGlobalFlag bits. */
    ULONG size = 0;
    IMAGE_LOAD_CONFIG_PREFIX *lc = RtlImageDirectoryEntryToData(peb->ImageBaseAddress,
                                                                 IMAGE_DIRECTORY_ENTRY_LOAD_CONFIG, &size);
    if (lc != NULL && size >= sizeof(*lc)) {
        peb->NtGlobalFlag &= ~lc->GlobalFlagsClear;
        peb->NtGlobalFlag |= lc->GlobalFlagsSet;
    }

    LdrpInitializeTls(ldr);
    LdrpAllocateTls(ldr, NtCurrentTeb());
    NTSTATUS status = LdrpRunInitializeRoutines(ldr, DLL_PROCESS_ATTACH, context);
    if (status < 0)
        NtTerminateProcess(NtCurrentProcess(), status);
    LdrpCallTlsCallbacks(LdrpImageEntry, DLL_PROCESS_ATTACH);
    ldr->Initialized = 1;
    LdrpProcessInitialized = 1;
}

NTSYSAPI void NTAPI LdrInitializeThunk(CONTEXT *context, PVOID ntdll_base)
{
    PEB *peb = NtCurrentTeb()->ProcessEnvironmentBlock;
    (void)ntdll_base;
    if (!LdrpProcessInitialized) {
        LdrpInitializeProcess(peb, context);
    } else {
        LdrpAllocateTls(peb->Ldr, NtCurrentTeb());
        LdrpRunInitializeRoutines(peb->Ldr, DLL_THREAD_ATTACH, NULL);
        LdrpCallTlsCallbacks(LdrpImageEntry, DLL_THREAD_ATTACH);
    }
    NtContinue(context, 1);
}

static void LdrShutdown(ULONG reason)
{
    PEB_LDR_DATA *ldr = NtCurrentTeb()->ProcessEnvironmentBlock->Ldr;
    if (LdrpImageEntry)
        LdrpCallTlsCallbacks(LdrpImageEntry, reason);
    /* Reverse initialisation order. */
    for (LIST_ENTRY *le = ldr->InInitializationOrderModuleList.Blink; le != &ldr->InInitializationOrderModuleList;
         le = le->Blink) {
        LDR_DATA_TABLE_ENTRY *entry = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InInitializationOrderLinks);
        if (entry == LdrpImageEntry || entry->EntryPoint == NULL)
            continue;
        LdrpCallTlsCallbacks(entry, reason);
        ((PDLL_INIT_ROUTINE)entry->EntryPoint)(entry->DllBase, reason, NULL);
    }
}

NTSYSAPI __attribute__((noreturn)) void NTAPI RtlExitUserProcess(NTSTATUS status)
{
    NtTerminateProcess(NULL, status);           /* every other thread first */
    if (LdrpProcessInitialized)
        LdrShutdown(DLL_PROCESS_DETACH);
    for (;;)
        NtTerminateProcess(NtCurrentProcess(), status);
}

NTSYSAPI __attribute__((noreturn)) void NTAPI RtlExitUserThread(NTSTATUS status)
{
    ULONG last = 0;
    NtQueryInformationThread(NtCurrentThread(), ThreadAmILastThread, &last, sizeof(last), NULL);
    if (last)
        RtlExitUserProcess(status);
    if (LdrpProcessInitialized)
        LdrShutdown(DLL_THREAD_DETACH);
    for (;;)
        NtTerminateThread(NtCurrentThread(), status);
}

/* Where every thread's user-mode life begins and ends. */
NTSYSAPI __attribute__((noreturn)) void NTAPI RtlUserThreadStart(ULONG (NTAPI *start)(PVOID), PVOID parameter)
{
    RtlExitUserThread((NTSTATUS)start(parameter));
}

NTSYSAPI ULONG NTAPI RtlGetNtGlobalFlags(void)
{
    return NtCurrentTeb()->ProcessEnvironmentBlock->NtGlobalFlag;
}

NTSYSAPI PEB *NTAPI RtlGetCurrentPeb(void)
{
    return NtCurrentTeb()->ProcessEnvironmentBlock;
}

/* ntdll's entry point: the loader never calls it for ntdll itself. */
BOOLEAN NTAPI LdrpNtdllEntry(PVOID base, ULONG reason, PVOID context)
{
    (void)base; (void)reason; (void)context;
    return 1;
}
