/* DOS paths: RtlDetermineDosPathNameType_U, RtlGetFullPathName_U (relative to the current
 * directory, '/' as '\', "." and ".." resolved, trailing dots and spaces of the last element
 * dropped), RtlDosPathNameToNtPathName_U(_WithStatus) ("\??\" + the full path, "\\?\" kept as
 * written; a DOS device name such as NUL or CON, RtlIsDosDeviceName_U, is "\??\NAME"), and the
 * process's current directory (ProcessParameters->CurrentDirectory). */
#include "rtl.h"

#define PARAMS() ((UCHAR *)NtCurrentTeb()->ProcessEnvironmentBlock->ProcessParameters)
#define CURDIR_PATH (*(UNICODE_STRING *)(PARAMS() + 0x38))        /* CurrentDirectory.DosPath */
#define CURDIR_HANDLE (*(HANDLE *)(PARAMS() + 0x48))              /* CurrentDirectory.Handle */
#define MAX_PATH_CHARS 32767

enum { RtlPathTypeUnknown, RtlPathTypeUncAbsolute, RtlPathTypeDriveAbsolute, RtlPathTypeDriveRelative,
       RtlPathTypeRooted, RtlPathTypeRelative, RtlPathTypeLocalDevice, RtlPathTypeRootLocalDevice };

static int Sep(WCHAR c) { return c == '\\' || c == '/'; }

NTSYSAPI ULONG NTAPI RtlDetermineDosPathNameType_U(PCWSTR p)
{
    if (Sep(p[0])) {
        if (!Sep(p[1])) return RtlPathTypeRooted;
        if ((p[2] == '.' || p[2] == '?')) {
            if (Sep(p[3])) return RtlPathTypeLocalDevice;
            if (p[3] == 0) return RtlPathTypeRootLocalDevice;
        }
        return RtlPathTypeUncAbsolute;
    }
    if (p[0] && p[1] == ':')
        return Sep(p[2]) ? RtlPathTypeDriveAbsolute : RtlPathTypeDriveRelative;
    return RtlPathTypeRelative;
}

/* RtlIsDosDeviceName_U: when the last element of a drive or relative path names a DOS device (NUL,
 * CON, AUX, PRN, COM1-9, LPT1-9, whatever follows a '.' or ':' and trailing spaces ignored), its
 * offset in bytes in the high word and its length in bytes in the low word; otherwise 0. */
NTSYSAPI ULONG NTAPI RtlIsDosDeviceName_U(PCWSTR p)
{
    ULONG type = RtlDetermineDosPathNameType_U(p);
    if (type == RtlPathTypeUncAbsolute || type == RtlPathTypeLocalDevice || type == RtlPathTypeRootLocalDevice)
        return 0;
    SIZE_T n = wcslen(p), start = 0, len = 0;
    for (SIZE_T i = 0; i < n; i++)
        if (Sep(p[i]) || (i == 1 && p[1] == ':')) start = i + 1;
    while (start + len < n && p[start + len] != '.' && p[start + len] != ':') len++;
    while (len > 0 && p[start + len - 1] == ' ') len--;
    WCHAR up[4];
    if (len != 3 && len != 4) return 0;
    for (SIZE_T i = 0; i < len; i++) up[i] = RtlUpcaseUnicodeChar(p[start + i]);
    static const WCHAR three[][3] = { {'N','U','L'}, {'C','O','N'}, {'A','U','X'}, {'P','R','N'} };
    static const WCHAR four[][3] = { {'C','O','M'}, {'L','P','T'} };
    for (int k = 0; k < (len == 3 ? 4 : 2); k++) {
        const WCHAR *w = len == 3 ? three[k] : four[k];
        if (up[0] == w[0] && up[1] == w[1] && up[2] == w[2] && (len == 3 || (up[3] >= '1' && up[3] <= '9')))
            return (ULONG)((start * 2) << 16 | len * 2);
    }
    return 0;
}

/* Append src (n chars) to out at *len, collapsing separators and resolving "." / "..", never
 * above `root` characters. */
static void AppendNormalised(WCHAR *out, SIZE_T *len, SIZE_T root, PCWSTR src, SIZE_T n)
{
    SIZE_T i = 0;
    while (i < n) {
        while (i < n && Sep(src[i])) i++;
        SIZE_T start = i;
        while (i < n && !Sep(src[i])) i++;
        SIZE_T seg = i - start;
        if (seg == 0) break;
        if (seg == 1 && src[start] == '.') continue;
        if (seg == 2 && src[start] == '.' && src[start + 1] == '.') {
            if (*len > root) {                                  /* the last element and its separator go */
                if (out[*len - 1] == '\\') (*len)--;
                while (*len > root && out[*len - 1] != '\\') (*len)--;
                if (*len > root) (*len)--;
            }
            continue;
        }
        if (*len > 0 && out[*len - 1] != '\\') out[(*len)++] = '\\';
        for (SIZE_T k = 0; k < seg; k++) out[(*len)++] = src[start + k];
    }
    if (i > 0 && n > 0 && Sep(src[n - 1]) && (*len == 0 || out[*len - 1] != '\\'))
        out[(*len)++] = '\\';                                   /* a trailing separator stays */
}

/* The current directory as the start of a full path: without the trailing separator it is kept
 * with, unless it is a drive's root ("C:\\work\\" starts "C:\\work", "C:\\" stays). */
static SIZE_T CopyCurrentDirectory(WCHAR *out, const UNICODE_STRING *cwd)
{
    SIZE_T len = cwd->Length / 2;
    memcpy(out, cwd->Buffer, len * 2);
    if (len > 3 && out[len - 1] == '\\') len--;
    return len;
}

/* The full path of name in out (MAX_PATH_CHARS + 1); returns its length, or 0 if it cannot be. */
static SIZE_T FullPath(PCWSTR name, WCHAR *out, SIZE_T *root_out)
{
    ULONG type = RtlDetermineDosPathNameType_U(name);
    SIZE_T n = wcslen(name), len = 0, root = 0;
    const UNICODE_STRING *cwd = &CURDIR_PATH;
    if (n > MAX_PATH_CHARS - 8) return 0;
    ULONG device = RtlIsDosDeviceName_U(name);
    if (device) {                                               /* C:\x\nul.txt -> \\.\nul */
        memcpy(out, L"\\\\.\\", 8);
        memcpy(out + 4, name + (device >> 16) / 2, (device & 0xFFFF));
        len = 4 + (device & 0xFFFF) / 2;
        out[len] = 0;
        *root_out = 4;
        return len;
    }
    switch (type) {
    case RtlPathTypeLocalDevice:
        if (name[2] == '?') { memcpy(out, name, n * 2); *root_out = 4; return n; }   /* \\?\ verbatim */
        memcpy(out, L"\\\\.\\", 8); len = root = 4;
        AppendNormalised(out, &len, root, name + 4, n - 4);
        break;
    case RtlPathTypeRootLocalDevice:
        memcpy(out, L"\\\\.\\", 8); len = root = 4;
        break;
    case RtlPathTypeUncAbsolute: {
        memcpy(out, L"\\\\", 4); len = 2;
        SIZE_T i = 2, parts = 0;                                /* \\server\share is the root */
        while (i < n && parts < 2) {
            while (i < n && !Sep(name[i])) out[len++] = name[i++];
            if (++parts < 2 && i < n) { out[len++] = '\\'; i++; }
        }
        root = len;
        AppendNormalised(out, &len, root, name + i, n - i);
        break;
    }
    case RtlPathTypeDriveAbsolute:
        out[0] = RtlUpcaseUnicodeChar(name[0]); out[1] = ':'; out[2] = '\\'; len = root = 3;
        AppendNormalised(out, &len, root, name + 3, n - 3);
        break;
    case RtlPathTypeDriveRelative:
        if (cwd->Length >= 4 && RtlUpcaseUnicodeChar(cwd->Buffer[0]) == RtlUpcaseUnicodeChar(name[0])) {
            len = CopyCurrentDirectory(out, cwd);
        } else {
            out[0] = RtlUpcaseUnicodeChar(name[0]); out[1] = ':'; out[2] = '\\'; len = 3;
        }
        root = 3;
        AppendNormalised(out, &len, root, name + 2, n - 2);
        break;
    case RtlPathTypeRooted:
        out[0] = cwd->Buffer[0]; out[1] = ':'; out[2] = '\\'; len = root = 3;
        AppendNormalised(out, &len, root, name, n);
        break;
    default:
        len = CopyCurrentDirectory(out, cwd);
        root = 3;
        AppendNormalised(out, &len, root, name, n);
        break;
    }
    /* The last element loses its trailing dots and spaces, as Win32 names do. */
    while (len > root && (out[len - 1] == '.' || out[len - 1] == ' ')) len--;
    out[len] = 0;
    *root_out = root;
    return len;
}

NTSYSAPI ULONG NTAPI RtlGetFullPathName_U(PCWSTR name, ULONG size, PWSTR buffer, PWSTR *file_part)
{
    if (file_part) *file_part = NULL;
    if (name == NULL || name[0] == 0) return 0;
    WCHAR *full = RtlAllocateHeap(RtlpProcessHeap(), 0, (MAX_PATH_CHARS + 1) * 2);
    if (full == NULL) return 0;
    RtlAcquirePebLock();
    SIZE_T root, len = FullPath(name, full, &root);
    RtlReleasePebLock();
    ULONG result = (ULONG)(len * 2);
    if (len == 0) {
        result = 0;
    } else if ((len + 1) * 2 > size) {
        result = (ULONG)((len + 1) * 2);                        /* the size needed, NUL included */
    } else {
        memcpy(buffer, full, (len + 1) * 2);
        if (file_part && buffer[len - 1] != '\\') {
            SIZE_T k = len;
            while (k > 0 && buffer[k - 1] != '\\') k--;
            *file_part = buffer + k;
        }
    }
    RtlFreeHeap(RtlpProcessHeap(), 0, full);
    return result;
}

NTSYSAPI NTSTATUS NTAPI RtlDosPathNameToNtPathName_U_WithStatus(PCWSTR dos, UNICODE_STRING *nt, PWSTR *file_part,
                                                                 PVOID reserved)
{
    (void)reserved;
    if (file_part) *file_part = NULL;
    if (dos == NULL || dos[0] == 0) return STATUS_OBJECT_NAME_INVALID;
    WCHAR *full = RtlAllocateHeap(RtlpProcessHeap(), 0, (MAX_PATH_CHARS + 8) * 2);
    if (full == NULL) return STATUS_NO_MEMORY;
    SIZE_T prefix = 4, len, root;
    ULONG type = RtlDetermineDosPathNameType_U(dos);
    memcpy(full, L"\\??\\", 8);
    if (type == RtlPathTypeLocalDevice && dos[2] == '?') {     /* \\?\X: the rest is taken as it is */
        len = wcslen(dos + 4);
        if (len > MAX_PATH_CHARS) { RtlFreeHeap(RtlpProcessHeap(), 0, full); return STATUS_NAME_TOO_LONG; }
        memcpy(full + 4, dos + 4, (len + 1) * 2);
    } else {
        RtlAcquirePebLock();
        len = FullPath(dos, full + 4, &root);
        RtlReleasePebLock();
        if (len == 0) { RtlFreeHeap(RtlpProcessHeap(), 0, full); return STATUS_OBJECT_NAME_INVALID; }
        if (type == RtlPathTypeUncAbsolute) {                   /* \\server\share -> \??\UNC\server\share */
            memmove(full + 8, full + 6, (len - 1) * 2);
            memcpy(full + 4, L"UNC\\", 8);
            len += 2;
        } else if (type == RtlPathTypeLocalDevice || type == RtlPathTypeRootLocalDevice ||
                   RtlIsDosDeviceName_U(dos)) {
            memmove(full + 4, full + 8, (len - 3) * 2);         /* \\.\X -> \??\X */
            len -= 4;
        }
    }
    full[prefix + len] = 0;
    nt->Buffer = full;
    nt->Length = (USHORT)((prefix + len) * 2);
    nt->MaximumLength = (USHORT)((prefix + len + 1) * 2);
    if (file_part && full[prefix + len - 1] != '\\') {
        SIZE_T k = prefix + len;
        while (k > 0 && full[k - 1] != '\\') k--;
        *file_part = full + k;
    }
    return STATUS_SUCCESS;
}

NTSYSAPI BOOLEAN NTAPI RtlDosPathNameToNtPathName_U(PCWSTR dos, UNICODE_STRING *nt, PWSTR *file_part, PVOID reserved)
{
    return RtlDosPathNameToNtPathName_U_WithStatus(dos, nt, file_part, reserved) >= 0;
}

/* The current directory without its trailing '\' (but for a root such as C:\), in bytes. */
NTSYSAPI ULONG NTAPI RtlGetCurrentDirectory_U(ULONG size, PWSTR buffer)
{
    RtlAcquirePebLock();
    const UNICODE_STRING *cwd = &CURDIR_PATH;
    SIZE_T len = cwd->Length / 2;
    if (len > 3 && cwd->Buffer[len - 1] == '\\') len--;
    ULONG result;
    if ((len + 1) * 2 > size) {
        result = (ULONG)((len + 1) * 2);
    } else {
        memcpy(buffer, cwd->Buffer, len * 2);
        buffer[len] = 0;
        result = (ULONG)(len * 2);
    }
    RtlReleasePebLock();
    return result;
}

NTSTATUS NTAPI NtOpenFile(HANDLE *File, ULONG Access, OBJECT_ATTRIBUTES *Oa, IO_STATUS_BLOCK *Iosb, ULONG Share,
                          ULONG Options);

NTSYSAPI NTSTATUS NTAPI RtlSetCurrentDirectory_U(const UNICODE_STRING *path)
{
    WCHAR *dos = RtlAllocateHeap(RtlpProcessHeap(), 0, (SIZE_T)path->Length + 2);
    if (dos == NULL) return STATUS_NO_MEMORY;
    memcpy(dos, path->Buffer, path->Length);
    dos[path->Length / 2] = 0;
    UNICODE_STRING nt;
    NTSTATUS status = RtlDosPathNameToNtPathName_U_WithStatus(dos, &nt, NULL, NULL);
    RtlFreeHeap(RtlpProcessHeap(), 0, dos);
    if (status < 0) return status;
    OBJECT_ATTRIBUTES oa = {sizeof(oa), NULL, &nt, OBJ_CASE_INSENSITIVE, NULL, NULL};
    IO_STATUS_BLOCK iosb;
    HANDLE dir = NULL;
    /* FILE_TRAVERSE | SYNCHRONIZE; share read and write; FILE_DIRECTORY_FILE | FILE_SYNCHRONOUS_IO_NONALERT */
    status = NtOpenFile(&dir, 0x00100020, &oa, &iosb, 3, 0x21);
    if (status >= 0) {
        RtlAcquirePebLock();
        UNICODE_STRING *cwd = &CURDIR_PATH;
        SIZE_T len = (nt.Length / 2) - 4;                       /* without \??\ */
        if (len + 2 > cwd->MaximumLength / 2u) {
            status = STATUS_NAME_TOO_LONG;
            NtClose(dir);
        } else {
            memcpy(cwd->Buffer, nt.Buffer + 4, len * 2);
            if (cwd->Buffer[len - 1] != '\\') cwd->Buffer[len++] = '\\';
            cwd->Buffer[len] = 0;
            cwd->Length = (USHORT)(len * 2);
            if (CURDIR_HANDLE) NtClose(CURDIR_HANDLE);
            CURDIR_HANDLE = dir;
        }
        RtlReleasePebLock();
    }
    RtlFreeHeap(RtlpProcessHeap(), 0, nt.Buffer);
    return status;
}
