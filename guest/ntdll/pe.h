/* The PE structures the user-mode loader reads from mapped images. */
#pragma once
#include "ntdll.h"

typedef struct { USHORT e_magic; UCHAR pad[0x3A]; LONG e_lfanew; } IMAGE_DOS_HEADER;
typedef struct { ULONG VirtualAddress, Size; } IMAGE_DATA_DIRECTORY;
typedef struct {
    ULONG Signature;
    USHORT Machine, NumberOfSections; ULONG TimeDateStamp, PointerToSymbolTable, NumberOfSymbols;
    USHORT SizeOfOptionalHeader, Characteristics;
    USHORT Magic; UCHAR MajorLinkerVersion, MinorLinkerVersion;
    ULONG SizeOfCode, SizeOfInitializedData, SizeOfUninitializedData, AddressOfEntryPoint, BaseOfCode;
    ULONG64 ImageBase; ULONG SectionAlignment, FileAlignment;
    USHORT MajorOperatingSystemVersion, MinorOperatingSystemVersion, MajorImageVersion, MinorImageVersion;
    USHORT MajorSubsystemVersion, MinorSubsystemVersion;
    ULONG Win32VersionValue, SizeOfImage, SizeOfHeaders, CheckSum;
    USHORT Subsystem, DllCharacteristics;
    ULONG64 SizeOfStackReserve, SizeOfStackCommit, SizeOfHeapReserve, SizeOfHeapCommit;
    ULONG LoaderFlags, NumberOfRvaAndSizes;
    IMAGE_DATA_DIRECTORY DataDirectory[16];
} IMAGE_NT_HEADERS64;

#define IMAGE_DIRECTORY_ENTRY_EXPORT 0
#define IMAGE_DIRECTORY_ENTRY_TLS 9
#define IMAGE_DIRECTORY_ENTRY_LOAD_CONFIG 10

typedef struct {
    ULONG64 StartAddressOfRawData, EndAddressOfRawData, AddressOfIndex, AddressOfCallBacks;
    ULONG SizeOfZeroFill, Characteristics;
} IMAGE_TLS_DIRECTORY64;

/* IMAGE_LOAD_CONFIG_DIRECTORY64 up to GlobalFlagsSet. */
typedef struct {
    ULONG Size, TimeDateStamp; USHORT MajorVersion, MinorVersion;
    ULONG GlobalFlagsClear, GlobalFlagsSet;
} IMAGE_LOAD_CONFIG_PREFIX;

typedef void (NTAPI *PIMAGE_TLS_CALLBACK)(PVOID DllHandle, ULONG Reason, PVOID Reserved);
typedef BOOLEAN (NTAPI *PDLL_INIT_ROUTINE)(PVOID DllHandle, ULONG Reason, PVOID Context);

static inline IMAGE_NT_HEADERS64 *RtlImageNtHeader(PVOID base) {
    IMAGE_DOS_HEADER *dos = base;
    return (IMAGE_NT_HEADERS64 *)((UCHAR *)base + dos->e_lfanew);
}

static inline PVOID RtlImageDirectoryEntryToData(PVOID base, ULONG entry, ULONG *size) {
    IMAGE_NT_HEADERS64 *nt = RtlImageNtHeader(base);
    if (entry >= nt->NumberOfRvaAndSizes || !nt->DataDirectory[entry].VirtualAddress) return NULL;
    if (size) *size = nt->DataDirectory[entry].Size;
    return (UCHAR *)base + nt->DataDirectory[entry].VirtualAddress;
}
