/* Links. CreateHardLinkW: the existing file opened for FILE_WRITE_ATTRIBUTES, then the new name
 * set with FileLinkInformation (no replacing: an existing name is ERROR_ALREADY_EXISTS).
 * CreateSymbolicLinkW: creating a symbolic link needs SeCreateSymbolicLinkPrivilege, or with
 * SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE Developer Mode; the emulated user is a standard
 * user without Developer Mode, so it fails with ERROR_PRIVILEGE_NOT_HELD as Windows 10 does for
 * one (unknown flags are ERROR_INVALID_PARAMETER). */
#include "kernelbase.h"

#define FileLinkInformation_ 11
#define FILE_OPEN_ 1
#define SYMBOLIC_LINK_FLAGS (SYMBOLIC_LINK_FLAG_DIRECTORY | 0x2 /* ALLOW_UNPRIVILEGED_CREATE */)

KBAPI BOOL WINAPI CreateHardLinkW(LPCWSTR link, LPCWSTR existing, LPSECURITY_ATTRIBUTES sa)
{
    (void)sa;
    UNICODE_STRING nt, target;
    OBJECT_ATTRIBUTES oa, oa_target;
    if (!BaseOpenPath(existing, &nt, &oa)) return FALSE;
    IO_STATUS_BLOCK iosb;
    HANDLE h = NULL;
    NTSTATUS status = NtCreateFile(&h, FILE_WRITE_ATTRIBUTES | SYNCHRONIZE, &oa, &iosb, NULL, 0,
                                   FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, FILE_OPEN_,
                                   FILE_SYNCHRONOUS_IO_NONALERT_ | FILE_NON_DIRECTORY_FILE_ | FILE_OPEN_REPARSE_POINT_,
                                   NULL, 0);
    RtlFreeUnicodeString(&nt);
    if (!NT_SUCCESS(status)) return BaseFail(status);
    if (!BaseOpenPath(link, &target, &oa_target)) { NtClose(h); return FALSE; }
    SIZE_T size = 24 + target.Length;
    BYTE *info = RtlAllocateHeap(PEB_PROCESS_HEAP(), HEAP_ZERO_MEMORY, size);
    if (info == NULL) {
        NtClose(h);
        RtlFreeUnicodeString(&target);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    *(ULONG *)(info + 16) = target.Length;                  /* FILE_LINK_INFORMATION.FileNameLength */
    memcpy(info + 20, target.Buffer, target.Length);        /* .FileName; ReplaceIfExists FALSE */
    status = NtSetInformationFile(h, &iosb, info, (ULONG)size, FileLinkInformation_);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, info);
    RtlFreeUnicodeString(&target);
    NtClose(h);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI CreateHardLinkA(LPCSTR link, LPCSTR existing, LPSECURITY_ATTRIBUTES sa)
{
    WCHAR *w1 = BaseWideName(link), *w2 = w1 ? BaseWideName(existing) : NULL;
    BOOL ok = w2 ? CreateHardLinkW(w1, w2, sa) : FALSE;
    DWORD e = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w1);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w2);
    SetLastError(e);
    return ok;
}

KBAPI BOOLEAN WINAPI CreateSymbolicLinkW(LPCWSTR link, LPCWSTR target, DWORD flags)
{
    if (!link || !target || (flags & ~(DWORD)SYMBOLIC_LINK_FLAGS)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    SetLastError(ERROR_PRIVILEGE_NOT_HELD);
    return FALSE;
}

KBAPI BOOLEAN WINAPI CreateSymbolicLinkA(LPCSTR link, LPCSTR target, DWORD flags)
{
    WCHAR *w1 = BaseWideName(link), *w2 = w1 ? BaseWideName(target) : NULL;
    BOOLEAN ok = w2 ? CreateSymbolicLinkW(w1, w2, flags) : FALSE;
    DWORD e = GetLastError();
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w1);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, w2);
    SetLastError(e);
    return ok;
}
