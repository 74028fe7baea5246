/* Static TLS: each module with a TLS directory gets an index (LdrpInitializeTls), each thread a
 * copy of every module's template in ThreadLocalStoragePointer (LdrpAllocateTls), and the TLS
 * callbacks run before a module's entry point. */
#include "ldrp.h"

static ULONG LdrpNumberOfTlsEntries;

void LdrpCallTlsCallbacks(LDR_DATA_TABLE_ENTRY *entry, ULONG reason)
{
    IMAGE_TLS_DIRECTORY64 *tls = RtlImageDirectoryEntryToData(entry->DllBase, 1, IMAGE_DIRECTORY_ENTRY_TLS, NULL);
    if (tls == NULL || tls->AddressOfCallBacks == 0)
        return;
    for (PIMAGE_TLS_CALLBACK *cb = (PIMAGE_TLS_CALLBACK *)tls->AddressOfCallBacks; *cb; cb++)
        (*cb)(entry->DllBase, reason, NULL);
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
