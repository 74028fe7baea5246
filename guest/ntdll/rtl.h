/* Declarations of the Rtl routines of the rtl_*.c files: errors, strings, code page 1252,
 * environment, paths, critical sections, SRW locks, condition variables, run-once, SLists,
 * version. Layouts are Windows x64's (RTL_CRITICAL_SECTION, SLIST_HEADER, RTL_OSVERSIONINFOEXW). */
#pragma once
#include "ntdll.h"

typedef unsigned short *PWSTR;
typedef const unsigned short *PCWSTR;
typedef char CHAR;

#define STATUS_SUCCESS                  ((NTSTATUS)0x00000000)
#define STATUS_TIMEOUT                  ((NTSTATUS)0x00000102)
#define STATUS_BUFFER_OVERFLOW          ((NTSTATUS)0x80000005)
#define STATUS_UNSUCCESSFUL             ((NTSTATUS)0xC0000001)
#define STATUS_INVALID_PARAMETER        ((NTSTATUS)0xC000000D)
#define STATUS_NO_MEMORY                ((NTSTATUS)0xC0000017)
#define STATUS_BUFFER_TOO_SMALL         ((NTSTATUS)0xC0000023)
#define STATUS_OBJECT_NAME_INVALID      ((NTSTATUS)0xC0000033)
#define STATUS_VARIABLE_NOT_FOUND       ((NTSTATUS)0xC0000100)
#define STATUS_NAME_TOO_LONG            ((NTSTATUS)0xC0000106)
#define STATUS_OBJECT_PATH_NOT_FOUND    ((NTSTATUS)0xC000003A)
#define STATUS_REVISION_MISMATCH        ((NTSTATUS)0xC0000059)


/* rtl_error.c */
NTSYSAPI ULONG NTAPI RtlNtStatusToDosError(NTSTATUS Status);
NTSYSAPI ULONG NTAPI RtlNtStatusToDosErrorNoTeb(NTSTATUS Status);
NTSYSAPI ULONG NTAPI RtlGetLastWin32Error(void);
NTSYSAPI void NTAPI RtlSetLastWin32Error(ULONG Error);
NTSYSAPI NTSTATUS NTAPI RtlGetLastNtStatus(void);

/* rtl_string.c and rtl_codepage.c */
NTSYSAPI void NTAPI RtlInitUnicodeString(UNICODE_STRING *Dest, PCWSTR Source);
NTSYSAPI NTSTATUS NTAPI RtlInitUnicodeStringEx(UNICODE_STRING *Dest, PCWSTR Source);
NTSYSAPI void NTAPI RtlInitAnsiString(ANSI_STRING *Dest, const CHAR *Source);
NTSYSAPI void NTAPI RtlInitString(STRING *Dest, const CHAR *Source);
NTSYSAPI WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR c);
NTSYSAPI WCHAR NTAPI RtlDowncaseUnicodeChar(WCHAR c);
NTSYSAPI LONG NTAPI RtlCompareUnicodeString(const UNICODE_STRING *a, const UNICODE_STRING *b, BOOLEAN CaseInsensitive);
NTSYSAPI BOOLEAN NTAPI RtlEqualUnicodeString(const UNICODE_STRING *a, const UNICODE_STRING *b, BOOLEAN CaseInsensitive);
NTSYSAPI BOOLEAN NTAPI RtlPrefixUnicodeString(const UNICODE_STRING *p, const UNICODE_STRING *s, BOOLEAN CaseInsensitive);
NTSYSAPI void NTAPI RtlCopyUnicodeString(UNICODE_STRING *Dest, const UNICODE_STRING *Source);
NTSYSAPI NTSTATUS NTAPI RtlAppendUnicodeStringToString(UNICODE_STRING *Dest, const UNICODE_STRING *Source);
NTSYSAPI NTSTATUS NTAPI RtlAppendUnicodeToString(UNICODE_STRING *Dest, PCWSTR Source);
NTSYSAPI BOOLEAN NTAPI RtlCreateUnicodeString(UNICODE_STRING *Dest, PCWSTR Source);
NTSYSAPI void NTAPI RtlFreeUnicodeString(UNICODE_STRING *s);
NTSYSAPI void NTAPI RtlFreeAnsiString(ANSI_STRING *s);
NTSYSAPI NTSTATUS NTAPI RtlMultiByteToUnicodeN(PWSTR Dest, ULONG DestBytes, ULONG *ResultBytes, const CHAR *Src, ULONG SrcBytes);
NTSYSAPI NTSTATUS NTAPI RtlUnicodeToMultiByteN(CHAR *Dest, ULONG DestBytes, ULONG *ResultBytes, PCWSTR Src, ULONG SrcBytes);
NTSYSAPI NTSTATUS NTAPI RtlMultiByteToUnicodeSize(ULONG *Bytes, const CHAR *Src, ULONG SrcBytes);
NTSYSAPI NTSTATUS NTAPI RtlUnicodeToMultiByteSize(ULONG *Bytes, PCWSTR Src, ULONG SrcBytes);
NTSYSAPI NTSTATUS NTAPI RtlAnsiStringToUnicodeString(UNICODE_STRING *Dest, const ANSI_STRING *Src, BOOLEAN Allocate);
NTSYSAPI NTSTATUS NTAPI RtlUnicodeStringToAnsiString(ANSI_STRING *Dest, const UNICODE_STRING *Src, BOOLEAN Allocate);

/* rtl_env.c */
NTSYSAPI NTSTATUS NTAPI RtlQueryEnvironmentVariable_U(PWSTR Environment, const UNICODE_STRING *Name, UNICODE_STRING *Value);
NTSYSAPI NTSTATUS NTAPI RtlSetEnvironmentVariable(PWSTR *Environment, const UNICODE_STRING *Name, const UNICODE_STRING *Value);
NTSYSAPI void NTAPI RtlAcquirePebLock(void);
NTSYSAPI void NTAPI RtlReleasePebLock(void);

/* critsec.c (the lead's) and rtl_critsec.c */
NTSYSAPI NTSTATUS NTAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *cs);
NTSYSAPI NTSTATUS NTAPI RtlInitializeCriticalSectionAndSpinCount(RTL_CRITICAL_SECTION *cs, ULONG SpinCount);
NTSYSAPI NTSTATUS NTAPI RtlInitializeCriticalSectionEx(RTL_CRITICAL_SECTION *cs, ULONG SpinCount, ULONG Flags);
NTSYSAPI NTSTATUS NTAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *cs);
NTSYSAPI NTSTATUS NTAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *cs);
NTSYSAPI BOOLEAN NTAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *cs);
NTSYSAPI NTSTATUS NTAPI RtlDeleteCriticalSection(RTL_CRITICAL_SECTION *cs);
NTSYSAPI ULONG NTAPI RtlSetCriticalSectionSpinCount(RTL_CRITICAL_SECTION *cs, ULONG SpinCount);
NTSYSAPI ULONG NTAPI RtlIsCriticalSectionLockedByThread(RTL_CRITICAL_SECTION *cs);

/* rtl_srw.c */
typedef struct _RTL_SRWLOCK { PVOID Ptr; } RTL_SRWLOCK;
typedef struct _RTL_CONDITION_VARIABLE { PVOID Ptr; } RTL_CONDITION_VARIABLE;
typedef struct _RTL_RUN_ONCE { PVOID Ptr; } RTL_RUN_ONCE;
NTSYSAPI void NTAPI RtlInitializeSRWLock(RTL_SRWLOCK *l);
NTSYSAPI void NTAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *l);
NTSYSAPI void NTAPI RtlAcquireSRWLockShared(RTL_SRWLOCK *l);
NTSYSAPI void NTAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *l);
NTSYSAPI void NTAPI RtlReleaseSRWLockShared(RTL_SRWLOCK *l);
NTSYSAPI BOOLEAN NTAPI RtlTryAcquireSRWLockExclusive(RTL_SRWLOCK *l);
NTSYSAPI BOOLEAN NTAPI RtlTryAcquireSRWLockShared(RTL_SRWLOCK *l);
NTSYSAPI void NTAPI RtlInitializeConditionVariable(RTL_CONDITION_VARIABLE *cv);
NTSYSAPI NTSTATUS NTAPI RtlSleepConditionVariableCS(RTL_CONDITION_VARIABLE *cv, RTL_CRITICAL_SECTION *cs, LONG64 *Timeout);
NTSYSAPI NTSTATUS NTAPI RtlSleepConditionVariableSRW(RTL_CONDITION_VARIABLE *cv, RTL_SRWLOCK *l, LONG64 *Timeout, ULONG Flags);
NTSYSAPI void NTAPI RtlWakeConditionVariable(RTL_CONDITION_VARIABLE *cv);
NTSYSAPI void NTAPI RtlWakeAllConditionVariable(RTL_CONDITION_VARIABLE *cv);

/* rtl_runonce.c */
typedef ULONG (NTAPI *PRTL_RUN_ONCE_INIT_FN)(RTL_RUN_ONCE *, PVOID, PVOID *);
NTSYSAPI void NTAPI RtlRunOnceInitialize(RTL_RUN_ONCE *o);
NTSYSAPI NTSTATUS NTAPI RtlRunOnceBeginInitialize(RTL_RUN_ONCE *o, ULONG Flags, PVOID *Context);
NTSYSAPI NTSTATUS NTAPI RtlRunOnceComplete(RTL_RUN_ONCE *o, ULONG Flags, PVOID Context);
NTSYSAPI NTSTATUS NTAPI RtlRunOnceExecuteOnce(RTL_RUN_ONCE *o, PRTL_RUN_ONCE_INIT_FN Fn, PVOID Param, PVOID *Context);

/* rtl_slist.c */
typedef struct _SLIST_ENTRY { struct _SLIST_ENTRY *Next; } __attribute__((aligned(16))) SLIST_ENTRY;
typedef union _SLIST_HEADER {
    struct { ULONG64 Alignment, Region; };
    struct { ULONG64 Depth : 16, Sequence : 48; ULONG64 Reserved : 4, NextEntry : 60; } HeaderX64;
} __attribute__((aligned(16))) SLIST_HEADER;
NTSYSAPI void NTAPI RtlInitializeSListHead(SLIST_HEADER *h);
NTSYSAPI SLIST_ENTRY *NTAPI RtlFirstEntrySList(const SLIST_HEADER *h);
NTSYSAPI SLIST_ENTRY *NTAPI RtlInterlockedPushEntrySList(SLIST_HEADER *h, SLIST_ENTRY *e);
NTSYSAPI SLIST_ENTRY *NTAPI RtlInterlockedPopEntrySList(SLIST_HEADER *h);
NTSYSAPI SLIST_ENTRY *NTAPI RtlInterlockedFlushSList(SLIST_HEADER *h);
NTSYSAPI USHORT NTAPI RtlQueryDepthSList(SLIST_HEADER *h);

/* rtl_version.c */
typedef struct _RTL_OSVERSIONINFOEXW {
    ULONG dwOSVersionInfoSize, dwMajorVersion, dwMinorVersion, dwBuildNumber, dwPlatformId;
    WCHAR szCSDVersion[128];
    USHORT wServicePackMajor, wServicePackMinor, wSuiteMask;
    UCHAR wProductType, wReserved;
} RTL_OSVERSIONINFOEXW;
NTSYSAPI NTSTATUS NTAPI RtlGetVersion(RTL_OSVERSIONINFOEXW *info);
NTSYSAPI void NTAPI RtlGetNtVersionNumbers(ULONG *Major, ULONG *Minor, ULONG *Build);

/* System services these files call. */
NTSTATUS NTAPI NtCreateEvent(HANDLE *Event, ULONG Access, OBJECT_ATTRIBUTES *Attributes, ULONG Type, BOOLEAN State);
NTSTATUS NTAPI NtSetEvent(HANDLE Event, LONG *Previous);
NTSTATUS NTAPI NtWaitForSingleObject(HANDLE Handle, BOOLEAN Alertable, LONG64 *Timeout);
NTSTATUS NTAPI NtDelayExecution(BOOLEAN Alertable, LONG64 *Interval);
NTSTATUS NTAPI NtYieldExecution(void);
NTSTATUS NTAPI NtClose(HANDLE Handle);
NTSTATUS NTAPI NtQueryPerformanceCounter(LONG64 *Counter, LONG64 *Frequency);
PVOID NTAPI RtlAllocateHeap(PVOID Heap, ULONG Flags, SIZE_T Size);
BOOLEAN NTAPI RtlFreeHeap(PVOID Heap, ULONG Flags, PVOID p);
SIZE_T NTAPI RtlSizeHeap(PVOID Heap, ULONG Flags, PVOID p);

static inline PVOID RtlpProcessHeap(void) { return NtCurrentTeb()->ProcessEnvironmentBlock->ProcessHeap; }
static inline HANDLE RtlpCurrentThreadId(void) { return NtCurrentTeb()->ClientId.UniqueThread; }
static inline ULONG *RtlpLastStatus(void) { return (ULONG *)((UCHAR *)NtCurrentTeb() + 0x1250); } /* TEB.LastStatusValue */
#define STATUS_INVALID_PARAMETER_2      ((NTSTATUS)0xC00000F0)
void *memmove(void *dst, const void *src, SIZE_T n);

/* rtl_path.c */
NTSYSAPI ULONG NTAPI RtlDetermineDosPathNameType_U(PCWSTR Path);
NTSYSAPI ULONG NTAPI RtlIsDosDeviceName_U(PCWSTR Path);
NTSYSAPI ULONG NTAPI RtlGetFullPathName_U(PCWSTR Name, ULONG Size, PWSTR Buffer, PWSTR *FilePart);
NTSYSAPI NTSTATUS NTAPI RtlDosPathNameToNtPathName_U_WithStatus(PCWSTR Dos, UNICODE_STRING *Nt, PWSTR *FilePart, PVOID Reserved);
NTSYSAPI BOOLEAN NTAPI RtlDosPathNameToNtPathName_U(PCWSTR Dos, UNICODE_STRING *Nt, PWSTR *FilePart, PVOID Reserved);
NTSYSAPI ULONG NTAPI RtlGetCurrentDirectory_U(ULONG Size, PWSTR Buffer);
NTSYSAPI NTSTATUS NTAPI RtlSetCurrentDirectory_U(const UNICODE_STRING *Path);
SIZE_T wcslen(const WCHAR *s);

/* rtl_procparams.c */
NTSYSAPI NTSTATUS NTAPI RtlCreateProcessParametersEx(RTL_USER_PROCESS_PARAMETERS **Result, const UNICODE_STRING *ImagePathName,
    const UNICODE_STRING *DllPath, const UNICODE_STRING *CurrentDirectory, const UNICODE_STRING *CommandLine,
    PVOID Environment, const UNICODE_STRING *WindowTitle, const UNICODE_STRING *DesktopInfo,
    const UNICODE_STRING *ShellInfo, const UNICODE_STRING *RuntimeData, ULONG Flags);
NTSYSAPI NTSTATUS NTAPI RtlDestroyProcessParameters(RTL_USER_PROCESS_PARAMETERS *Parameters);
NTSYSAPI RTL_USER_PROCESS_PARAMETERS *NTAPI RtlNormalizeProcessParams(RTL_USER_PROCESS_PARAMETERS *Parameters);
NTSYSAPI RTL_USER_PROCESS_PARAMETERS *NTAPI RtlDeNormalizeProcessParams(RTL_USER_PROCESS_PARAMETERS *Parameters);
