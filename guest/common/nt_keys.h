/* The native key and token services and the key information records, as both kernelbase (its
 * registry and security-base families) and advapi32 (its own older calls) declare them. The
 * including header defines HANDLE, ACCESS_MASK, UNICODE_STRING, OBJECT_ATTRIBUTES and NTDLL. */
#pragma once

typedef struct { ULONG TitleIndex, Type, DataLength; UCHAR Data[1]; } KEY_VALUE_PARTIAL_INFORMATION_;
typedef struct { ULONG TitleIndex, Type, DataOffset, DataLength, NameLength; WCHAR Name[1]; } KEY_VALUE_FULL_INFORMATION_;
typedef struct { LARGE_INTEGER LastWriteTime; ULONG TitleIndex, ClassOffset, ClassLength, NameLength; WCHAR Name[1]; }
    KEY_NODE_INFORMATION_;
typedef struct {
    LARGE_INTEGER LastWriteTime; ULONG TitleIndex, ClassOffset, ClassLength, SubKeys, MaxNameLen, MaxClassLen, Values,
    MaxValueNameLen, MaxValueDataLen; WCHAR Class[1];
} KEY_FULL_INFORMATION_;
#define KeyNodeInformation_ 1
#define KeyFullInformation_ 2
#define KeyValueFullInformation_ 1
#define KeyValuePartialInformation_ 2

NTDLL NTSTATUS NTAPI NtOpenKeyEx(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG);
NTDLL NTSTATUS NTAPI NtCreateKey(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, ULONG, UNICODE_STRING *, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtQueryKey(HANDLE, ULONG, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtEnumerateKey(HANDLE, ULONG, ULONG, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtQueryValueKey(HANDLE, UNICODE_STRING *, ULONG, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtEnumerateValueKey(HANDLE, ULONG, ULONG, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtSetValueKey(HANDLE, UNICODE_STRING *, ULONG, ULONG, const void *, ULONG);
NTDLL NTSTATUS NTAPI NtDeleteKey(HANDLE);
NTDLL NTSTATUS NTAPI NtDeleteValueKey(HANDLE, UNICODE_STRING *);
NTDLL NTSTATUS NTAPI NtFlushKey(HANDLE);
NTDLL NTSTATUS NTAPI NtNotifyChangeKey(HANDLE, HANDLE, PVOID, PVOID, void *, ULONG, BOOLEAN, PVOID, ULONG, BOOLEAN);
NTDLL NTSTATUS NTAPI NtOpenProcessToken(HANDLE, ACCESS_MASK, HANDLE *);
NTDLL NTSTATUS NTAPI NtOpenThreadToken(HANDLE, ACCESS_MASK, BOOLEAN, HANDLE *);
NTDLL NTSTATUS NTAPI NtQueryInformationToken(HANDLE, ULONG, PVOID, ULONG, ULONG *);
NTDLL NTSTATUS NTAPI NtAdjustPrivilegesToken(HANDLE, BOOLEAN, PVOID, ULONG, PVOID, ULONG *);
int __cdecl memcmp(const void *, const void *, size_t);
