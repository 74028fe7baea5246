/* Family 2, other processes and threads: OpenProcess, OpenThread (by id: ERROR_INVALID_PARAMETER
 * for an id that names nothing), ReadProcessMemory, WriteProcessMemory (ERROR_PARTIAL_COPY when
 * only part could be copied). */
#include "kernelbase.h"

NTDLL NTSTATUS NTAPI NtOpenProcess(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, CLIENT_ID *);
NTDLL NTSTATUS NTAPI NtOpenThread(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, CLIENT_ID *);
NTDLL NTSTATUS NTAPI NtReadVirtualMemory(HANDLE, PVOID, PVOID, SIZE_T, SIZE_T *);
NTDLL NTSTATUS NTAPI NtWriteVirtualMemory(HANDLE, PVOID, LPCVOID, SIZE_T, SIZE_T *);

static HANDLE BaseOpen(NTSTATUS (NTAPI *open)(HANDLE *, ACCESS_MASK, OBJECT_ATTRIBUTES *, CLIENT_ID *),
                       DWORD access, BOOL inherit, DWORD pid, DWORD tid)
{
    OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, NULL, inherit ? OBJ_INHERIT : 0, NULL, NULL};
    CLIENT_ID cid = {(HANDLE)(ULONG_PTR)pid, (HANDLE)(ULONG_PTR)tid};
    HANDLE h = NULL;
    NTSTATUS status = open(&h, access, &oa, &cid);
    if (!NT_SUCCESS(status)) {
        BaseSetLastNTError(status);
        return NULL;
    }
    return h;
}

KBAPI HANDLE WINAPI OpenProcess(DWORD access, BOOL inherit, DWORD pid)
{
    return BaseOpen(NtOpenProcess, access, inherit, pid, 0);
}

KBAPI HANDLE WINAPI OpenThread(DWORD access, BOOL inherit, DWORD tid)
{
    return BaseOpen(NtOpenThread, access, inherit, 0, tid);
}

KBAPI BOOL WINAPI ReadProcessMemory(HANDLE process, LPCVOID base, LPVOID buffer, SIZE_T size, SIZE_T *done)
{
    SIZE_T n = 0;
    NTSTATUS status = NtReadVirtualMemory(process, (PVOID)base, buffer, size, &n);
    if (done) *done = n;
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI WriteProcessMemory(HANDLE process, LPVOID base, LPCVOID buffer, SIZE_T size, SIZE_T *done)
{
    SIZE_T n = 0;
    NTSTATUS status = NtWriteVirtualMemory(process, base, buffer, size, &n);
    if (done) *done = n;
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}
