/* Family 4 (files): GetFileInformationByHandleEx and SetFileInformationByHandle, each Win32 class
 * (FILE_INFO_BY_HANDLE_CLASS) carried to its native class, whose structure is the same bytes; the
 * directory classes read the handle's directory with NtQueryDirectoryFile (the *RestartInfo ones
 * from its first entry). A class without a native counterpart is ERROR_INVALID_PARAMETER. */
#include "kernelbase.h"


/* (Win32 class, native class, directory query?, restart?) */
static const struct { BYTE win32, native, directory, restart; } query_classes[] = {
    {FileBasicInfo, 4, 0, 0}, {FileStandardInfo, 5, 0, 0}, {FileNameInfo, 9, 0, 0},
    {FileStreamInfo, 22, 0, 0}, {FileCompressionInfo, 28, 0, 0}, {FileAttributeTagInfo, 35, 0, 0},
    {FileIdBothDirectoryInfo, 37, 1, 0}, {FileIdBothDirectoryRestartInfo, 37, 1, 1},
    {FileRemoteProtocolInfo, 55, 0, 0}, {FileFullDirectoryInfo, 2, 1, 0}, {FileFullDirectoryRestartInfo, 2, 1, 1},
    {FileAlignmentInfo, 17, 0, 0}, {FileIdInfo, 59, 0, 0}, {FileIdExtdDirectoryInfo, 60, 1, 0},
    {FileIdExtdDirectoryRestartInfo, 60, 1, 1},
};

static const struct { BYTE win32, native; } set_classes[] = {
    {FileBasicInfo, 4}, {FileRenameInfo, 10}, {FileDispositionInfo, 13}, {FileAllocationInfo, 19},
    {FileEndOfFileInfo, 20}, {FileIoPriorityHintInfo, 43}, {21 /* FileDispositionInfoEx */, 64},
    {22 /* FileRenameInfoEx */, 65},
};

KBAPI BOOL WINAPI GetFileInformationByHandleEx(HANDLE h, FILE_INFO_BY_HANDLE_CLASS cls, LPVOID out, DWORD size)
{
    for (SIZE_T i = 0; i < sizeof(query_classes) / sizeof(query_classes[0]); i++) {
        if (query_classes[i].win32 != (BYTE)cls || (DWORD)cls > 0xFF)
            continue;
        IO_STATUS_BLOCK iosb;
        NTSTATUS status;
        if (query_classes[i].directory)
            status = NtQueryDirectoryFile(h, NULL, NULL, NULL, &iosb, out, size, query_classes[i].native, FALSE,
                                          NULL, query_classes[i].restart);
        else
            status = NtQueryInformationFile(h, &iosb, out, size, query_classes[i].native);
        if (status == STATUS_PENDING_ || !NT_SUCCESS(status))
            return BaseFail(status == STATUS_PENDING_ ? STATUS_INVALID_HANDLE_ : status);
        return TRUE;
    }
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}

/* FILE_RENAME_INFO's name without a RootDirectory may be a Win32 path (Rust's fs::rename passes
 * \\?\C:\...): it goes to NtSetInformationFile as its NT path. A bare name (a rename in the same
 * folder) and an NT path (one leading backslash) go unchanged. */
static BOOL RenameWithNtName(HANDLE h, const FILE_RENAME_INFO *info, DWORD size, ULONG native)
{
    const WCHAR *name = info->FileName;
    DWORD chars = info->FileNameLength / sizeof(WCHAR);
    BOOL path = FALSE;
    for (DWORD i = 0; i < chars; i++)
        path |= name[i] == L'\\' || name[i] == L'/' || name[i] == L':';
    if (info->RootDirectory || size < sizeof(*info) || info->FileNameLength > size - FIELD_OFFSET(FILE_RENAME_INFO, FileName)
        || !path || (chars >= 2 && name[0] == L'\\' && name[1] != L'\\')) {
        IO_STATUS_BLOCK iosb;
        NTSTATUS status = NtSetInformationFile(h, &iosb, (PVOID)info, size, native);
        return NT_SUCCESS(status) ? TRUE : BaseFail(status);
    }
    WCHAR *dos = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, info->FileNameLength + sizeof(WCHAR));
    if (!dos) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    memcpy(dos, name, info->FileNameLength);
    dos[chars] = 0;
    UNICODE_STRING nt = {0};
    NTSTATUS status = RtlDosPathNameToNtPathName_U_WithStatus(dos, &nt, NULL, NULL);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, dos);
    if (!NT_SUCCESS(status))
        return BaseFail(status);
    DWORD total = FIELD_OFFSET(FILE_RENAME_INFO, FileName) + nt.Length;
    FILE_RENAME_INFO *copy = RtlAllocateHeap(PEB_PROCESS_HEAP(), 0, total + sizeof(WCHAR));
    if (!copy) {
        RtlFreeUnicodeString(&nt);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return FALSE;
    }
    memcpy(copy, info, FIELD_OFFSET(FILE_RENAME_INFO, FileName));
    copy->FileNameLength = nt.Length;
    memcpy(copy->FileName, nt.Buffer, nt.Length);
    RtlFreeUnicodeString(&nt);
    IO_STATUS_BLOCK iosb;
    status = NtSetInformationFile(h, &iosb, copy, total, native);
    RtlFreeHeap(PEB_PROCESS_HEAP(), 0, copy);
    return NT_SUCCESS(status) ? TRUE : BaseFail(status);
}

KBAPI BOOL WINAPI SetFileInformationByHandle(HANDLE h, FILE_INFO_BY_HANDLE_CLASS cls, LPVOID in, DWORD size)
{
    for (SIZE_T i = 0; i < sizeof(set_classes) / sizeof(set_classes[0]); i++) {
        if (set_classes[i].win32 != (BYTE)cls || (DWORD)cls > 0xFF)
            continue;
        if ((set_classes[i].native == 10 || set_classes[i].native == 65) && in)
            return RenameWithNtName(h, in, size, set_classes[i].native);
        IO_STATUS_BLOCK iosb;
        NTSTATUS status = NtSetInformationFile(h, &iosb, in, size, set_classes[i].native);
        return NT_SUCCESS(status) ? TRUE : BaseFail(status);
    }
    SetLastError(ERROR_INVALID_PARAMETER);
    return FALSE;
}
