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
#define IMAGE_DIRECTORY_ENTRY_IMPORT 1
#define IMAGE_DIRECTORY_ENTRY_EXCEPTION 3
#define IMAGE_DIRECTORY_ENTRY_BASERELOC 5
#define IMAGE_DIRECTORY_ENTRY_TLS 9
#define IMAGE_DIRECTORY_ENTRY_LOAD_CONFIG 10
#define IMAGE_DIRECTORY_ENTRY_BOUND_IMPORT 11
#define IMAGE_DIRECTORY_ENTRY_IAT 12
#define IMAGE_DIRECTORY_ENTRY_DELAY_IMPORT 13
#define IMAGE_FILE_DLL 0x2000

typedef struct {
    ULONG Characteristics, TimeDateStamp; USHORT MajorVersion, MinorVersion;
    ULONG Name, Base, NumberOfFunctions, NumberOfNames;
    ULONG AddressOfFunctions, AddressOfNames, AddressOfNameOrdinals;
} IMAGE_EXPORT_DIRECTORY;

typedef struct {
    ULONG OriginalFirstThunk, TimeDateStamp, ForwarderChain, Name, FirstThunk;
} IMAGE_IMPORT_DESCRIPTOR;

typedef struct {
    ULONG Attributes, DllNameRVA, ModuleHandleRVA, ImportAddressTableRVA, ImportNameTableRVA;
    ULONG BoundImportAddressTableRVA, UnloadInformationTableRVA, TimeDateStamp;
} IMAGE_DELAYLOAD_DESCRIPTOR;

typedef struct {
    UCHAR Name[8]; ULONG VirtualSize, VirtualAddress, SizeOfRawData, PointerToRawData;
    ULONG PointerToRelocations, PointerToLinenumbers; USHORT NumberOfRelocations, NumberOfLinenumbers;
    ULONG Characteristics;
} IMAGE_SECTION_HEADER;

#define IMAGE_ORDINAL_FLAG64 0x8000000000000000ULL

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

/* ldr_image.c */
NTSYSAPI IMAGE_NT_HEADERS64 *NTAPI RtlImageNtHeader(PVOID base);
NTSYSAPI PVOID NTAPI RtlImageDirectoryEntryToData(PVOID base, BOOLEAN mapped, USHORT entry, ULONG *size);
