/* What every advapi32 source shares: the SDK's Win32 declarations (windows.h, with this DLL as
 * the one implementing them), the slice of the native API it calls (registry and token services,
 * Rtl helpers) and the last-error helpers. */
#pragma once
#define _ADVAPI32_                      /* windows.h: declare the advapi32 API without dllimport */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stddef.h>

#define ADVAPI __declspec(dllexport)
typedef LONG NTSTATUS;
#define NT_SUCCESS(s) ((NTSTATUS)(s) >= 0)
#define NTAPI __stdcall
#define NTDLL __declspec(dllimport)

typedef struct _UNICODE_STRING { USHORT Length, MaximumLength; PWSTR Buffer; } UNICODE_STRING;
typedef struct _OBJECT_ATTRIBUTES {
    ULONG Length; HANDLE RootDirectory; UNICODE_STRING *ObjectName; ULONG Attributes;
    PVOID SecurityDescriptor, SecurityQualityOfService;
} OBJECT_ATTRIBUTES;
typedef struct { union { NTSTATUS Status; PVOID Pointer; }; ULONG_PTR Information; } IO_STATUS_BLOCK_;
#include "../common/nt_keys.h"
#define OBJ_CASE_INSENSITIVE_ 0x40
NTDLL NTSTATUS NTAPI NtClose(HANDLE);
NTDLL ULONG NTAPI RtlNtStatusToDosError(NTSTATUS);
NTDLL PVOID NTAPI RtlAllocateHeap(PVOID, ULONG, SIZE_T);
NTDLL BOOLEAN NTAPI RtlFreeHeap(PVOID, ULONG, PVOID);
NTDLL WCHAR NTAPI RtlUpcaseUnicodeChar(WCHAR);
void *__cdecl memcpy(void *, const void *, size_t);
void *__cdecl memset(void *, int, size_t);
size_t __cdecl wcslen(const wchar_t *);
wchar_t *__cdecl wcschr(const wchar_t *, wchar_t);
int __cdecl wcscmp(const wchar_t *, const wchar_t *);
int __cdecl wcsncmp(const wchar_t *, const wchar_t *, size_t);
size_t __cdecl strlen(const char *);

#define STATUS_BUFFER_OVERFLOW_ ((NTSTATUS)0x80000005)
#define STATUS_BUFFER_TOO_SMALL_ ((NTSTATUS)0xC0000023)
#define STATUS_OBJECT_NAME_NOT_FOUND_ ((NTSTATUS)0xC0000034)
#define STATUS_NOT_ALL_ASSIGNED_ ((NTSTATUS)0x00000106)

static inline HANDLE AdvProcessHeap(void)
{
    BYTE *teb;
    __asm__ ("mov %%gs:0x30, %0" : "=r"(teb));
    return *(HANDLE *)(*(BYTE **)(teb + 0x60) + 0x30);
}
static inline void *AdvAlloc(SIZE_T n) { return RtlAllocateHeap(AdvProcessHeap(), 0, n); }
static inline void AdvFree(void *p) { if (p) RtlFreeHeap(AdvProcessHeap(), 0, p); }
/* The last error from an NTSTATUS, FALSE for the caller to return. */
static inline BOOL AdvFail(NTSTATUS status) { SetLastError(RtlNtStatusToDosError(status)); return FALSE; }
static inline BOOL AdvFailError(DWORD error) { SetLastError(error); return FALSE; }
static inline void AdvInitString(UNICODE_STRING *s, const WCHAR *text)
{
    size_t n = text ? wcslen(text) * sizeof(WCHAR) : 0;
    s->Length = (USHORT)n;
    s->MaximumLength = (USHORT)(text ? n + sizeof(WCHAR) : 0);
    s->Buffer = (PWSTR)text;
}

/* reg_old.c: ANSI to UTF-16 in the ANSI code page, a heap copy (NULL stays NULL); AdvFree frees it. */
WCHAR *AdvAnsiToWide(const char *text);


/* crypt.c: whether a CryptoAPI provider handle is an open one, and its type (PROV_RSA_FULL, ...). */
BOOL AdvCryptProviderType(ULONG_PTR provider, DWORD *type);
/* sid.c: a SID's "S-1-..." form (out: at least 192 characters) and back (an SDDL abbreviation too;
 * sid: room for 15 sub-authorities); the abbreviations, a table ending with a NULL sid. */
void AdvFormatSid(const SID *s, WCHAR *out);
BOOL AdvParseSid(const WCHAR *text, SID *sid);
typedef struct { WCHAR abbreviation[3]; const WCHAR *sid; } AdvSddlName;
extern const AdvSddlName AdvSddlNames[];
/* sid.c: the account database (the one user and the well-known SIDs). */
BOOL AdvAccountOfSid(PSID sid, const WCHAR **name, const WCHAR **domain, SID_NAME_USE *use);
extern const WCHAR AdvUserSid[];
