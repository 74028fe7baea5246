/*
 * The user-mode half of process and thread start (stage 7) and of their end, as ntdll does it.
 *
 * The executive maps only the image and ntdll, then starts every thread at LdrInitializeThunk
 * with the thread's start context. The first thread initialises the process
 * (LdrpInitializeProcess): the heap, the loader's lists with the image and ntdll, every other
 * DLL mapped and snapped through the system services, TLS, DLL_PROCESS_ATTACH in initialisation
 * order, the image's TLS callbacks; every later thread runs the DLL_THREAD_ATTACH callouts. Each
 * then resumes its context through NtContinue, into RtlUserThreadStart(StartAddress, Parameter).
 */
#include "ldrp.h"

PEB_LDR_DATA PebLdr;
RTL_CRITICAL_SECTION LdrpLoaderLock;
LDR_DATA_TABLE_ENTRY *LdrpImageEntry, *LdrpNtdllDataEntry;
BOOLEAN LdrpInLdrInit, LdrpShutdownInProgress;
static BOOLEAN LdrpProcessInitialized;
static const WCHAR NtdllPath[] = L"C:\\Windows\\System32\\ntdll.dll";

/* LdrpCallInitRoutine: a module's TLS callbacks, then its entry point. */
void LdrpCallInitRoutine(LDR_DATA_TABLE_ENTRY *entry, ULONG reason, PVOID context, BOOLEAN *result)
{
    LdrpCallTlsCallbacks(entry, reason);
    BOOLEAN ok = ((PDLL_INIT_ROUTINE)entry->EntryPoint)(entry->DllBase, reason, context);
    if (result)
        *result = ok;
}

/* LdrpRunInitializeRoutines: DLL_PROCESS_ATTACH for every module not yet initialised, in
 * initialisation order (the loader lock is held). */
NTSTATUS LdrpRunInitializeRoutines(PVOID context)
{
    LIST_ENTRY *head = &PebLdr.InInitializationOrderModuleList;
    for (LIST_ENTRY *le = head->Flink; le != head; le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *entry = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InInitializationOrderLinks);
        if (entry->Flags & LDRP_ENTRY_PROCESSED)
            continue;
        entry->Flags |= LDRP_ENTRY_PROCESSED;
        if (entry == LdrpImageEntry || entry == LdrpNtdllDataEntry || entry->EntryPoint == NULL ||
            !(entry->Flags & LDRP_IMAGE_DLL))
            continue;
        BOOLEAN ok = 1;
        LdrpCallInitRoutine(entry, DLL_PROCESS_ATTACH, context, &ok);
        entry->Flags |= LDRP_PROCESS_ATTACH_CALLED;
        if (!ok) {
            entry->Flags |= LDRP_PROCESS_ATTACH_FAILED;
            return STATUS_DLL_INIT_FAILED;
        }
    }
    return STATUS_SUCCESS;
}

static LDR_DATA_TABLE_ENTRY *EntryFor(PVOID base, const WCHAR *path, SIZE_T len)
{
    LDR_DATA_TABLE_ENTRY *e = LdrpAllocateEntry(base, path, len);
    if (e == NULL)
        LdrpFailProcessInit(STATUS_NO_MEMORY);
    e->ObsoleteLoadCount = 0xFFFF;              /* never unloaded */
    e->Flags |= LDRP_ENTRY_PROCESSED | LDRP_PROCESS_STATIC_IMPORT;
    LdrpInsertEntry(e);
    return e;
}

static void InitList(LIST_ENTRY *l) { l->Flink = l->Blink = l; }

static void LdrpInitializeProcess(CONTEXT *context, PVOID ntdll_base)
{
    PEB *peb = LdrpPeb();
    RtlInitializeCriticalSection(&LdrpLoaderLock);
    peb->LoaderLock = &LdrpLoaderLock;
    RtlpInitializeHeapManager(peb);

    /* The image's load configuration may set or clear NtGlobalFlag bits. */
    ULONG size = 0;
    IMAGE_LOAD_CONFIG_PREFIX *lc = RtlImageDirectoryEntryToData(peb->ImageBaseAddress, 1,
                                                                 IMAGE_DIRECTORY_ENTRY_LOAD_CONFIG, &size);
    if (lc != NULL && size >= sizeof(*lc)) {
        peb->NtGlobalFlag &= ~lc->GlobalFlagsClear;
        peb->NtGlobalFlag |= lc->GlobalFlagsSet;
    }

    /* PEB->Ldr with the image and ntdll, as the executive mapped them. */
    PebLdr.Length = sizeof(PebLdr);
    InitList(&PebLdr.InLoadOrderModuleList);
    InitList(&PebLdr.InMemoryOrderModuleList);
    InitList(&PebLdr.InInitializationOrderModuleList);
    for (int i = 0; i < LDR_HASH_TABLE_ENTRIES; i++)
        InitList(&LdrpHashTable[i]);
    peb->Ldr = &PebLdr;
    UNICODE_STRING *image = &peb->ProcessParameters->ImagePathName;
    LdrpImageEntry = EntryFor(peb->ImageBaseAddress, image->Buffer, image->Length / 2);
    LdrpImageEntry->EntryPoint = (UCHAR *)peb->ImageBaseAddress +
                                 RtlImageNtHeader(peb->ImageBaseAddress)->AddressOfEntryPoint;
    LdrpNtdllDataEntry = EntryFor(ntdll_base, NtdllPath, sizeof(NtdllPath) / 2 - 1);
    LdrpNtdllDataEntry->InInitializationOrderLinks.Flink = &PebLdr.InInitializationOrderModuleList;
    LdrpNtdllDataEntry->InInitializationOrderLinks.Blink = &PebLdr.InInitializationOrderModuleList;
    PebLdr.InInitializationOrderModuleList.Flink = &LdrpNtdllDataEntry->InInitializationOrderLinks;
    PebLdr.InInitializationOrderModuleList.Blink = &LdrpNtdllDataEntry->InInitializationOrderLinks;

    /* kernel32 (and so kernelbase) in every Win32 process, imported or not, as since Vista; then
     * every static import, recursively; a failure ends the process with its hard error. */
    RtlEnterCriticalSection(&LdrpLoaderLock);
    LdrpInLdrInit = 1;
    NTSTATUS status;
    USHORT subsystem = RtlImageNtHeader(peb->ImageBaseAddress)->Subsystem;
    if (subsystem == 2 || subsystem == 3) {             /* IMAGE_SUBSYSTEM_WINDOWS_GUI / _CUI */
        static const WCHAR kernel32[] = L"kernel32.dll";
        LDR_DATA_TABLE_ENTRY *k32;
        status = LdrpLoadDllByName(kernel32, sizeof(kernel32) / 2 - 1, NULL, NULL, LoadReasonStaticDependency, &k32);
        if (!NT_SUCCESS(status) && status != STATUS_DLL_NOT_FOUND)
            LdrpFailProcessInit(status);        /* a system without kernel32 still runs native-only images */
    }
    status = LdrpSnapModule(LdrpImageEntry, NULL);
    if (!NT_SUCCESS(status))
        LdrpFailProcessInit(status);
    LdrpInitializeTls();
    LdrpAllocateTls();
    status = LdrpRunInitializeRoutines(context);
    if (!NT_SUCCESS(status)) {
        LdrpReportHardError(status, NULL, 0, NULL, 0, 0);
        LdrpFailProcessInit(status);
    }
    LdrpCallTlsCallbacks(LdrpImageEntry, DLL_PROCESS_ATTACH);
    LdrpInLdrInit = 0;
    PebLdr.Initialized = 1;
    LdrpProcessInitialized = 1;
    RtlLeaveCriticalSection(&LdrpLoaderLock);
}

/* LdrpInitializeThread: the new thread's TLS and every DLL's DLL_THREAD_ATTACH. */
static void LdrpInitializeThread(void)
{
    RtlEnterCriticalSection(&LdrpLoaderLock);
    LdrpAllocateTls();
    LIST_ENTRY *head = &PebLdr.InInitializationOrderModuleList;
    for (LIST_ENTRY *le = head->Flink; le != head; le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *entry = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InInitializationOrderLinks);
        if (entry->EntryPoint && (entry->Flags & LDRP_PROCESS_ATTACH_CALLED) &&
            !(entry->Flags & LDRP_DONT_CALL_FOR_THREADS))
            LdrpCallInitRoutine(entry, DLL_THREAD_ATTACH, NULL, NULL);
    }
    LdrpCallTlsCallbacks(LdrpImageEntry, DLL_THREAD_ATTACH);
    RtlLeaveCriticalSection(&LdrpLoaderLock);
}

NTSYSAPI void NTAPI LdrInitializeThunk(CONTEXT *context, PVOID ntdll_base)
{
    if (!LdrpProcessInitialized)
        LdrpInitializeProcess(context, ntdll_base);
    else
        LdrpInitializeThread();
    NtContinue(context, 1);
}

/* LdrShutdownThread: DLL_THREAD_DETACH in reverse initialisation order, then the TLS goes. */
NTSYSAPI void NTAPI LdrShutdownThread(void)
{
    if (!LdrpProcessInitialized)
        return;
    RtlEnterCriticalSection(&LdrpLoaderLock);
    LIST_ENTRY *head = &PebLdr.InInitializationOrderModuleList;
    for (LIST_ENTRY *le = head->Blink; le != head; le = le->Blink) {
        LDR_DATA_TABLE_ENTRY *entry = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InInitializationOrderLinks);
        if (entry->EntryPoint && (entry->Flags & LDRP_PROCESS_ATTACH_CALLED) &&
            !(entry->Flags & LDRP_DONT_CALL_FOR_THREADS))
            LdrpCallInitRoutine(entry, DLL_THREAD_DETACH, NULL, NULL);
    }
    LdrpCallTlsCallbacks(LdrpImageEntry, DLL_THREAD_DETACH);
    LdrpFreeTls();
    RtlLeaveCriticalSection(&LdrpLoaderLock);
}

/* LdrShutdownProcess: DLL_PROCESS_DETACH in reverse initialisation order, lpReserved non-NULL
 * since the process is ending, then the image's TLS callbacks. */
NTSYSAPI NTSTATUS NTAPI LdrShutdownProcess(void)
{
    if (!LdrpProcessInitialized || LdrpShutdownInProgress)
        return STATUS_SUCCESS;
    RtlEnterCriticalSection(&LdrpLoaderLock);
    LdrpShutdownInProgress = 1;
    LIST_ENTRY *head = &PebLdr.InInitializationOrderModuleList;
    for (LIST_ENTRY *le = head->Blink; le != head; le = le->Blink) {
        LDR_DATA_TABLE_ENTRY *entry = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InInitializationOrderLinks);
        if (entry->EntryPoint && (entry->Flags & LDRP_PROCESS_ATTACH_CALLED))
            LdrpCallInitRoutine(entry, DLL_PROCESS_DETACH, (PVOID)1, NULL);
    }
    LdrpCallTlsCallbacks(LdrpImageEntry, DLL_PROCESS_DETACH);     /* the image's last */
    RtlLeaveCriticalSection(&LdrpLoaderLock);
    return STATUS_SUCCESS;
}

NTSYSAPI __attribute__((noreturn)) void NTAPI RtlExitUserProcess(NTSTATUS status)
{
    NtTerminateProcess(NULL, status);           /* every other thread first */
    LdrShutdownProcess();
    for (;;)
        NtTerminateProcess(NtCurrentProcess(), status);
}

NTSYSAPI __attribute__((noreturn)) void NTAPI RtlExitUserThread(NTSTATUS status)
{
    ULONG last = 0;
    NtQueryInformationThread(NtCurrentThread(), ThreadAmILastThread, &last, sizeof(last), NULL);
    if (last)
        RtlExitUserProcess(status);
    LdrShutdownThread();
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
