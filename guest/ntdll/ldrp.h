/* The user-mode loader's private declarations (ldr_*.c, apiset.c): the loader's lists, the
 * module search and mapping, import snapping, and the hard errors it raises. */
#pragma once
#include "ntdll.h"
#include "pe.h"

#define CONTAINING_RECORD(address, type, field) ((type *)((UCHAR *)(address) - __builtin_offsetof(type, field)))
#define NT_SUCCESS(s) ((NTSTATUS)(s) >= 0)

#define STATUS_SUCCESS ((NTSTATUS)0)
#define STATUS_IMAGE_NOT_AT_BASE ((NTSTATUS)0x40000003)
#define STATUS_NO_MEMORY ((NTSTATUS)0xC0000017)
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xC000000D)
#define STATUS_OBJECT_NAME_INVALID ((NTSTATUS)0xC0000033)
#define STATUS_OBJECT_NAME_NOT_FOUND ((NTSTATUS)0xC0000034)
#define STATUS_OBJECT_PATH_NOT_FOUND ((NTSTATUS)0xC000003A)
#define STATUS_OBJECT_PATH_SYNTAX_BAD ((NTSTATUS)0xC000003B)
#define STATUS_NO_SUCH_FILE ((NTSTATUS)0xC000000F)
#define STATUS_PROCEDURE_NOT_FOUND ((NTSTATUS)0xC000007A)
#define STATUS_INVALID_IMAGE_FORMAT ((NTSTATUS)0xC000007B)
#define STATUS_DLL_NOT_FOUND ((NTSTATUS)0xC0000135)
#define STATUS_ORDINAL_NOT_FOUND ((NTSTATUS)0xC0000138)
#define STATUS_ENTRYPOINT_NOT_FOUND ((NTSTATUS)0xC0000139)
#define STATUS_DLL_INIT_FAILED ((NTSTATUS)0xC0000142)
#define STATUS_INVALID_HANDLE ((NTSTATUS)0xC0000008)
#define STATUS_INTERNAL_ERROR ((NTSTATUS)0xC00000E5)
#define STATUS_NOT_FOUND ((NTSTATUS)0xC0000225)
#define STATUS_NO_MORE_ENTRIES ((NTSTATUS)0x8000001A)

#define LDR_HASH_TABLE_ENTRIES 32
#define MAX_DLL_NAME 260

extern PEB_LDR_DATA PebLdr;
extern RTL_CRITICAL_SECTION LdrpLoaderLock;
extern LIST_ENTRY LdrpHashTable[LDR_HASH_TABLE_ENTRIES];
extern LDR_DATA_TABLE_ENTRY *LdrpImageEntry, *LdrpNtdllDataEntry;
extern BOOLEAN LdrpInLdrInit;           /* static imports are being processed */
extern BOOLEAN LdrpShutdownInProgress;

static inline PEB *LdrpPeb(void) { return NtCurrentTeb()->ProcessEnvironmentBlock; }

/* ldr_util.c: the loader's strings and memory */
PVOID LdrpAlloc(SIZE_T size);
void LdrpFree(PVOID p);
WCHAR LdrpUpcase(WCHAR c);
BOOLEAN LdrpEqualNames(const WCHAR *a, SIZE_T alen, const WCHAR *b, SIZE_T blen);
SIZE_T LdrpWcsLen(const WCHAR *s);
ULONG LdrpHashName(const WCHAR *name, SIZE_T len);
BOOLEAN LdrpMakeString(UNICODE_STRING *out, const WCHAR *text, SIZE_T len);
int LdrpAnsiToWide(const char *in, WCHAR *out, int max);

/* ldr_find.c: the module list, finding and mapping a DLL */
LDR_DATA_TABLE_ENTRY *LdrpFindLoadedByName(const WCHAR *base_name, SIZE_T len);
LDR_DATA_TABLE_ENTRY *LdrpFindLoadedByBase(PVOID base);
LDR_DATA_TABLE_ENTRY *LdrpAllocateEntry(PVOID base, const WCHAR *full, SIZE_T full_len);
void LdrpInsertEntry(LDR_DATA_TABLE_ENTRY *entry);
void LdrpRemoveEntry(LDR_DATA_TABLE_ENTRY *entry);
NTSTATUS LdrpLoadDllByName(const WCHAR *name, SIZE_T len, const WCHAR *search_path, const WCHAR *importer,
                           ULONG reason, LDR_DATA_TABLE_ENTRY **result);

/* ldr_snap.c: exports, imports, forwarders */
NTSTATUS LdrpGetProcedureAddress(LDR_DATA_TABLE_ENTRY *entry, const char *name, ULONG ordinal, PVOID *address,
                                 int depth);
NTSTATUS LdrpSnapModule(LDR_DATA_TABLE_ENTRY *entry, const WCHAR *search_path);
void LdrpReleaseImports(LDR_DATA_TABLE_ENTRY *entry);

/* ldr_init.c */
NTSTATUS LdrpRunInitializeRoutines(PVOID context);
void LdrpCallInitRoutine(LDR_DATA_TABLE_ENTRY *entry, ULONG reason, PVOID context, BOOLEAN *result);

/* ldr_tls.c */
void LdrpInitializeTls(void);
void LdrpAllocateTls(void);
void LdrpFreeTls(void);
void LdrpHandleTlsForDynamicLoad(LDR_DATA_TABLE_ENTRY *entry);
void LdrpCallTlsCallbacks(LDR_DATA_TABLE_ENTRY *entry, ULONG reason);

/* apiset.c: resolve an API-set name to its host DLL (length in characters, no ".dll") */
BOOLEAN ApiSetResolveToHost(const WCHAR *name, SIZE_T len, const WCHAR *importer, const WCHAR **host,
                            SIZE_T *host_len, BOOLEAN *is_apiset);

/* ldr_error.c: what the loader reports before the process ends */
void LdrpReportHardError(NTSTATUS status, const WCHAR *param1, SIZE_T len1, const WCHAR *param2, SIZE_T len2,
                         BOOLEAN ansi_param1);
__attribute__((noreturn)) void LdrpFailProcessInit(NTSTATUS status);

/* critsec.c */
NTSYSAPI NTSTATUS NTAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *cs);
NTSYSAPI NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *cs);
NTSYSAPI NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *cs);
NTSYSAPI BOOLEAN NTAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *cs);

/* ldr_api.c */
NTSYSAPI NTSTATUS NTAPI LdrUnloadDll(PVOID base);

/* system services the loader calls */
NTSTATUS NTAPI NtOpenFile(HANDLE *File, ULONG Access, OBJECT_ATTRIBUTES *Oa, IO_STATUS_BLOCK *Iosb, ULONG Share,
                          ULONG Options);
NTSTATUS NTAPI NtCreateSection(HANDLE *Section, ULONG Access, OBJECT_ATTRIBUTES *Oa, LONG64 *Size, ULONG Protect,
                               ULONG Attributes, HANDLE File);
NTSTATUS NTAPI NtMapViewOfSection(HANDLE Section, HANDLE Process, PVOID *Base, ULONG_PTR ZeroBits, SIZE_T Commit,
                                  LONG64 *Offset, SIZE_T *ViewSize, ULONG Inherit, ULONG Type, ULONG Protect);
NTSTATUS NTAPI NtUnmapViewOfSection(HANDLE Process, PVOID Base);
NTSTATUS NTAPI NtClose(HANDLE Handle);
NTSTATUS NTAPI NtProtectVirtualMemory(HANDLE Process, PVOID *Base, SIZE_T *Size, ULONG New, ULONG *Old);
NTSTATUS NTAPI NtCreateEvent(HANDLE *Event, ULONG Access, OBJECT_ATTRIBUTES *Oa, ULONG Type, BOOLEAN State);
NTSTATUS NTAPI NtSetEvent(HANDLE Event, LONG *Previous);
NTSTATUS NTAPI NtWaitForSingleObject(HANDLE Handle, BOOLEAN Alertable, LONG64 *Timeout);
NTSTATUS NTAPI NtQuerySystemTime(LONG64 *Time);
NTSTATUS NTAPI NtFlushInstructionCache(HANDLE Process, PVOID Base, SIZE_T Size);
