/* Family 2, the attribute list of STARTUPINFOEX and CreateRemoteThreadEx:
 * InitializeProcThreadAttributeList (its size: a 24-byte header and 24 bytes per attribute, as
 * Windows x64 reports it), UpdateProcThreadAttribute (each attribute's documented value size,
 * once each unless replaced), DeleteProcThreadAttributeList. The list keeps pointers to the
 * caller's values, which must stay valid until the list is used, as the documentation says. */
#include "proc_attr.h"

typedef struct {
    DWORD_PTR Attribute;
    SIZE_T Size;
    PVOID Value;
} PROC_ATTRIBUTE_ENTRY;

struct _PROC_THREAD_ATTRIBUTE_LIST {
    DWORD PresentFlags;                 /* a bit per attribute number present */
    ULONG Capacity;
    ULONG Count;
    ULONG Reserved;
    PVOID Unknown;
    PROC_ATTRIBUTE_ENTRY Entries[];
};

#define PROC_ATTR_HEADER 24
#define ATTRIBUTE_NUMBER_MASK 0xFFFF
#ifndef ERROR_OBJECT_NAME_EXISTS
#define ERROR_OBJECT_NAME_EXISTS 698L
#endif

/* Each attribute this kernel knows, with its value's size (0: any non-zero multiple of 8). */
static const struct { DWORD_PTR Attribute; SIZE_T Size; } KnownAttributes[] = {
    {0x00020000, sizeof(HANDLE)},       /* PROC_THREAD_ATTRIBUTE_PARENT_PROCESS */
    {0x00020002, 0},                    /* PROC_THREAD_ATTRIBUTE_HANDLE_LIST */
    {0x00030003, 16},                   /* PROC_THREAD_ATTRIBUTE_GROUP_AFFINITY (GROUP_AFFINITY) */
    {0x00020004, sizeof(USHORT)},       /* PROC_THREAD_ATTRIBUTE_PREFERRED_NODE */
    {0x00030005, 4},                    /* PROC_THREAD_ATTRIBUTE_IDEAL_PROCESSOR (PROCESSOR_NUMBER) */
    {0x00020007, 8},                    /* PROC_THREAD_ATTRIBUTE_MITIGATION_POLICY (8 or 16 bytes) */
    {0x0002000B, sizeof(DWORD)},        /* PROC_THREAD_ATTRIBUTE_PROTECTION_LEVEL */
    {0x0002000D, 0},                    /* PROC_THREAD_ATTRIBUTE_JOB_LIST */
    {0x0002000E, sizeof(DWORD)},        /* PROC_THREAD_ATTRIBUTE_CHILD_PROCESS_POLICY */
    {0x0002000F, sizeof(DWORD)},        /* PROC_THREAD_ATTRIBUTE_ALL_APPLICATION_PACKAGES_POLICY */
    {0x00020012, sizeof(DWORD)},        /* PROC_THREAD_ATTRIBUTE_DESKTOP_APP_POLICY */
    {0x00020016, sizeof(HANDLE)},       /* PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE */
};

KBAPI BOOL WINAPI InitializeProcThreadAttributeList(LPPROC_THREAD_ATTRIBUTE_LIST list, DWORD count, DWORD flags,
                                                    PSIZE_T size)
{
    if (flags != 0 || size == NULL) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    SIZE_T needed = PROC_ATTR_HEADER + (SIZE_T)count * sizeof(PROC_ATTRIBUTE_ENTRY);
    if (list == NULL || *size < needed) {
        *size = needed;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    list->PresentFlags = 0;
    list->Capacity = count;
    list->Count = 0;
    list->Reserved = 0;
    list->Unknown = NULL;
    *size = needed;
    return TRUE;
}

KBAPI BOOL WINAPI UpdateProcThreadAttribute(LPPROC_THREAD_ATTRIBUTE_LIST list, DWORD flags, DWORD_PTR attribute,
                                            PVOID value, SIZE_T size, PVOID previous, PSIZE_T return_size)
{
    if (list == NULL || (flags & ~PROC_THREAD_ATTRIBUTE_REPLACE_VALUE) || previous || return_size) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    SIZE_T expected = (SIZE_T)-1;
    for (SIZE_T i = 0; i < sizeof(KnownAttributes) / sizeof(KnownAttributes[0]); i++)
        if (KnownAttributes[i].Attribute == attribute) expected = KnownAttributes[i].Size;
    if (expected == (SIZE_T)-1) {
        SetLastError(ERROR_NOT_SUPPORTED);
        return FALSE;
    }
    BOOL size_ok = expected ? size == expected : size != 0 && size % sizeof(HANDLE) == 0;
    if (attribute == 0x00020007)        /* the mitigation policy: one, two or three 64-bit words */
        size_ok = size == 8 || size == 16 || size == 24;
    if (!size_ok) {
        SetLastError(ERROR_BAD_LENGTH);
        return FALSE;
    }
    DWORD bit = 1u << (attribute & ATTRIBUTE_NUMBER_MASK);
    if (flags & PROC_THREAD_ATTRIBUTE_REPLACE_VALUE && list->PresentFlags & bit) {
        for (ULONG i = 0; i < list->Count; i++)
            if (list->Entries[i].Attribute == attribute) {
                list->Entries[i].Size = size;
                list->Entries[i].Value = value;
            }
        return TRUE;
    }
    /* A full list first, then an attribute already there, as Windows checks them. */
    if (list->Count >= list->Capacity) {
        SetLastError(ERROR_GEN_FAILURE);
        return FALSE;
    }
    if (list->PresentFlags & bit) {
        SetLastError(ERROR_OBJECT_NAME_EXISTS);
        return FALSE;
    }
    PROC_ATTRIBUTE_ENTRY *e = &list->Entries[list->Count++];
    e->Attribute = attribute;
    e->Size = size;
    e->Value = value;
    list->PresentFlags |= bit;
    return TRUE;
}

KBAPI VOID WINAPI DeleteProcThreadAttributeList(LPPROC_THREAD_ATTRIBUTE_LIST list)
{
    (void)list;                         /* the caller's memory: nothing was allocated */
}

BOOL BaseGetProcThreadAttribute(LPPROC_THREAD_ATTRIBUTE_LIST list, DWORD_PTR attribute, PVOID *value, SIZE_T *size)
{
    if (list == NULL)
        return FALSE;
    for (ULONG i = 0; i < list->Count; i++)
        if (list->Entries[i].Attribute == attribute) {
            *value = list->Entries[i].Value;
            *size = list->Entries[i].Size;
            return TRUE;
        }
    return FALSE;
}
