/* What every kernelbase source shares: the SDK's Win32 declarations (windows.h, with this DLL
 * as the one implementing them), the slice of the native API kernelbase calls, and the helpers
 * that turn an NTSTATUS into the thread's last error. */
#pragma once
#define _KERNEL32_                      /* windows.h: declare the base API without dllimport */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stddef.h>

#define KBAPI __declspec(dllexport)     /* an export of kernelbase.dll */
typedef LONG NTSTATUS;
#define NT_SUCCESS(s) ((NTSTATUS)(s) >= 0)
#define NTAPI __stdcall
#define NTDLL __declspec(dllimport)

typedef struct _UNICODE_STRING { USHORT Length, MaximumLength; PWSTR Buffer; } UNICODE_STRING;
typedef struct _ANSI_STRING { USHORT Length, MaximumLength; PSTR Buffer; } ANSI_STRING;
typedef struct _IO_STATUS_BLOCK { union { NTSTATUS Status; PVOID Pointer; }; ULONG_PTR Information; } IO_STATUS_BLOCK;
typedef struct _CLIENT_ID { HANDLE UniqueProcess, UniqueThread; } CLIENT_ID;
typedef struct _OBJECT_ATTRIBUTES {
    ULONG Length; HANDLE RootDirectory; UNICODE_STRING *ObjectName; ULONG Attributes;
    PVOID SecurityDescriptor, SecurityQualityOfService;
} OBJECT_ATTRIBUTES;

/* ntdll exports (native services and Rtl). */
NTDLL NTSTATUS NTAPI NtClose(HANDLE);
NTDLL NTSTATUS NTAPI NtWriteFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, const void *, ULONG,
                                 LARGE_INTEGER *, ULONG *);
NTDLL NTSTATUS NTAPI NtReadFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, void *, ULONG,
                                LARGE_INTEGER *, ULONG *);
NTDLL NTSTATUS NTAPI NtAllocateVirtualMemory(HANDLE, PVOID *, ULONG_PTR, SIZE_T *, ULONG, ULONG);
NTDLL NTSTATUS NTAPI NtFreeVirtualMemory(HANDLE, PVOID *, SIZE_T *, ULONG);
NTDLL NTSTATUS NTAPI NtProtectVirtualMemory(HANDLE, PVOID *, SIZE_T *, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtQueryVirtualMemory(HANDLE, PVOID, int, PVOID, SIZE_T, SIZE_T *);
NTDLL NTSTATUS NTAPI NtTerminateProcess(HANDLE, NTSTATUS);
NTDLL NTSTATUS NTAPI NtTerminateThread(HANDLE, NTSTATUS);
NTDLL NTSTATUS NTAPI NtCreateThreadEx(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, HANDLE, PVOID, PVOID, ULONG,
                                      SIZE_T, SIZE_T, SIZE_T, PVOID);
NTDLL NTSTATUS NTAPI NtSuspendThread(HANDLE, ULONG *);
NTDLL NTSTATUS NTAPI NtResumeThread(HANDLE, ULONG *);
NTDLL NTSTATUS NTAPI NtQueryInformationThread(HANDLE, ULONG, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtSetInformationThread(HANDLE, ULONG, PVOID, ULONG);
NTDLL NTSTATUS NTAPI NtQueryInformationProcess(HANDLE, ULONG, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtSetInformationProcess(HANDLE, ULONG, PVOID, ULONG);
NTDLL NTSTATUS NTAPI NtYieldExecution(void);
NTDLL NTSTATUS NTAPI NtDelayExecution(BOOLEAN, LARGE_INTEGER *);
NTDLL NTSTATUS NTAPI NtCreateEvent(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG, BOOLEAN);
NTDLL NTSTATUS NTAPI NtSetEvent(HANDLE, LONG *);
NTDLL NTSTATUS NTAPI NtResetEvent(HANDLE, LONG *);
NTDLL NTSTATUS NTAPI NtPulseEvent(HANDLE, LONG *);
NTDLL NTSTATUS NTAPI NtCreateMutant(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, BOOLEAN);
NTDLL NTSTATUS NTAPI NtReleaseMutant(HANDLE, LONG *);
NTDLL NTSTATUS NTAPI NtCreateSemaphore(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, LONG, LONG);
NTDLL NTSTATUS NTAPI NtReleaseSemaphore(HANDLE, LONG, LONG *);
NTDLL NTSTATUS NTAPI NtWaitForSingleObject(HANDLE, BOOLEAN, LARGE_INTEGER *);
NTDLL NTSTATUS NTAPI NtWaitForMultipleObjects(ULONG, HANDLE *, int, BOOLEAN, LARGE_INTEGER *);
NTDLL NTSTATUS NTAPI NtDuplicateObject(HANDLE, HANDLE, HANDLE, HANDLE *, ACCESS_MASK, ULONG, ULONG);
NTDLL NTSTATUS NTAPI NtQueryPerformanceCounter(LARGE_INTEGER *, LARGE_INTEGER *);
NTDLL NTSTATUS NTAPI NtQuerySystemTime(LARGE_INTEGER *);
NTDLL ULONG NTAPI NtGetCurrentProcessorNumber(void);
NTDLL ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);
NTDLL void NTAPI RtlSetLastWin32Error(ULONG);
NTDLL ULONG NTAPI RtlGetLastWin32Error(void);
NTDLL ULONG NTAPI RtlIsDosDeviceName_U(PCWSTR);
NTDLL void NTAPI RtlInitUnicodeString(UNICODE_STRING *, PCWSTR);
NTDLL BOOLEAN NTAPI RtlEqualUnicodeString(const UNICODE_STRING *, const UNICODE_STRING *, BOOLEAN);
NTDLL WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR);
NTDLL WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR);
NTDLL NTSTATUS NTAPI RtlQueryEnvironmentVariable_U(PWSTR, const UNICODE_STRING *, UNICODE_STRING *);
NTDLL NTSTATUS NTAPI RtlSetEnvironmentVariable(PWSTR *, const UNICODE_STRING *, const UNICODE_STRING *);
NTDLL void NTAPI RtlAcquirePebLock(void);
NTDLL void NTAPI RtlReleasePebLock(void);
NTDLL PVOID NTAPI RtlAllocateHeap(PVOID, ULONG, SIZE_T);
NTDLL BOOLEAN NTAPI RtlFreeHeap(PVOID, ULONG, PVOID);
NTDLL PVOID NTAPI RtlReAllocateHeap(PVOID, ULONG, PVOID, SIZE_T);
NTDLL SIZE_T NTAPI RtlSizeHeap(PVOID, ULONG, PVOID);
NTDLL PVOID NTAPI RtlCreateHeap(ULONG, PVOID, SIZE_T, SIZE_T, PVOID, PVOID);
NTDLL PVOID NTAPI RtlDestroyHeap(PVOID);
NTDLL ULONG NTAPI RtlGetProcessHeaps(ULONG, PVOID *);
NTDLL NTSTATUS NTAPI RtlEnterCriticalSection(CRITICAL_SECTION *);
NTDLL NTSTATUS NTAPI RtlLeaveCriticalSection(CRITICAL_SECTION *);
NTDLL NTSTATUS NTAPI RtlInitializeCriticalSectionEx(CRITICAL_SECTION *, ULONG, ULONG);
NTDLL NTSTATUS NTAPI RtlSleepConditionVariableCS(CONDITION_VARIABLE *, CRITICAL_SECTION *, LARGE_INTEGER *);
NTDLL NTSTATUS NTAPI RtlSleepConditionVariableSRW(CONDITION_VARIABLE *, SRWLOCK *, LARGE_INTEGER *, ULONG);
NTDLL NTSTATUS NTAPI RtlRunOnceBeginInitialize(INIT_ONCE *, ULONG, PVOID *);
NTDLL NTSTATUS NTAPI RtlRunOnceComplete(INIT_ONCE *, ULONG, PVOID);
NTDLL NTSTATUS NTAPI RtlRunOnceExecuteOnce(INIT_ONCE *, PINIT_ONCE_FN, PVOID, PVOID *);
NTDLL NTSTATUS NTAPI RtlGetVersion(OSVERSIONINFOEXW *);
NTDLL __attribute__((noreturn)) void NTAPI RtlExitUserProcess(NTSTATUS);
NTDLL __attribute__((noreturn)) void NTAPI RtlExitUserThread(NTSTATUS);
NTDLL void NTAPI RtlUserThreadStart(PTHREAD_START_ROUTINE, PVOID);
NTDLL NTSTATUS NTAPI RtlMultiByteToUnicodeN(PWSTR, ULONG, ULONG *, const CHAR *, ULONG);
NTDLL NTSTATUS NTAPI RtlUnicodeToMultiByteN(CHAR *, ULONG, ULONG *, PCWSTR, ULONG);
void *__cdecl memcpy(void *, const void *, size_t);
void *__cdecl memmove(void *, const void *, size_t);
void *__cdecl memset(void *, int, size_t);
size_t __cdecl wcslen(const wchar_t *);
size_t __cdecl strlen(const char *);

#define STATUS_SUCCESS          ((NTSTATUS)0x00000000)
#define STATUS_TIMEOUT_         ((NTSTATUS)0x00000102)
#define STATUS_PENDING_         ((NTSTATUS)0x00000103)
#define STATUS_BUFFER_TOO_SMALL ((NTSTATUS)0xC0000023)
#define STATUS_INVALID_HANDLE_  ((NTSTATUS)0xC0000008)

/* The structures of the PEB and TEB that kernelbase reads (Windows 10 x64 offsets). */
static inline BYTE *BaseTeb(void)
{
    BYTE *teb;
    __asm__ ("mov %%gs:0x30, %0" : "=r"(teb));
    return teb;
}
#define TEB_() BaseTeb()
#define PEB_() (*(BYTE **)(TEB_() + 0x60))
#define TEB_LAST_ERROR() (*(DWORD *)(TEB_() + 0x68))
#define PEB_PROCESS_PARAMETERS() (*(BYTE **)(PEB_() + 0x20))
#define PEB_PROCESS_HEAP() (*(HANDLE *)(PEB_() + 0x30))
#define PEB_IMAGE_BASE() (*(PVOID *)(PEB_() + 0x10))
#define PP_FIELD(type, offset) (*(type *)(PEB_PROCESS_PARAMETERS() + (offset)))
#define PP_STDIN 0x20
#define PP_STDOUT 0x28
#define PP_STDERR 0x30
#define PP_CURRENT_DIRECTORY 0x38
#define PP_IMAGE_PATH 0x60
#define PP_COMMAND_LINE 0x70
#define PP_ENVIRONMENT 0x80
#define PP_WINDOW_TITLE 0xB0
#define PP_DESKTOP_INFO 0xC0
#define PP_ENVIRONMENT_SIZE 0x3F0
#define TEB_CLIENT_ID 0x40
#define TEB_TLS_SLOTS 0x1480
#define TEB_TLS_EXPANSION_SLOTS 0x1780
#define TEB_FLS_DATA 0x17C8

/* error.c: the thread's last error from an NTSTATUS; FALSE, NULL, ... for the caller to return. */
ULONG BaseSetLastNTError(NTSTATUS status);
static inline BOOL BaseFail(NTSTATUS status) { BaseSetLastNTError(status); return FALSE; }
static inline LARGE_INTEGER *BaseFormatTimeOut(LARGE_INTEGER *out, DWORD ms)
{
    if (ms == INFINITE) return NULL;
    out->QuadPart = -(LONGLONG)ms * 10000;
    return out;
}

/* Per-thread and process-wide setup the entry point does (tls.c, process_env.c). */
void BaseInitializeCommandLine(void);
void BaseFlsThreadDetach(void);
BOOL BaseTlsThreadAttach(void);
void BaseInitializeFls(void);

/* file_io.c: the device a handle leads to (FILE_DEVICE_*), 0 when the handle is not a file. */
NTDLL NTSTATUS NTAPI NtQueryVolumeInformationFile(HANDLE, IO_STATUS_BLOCK *, PVOID, ULONG, ULONG);
ULONG BaseDeviceType(HANDLE h, NTSTATUS *status);
/* toolhelp.c: NtQuerySystemInformation(SystemProcessInformation) in a heap buffer, NULL with the error set. */
BYTE *BaseQueryProcesses(void);
#define FILE_DEVICE_CONSOLE_ 0x50
#ifndef OBJ_INHERIT
#define OBJ_INHERIT 0x00000002
#endif
#ifndef OBJ_OPENIF
#define OBJ_OPENIF 0x00000080
#endif

/* The loader (module.c calls it with its documented NT signatures). */
typedef struct _LDR_DATA_TABLE_ENTRY_ {
    LIST_ENTRY InLoadOrderLinks, InMemoryOrderLinks, InInitializationOrderLinks;
    PVOID DllBase, EntryPoint; ULONG SizeOfImage;
    UNICODE_STRING FullDllName, BaseDllName;
} LDR_ENTRY;
NTDLL NTSTATUS NTAPI LdrLoadDll(PWSTR, ULONG *, UNICODE_STRING *, PVOID *);
NTDLL NTSTATUS NTAPI LdrUnloadDll(PVOID);
NTDLL NTSTATUS NTAPI LdrGetDllHandleEx(ULONG, PWSTR, ULONG *, UNICODE_STRING *, PVOID *);
NTDLL NTSTATUS NTAPI LdrGetProcedureAddress(PVOID, ANSI_STRING *, ULONG, PVOID *);
NTDLL NTSTATUS NTAPI LdrAddRefDll(ULONG, PVOID);
NTDLL NTSTATUS NTAPI LdrFindEntryForAddress(PVOID, LDR_ENTRY **);
NTDLL NTSTATUS NTAPI LdrDisableThreadCalloutsForDll(PVOID);
NTDLL NTSTATUS NTAPI LdrLockLoaderLock(ULONG, ULONG *, ULONG_PTR *);
NTDLL NTSTATUS NTAPI LdrUnlockLoaderLock(ULONG, ULONG_PTR);
NTDLL PVOID NTAPI RtlImageDirectoryEntryToData(PVOID, BOOLEAN, USHORT, ULONG *);

/* Files (file.c, file_info.c, find.c, path.c). */
NTDLL NTSTATUS NTAPI NtCreateFile(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, IO_STATUS_BLOCK *, LARGE_INTEGER *, ULONG,
                                  ULONG, ULONG, ULONG, PVOID, ULONG);
NTDLL NTSTATUS NTAPI NtOpenFile(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, IO_STATUS_BLOCK *, ULONG, ULONG);
NTDLL NTSTATUS NTAPI NtQueryInformationFile(HANDLE, IO_STATUS_BLOCK *, PVOID, ULONG, ULONG);
NTDLL NTSTATUS NTAPI NtSetInformationFile(HANDLE, IO_STATUS_BLOCK *, PVOID, ULONG, ULONG);
NTDLL NTSTATUS NTAPI NtQueryDirectoryFile(HANDLE, HANDLE, PVOID, PVOID, IO_STATUS_BLOCK *, PVOID, ULONG, ULONG, BOOLEAN,
                                          UNICODE_STRING *, BOOLEAN);
NTDLL NTSTATUS NTAPI NtQueryFullAttributesFile(OBJECT_ATTRIBUTES *, PVOID);
NTDLL NTSTATUS NTAPI NtFlushBuffersFile(HANDLE, IO_STATUS_BLOCK *);
NTDLL NTSTATUS NTAPI NtCreateSection(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, LARGE_INTEGER *, ULONG, ULONG, HANDLE);
NTDLL NTSTATUS NTAPI NtMapViewOfSection(HANDLE, HANDLE, PVOID *, ULONG_PTR, SIZE_T, LARGE_INTEGER *, SIZE_T *, ULONG,
                                        ULONG, ULONG);
NTDLL NTSTATUS NTAPI NtUnmapViewOfSection(HANDLE, PVOID);
NTDLL NTSTATUS NTAPI RtlDosPathNameToNtPathName_U_WithStatus(PCWSTR, UNICODE_STRING *, PWSTR *, PVOID);
NTDLL ULONG NTAPI RtlGetFullPathName_U(PCWSTR, ULONG, PWSTR, PWSTR *);
NTDLL ULONG NTAPI RtlGetCurrentDirectory_U(ULONG, PWSTR);
NTDLL NTSTATUS NTAPI RtlSetCurrentDirectory_U(const UNICODE_STRING *);
NTDLL void NTAPI RtlFreeUnicodeString(UNICODE_STRING *);
#define OBJ_CASE_INSENSITIVE_ 0x40
#define FILE_DIRECTORY_FILE_ 0x01
#define FILE_WRITE_THROUGH_ 0x02
#define FILE_SEQUENTIAL_ONLY_ 0x04
#define FILE_NO_INTERMEDIATE_BUFFERING_ 0x08
#define FILE_SYNCHRONOUS_IO_NONALERT_ 0x20
#define FILE_NON_DIRECTORY_FILE_ 0x40
#define FILE_RANDOM_ACCESS_ 0x800
#define FILE_DELETE_ON_CLOSE_ 0x1000
#define FILE_OPEN_FOR_BACKUP_INTENT_ 0x4000
#define FILE_OPEN_REPARSE_POINT_ 0x200000
#define FILE_SUPERSEDED_ 0
#define FILE_OPENED_ 1
#define FILE_CREATED_ 2
#define FILE_OVERWRITTEN_ 3
/* A DOS path opened as an NT name (nt.Buffer from the heap: free it with RtlFreeUnicodeString). */
BOOL BaseOpenPath(LPCWSTR path, UNICODE_STRING *nt, OBJECT_ATTRIBUTES *oa);
/* file_io_ex.c: the ApcRoutine that runs an OVERLAPPED completion routine (its ApcContext). */
void NTAPI BaseIoCompletion(PVOID context, IO_STATUS_BLOCK *iosb, ULONG reserved);
extern BOOL BaseFileApisOem;                    /* SetFileApisToOEM: the A calls' names are OEM */
WCHAR *BaseWideName(LPCSTR a);                  /* a heap copy in UTF-16 (ACP), NULL with the error set */
