/* Section objects: a page-file-backed section mapped twice (the views share their pages), a
 * file-backed one whose writes reach the file, an image section from a file handle
 * (SectionImageInformation, STATUS_IMAGE_NOT_AT_BASE), NtExtendSection, unmapping (MEM_FREE)
 * and the statuses of what is refused. */
#include "../nt.h"


#define SEC_COMMIT 0x8000000
#define SEC_IMAGE 0x1000000
#define PAGE_READWRITE 0x04
#define PAGE_READONLY 0x02
#define PAGE_EXECUTE_READWRITE 0x40
#define ViewShare 1

typedef struct { PVOID BaseAddress; ULONG AllocationAttributes; LARGE_INTEGER MaximumSize; } SECTION_BASIC_INFORMATION;
typedef struct { PVOID TransferAddress; ULONG ZeroBits; SIZE_T MaximumStackSize, CommittedStackSize;
                 ULONG SubSystemType; USHORT Minor, Major; ULONG OsVersion; USHORT ImageCharacteristics,
                 DllCharacteristics, Machine; UCHAR ContainsCode, Flags; ULONG LoaderFlags, FileSize, CheckSum;
} SECTION_IMAGE_INFORMATION;
typedef struct { PVOID BaseAddress, AllocationBase; ULONG AllocationProtect; USHORT PartitionId;
                 SIZE_T RegionSize; ULONG State, Protect, Type; } MBI;
extern char __ImageBase;

static PVOID Map(HANDLE section, ULONG protect, NTSTATUS *status)
{
    PVOID base = 0;
    SIZE_T size = 0;
    *status = NtMapViewOfSection(section, (HANDLE)-1, &base, 0, 0, 0, &size, ViewShare, 0, protect);
    return base;
}

static void Check(const char *what, int ok) { Print(ok ? "ok   " : "FAIL "); Print(what); Print("\n"); }

void Entry(void)
{
    NTSTATUS status;
    HANDLE section;
    LARGE_INTEGER size = {0x10000};

    /* Page-file backed: two views, one set of pages. */
    status = NtCreateSection(&section, 0xF001F, 0, &size, PAGE_READWRITE, SEC_COMMIT, 0);
    Check("page-file section created", status == 0);
    char *a = Map(section, PAGE_READWRITE, &status), *b = Map(section, PAGE_READONLY, &status);
    Check("two views at two addresses", a && b && a != b);
    a[0x1234] = 'x';
    Check("a write through one view is seen through the other", b[0x1234] == 'x');
    SECTION_BASIC_INFORMATION basic;
    status = NtQuerySection(section, 0, &basic, sizeof(basic), 0);
    Check("SectionBasicInformation: size and SEC_COMMIT", status == 0 && basic.MaximumSize.QuadPart == 0x10000 &&
          (basic.AllocationAttributes & SEC_COMMIT));
    Check("a view cannot ask for more than the section grants",
          Map(section, PAGE_EXECUTE_READWRITE, &status) == 0 && status == (NTSTATUS)0xC000004E);
    status = NtQuerySection(section, 1, &basic, sizeof(basic), 0);
    Check("no image information for a data section", status == (NTSTATUS)0xC0000049);
    LARGE_INTEGER bigger = {0x20000};
    Check("NtExtendSection", NtExtendSection(section, &bigger) == 0 && bigger.QuadPart == 0x20000);
    Check("unmap", NtUnmapViewOfSection((HANDLE)-1, a) == 0);
    MBI mbi;
    NtQueryVirtualMemory((HANDLE)-1, a, 0, &mbi, sizeof(mbi), 0);
    Check("an unmapped view is MEM_FREE", mbi.State == 0x10000);
    NtQueryVirtualMemory((HANDLE)-1, b, 0, &mbi, sizeof(mbi), 0);
    Check("the other view is MEM_MAPPED", mbi.State == 0x1000 && mbi.Type == 0x40000);
    Check("unmapping what is no view", NtUnmapViewOfSection((HANDLE)-1, a) == (NTSTATUS)0xC0000019);
    NtUnmapViewOfSection((HANDLE)-1, b);
    NtClose(section);

    /* File backed: the file's bytes in the view, the view's writes in the file. */
    HANDLE file;
    IO_STATUS_BLOCK iosb;
    status = CreateFileNt(&file, "\\??\\C:\\Temp\\section.bin", GENERIC_READ | GENERIC_WRITE | SYNCHRONIZE, 0,
                          FILE_OVERWRITE_IF, FILE_SYNCHRONOUS_IO_NONALERT | FILE_NON_DIRECTORY_FILE);
    NtWriteFile(file, 0, 0, 0, &iosb, "hello, section", 14, 0, 0);
    status = NtCreateSection(&section, 0xF001F, 0, 0, PAGE_READWRITE, SEC_COMMIT, file);
    Check("file-backed section created", status == 0);
    NtClose(file);
    char *v = Map(section, PAGE_READWRITE, &status);
    Check("the file's bytes in the view", v && v[0] == 'h' && v[7] == 's');
    v[0] = 'H';
    NtUnmapViewOfSection((HANDLE)-1, v);
    NtClose(section);
    char back[16] = {0};
    LARGE_INTEGER zero = {0};
    CreateFileNt(&file, "\\??\\C:\\Temp\\section.bin", GENERIC_READ | SYNCHRONIZE, FILE_SHARE_READ, FILE_OPEN,
                 FILE_SYNCHRONOUS_IO_NONALERT);
    NtReadFile(file, 0, 0, 0, &iosb, back, 14, &zero, 0);
    Check("the view's write reached the file", back[0] == 'H' && back[1] == 'e');
    Check("no image section from a data file",
          NtCreateSection(&section, 0xF001F, 0, 0, 0x10, SEC_IMAGE, file) == (NTSTATUS)0xC000012F);
    NtClose(file);

    /* An image section from this program's own file. */
    CreateFileNt(&file, "\\??\\C:\\app\\sections.exe", GENERIC_READ | SYNCHRONIZE, FILE_SHARE_READ, FILE_OPEN,
                 FILE_SYNCHRONOUS_IO_NONALERT);
    status = NtCreateSection(&section, 0xF001F, 0, 0, 0x10, SEC_IMAGE, file);
    Check("image section created", status == 0);
    SECTION_IMAGE_INFORMATION info;
    status = NtQuerySection(section, 1, &info, sizeof(info), 0);
    Check("SectionImageInformation: entry point, subsystem, machine",
          status == 0 && info.TransferAddress == (PVOID)&Entry && info.SubSystemType == 3 && info.Machine == 0x8664);
    char *image = Map(section, PAGE_READWRITE, &status);
    Check("a second view of a mapped image is not at its base",
          status == 0x40000003 && image && image != &__ImageBase && image[0] == 'M' && image[1] == 'Z');
    NtQueryVirtualMemory((HANDLE)-1, image, 0, &mbi, sizeof(mbi), 0);
    Check("an image view is MEM_IMAGE", mbi.Type == 0x1000000);
    NtClose(file);
    NtTerminateProcess((HANDLE)-1, 0);
}
