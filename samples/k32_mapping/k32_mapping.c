/* Family 4, file mappings: a page-file mapping shared by two views, a file mapping whose view
 * writes reach the file, a read-only view as VirtualQuery describes it, and the errors (no size,
 * no view). Exit code: failed checks. */
#include "../k32.h"

void Entry(void)
{
    HANDLE m = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 0x2000, NULL);
    Check(m != NULL && GetLastError() == 0, "CreateFileMapping backed by the page file");
    char *a = MapViewOfFile(m, FILE_MAP_WRITE, 0, 0, 0), *b = MapViewOfFile(m, FILE_MAP_READ, 0, 0, 0x1000);
    Check(a && b && a != b, "two views of it");
    a[10] = 'x';
    Check(b[10] == 'x', "a write through one view shows in the other");
    MEMORY_BASIC_INFORMATION mbi;
    Check(VirtualQuery(b, &mbi, sizeof(mbi)) && mbi.Type == MEM_MAPPED && mbi.Protect == PAGE_READONLY,
          "a FILE_MAP_READ view is mapped read-only");
    Check(UnmapViewOfFile(a) && UnmapViewOfFile(b) && CloseHandle(m), "UnmapViewOfFile, CloseHandle");
    CheckError(CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, 0, NULL) == NULL,
               ERROR_INVALID_PARAMETER, "no size for a page-file mapping -> ERROR_INVALID_PARAMETER");

    HANDLE f = CreateFileA("C:\\Temp\\map.bin", GENERIC_READ | GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD done;
    WriteFile(f, "0123456789", 10, &done, NULL);
    m = CreateFileMappingA(f, NULL, PAGE_READWRITE, 0, 0, NULL);
    char *v = m ? MapViewOfFile(m, FILE_MAP_ALL_ACCESS, 0, 0, 0) : NULL;
    Check(v && v[0] == '0' && v[9] == '9', "a view of the file holds its bytes");
    v[0] = 'A';
    UnmapViewOfFile(v);
    CloseHandle(m);
    char in[4] = {0};
    SetFilePointer(f, 0, NULL, FILE_BEGIN);
    Check(ReadFile(f, in, 1, &done, NULL) && in[0] == 'A', "the view's write reached the file");
    CloseHandle(f);
    DeleteFileA("C:\\Temp\\map.bin");
    CheckError(!UnmapViewOfFile((void *)0x10000), ERROR_INVALID_ADDRESS, "unmapping no view -> ERROR_INVALID_ADDRESS");
    ExitProcess(failures);
}
