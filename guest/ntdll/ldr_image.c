/* The image helpers every loader user calls: RtlImageNtHeader(Ex), RtlImageDirectoryEntryToData
 * (for a mapped image or a file read flat), RtlImageRvaToSection/Va. */
#include "ldrp.h"

NTSYSAPI NTSTATUS NTAPI RtlImageNtHeaderEx(ULONG flags, PVOID base, ULONG64 size, IMAGE_NT_HEADERS64 **out)
{
    (void)flags;
    if (out == NULL)
        return STATUS_INVALID_PARAMETER;
    *out = NULL;
    if (base == NULL || base == (PVOID)-1)
        return STATUS_INVALID_PARAMETER;
    IMAGE_DOS_HEADER *dos = base;
    if (size && size < sizeof(*dos))
        return STATUS_INVALID_IMAGE_FORMAT;
    if (dos->e_magic != 0x5A4D || dos->e_lfanew < 0 || dos->e_lfanew >= 256 * 1024 * 1024)
        return STATUS_INVALID_IMAGE_FORMAT;
    if (size && (ULONG64)dos->e_lfanew + sizeof(IMAGE_NT_HEADERS64) > size)
        return STATUS_INVALID_IMAGE_FORMAT;
    IMAGE_NT_HEADERS64 *nt = (IMAGE_NT_HEADERS64 *)((UCHAR *)base + dos->e_lfanew);
    if (nt->Signature != 0x4550)
        return STATUS_INVALID_IMAGE_FORMAT;
    *out = nt;
    return STATUS_SUCCESS;
}

NTSYSAPI IMAGE_NT_HEADERS64 *NTAPI RtlImageNtHeader(PVOID base)
{
    IMAGE_NT_HEADERS64 *nt = NULL;
    RtlImageNtHeaderEx(1, base, 0, &nt);
    return nt;
}

static IMAGE_SECTION_HEADER *FirstSection(IMAGE_NT_HEADERS64 *nt)
{
    return (IMAGE_SECTION_HEADER *)((UCHAR *)&nt->Magic + nt->SizeOfOptionalHeader);
}

NTSYSAPI IMAGE_SECTION_HEADER *NTAPI RtlImageRvaToSection(IMAGE_NT_HEADERS64 *nt, PVOID base, ULONG rva)
{
    (void)base;
    IMAGE_SECTION_HEADER *s = FirstSection(nt);
    for (USHORT i = 0; i < nt->NumberOfSections; i++, s++)
        if (rva >= s->VirtualAddress && rva < s->VirtualAddress + (s->SizeOfRawData > s->VirtualSize
                                                                     ? s->SizeOfRawData : s->VirtualSize))
            return s;
    return NULL;
}

NTSYSAPI PVOID NTAPI RtlImageRvaToVa(IMAGE_NT_HEADERS64 *nt, PVOID base, ULONG rva, IMAGE_SECTION_HEADER **last)
{
    IMAGE_SECTION_HEADER *s = last && *last && rva >= (*last)->VirtualAddress &&
                              rva < (*last)->VirtualAddress + (*last)->SizeOfRawData ? *last
                                                                                     : RtlImageRvaToSection(nt, base, rva);
    if (s == NULL)
        return NULL;
    if (last)
        *last = s;
    return (UCHAR *)base + (rva - s->VirtualAddress) + s->PointerToRawData;
}

NTSYSAPI PVOID NTAPI RtlImageDirectoryEntryToData(PVOID base, BOOLEAN mapped, USHORT entry, ULONG *size)
{
    if ((ULONG_PTR)base & 3) {                  /* a data mapping (LoadLibraryEx AS_DATAFILE, AS_IMAGE_RESOURCE) */
        base = (PVOID)((ULONG_PTR)base & ~(ULONG_PTR)3);
        mapped = 0;
    }
    IMAGE_NT_HEADERS64 *nt = RtlImageNtHeader(base);
    if (nt == NULL || nt->Magic != 0x20B || entry >= nt->NumberOfRvaAndSizes)
        return NULL;
    ULONG rva = nt->DataDirectory[entry].VirtualAddress;
    if (rva == 0)
        return NULL;
    if (size)
        *size = nt->DataDirectory[entry].Size;
    if (mapped || rva < nt->SizeOfHeaders)
        return (UCHAR *)base + rva;
    return RtlImageRvaToVa(nt, base, rva, NULL);
}
