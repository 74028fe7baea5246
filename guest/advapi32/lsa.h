/* What the LSA sources share (lsa_policy.c, lsa_lookup.c, lsa_rights.c): the LSA types of
 * ntsecapi.h (declared here: its UNICODE_STRING would clash with advapi32.h's), the policy handle
 * and the access it was granted, and the LSA's memory (LsaFreeMemory frees it). */
#pragma once
#include "advapi32.h"

typedef UNICODE_STRING LSA_UNICODE_STRING;
typedef PVOID LSA_HANDLE;
typedef struct { ULONG Length; HANDLE RootDirectory; LSA_UNICODE_STRING *ObjectName; ULONG Attributes;
                 PVOID SecurityDescriptor, SecurityQualityOfService; } LSA_OBJECT_ATTRIBUTES;
typedef struct { LSA_UNICODE_STRING Name; PSID Sid; } LSA_TRUST_INFORMATION;
typedef struct { ULONG Entries; LSA_TRUST_INFORMATION *Domains; } LSA_REFERENCED_DOMAIN_LIST;
typedef struct { SID_NAME_USE Use; LSA_UNICODE_STRING Name; LONG DomainIndex; } LSA_TRANSLATED_NAME;
typedef struct { SID_NAME_USE Use; ULONG RelativeId; LONG DomainIndex; } LSA_TRANSLATED_SID;
typedef struct { SID_NAME_USE Use; PSID Sid; LONG DomainIndex; ULONG Flags; } LSA_TRANSLATED_SID2;

/* the policy object's access rights (ntsecapi.h) */
#define POLICY_VIEW_LOCAL_INFORMATION 0x0001
#define POLICY_VIEW_AUDIT_INFORMATION 0x0002
#define POLICY_GET_PRIVATE_INFORMATION 0x0004
#define POLICY_CREATE_ACCOUNT 0x0010
#define POLICY_CREATE_SECRET 0x0020
#define POLICY_LOOKUP_NAMES 0x0800
#define POLICY_ALL_ACCESS_ (STANDARD_RIGHTS_REQUIRED | 0x0FFF)
#define POLICY_READ_ (STANDARD_RIGHTS_READ | 0x0006)
#define POLICY_WRITE_ (STANDARD_RIGHTS_WRITE | 0x07F8)
#define POLICY_EXECUTE_ (STANDARD_RIGHTS_EXECUTE | 0x0801)

#define STATUS_SUCCESS_ ((NTSTATUS)0x00000000)
#define STATUS_SOME_NOT_MAPPED_ ((NTSTATUS)0x00000107)
#define STATUS_INVALID_HANDLE_ ((NTSTATUS)0xC0000008)
#define STATUS_INVALID_PARAMETER_ ((NTSTATUS)0xC000000D)
#define STATUS_NO_MEMORY_ ((NTSTATUS)0xC0000017)
#define STATUS_ACCESS_DENIED_ ((NTSTATUS)0xC0000022)
#define STATUS_NO_SUCH_PRIVILEGE_ ((NTSTATUS)0xC0000060)
#define STATUS_NONE_MAPPED_ ((NTSTATUS)0xC0000073)
#define STATUS_INVALID_SID_ ((NTSTATUS)0xC0000078)
#define STATUS_INVALID_INFO_CLASS_ ((NTSTATUS)0xC0000003)
#define RPC_NT_SERVER_UNAVAILABLE_ ((NTSTATUS)0xC0020017)

/* lsa_policy.c: the access an open policy handle was granted, FALSE for what is no policy handle. */
BOOL AdvLsaGranted(LSA_HANDLE handle, ACCESS_MASK *granted);
/* lsa_policy.c: the LSA's memory, from the process heap (LsaFreeMemory frees it). */
void *AdvLsaAlloc(SIZE_T size);
/* lsa_rights.c: whether the account, or a group of the process token, holds the right. */
BOOL AdvLsaTokenHasRight(const WCHAR *right);
