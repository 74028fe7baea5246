/* The LSA's private data (secrets): LsaStorePrivateData (a NULL value deletes the secret) and
 * LsaRetrievePrivateData (STATUS_OBJECT_NAME_NOT_FOUND for no such secret). Storing needs
 * POLICY_CREATE_SECRET and reading POLICY_GET_PRIVATE_INFORMATION, rights only administrators are
 * granted (lsa_policy.c), so a standard user's handle is refused with STATUS_ACCESS_DENIED. The
 * secrets live in this process; names compare without regard to case. */
#include "lsa.h"

#define MAX_SECRETS 16
#define MAX_NAME 128
static struct { WCHAR name[MAX_NAME]; USHORT name_length; BYTE *data; USHORT length; } secrets[MAX_SECRETS];

static int Find(const LSA_UNICODE_STRING *name)
{
    for (int i = 0; i < MAX_SECRETS; i++) {
        if (!secrets[i].name_length || secrets[i].name_length != name->Length)
            continue;
        USHORT j = 0, n = name->Length / sizeof(WCHAR);
        while (j < n && RtlUpcaseUnicodeChar(secrets[i].name[j]) == RtlUpcaseUnicodeChar(name->Buffer[j]))
            j++;
        if (j == n)
            return i;
    }
    return -1;
}

static NTSTATUS Check(LSA_HANDLE policy, const LSA_UNICODE_STRING *name, ACCESS_MASK needed)
{
    ACCESS_MASK granted;
    if (!AdvLsaGranted(policy, &granted))
        return STATUS_INVALID_HANDLE_;
    if (!name || !name->Buffer || !name->Length || name->Length >= MAX_NAME * sizeof(WCHAR))
        return STATUS_INVALID_PARAMETER_;
    return (granted & needed) == needed ? STATUS_SUCCESS_ : STATUS_ACCESS_DENIED_;
}

ADVAPI NTSTATUS WINAPI LsaStorePrivateData(LSA_HANDLE policy, LSA_UNICODE_STRING *name, LSA_UNICODE_STRING *data)
{
    NTSTATUS status = Check(policy, name, POLICY_CREATE_SECRET);
    if (status)
        return status;
    int i = Find(name);
    if (!data) {                        /* no value: the secret is deleted */
        if (i < 0)
            return STATUS_OBJECT_NAME_NOT_FOUND_;
        AdvFree(secrets[i].data);
        memset(&secrets[i], 0, sizeof(secrets[i]));
        return STATUS_SUCCESS_;
    }
    if (data->Length && !data->Buffer)
        return STATUS_INVALID_PARAMETER_;
    for (int j = 0; i < 0 && j < MAX_SECRETS; j++)
        if (!secrets[j].name_length)
            i = j;
    if (i < 0)
        return STATUS_NO_MEMORY_;
    BYTE *copy = AdvAlloc(data->Length + 1);
    if (!copy)
        return STATUS_NO_MEMORY_;
    memcpy(copy, data->Buffer, data->Length);
    AdvFree(secrets[i].data);
    memcpy(secrets[i].name, name->Buffer, name->Length);
    secrets[i].name_length = name->Length;
    secrets[i].data = copy;
    secrets[i].length = data->Length;
    return STATUS_SUCCESS_;
}

ADVAPI NTSTATUS WINAPI LsaRetrievePrivateData(LSA_HANDLE policy, LSA_UNICODE_STRING *name, LSA_UNICODE_STRING **data)
{
    if (!data)
        return STATUS_INVALID_PARAMETER_;
    *data = NULL;
    NTSTATUS status = Check(policy, name, POLICY_GET_PRIVATE_INFORMATION);
    if (status)
        return status;
    int i = Find(name);
    if (i < 0)
        return STATUS_OBJECT_NAME_NOT_FOUND_;
    /* one block: the counted string, then its bytes */
    LSA_UNICODE_STRING *out = AdvLsaAlloc(sizeof(*out) + secrets[i].length + sizeof(WCHAR));
    if (!out)
        return STATUS_NO_MEMORY_;
    out->Length = secrets[i].length;
    out->MaximumLength = secrets[i].length;
    out->Buffer = (PWSTR)(out + 1);
    memcpy(out->Buffer, secrets[i].data, secrets[i].length);
    *data = out;
    return STATUS_SUCCESS_;
}
