/* Static TLS: each module with a TLS directory gets an index (LdrpInitializeTls), each thread a
 * copy of every module's template in ThreadLocalStoragePointer (LdrpAllocateTls), and the TLS
 * callbacks run before a module's entry point. */
#include "ldrp.h"

static ULONG LdrpNumberOfTlsEntries;

/* ldr_guard.S: the callback called under LdrpTlsCallbackHandler. */
void LdrpCallTlsCallback(PIMAGE_TLS_CALLBACK callback, PVOID base, ULONG reason);
extern char LdrpTlsCallbackResume[];

/* An exception a TLS callback does not handle itself ends that callback, not the process: the
 * loader unwinds to the call and goes on with the next callback, as Windows' loader does. */
EXCEPTION_DISPOSITION LdrpTlsCallbackHandler(EXCEPTION_RECORD *record, PVOID frame, CONTEXT *context,
                                             DISPATCHER_CONTEXT *dispatcher)
{
    (void)context;
    if (record->ExceptionFlags & EXCEPTION_UNWIND)
        return ExceptionContinueSearch;
    RtlUnwindEx(frame, LdrpTlsCallbackResume, record, NULL, dispatcher->ContextRecord, dispatcher->HistoryTable);
    return ExceptionContinueSearch;         /* not reached */
}

void LdrpCallTlsCallbacks(LDR_DATA_TABLE_ENTRY *entry, ULONG reason)
{
    IMAGE_TLS_DIRECTORY64 *tls = RtlImageDirectoryEntryToData(entry->DllBase, 1, IMAGE_DIRECTORY_ENTRY_TLS, NULL);
    if (tls == NULL || tls->AddressOfCallBacks == 0)
        return;
    for (PIMAGE_TLS_CALLBACK *cb = (PIMAGE_TLS_CALLBACK *)tls->AddressOfCallBacks; *cb; cb++)
        LdrpCallTlsCallback(*cb, entry->DllBase, reason);
}

void LdrpInitializeTls(void)
{
    LIST_ENTRY *head = &PebLdr.InLoadOrderModuleList;
    for (LIST_ENTRY *le = head->Flink; le != head; le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *entry = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InLoadOrderLinks);
        IMAGE_TLS_DIRECTORY64 *tls = RtlImageDirectoryEntryToData(entry->DllBase, 1, IMAGE_DIRECTORY_ENTRY_TLS, NULL);
        if (tls == NULL)
            continue;
        entry->TlsIndex = (USHORT)LdrpNumberOfTlsEntries;
        if (tls->AddressOfIndex)
            *(ULONG *)tls->AddressOfIndex = LdrpNumberOfTlsEntries;
        LdrpNumberOfTlsEntries++;
    }
}

void LdrpAllocateTls(void)
{
    TEB *teb = NtCurrentTeb();
    if (LdrpNumberOfTlsEntries == 0)
        return;
    PVOID *vector = LdrpAlloc(LdrpNumberOfTlsEntries * sizeof(PVOID));
    if (vector == NULL)
        return;
    LIST_ENTRY *head = &PebLdr.InLoadOrderModuleList;
    for (LIST_ENTRY *le = head->Flink; le != head; le = le->Flink) {
        LDR_DATA_TABLE_ENTRY *entry = CONTAINING_RECORD(le, LDR_DATA_TABLE_ENTRY, InLoadOrderLinks);
        IMAGE_TLS_DIRECTORY64 *tls = RtlImageDirectoryEntryToData(entry->DllBase, 1, IMAGE_DIRECTORY_ENTRY_TLS, NULL);
        if (tls == NULL || entry->TlsIndex >= LdrpNumberOfTlsEntries)
            continue;
        SIZE_T raw = tls->EndAddressOfRawData - tls->StartAddressOfRawData;
        UCHAR *block = LdrpAlloc(raw + tls->SizeOfZeroFill + 16);
        if (block == NULL)
            continue;
        __builtin_memcpy(block, (PVOID)tls->StartAddressOfRawData, raw);
        vector[entry->TlsIndex] = block;
    }
    teb->ThreadLocalStoragePointer = vector;
}

void LdrpFreeTls(void)
{
    TEB *teb = NtCurrentTeb();
    PVOID *vector = teb->ThreadLocalStoragePointer;
    if (vector == NULL)
        return;
    for (ULONG i = 0; i < LdrpNumberOfTlsEntries; i++)
        LdrpFree(vector[i]);
    LdrpFree(vector);
    teb->ThreadLocalStoragePointer = NULL;
}

/* A DLL with a TLS directory loaded at run time: its index, its TLS callbacks' data, and this
 * thread's vector grown to hold its block (Windows grows every thread's vector through
 * NtSetInformationProcess(ProcessTlsInformation); other threads get theirs here when they start). */
void LdrpHandleTlsForDynamicLoad(LDR_DATA_TABLE_ENTRY *entry)
{
    IMAGE_TLS_DIRECTORY64 *tls = RtlImageDirectoryEntryToData(entry->DllBase, 1, IMAGE_DIRECTORY_ENTRY_TLS, NULL);
    if (tls == NULL)
        return;
    ULONG index = LdrpNumberOfTlsEntries++;
    entry->TlsIndex = (USHORT)index;
    if (tls->AddressOfIndex)
        *(ULONG *)tls->AddressOfIndex = index;
    TEB *teb = NtCurrentTeb();
    PVOID *old = teb->ThreadLocalStoragePointer;
    PVOID *vector = LdrpAlloc(LdrpNumberOfTlsEntries * sizeof(PVOID));
    if (vector == NULL)
        return;
    for (ULONG i = 0; old && i < index; i++)
        vector[i] = old[i];
    SIZE_T raw = tls->EndAddressOfRawData - tls->StartAddressOfRawData;
    UCHAR *block = LdrpAlloc(raw + tls->SizeOfZeroFill + 16);
    if (block)
        __builtin_memcpy(block, (PVOID)tls->StartAddressOfRawData, raw);
    vector[index] = block;
    teb->ThreadLocalStoragePointer = vector;
    LdrpFree(old);
}
